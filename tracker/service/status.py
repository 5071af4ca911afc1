"""Status reports: the latest report per measure as of a moment, the history of
one measure, and reporting a new status (validated, permission-checked,
optimistic lock, audited). Reports are only ever appended."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from sqlalchemy import DateTime, String, func, select, type_coerce
from sqlalchemy.orm import Session

from tracker.cleaning import clean_text
from tracker.errors import ConflictError, NotFound, Problem, ValidationError
from tracker.limits import is_progress
from tracker.models import Actor, ClosedPeriod, Measure, StatusUpdate, User
from tracker.progress import reported_progress
from tracker.quarters import Quarter
from tracker.service.asof import AsOf, as_of_moment
from tracker.service.audit import record
from tracker.service.checks import too_long
from tracker.service.locking import claim_version
from tracker.service.principal import Principal, require_reporter
from tracker.vocab import AuditAction, Entity, Rag, Status

STATUS_COLUMNS = [
    "measure_id",
    "status_id",
    "period",
    "status",
    "progress",
    "rag",
    "comment",
    "next_steps",
    "reported_at",
    "reported_by",
    "reported_by_actor",
]


def latest_status(session: Session, plan_id: int, as_of: AsOf = None) -> pd.DataFrame:
    """The latest report per measure reported on or before as_of: one query.

    One row per measure that has any report by then (columns STATUS_COLUMNS).
    """
    moment = as_of_moment(as_of)
    ranked = (
        select(
            StatusUpdate,
            func.row_number()
            .over(
                partition_by=StatusUpdate.measure_id,
                order_by=(StatusUpdate.reported_at.desc(), StatusUpdate.id.desc()),
            )
            .label("rank"),
        )
        .join(Measure, StatusUpdate.measure_id == Measure.id)
        .where(
            Measure.plan_id == plan_id,
            StatusUpdate.reported_at <= moment,
            StatusUpdate.by_partner.is_(False),
        )
        .subquery()
    )
    query = (
        select(
            ranked.c.measure_id,
            ranked.c.id.label("status_id"),
            ranked.c.period,
            _raw(ranked.c.status),
            ranked.c.progress,
            _raw(ranked.c.rag),
            ranked.c.comment,
            ranked.c.next_steps,
            _raw(ranked.c.reported_at),
            User.display_name.label("reported_by"),
            Actor.name.label("reported_by_actor"),
        )
        .outerjoin(User, ranked.c.reported_by_user_id == User.id)
        .outerjoin(Actor, ranked.c.reported_by_actor_id == Actor.id)
        .where(ranked.c.rank == 1)
    )
    return _status_frame(session.execute(query).all())


def measure_history(session: Session, measure_id: int) -> pd.DataFrame:
    """Every report on one measure, oldest first; `by_partner` marks the reports a
    partner made before only the lead could report (they never were the status)."""
    return _history(session, StatusUpdate.measure_id == measure_id, with_partner_reports=True)


def plan_history(session: Session, plan_id: int) -> pd.DataFrame:
    """Every status report on every measure of a plan, oldest first: one query."""
    in_plan = select(Measure.id).where(Measure.plan_id == plan_id)
    return _history(session, StatusUpdate.measure_id.in_(in_plan) & ~StatusUpdate.by_partner)


def _history(session: Session, condition: Any, with_partner_reports: bool = False) -> pd.DataFrame:
    query = (
        select(
            StatusUpdate.measure_id,
            StatusUpdate.id.label("status_id"),
            StatusUpdate.period,
            _raw(StatusUpdate.status),
            StatusUpdate.progress,
            _raw(StatusUpdate.rag),
            StatusUpdate.comment,
            StatusUpdate.next_steps,
            _raw(StatusUpdate.reported_at),
            User.display_name.label("reported_by"),
            Actor.name.label("reported_by_actor"),
        )
        .outerjoin(User, StatusUpdate.reported_by_user_id == User.id)
        .outerjoin(Actor, StatusUpdate.reported_by_actor_id == Actor.id)
        .where(condition)
        .order_by(StatusUpdate.reported_at, StatusUpdate.id)
    )
    if not with_partner_reports:
        return _status_frame(session.execute(query).all())
    rows = session.execute(query.add_columns(StatusUpdate.by_partner)).all()
    return _status_frame(rows, [*STATUS_COLUMNS, "by_partner"])


def _raw(column: Any) -> Any:
    """A column read without per-row Python conversion (fast for large plans):
    vocabulary codes as their stored text, moments as naive UTC (see UTCDateTime)."""
    plain = DateTime() if column.name == "reported_at" else String()
    return type_coerce(column, plain).label(column.name)


def _status_frame(rows: list, columns: list[str] = STATUS_COLUMNS) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in ("status", "rag"):
        frame[column] = code_column(frame[column])
    frame["progress"] = frame["progress"].astype("Float64")
    frame["reported_at"] = pd.to_datetime(frame["reported_at"], utc=True).astype(
        "datetime64[us, UTC]"
    )
    return frame


def code_column(values: pd.Series) -> pd.Series:
    """Vocabulary codes as plain str, missing as None (object dtype, not NaN)."""
    codes = values.astype(object)
    codes = codes.map(lambda v: getattr(v, "value", v), na_action="ignore").astype(object)
    return codes.where(codes.notna(), None)


@dataclass(frozen=True)
class Report:
    """What an actor submits for one measure and quarter."""

    period: str
    status: Status | str
    progress: int | None
    rag: Rag | str | None
    comment: str = ""
    next_steps: str = ""


@dataclass(frozen=True)
class Saved:
    status_id: int
    version: int


def report_status(
    session: Session,
    *,
    user: Principal,
    measure_id: int,
    report: Report,
    seen_version: int,
    now: datetime | None = None,
) -> Saved:
    """Append a status report to a measure.

    seen_version is the measure's version when the user's view was made; a report
    made against an outdated view raises ConflictError (with the newer report).
    Raises NotFound, PermissionDenied, ValidationError (all problems at once).
    """
    now = now or datetime.now(UTC)
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise NotFound.of("notfound.measure")
    principal = require_reporter(session, user, measure)
    report = _cleaned(report)
    status, rag, period = validate_report(session, measure, report, now)
    if (same := _same_as_stored(session, measure, period, status, rag, report)) is not None:
        return Saved(same, measure.version)  # a second click: stored already
    new_version = _claim_version(session, measure, seen_version)
    update_row = append_status(
        session,
        measure,
        period=period,
        status=status,
        progress=reported_progress(status, report.progress),
        rag=rag,
        comment=report.comment.strip(),
        next_steps=report.next_steps.strip(),
        user_id=principal.user_id,
        actor_id=principal.actor_id,
        reported_at=now,
    )
    record(
        session,
        principal,
        action=AuditAction.REPORT,
        entity=Entity.MEASURE,
        entity_id=measure.code,
        after=status_values(update_row),
    )
    return Saved(update_row.id, new_version)


def _cleaned(report: Report) -> Report:
    """The report with its texts cleaned (tracker.cleaning) as they will be stored."""
    return replace(
        report,
        comment=clean_text(report.comment, multiline=True),
        next_steps=clean_text(report.next_steps, multiline=True),
    )


def _same_as_stored(
    session: Session,
    measure: Measure,
    period: Quarter,
    status: Status,
    rag: Rag | None,
    report: Report,
) -> int | None:
    """The id of the measure's current report when it is this very report for
    this quarter (a repeated submit), else None."""
    latest = session.scalars(
        select(StatusUpdate)
        .where(StatusUpdate.measure_id == measure.id, StatusUpdate.by_partner.is_(False))
        .order_by(StatusUpdate.reported_at.desc(), StatusUpdate.id.desc())
        .limit(1)
    ).first()
    progress = reported_progress(status, report.progress)
    wanted = (str(period), status, progress, rag, report.comment.strip(), report.next_steps.strip())
    if latest is None:
        return None
    stored = (
        latest.period,
        latest.status,
        latest.progress,
        latest.rag,
        latest.comment,
        latest.next_steps,
    )
    return latest.id if stored == wanted else None


def validate_report(
    session: Session, measure: Measure, report: Report, now: datetime
) -> tuple[Status, Rag | None, Quarter]:
    """Check every rule; raise one ValidationError listing all problems."""
    problems: list[Problem] = []
    status, rag = check_report_values(report, problems)
    period = check_period(session, measure, report.period, now, problems)
    if problems:
        raise ValidationError(*problems)
    assert status is not None and period is not None
    return status, rag, period


def check_report_values(
    report: Report, problems: list[Problem]
) -> tuple[Status | None, Rag | None]:
    """The rules of a report that need no database: status and RAG from the
    vocabulary, progress a whole percentage (100 when completed), texts within
    their columns. Adds what is wrong to problems; returns (status, rag)."""
    status = _parse_member(Status, report.status, "status", "report.status_invalid", problems)
    rag = None
    if report.rag not in (None, ""):
        rag = _parse_member(Rag, report.rag, "rag", "report.rag_invalid", problems)
    progress = report.progress
    if progress is not None and not is_progress(progress):
        problems.append(Problem("report.progress_range", field="progress"))
    elif status == Status.COMPLETED and progress not in (None, 100):
        problems.append(Problem("report.completed_is_100", field="progress"))
    for name, column in (
        ("comment", StatusUpdate.comment),
        ("next_steps", StatusUpdate.next_steps),
    ):
        if (problem := too_long(getattr(report, name), column, name)) is not None:
            problems.append(problem)
    return status, rag


def _parse_member(enum, value, field, key, problems):
    try:
        return enum(value)
    except ValueError:
        problems.append(Problem(key, {"value": value}, field))
        return None


def check_period(
    session: Session,
    measure: Measure,
    text: str,
    now: datetime,
    problems: list[Problem],
    latest: bool = True,
) -> Quarter | None:
    """The quarter named by text if a report may be made for it: within the
    measure's span, begun, not closed and (latest) not before its newest report.
    Adds what is wrong to problems."""
    span = Quarter.parse(measure.start_period), Quarter.parse(measure.end_period)
    newest = newest_period(session, measure.id) if latest else None
    return check_report_period(session, text, span, measure.plan_id, newest, now, problems)


def check_report_period(
    session: Session,
    text: str,
    span: tuple[Quarter, Quarter],
    plan_id: int | None,
    newest: str | None,
    now: datetime,
    problems: list[Problem],
) -> Quarter | None:
    """check_period for a measure given by its span, plan (None: a new plan) and
    newest reported quarter (None: none), as the importer knows them before writing."""
    try:
        period = Quarter.parse(text)
    except ValueError:
        problems.append(Problem("report.period_invalid", {"period": text}, "period"))
        return None
    start, end = span
    if not start <= period <= end:
        params = {"period": str(period), "start": str(start), "end": str(end)}
        problems.append(Problem("report.period_outside_span", params, "period"))
    if period.start() > now:
        problems.append(Problem("report.period_in_future", {"period": str(period)}, "period"))
    if plan_id is not None and is_closed(session, plan_id, period):
        problems.append(Problem("report.period_closed", {"period": str(period)}, "period"))
    if newest is not None and str(period) < newest:
        # The current status is the latest report; one for an older quarter saved now
        # would take its place and hide the newer quarter's report.
        params = {"period": str(period), "newest": newest}
        problems.append(Problem("report.period_before_latest", params, "period"))
    return period


def newest_period(session: Session, measure_id: int | None) -> str | None:
    """The newest quarter the measure's status is reported for (partners' old
    reports aside), or None."""
    if measure_id is None:
        return None
    return session.scalar(
        select(func.max(StatusUpdate.period)).where(
            StatusUpdate.measure_id == measure_id, StatusUpdate.by_partner.is_(False)
        )
    )


def newest_periods(session: Session, plan_id: int) -> dict[int, str]:
    """newest_period of every measure of a plan that has a report: one query."""
    query = (
        select(StatusUpdate.measure_id, func.max(StatusUpdate.period))
        .join(Measure, StatusUpdate.measure_id == Measure.id)
        .where(Measure.plan_id == plan_id, StatusUpdate.by_partner.is_(False))
        .group_by(StatusUpdate.measure_id)
    )
    return dict(session.execute(query).all())


def is_closed(session: Session, plan_id: int, period: Quarter) -> bool:
    query = select(ClosedPeriod.id).where(
        ClosedPeriod.plan_id == plan_id, ClosedPeriod.period == str(period)
    )
    return session.scalar(query) is not None


def _claim_version(session: Session, measure: Measure, seen_version: int) -> int:
    """claim_version, or a ConflictError that carries the newer report."""
    if not claim_version(session, measure, seen_version):
        history = measure_history(session, measure.id)
        latest = history[~history["by_partner"].astype(bool)].tail(1)
        current = latest.iloc[0].to_dict() if not latest.empty else {}
        who = current.get("reported_by") or current.get("reported_by_actor") or "?"
        when = current["reported_at"].to_pydatetime() if current else "?"
        raise ConflictError(
            Problem("report.conflict", {"code": measure.code, "who": who, "when": when}),
            current=current,
        )
    return measure.version


def append_status(
    session: Session,
    measure: Measure,
    *,
    period: Quarter,
    status: Status,
    progress: int | None,
    rag: Rag | None,
    comment: str,
    next_steps: str,
    user_id: int | None,
    actor_id: int | None,
    reported_at: datetime,
    flush: bool = True,
) -> StatusUpdate:
    """Add one StatusUpdate row (no checks: callers validate first). A bulk write
    passes flush=False and flushes all its rows at once."""
    row = StatusUpdate(
        measure_id=measure.id,
        period=str(period),
        status=status,
        progress=progress,
        rag=rag,
        comment=comment,
        next_steps=next_steps,
        reported_by_user_id=user_id,
        reported_by_actor_id=actor_id,
        reported_at=reported_at,
    )
    session.add(row)
    if flush:
        session.flush()
    return row


def status_values(row: StatusUpdate) -> dict[str, object]:
    return {
        "period": row.period,
        "status": row.status.value,
        "progress": row.progress,
        "rag": row.rag.value if row.rag else None,
        "comment": row.comment,
        "next_steps": row.next_steps,
    }
