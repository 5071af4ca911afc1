"""Page-sized results computed in one call, so the UI can cache each as a whole
(keyed by plain values, not by DataFrames): the overview and the actor table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from tracker.quarters import Quarter
from tracker.service.asof import AsOf
from tracker.service.measures import MeasureFilter, filter_measures, measure_status
from tracker.service.rollups import (
    actors_of,
    figures_of,
    quarterly_metrics,
    rag_grid_of,
    reporting_of,
    themes_of,
    trend_of,
)
from tracker.service.structure import list_actors, list_themes, theme_short_name

ACTOR_CHART_LIMIT = 25


@dataclass(frozen=True)
class Overview:
    totals: pd.Series  # ROLLUP_COLUMNS for the narrowed measures
    themes: pd.DataFrame  # themes_of, with a short `label`
    actors: pd.DataFrame  # actors_of: the ACTOR_CHART_LIMIT lead actors with most measures
    actors_leading: int  # how many actors lead any of the measures
    trend: pd.DataFrame  # trend_of over `quarters`
    grid: pd.DataFrame  # rag_grid_of, with `theme_label`
    measures: pd.DataFrame  # the narrowed measure_status frame


def overview(
    session: Session,
    *,
    plan_id: int,
    as_of: AsOf,
    quarters: tuple[Quarter, ...],
    theme_id: int | None = None,
    actor_id: int | None = None,
    with_partner_measures: bool = False,
) -> Overview:
    """The overview as of a moment, narrowed to a theme and/or an actor: the measures
    it leads, and with_partner_measures also those it is a partner or funder in."""
    where = MeasureFilter(theme_id=theme_id, actor_id=actor_id, lead_only=not with_partner_measures)
    metrics = filter_measures(measure_status(session, plan_id=plan_id, as_of=as_of), where)
    themes = list_themes(session, plan_id)
    theme_rows = themes_of(metrics, themes)
    theme_rows["label"] = theme_labels(theme_rows["code"], theme_rows["name"])
    actor_rows = actors_of(metrics, list_actors(session))
    quarterly = filter_measures(
        quarterly_metrics(session, plan_id=plan_id, quarters=list(quarters)), where
    )
    grid = rag_grid_of(quarterly, themes, list(quarters))
    grid["theme_label"] = theme_labels(grid["theme_code"], grid["theme_name"])
    return Overview(
        totals=figures_of(metrics),
        themes=theme_rows,
        actors=busiest_actors(actor_rows),
        actors_leading=int((actor_rows["measures"] > 0).sum()),
        trend=trend_of(quarterly),
        grid=grid,
        measures=metrics,
    )


def busiest_actors(actor_rows: pd.DataFrame) -> pd.DataFrame:
    """The lead actors with most measures (a chart of hundreds of bars says nothing),
    in name order."""
    leading = actor_rows[actor_rows["measures"] > 0]
    top = leading.nlargest(ACTOR_CHART_LIMIT, "measures", keep="first")
    return top.sort_values("name").reset_index(drop=True)


def theme_labels(codes: pd.Series, names: pd.Series) -> list[str]:
    """'1 Attraktiv': short labels for charts (the full name is in the hover)."""
    return [f"{c} {theme_short_name(str(n))}" for c, n in zip(codes, names, strict=True)]


def actor_table(
    session: Session, *, plan_id: int, as_of: AsOf, quarter: Quarter
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per actor: actors_of merged with reporting_of for `quarter` (counts 0 where
    an actor leads nothing running), and the measure_status frame behind it."""
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    return actor_table_of(metrics, list_actors(session), quarter)


def actor_table_of(
    metrics: pd.DataFrame, actors: pd.DataFrame, quarter: Quarter
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """actor_table from a measure_status frame and the actors (pure)."""
    table = actors_of(metrics, actors).merge(
        reporting_of(metrics, quarter), on="actor_id", how="left"
    )
    counts = ["quarter_due", "quarter_reported", "quarter_missing"]
    table[counts] = table[counts].fillna(0).astype(int)
    return table, metrics
