"""Closing and reopening quarters: admin only, audited, and reports respect it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World, make_measure, make_plan, make_theme
from tracker import db
from tracker.errors import ValidationError
from tracker.models import AuditLog, ClosedPeriod
from tracker.quarters import Quarter
from tracker.service.quarter_closing import close_quarter, closed_quarters, reopen_quarter
from tracker.service.status import Report, report_status

NOW = datetime(2026, 2, 15, 12, tzinfo=UTC)  # 2026-Q1
Q4_2025 = Quarter(2025, 4)


def last_audit(session: Session) -> AuditLog:
    return session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()


def close(session: Session, world: World, period: Quarter, now: datetime = NOW) -> None:
    close_quarter(
        session, user=world.principals["admin"], plan_id=world.plan.id, period=period, now=now
    )


def test_close_a_finished_quarter(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    close(session, world, Q4_2025)
    session.commit()
    assert closed_quarters(session, world.plan.id) == ["2025-Q4"]
    row = session.scalars(select(ClosedPeriod)).one()
    assert row.closed_by_user_id == world.users["admin"].id
    audit = last_audit(session)
    assert (audit.action, audit.entity, audit.entity_id) == (
        "close_quarter",
        "plan",
        str(world.plan.id),
    )
    assert audit.user_id == world.users["admin"].id
    assert audit.after == {"period": "2025-Q4"}
    assert db.data_revision(session) == revision + 1


def test_quarter_is_finished_at_its_last_second(session: Session, world: World) -> None:
    end = datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC)  # 23:59:59 Oslo
    with pytest.raises(ValidationError) as caught:
        close(session, world, Q4_2025, now=end - timedelta(seconds=1))
    assert [p.key for p in caught.value.problems] == ["period.not_finished"]
    close(session, world, Q4_2025, now=end + timedelta(seconds=1))
    assert closed_quarters(session, world.plan.id) == ["2025-Q4"]


@pytest.mark.parametrize("period", [Quarter(2026, 1), Quarter(2026, 2), Quarter(2030, 4)])
def test_unfinished_quarter_cannot_be_closed(
    session: Session, world: World, period: Quarter
) -> None:
    revision = db.data_revision(session)
    with pytest.raises(ValidationError) as caught:
        close(session, world, period)
    assert [p.key for p in caught.value.problems] == ["period.not_finished"]
    assert caught.value.problems[0].params == {"period": str(period)}
    session.flush()
    assert closed_quarters(session, world.plan.id) == []
    assert db.data_revision(session) == revision


def test_closing_twice_is_refused(session: Session, world: World) -> None:
    close(session, world, Q4_2025)
    session.commit()
    revision = db.data_revision(session)
    with pytest.raises(ValidationError) as caught:
        close(session, world, Q4_2025)
    assert [p.key for p in caught.value.problems] == ["period.already_closed"]
    session.flush()
    assert closed_quarters(session, world.plan.id) == ["2025-Q4"]
    assert db.data_revision(session) == revision


def test_reopen(session: Session, world: World) -> None:
    close(session, world, Quarter(2025, 3))
    close(session, world, Q4_2025)
    session.commit()
    revision = db.data_revision(session)
    reopen_quarter(session, user=world.principals["admin"], plan_id=world.plan.id, period=Q4_2025)
    session.commit()
    assert closed_quarters(session, world.plan.id) == ["2025-Q3"]
    audit = last_audit(session)
    assert audit.action == "reopen_quarter"
    assert audit.before == {"period": "2025-Q4"}
    assert db.data_revision(session) == revision + 1


def test_reopen_a_quarter_that_is_not_closed(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        reopen_quarter(
            session, user=world.principals["admin"], plan_id=world.plan.id, period=Q4_2025
        )
    assert [p.key for p in caught.value.problems] == ["period.not_closed"]


def test_closed_quarter_refuses_reports_until_reopened(session: Session, world: World) -> None:
    m2 = world.measures["1.2"]
    report = Report("2025-Q4", "in_progress", 80, "green", "Etterslep")
    close(session, world, Q4_2025)
    session.commit()
    for principal in ("admin", "actor_b"):  # even the administrator
        with pytest.raises(ValidationError) as caught:
            report_status(
                session,
                user=world.principals[principal],
                measure_id=m2.id,
                report=report,
                seen_version=1,
                now=NOW,
            )
        assert [p.key for p in caught.value.problems] == ["report.period_closed"]
        assert caught.value.problems[0].params == {"period": "2025-Q4"}
    # Other quarters stay open (on another measure: a measure takes no report for
    # an older quarter once a newer one is reported).
    other = world.measures["1.3"]
    session.refresh(other)
    report_status(
        session,
        user=world.principals["admin"],
        measure_id=other.id,
        report=Report("2026-Q1", "in_progress", 85, "green"),
        seen_version=other.version,
        now=NOW,
    )
    session.commit()
    reopen_quarter(session, user=world.principals["admin"], plan_id=world.plan.id, period=Q4_2025)
    session.commit()
    again = report_status(
        session,
        user=world.principals["actor_b"],
        measure_id=m2.id,
        report=report,
        seen_version=1,
        now=NOW,
    )
    session.commit()
    assert again.version == 2


def test_closing_is_per_plan(session: Session, world: World) -> None:
    other = make_plan(session, name="Midt-Troms næringsplan", start_year=2025, end_year=2029)
    theme = make_theme(session, other, "A")
    measure = make_measure(session, other, theme, world.actors["A"], code="1.1", start="2025-Q1")
    session.commit()
    close(session, world, Q4_2025)
    session.commit()
    assert closed_quarters(session, other.id) == []
    saved = report_status(
        session,
        user=world.principals["actor_a"],
        measure_id=measure.id,
        report=Report("2025-Q4", "in_progress", 10, None),
        seen_version=1,
        now=NOW,
    )
    assert saved.version == 2
