"""Calendar subscriptions: each feed of the annual wheel (the plan's whole wheel,
one actor's events, one theme's) has a secret token, and its URL
(/kalender/<token>.ics, web/calendar.py) is the feed for anyone who has it, with no
login: the token is the capability.

What a feed holds is what every logged-in user sees on the Årshjul page (the wheel
shows every event to every role): the events' titles, dates, actor, kind, target
groups, place and link, the plan's reporting deadlines and the instruments'
application deadlines (in the whole wheel's feed and their actor's). Nothing else.

Every active user may see the links (a token is made the first time one is
asked for, audited); only the admin renews one, which makes the old URL stop
working at once (audited). Tokens never go into the audit log."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.adapters import calendar_feed
from tracker.errors import NotFound
from tracker.i18n import t
from tracker.models import Actor, CalendarFeed, Plan, Theme, utcnow
from tracker.service.audit import record
from tracker.service.events import deadline_events, filter_events, joined, list_events
from tracker.service.instruments import instrument_deadline_events
from tracker.service.principal import Principal, acting_user, require_admin
from tracker.vocab import AuditAction, Entity

TOKEN_BYTES = 32  # secrets.token_urlsafe: 43 characters, 256 bits
TITLE_KEYS = {
    "all": "wheel.download_all",
    "actor": "wheel.download_actor",
    "theme": "wheel.download_theme",
}


@dataclass(frozen=True)
class FeedScope:
    """One feed: exactly one of plan_id (the plan's whole wheel, with its reporting
    deadlines), actor_id (the actor's events) or theme_id (the theme's events)."""

    plan_id: int | None = None
    actor_id: int | None = None
    theme_id: int | None = None

    def __post_init__(self) -> None:
        if sum(i is not None for i in (self.plan_id, self.actor_id, self.theme_id)) != 1:
            raise ValueError(f"a feed has exactly one scope: {self}")

    @property
    def kind(self) -> str:
        """'all', 'actor' or 'theme'."""
        if self.plan_id is not None:
            return "all"
        return "actor" if self.actor_id is not None else "theme"

    @property
    def target_id(self) -> int:
        return next(i for i in (self.plan_id, self.actor_id, self.theme_id) if i is not None)

    def __str__(self) -> str:  # the audit log's entity id: "all-1", "actor-3"
        return f"{self.kind}-{self.target_id}"


def feed_token(session: Session, *, user: Principal, scope: FeedScope) -> str | None:
    """The feed's token, None before anyone asked for it. Every active user may read it."""
    acting_user(session, user)
    row = _row(session, scope)
    return None if row is None else row.token


def make_feed_token(session: Session, *, user: Principal, scope: FeedScope) -> str:
    """The feed's token, made (and audited) the first time it is asked for.
    Raises NotFound when the plan, actor or theme is not there."""
    current = acting_user(session, user)
    if (row := _row(session, scope)) is not None:
        return row.token
    target = _target_name(session, scope)
    row = CalendarFeed(
        token=_new_token(),
        plan_id=scope.plan_id,
        actor_id=scope.actor_id,
        theme_id=scope.theme_id,
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # another session made it at the same moment: theirs it is
        made = _row(session, scope)
        if made is None:
            raise
        return made.token
    record(
        session,
        current,
        action=AuditAction.CREATE,
        entity=Entity.CALENDAR_FEED,
        entity_id=scope,
        after={"feed": scope.kind, "name": target},
    )
    return row.token


def renew_feed_token(session: Session, *, user: Principal, scope: FeedScope) -> str:
    """A new token for the feed (the admin only): the old URL stops working as this
    commits, and subscribers must add the new one. Audited (without the tokens)."""
    current = require_admin(session, user)
    target = _target_name(session, scope)
    row = _row(session, scope)
    if row is None:
        return make_feed_token(session, user=current, scope=scope)
    row.token, row.made_at = _new_token(), utcnow()
    session.flush()
    record(
        session,
        current,
        action=AuditAction.RENEW,
        entity=Entity.CALENDAR_FEED,
        entity_id=scope,
        after={"feed": scope.kind, "name": target},
    )
    return row.token


def scope_of_token(session: Session, token: str) -> FeedScope | None:
    """The feed a token opens; None for an unknown or renewed-away token."""
    if not token or len(token) > 64:
        return None
    row = session.scalars(select(CalendarFeed).where(CalendarFeed.token == token)).one_or_none()
    if row is None:
        return None
    return FeedScope(plan_id=row.plan_id, actor_id=row.actor_id, theme_id=row.theme_id)


def feed_rows(
    stored: pd.DataFrame, deadlines: pd.DataFrame | None, scope: FeedScope
) -> pd.DataFrame:
    """What a feed holds (pure), from list_events (with the instruments' deadlines)
    and the plan's deadline_events: the whole wheel is both; an actor's or a theme's
    feed is its own rows of the first (deadlines may then be None)."""
    if scope.actor_id is not None:
        return filter_events(stored, actor_id=scope.actor_id)
    if scope.theme_id is not None:
        return filter_events(stored, theme_id=scope.theme_id)
    return joined(stored, deadlines) if deadlines is not None else stored


def feed_title(scope: FeedScope, lang: str, *, name: str = "") -> str:
    """'Hele årshjulet', 'Bare Kupa' (name: the actor's or the theme's)."""
    return t(TITLE_KEYS[scope.kind], lang, **{scope.kind: name} if scope.kind != "all" else {})


def calendar_name(title: str, lang: str) -> str:
    """The calendar's own name in the subscriber's list: 'Årshjul – Bare Kupa'."""
    return f"{t('page.wheel', lang)} – {title}"


def feed_file(
    session: Session, *, scope: FeedScope, lang: str, written_at: datetime | None = None
) -> bytes:
    """The feed as .ics, always from the current data. Raises NotFound when its
    plan, actor or theme is gone."""
    name = _target_name(session, scope)
    plan_id = scope.plan_id
    deadlines = deadline_events(session, plan_id=plan_id, lang=lang) if plan_id else None
    stored = joined(list_events(session), instrument_deadline_events(session, lang=lang))
    rows = feed_rows(stored, deadlines, scope)
    title = calendar_name(feed_title(scope, lang, name=name), lang)
    return calendar_feed.feed(rows, title, lang, written_at=written_at)


def _row(session: Session, scope: FeedScope) -> CalendarFeed | None:
    column = {
        "all": CalendarFeed.plan_id,
        "actor": CalendarFeed.actor_id,
        "theme": CalendarFeed.theme_id,
    }[scope.kind]
    return session.scalars(select(CalendarFeed).where(column == scope.target_id)).one_or_none()


def _target_name(session: Session, scope: FeedScope) -> str:
    """The plan's, actor's or theme's name. Raises NotFound when it is not there."""
    key, name = {
        "all": (Plan.id, Plan.name),
        "actor": (Actor.id, Actor.name),
        "theme": (Theme.id, Theme.name),
    }[scope.kind]
    found = session.scalar(select(name).where(key == scope.target_id))
    if found is None:
        raise NotFound.of("calendar.feed_unknown")
    return found


def _new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)
