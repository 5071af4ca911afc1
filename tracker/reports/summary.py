"""The quarterly summary as plain data: the state of a plan as of a quarter's end,
what changed during the quarter, and the trend before it. Built once here, then
rendered to each format (tracker.reports.render)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy.orm import Session

from tracker.errors import ValidationError
from tracker.models import Plan
from tracker.progress import ROLLUP_COLUMNS, in_figures, missing_in
from tracker.quarters import Quarter, quarter_range
from tracker.service.contributions import list_contributions
from tracker.service.indicators import list_indicators
from tracker.service.instruments import list_instruments
from tracker.service.matrix import matrix_of
from tracker.service.measures import measure_status
from tracker.service.overview import busiest_actors, theme_labels
from tracker.service.quarter_closing import closed_quarters
from tracker.service.rollups import (
    actors_of,
    figures_of,
    quarterly_metrics,
    themes_of,
    trend_of,
)
from tracker.service.structure import get_plan, list_actors, list_themes
from tracker.vocab import Rag, Status

CHANGE_COLUMNS = ["lead_name", "code", "title", "status_before", "status", "rag_before", "rag"]
CONTRIBUTION_COLUMNS = ["code", "title", "actor", "text", "link"]


@dataclass(frozen=True)
class Stamp:
    """Who produced a summary and when: the only thing that differs between two
    summaries of the same data (shown on the cover only)."""

    produced_at: datetime
    produced_by: str


@dataclass(frozen=True)
class Summary:
    plan_name: str
    plan_years: tuple[int, int]
    quarter: Quarter
    as_of: datetime  # the quarter's last instant, or now while it runs
    provisional: bool  # the quarter is not closed (or not over): figures may change
    example_data: bool  # any measure is example data
    figures: pd.Series  # ROLLUP_COLUMNS for the whole plan as of the quarter's end
    themes: pd.DataFrame  # themes_of with `label`, plan order
    actors: pd.DataFrame  # actors_of for every lead actor, most measures first
    chart_actors: pd.DataFrame  # the lead actors the overview chart shows
    transitions: pd.DataFrame  # CHANGE_COLUMNS: status changed during the quarter
    newly_completed: pd.DataFrame  # CHANGE_COLUMNS
    newly_red: pd.DataFrame  # CHANGE_COLUMNS
    unreported: pd.DataFrame  # CHANGE_COLUMNS: due a report for the quarter, none given
    overdue: pd.DataFrame  # CHANGE_COLUMNS: past their end, neither completed nor cancelled
    contributions: pd.DataFrame  # CONTRIBUTION_COLUMNS: partners' for the quarter, by measure
    measures: pd.DataFrame  # measure_status as of the quarter's end, plan order
    trend: pd.DataFrame  # trend_of: one row per quarter from the plan's first to this one
    indicators: pd.DataFrame  # list_indicators as reported by the quarter's end
    indicator_values: pd.DataFrame
    stamp: Stamp
    matrix: pd.DataFrame  # tracker.service.matrix CELL_COLUMNS: the quarter's measures, instruments

    def stamped(self, stamp: Stamp) -> Summary:
        return replace(self, stamp=stamp)


def build_summary(
    session: Session,
    *,
    plan_id: int,
    quarter: Quarter,
    produced_by: str,
    now: datetime | None = None,
) -> Summary:
    """The summary of `quarter` as of its last second (or now, while it runs).
    Reports made after the quarter's end never change it."""
    now = now or datetime.now(UTC)
    plan = get_plan(session, plan_id)
    first = _first_quarter(plan, quarter)
    as_of = quarter.end_or_now(now)
    # One pass over the history gives this quarter, the one before and the trend.
    quarterly = quarterly_metrics(
        session, plan_id=plan_id, quarters=quarter_range(first.previous(), quarter), now=now
    )
    if quarterly.empty:  # a plan without measures
        metrics = before = measure_status(session, plan_id=plan_id, as_of=as_of)
    else:
        metrics, before = _at(quarterly, quarter), _at(quarterly, quarter.previous())
    # The quarter's measures: those made and begun by its end (tracker.progress).
    metrics = in_figures(metrics).reset_index(drop=True)
    actors = _leading(actors_of(metrics, list_actors(session)))
    themes = themes_of(metrics, list_themes(session, plan_id))
    themes["label"] = theme_labels(themes["code"], themes["name"])
    changes = _changes(metrics, before)
    indicators, indicator_values = list_indicators(session, plan_id, as_of)
    # Only indicators with a value by then: one added later must not change this summary.
    indicators = indicators[indicators["value"].notna()].reset_index(drop=True)
    closed = closed_quarters(session, plan_id)
    return Summary(
        plan_name=plan.name,
        plan_years=(plan.start_year, plan.end_year),
        quarter=quarter,
        as_of=as_of,
        provisional=not (quarter.has_ended(now) and str(quarter) in closed),
        example_data=bool(metrics["is_example"].any()) if not metrics.empty else False,
        figures=figures_of(metrics).reindex(ROLLUP_COLUMNS),
        themes=themes.reset_index(drop=True),
        actors=actors.reset_index(drop=True),
        chart_actors=busiest_actors(actors),
        transitions=_rows(changes, changes["status"] != changes["status_before"]),
        newly_completed=_rows(changes, _became(changes, "status", Status.COMPLETED)),
        newly_red=_rows(changes, _became(changes, "rag", Rag.RED)),
        unreported=_unreported(changes, metrics, quarter),
        overdue=_by_actor(changes[changes["id"].isin(metrics.loc[metrics["overdue"], "id"])]),
        contributions=_contributions(session, metrics, plan_id, quarter, as_of),
        measures=metrics.reset_index(drop=True),
        trend=trend_of(quarterly[quarterly["quarter"] != str(first.previous())]),
        indicators=indicators,
        indicator_values=indicator_values,
        stamp=Stamp(produced_at=now, produced_by=produced_by),
        matrix=matrix_of(metrics, list_instruments(session)).cells,
    )


def _first_quarter(plan: Plan, quarter: Quarter) -> Quarter:
    """The plan's first quarter. Raises ValidationError when `quarter` is outside the plan."""
    first = Quarter(plan.start_year, 1)
    if not first <= quarter <= Quarter(plan.end_year, 4):
        raise ValidationError.of(
            "summary.quarter_outside_plan",
            quarter=str(quarter),
            start=plan.start_year,
            end=plan.end_year,
        )
    return first


def _leading(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors that lead measures, those that lead most first."""
    actors = actors[actors["measures"] > 0]
    return actors.sort_values(["measures", "name"], ascending=[False, True], kind="stable")


def _at(quarterly: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    """One quarter's rows of a quarterly_metrics frame: a measure_status frame."""
    rows = quarterly[quarterly["quarter"] == str(quarter)]
    return rows.drop(columns=["quarter"]).reset_index(drop=True)


def _changes(metrics: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    """Each measure's status and RAG now and at the previous quarter's end."""
    earlier = before[["id", "status", "rag"]].rename(
        columns={"status": "status_before", "rag": "rag_before"}
    )
    frame = metrics[["id", "lead_name", "code", "title", "status", "rag", "period"]]
    return frame.merge(earlier, on="id", how="left", validate="one_to_one")


def _became(changes: pd.DataFrame, column: str, value: str) -> pd.Series:
    return (changes[column] == value) & (changes[f"{column}_before"] != value)


def _rows(changes: pd.DataFrame, keep: pd.Series) -> pd.DataFrame:
    """The kept rows, only measures reported by now, grouped by lead actor."""
    kept = changes[keep & changes["status"].notna()]
    return _by_actor(kept)


def _unreported(changes: pd.DataFrame, metrics: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    missing = missing_in(metrics, quarter)["id"]
    return _by_actor(changes[changes["id"].isin(missing)])


def _contributions(
    session: Session, metrics: pd.DataFrame, plan_id: int, quarter: Quarter, as_of: datetime
) -> pd.DataFrame:
    """The partners' contributions for the quarter made by its end, in plan order."""
    found = list_contributions(session, plan_id=plan_id, period=quarter, as_of=as_of)
    order = metrics[["id", "code", "title"]].assign(_order=range(len(metrics)))
    rows = found.merge(order, left_on="measure_id", right_on="id", how="inner")
    rows = rows.sort_values(["_order", "created_at"], kind="stable")
    return rows[CONTRIBUTION_COLUMNS].reset_index(drop=True)


def _by_actor(frame: pd.DataFrame) -> pd.DataFrame:
    """Sorted by lead actor, then in plan order (the frame's order)."""
    ordered = frame.assign(_order=range(len(frame))).sort_values(
        ["lead_name", "_order"], kind="stable"
    )
    return ordered[CHANGE_COLUMNS].reset_index(drop=True)
