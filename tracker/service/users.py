"""Local user accounts: create, set password, deactivate, authenticate."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import cache

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import AuthError, NotFound, Problem, ValidationError
from tracker.models import Actor, User
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, acting_user, require_admin
from tracker.service.status import code_column
from tracker.vocab import Role

MAX_FAILED_LOGINS = 5
LOCK_TIME = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"^[\w.\-@]{2,80}$")

hasher = PasswordHasher()  # argon2id with the library's recommended parameters


@cache
def _dummy_hash(hasher_id: int) -> str:
    return hasher.hash("no such user")


def create_user(
    session: Session,
    *,
    user: Principal,
    username: str,
    role: Role | str,
    password: str | None,
    display_name: str = "",
    actor_id: int | None = None,
    email: str | None = None,
) -> int:
    """Create an account (admin). A password of None means login only via single sign-on."""
    principal = require_admin(session, user)
    role = Role(role)
    username = username.strip().lower()
    checks = Checks()
    display_name = checks.text("display_name", display_name, User.display_name)
    email = checks.email("email", email, User.email)
    problems = _check_account(session, username, role, actor_id) + checks.problems
    if email and session.scalar(select(User.id).where(func.lower(User.email) == email)):
        problems.append(Problem("user.email_exists", {"email": email}, "email"))
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        problems.append(Problem("user.password_short", {"length": MIN_PASSWORD_LENGTH}, "password"))
    if problems:
        raise ValidationError(*problems)
    account = User(
        username=username,
        display_name=display_name or username,
        email=email,
        password_hash=hasher.hash(password) if password is not None else None,
        role=role,
        actor_id=actor_id,
        active=True,
        failed_logins=0,
    )
    session.add(account)
    session.flush()
    record(
        session,
        principal,
        action="create",
        entity="user",
        entity_id=username,
        after={"role": role.value, "actor_id": actor_id, "email": account.email},
    )
    return account.id


def _check_account(
    session: Session, username: str, role: Role, actor_id: int | None
) -> list[Problem]:
    problems = []
    if not USERNAME.match(username):
        problems.append(Problem("user.username_invalid", field="username"))
    elif session.scalar(select(User.id).where(func.lower(User.username) == username)):
        problems.append(Problem("user.exists", {"name": username}, "username"))
    if role == Role.ACTOR and actor_id is None:
        problems.append(Problem("user.actor_required", field="actor_id"))
    if role != Role.ACTOR and actor_id is not None:
        problems.append(Problem("user.actor_only_for_actor_role", field="actor_id"))
    if actor_id is not None and session.get(Actor, actor_id) is None:
        problems.append(Problem("notfound.actor", {"name": actor_id}, "actor_id"))
    return problems


def find_user(session: Session, username: str) -> User:
    found = session.scalar(select(User).where(User.username == username.strip().lower()))
    if found is None:
        raise NotFound.of("notfound.user", name=username)
    return found


def set_password(session: Session, *, user: Principal, username: str, password: str) -> None:
    """Set a new password (admin, or the user themself); also unlocks the account."""
    principal = acting_user(session, user)
    account = find_user(session, username)
    if principal.user_id != account.id:
        require_admin(session, principal)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError.of("user.password_short", "password", length=MIN_PASSWORD_LENGTH)
    account.password_hash = hasher.hash(password)
    account.failed_logins = 0
    account.locked_until = None
    record(session, principal, action="set_password", entity="user", entity_id=account.username)


def set_active(session: Session, *, user: Principal, username: str, active: bool) -> None:
    """Deactivate (or reactivate) an account (admin). History keeps its name.

    Raises PermissionDenied, NotFound, ValidationError (user.last_admin: the last
    active admin would leave nobody to keep the plan and the users)."""
    principal = require_admin(session, user)
    account = find_user(session, username)
    if not active and account.active and account.role == Role.ADMIN:
        others = select(func.count(User.id)).where(
            User.role == Role.ADMIN, User.active.is_(True), User.id != account.id
        )
        if not session.scalar(others):
            raise ValidationError.of("user.last_admin", username=account.username)
    before = account.active
    account.active = active
    record(
        session,
        principal,
        action="activate" if active else "deactivate",
        entity="user",
        entity_id=account.username,
        before={"active": before},
        after={"active": active},
    )


def authenticate(
    session: Session, username: str, password: str, *, now: datetime | None = None
) -> Principal:
    """Check a login. Raises AuthError: the same "invalid" answer, in about the same
    time, for an unknown user, an inactive one and a wrong password; "locked" (with
    when it opens) for an existing account locked after too many failed attempts.
    Updates the failed-login counter; the caller commits."""
    now = now or datetime.now(UTC)
    # FOR UPDATE: parallel guesses queue on the row, so none of their counts is lost.
    query = select(User).where(User.username == username.strip().lower()).with_for_update()
    account = session.scalar(query)
    stored = account.password_hash if account is not None else None
    valid = _verify(stored or _dummy_hash(id(hasher)), password) and stored is not None
    if account is None or not account.active:
        raise AuthError(Problem("auth.invalid"))
    if account.locked_until is not None and account.locked_until > now:
        raise _locked(account.locked_until)
    if not valid:
        account.failed_logins += 1
        if account.failed_logins >= MAX_FAILED_LOGINS:
            account.failed_logins = 0
            account.locked_until = now + LOCK_TIME
            raise _locked(account.locked_until)
        raise AuthError(Problem("auth.invalid"))
    account.failed_logins = 0
    account.locked_until = None
    if hasher.check_needs_rehash(stored):
        account.password_hash = hasher.hash(password)
    return Principal.of(account)


def _verify(stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _locked(until: datetime) -> AuthError:
    return AuthError(Problem("auth.locked", {"until": until}), locked_until=until)


def principal_by_email(session: Session, email: str) -> Principal | None:
    """The active user with this e-mail (for single sign-on), or None."""
    account = session.scalar(select(User).where(User.email == email.strip().lower()))
    if account is None or not account.active:
        return None
    return Principal.of(account)


def list_users(session: Session) -> pd.DataFrame:
    query = (
        select(
            User.id,
            User.username,
            User.display_name,
            User.email,
            User.role,
            User.actor_id,
            Actor.name.label("actor_name"),
            User.active,
            User.locked_until,
        )
        .outerjoin(Actor, User.actor_id == Actor.id)
        .order_by(User.username)
    )
    frame = pd.DataFrame(session.execute(query).mappings().all())
    if not frame.empty:
        frame["role"] = code_column(frame["role"])
        frame["actor_name"] = frame["actor_name"].fillna("")
    return frame
