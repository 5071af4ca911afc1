"""Export and import are one format: the demo plan exported to .xlsx and .csv reads
back with no changes, and the .xlsx loaded into an empty database gives the same plan."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from tests.factories import make_actor
from tracker import db, i18n
from tracker.demo.seed import load_demo
from tracker.models import Actor, Goal, Measure, Plan, Theme
from tracker.planfile import sheets
from tracker.planfile.export import export_plan
from tracker.planfile.importer import import_path
from tracker.service.demo_accounts import retire_demo_accounts
from tracker.service.principal import SYSTEM
from tracker.service.status import latest_status
from tracker.service.structure import get_plan
from tracker.vocab import ActorKind, EventKind, PartnerRole, Rag, Status

if TYPE_CHECKING:
    from tests.factories import World


# --- helpers -----------------------------------------------------------------------------


@pytest.fixture
def demo(session: Session) -> int:
    """The demo plan in a database in real use (the demo's accounts switched off,
    as a real import does), committed; its id."""
    load_demo(session)
    retire_demo_accounts(session, user=SYSTEM)
    session.commit()
    return get_plan(session).id


@pytest.fixture
def fresh_engine(engine: Engine, tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    """A second, empty database of the same kind as `engine`."""
    if engine.url.get_backend_name() == "sqlite":
        path = tmp_path / "fresh.db"
        shutil.copyfile(sqlite_template, path)
        fresh = db.make_engine(f"sqlite:///{path}")
        yield fresh
        fresh.dispose()
        return
    name = f"{engine.url.database}_fresh_{os.getpid()}"
    admin = engine.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(engine.url).set(database=name)
    fresh = db.make_engine(url.render_as_string(hide_password=False))
    try:
        db.migrate(fresh)
        yield fresh
    finally:
        fresh.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def plan_state(session: Session, plan_id: int) -> dict[str, Any]:
    """The whole plan as plain values, keyed by codes and names (never by ids)."""
    plan = session.get(Plan, plan_id)
    assert plan is not None
    themes = list(session.scalars(select(Theme).where(Theme.plan_id == plan_id)))
    theme_code = {t.id: t.code for t in themes}
    goals = list(session.scalars(select(Goal).where(Goal.plan_id == plan_id)))
    goal_code = {g.id: g.code for g in goals}
    actors = list(session.scalars(select(Actor)))
    actor_name = {a.id: a.name for a in actors}
    status = {r.measure_id: r for r in latest_status(session, plan_id).itertuples()}
    measures = {}
    for m in session.scalars(select(Measure).where(Measure.plan_id == plan_id)):
        report = status.get(m.id)
        measures[m.code] = {
            "title": m.title,
            "description": m.description,
            "theme": theme_code[m.theme_id],
            "goal": goal_code.get(m.goal_id) if m.goal_id else None,
            "lead": actor_name[m.lead_actor_id],
            "partners": {actor_name[p.actor_id]: PartnerRole(p.role) for p in m.partners},
            "span": (m.start_period, m.end_period),
            "weight": m.weight,
            "budget": m.budget,
            "funding": m.funding,
            "is_example": m.is_example,
            "target_groups": m.target_groups,
            "work_kinds": m.work_kinds,
            "status": None
            if report is None
            else (
                report.period,
                report.status,
                None if pd.isna(report.progress) else int(report.progress),
                report.rag,
                report.comment,
                report.next_steps,
            ),
        }
    return {
        "plan": (plan.name, plan.start_year, plan.end_year, plan.owner, plan.description),
        "themes": sorted((t.code, t.name, t.description, t.position) for t in themes),
        "goals": {
            g.code: (g.text, theme_code.get(g.theme_id) if g.theme_id else None) for g in goals
        },
        "actors": {a.name: (a.short_name, a.kind, a.contact) for a in actors},
        "measures": measures,
    }


# --- the demo plan round trip ----------------------------------------------------------------


def test_export_then_import_changes_nothing(session: Session, demo: int, tmp_path: Path) -> None:
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"plan{suffix}"
        export_plan(session, demo, path)

        result = import_path(session, user=SYSTEM, path=path, dry_run=True)

        assert result.ok, [p.text("en") for p in result.problems]
        assert result.problems == [] and result.notices == [], suffix
        assert result.changes == [], suffix
        assert result.plan_id == demo
    check_xlsx_sheets_and_headers(tmp_path / "plan.xlsx", plan_state(session, demo))
    check_csv_for_norwegian_excel(tmp_path / "plan.csv", plan_state(session, demo))


def test_xlsx_into_an_empty_database_gives_the_same_plan(
    session: Session, demo: int, tmp_path: Path, fresh_engine: Engine
) -> None:
    path = tmp_path / "plan.xlsx"
    export_plan(session, demo, path)
    original = plan_state(session, demo)

    with db.session_factory(fresh_engine)() as fresh:
        result = import_path(fresh, user=SYSTEM, path=path)
        assert result.ok, [p.text("en") for p in result.problems]
        assert result.plan_id is not None
        fresh.commit()
        copy = plan_state(fresh, result.plan_id)

        for part in ("plan", "themes", "goals", "actors"):
            assert copy[part] == original[part], part
        assert copy["measures"].keys() == original["measures"].keys()
        for code, measure in original["measures"].items():
            assert copy["measures"][code] == measure, code
        assert sum(1 for m in original["measures"].values() if m["status"]) > 10
        assert any(m["partners"] for m in original["measures"].values())

        # ... and the copy exports to the same file contents.
        again = tmp_path / "again.xlsx"
        export_plan(fresh, result.plan_id, again)
    assert _cells(again) == _cells(path)


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}
    finally:
        workbook.close()


def check_xlsx_sheets_and_headers(path: Path, state: dict[str, Any]) -> None:
    cells = _cells(path)
    assert list(cells) == [sheet.title for sheet in sheets.SHEETS]
    assert list(cells) == [
        *("Plan", "Satsingsområder", "Mål", "Aktører", "Tiltak", "Årshjul", "Virkemidler")
    ]
    for sheet in sheets.SHEETS:
        assert list(cells[sheet.title][0]) == sheet.headers(), sheet.title
    everything = "\n".join(str(v) for rows in cells.values() for row in rows for v in row)
    for words in (
        "Strategisk næringsplan for Senja kommune 2024–2028",
        "Sjømatklyngen Senja",
        "Bærekraftig – Bærekraft og grønn omstilling",
        "Én inngang for etablerere",
        "Pågår",
        "Fullført",
    ):
        assert words in everything, words
    assert len(cells["Tiltak"]) - 1 == len(state["measures"])
    assert len(cells["Aktører"]) - 1 == len(state["actors"])


def check_csv_for_norwegian_excel(path: Path, state: dict[str, Any]) -> None:
    """The Tiltak sheet, ';'-separated, UTF-8 with a BOM."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == sheets.MEASURES.headers()
    assert len(rows) - 1 == len(state["measures"])
    by_code = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_code["1.2"]["Tiltak"] == "Én inngang for etablerere"
    assert "; " in by_code["1.1"]["Samarbeidspartnere"]
    assert "Sjømatklyngen Senja" in by_code["1.1"]["Samarbeidspartnere"]


# --- the small world: partners, funders, weights, unknown progress -------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_world_round_trip_changes_nothing(
    session: Session, world: World, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"world{suffix}"
    export_plan(session, world.plan.id, path)
    result = import_path(session, user=SYSTEM, path=path, dry_run=True)
    assert result.ok and result.changes == []


def test_world_round_trip_keeps_partners_funders_and_weights(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "world.xlsx"
    export_plan(session, world.plan.id, path)
    cells = _cells(path)
    header = list(cells["Tiltak"][0])
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in cells["Tiltak"][1:]}
    assert rows["1.2"]["Samarbeidspartnere"] == "Senja Næringshage"
    assert rows["1.2"]["Finansiører"] == "Innovasjon Norge Arktis"
    assert rows["1.1"]["Vekt"] == 2
    assert rows["2.3"]["Fremdrift"] is None and rows["2.3"]["Vurdering"] == "Alvorlig avvik"

    result = import_path(session, user=SYSTEM, path=path, dry_run=True)
    assert result.ok and result.changes == []


# --- what export must survive ---------------------------------------------------------------


def _import_one(session: Session, tmp_path: Path, **cells: str) -> None:
    row = {"Kode": "9.1", "Tiltak": "Tiltak", "Satsingsområde": "T1", "Ansvarlig": "SNH"}
    row |= cells
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(row), delimiter=";")
    writer.writeheader()
    writer.writerow(row)
    path = tmp_path / "ett.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    result = import_path(session, user=SYSTEM, path=path)
    assert result.ok, [p.text("en") for p in result.problems]
    session.commit()


def test_control_character_in_a_title_does_not_break_export(
    session: Session, world: World, tmp_path: Path
) -> None:
    _import_one(session, tmp_path, Tiltak="Linje én\x0bLinje to")
    export_plan(session, world.plan.id, tmp_path / "plan.xlsx")


def test_superscript_digit_code_does_not_break_export(
    session: Session, world: World, tmp_path: Path
) -> None:
    _import_one(session, tmp_path, Kode="1.²")
    export_plan(session, world.plan.id, tmp_path / "plan.xlsx")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("cell", ["Nord; KN", "Nord"])  # a list, and the name alone
def test_actor_name_with_a_comma_round_trips(
    session: Session, world: World, tmp_path: Path, cell: str, suffix: str
) -> None:
    make_actor(session, "Nord universitet, campus Mo", "Nord", ActorKind.KNOWLEDGE)
    session.commit()
    _import_one(session, tmp_path, Samarbeidspartnere=cell)
    path = tmp_path / f"plan{suffix}"
    export_plan(session, world.plan.id, path)
    result = import_path(session, user=SYSTEM, path=path, dry_run=True)
    assert result.ok and result.changes == []


def test_text_starting_with_equals_is_exported_as_text(
    session: Session, world: World, tmp_path: Path
) -> None:
    _import_one(session, tmp_path, Tiltak="=> Felles innkjøp", Beskrivelse="=1+1")
    path = tmp_path / "plan.xlsx"
    export_plan(session, world.plan.id, path)
    result = import_path(session, user=SYSTEM, path=path, dry_run=True)
    assert result.ok and result.changes == []


# --- vocabulary values as words ----------------------------------------------------------

VOCABULARY_CODES = {
    member.value for enum in (ActorKind, EventKind, Status, Rag, PartnerRole) for member in enum
}


def test_the_export_writes_every_vocabulary_value_as_its_bokmal_label(
    session: Session, demo: int, tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    export_plan(session, demo, path)
    cells = _cells(path)
    kinds = {row[2] for row in cells["Aktører"][1:]}
    assert {"Kompetansemiljø", "Inkubator", "Næringsklynge"} <= kinds
    assert "kompetansemiljo" not in kinds
    codes = [
        (sheet, value)
        for sheet, rows in cells.items()
        for row in rows[1:]
        for value in row
        if isinstance(value, str) and value in VOCABULARY_CODES
    ]
    assert codes == []
    examples = {row[sheets.MEASURES.headers().index("Eksempel")] for row in cells["Tiltak"][1:]}
    assert examples == {i18n.t("adminpage.yes", "nb")}


@pytest.mark.parametrize("kind", ["kompetansemiljo", "Kompetansemiljø", "knowledge institution"])
def test_the_import_reads_an_actor_kind_by_its_code_or_its_label(
    session: Session, world: World, tmp_path: Path, kind: str
) -> None:
    """The plan's file with one actor more, its kind written as older files did (the
    code), as the export writes it (the bokmål label), or in English."""
    path = tmp_path / "plan.xlsx"
    export_plan(session, world.plan.id, path)
    book = _cells(path)
    book["Aktører"] = [*book["Aktører"], ("Nord universitet", "Nord", kind, "")]
    _write_book(path, book)
    result = import_path(session, user=SYSTEM, path=path)
    assert result.ok, [p.text("en") for p in result.problems]
    session.commit()
    actor = session.scalar(select(Actor).where(Actor.name == "Nord universitet"))
    assert actor is not None and actor.kind == ActorKind.KNOWLEDGE


def _write_book(path: Path, cells: dict[str, list[tuple[Any, ...]]]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in cells.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
