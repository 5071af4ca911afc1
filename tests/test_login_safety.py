"""Logins that cannot be used against the service: the hash runs outside any write
transaction, failures are throttled per client address as well as per account (and
a locked account never keeps its owner out from an address it logged in from), every
refusal reads the same, and a password change ends the user's other sessions."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import argon2
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

import tracker.service.passwords as passwords
from tests.factories import PASSWORD, World, make_user
from tracker import db, i18n
from tracker.errors import AuthError, PermissionDenied
from tracker.models import LoginAttempt, Measure, User
from tracker.service.login import (
    MAX_CLIENT_FAILURES,
    MAX_FAILED_LOGINS,
    authenticate,
    log_in,
)
from tracker.service.principal import SYSTEM
from tracker.service.sessions import check_session
from tracker.service.status import Report, report_status
from tracker.service.users import set_active, set_password
from tracker.vocab import Rag, Role, Status

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HOME, OFFICE, ATTACKER = "192.0.2.10", "198.51.100.7", "203.0.113.66"


def refused(session: Session, username: str, password: str, client: str, now: datetime) -> str:
    """One refused login, committed as the login page would; its Norwegian text."""
    with pytest.raises(AuthError) as caught:
        authenticate(session, username, password, client=client, now=now)
    session.commit()
    assert [p.key for p in caught.value.problems] == ["auth.invalid"]
    return caught.value.text("nb")


def user_row(session: Session, username: str) -> User:
    session.expire_all()
    return session.scalars(select(User).where(User.username == username)).one()


@pytest.fixture
def kari(session: Session) -> User:
    user = make_user(session, Role.LEADER, username="kari")
    session.commit()
    return user


# --- 1. the hash runs outside any write transaction ----------------------------------------


class SlowHasher(argon2.PasswordHasher):
    """The tests' cheap hasher, whose verify waits until the test lets it go on."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1, type=argon2.Type.ID)
        self.verifying = threading.Event()
        self.go_on = threading.Event()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002
        self.verifying.set()
        assert self.go_on.wait(30), "the test never let the verify go on"
        return super().verify(hash, password)


@pytest.fixture
def slow_hasher(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowHasher]:
    slow = SlowHasher()
    monkeypatch.setattr(passwords, "hasher", slow)
    yield slow
    slow.go_on.set()


def test_a_report_is_written_while_a_login_verifies(
    engine: Engine, session: Session, world: World, slow_hasher: SlowHasher
) -> None:
    admin = world.principals["admin"]
    measure_id = world.measure_id("1.2")
    session.rollback()
    outcome: list[object] = []
    login = threading.Thread(
        target=lambda: outcome.append(log_in(engine, "admin", PASSWORD, client=OFFICE, now=T0))
    )
    login.start()
    assert slow_hasher.verifying.wait(30)
    started = time.monotonic()
    with db.transaction(engine) as writer:  # the login holds no write lock now
        seen = writer.get_one(Measure, measure_id).version
        report_status(
            writer,
            user=admin,
            measure_id=measure_id,
            seen_version=seen,
            now=datetime(2026, 11, 15, 12, tzinfo=UTC),
            report=Report(period="2026-Q4", status=Status.IN_PROGRESS, progress=10, rag=Rag.GREEN),
        )
    waited = time.monotonic() - started
    slow_hasher.go_on.set()
    login.join(30)
    assert waited < 2, f"the report waited {waited:.1f} s for the login"
    assert [getattr(p, "username", None) for p in outcome] == ["admin"]


def test_many_logins_at_once_never_meet_a_locked_database(
    engine: Engine, session: Session, world: World
) -> None:
    session.rollback()
    errors: list[str] = []
    results: list[str] = []

    def attempt(number: int) -> None:
        # The wrong tries go to another account: five of them in a row on «leder»
        # would lock it, rightly, and which of the threads came first is chance.
        username = "leder" if number % 2 else "ukjent"
        password = PASSWORD if number % 2 else "feil-passord-som-er-langt"
        try:
            log_in(engine, username, password, client=f"10.0.{number}.1", now=T0)
            results.append("ok")
        except AuthError:
            results.append("refused")
        except Exception as failed:  # e.g. sqlite3.OperationalError: database is locked
            errors.append(repr(failed))

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert sorted(results) == ["ok"] * 12 + ["refused"] * 12
    with db.read_session(engine) as reader:
        assert reader.scalar(select(func.count(LoginAttempt.id))) == 24


# --- 2. throttling per client and per account -----------------------------------------------


def test_every_refusal_reads_the_same(session: Session, kari: User) -> None:
    make_user(session, Role.LEADER, username="borte")
    set_active(session, user=SYSTEM, username="borte", active=False)
    session.commit()
    for attempt in range(MAX_FAILED_LOGINS):
        refused(session, "kari", "feil-passord-123", ATTACKER, T0 + timedelta(seconds=attempt))
    texts = {
        "locked": refused(session, "kari", PASSWORD, ATTACKER, T0 + timedelta(minutes=1)),
        "wrong": refused(session, "borte", "feil-passord-123", HOME, T0),
        "unknown": refused(session, "finnes.ikke", PASSWORD, HOME, T0),
    }
    assert len(set(texts.values())) == 1, texts
    assert "låst" not in texts["locked"]
    assert texts["locked"] == i18n.t("auth.invalid", minutes=15)


def test_every_refusal_runs_one_verify(
    session: Session, kari: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same work, hence about the same time: one argon2 verify for an unknown user,
    a wrong password, an account without a password and a locked account."""
    make_user(session, Role.LEADER, username="sso", password=None, email="sso@senja.no")
    session.commit()
    for attempt in range(MAX_FAILED_LOGINS):
        refused(session, "kari", "feil-passord-123", ATTACKER, T0 + timedelta(seconds=attempt))
    calls: list[str] = []

    class Counting(argon2.PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002
            calls.append(str(hash))
            return super().verify(hash, password)

    monkeypatch.setattr(passwords, "hasher", Counting(time_cost=1, memory_cost=8, parallelism=1))
    for name, password in [("finnes.ikke", "x"), ("kari", "feil"), ("sso", "x"), ("kari", "y")]:
        calls.clear()
        refused(session, name, password, ATTACKER, T0 + timedelta(minutes=1))
        assert len(calls) == 1, name


def test_an_attacker_cannot_keep_the_owner_out(session: Session, kari: User) -> None:
    """The rule: an account locks after five failures (from anywhere) for 15 minutes,
    except for an address it logged in from in the last 30 days."""
    authenticate(session, "kari", PASSWORD, client=OFFICE, now=T0 - timedelta(days=29))
    session.commit()
    moment = T0
    for _round in range(3):  # five guesses every quarter of an hour, for ever
        for attempt in range(MAX_FAILED_LOGINS):
            refused(
                session, "kari", "gjett-igjen-123", ATTACKER, moment + timedelta(seconds=attempt)
            )
        assert user_row(session, "kari").locked_until == moment + timedelta(seconds=4, minutes=15)
        # the attacker is refused even with the right password
        refused(session, "kari", PASSWORD, ATTACKER, moment + timedelta(minutes=1))
        # a new address is locked out too, but not the owner's office
        refused(session, "kari", PASSWORD, HOME, moment + timedelta(minutes=1))
        principal = authenticate(
            session, "kari", PASSWORD, client=OFFICE, now=moment + timedelta(minutes=2)
        )
        session.commit()
        assert principal.username == "kari"
        moment += timedelta(minutes=16)


def test_an_address_known_longer_ago_than_30_days_is_locked_out(
    session: Session, kari: User
) -> None:
    authenticate(session, "kari", PASSWORD, client=OFFICE, now=T0 - timedelta(days=31))
    session.commit()
    for attempt in range(MAX_FAILED_LOGINS):
        refused(session, "kari", "feil-passord-123", ATTACKER, T0 + timedelta(seconds=attempt))
    refused(session, "kari", PASSWORD, OFFICE, T0 + timedelta(minutes=1))


def test_an_address_with_too_many_failures_is_refused_for_every_account(
    session: Session, kari: User
) -> None:
    make_user(session, Role.LEADER, username="ola")
    session.commit()
    names = [f"bruker{n}" for n in range(MAX_CLIENT_FAILURES)]  # a spray over many names
    for number, name in enumerate(names):
        refused(session, name, "sommer2024", ATTACKER, T0 + timedelta(seconds=number))
    refused(session, "ola", PASSWORD, ATTACKER, T0 + timedelta(minutes=1))  # right, but refused
    assert authenticate(session, "ola", PASSWORD, client=HOME, now=T0).username == "ola"
    session.commit()
    assert user_row(session, "ola").locked_until is None  # the address, not the account
    later = T0 + timedelta(minutes=15, seconds=MAX_CLIENT_FAILURES + 1)
    assert authenticate(session, "ola", PASSWORD, client=ATTACKER, now=later).username == "ola"


def test_throttle_state_is_shared_by_every_server(
    engine: Engine, session: Session, other_session: Session, kari: User
) -> None:
    """Two app servers on one database: failures counted on one lock out on the other."""
    for attempt in range(MAX_FAILED_LOGINS):
        server = session if attempt % 2 else other_session
        refused(server, "kari", "feil-passord-123", ATTACKER, T0 + timedelta(seconds=attempt))
    refused(session, "kari", PASSWORD, ATTACKER, T0 + timedelta(minutes=1))
    refused(other_session, "kari", PASSWORD, ATTACKER, T0 + timedelta(minutes=1))


def test_old_attempts_are_pruned(session: Session, kari: User) -> None:
    for attempt in range(3):
        refused(session, "kari", "feil-passord-123", ATTACKER, T0 + timedelta(seconds=attempt))
    authenticate(session, "kari", PASSWORD, client=OFFICE, now=T0 + timedelta(days=31))
    session.commit()
    clients = session.scalars(select(LoginAttempt.client))
    assert list(clients) == [OFFICE]


# --- 4. a password change ends the other sessions -----------------------------------------


def test_a_password_change_ends_the_users_other_sessions(session: Session, kari: User) -> None:
    browser_a = authenticate(session, "kari", PASSWORD, client=HOME, now=T0)
    browser_b = authenticate(session, "kari", PASSWORD, client=OFFICE, now=T0)
    session.commit()
    assert check_session(session, browser_a) == browser_a

    epoch = set_password(session, user=browser_b, username="kari", password="et-helt-nytt-passord")
    session.commit()
    with pytest.raises(PermissionDenied) as ended:
        check_session(session, browser_a)
    assert [p.key for p in ended.value.problems] == ["perm.session_ended"]
    # the session that changed it stays, with the new stamp
    kept = check_session(session, browser_b.with_session_epoch(epoch))
    assert kept.username == "kari" and kept.session_epoch == epoch


def test_an_admin_setting_a_password_ends_that_users_sessions(
    session: Session, world: World
) -> None:
    leader = world.principals["leader"]
    admin = world.principals["admin"]
    set_password(session, user=admin, username="leder", password="et-helt-nytt-passord")
    session.commit()
    with pytest.raises(PermissionDenied):
        check_session(session, leader)
    assert check_session(session, admin) == admin  # the admin's own session is untouched


def test_a_login_carries_the_current_stamp(session: Session, kari: User) -> None:
    set_password(session, user=SYSTEM, username="kari", password="et-helt-nytt-passord")
    session.commit()
    principal = authenticate(session, "kari", "et-helt-nytt-passord", client=HOME, now=T0)
    assert principal.session_epoch == user_row(session, "kari").session_epoch == 1
    assert check_session(session, principal) == principal


def test_a_deactivated_user_is_logged_out(session: Session, kari: User) -> None:
    principal = authenticate(session, "kari", PASSWORD, client=HOME, now=T0)
    set_active(session, user=SYSTEM, username="kari", active=False)
    session.commit()
    with pytest.raises(PermissionDenied):
        check_session(session, principal)
