"""The schema, SQLAlchemy 2.x typed style. Alembic migrations create it (migrations/).

StatusUpdate, Contribution, IndicatorValue and AuditLog are append-only: the ORM
refuses to update or delete one (see tracker.db), and the migrations add database
triggers that refuse it too, and REPLACE and TRUNCATE (0006).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.vocab import (
    ActionKind,
    ActionStatus,
    ActorKind,
    Direction,
    EventKind,
    InstrumentKind,
    OverlapVerdict,
    PartnerRole,
    Rag,
    Role,
    Stage,
    Status,
    TargetGroup,
)

QUARTER = String(7)  # "2025-Q3"
REPORT_TEXT = {"max_length": 4000}
"""A Text column has no size in the database; the services hold what users write
to info["max_length"] (tracker.limits.column_limit), here a quarterly report's text."""


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def vocab(enum: type[StrEnum], name: str) -> Enum:
    """A column of vocabulary codes stored as their lower-case values."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        length=30,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    pass


class Plan(Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    themes: Mapped[list[Theme]] = relationship(back_populates="plan", order_by="Theme.position")


class Theme(Base):
    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[Plan] = relationship(back_populates="themes")


class Goal(Base):
    """A goal of the plan; theme_id is empty for an overall goal (hovedmål)."""

    __tablename__ = "goal"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))
    code: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)


class Actor(Base):
    __tablename__ = "actor"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[ActorKind | None] = mapped_column(vocab(ActorKind, "actor_kind"))
    contact: Mapped[str] = mapped_column(String(300), default="")


PROFILE_TEXT = {"max_length": 4000}
"""The longest text of a profile field (a page of writing): what an actor says of itself."""


class ActorProfile(Base):
    """What an actor tells the network about itself (kept by its own users or the admin).

    Lists (target groups, kinds of work) are written «a; b»; focus areas one per line.
    version moves on with every save: a save made against an older view is refused."""

    __tablename__ = "actor_profile"

    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True
    )
    about: Mapped[str] = mapped_column(Text, default="", info=PROFILE_TEXT)
    members: Mapped[str] = mapped_column(Text, default="", info=PROFILE_TEXT)
    area: Mapped[str] = mapped_column(String(300), default="")
    strategy: Mapped[str] = mapped_column(Text, default="", info=PROFILE_TEXT)
    focus_areas: Mapped[str] = mapped_column(Text, default="", info=PROFILE_TEXT)
    target_groups: Mapped[str] = mapped_column(String(500), default="")
    work_kinds: Mapped[str] = mapped_column(String(500), default="")
    cooperation: Mapped[str] = mapped_column(Text, default="", info=PROFILE_TEXT)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # set by every save


class ActorProfileTheme(Base):
    """A plan theme an actor names among its focus areas."""

    __tablename__ = "actor_profile_theme"

    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True
    )


class ActorContact(Base):
    """A contact person of an actor, shown to logged-in users only."""

    __tablename__ = "actor_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")


class Instrument(Base):
    """An instrument (virkemiddel) an actor offers the network: a grant, a loan,
    advice, a course … Its target groups, stages and deadlines are in the tables
    below; industries are free text «a; b». Kept by its actor's users or the admin;
    version moves on with every save (a save against an older view is refused)."""

    __tablename__ = "instrument"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[InstrumentKind] = mapped_column(vocab(InstrumentKind, "instrument_kind"))
    description: Mapped[str] = mapped_column(Text, default="", info=PROFILE_TEXT)
    industries: Mapped[str] = mapped_column(String(500), default="")
    amount: Mapped[str] = mapped_column(String(300), default="")  # «inntil 500 000 kr»
    link: Mapped[str] = mapped_column(String(500), default="")  # how to apply
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, onupdate=utcnow)


class InstrumentTargetGroup(Base):
    """A target group an instrument is for."""

    __tablename__ = "instrument_target_group"

    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instrument.id", ondelete="CASCADE"), primary_key=True
    )
    target_group: Mapped[TargetGroup] = mapped_column(
        vocab(TargetGroup, "target_group"), primary_key=True
    )


class InstrumentStage(Base):
    """A stage of a company an instrument is for."""

    __tablename__ = "instrument_stage"

    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instrument.id", ondelete="CASCADE"), primary_key=True
    )
    stage: Mapped[Stage] = mapped_column(vocab(Stage, "stage"), primary_key=True)


class InstrumentDeadline(Base):
    """An application deadline of an instrument: once (a date), or every year on
    that day (yearly, from the date's year on)."""

    __tablename__ = "instrument_deadline"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instrument.id", ondelete="CASCADE"), index=True
    )
    due: Mapped[date] = mapped_column(Date)
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)


class Measure(Base):
    __tablename__ = "measure"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id"))
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    start_period: Mapped[str] = mapped_column(QUARTER)
    end_period: Mapped[str] = mapped_column(QUARTER)
    lead_actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id"), index=True)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    budget: Mapped[str] = mapped_column(String(300), default="")
    funding: Mapped[str] = mapped_column(String(300), default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    # Whom it is for and what kind of work it does: codes of vocab.TargetGroup and
    # vocab.WorkKind, «grundere;ungdom» (tracker.code_lists); "" when nobody said.
    target_groups: Mapped[str] = mapped_column(String(300), default="", server_default="")
    work_kinds: Mapped[str] = mapped_column(String(300), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Set by the services that create a measure (admin form, importer). Empty for
    # measures made before it was recorded: they count as always there.
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    partners: Mapped[list[MeasurePartner]] = relationship(
        cascade="all, delete-orphan", order_by="MeasurePartner.actor_id"
    )


class MeasurePartner(Base):
    __tablename__ = "measure_partner"

    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id"), primary_key=True, index=True)
    role: Mapped[PartnerRole] = mapped_column(
        vocab(PartnerRole, "partner_role"), default=PartnerRole.PARTNER
    )


class StatusUpdate(Base):
    """One report on a measure for a quarter. Append-only: never updated, never deleted.

    Only the lead actor's users and the admin report status. by_partner marks the
    reports a partner made before that rule (kept in the history, never the status).
    """

    __tablename__ = "status_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), index=True)
    period: Mapped[str] = mapped_column(QUARTER)
    status: Mapped[Status] = mapped_column(vocab(Status, "status"))
    progress: Mapped[int | None] = mapped_column(Integer)
    rag: Mapped[Rag | None] = mapped_column(vocab(Rag, "rag"))
    comment: Mapped[str] = mapped_column(Text, default="", info=REPORT_TEXT)
    next_steps: Mapped[str] = mapped_column(Text, default="", info=REPORT_TEXT)
    reported_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reported_by_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id"))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    by_partner: Mapped[bool] = mapped_column(Boolean, default=False)


class Contribution(Base):
    """A partner's contribution (bidrag) to a measure for a quarter: what it did,
    with an optional link. Append-only; it never changes the measure's status."""

    __tablename__ = "contribution"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), index=True)
    period: Mapped[str] = mapped_column(QUARTER)
    text: Mapped[str] = mapped_column(Text, info=REPORT_TEXT)
    link: Mapped[str] = mapped_column(String(500), default="")
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(vocab(Role, "role"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Made by `tracker demo`: its password is published, so a real plan must not meet it.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bumped by a password change; a browser session whose login saw another value
    # has ended (tracker.service.sessions.check_session).
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)


class BrowserSession(Base):
    """A login kept by the browser's session cookie: the cookie holds a random token,
    this row its SHA-256 (tracker.service.sessions). Ended at logout, deactivation and
    lockout (ended_at, end_reason); a password change ends it by the session stamp."""

    __tablename__ = "browser_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    session_epoch: Mapped[int] = mapped_column(Integer)
    client: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    # The language last chosen in this browser: a reload or a new tab keeps it.
    lang: Mapped[str | None] = mapped_column(String(8))


class LoginAttempt(Base):
    """One login attempt, for throttling per client address and per account; kept
    30 days (tracker.service.login). The username as typed (normalised), known or not."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_client_at", "client", "attempted_at"),
        Index("ix_login_attempt_username_client", "username", "client"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    username: Mapped[str] = mapped_column(String(80))
    client: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(Boolean)


class AuditLog(Base):
    """Who changed what, when, before and after. Append-only, like status reports."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class ClosedPeriod(Base):
    __tablename__ = "closed_period"
    __table_args__ = (UniqueConstraint("plan_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    period: Mapped[str] = mapped_column(QUARTER)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # The summary as it stood when the quarter was closed (tracker.reports.snapshot):
    # the final report is built from this, never from the live tables.
    snapshot: Mapped[bytes | None] = mapped_column(LargeBinary)


class ClosedSummaryFile(Base):
    """A file of a closed quarter's summary, stored the first time it is made, then
    served as stored: the final report is the same document forever."""

    __tablename__ = "closed_summary_file"
    __table_args__ = (UniqueConstraint("closed_period_id", "lang", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    closed_period_id: Mapped[int] = mapped_column(
        ForeignKey("closed_period.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(5))
    format: Mapped[str] = mapped_column(String(10))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DataRevision(Base):
    """One row; its number grows by one in every write transaction (cache key)."""

    __tablename__ = "data_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger, default=0)


class Event(Base):
    """An event in the shared annual wheel (årshjul) of the actors' network."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[EventKind] = mapped_column(vocab(EventKind, "event_kind"))
    starts: Mapped[date] = mapped_column(Date, index=True)
    ends: Mapped[date | None] = mapped_column(Date)
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"))
    target_groups: Mapped[str] = mapped_column(String(500), default="")  # "gründere; skoler"
    place: Mapped[str] = mapped_column(String(300), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by every change through the ORM (the wheel, the importer); empty until the
    # first: the calendar feed's LAST-MODIFIED is this, else created_at.
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, onupdate=utcnow)


class CalendarFeed(Base):
    """The secret token of one calendar feed (tracker.service.calendar_feeds): the
    plan's whole wheel (plan_id), one actor's events (actor_id) or one theme's
    (theme_id); exactly one is set. The token is the feed's URL, so it is kept as
    it is (the page shows it); renewing replaces it and the old URL stops working."""

    __tablename__ = "calendar_feed"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN plan_id IS NULL THEN 0 ELSE 1 END) "
            "+ (CASE WHEN actor_id IS NULL THEN 0 ELSE 1 END) "
            "+ (CASE WHEN theme_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="ck_calendar_feed_one_scope",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan.id", ondelete="CASCADE"), unique=True
    )
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), unique=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="CASCADE"), unique=True
    )
    made_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Indicator(Base):
    """A key figure the plan follows (employed persons, new enterprises …): a
    baseline, a target and a direction; its values are reported over time."""

    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(60), default="")
    baseline_year: Mapped[int] = mapped_column(Integer)
    baseline_value: Mapped[float] = mapped_column(Float)
    target_year: Mapped[int] = mapped_column(Integer)
    target_value: Mapped[float] = mapped_column(Float)
    direction: Mapped[Direction] = mapped_column(vocab(Direction, "direction"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(500), default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)


class IndicatorValue(Base):
    """One reported value of an indicator for a year (2025) or a quarter (2025-Q3).
    Append-only, like status reports: the latest report for a period counts."""

    __tablename__ = "indicator_value"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(String(7))
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="", info=REPORT_TEXT)
    reported_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OverlapDecision(Base):
    """What the coordination decided about two measures the overlap finder paired
    (page Samordning). One decision per pair, lower measure id first; reopening the
    pair deletes it (both audited)."""

    __tablename__ = "overlap_decision"
    __table_args__ = (
        UniqueConstraint("measure_a_id", "measure_b_id"),
        CheckConstraint("measure_a_id < measure_b_id", name="ck_overlap_decision_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_a_id: Mapped[int] = mapped_column(
        ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    measure_b_id: Mapped[int] = mapped_column(
        ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    verdict: Mapped[OverlapVerdict] = mapped_column(vocab(OverlapVerdict, "overlap_verdict"))
    note: Mapped[str] = mapped_column(Text, default="", info={"max_length": 2000})
    score: Mapped[float | None] = mapped_column(Float)  # the finder's score when decided
    decided_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Meeting(Base):
    """The year's coordination meeting (samhandlingsmøte): its date and place (kept
    in step with its event in the Årshjul), the invited actors and the minutes.
    One a year; kept by the admin."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    minutes: Mapped[str] = mapped_column(Text, default="", info={"max_length": 20000})
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, onupdate=utcnow)


class MeetingActor(Base):
    """An actor invited to a meeting."""

    __tablename__ = "meeting_actor"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True
    )


class MeetingAction(Base):
    """An action agreed at a meeting, with its lead actor: a new measure (measure_id
    once made) or a decision on an overlap pair (the pair once decided)."""

    __tablename__ = "meeting_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, info={"max_length": 2000})
    lead_actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))
    kind: Mapped[ActionKind] = mapped_column(vocab(ActionKind, "action_kind"))
    status: Mapped[ActionStatus] = mapped_column(
        vocab(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"))
    pair_a_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"))
    pair_b_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, onupdate=utcnow)
