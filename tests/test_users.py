"""Local accounts: creating them, passwords (argon2id), login, lock-out, deactivation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import argon2
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import tracker.service.passwords as passwords
from tests.factories import PASSWORD, World, make_actor, make_user
from tracker import db
from tracker.errors import AuthError, ValidationError
from tracker.models import AuditLog, User
from tracker.service.login import authenticate
from tracker.service.principal import SYSTEM, Principal
from tracker.service.users import (
    create_user,
    list_users,
    principal_by_email,
    set_active,
    set_password,
)
from tracker.vocab import Role

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def account(session: Session, username: str) -> User:
    found = session.scalar(select(User).where(User.username == username))
    assert found is not None
    return found


def audit_count(session: Session) -> int:
    return session.scalar(select(func.count(AuditLog.id))) or 0


def login_fails(session: Session, username: str, password: str, now: datetime) -> AuthError:
    """One failed login attempt, committed as the login page would."""
    with pytest.raises(AuthError) as caught:
        authenticate(session, username, password, now=now)
    session.commit()
    return caught.value


# --- creating accounts ----------------------------------------------------------------------


def test_create_user_normalises_and_hashes(session: Session) -> None:
    revision = db.data_revision(session)
    user_id = create_user(
        session,
        user=SYSTEM,
        username="  Kari.Nordmann ",
        role="leader",
        password=PASSWORD,
        email=" Kari.Nordmann@Senja.Kommune.NO ",
    )
    session.commit()
    user = session.get(User, user_id)
    assert user is not None
    assert user.username == "kari.nordmann"
    assert user.display_name == "kari.nordmann"
    assert user.email == "kari.nordmann@senja.kommune.no"
    assert user.role == Role.LEADER
    assert user.active and user.failed_logins == 0 and user.locked_until is None
    assert user.password_hash is not None
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    audit = session.scalars(select(AuditLog)).one()
    assert (audit.action, audit.entity, audit.entity_id) == ("create", "user", "kari.nordmann")
    assert audit.after is not None and audit.after["role"] == "leader"
    assert PASSWORD not in str(audit.after)
    assert db.data_revision(session) == revision + 1


def test_duplicate_username_refused_whatever_the_case(session: Session) -> None:
    make_user(session, Role.LEADER, username="kari")
    session.commit()
    before = audit_count(session)
    with pytest.raises(ValidationError) as caught:
        make_user(session, Role.ADMIN, username=" KARI ")
    assert [p.key for p in caught.value.problems] == ["user.exists"]
    assert audit_count(session) == before


def test_duplicate_email_refused(session: Session) -> None:
    make_user(session, Role.LEADER, username="kari", email="kari@senja.kommune.no")
    session.commit()
    with pytest.raises(ValidationError) as caught:
        make_user(session, Role.LEADER, username="kari2", email="Kari@Senja.Kommune.no")
    assert "email" in caught.value.by_field()


def test_password_length(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        make_user(session, Role.LEADER, username="kort", password="elleve-tegn")
    assert [p.key for p in caught.value.problems] == ["user.password_short"]
    assert caught.value.problems[0].params == {"length": 12}
    make_user(session, Role.LEADER, username="lang", password="tolv-tegn-ok")


@pytest.mark.parametrize(
    ("role", "with_actor", "username", "keys"),
    [
        (Role.ACTOR, False, "aktor", {"user.actor_required"}),
        (Role.LEADER, True, "leder", {"user.actor_only_for_actor_role"}),
        (Role.ADMIN, True, "admin", {"user.actor_only_for_actor_role"}),
        (Role.LEADER, False, "to ord", {"user.username_invalid"}),
        (Role.LEADER, False, "x", {"user.username_invalid"}),
        (Role.LEADER, False, "a" * 81, {"user.username_invalid"}),
    ],
)
def test_account_rules(
    session: Session, role: Role, with_actor: bool, username: str, keys: set[str]
) -> None:
    actor = make_actor(session, "Senja Næringshage") if with_actor else None
    with pytest.raises(ValidationError) as caught:
        make_user(session, role, actor=actor, username=username)
    assert {p.key for p in caught.value.problems} == keys
    assert session.scalar(select(func.count(User.id))) == 0


def test_unknown_actor(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        create_user(
            session, user=SYSTEM, username="aktor", role=Role.ACTOR, password=PASSWORD, actor_id=999
        )
    assert [p.key for p in caught.value.problems] == ["notfound.actor"]


def test_all_account_problems_at_once(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        create_user(session, user=SYSTEM, username="?", role="actor", password="kort")
    assert {p.key for p in caught.value.problems} == {
        "user.username_invalid",
        "user.actor_required",
        "user.password_short",
    }


def test_actor_user(session: Session) -> None:
    actor = make_actor(session, "Senja Næringshage")
    user = make_user(session, Role.ACTOR, actor=actor, username="snh")
    session.commit()
    principal = authenticate(session, "snh", PASSWORD, now=T0)
    assert principal == Principal(user.id, "snh", user.display_name, Role.ACTOR, actor.id)


def test_list_users(session: Session) -> None:
    actor = make_actor(session, "Senja Næringshage")
    make_user(session, Role.ACTOR, actor=actor, username="snh")
    make_user(session, Role.ADMIN, username="admin")
    session.commit()
    users = list_users(session)
    assert list(users["username"]) == ["admin", "snh"]
    assert list(users["role"]) == ["admin", "actor"]
    assert list(users["actor_name"].fillna("")) == ["", "Senja Næringshage"]


# --- login ---------------------------------------------------------------------------------


@pytest.fixture
def kari(session: Session) -> User:
    user = make_user(session, Role.LEADER, username="kari", email="kari@senja.kommune.no")
    session.commit()
    return user


def test_authenticate(session: Session, kari: User) -> None:
    principal = authenticate(session, "kari", PASSWORD, now=T0)
    assert principal.user_id == kari.id
    assert principal.username == "kari"
    assert principal.role == Role.LEADER
    assert principal.actor_id is None
    assert authenticate(session, "  KARI ", PASSWORD, now=T0).user_id == kari.id


def test_wrong_password_and_unknown_user_look_the_same(session: Session, kari: User) -> None:
    wrong = login_fails(session, "kari", "feil-passord-123", T0)
    unknown = login_fails(session, "ola", PASSWORD, T0)
    for error in (wrong, unknown):
        assert [p.key for p in error.problems] == ["auth.invalid"]
        assert error.locked_until is None
    assert wrong.text("nb") == unknown.text("nb")
    assert wrong.text("en") == unknown.text("en")


def test_password_is_case_sensitive(session: Session, kari: User) -> None:
    login_fails(session, "kari", PASSWORD.upper(), T0)


def test_five_failures_lock_for_15_minutes(session: Session, kari: User) -> None:
    """Locked or not, the answer is the same «auth.invalid»: it never says that the
    account exists (the per-address rules: tests/test_login_safety.py)."""
    for attempt in range(4):
        error = login_fails(session, "kari", "feil", T0 + timedelta(seconds=attempt))
        assert [p.key for p in error.problems] == ["auth.invalid"]
    fifth = T0 + timedelta(seconds=10)
    error = login_fails(session, "kari", "feil", fifth)
    assert [p.key for p in error.problems] == ["auth.invalid"]
    assert error.locked_until is None
    assert account(session, "kari").locked_until == fifth + timedelta(minutes=15)

    # Even the right password is refused while locked; a wrong one does not extend the lock.
    error = login_fails(session, "kari", PASSWORD, fifth + timedelta(minutes=14, seconds=59))
    assert [p.key for p in error.problems] == ["auth.invalid"]
    login_fails(session, "kari", "feil", fifth + timedelta(minutes=5))
    assert account(session, "kari").locked_until == fifth + timedelta(minutes=15)

    principal = authenticate(session, "kari", PASSWORD, now=fifth + timedelta(minutes=15))
    session.commit()
    assert principal.username == "kari"
    user = account(session, "kari")
    assert user.locked_until is None and user.failed_logins == 0


def test_a_success_resets_the_count(session: Session, kari: User) -> None:
    for attempt in range(4):
        login_fails(session, "kari", "feil", T0 + timedelta(seconds=attempt))
    authenticate(session, "kari", PASSWORD, now=T0 + timedelta(seconds=5))
    session.commit()
    for attempt in range(4):
        error = login_fails(session, "kari", "feil", T0 + timedelta(seconds=10 + attempt))
        assert [p.key for p in error.problems] == ["auth.invalid"]


def test_unknown_user_never_locks(session: Session, kari: User) -> None:
    for attempt in range(7):
        error = login_fails(session, "ola", "feil", T0 + timedelta(seconds=attempt))
        assert [p.key for p in error.problems] == ["auth.invalid"]


def test_set_password_unlocks(session: Session, kari: User) -> None:
    for attempt in range(5):
        login_fails(session, "kari", "feil", T0 + timedelta(seconds=attempt))
    assert account(session, "kari").locked_until is not None
    set_password(session, user=SYSTEM, username="kari", password="helt-nytt-passord")
    session.commit()
    login_fails(session, "kari", PASSWORD, T0 + timedelta(minutes=1))  # old password gone
    principal = authenticate(session, "kari", "helt-nytt-passord", now=T0 + timedelta(minutes=1))
    assert principal.username == "kari"


def test_set_password_too_short(session: Session, kari: User) -> None:
    with pytest.raises(ValidationError) as caught:
        set_password(session, user=SYSTEM, username="kari", password="kort")
    assert [p.key for p in caught.value.problems] == ["user.password_short"]


def test_deactivated_user_cannot_log_in(session: Session, kari: User) -> None:
    set_active(session, user=SYSTEM, username="kari", active=False)
    session.commit()
    error = login_fails(session, "kari", PASSWORD, T0)
    assert [p.key for p in error.problems] == ["auth.invalid"]
    assert account(session, "kari").failed_logins == 0
    set_active(session, user=SYSTEM, username="kari", active=True)
    session.commit()
    assert authenticate(session, "kari", PASSWORD, now=T0).username == "kari"


def test_account_without_password_cannot_log_in(session: Session) -> None:
    make_user(session, Role.LEADER, username="sso", password=None, email="sso@senja.no")
    session.commit()
    error = login_fails(session, "sso", "no such user", T0)  # the dummy hash's password
    assert [p.key for p in error.problems] == ["auth.invalid"]
    principal = principal_by_email(session, "sso@senja.no")
    assert principal is not None and principal.username == "sso"


def test_stronger_parameters_rehash_on_login(
    session: Session, kari: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    stronger = argon2.PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    monkeypatch.setattr(passwords, "hasher", stronger)
    old_hash = account(session, "kari").password_hash
    authenticate(session, "kari", PASSWORD, now=T0)
    session.commit()
    new_hash = account(session, "kari").password_hash
    assert new_hash != old_hash
    assert new_hash is not None and new_hash.startswith("$argon2id$v=19$m=16,t=2,p=1$")
    assert authenticate(session, "kari", PASSWORD, now=T0).username == "kari"


# --- single sign-on lookup ---------------------------------------------------------------------


def test_principal_by_email(session: Session, kari: User) -> None:
    found = principal_by_email(session, "  KARI@Senja.Kommune.no ")
    assert found is not None
    assert (found.user_id, found.username, found.role) == (kari.id, "kari", Role.LEADER)
    assert principal_by_email(session, "ola@senja.kommune.no") is None
    set_active(session, user=SYSTEM, username="kari", active=False)
    session.commit()
    assert principal_by_email(session, "kari@senja.kommune.no") is None


def test_the_last_active_admin_cannot_be_deactivated(session: Session, world: World) -> None:
    """Issue 12: the last admin could deactivate itself and lock everyone out of Admin."""
    from tracker.service.users import set_active

    admin = world.principals["admin"]
    with pytest.raises(ValidationError) as refused:
        set_active(session, user=admin, username="admin", active=False)
    assert [p.key for p in refused.value.problems] == ["user.last_admin"]
    assert session.scalars(select(User).where(User.username == "admin")).one().active
    make_user(session, Role.ADMIN, username="admin2")
    set_active(session, user=admin, username="admin", active=False)  # another admin left
    assert not session.scalars(select(User).where(User.username == "admin")).one().active
