"""The demo's accounts have published passwords: a door into any database that has
them. They are marked (User.is_demo); while one is active every page says so, and a
real plan's import closes the door (it deactivates them, saying so)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import PermissionDenied
from tracker.models import Plan, User
from tracker.service.audit import record
from tracker.service.principal import Principal, require_admin
from tracker.vocab import AuditAction, Entity


def active_demo_usernames(session: Session) -> list[str]:
    """The demo accounts that still log in, by username."""
    query = select(User.username).where(User.is_demo.is_(True), User.active.is_(True))
    return list(session.scalars(query.order_by(User.id)))


def in_real_use(session: Session, demo_plan: str) -> bool:
    """Any account not made by the demo (active or not), or a plan besides the demo's
    (imported from the command line, before any account)."""
    users = select(func.count(User.id)).where(User.is_demo.is_(False))
    plans = select(func.count(Plan.id)).where(Plan.name != demo_plan)
    return bool(session.scalar(users) or session.scalar(plans))


def retire_demo_accounts(session: Session, *, user: Principal) -> list[str]:
    """Deactivate every active demo account (admin); returns their usernames.

    Refused to a demo account itself: it would lock itself out, and its password is
    the published one, so it cannot be the one that closes the door."""
    principal = require_admin(session, user)
    accounts = list(
        session.scalars(select(User).where(User.is_demo.is_(True), User.active.is_(True)))
    )
    if not accounts:
        return []
    if any(account.id == principal.user_id for account in accounts):
        raise PermissionDenied.of("demo.retire_as_demo")
    for account in accounts:
        account.active = False
        record(
            session,
            principal,
            action=AuditAction.DEACTIVATE,
            entity=Entity.USER,
            entity_id=account.username,
            before={"active": True},
            after={"active": False, "reason": "demo"},
        )
    return [account.username for account in accounts]
