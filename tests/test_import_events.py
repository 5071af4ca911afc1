"""The Årshjul sheet of the plan file (SQLite and PostgreSQL): events imported and
matched again on re-import, date cells kept as days, every row's problem named by
row and column with nothing written, and a lone arshjul.csv read as that sheet."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World
from tracker.models import Event
from tracker.planfile.importer import import_tables
from tracker.planfile.read import read_bytes
from tracker.vocab import EventKind

HEADERS = ["Aktør", "Hendelse", "Type", "Fra", "Til", "Hvert år", "Målgrupper", "Sted"]


def workbook(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Årshjul"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(session: Session, world: World, data: bytes, name: str = "arshjul.xlsx"):  # type: ignore[no-untyped-def]
    return import_tables(
        session, user=world.principals["admin"], tables=read_bytes(data, name),
        plan=world.plan.name,
    )  # fmt: skip


def events(session: Session) -> list[tuple[str, date, date | None, bool, str]]:
    query = select(Event).order_by(Event.starts)
    return [(e.title, e.starts, e.ends, e.yearly, e.place) for e in session.scalars(query)]


def test_events_are_imported_and_matched_on_the_next_import(session: Session, world: World) -> None:
    data = workbook(
        ["Senja Næringshage", "Gründeruka", "Arrangement", datetime(2026, 3, 9),
         datetime(2026, 3, 13), "ja", "gründere", "Finnsnes"],
        ["KN", "Styremøte", "styremøte", "10.06.2026", "", "", "", ""],
    )  # fmt: skip
    result = run(session, world, data)
    assert result.ok, result.lines()
    assert events(session) == [
        ("Gründeruka", date(2026, 3, 9), date(2026, 3, 13), True, "Finnsnes"),
        ("Styremøte", date(2026, 6, 10), None, False, ""),
    ]
    kinds = session.scalars(select(Event.kind).order_by(Event.starts)).all()
    assert kinds == [EventKind.EVENT, EventKind.BOARD_MEETING]

    again = run(session, world, data)
    assert again.ok and again.lines() == []  # nothing new, nothing changed
    moved = workbook(
        ["Senja Næringshage", "Gründeruka", "Arrangement", datetime(2026, 3, 9),
         datetime(2026, 3, 13), "ja", "gründere", "Silsand"],
    )  # fmt: skip
    changed = run(session, world, moved)
    assert changed.lines() == ["Endret: Hendelse «Gründeruka» (Sted)"]
    assert len(events(session)) == 2


def test_every_bad_row_is_named_and_nothing_is_written(session: Session, world: World) -> None:
    data = workbook(
        ["Senja Næringshage", "Messe", "Festival", "12.03.2026", "", "", "", ""],
        ["Senja Næringshage", "Kurs", "Kurs", "neste uke", "", "", "", ""],
        ["Senja Næringshage", "Seminar", "Kurs", "12.03.2026", "10.03.2026", "", "", ""],
        ["Senja Næringshage", "", "Kurs", "12.03.2026", "", "", "", ""],
    )  # fmt: skip
    result = run(session, world, data)
    assert not result.ok
    assert result.lines() == [
        "Rad 2, kolonne «Type»: Ukjent type «Festival»: bruk f.eks. Arrangement, Kurs "
        "eller Søknadsfrist.",
        "Rad 3, kolonne «Fra»: «neste uke» er ikke en dato (skriv f.eks. 28.01.2026).",
        "Rad 4, kolonne «Til»: Til-datoen er før fra-datoen.",
        "Rad 5, kolonne «Hendelse»: må fylles ut.",
    ]
    assert events(session) == []


def test_a_lone_arshjul_csv_is_the_arshjul_sheet(session: Session, world: World) -> None:
    text = "Aktør;Hendelse;Type;Fra\nSenja Næringshage;Frokostmøte;Arrangement;2026-04-02\n"
    result = run(session, world, text.encode("utf-8"), "Årshjul.csv")
    assert result.ok, result.lines()
    assert events(session) == [("Frokostmøte", date(2026, 4, 2), None, False, "")]


def test_exported_events_import_unchanged(session: Session, world: World) -> None:
    from tracker.planfile.export import plan_xlsx_bytes

    data = workbook(
        ["Senja Næringshage", "Gründeruka", "Arrangement", "09.03.2026", "13.03.2026", "ja",
         "gründere; skoler", "Finnsnes"],
    )  # fmt: skip
    assert run(session, world, data).ok
    exported = plan_xlsx_bytes(session, world.plan.id)
    again = import_tables(
        session, user=world.principals["admin"], tables=read_bytes(exported, "plan.xlsx"),
        dry_run=True,
    )  # fmt: skip
    assert again.ok and again.changes == [], again.lines()
