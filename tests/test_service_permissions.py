"""Who may do what, enforced in the service layer (not by hiding buttons)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import PASSWORD, World, make_user
from tests.rollup_reads import plan_rollup
from tracker import db
from tracker.errors import PermissionDenied
from tracker.models import AuditLog, ClosedPeriod, StatusUpdate, User
from tracker.quarters import Quarter
from tracker.service.measures import list_measures
from tracker.service.principal import SYSTEM, Principal, reportable_measure_ids
from tracker.service.quarter_closing import close_quarter, closed_quarters, reopen_quarter
from tracker.service.status import Report, report_status
from tracker.service.users import create_user, set_active, set_password, update_user
from tracker.vocab import Role

NOW = datetime(2026, 2, 15, 12, tzinfo=UTC)  # 2026-Q1
ROLES = ["admin", "leader", "actor_a", "actor_b"]

# The latest quarter each world measure accepts a report for at NOW.
PERIOD = {"1.1": "2025-Q4", "1.2": "2026-Q1", "1.3": "2026-Q1"} | {
    "2.1": "2026-Q1",
    "2.2": "2026-Q1",
    "2.3": "2025-Q4",
}
# Actor A leads 1.1, 1.3, 2.3 and is partner in 1.2;
# actor B leads 1.2, 2.2 and is partner in 1.1 and 2.1.
# Status is the lead's: a partner contributes instead (tests/test_contributions.py).
MAY_REPORT = {
    "admin": set(PERIOD),
    "leader": set(),
    "actor_a": {"1.1", "1.3", "2.3"},
    "actor_b": {"1.2", "2.2"},
}
PARTNER_IN = {"actor_a": {"1.2"}, "actor_b": {"1.1", "2.1"}}
MATRIX = [(role, code, code in MAY_REPORT[role]) for role in ROLES for code in sorted(PERIOD)]


def written(session: Session) -> tuple[int, int, int]:
    return (
        session.scalar(select(func.count(StatusUpdate.id))) or 0,
        session.scalar(select(func.count(AuditLog.id))) or 0,
        db.data_revision(session),
    )


def report(session: Session, world: World, principal: Principal, code: str) -> int:
    saved = report_status(
        session,
        user=principal,
        measure_id=world.measures[code].id,
        report=Report(PERIOD[code], "in_progress", 50, "green"),
        seen_version=1,
        now=NOW,
    )
    return saved.status_id


@pytest.mark.parametrize(
    ("role", "code", "allowed"),
    MATRIX,
    ids=[f"{role}-{code}-{'yes' if ok else 'no'}" for role, code, ok in MATRIX],
)
def test_report_permissions(
    session: Session, world: World, role: str, code: str, allowed: bool
) -> None:
    before = written(session)
    principal = world.principals[role]
    if allowed:
        status_id = report(session, world, principal, code)
        row = session.get(StatusUpdate, status_id)
        assert row is not None
        assert row.reported_by_user_id == world.users[role].id
        assert written(session) == (before[0] + 1, before[1] + 1, before[2] + 1)
        return
    with pytest.raises(PermissionDenied) as caught:
        report(session, world, principal, code)
    expected = "perm.read_only" if role == "leader" else "perm.not_your_measure"
    if role in PARTNER_IN and code in PARTNER_IN[role]:
        expected = "perm.partner_contributes"  # told to add a contribution instead
    assert [p.key for p in caught.value.problems] == [expected]
    assert written(session) == before


def test_system_reports_like_an_admin(session: Session, world: World) -> None:
    status_id = report(session, world, SYSTEM, "2.1")
    row = session.get(StatusUpdate, status_id)
    assert row is not None
    assert row.reported_by_user_id is None


def test_permission_checked_before_validation(session: Session, world: World) -> None:
    # A leader's invalid report is refused for the role, not for the content.
    with pytest.raises(PermissionDenied):
        report_status(
            session,
            user=world.principals["leader"],
            measure_id=world.measures["1.2"].id,
            report=Report("1999-Q9", "nonsense", 500, "purple"),
            seen_version=1,
            now=NOW,
        )


def test_deactivated_user_is_refused(session: Session, world: World) -> None:
    set_active(session, user=world.principals["admin"], username="aktor.a", active=False)
    session.commit()
    before = written(session)
    with pytest.raises(PermissionDenied) as caught:
        report(session, world, world.principals["actor_a"], "1.1")  # principal kept by the UI
    assert [p.key for p in caught.value.problems] == ["perm.inactive"]
    assert written(session) == before
    set_active(session, user=world.principals["admin"], username="aktor.a", active=True)
    session.commit()
    report(session, world, world.principals["actor_a"], "1.1")


def test_deactivated_user_cannot_change_own_password(session: Session, world: World) -> None:
    set_active(session, user=world.principals["admin"], username="aktor.a", active=False)
    session.commit()
    before = written(session)
    with pytest.raises(PermissionDenied):
        set_password(
            session, user=world.principals["actor_a"], username="aktor.a", password="nytt-pw-123"
        )
    assert written(session) == before


def test_deactivated_admin_is_refused(session: Session, world: World) -> None:
    make_user(session, Role.ADMIN, username="admin2")  # the last admin stays active
    set_active(session, user=SYSTEM, username="admin", active=False)
    session.commit()
    with pytest.raises(PermissionDenied) as caught:
        close_quarter(
            session,
            user=world.principals["admin"],
            plan_id=world.plan.id,
            period=Quarter(2025, 4),
            now=NOW,
        )
    assert [p.key for p in caught.value.problems] == ["perm.inactive"]
    with pytest.raises(PermissionDenied):
        report(session, world, world.principals["admin"], "2.1")


def test_role_change_takes_effect_at_once(session: Session, world: World) -> None:
    user = session.get(User, world.users["actor_a"].id)
    assert user is not None
    user.role = Role.LEADER
    user.actor_id = None
    session.commit()
    with pytest.raises(PermissionDenied) as caught:
        report(session, world, world.principals["actor_a"], "1.1")  # stale principal
    assert [p.key for p in caught.value.problems] == ["perm.read_only"]


# --- admin-only actions -------------------------------------------------------------------


def _close(session: Session, world: World, principal: Principal) -> None:
    close_quarter(session, user=principal, plan_id=world.plan.id, period=Quarter(2025, 4), now=NOW)


def _reopen(session: Session, world: World, principal: Principal) -> None:
    reopen_quarter(session, user=principal, plan_id=world.plan.id, period=Quarter(2025, 3))


def _create_user(session: Session, world: World, principal: Principal) -> None:
    create_user(session, user=principal, username="ny.bruker", role=Role.LEADER, password=PASSWORD)


def _deactivate(session: Session, world: World, principal: Principal) -> None:
    set_active(session, user=principal, username="leder", active=False)


def _set_others_password(session: Session, world: World, principal: Principal) -> None:
    set_password(session, user=principal, username="aktor.b", password="nytt-passord-42")


def _update_user(session: Session, world: World, principal: Principal) -> None:
    update_user(
        session,
        user=principal,
        username="leder",
        display_name="Ny leder",
        email=None,
        role=Role.LEADER,
        actor_id=None,
    )


ADMIN_ACTIONS: dict[str, Callable[[Session, World, Principal], None]] = {
    "close_quarter": _close,
    "reopen_quarter": _reopen,
    "create_user": _create_user,
    "set_active": _deactivate,
    "set_password_of_another": _set_others_password,
    "update_user": _update_user,
}


@pytest.mark.parametrize("action", list(ADMIN_ACTIONS))
@pytest.mark.parametrize("role", ["admin", "leader", "actor_a"])
def test_admin_only_actions(session: Session, world: World, role: str, action: str) -> None:
    close_quarter(session, user=SYSTEM, plan_id=world.plan.id, period=Quarter(2025, 3), now=NOW)
    session.commit()
    before = written(session)
    closed_before = closed_quarters(session, world.plan.id)
    act = ADMIN_ACTIONS[action]
    if role == "admin":
        act(session, world, world.principals[role])
        session.flush()
        assert written(session)[1:] == (before[1] + 1, before[2] + 1)  # audited, revision
        return
    with pytest.raises(PermissionDenied) as caught:
        act(session, world, world.principals[role])
    assert [p.key for p in caught.value.problems] == ["perm.admin_only"]
    session.flush()
    assert written(session) == before
    assert closed_quarters(session, world.plan.id) == closed_before
    assert session.scalar(select(func.count(ClosedPeriod.id))) == 1


def test_users_may_set_their_own_password(session: Session, world: World) -> None:
    set_password(
        session, user=world.principals["actor_b"], username="aktor.b", password="mitt-eget-pw"
    )
    session.commit()


# --- reads ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_reads_allowed_for_all(session: Session, world: World, role: str) -> None:
    principal = world.principals[role]
    reportable = reportable_measure_ids(session, principal)
    codes = {m.id: code for code, m in world.measures.items()}
    if role == "admin":
        assert reportable is None  # everything
    else:
        assert reportable is not None
        assert {codes[i] for i in reportable} == MAY_REPORT[role]
    # Every role sees the whole plan and its figures.
    assert len(list_measures(session, plan_id=world.plan.id, as_of="2025-Q2")) == 6
    # (2.2 starts 2026-Q1: not in 2025-Q2's figures)
    assert plan_rollup(session, plan_id=world.plan.id, as_of="2025-Q2")["measures"] == 5
