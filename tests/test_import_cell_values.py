"""Cell values as municipalities write them, through a whole import on a real database
(SQLite, and PostgreSQL when asked for): partner lists split with the known actors'
names first, periods, status words, progress and no-break spaces."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import make_actor
from tracker.models import Actor, Measure, StatusUpdate
from tracker.planfile.importer import import_path
from tracker.service.principal import SYSTEM
from tracker.vocab import ActorKind, Status

if TYPE_CHECKING:
    from tests.factories import World

NOW = datetime(2025, 8, 15, 10, tzinfo=UTC)  # in 2025-Q3
HEADER = ["Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere", "Periode", "Status"]
NBSP = "\u00a0"


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def by_title(session: Session, title: str) -> Measure:
    found = session.scalar(select(Measure).where(Measure.title == title))
    assert found is not None, title
    return found


def partner_names(session: Session, item: Measure) -> set[str]:
    session.refresh(item)
    return {session.get(Actor, p.actor_id).name for p in item.partners}  # type: ignore[union-attr]


def test_known_names_with_og_and_commas_are_never_split(
    session: Session, world: World, tmp_path: Path
) -> None:
    make_actor(session, "Plan- og byggesaksavdelingen", kind=ActorKind.MUNICIPALITY)
    make_actor(session, "Troms og Finnmark fylkeskommune", kind=ActorKind.PUBLIC_AGENCY)
    make_actor(session, "Nord universitet, campus Mo", kind=ActorKind.KNOWLEDGE)
    rows = [
        [
            "Arealplan for næring",
            "T1",
            "Plan- og byggesaksavdelingen",
            "Troms og Finnmark fylkeskommune og SNH, Nord universitet, campus Mo",
            "høst 2025 – 2026",
            "Igangsatt.",
        ],
        [
            "Næringsvennlig saksbehandling",
            "T1",
            f"Senja{NBSP}Næringshage",
            f"troms og finnmark FYLKESKOMMUNE\n• Plan-{NBSP}og byggesaksavdelingen",
            f"2.{NBSP}halvår 2025",
            "ikke påbegynt",
        ],
    ]
    actors_before = session.scalar(select(func.count(Actor.id)))

    result = import_path(session, user=SYSTEM, path=write_csv(tmp_path / "h.csv", rows), now=NOW)
    session.commit()

    assert result.ok, [p.text("en") for p in result.problems]
    assert session.scalar(select(func.count(Actor.id))) == actors_before  # none made
    first = by_title(session, "Arealplan for næring")
    assert partner_names(session, first) == {
        "Troms og Finnmark fylkeskommune",
        "Senja Næringshage",
        "Nord universitet, campus Mo",
    }
    assert (first.start_period, first.end_period) == ("2025-Q3", "2026-Q4")
    second = by_title(session, "Næringsvennlig saksbehandling")
    assert second.lead_actor_id == world.actors["A"].id
    assert partner_names(session, second) == {
        "Troms og Finnmark fylkeskommune",
        "Plan- og byggesaksavdelingen",
    }
    assert (second.start_period, second.end_period) == ("2025-Q3", "2025-Q4")
    statuses = {
        u.measure_id: u.status
        for u in session.scalars(
            select(StatusUpdate).where(StatusUpdate.measure_id.in_([first.id, second.id]))
        )
    }
    assert statuses == {first.id: Status.IN_PROGRESS, second.id: Status.NOT_STARTED}


def test_new_names_are_split_on_og_but_not_inside_a_compound(
    session: Session, world: World, tmp_path: Path
) -> None:
    rows = [
        [
            "Felles næringsarena",
            "T2",
            "KN",
            "Nærings- og utviklingsavdelingen og Møre og Romsdal fylkeskommune; Kupa",
            "Løpende",
            "",
        ]
    ]
    result = import_path(session, user=SYSTEM, path=write_csv(tmp_path / "h.csv", rows), now=NOW)
    session.commit()

    assert result.ok, [p.text("en") for p in result.problems]
    item = by_title(session, "Felles næringsarena")
    # A semicolon list: «og» splits a part only when every piece is a known name.
    assert partner_names(session, item) == {
        "Nærings- og utviklingsavdelingen og Møre og Romsdal fylkeskommune",
        "Kupa",
    }


def test_new_names_in_a_comma_list_are_split_on_og(
    session: Session, world: World, tmp_path: Path
) -> None:
    rows = [["Felles næringsarena", "T2", "KN", "Kultur- og fritidsetaten og Kupa, NAV", "", ""]]
    result = import_path(session, user=SYSTEM, path=write_csv(tmp_path / "h.csv", rows), now=NOW)
    session.commit()

    assert result.ok, [p.text("en") for p in result.problems]
    item = by_title(session, "Felles næringsarena")
    assert partner_names(session, item) == {"Kultur- og fritidsetaten", "Kupa", "NAV"}


def test_lopende_in_a_start_or_end_column_is_the_plans_first_or_last_quarter(
    session: Session, world: World, tmp_path: Path
) -> None:
    buffer = io.StringIO()
    header = ["Tiltak", "Satsingsområde", "Ansvarlig", "Oppstart", "Ferdig"]
    rows = [["Løpende veiledning", "T1", "KN", "2025", "Løpende"],
            ["Alltid åpen dør", "T1", "KN", "løpende", "2026"]]  # fmt: skip
    csv.writer(buffer, delimiter=";").writerows([header, *rows])
    path = tmp_path / "h.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()

    assert result.ok, [p.text("en") for p in result.problems]
    plan = world.plan
    first = by_title(session, "Løpende veiledning")
    assert (first.start_period, first.end_period) == ("2025-Q1", f"{plan.end_year}-Q4")
    second = by_title(session, "Alltid åpen dør")
    assert (second.start_period, second.end_period) == (f"{plan.start_year}-Q1", "2026-Q4")
