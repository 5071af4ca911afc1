"""Local user accounts: create, set password, deactivate, authenticate."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import NotFound, Problem, ValidationError
from tracker.models import Actor, User
from tracker.service import passwords, sessions
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, acting_user, require_admin
from tracker.service.status import code_column
from tracker.service.usernames import normalise_username, username_problems
from tracker.vocab import Role


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
    username = normalise_username(username)
    checks = Checks()
    display_name = checks.text("display_name", display_name, User.display_name)
    email = checks.email("email", email, User.email)
    problems = _check_account(session, username, role, actor_id) + checks.problems
    if email and session.scalar(select(User.id).where(func.lower(User.email) == email)):
        problems.append(Problem("user.email_exists", {"email": email}, "email"))
    if password is not None:
        problems += passwords.password_problems(password, username)
    if problems:
        raise ValidationError(*problems)
    account = User(
        username=username,
        display_name=display_name or username,
        email=email,
        password_hash=passwords.hash_password(password) if password is not None else None,
        role=role,
        actor_id=actor_id,
        active=True,
        failed_logins=0,
        # Made through the demo's published door: it goes when the door is closed.
        is_demo=_is_demo_account(session, principal),
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
    problems = username_problems(session, username)
    if role == Role.ACTOR and actor_id is None:
        problems.append(Problem("user.actor_required", field="actor_id"))
    if role != Role.ACTOR and actor_id is not None:
        problems.append(Problem("user.actor_only_for_actor_role", field="actor_id"))
    if actor_id is not None and session.get(Actor, actor_id) is None:
        problems.append(Problem("notfound.actor", {"name": actor_id}, "actor_id"))
    return problems


def find_user(session: Session, username: str) -> User:
    found = session.scalar(select(User).where(User.username == normalise_username(username)))
    if found is None:
        raise NotFound.of("notfound.user", name=username)
    return found


def set_password(session: Session, *, user: Principal, username: str, password: str) -> int:
    """Set a new password (admin, or the user themself); also unlocks the account and
    ends the account's browser sessions. Returns the account's new session stamp: the
    session that made the change keeps itself logged in with it."""
    principal = acting_user(session, user)
    account = find_user(session, username)
    if principal.user_id != account.id:
        require_admin(session, principal)
    if problems := passwords.password_problems(password, account.username):
        raise ValidationError(*problems)
    account.password_hash = passwords.hash_password(password)
    account.failed_logins = 0
    account.locked_until = None
    account.session_epoch += 1
    record(session, principal, action="set_password", entity="user", entity_id=account.username)
    return account.session_epoch


def set_active(session: Session, *, user: Principal, username: str, active: bool) -> None:
    """Deactivate (or reactivate) an account (admin). History keeps its name.

    Raises PermissionDenied, NotFound, ValidationError (user.last_admin: the last
    active admin would leave nobody to keep the plan and the users)."""
    principal = require_admin(session, user)
    account = find_user(session, username)
    if active and not account.active and account.is_demo:
        raise ValidationError.of("demo.no_reactivation", username=account.username)
    if not active and account.active and account.role == Role.ADMIN:
        others = select(func.count(User.id)).where(
            User.role == Role.ADMIN, User.active.is_(True), User.id != account.id
        )
        if not session.scalar(others):
            raise ValidationError.of("user.last_admin", username=account.username)
    before = account.active
    account.active = active
    if not active:
        sessions.end_user_sessions(session, account.id, sessions.EndReason.DEACTIVATED)
    record(
        session,
        principal,
        action="activate" if active else "deactivate",
        entity="user",
        entity_id=account.username,
        before={"active": before},
        after={"active": active},
    )


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


def _is_demo_account(session: Session, principal: Principal) -> bool:
    account = None if principal.is_system else session.get(User, principal.user_id)
    return bool(account and account.is_demo)
