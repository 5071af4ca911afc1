"""The demo's instruments (virkemidler): what some of Senja's actors offer, generic
and marked «Eksempel» — no amount here is a real one. Written through the service;
the yearly deadlines start in the plan's first year, so the Årshjul shows them in
every year of the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Instrument
from tracker.service.instruments import Deadline, InstrumentInput, save_instrument
from tracker.service.principal import SYSTEM
from tracker.service.structure import find_actor
from tracker.vocab import InstrumentKind, Stage, TargetGroup


@dataclass(frozen=True)
class DemoInstrument:
    actor: str
    name: str
    kind: InstrumentKind
    description: str
    target_groups: tuple[TargetGroup, ...]
    stages: tuple[Stage, ...]
    industries: str = ""
    amount: str = ""
    link: str = ""
    yearly: tuple[tuple[int, int], ...] = ()  # (month, day), every year from the plan's start


G = TargetGroup
DEMO_INSTRUMENTS = (
    DemoInstrument(
        "Innovasjon Norge Arktis",
        "Etableringstilskudd",
        InstrumentKind.GRANT,
        "Eksempel: tilskudd til markedsavklaring og utvikling for nye bedrifter som vil vokse.",
        (G.ENTREPRENEURS, G.SEAFOOD, G.TOURISM),
        (Stage.IDEA, Stage.START_UP),
        "sjømat; reiseliv; teknologi",
        "Eksempel: en del av godkjente kostnader",
        "https://www.innovasjonnorge.no",
    ),
    DemoInstrument(
        "Innovasjon Norge Arktis",
        "Lån til vekst",
        InstrumentKind.LOAN,
        "Eksempel: lån til investeringer i bedrifter som skal vokse.",
        (G.COMPANIES, G.SEAFOOD),
        (Stage.GROWTH, Stage.ESTABLISHED),
        "sjømat; industri",
        "Eksempel: etter søknad",
        "https://www.innovasjonnorge.no",
    ),
    DemoInstrument(
        "Kupa",
        "Inkubatorprogram",
        InstrumentKind.ADVICE,
        "Eksempel: oppfølging fra idé til marked, med rådgiver, kontorplass og nettverk.",
        (G.ENTREPRENEURS, G.YOUNG),
        (Stage.IDEA, Stage.START_UP),
        "sjømat; teknologi",
        "Eksempel: egenandel etter avtale",
        yearly=((2, 15), (9, 15)),
    ),
    DemoInstrument(
        "Næringshagen Midt-Troms",
        "Bedriftsrådgivning",
        InstrumentKind.ADVICE,
        "Eksempel: rådgivning i strategi, økonomi og marked for etablerte småbedrifter.",
        (G.COMPANIES, G.TRADE, G.TOURISM),
        (Stage.GROWTH, Stage.ESTABLISHED),
    ),
    DemoInstrument(
        "Næringshagen Midt-Troms",
        "Gründerkurs",
        InstrumentKind.COURSE,
        "Eksempel: kveldskurs i forretningsplan, budsjett og markedsføring.",
        (G.ENTREPRENEURS, G.NEWCOMERS, G.IMMIGRANTS),
        (Stage.IDEA,),
        yearly=((8, 20),),
    ),
    DemoInstrument(
        "Senja kommune",
        "Kommunalt næringsfond",
        InstrumentKind.GRANT,
        "Eksempel: tilskudd fra kommunens næringsfond til etablering og utvikling i Senja; "
        "søknader behandles etter fristen hver vår.",
        (G.ENTREPRENEURS, G.COMPANIES, G.SEAFOOD, G.AGRICULTURE),
        (Stage.START_UP, Stage.GROWTH),
        "alle bransjer",
        "Eksempel: etter fondets retningslinjer",
        yearly=((3, 1),),
    ),
    DemoInstrument(
        "Sjømatklyngen Senja",
        "Klyngens fagsamlinger",
        InstrumentKind.NETWORK,
        "Eksempel: fagsamlinger og bedriftsbesøk for klyngens medlemmer.",
        (G.SEAFOOD, G.COMPANIES),
        (Stage.ESTABLISHED, Stage.GROWTH),
        "sjømat; havbruk",
    ),
)


def add_demo_instruments(session: Session, start_year: int) -> int:
    """Write the demo's instruments that are not there yet; returns how many."""
    added = 0
    for demo in DEMO_INSTRUMENTS:
        actor = find_actor(session, demo.actor)
        there = select(Instrument.id).where(
            Instrument.actor_id == actor.id, Instrument.name == demo.name
        )
        if session.scalar(there) is not None:
            continue
        values = InstrumentInput(
            actor_id=actor.id,
            name=demo.name,
            kind=demo.kind,
            description=demo.description,
            target_groups=demo.target_groups,
            stages=demo.stages,
            industries=demo.industries,
            amount=demo.amount,
            link=demo.link,
            deadlines=tuple(
                Deadline(date(start_year, month, day), yearly=True) for month, day in demo.yearly
            ),
        )
        save_instrument(session, user=SYSTEM, values=values)
        added += 1
    return added
