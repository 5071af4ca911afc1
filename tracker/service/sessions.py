"""Whether a logged-in browser session still holds: the one check each request runs.

A password login gets a browser session: a random token in an HttpOnly cookie (set
by web.login), its SHA-256 here in browser_session. The token is resumed on every
script run; it ends after SESSION_IDLE without a request, SESSION_LIFETIME after the
login, at logout, when the account is deactivated or locked, and when the password
is changed (by the session stamp, see set_password). A session kept only in
Streamlit's session_state (single sign-on, tests) runs check_session alone."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from tracker.errors import PermissionDenied
from tracker.models import BrowserSession, User
from tracker.service.principal import Principal

SESSION_IDLE = timedelta(hours=8)
"""A working day without a request ends the session: the next morning logs in anew."""
SESSION_LIFETIME = timedelta(days=7)
"""However active, a login lasts a week."""
TOUCH_EVERY = timedelta(minutes=1)
"""last_seen_at is written at most this often: a rerun is not a write."""
KEEP_ENDED = timedelta(days=30)
"""Ended and expired sessions are kept this long (who was logged in from where)."""


class EndReason(StrEnum):
    LOGOUT = "logout"
    DEACTIVATED = "deactivated"
    LOCKED = "locked"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(
    session: Session, principal: Principal, *, client: str = "", now: datetime | None = None
) -> str:
    """A new browser session for a user who just logged in; returns the token for
    the cookie (only its hash is stored)."""
    now = now or datetime.now(UTC)
    token = secrets.token_urlsafe(32)
    session.add(
        BrowserSession(
            token_hash=token_hash(token),
            user_id=principal.user_id,
            session_epoch=principal.session_epoch,
            client=client[:64],
            created_at=now,
            last_seen_at=now,
        )
    )
    _forget_old(session, now)
    return token


def resume_session(session: Session, token: str, *, now: datetime | None = None) -> Principal:
    """The user of the browser session token, as the database knows them now (a
    read: touch_session records the use).

    Raises PermissionDenied: perm.session_expired (unknown token, idle or too old),
    perm.logged_out, perm.locked, perm.inactive, perm.session_ended (password changed)."""
    now = now or datetime.now(UTC)
    row = session.scalar(
        select(BrowserSession).where(BrowserSession.token_hash == token_hash(token))
    )
    if row is None or _expired(row, now):
        raise PermissionDenied.of("perm.session_expired")
    if row.ended_at is not None:
        raise PermissionDenied.of(_ENDED_KEYS.get(row.end_reason or "", "perm.logged_out"))
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise PermissionDenied.of("perm.inactive")
    if user.session_epoch != row.session_epoch:
        raise PermissionDenied.of("perm.session_ended")
    return Principal.of(user)


def touch_session(session: Session, token: str, *, now: datetime | None = None) -> None:
    """The session was used now: its idle time starts again (written at most once
    per TOUCH_EVERY, so a rerun is not a write)."""
    now = now or datetime.now(UTC)
    session.execute(
        update(BrowserSession)
        .where(
            BrowserSession.token_hash == token_hash(token),
            BrowserSession.ended_at.is_(None),
            BrowserSession.last_seen_at <= now - TOUCH_EVERY,
        )
        .values(last_seen_at=now)
    )


def end_session(session: Session, token: str, *, now: datetime | None = None) -> None:
    """Logout: the token stops working at once, in every tab that holds it."""
    _end(session, BrowserSession.token_hash == token_hash(token), EndReason.LOGOUT, now)


def end_user_sessions(
    session: Session, user_id: int, reason: EndReason, *, now: datetime | None = None
) -> None:
    """Every open browser session of the account ends (deactivation, lockout)."""
    _end(session, BrowserSession.user_id == user_id, reason, now)


def _end(session: Session, which: Any, reason: EndReason, now: datetime | None) -> None:
    session.execute(
        update(BrowserSession)
        .where(which, BrowserSession.ended_at.is_(None))
        .values(ended_at=now or datetime.now(UTC), end_reason=reason.value)
    )


def keep_session(session: Session, token: str, epoch: int) -> None:
    """After a password change: the browser session that made it carries the new
    stamp and stays logged in; the account's other sessions have ended."""
    session.execute(
        update(BrowserSession)
        .where(BrowserSession.token_hash == token_hash(token))
        .values(session_epoch=epoch)
    )


def session_language(session: Session, token: str) -> str | None:
    """The language last chosen in the browser that holds token (None: not yet)."""
    return session.scalar(
        select(BrowserSession.lang).where(BrowserSession.token_hash == token_hash(token))
    )


def set_session_language(session: Session, token: str, lang: str) -> None:
    session.execute(
        update(BrowserSession)
        .where(BrowserSession.token_hash == token_hash(token))
        .values(lang=lang[:8])
    )


def check_session(session: Session, principal: Principal) -> Principal:
    """The principal as the database knows it now, if its session still holds.

    Raises PermissionDenied: perm.inactive (deactivated or deleted), perm.session_ended
    (the password was changed since this session logged in; the session that changed
    it carries the new stamp, see set_password)."""
    if principal.is_system:
        return principal
    user = session.get(User, principal.user_id)
    if user is None or not user.active:
        raise PermissionDenied.of("perm.inactive")
    if user.session_epoch != principal.session_epoch:
        raise PermissionDenied.of("perm.session_ended")
    return Principal.of(user)


_ENDED_KEYS = {
    EndReason.LOGOUT.value: "perm.logged_out",
    EndReason.DEACTIVATED.value: "perm.inactive",
    EndReason.LOCKED.value: "perm.locked",
}


def _expired(row: BrowserSession, now: datetime) -> bool:
    return now - row.last_seen_at >= SESSION_IDLE or now - row.created_at >= SESSION_LIFETIME


def _forget_old(session: Session, now: datetime) -> None:
    cutoff = now - KEEP_ENDED
    session.execute(
        delete(BrowserSession).where(
            or_(BrowserSession.ended_at < cutoff, BrowserSession.last_seen_at < cutoff)
        )
    )
