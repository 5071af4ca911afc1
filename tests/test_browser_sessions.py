"""The server side of the session cookie: a token that resumes its user until it
idles out, grows too old, or is ended by a logout, a deactivation, a lockout or a
password change; only its hash is stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import PASSWORD, make_user
from tracker.errors import AuthError, PermissionDenied
from tracker.models import BrowserSession
from tracker.service.login import MAX_FAILED_LOGINS, authenticate
from tracker.service.principal import SYSTEM, Principal
from tracker.service.sessions import (
    KEEP_ENDED,
    SESSION_IDLE,
    SESSION_LIFETIME,
    TOUCH_EVERY,
    end_session,
    keep_session,
    resume_session,
    session_language,
    set_session_language,
    start_session,
    token_hash,
    touch_session,
)
from tracker.service.users import set_active, set_password
from tracker.vocab import Role

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NEW_PASSWORD = "et-nytt-passord-2026"


def logged_in(
    session: Session, username: str = "leder", now: datetime = T0
) -> tuple[str, Principal]:
    principal = authenticate(session, username, PASSWORD, now=now)
    token = start_session(session, principal, client="192.0.2.1", now=now)
    session.commit()
    return token, principal


def ended_key(session: Session, token: str, now: datetime) -> str:
    with pytest.raises(PermissionDenied) as caught:
        resume_session(session, token, now=now)
    return caught.value.problems[0].key


@pytest.fixture
def leader(session: Session) -> None:
    make_user(session, Role.LEADER, username="leder")
    make_user(session, Role.ADMIN, username="sjef")
    session.commit()


def test_a_token_resumes_its_user_and_only_its_hash_is_kept(session: Session, leader: None) -> None:
    token, principal = logged_in(session)
    assert resume_session(session, token, now=T0 + timedelta(hours=1)) == principal
    stored = session.scalars(select(BrowserSession.token_hash)).all()
    assert stored == [token_hash(token)]
    assert token not in stored and len(token) >= 40
    other, _ = logged_in(session)
    assert other != token  # each login its own token


def test_an_unknown_token_is_an_expired_session(session: Session, leader: None) -> None:
    logged_in(session)
    assert ended_key(session, "gjettet-token", T0) == "perm.session_expired"


def test_idle_too_long_ends_it_and_use_keeps_it(session: Session, leader: None) -> None:
    token, _ = logged_in(session)
    almost = T0 + SESSION_IDLE - timedelta(minutes=1)
    resume_session(session, token, now=almost)
    touch_session(session, token, now=almost)
    session.commit()
    assert resume_session(session, token, now=almost + SESSION_IDLE - timedelta(minutes=1))
    assert ended_key(session, token, almost + SESSION_IDLE) == "perm.session_expired"


def test_no_login_outlives_its_lifetime_however_used(session: Session, leader: None) -> None:
    token, _ = logged_in(session)
    now = T0
    while now < T0 + SESSION_LIFETIME - SESSION_IDLE:
        now += SESSION_IDLE - timedelta(minutes=5)
        resume_session(session, token, now=now)
        touch_session(session, token, now=now)
        session.commit()
    assert ended_key(session, token, T0 + SESSION_LIFETIME) == "perm.session_expired"


def test_a_rerun_is_not_a_write(session: Session, leader: None) -> None:
    token, _ = logged_in(session)
    touch_session(session, token, now=T0 + TOUCH_EVERY / 2)
    session.commit()
    seen = session.scalar(select(BrowserSession.last_seen_at))
    assert seen == T0
    touch_session(session, token, now=T0 + TOUCH_EVERY)
    session.commit()
    session.expire_all()
    assert session.scalar(select(BrowserSession.last_seen_at)) == T0 + TOUCH_EVERY


def test_logout_ends_it_for_every_tab_that_holds_it(session: Session, leader: None) -> None:
    token, _ = logged_in(session)
    other_device, _ = logged_in(session)
    end_session(session, token, now=T0 + timedelta(minutes=5))
    session.commit()
    assert ended_key(session, token, T0 + timedelta(minutes=6)) == "perm.logged_out"
    assert resume_session(session, other_device, now=T0 + timedelta(minutes=6))


def test_deactivation_ends_every_session_and_reactivation_does_not_revive_them(
    session: Session, leader: None
) -> None:
    token, _ = logged_in(session)
    set_active(session, user=SYSTEM, username="leder", active=False)
    session.commit()
    assert ended_key(session, token, T0 + timedelta(minutes=1)) == "perm.inactive"
    set_active(session, user=SYSTEM, username="leder", active=True)
    session.commit()
    assert ended_key(session, token, T0 + timedelta(minutes=2)) == "perm.inactive"


def test_a_lockout_ends_every_session(session: Session, leader: None) -> None:
    token, _ = logged_in(session)
    for attempt in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            authenticate(
                session, "leder", "feil-passord-123", client="203.0.113.9",
                now=T0 + timedelta(minutes=1, seconds=attempt),
            )  # fmt: skip
        session.commit()
    assert ended_key(session, token, T0 + timedelta(minutes=2)) == "perm.locked"


def test_a_password_change_ends_the_others_and_keeps_the_one_that_made_it(
    session: Session, leader: None
) -> None:
    mine, principal = logged_in(session)
    other, _ = logged_in(session)
    epoch = set_password(session, user=principal, username="leder", password=NEW_PASSWORD)
    keep_session(session, mine, epoch)
    session.commit()
    later = T0 + timedelta(minutes=3)
    assert resume_session(session, mine, now=later).session_epoch == epoch
    assert ended_key(session, other, later) == "perm.session_ended"


def test_old_sessions_are_forgotten(session: Session, leader: None) -> None:
    old, _ = logged_in(session)
    end_session(session, old, now=T0)
    session.commit()
    logged_in(session, now=T0 + KEEP_ENDED + timedelta(days=1))
    assert session.scalar(select(func.count(BrowserSession.id))) == 1


def test_the_language_chosen_is_kept_per_browser(session: Session, leader: None) -> None:
    mine, _ = logged_in(session)
    other, _ = logged_in(session)
    assert session_language(session, mine) is None
    set_session_language(session, mine, "en")
    session.commit()
    assert (session_language(session, mine), session_language(session, other)) == ("en", None)
