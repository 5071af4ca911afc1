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


DEMO_EVENTS = (
    DemoEvent("Senja kommune", "Årlig samhandlingsmøte i næringsarenaen", EventKind.MEETING,
              1, 28, groups="alle aktører", place="Finnsnes"),
    DemoEvent("Næringshagen Midt-Troms", "Gründeruka", EventKind.EVENT, 3, 10, days=7,
              groups="gründere", place="Finnsnes"),
    DemoEvent("Kupa", "Søknadsfrist: inkubatorprogrammet", EventKind.APPLICATION_DEADLINE,
              3, 14, groups="gründere"),
    DemoEvent("Visit Senja Region", "Sesongstart for reiselivet", EventKind.EVENT, 4, 24,
              groups="reiseliv", place="Senjahopen"),
    DemoEvent("Næringshagen Midt-Troms", "Styremøte", EventKind.BOARD_MEETING, 6, 10),
    DemoEvent("Innovasjon Norge Arktis", "Frist: innovasjonskontrakter",
              EventKind.APPLICATION_DEADLINE, 9, 15, groups="bedrifter"),
    DemoEvent("Sjømatklyngen Senja", "Sjømatkonferansen", EventKind.EVENT, 10, 20, days=2,
              groups="sjømatbedrifter", place="Finnsnes"),
    DemoEvent("Studiesenteret Midt-Troms", "Utdanningsmesse for ungdom", EventKind.EVENT,
              11, 5, groups="skoler; ungdom", place="Finnsnes"),
)  # fmt: skip


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
                actor_id=find_actor(session, demo.actor).id, title=demo.title, kind=demo.kind,
                starts=starts, ends=ends, yearly=True, target_groups=demo.groups,
                place=demo.place, link="",
            )
        )  # fmt: skip
        added += 1
    session.flush()
    return added
