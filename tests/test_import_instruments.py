"""The Virkemidler sheet of the plan file (SQLite and PostgreSQL): export → import
gives the same instruments (into the same database: no change; into an empty one:
the same catalogue), labels or codes read, every bad row named by row and column
with nothing written, and the service's rules (a link, the twin) meet the file too."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from tests.factories import World
from tracker.models import Instrument
from tracker.planfile.export import plan_xlsx_bytes
from tracker.planfile.importer import import_tables
from tracker.planfile.read import read_bytes
from tracker.planfile.sheets import INSTRUMENTS
from tracker.service.instruments import Deadline, InstrumentInput, list_instruments, save_instrument
from tracker.vocab import InstrumentKind, Stage, TargetGroup

TODAY = date(2026, 12, 1)


def workbook(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Virkemidler"
    sheet.append(INSTRUMENTS.headers())
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(session: Session, world: World, data: bytes, name: str = "virkemidler.xlsx", **kw):  # type: ignore[no-untyped-def]
    return import_tables(
        session, user=world.principals["admin"], tables=read_bytes(data, name),
        plan=world.plan.name, **kw,
    )  # fmt: skip


def catalogue(session: Session) -> list[tuple]:
    frame = list_instruments(session, today=TODAY)
    keep = ["actor", "name", "kind", "description", "target_groups", "stages", "industries",
            "amount", "link", "deadlines"]  # fmt: skip
    return [tuple(str(v) for v in row) for row in frame[keep].itertuples(index=False)]


def add_two(session: Session, world: World) -> None:
    admin = world.principals["admin"]
    save_instrument(session, user=admin, values=InstrumentInput(
        actor_id=world.actors["C"].id, name="Etableringstilskudd", kind=InstrumentKind.GRANT,
        description="Eksempel: for nye bedrifter;\nto linjer", industries="sjømat; havbruk",
        target_groups=(TargetGroup.SEAFOOD, TargetGroup.ENTREPRENEURS),
        stages=(Stage.IDEA, Stage.START_UP), amount="inntil 500 000 kr",
        link="https://example.org/a",
        deadlines=(Deadline(date(2026, 3, 1), yearly=True), Deadline(date(2027, 9, 15))),
    ))  # fmt: skip
    save_instrument(session, user=admin, values=InstrumentInput(
        actor_id=world.actors["A"].id, name="Rådgivning", kind=InstrumentKind.ADVICE,
    ))  # fmt: skip
    session.commit()


def test_export_then_import_changes_nothing(session: Session, world: World) -> None:
    add_two(session, world)
    exported = plan_xlsx_bytes(session, world.plan.id)
    again = run(session, world, exported, "plan.xlsx", dry_run=True)
    assert again.ok and again.changes == [], again.lines()


def test_export_into_an_empty_database_gives_the_same_instruments(
    session: Session, world: World, engine: Engine
) -> None:
    add_two(session, world)
    before = catalogue(session)
    exported = plan_xlsx_bytes(session, world.plan.id)
    with session.begin_nested():  # the instruments gone, then back from the file
        session.query(Instrument).delete()
        assert catalogue(session) == []
        result = run(session, world, exported, "plan.xlsx")
        assert result.ok, result.lines()
        assert catalogue(session) == before
        lines = result.lines()
        assert "Ny: Virkemiddel «Etableringstilskudd»" in lines


def test_a_changed_row_changes_its_instrument_and_says_which_fields(
    session: Session, world: World
) -> None:
    add_two(session, world)
    data = workbook(
        ["Innovasjon Norge Arktis", "etableringstilskudd", "grant", "", "sjomat",
         "Start-up; idé", "", "inntil 1 mill.", "", "01.03.2026 (hvert år)"],
    )  # fmt: skip
    result = run(session, world, data)
    assert result.ok, result.lines()
    assert session.scalar(select(func.count(Instrument.id))) == 2  # matched, not added
    assert result.lines() == [
        "Endret: Virkemiddel «etableringstilskudd» (Navn, Beskrivelse, Målgrupper, Bransjer, "
        "Beløp eller ramme, Slik søker du (lenke), Søknadsfrister)"
    ]
    row = list_instruments(session, today=TODAY).iloc[0]
    assert row["target_groups"] == ["sjomat"] and row["stages"] == ["ide", "oppstart"]
    assert row["deadlines"] == [Deadline(date(2026, 3, 1), yearly=True)]


def test_every_bad_row_is_named_and_nothing_is_written(session: Session, world: World) -> None:
    data = workbook(
        ["Senja Næringshage", "", "Tilskudd"],
        ["Senja Næringshage", "Kurs A", "Gave", "", "Katter"],
        ["Senja Næringshage", "Kurs B", "Kurs", "", "", "Senil", "", "", "", "32.13.2026"],
        ["Senja Næringshage", "Kurs C", "Kurs", "", "", "", "", "", "ftp://x"],
        ["Senja Næringshage", "Kurs D", "Kurs"],
        ["Senja Næringshage", "kurs d", "Kurs"],
    )
    result = run(session, world, data)
    assert not result.ok
    said = [(p.row, p.field) for p in result.problems]
    assert said == [(2, "Virkemiddel"), (3, "Type"), (3, "Målgrupper"), (4, "Fase"),
                    (4, "Frister"), (5, "Lenke"), (7, "Virkemiddel")], result.lines()  # fmt: skip
    assert session.scalar(select(func.count(Instrument.id))) == 0


def test_what_the_service_refuses_while_writing_stops_the_import(
    session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows are written through the service: a rule only it knows (here: the link,
    its check in the sheet's parser switched off) is the row's problem, nothing kept."""
    monkeypatch.setattr("tracker.planfile.instruments.LINK", re.compile(".*"))
    data = workbook(
        ["Senja Næringshage", "Kurs A", "Kurs"],
        ["Senja Næringshage", "Kurs C", "Kurs", "", "", "", "", "", "ftp://x"],
    )
    result = run(session, world, data)
    assert not result.ok
    assert [(p.key, p.row) for p in result.problems] == [("instruments.link_invalid", 3)]
    assert session.scalar(select(func.count(Instrument.id))) == 0


def test_a_lone_virkemidler_csv_is_the_virkemidler_sheet(session: Session, world: World) -> None:
    text = "Aktør;Virkemiddel;Type;Frister\nSenja Næringshage;Kontorplass;Lokaler;01.02.2027\n"
    result = run(session, world, text.encode("utf-8"), "Virkemidler.csv")
    assert result.ok, result.lines()
    row = list_instruments(session, today=TODAY).iloc[0]
    assert (row["name"], row["kind"], row["next_deadline"]) == ("Kontorplass", "lokaler",
                                                                date(2027, 2, 1))  # fmt: skip
