"""A measure row's status report (Status, Fremdrift, RAG, Kvartal, Kommentar, Neste
steg), parsed into a StatusSpec and checked by the report form's rules; a row that
says what the measure's latest report says is no new report."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from tracker.cleaning import clean_text
from tracker.models import Measure
from tracker.planfile.checks import report_problems
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import MEASURES
from tracker.planfile.specs import StatusSpec
from tracker.planfile.values import parse_progress, parse_quarter, parse_rag, parse_status
from tracker.progress import reported_progress
from tracker.quarters import Quarter
from tracker.service.status import Report
from tracker.vocab import Rag, Status

REPORT_FIELDS = ("status", "progress", "rag", "status_period")
REPORT_TEXTS = ("comment", "next_steps")
"""A row's status report columns: without a status, the fields are an error, the texts
a notice (a kept spreadsheet's «Merknad» is often there without one)."""


def status_spec(
    run: ImportRun,
    values: dict[str, str],
    row: int,
    span: tuple[Quarter | None, Quarter | None],
    measure: Measure | None,
) -> StatusSpec | None:
    """The row's new status report, or None (none given, none new, or a problem)."""
    if not any(values.get(k, "").strip() for k in (*REPORT_FIELDS, *REPORT_TEXTS)):
        return None
    if not values.get("status", "").strip():
        if any(values.get(k, "").strip() for k in REPORT_FIELDS):
            run.problem("import.status_missing", row, "status")
        elif run.has_column(MEASURES, "status"):  # else said once for the file
            run.notice("import.comment_without_status", row, "comment")
        return None
    start, end = span
    status = run.parse_cell(parse_status, values["status"], row, "status")
    progress = run.parse_cell(parse_progress, values.get("progress", ""), row, "progress")
    rag = run.parse_cell(parse_rag, values.get("rag", ""), row, "rag")
    period = status_period(run, values.get("status_period", ""), row, start, end)
    progress = reported_progress(status, progress)
    if status is None or start is None or end is None:
        return None
    comment = clean_text(values.get("comment", ""), multiline=True)
    next_steps = clean_text(values.get("next_steps", ""), multiline=True)
    if not values.get("status_period", "").strip() and start > run.quarter:
        not_begun(run, row, status, progress, comment or next_steps, start)
        return None
    spec = StatusSpec(period, status, progress, rag, comment, next_steps)
    latest = run.latest.get(measure.id) if measure is not None else None
    spec = _fill_missing_columns(spec, values, latest)
    if not _status_changed(spec, latest):
        return None
    if period is not None:
        check_report(run, spec, row, (start, end), measure)
    return spec


def not_begun(
    run: ImportRun, row: int, status: Status, progress: int | None, text: str, start: Quarter
) -> None:
    """A status on a measure that begins after this quarter is no report (none can be
    for a quarter outside the span): «Ikke startet» alone is what the measure is until
    it begins, said once for all such rows; anything more is said for its row."""
    if status == Status.NOT_STARTED and not progress and not text:
        run.not_begun_rows.append(row)
    else:
        run.notice("import.status_not_begun", row, "status", start=str(start))


def check_report(
    run: ImportRun,
    spec: StatusSpec,
    row: int,
    span: tuple[Quarter, Quarter],
    measure: Measure | None,
) -> None:
    """The report form's rules on a row's status (as status.report_status checks)."""
    assert spec.period is not None
    report = Report(
        str(spec.period), spec.status, spec.progress, spec.rag, spec.comment, spec.next_steps
    )
    newest = run.newest.get(measure.id) if measure is not None else None
    problems = report_problems(
        run.session,
        report=report,
        span=span,
        plan_id=run.plan.id,
        newest=newest,
        now=run.now,
    )
    run.refuse(problems, row)


def status_period(
    run: ImportRun, text: str, row: int, start: Quarter | None, end: Quarter | None
) -> Quarter | None:
    """The quarter a status is for: as written, or the current quarter within the span."""
    if start is None or end is None:
        return None
    if text.strip():
        period: Quarter | None = run.parse_cell(parse_quarter, text, row, "status_period")
    else:
        period = max(start, min(run.quarter, end))
    return period


def _fill_missing_columns(spec: StatusSpec, values: dict[str, str], latest: Any) -> StatusSpec:
    """A status field whose column the file lacks keeps the latest report's value
    (a file with only a Status column does not wipe progress and comments)."""
    if latest is None:
        return spec
    kept: dict[str, Any] = {}
    if "progress" not in values and spec.status != Status.COMPLETED:
        kept["progress"] = None if pd.isna(latest.progress) else int(latest.progress)
    if "rag" not in values and latest.rag:
        kept["rag"] = Rag(latest.rag)
    for name in ("comment", "next_steps"):
        if name not in values:
            kept[name] = _text(getattr(latest, name))
    return replace(spec, **kept)


def _status_changed(spec: StatusSpec, latest: Any) -> bool:
    """A row's status differs from the measure's latest report (Kvartal aside)."""
    if latest is None:
        return True
    # A completed report counts as 100 %, and a row saying completed is read as 100.
    progress = reported_progress(latest.status, latest.progress)
    same = (
        latest.status == spec.status.value
        and _same_progress(progress, spec.progress)
        and (latest.rag or None) == (spec.rag.value if spec.rag else None)
        and _text(latest.comment) == spec.comment
        and _text(latest.next_steps) == spec.next_steps
    )
    return not same


def _text(value: Any) -> str:
    return "" if pd.isna(value) else str(value)


def _same_progress(stored: Any, wanted: int | None) -> bool:
    if pd.isna(stored):
        return wanted is None
    return wanted is not None and int(stored) == wanted
