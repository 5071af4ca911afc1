"""A fresh install has no accounts: the first screen (or `tracker user add`) makes
the first admin. Only then; after that, admins make accounts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import bump_revision
from tracker.errors import PermissionDenied
from tracker.models import User
from tracker.service.principal import SYSTEM, Principal
from tracker.service.users import create_user
from tracker.vocab import Role


def needs_first_admin(session: Session) -> bool:
    """No account at all: nobody could log in to make one."""
    return session.scalar(select(User.id).limit(1)) is None


def create_first_admin(
    session: Session, *, username: str, password: str, display_name: str = "", email: str = ""
) -> Principal:
    """Make the first account, an admin, and return it. Refused once any account
    exists (two browsers on a fresh install: the second is refused)."""
    # Take the write lock first (PostgreSQL's row lock on the revision; SQLite's write
    # transactions hold it already), so two browsers cannot both see no account.
    bump_revision(session)
    if not needs_first_admin(session):
        raise PermissionDenied.of("setup.already_done")
    user_id = create_user(
        session,
        user=SYSTEM,
        username=username,
        role=Role.ADMIN,
        password=password,
        display_name=display_name,
        email=email or None,
    )
    return Principal.of(session.get_one(User, user_id))
