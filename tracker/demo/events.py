"""The demo's annual wheel: the yearly coordination meeting early in the year (the
actors asked for one), and example events of the actors (yearly, so every year of
the plan has them). Two of them clash on purpose: the same target group in the same
week, as the clash list should show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Event
from tracker.service.structure import find_actor
from tracker.vocab import EventKind


@dataclass(frozen=True)
class DemoEvent:
    actor: str
    title: str
    kind: EventKind
    month: int
    day: int
    days: int = 1
    groups: str = ""
    place: str = ""


# The yearly coordination meeting is not here: each year's is a meeting of its own
# (tracker/demo/meetings.py), which keeps its event in the Årshjul.
DEMO_EVENTS = (
    DemoEvent(
        actor="Næringshagen Midt-Troms",
        title="Gründeruka",
        kind=EventKind.EVENT,
        month=3,
        day=10,
        days=7,
        groups="gründere",
        place="Finnsnes",
    ),
    DemoEvent(
        actor="Kupa",
        title="Søknadsfrist: inkubatorprogrammet",
        kind=EventKind.APPLICATION_DEADLINE,
        month=3,
        day=14,
        groups="gründere",
    ),
    DemoEvent(
        actor="Visit Senja Region",
        title="Sesongstart for reiselivet",
        kind=EventKind.EVENT,
        month=4,
        day=24,
        groups="reiseliv",
        place="Senjahopen",
    ),
    DemoEvent(
        actor="Næringshagen Midt-Troms",
        title="Styremøte",
        kind=EventKind.BOARD_MEETING,
        month=6,
        day=10,
    ),
    DemoEvent(
        actor="Innovasjon Norge Arktis",
        title="Frist: innovasjonskontrakter",
        kind=EventKind.APPLICATION_DEADLINE,
        month=9,
        day=15,
        groups="bedrifter",
    ),
    DemoEvent(
        actor="Sjømatklyngen Senja",
        title="Sjømatkonferansen",
        kind=EventKind.EVENT,
        month=10,
        day=20,
        days=2,
        groups="sjømatbedrifter",
        place="Finnsnes",
    ),
    DemoEvent(
        actor="Studiesenteret Midt-Troms",
        title="Utdanningsmesse for ungdom",
        kind=EventKind.EVENT,
        month=11,
        day=5,
        groups="skoler; ungdom",
        place="Finnsnes",
    ),
)


def add_demo_events(session: Session, first_year: int) -> int:
    """Add the demo events not there yet (matched by title); returns how many."""
    known = set(session.scalars(select(Event.title)))
    added = 0
    for demo in DEMO_EVENTS:
        if demo.title in known:
            continue
        starts = date(first_year, demo.month, demo.day)
        ends = date(first_year, demo.month, demo.day + demo.days - 1) if demo.days > 1 else None
        session.add(
            Event(
                actor_id=find_actor(session, demo.actor).id,
                title=demo.title,
                kind=demo.kind,
                starts=starts,
                ends=ends,
                yearly=True,
                target_groups=demo.groups,
                place=demo.place,
                link="",
            )
        )
        added += 1
    session.flush()
    return added
