"""Measures with their status as of a moment, filtered, and with progress metrics."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from tracker.code_lists import holds
from tracker.progress import add_measure_metrics
from tracker.service.asof import AsOf, as_of_moment
from tracker.service.status import STATUS_COLUMNS, code_column, latest_status
from tracker.service.structure import measures_frame

NEVER_REPORTED = "none"
"""MeasureFilter.status for the measures with no status report yet (not a Status code)."""


@dataclass(frozen=True)
class MeasureFilter:
    """Narrowing a measure list; every field empty means no narrowing."""

    theme_id: int | None = None
    actor_id: int | None = None  # as lead or as partner
    lead_only: bool = False
    status: str | None = None  # a Status code, or NEVER_REPORTED
    rag: str | None = None
    search: str = ""
    target_group: str | None = None  # a TargetGroup code the measure names
    work_kind: str | None = None  # a WorkKind code


METRIC_COLUMNS = ("effective", "expected", "begun", "counts", "known", "behind", "fresh", "overdue")
"""What add_measure_metrics adds; an empty frame gets the columns too."""


def measure_status(session: Session, *, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    """One row per measure: structure, its latest report as of, and progress metrics.

    Three SQL statements whatever the plan's size.
    """
    moment = as_of_moment(as_of)
    measures = measures_frame(session, plan_id)
    measures = measures[~(measures["created_at"] > moment)]  # made later: not there yet
    status = latest_status(session, plan_id, moment)
    frame = measures.merge(
        status, how="left", left_on="id", right_on="measure_id", validate="one_to_one"
    ).drop(columns=["measure_id"])
    if frame.empty:
        for column in METRIC_COLUMNS:
            frame[column] = pd.Series(dtype="float64")
        return frame
    frame["status"] = code_column(frame["status"])
    frame["rag"] = code_column(frame["rag"])
    return add_measure_metrics(frame, moment)


def list_measures(
    session: Session,
    *,
    plan_id: int,
    as_of: AsOf = None,
    where: MeasureFilter | None = None,
) -> pd.DataFrame:
    """measure_status narrowed by a MeasureFilter."""
    return filter_measures(measure_status(session, plan_id=plan_id, as_of=as_of), where)


def filter_measures(frame: pd.DataFrame, where: MeasureFilter | None) -> pd.DataFrame:
    """Apply a MeasureFilter to a frame from measure_status (pure, no SQL)."""
    if where is None or frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if where.theme_id is not None:
        keep &= frame["theme_id"] == where.theme_id
    if where.actor_id is not None:
        leads = frame["lead_actor_id"] == where.actor_id
        if where.lead_only:
            keep &= leads
        else:
            keep &= leads | frame["partner_ids"].map(lambda ids: where.actor_id in ids)
    if where.status == NEVER_REPORTED:
        keep &= frame["status"].isna()
    elif where.status:
        keep &= frame["status"] == where.status
    if where.rag:
        keep &= frame["rag"] == where.rag
    for column, code in (("target_groups", where.target_group), ("work_kinds", where.work_kind)):
        if code:
            keep &= frame[column].map(lambda text, code=code: holds(text, code))
    if where.search.strip():
        needle = where.search.strip().casefold()
        text = (
            frame["code"].astype(str)
            + " "
            + frame["title"].astype(str)
            + " "
            + frame["description"].astype(str)
            + " "
            + frame["lead_name"].astype(str)
            + " "
            + frame["partners"].astype(str)
        )
        keep &= text.str.casefold().str.contains(needle, regex=False)
    return frame[keep]


__all__ = ["STATUS_COLUMNS", "MeasureFilter", "filter_measures", "list_measures", "measure_status"]
