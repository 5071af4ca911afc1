"""Closing and reopening a plan's quarters (admin, audited)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import ValidationError
from tracker.models import ClosedPeriod
from tracker.quarters import Quarter
from tracker.service.audit import record
from tracker.service.principal import Principal, require_admin
from tracker.vocab import AuditAction, Entity


def closed_quarters(session: Session, plan_id: int) -> list[str]:
    query = select(ClosedPeriod.period).where(ClosedPeriod.plan_id == plan_id)
    return sorted(session.scalars(query))


def close_quarter(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    period: Quarter,
    now: datetime | None = None,
) -> None:
    """Close a finished quarter: reports for it are refused from now on, and its
    summary is stored as the final report (tracker.reports.final)."""
    from tracker.reports.final import freeze_quarter  # reports build on the services

    principal = require_admin(session, user)
    now = now or datetime.now(UTC)
    if not period.has_ended(now):
        raise ValidationError.of("period.not_finished", "period", period=str(period))
    if _find(session, plan_id, period) is not None:
        raise ValidationError.of("period.already_closed", "period", period=str(period))
    closed = ClosedPeriod(
        plan_id=plan_id, period=str(period), closed_by_user_id=principal.user_id, closed_at=now
    )
    session.add(closed)
    session.flush()
    freeze_quarter(session, closed, closed_by=principal.display_name, now=now)
    record(
        session,
        principal,
        action=AuditAction.CLOSE_QUARTER,
        entity=Entity.PLAN,
        entity_id=plan_id,
        after={"period": str(period)},
    )


def reopen_quarter(session: Session, *, user: Principal, plan_id: int, period: Quarter) -> None:
    principal = require_admin(session, user)
    """Reopen a closed quarter: reports are taken again, and its stored final
    report is dropped (closing it again stores a new one)."""
    from tracker.reports.final import forget

    found = _find(session, plan_id, period)
    if found is None:
        raise ValidationError.of("period.not_closed", "period", period=str(period))
    forget(session, found)
    session.delete(found)
    record(
        session,
        principal,
        action=AuditAction.REOPEN_QUARTER,
        entity=Entity.PLAN,
        entity_id=plan_id,
        before={"period": str(period)},
    )


def _find(session: Session, plan_id: int, period: Quarter) -> ClosedPeriod | None:
    query = select(ClosedPeriod).where(
        ClosedPeriod.plan_id == plan_id, ClosedPeriod.period == str(period)
    )
    return session.scalar(query)
