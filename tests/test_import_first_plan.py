"""The first thing a municipality does: `tracker import FILE --plan NAME` into an
empty database creates the plan (its period from the name or --period), its themes
(«3 Nyskapende», or from the measure number 3.2) and its actors."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import make_actor, make_plan, make_theme
from tracker import i18n
from tracker.cli import main
from tracker.models import Actor, Measure, Plan, Theme
from tracker.planfile.importer import ImportResult, import_tables
from tracker.planfile.new_plan import period_years
from tracker.planfile.read import Table, Tables
from tracker.planfile.sheets import MEASURES
from tracker.planfile.themes import measure_theme_code, split_theme
from tracker.service.principal import SYSTEM

NOW = datetime(2025, 8, 15, 10, tzinfo=UTC)
PLAN_NAME = "Strategisk næringsplan for Senja kommune 2024–2028"
HEADER = ["Nr.", "Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere", "Periode"]
ROWS = [
    ["1.1", "Næringsvennlig saksbehandling", "1 Attraktiv kommune", "Senja kommune", "", "2024"],
    ["1.2", "Bolig for tilflyttere", "1 Attraktiv kommune", "Senja kommune", "Kupa; NAV", ""],
    ["2.1", "Reiselivsstrategi", "2. Reiseliv og opplevelser", "Visit Senja", "", "2025"],
    ["3.2", "Gründerskole", "", "Kupa", "Senja kommune", "2025–2026"],  # theme from 3.2
    ["3.10", "Innovasjonsløft", "3 Nyskapende næringsliv", "Kupa", "", "Løpende"],
]


# --- the theme text forms ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("3 Nyskapende", "3", "Nyskapende"),
        ("3. Nyskapende næringsliv", "3", "Nyskapende næringsliv"),
        ("Satsingsområde 2: Reiseliv og opplevelser", "2", "Reiseliv og opplevelser"),
        ("Tema 1 – Attraktiv kommune", "1", "Attraktiv kommune"),
        ("1) Attraktiv", "1", "Attraktiv"),
        ("1. Attraktiv", "1", "Attraktiv"),
        ("Satsingsområde nr. 4 - Kompetanse", "4", "Kompetanse"),
        ("satsingsområde 5", "5", ""),
        (
            "Satsingsområde 1: Attraktiv – Næringsvennlig kommune",
            "1",
            "Attraktiv – Næringsvennlig kommune",
        ),
        ("3", "3", ""),
        ("Attraktiv", None, "Attraktiv"),
        ("2030-samfunnet", None, "2030-samfunnet"),
        ("3.2 Ikke et tema", None, "3.2 Ikke et tema"),
    ],
)
def test_a_theme_text_gives_its_code_and_name(text: str, code: str | None, name: str) -> None:
    assert split_theme(text) == (code, name)


@pytest.mark.parametrize(
    ("code", "theme"), [("3.2", "3"), ("3.10", "3"), ("12.1", "12"), ("T1.4", "T1"), ("3", None)]
)
def test_a_measure_number_gives_its_theme(code: str, theme: str | None) -> None:
    assert measure_theme_code(code) == theme


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Næringsplan 2024–2028", (2024, 2028)),
        ("Næringsplan 2024-2028", (2024, 2028)),
        ("Næringsplan 2024 - 2028 for Senja", (2024, 2028)),
        ("2025", (2025, 2025)),
        ("Næringsplan for Senja", None),
    ],
)
def test_a_plan_period_is_read_from_years(text: str, years: tuple[int, int] | None) -> None:
    assert period_years(text) == years


# --- straight on import_tables (SQLite and PostgreSQL) -----------------------------------


def tables(*rows: dict[str, str]) -> Tables:
    """Rows as the reader passes them: a group header row's text as the rows' theme."""
    table = Table(MEASURES, [(row, values) for row, values in enumerate(rows, start=4)])
    return Tables(tables={"measures": table})


def row(code: str, title: str, theme: str = "", lead: str = "Kupa", **more: str) -> dict[str, str]:
    return {"code": code, "title": title, "theme": theme, "lead": lead, **more}


def run(
    session: Session, data: Tables, plan: str = PLAN_NAME, period: str | None = None, **kw: bool
) -> ImportResult:
    return import_tables(session, user=SYSTEM, tables=data, plan=plan, period=period, now=NOW, **kw)


def themes(session: Session) -> list[tuple[str, str]]:
    return [(t.code, t.name) for t in session.scalars(select(Theme).order_by(Theme.position))]


def test_group_header_themes_create_the_plan_and_its_themes(session: Session) -> None:
    data = tables(
        row("1.1", "Et", "Satsingsområde 1: Attraktiv – Næringsvennlig kommune"),
        row("1.2", "To", "Satsingsområde 1: Attraktiv – Næringsvennlig kommune"),
        row("", "Tre", "Satsingsområde 1: Attraktiv – Næringsvennlig kommune"),
        row("2.1", "Fire", "2) Reiseliv og opplevelser", lead="Visit Senja"),
    )
    result = run(session, data)
    assert result.ok, [p.text() for p in result.problems]
    assert f"Ny plan: {PLAN_NAME} (2024–2028)" in result.lines("nb")
    plan = session.scalars(select(Plan)).one()
    assert (plan.name, plan.start_year, plan.end_year) == (PLAN_NAME, 2024, 2028)
    assert themes(session) == [
        ("1", "Attraktiv – Næringsvennlig kommune"),
        ("2", "Reiseliv og opplevelser"),
    ]
    codes = {m.title: m.code for m in session.scalars(select(Measure))}
    assert codes == {"Et": "1.1", "To": "1.2", "Tre": "1.3", "Fire": "2.1"}
    assert sorted(session.scalars(select(Actor.name))) == ["Kupa", "Visit Senja"]
    assert run(session, data).changes == []


def test_a_measure_number_gives_the_theme_another_row_names(session: Session) -> None:
    data = tables(
        row("3.2", "Uten tema"),
        row("4.1", "Tema fra nummeret"),
        row("3.10", "Med tema", "3 Nyskapende"),
        row("3.1", "Også tema 3", "3"),
    )
    result = run(session, data, period="2024-2028")
    assert result.ok, [p.text() for p in result.problems]
    assert themes(session) == [("3", "Nyskapende"), ("4", "Satsingsområde 4")]
    by_code = {m.code: m for m in session.scalars(select(Measure))}
    assert sorted(by_code) == ["3.1", "3.10", "3.2", "4.1"]  # 3.10 is not 3.1
    assert by_code["3.1"].theme_id == by_code["3.10"].theme_id


def test_a_theme_number_that_names_another_theme_is_refused(session: Session) -> None:
    data = tables(row("1.1", "Et", "1 Attraktiv"), row("1.2", "To", "1 Reiseliv"))
    result = run(session, data)
    assert [(p.key, p.row) for p in result.problems] == [("import.theme_code_taken", 5)]
    assert "«Attraktiv»" in result.problems[0].text("nb")
    assert session.scalars(select(Plan)).all() == []


def test_a_theme_by_number_is_the_plans_theme(session: Session) -> None:
    plan = make_plan(session, name=PLAN_NAME)
    theme = make_theme(session, plan, "3", "Nyskapende næringsliv")
    make_actor(session, "Kupa")
    data = tables(
        row("3.1", "Et", "3"), row("3.2", "To", "3 Nyskapende næringsliv"), row("3.3", "Tre")
    )
    result = run(session, data)
    assert result.ok, [p.text() for p in result.problems]
    assert {m.theme_id for m in session.scalars(select(Measure))} == {theme.id}
    refused = run(session, tables(row("4.1", "Fire")))
    assert [p.key for p in refused.problems] == ["import.unknown_theme"]


def test_a_row_with_neither_theme_nor_number_is_refused(session: Session) -> None:
    result = run(session, tables(row("", "Uten alt")))
    assert [(p.key, p.field) for p in result.problems] == [("import.required", "Satsingsområde")]


def test_a_near_miss_of_a_known_actor_is_an_error_that_suggests_it(session: Session) -> None:
    make_actor(session, "Senja Næringshage")
    data = tables(row("1.1", "Et", "1 Attraktiv", lead="Senja Næringshag"))
    result = run(session, data)
    assert [p.key for p in result.problems] == ["import.near_miss"]
    assert "Mente du «Senja Næringshage»?" in result.problems[0].text("nb")


def test_a_name_without_years_asks_for_the_period(session: Session) -> None:
    data = tables(row("1.1", "Et", "1 Attraktiv"))
    result = run(session, data, plan="Næringsplan for Senja")
    assert [p.key for p in result.problems] == ["import.plan_needs_period"]
    assert "--period" in result.problems[0].text("nb")
    assert "--period" in result.problems[0].text("en")
    result = run(session, data, plan="Næringsplan for Senja", period="2024-2020")
    assert [p.key for p in result.problems] == ["admin.end_before_start"]
    result = run(session, data, plan="Næringsplan for Senja", period="snart")
    assert [p.key for p in result.problems] == ["import.bad_plan_period"]
    result = run(session, data, plan="Næringsplan for Senja", period="2025 - 2027")
    assert result.ok
    plan = session.scalars(select(Plan)).one()
    assert (plan.start_year, plan.end_year) == (2025, 2027)


def test_a_near_miss_of_a_known_plan_name_is_a_new_plan_that_names_it(session: Session) -> None:
    make_plan(session, name=PLAN_NAME)
    data = tables(row("1.1", "Et", "1 Attraktiv"))
    result = run(session, data, plan=PLAN_NAME.replace("–", "-"), dry_run=True)
    assert result.ok and [p.key for p in result.notices] == ["import.plan_new_near"]
    assert PLAN_NAME in result.notices[0].text("nb")


def test_a_dry_run_of_a_new_plan_writes_nothing(session: Session) -> None:
    result = run(session, tables(row("1.1", "Et", "1 Attraktiv")), dry_run=True)
    assert result.ok and result.plan_id is None
    assert f"Ny plan: {PLAN_NAME} (2024–2028)" in result.lines("nb")
    assert session.scalars(select(Plan)).all() == []


# --- end to end: init, then the command line ---------------------------------------------


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def handlingsdel(path: Path, title: str = PLAN_NAME + " – handlingsdel") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Handlingsdel 2024-2028"
    sheet.append([title])
    sheet.append([])
    sheet.append(HEADER)
    for values in ROWS:
        sheet.append(values)
    book.save(path)
    return path


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in ("plan", "theme", "measure", "actor", "measure_partner", "audit_log")
        }
    finally:
        connection.close()


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "first.db"
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    assert cli("init").exit_code == 0
    return path


def test_the_first_import_into_an_empty_database_creates_the_plan(
    empty_db: Path, tmp_path: Path
) -> None:
    file = handlingsdel(tmp_path / "handlingsdel.xlsx")
    before = counts(empty_db)
    dry = cli("import", str(file), "--plan", PLAN_NAME, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert f"Ny plan: {PLAN_NAME} (2024–2028)" in dry.output
    assert counts(empty_db) == before

    real = cli("import", str(file), "--plan", PLAN_NAME)
    assert real.exit_code == 0, real.output
    from tracker import db

    engine = db.make_engine(f"sqlite:///{empty_db}")
    with db.session_factory(engine)() as session:
        plan = session.scalars(select(Plan)).one()
        assert (plan.name, plan.start_year, plan.end_year) == (PLAN_NAME, 2024, 2028)
        assert themes(session) == [
            ("1", "Attraktiv kommune"),
            ("2", "Reiseliv og opplevelser"),
            ("3", "Nyskapende næringsliv"),
        ]
        measures = {m.code: m for m in session.scalars(select(Measure))}
        assert sorted(measures) == ["1.1", "1.2", "2.1", "3.10", "3.2"]
        lead = session.get(Actor, measures["1.2"].lead_actor_id)
        assert lead is not None and lead.name == "Senja kommune"
        partners = sorted(session.get(Actor, p.actor_id).name for p in measures["1.2"].partners)
        assert partners == ["Kupa", "NAV"]
        assert measures["3.10"].theme_id == measures["3.2"].theme_id
    engine.dispose()

    again = cli("import", str(file), "--plan", PLAN_NAME)
    assert again.exit_code == 0, again.output
    assert i18n.t("import.no_changes") in again.output


def test_the_dry_run_prints_the_first_rows_as_they_will_be_stored(
    empty_db: Path, tmp_path: Path
) -> None:
    file = handlingsdel(tmp_path / "handlingsdel.xlsx")
    dry = cli("import", str(file), "--plan", PLAN_NAME, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert i18n.t("importlayout.first_rows") in dry.output
    # the partners split, «Løpende» as the plan's span, the theme as stored
    assert "1.2 Bolig for tilflyttere · 1 Attraktiv kommune · Senja kommune · Kupa, NAV · " in (
        dry.output
    )
    assert "3.10 Innovasjonsløft · 3 Nyskapende næringsliv · Kupa · – · 2024-Q1 – 2028-Q4" in (
        dry.output
    )


def test_the_first_import_without_a_period_says_how_to_give_one(
    empty_db: Path, tmp_path: Path
) -> None:
    file = handlingsdel(tmp_path / "handlingsdel.xlsx", title="Handlingsdel")  # no years
    result = cli("--lang", "en", "import", str(file), "--plan", "Business plan for Senja")
    assert result.exit_code == 1
    assert "--period" in result.output and "Traceback" not in result.output
    result = cli("import", str(file), "--plan", "Næringsplan for Senja", "--period", "2024-2028")
    assert result.exit_code == 0, result.output
    assert counts(empty_db)["plan"] == 1


def test_a_theme_named_alone_takes_the_number_its_measures_give(session: Session) -> None:
    data = tables(
        row("2.2", "Først", ""),
        row("2.1", "Reiseliv-tiltak", "Reiseliv"),
        row("1.1", "Attraktiv-tiltak", "Attraktiv"),
        row("", "Havbruk-tiltak", "Havbruk"),
        row("1.2", "Også reiseliv", "Reiseliv"),  # 1 is Attraktiv: Reiseliv stays 2
    )
    result = run(session, data)
    assert result.ok, [p.text() for p in result.problems]
    assert themes(session) == [("2", "Reiseliv"), ("1", "Attraktiv"), ("3", "Havbruk")]
    theme_of = {
        m.title: session.get(Theme, m.theme_id).code for m in session.scalars(select(Measure))
    }
    assert theme_of == {
        "Først": "2",
        "Reiseliv-tiltak": "2",
        "Attraktiv-tiltak": "1",
        "Havbruk-tiltak": "3",
        "Også reiseliv": "2",
    }
    assert (
        session.scalars(select(Measure.code).where(Measure.title == "Havbruk-tiltak")).one()
        == "3.1"
    )


def test_a_period_for_an_existing_plan_is_noticed_not_used(session: Session) -> None:
    make_plan(session, name=PLAN_NAME)
    make_actor(session, "Kupa")
    result = run(session, tables(row("1.1", "Et", "1 Attraktiv")), period="2024-2030")
    assert result.ok
    assert [p.key for p in result.notices] == ["import.period_kept"]
    assert "2024–2028" in result.notices[0].text("nb")
    assert session.scalars(select(Plan.end_year)).one() == 2028


def test_an_import_into_an_empty_database_without_a_plan_name_asks_for_one(
    empty_db: Path, tmp_path: Path
) -> None:
    result = cli("import", str(handlingsdel(tmp_path / "handlingsdel.xlsx")))
    assert result.exit_code == 1
    assert "--plan" in result.output and "Traceback" not in result.output
    assert counts(empty_db)["plan"] == 0


def test_numbers_that_restart_under_each_group_row_are_read_as_theme_and_number(
    empty_db: Path, tmp_path: Path
) -> None:
    """«1, 2 / 1, 2» under «1 Attraktiv» and «2 Reiseliv» are 1.1, 1.2, 2.1, 2.2 (found in
    review: they were refused as duplicates)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Nr.", "Tiltak", "Ansvarlig", "Periode"])
    sheet.append(["1 Attraktiv kommune"])
    sheet.append([1, "Boligtomter", "Senja kommune", "2025"])
    sheet.append([2, "Tilflytterpakke", "Senja kommune", "2026"])
    sheet.append(["2 Reiseliv"])
    sheet.append([1, "Vinterturisme", "Visit Senja", "2025"])
    sheet.append([2, "Vertskapskurs", "Visit Senja", "2026"])
    path = tmp_path / "omstart.xlsx"
    book.save(path)

    result = cli("import", str(path), "--plan", PLAN_NAME)
    assert result.exit_code == 0, result.output
    assert "1.1" in result.output and "2.2" in result.output
    from tracker import db

    engine = db.make_engine(f"sqlite:///{empty_db}")
    with db.session_factory(engine)() as session:
        codes = {m.title: m.code for m in session.scalars(select(Measure))}
        assert codes == {"Boligtomter": "1.1", "Tilflytterpakke": "1.2",
                         "Vinterturisme": "2.1", "Vertskapskurs": "2.2"}  # fmt: skip
    engine.dispose()


def test_whole_numbers_that_do_not_restart_stay_as_written(empty_db: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Nr.", "Tiltak", "Ansvarlig", "Periode"])
    sheet.append(["1 Attraktiv kommune"])
    sheet.append([1, "Boligtomter", "Senja kommune", "2025"])
    sheet.append(["2 Reiseliv"])
    sheet.append([2, "Vinterturisme", "Visit Senja", "2025"])
    path = tmp_path / "lopende.xlsx"
    book.save(path)
    result = cli("import", str(path), "--plan", PLAN_NAME)
    assert result.exit_code == 0, result.output
    from tracker import db

    engine = db.make_engine(f"sqlite:///{empty_db}")
    with db.session_factory(engine)() as session:
        assert sorted(m.code for m in session.scalars(select(Measure))) == ["1", "2"]
    engine.dispose()
