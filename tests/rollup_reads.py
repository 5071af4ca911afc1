"""Roll-ups read straight from the database, for tests: each one reads the frames
the way tracker.service.overview does and rolls them up with the same pure functions
(tracker.service.rollups), so a test can ask for one figure in one call."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from tracker.quarters import Quarter
from tracker.service.asof import AsOf
from tracker.service.measures import measure_status
from tracker.service.rollups import (
    actors_of,
    figures_of,
    goals_of,
    plan_quarters_so_far,
    quarterly_metrics,
    themes_of,
    trend_of,
)
from tracker.service.structure import list_actors, list_goals, list_themes


def plan_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.Series:
    """The whole plan's figures as one row (ROLLUP_COLUMNS)."""
    return figures_of(measure_status(session, plan_id=plan_id, as_of=as_of))


def theme_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    """One row per theme, in plan order, themes without measures included."""
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    return themes_of(metrics, list_themes(session, plan_id))


def goal_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    return goals_of(metrics, list_goals(session, plan_id))


def actor_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    return actors_of(metrics, list_actors(session))


def trend(session: Session, *, plan_id: int, quarters: list[Quarter] | None = None) -> pd.DataFrame:
    """The plan's figures at the end of every quarter (default: the plan's first
    quarter to the last finished one), one row per quarter."""
    quarters = quarters if quarters is not None else plan_quarters_so_far(session, plan_id)
    return trend_of(quarterly_metrics(session, plan_id=plan_id, quarters=quarters))
