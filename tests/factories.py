"""Small builders for test data, straight on the ORM models (they flush, never commit)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from tracker.models import Actor, Measure, MeasurePartner, Plan, StatusUpdate, Theme, User
from tracker.quarters import Quarter
from tracker.service.principal import SYSTEM, Principal
from tracker.service.status import append_status
from tracker.service.users import create_user
from tracker.vocab import ActorKind, PartnerRole, Rag, Role, Status

PASSWORD = "riktig-passord-123"


@dataclass
class World:
    """The small plan of the `world` fixture (contents: conftest.build_world)."""

    plan: Plan
    themes: dict[str, Theme]
    actors: dict[str, Actor]
    measures: dict[str, Measure]
    users: dict[str, User]
    principals: dict[str, Principal] = field(default_factory=dict)

    def measure_id(self, code: str) -> int:
        return self.measures[code].id


def make_plan(
    session: Session,
    name: str = "Strategisk næringsplan for Senja 2024–2028",
    start_year: int = 2024,
    end_year: int = 2028,
    owner: str = "Senja kommune",
) -> Plan:
    plan = Plan(name=name, start_year=start_year, end_year=end_year, owner=owner, description="")
    session.add(plan)
    session.flush()
    return plan


def make_theme(
    session: Session, plan: Plan, code: str, name: str | None = None, position: int = 0
) -> Theme:
    theme = Theme(
        plan_id=plan.id, code=code, name=name or f"Tema {code}", description="", position=position
    )
    session.add(theme)
    session.flush()
    return theme


def make_actor(
    session: Session,
    name: str,
    short_name: str = "",
    kind: ActorKind | None = ActorKind.CLUSTER,
) -> Actor:
    actor = Actor(name=name, short_name=short_name, kind=kind, contact="")
    session.add(actor)
    session.flush()
    return actor


def make_measure(
    session: Session,
    plan: Plan,
    theme: Theme,
    lead: Actor,
    *,
    code: str,
    title: str | None = None,
    description: str = "",
    start: str = "2024-Q1",
    end: str = "2027-Q4",
    weight: float = 1.0,
    partners: Iterable[tuple[Actor, PartnerRole]] = (),
) -> Measure:
    measure = Measure(
        plan_id=plan.id,
        theme_id=theme.id,
        code=code,
        title=title or f"Tiltak {code}",
        description=description,
        start_period=start,
        end_period=end,
        lead_actor_id=lead.id,
        weight=weight,
        budget="",
        funding="",
        is_example=False,
        version=1,
    )
    session.add(measure)
    session.flush()
    for actor, role in partners:
        session.add(MeasurePartner(measure_id=measure.id, actor_id=actor.id, role=role))
    session.flush()
    return measure


def make_user(
    session: Session,
    role: Role,
    actor: Actor | None = None,
    password: str | None = PASSWORD,
    *,
    username: str | None = None,
    email: str | None = None,
    display_name: str = "",
) -> User:
    """A user created through the service (as the command line would: SYSTEM)."""
    name = username or f"{role.value}{'.' + str(actor.id) if actor else ''}"
    user_id = create_user(
        session,
        user=SYSTEM,
        username=name,
        role=role,
        password=password,
        display_name=display_name or name.title(),
        actor_id=actor.id if actor else None,
        email=email,
    )
    user = session.get(User, user_id)
    assert user is not None
    return user


def add_status(
    session: Session,
    measure: Measure,
    period: str,
    status: Status,
    progress: int | None = None,
    rag: Rag | None = None,
    reported_at: datetime | None = None,
    *,
    user: User | None = None,
    comment: str = "",
) -> StatusUpdate:
    """Append a report directly (no permission or validation checks)."""
    return append_status(
        session,
        measure,
        period=Quarter.parse(period),
        status=status,
        progress=progress,
        rag=rag,
        comment=comment,
        next_steps="",
        user_id=user.id if user else None,
        actor_id=user.actor_id if user else None,
        reported_at=reported_at or datetime.now(UTC),
    )
