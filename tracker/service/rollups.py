"""Roll-ups per plan, theme, goal and actor as of a moment (progress math in
tracker.progress), and the trend over quarters."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from tracker.progress import ROLLUP_COLUMNS, roll_up
from tracker.quarters import Quarter, quarter_range
from tracker.service.asof import AsOf
from tracker.service.measures import measure_status
from tracker.service.structure import get_plan, list_actors, list_goals, list_themes


def plan_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.Series:
    """The whole plan's figures as one row (ROLLUP_COLUMNS)."""
    return roll_up(measure_status(session, plan_id=plan_id, as_of=as_of)).iloc[0]


def theme_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    """One row per theme, in plan order, themes without measures included."""
    themes = list_themes(session, plan_id)
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    rolled = roll_up(metrics, "theme_id") if not metrics.empty else _empty()
    return _label(themes.rename(columns={"id": "theme_id"}), rolled, "theme_id")


def goal_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    goals = list_goals(session, plan_id)
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    metrics = metrics[metrics["goal_id"].notna()]
    rolled = roll_up(metrics, "goal_id") if not metrics.empty else _empty()
    return _label(goals.rename(columns={"id": "goal_id"}), rolled, "goal_id")


def actor_rollup(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    """Per actor: figures over the measures it leads; `partner_in` counts apart the
    measures where it is a partner or funder. Actors with neither are left out."""
    actors = list_actors(session)
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    rolled = roll_up(metrics, "lead_actor_id") if not metrics.empty else _empty()
    out = _label(actors.rename(columns={"id": "actor_id"}), rolled, "actor_id")
    partner_counts = metrics["partner_ids"].explode().dropna().astype(int).value_counts()
    out["partner_in"] = out["actor_id"].map(partner_counts).fillna(0).astype(int)
    return out[(out["measures"] > 0) | (out["partner_in"] > 0)].reset_index(drop=True)


def trend(
    session: Session, *, plan_id: int, first: Quarter | None = None, last: Quarter | None = None
) -> pd.DataFrame:
    """The plan's figures at the end of every quarter from first to last
    (default: the plan's first quarter to the last finished one)."""
    plan = get_plan(session, plan_id)
    first = first or Quarter(plan.start_year, 1)
    last = last or min(Quarter.last_finished(), Quarter(plan.end_year, 4))
    rows = []
    for quarter in quarter_range(first, last):
        row = plan_rollup(session, plan_id=plan_id, as_of=quarter).to_dict()
        rows.append({"quarter": str(quarter), **row})
    return pd.DataFrame(rows, columns=["quarter", *ROLLUP_COLUMNS])


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=ROLLUP_COLUMNS)


def _label(names: pd.DataFrame, rolled: pd.DataFrame, key: str) -> pd.DataFrame:
    out = names.merge(rolled, how="left", left_on=key, right_index=True)
    counts = [c for c in ROLLUP_COLUMNS if c not in ("coverage", "progress", "expected")]
    out[counts] = out[counts].fillna(0).astype(int)
    return out.reset_index(drop=True)
