"""Progress math, pure: no database, no Streamlit.

Rules (the product's design notes, kept here as code; the README's «Progress math» says them too):
- a measure's progress is its reported percentage; `completed` counts as 100;
- `cancelled` measures leave the average and are counted apart;
- unknown progress (no report, or a report without a percentage) is not 0: it
  leaves the average and lowers the report coverage instead;
- a quarter's figures hold the measures that existed and had begun by its end:
  a measure created later, or whose span starts later, is not in them at all
  (listed, but not counted: `begun` is false);
- "reported" splits in two: reported for the as-of quarter (`fresh`), and last
  reported in an earlier quarter (carried forward, still counted in the average);
- a measure past its end that is neither completed nor cancelled is overdue
  (Forfalt), whether it was ever reported or not;
- roll-ups are weighted means, weights normalised over the measures that count
  and are reported; expected progress is averaged over the same measures so the
  two figures compare like with like.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar, overload

import pandas as pd

from tracker.quarters import OSLO, Quarter
from tracker.vocab import Rag, Status

BEHIND_MARGIN = 15.0
"""Percentage points below expected progress before a measure is behind schedule."""

P = TypeVar("P")


@overload
def reported_progress(status: pd.Series, progress: pd.Series) -> pd.Series: ...
@overload
def reported_progress(status: object, progress: P) -> P | int: ...
def reported_progress(status: object, progress: object) -> object:
    """The percentage a report holds: `completed` counts as 100, any other status keeps
    its own (None or NaN: unknown). For one report, or a Series of each aligned."""
    if isinstance(progress, pd.Series) and isinstance(status, pd.Series):
        return progress.mask(status == Status.COMPLETED, 100.0)
    return 100 if status == Status.COMPLETED else progress


def running_in(measures: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    """The measures whose span (start_period to end_period) holds `quarter`: the ones
    a lead may report on for it."""
    text = str(quarter)
    return measures[(measures["start_period"] <= text) & (measures["end_period"] >= text)]


def due_in(measures: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    """The measures due a report for `quarter`: running then, not cancelled, and not
    completed in an earlier quarter (a finished measure has nothing to report).
    Needs the latest report's status and period beside the span."""
    running = running_in(measures, quarter)
    done_before = (running["status"] == Status.COMPLETED) & (running["period"] < str(quarter))
    return running[(running["status"] != Status.CANCELLED) & ~done_before]


def missing_in(measures: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    """The measures due a report for `quarter` (due_in) that have none for it: what the
    report page, the reminders, the Aktører counts and the summary call «Mangler»."""
    due = due_in(measures, quarter)
    return due[due["period"] != str(quarter)]


def add_measure_metrics(frame: pd.DataFrame, as_of: datetime | pd.Series) -> pd.DataFrame:
    """Add effective/expected progress and counting flags to one row per measure.

    Needs columns weight, start_period, end_period, status, progress, rag. as_of is
    one moment, or a Series of moments aligned with frame (one per row).
    Returns a new frame with: effective, expected, begun, counts, known, behind,
    fresh (reported for the quarter holding as_of) and overdue. The same rules as
    effective_progress and expected_progress, vectorised.
    """
    out = frame.copy()
    status = out["status"].astype(object)
    progress = pd.to_numeric(out["progress"], errors="coerce").astype("float64")
    effective = progress.where(status.notna() & (status != Status.CANCELLED))
    out["effective"] = reported_progress(status, effective)
    begin = _seconds(out["start_period"], Quarter.start)
    finish = _seconds(out["end_period"], Quarter.end)
    moment = _moment_seconds(as_of, out.index)
    share = ((moment - begin) / (finish - begin)).clip(0.0, 1.0)
    out["expected"] = (100.0 * share).astype("float64")
    out["begun"] = (begin <= moment).astype(bool)
    cancelled = status == Status.CANCELLED
    out["counts"] = out["begun"] & ~cancelled
    out["known"] = out["counts"] & out["effective"].notna()
    out["behind"] = (
        out["known"]
        & (out["effective"] < 100.0)
        & (out["effective"] < out["expected"] - BEHIND_MARGIN)
    )
    period = out["period"] if "period" in out else pd.Series(None, index=out.index, dtype=object)
    out["fresh"] = (out["counts"] & (period == _quarter_texts(as_of, out.index))).astype(bool)
    finished = status.isin([Status.COMPLETED, Status.CANCELLED])
    out["overdue"] = ((moment > finish) & ~finished).astype(bool)
    return out


def _quarter_texts(as_of: datetime | pd.Series, index: pd.Index) -> pd.Series:
    """The quarter (`YYYY-Qn`, Oslo time) holding each as-of moment."""
    if not isinstance(as_of, pd.Series):
        return pd.Series(str(Quarter.containing(as_of)), index=index, dtype=object)
    local = pd.to_datetime(as_of, utc=True).dt.tz_convert(OSLO)
    texts = local.dt.year.astype(str) + "-Q" + ((local.dt.month - 1) // 3 + 1).astype(str)
    return pd.Series(texts.to_numpy(), index=index, dtype=object)


def in_figures(metrics: pd.DataFrame) -> pd.DataFrame:
    """The rows a quarter's figures are made of: measures begun by the as-of moment."""
    return metrics[metrics["begun"].astype(bool)]


def _seconds(periods: pd.Series, edge: Callable[[Quarter], datetime]) -> pd.Series:
    """Each `YYYY-Qn` as epoch seconds of its start or end (parsed once per value)."""
    table = {p: edge(Quarter.parse(p)).timestamp() for p in periods.unique()}
    return periods.map(table).astype("float64")


def _moment_seconds(as_of: datetime | pd.Series, index: pd.Index) -> pd.Series:
    if isinstance(as_of, pd.Series):
        moments = pd.to_datetime(as_of, utc=True).astype("datetime64[us, UTC]")
        return pd.Series(moments.astype("int64") / 1e6, index=index, dtype="float64")
    return pd.Series(as_of.timestamp(), index=index, dtype="float64")


RAG_SHARE = 0.25
"""Share of a group's rated measures that makes the group yellow (yellow or red) or red."""


def group_rag(green: int, yellow: int, red: int) -> str | None:
    """A group's RAG from its measures' ratings: red when at least a quarter are red,
    yellow when at least a quarter are yellow or red, else green; None when unrated."""
    rated = green + yellow + red
    if rated == 0:
        return None
    if red / rated >= RAG_SHARE:
        return Rag.RED.value
    if (yellow + red) / rated >= RAG_SHARE:
        return Rag.YELLOW.value
    return Rag.GREEN.value


ROLLUP_COLUMNS = [
    "measures",
    "cancelled",
    "counted",
    "reported",
    "reported_now",
    "reported_earlier",
    "coverage",
    "progress",
    "expected",
    "behind",
    "completed",
    "red",
    "overdue",
    *[f"status_{s.value}" for s in Status],
    "no_report",
]


def roll_up(metrics: pd.DataFrame, by: str | list[str] | None = None) -> pd.DataFrame:
    """Roll measure metrics (from add_measure_metrics) up per group, or overall.

    Only the measures begun by the as-of moment take part (in_figures); a group
    with none gets no row. Returns one row per group (index = the group keys;
    overall: index ["alle"]) with ROLLUP_COLUMNS. coverage is reported/counted (NaN
    when nothing counts); progress and expected are NaN when nothing is reported.
    reported_now + reported_earlier counts the measures that count and have a
    report (with or without a percentage); no_report those with none, cancelled
    ones never among them.
    """
    data = _flags(in_figures(metrics))
    keys = by if by is not None else (lambda _: "alle")
    summed = [*_COUNTS.values(), "_w", "_wp", "_we"]
    sums = data.groupby(keys, sort=False, dropna=False)[summed].sum()
    out = sums[list(_COUNTS.values())].astype(int).set_axis(list(_COUNTS), axis=1)
    out["coverage"] = (out["reported"] / out["counted"]).where(out["counted"] > 0)
    weight = sums["_w"].where(sums["_w"] > 0)
    out["progress"] = sums["_wp"] / weight
    out["expected"] = sums["_we"] / weight
    return out[ROLLUP_COLUMNS]


_COUNTS = {
    "measures": "_one",
    "cancelled": "_cancelled",
    "counted": "counts",
    "reported": "known",
    "reported_now": "_now",
    "reported_earlier": "_earlier",
    "behind": "behind",
    "completed": "_completed",
    "red": "_red",
    "overdue": "_overdue",
    **{f"status_{s.value}": f"status_{s.value}" for s in Status},
    "no_report": "_no_report",
}
"""The roll-up's counts, each the sum per group of a flag column _flags adds."""


def _flags(metrics: pd.DataFrame) -> pd.DataFrame:
    """metrics with the 0/1 flags roll_up counts and the weights it sums (_w, _wp, _we)."""
    reported_any = metrics["counts"] & metrics["status"].notna()
    data = metrics.assign(
        _one=1,
        _cancelled=metrics["status"] == Status.CANCELLED,
        _completed=metrics["status"] == Status.COMPLETED,
        _red=metrics["rag"] == Rag.RED,
        _no_report=metrics["status"].isna(),
        _now=metrics["fresh"],
        _earlier=reported_any & ~metrics["fresh"].astype(bool),
        _overdue=metrics["overdue"],
        _w=metrics["weight"].where(metrics["known"], 0.0),
    )
    data["_wp"] = data["_w"] * data["effective"].fillna(0.0)
    data["_we"] = data["_w"] * data["expected"]
    for status in Status:
        data[f"status_{status.value}"] = data["status"] == status
    return data
