"""Local user accounts: create, change, set password, deactivate, authenticate."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import NotFound, PermissionDenied, Problem, ValidationError
from tracker.models import Actor, User
from tracker.service import passwords, sessions
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, acting_user, require_admin
from tracker.service.status import code_column
from tracker.service.usernames import normalise_username, username_problems
from tracker.vocab import AuditAction, Entity, Role


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
    if _email_taken(session, email, None):
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
        action=AuditAction.CREATE,
        entity=Entity.USER,
        entity_id=username,
        after={"role": role.value, "actor_id": actor_id, "email": account.email},
    )
    return account.id


def _check_account(
    session: Session, username: str, role: Role, actor_id: int | None
) -> list[Problem]:
    return username_problems(session, username) + _actor_problems(session, role, actor_id)


def _actor_problems(session: Session, role: Role, actor_id: object) -> list[Problem]:
    """An actor-role user belongs to an actor that exists; a leader or admin to none."""
    problems = []
    if role == Role.ACTOR and actor_id is None:
        problems.append(Problem("user.actor_required", field="actor_id"))
    if role != Role.ACTOR and actor_id is not None:
        problems.append(Problem("user.actor_only_for_actor_role", field="actor_id"))
    if actor_id is not None and (
        isinstance(actor_id, bool)
        or not isinstance(actor_id, int)
        or session.get(Actor, actor_id) is None
    ):
        problems.append(Problem("notfound.actor", {"name": actor_id}, "actor_id"))
    return problems


def _email_taken(session: Session, email: str | None, account_id: int | None) -> bool:
    """Another account has this (lower-cased) e-mail: it names one user for single
    sign-on and reminders."""
    if not email:
        return False
    query = select(User.id).where(func.lower(User.email) == email)
    if account_id is not None:
        query = query.where(User.id != account_id)
    return session.scalar(query.limit(1)) is not None


USER_FIELDS = ("display_name", "email", "role", "actor_id")
"""What update_user changes, in the order it reports them."""


def update_user(
    session: Session,
    *,
    user: Principal,
    username: str,
    display_name: str,
    email: str | None,
    role: Role | str,
    actor_id: int | None,
) -> dict[str, tuple[Any, Any]]:
    """Change an account's display name, e-mail, role and actor (admin), with the
    checks of create_user; an empty display name is the username, as there.

    Returns {field: (before, after)} for what changed, in USER_FIELDS order (a role as
    its code): {} when nothing did, and then no audit row and no new data revision.
    A new role or actor acts at the user's next click, without logging out: every
    run reads the user anew (tracker.service.sessions.check_session).

    Raises PermissionDenied (not an admin; demo.edit_real: a demo account, whose
    password is published, changing an account that is not one), NotFound (no such
    user), ValidationError with every problem at once: the texts, the e-mail's form
    or another account having it, the role, the actor (an actor user needs one, a
    leader or admin has none), user.own_admin_role (an admin cannot take the role
    from itself: another admin can), user.last_admin_role (the last active admin
    keeps it), demo.no_admin (a demo account is never made admin)."""
    principal = require_admin(session, user)
    account = find_user(session, username)
    if _is_demo_account(session, principal) and not account.is_demo:
        raise PermissionDenied.of("demo.edit_real", username=account.username)
    wanted = _checked_values(session, principal, account, display_name, email, role, actor_id)
    changed = {
        field: (_code(getattr(account, field)), _code(wanted[field]))
        for field in USER_FIELDS
        if getattr(account, field) != wanted[field]
    }
    if not changed:
        return {}
    for field in changed:
        setattr(account, field, wanted[field])
    session.flush()
    record(
        session,
        principal,
        action=AuditAction.UPDATE,
        entity=Entity.USER,
        entity_id=account.username,
        before={field: before for field, (before, _) in changed.items()},
        after={field: after for field, (_, after) in changed.items()},
    )
    return changed


def _checked_values(
    session: Session,
    principal: Principal,
    account: User,
    display_name: str,
    email: str | None,
    role: Role | str,
    actor_id: int | None,
) -> dict[str, Any]:
    """update_user's values for account, checked (ValidationError with every problem)."""
    checks = Checks()
    display_name = checks.text("display_name", display_name, User.display_name)
    email = checks.email("email", email, User.email)
    new_role = checks.member("role", role, Role, User.role)
    problems = checks.problems
    if new_role is not None:
        problems += _actor_problems(session, new_role, actor_id)
        problems += _role_problems(session, principal, account, new_role)
    if _email_taken(session, email, account.id):
        problems.append(Problem("user.email_exists", {"email": email}, "email"))
    if problems:
        raise ValidationError(*problems)
    return {
        "display_name": display_name or account.username,
        "email": email,
        "role": new_role,
        "actor_id": actor_id,
    }


def _role_problems(
    session: Session, principal: Principal, account: User, role: Role
) -> list[Problem]:
    if role == Role.ADMIN and account.role != Role.ADMIN and account.is_demo:
        return [Problem("demo.no_admin", {"username": account.username}, "role")]
    if role == Role.ADMIN or account.role != Role.ADMIN:
        return []
    if principal.user_id == account.id:
        return [Problem("user.own_admin_role", field="role")]
    if account.active and not _other_active_admins(session, account):
        return [Problem("user.last_admin_role", {"username": account.username}, "role")]
    return []


def _other_active_admins(session: Session, account: User) -> int:
    others = select(func.count(User.id)).where(
        User.role == Role.ADMIN, User.active.is_(True), User.id != account.id
    )
    return session.scalar(others) or 0


def _code(value: Any) -> Any:
    return value.value if isinstance(value, Role) else value


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
    record(
        session,
        principal,
        action=AuditAction.SET_PASSWORD,
        entity=Entity.USER,
        entity_id=account.username,
    )
    return account.session_epoch


def set_active(session: Session, *, user: Principal, username: str, active: bool) -> None:
    """Deactivate (or reactivate) an account (admin). History keeps its name.

    Raises PermissionDenied, NotFound, ValidationError (user.last_admin: the last
    active admin would leave nobody to keep the plan and the users)."""
    principal = require_admin(session, user)
    account = find_user(session, username)
    if active and not account.active and account.is_demo:
        raise ValidationError.of("demo.no_reactivation", username=account.username)
    leaving = not active and account.active and account.role == Role.ADMIN
    if leaving and not _other_active_admins(session, account):
        raise ValidationError.of("user.last_admin", username=account.username)
    before = account.active
    account.active = active
    if not active:
        sessions.end_user_sessions(session, account.id, sessions.EndReason.DEACTIVATED)
    record(
        session,
        principal,
        action=AuditAction.ACTIVATE if active else AuditAction.DEACTIVATE,
        entity=Entity.USER,
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
