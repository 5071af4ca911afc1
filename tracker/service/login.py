"""Login: a short read, the argon2 verify with no transaction open, a short write.

The throttling rule (also in the README's security paragraph):
- an account locks for LOCK_TIME after MAX_FAILED_LOGINS failures in a row, from any
  address; the lock does not hold against an address the account logged in from in
  the last KNOWN_CLIENT_TIME, so guessing cannot keep the owner out from there;
- an address with MAX_CLIENT_FAILURES failures within CLIENT_WINDOW is refused for
  every account while it has that many in the window; its refused attempts count
  too, and are not verified at all (spares the CPU, tells nothing of accounts).
Every refusal is the same «auth.invalid»: unknown user, wrong password, inactive or
locked account, throttled address. All but the last cost one verify each (the dummy
hash when there is no password to check), so they take about the same time too.
State lives in the database (login_attempt, app_user), shared by every app server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from tracker import db
from tracker.client_address import UNKNOWN_CLIENT
from tracker.errors import AuthError, Problem
from tracker.models import LoginAttempt, User
from tracker.service import passwords, sessions
from tracker.service.principal import Principal
from tracker.service.usernames import normalise_username

MAX_FAILED_LOGINS = 5
LOCK_TIME = timedelta(minutes=15)
MAX_CLIENT_FAILURES = 20
CLIENT_WINDOW = timedelta(minutes=15)
KNOWN_CLIENT_TIME = timedelta(days=30)  # also how long attempts are kept


@dataclass(frozen=True)
class LoginRead:
    """What the short read found, as plain values (no ORM object outlives it)."""

    username: str
    client: str
    user_id: int | None
    password_hash: str | None  # None: unknown, inactive, or no local password
    client_blocked: bool


@dataclass(frozen=True)
class Verdict:
    valid: bool
    new_hash: str | None = None  # the password hashed anew with stronger parameters


def log_in(
    engine: Engine,
    username: str,
    password: str,
    *,
    client: str = UNKNOWN_CLIENT,
    now: datetime | None = None,
) -> Principal:
    """A login as a server runs it: read, verify with no transaction open, write.
    Raises AuthError (auth.invalid) for every refusal."""
    now = now or datetime.now(UTC)
    with db.read_session(engine) as session:
        found = read_login(session, username, client=client, now=now)
    verdict = check_password(found, password)
    with db.transaction(engine) as session:
        try:
            return record_login(session, found, verdict, now=now)
        except AuthError as error:
            refused = error  # raised after the commit: the failure must be stored
    raise refused


def authenticate(
    session: Session,
    username: str,
    password: str,
    *,
    client: str = UNKNOWN_CLIENT,
    now: datetime | None = None,
) -> Principal:
    """The same three steps in one session the caller commits (command line, tests).
    A server uses log_in: here the verify runs inside the caller's transaction."""
    now = now or datetime.now(UTC)
    found = read_login(session, username, client=client, now=now)
    return record_login(session, found, check_password(found, password), now=now)


def read_login(session: Session, username: str, *, client: str, now: datetime) -> LoginRead:
    name = normalise_username(username)[:80]
    account = session.scalar(select(User).where(User.username == name))
    usable = account is not None and account.active
    return LoginRead(
        username=name,
        client=client[:64],
        user_id=account.id if account is not None else None,
        password_hash=account.password_hash if usable and account is not None else None,
        client_blocked=_client_failures(session, client, now) >= MAX_CLIENT_FAILURES,
    )


def check_password(found: LoginRead, password: str) -> Verdict:
    """The slow part: needs no session and must run outside any write transaction."""
    if found.client_blocked:
        return Verdict(valid=False)
    if not passwords.verify_password(found.password_hash, password):
        return Verdict(valid=False)
    stored = found.password_hash or ""
    rehash = passwords.hash_password(password) if passwords.needs_rehash(stored) else None
    return Verdict(valid=True, new_hash=rehash)


def record_login(
    session: Session, found: LoginRead, verdict: Verdict, *, now: datetime
) -> Principal:
    """Store the outcome (attempt, failed count, lock) and return the user, or raise."""
    account = None
    if found.user_id is not None:
        account = session.get(User, found.user_id, with_for_update=True, populate_existing=True)
    succeeded = (
        verdict.valid
        and account is not None
        and account.active
        and account.password_hash == found.password_hash  # not changed since the read
        and not _locked_for(session, account, found.client, now)
    )
    session.add(
        LoginAttempt(
            attempted_at=now, username=found.username, client=found.client, succeeded=succeeded
        )
    )
    session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < now - KNOWN_CLIENT_TIME))
    if account is None or not succeeded:
        if account is not None and account.active and not found.client_blocked:
            _count_failure(session, account, now)
        raise AuthError(Problem("auth.invalid", {"minutes": _minutes(LOCK_TIME)}))
    account.failed_logins = 0
    if not _is_locked(account, now):
        account.locked_until = None
    if verdict.new_hash is not None:
        account.password_hash = verdict.new_hash
    return Principal.of(account)


def _count_failure(session: Session, account: User, now: datetime) -> None:
    if _is_locked(account, now):
        return  # failures while locked do not lengthen the lock
    account.failed_logins += 1
    if account.failed_logins >= MAX_FAILED_LOGINS:
        account.failed_logins = 0
        account.locked_until = now + LOCK_TIME
        # Someone is guessing: a browser that already holds the account's session
        # may be theirs, so every open session ends too.
        sessions.end_user_sessions(session, account.id, sessions.EndReason.LOCKED, now=now)


def _is_locked(account: User, now: datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def _locked_for(session: Session, account: User, client: str, now: datetime) -> bool:
    """Locked, and client is not an address the account logged in from lately."""
    if not _is_locked(account, now):
        return False
    known = select(LoginAttempt.id).where(
        LoginAttempt.username == account.username,
        LoginAttempt.client == client,
        LoginAttempt.succeeded.is_(True),
        LoginAttempt.attempted_at > now - KNOWN_CLIENT_TIME,
    )
    return client == UNKNOWN_CLIENT or session.scalar(known.limit(1)) is None


def _client_failures(session: Session, client: str, now: datetime) -> int:
    query = select(func.count(LoginAttempt.id)).where(
        LoginAttempt.client == client,
        LoginAttempt.succeeded.is_(False),
        LoginAttempt.attempted_at > now - CLIENT_WINDOW,
    )
    return session.scalar(query) or 0


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)
