"""A closed quarter's final report: its summary is stored when the quarter is
closed (tracker.reports.snapshot), each file the first time it is made, and from
then on both are served as stored, whatever is imported, renamed, deleted or
reported later. Reopening the quarter drops them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.models import ClosedPeriod, ClosedSummaryFile
from tracker.quarters import Quarter
from tracker.reports.render import Format, Step, render
from tracker.reports.snapshot import freeze, thaw
from tracker.reports.summary import Summary, build_summary


def freeze_quarter(
    session: Session, closed: ClosedPeriod, *, closed_by: str, now: datetime | None = None
) -> None:
    """Store the quarter's summary as it stands now on its ClosedPeriod row: final,
    stamped with who closed it and when."""
    now = now or datetime.now(UTC)
    summary = build_summary(
        session,
        plan_id=closed.plan_id,
        quarter=Quarter.parse(closed.period),
        produced_by=closed_by,
        now=now,
    )
    closed.snapshot = freeze(replace(summary, provisional=False))
    session.flush()


def freeze_missing(session: Session, now: datetime | None = None) -> int:
    """Freeze the quarters closed before summaries were stored; returns how many."""
    missing = session.scalars(select(ClosedPeriod).where(ClosedPeriod.snapshot.is_(None))).all()
    for closed in missing:
        freeze_quarter(session, closed, closed_by="", now=now)
    return len(missing)


def forget(session: Session, closed: ClosedPeriod) -> None:
    """Drop a quarter's stored files (it is being reopened)."""
    session.execute(
        delete(ClosedSummaryFile).where(ClosedSummaryFile.closed_period_id == closed.id)
    )


def final_summary(session: Session, plan_id: int, quarter: Quarter) -> Summary | None:
    """The stored summary of a closed quarter; None when the quarter is not closed."""
    closed = _closed(session, plan_id, quarter)
    if closed is None:
        return None
    if closed.snapshot is None:  # closed before summaries were stored
        freeze_quarter(session, closed, closed_by="")
    assert closed.snapshot is not None
    return thaw(closed.snapshot)


def final_file(
    session: Session,
    *,
    plan_id: int,
    quarter: Quarter,
    fmt: Format,
    lang: str,
    step: Step | None = None,
) -> bytes | None:
    """A closed quarter's file: as stored, or made from the stored summary and
    stored (in the caller's transaction). None when the quarter is not closed.
    May raise TrackerError (PDF and DOCX need Chromium for the charts)."""
    closed = _closed(session, plan_id, quarter)
    if closed is None:
        return None
    stored = session.scalar(
        select(ClosedSummaryFile.content).where(
            ClosedSummaryFile.closed_period_id == closed.id,
            ClosedSummaryFile.lang == lang,
            ClosedSummaryFile.format == fmt.value,
        )
    )
    if stored is not None:
        return stored
    summary = final_summary(session, plan_id, quarter)
    assert summary is not None
    content = render(summary, fmt, lang, step)
    session.add(
        ClosedSummaryFile(closed_period_id=closed.id, lang=lang, format=fmt.value, content=content)
    )
    session.flush()
    return content


def _closed(session: Session, plan_id: int, quarter: Quarter) -> ClosedPeriod | None:
    return session.scalar(
        select(ClosedPeriod).where(
            ClosedPeriod.plan_id == plan_id, ClosedPeriod.period == str(quarter)
        )
    )
