"""The import's second round on the plan: a new plan checked by the admin form's rules,
its period from a title row, leads resolved before partners (row order does not
matter), messages that name the file's own columns, --column by a field's label,
and a preview of the measures as they will be stored."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import make_actor, make_measure, make_plan, make_theme
from tracker.cli import main
from tracker.models import Actor, Measure, Plan
from tracker.planfile.importer import ImportResult, import_tables
from tracker.planfile.layout import Layout
from tracker.planfile.read import Table, Tables
from tracker.planfile.sheets import MEASURES
from tracker.service.principal import SYSTEM

NOW = datetime(2025, 8, 15, 10, tzinfo=UTC)
SENJA = "Strategisk næringsplan for Senja kommune 2024–2028"


def tables(*rows: dict[str, str], layout: Layout | None = None) -> Tables:
    table = Table(MEASURES, [(row, values) for row, values in enumerate(rows, start=4)])
    return Tables(tables={"measures": table}, layouts=[layout] if layout else [])


def row(code: str, title: str, theme: str = "1 Attraktiv", lead: str = "Kupa", **more: str):
    return {"code": code, "title": title, "theme": theme, "lead": lead, **more}


def layout(columns: list[tuple[str, str | None]], title_rows: list[str] | None = None) -> Layout:
    return Layout("Handlingsdel", 3, columns, ["Handlingsdel"], title_rows=title_rows or [])


def run(
    session: Session, data: Tables, plan: str | None = SENJA, period: str | None = None, **kw: bool
) -> ImportResult:
    return import_tables(session, user=SYSTEM, tables=data, plan=plan, period=period, now=NOW, **kw)


def plans(session: Session) -> list[tuple[str, int, int]]:
    found = session.scalars(select(Plan).order_by(Plan.id))
    return [(p.name, p.start_year, p.end_year) for p in found]


# --- 1. a new plan on the admin form's rules ----------------------------------------------


@pytest.mark.parametrize(
    ("period", "keys"),
    [
        ("1800-1900", ["admin.year_invalid"]),  # 1900 is a year the form takes
        ("2028-2024", ["admin.end_before_start"]),
    ],
)
def test_a_new_plans_period_is_checked_as_the_admin_form_checks_it(
    session: Session, period: str, keys: list[str]
) -> None:
    result = run(session, tables(row("1.1", "Et")), plan="Ny plan", period=period)
    assert [p.key for p in result.problems] == keys
    assert plans(session) == []


def test_a_plan_name_in_other_case_or_spaces_is_that_plan(session: Session) -> None:
    make_plan(session, name=SENJA)
    make_actor(session, "Kupa")
    name = "  strategisk  NÆRINGSPLAN for senja kommune 2024–2028 "
    result = run(session, tables(row("1.1", "Et")), plan=name)
    assert result.ok, [p.text() for p in result.problems]
    assert plans(session) == [(SENJA, 2024, 2028)]
    assert session.scalars(select(Measure.code)).all() == ["1.1"]


@pytest.mark.parametrize(
    "name", ["Strategisk næringsplan for Senja kommune 2029–2032", "Ny plan 2024-2028"]
)
def test_a_new_name_close_to_a_plans_makes_a_new_plan_with_a_notice(
    session: Session, name: str
) -> None:
    make_plan(session, name=SENJA)
    make_plan(session, name="Ny plan 2024–2028")
    result = run(session, tables(row("1.1", "Et")), plan=name)
    assert result.ok, [p.text() for p in result.problems]
    assert name in [p[0] for p in plans(session)]
    notices = [p for p in result.notices if p.key == "import.plan_new_near"]
    assert len(notices) == 1
    text = notices[0].text("nb")
    assert text.startswith(f"Fant ingen plan som heter «{name}»; en ny plan lages (mente du «")
    assert "did you mean" in notices[0].text("en")


# --- 2. the period from a title row --------------------------------------------------------


def test_a_new_plans_period_comes_from_the_title_row(session: Session) -> None:
    read = layout(
        [("Nr.", "code"), ("Tiltak", "title")],
        title_rows=["Næringsplan for Senja", "Handlingsdel 2025–2029 (rullert 2025)"],
    )
    result = run(session, tables(row("1.1", "Et"), layout=read), plan="Næringsplan for Senja")
    assert result.ok, [p.text() for p in result.problems]
    assert plans(session) == [("Næringsplan for Senja", 2025, 2029)]


def test_period_and_name_come_before_the_title_row(session: Session) -> None:
    read = layout([("Nr.", "code")], title_rows=["Handlingsdel 2025-2029"])
    result = run(session, tables(row("1.1", "Et"), layout=read), plan="Plan 2024-2028")
    assert result.ok and plans(session) == [("Plan 2024-2028", 2024, 2028)]
    result = run(session, tables(row("1.1", "Et"), layout=read), plan="Plan B", period="2026-2027")
    assert result.ok and plans(session)[-1] == ("Plan B", 2026, 2027)


def test_without_title_rows_the_import_asks_for_the_period(session: Session) -> None:
    read = layout([("Nr.", "code")])  # no title rows
    result = run(session, tables(row("1.1", "Et"), layout=read), plan="Næringsplan for Senja")
    assert [p.key for p in result.problems] == ["import.plan_needs_period"]


def test_the_first_import_takes_the_period_from_the_sheets_title(
    empty_db: Path, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Næringsplan for Senja – handlingsdel 2025–2029"])
    sheet.append([])
    sheet.append(["Nr.", "Tiltak", "Satsingsområde", "Ansvarlig"])
    sheet.append(["1.1", "Et", "1 Attraktiv", "Kupa"])
    book.save(tmp_path / "plan.xlsx")
    result = cli("import", str(tmp_path / "plan.xlsx"), "--plan", "Næringsplan for Senja")
    assert result.exit_code == 0, result.output
    assert "Ny plan: Næringsplan for Senja (2025–2029)" in result.output


# --- 3. leads before partners ---------------------------------------------------------------


def test_a_lead_with_og_in_it_reads_the_same_in_any_row_order(session: Session) -> None:
    first = row("1.1", "Et", lead="Kupa og NAV")
    second = row("1.2", "To", lead="Senja kommune", partners="Kupa, NAV")
    results = []
    for order in ((first, second), (second, first)):
        result = run(session, tables(*order), plan="Plan 2024-2028", dry_run=True)
        assert result.ok, [p.text() for p in result.problems]
        results.append(sorted(p.text() for p in result.changes))
    assert results[0] == results[1]
    result = run(session, tables(second, first), plan="Plan 2024-2028")
    assert result.ok
    names = sorted(session.scalars(select(Actor.name)))
    assert names == ["Kupa", "Kupa og NAV", "NAV", "Senja kommune"]


def test_problems_of_the_measure_rows_come_in_row_order(session: Session) -> None:
    data = tables(
        row("1.1", "Et", lead=""), row("1.2", "", lead="Kupa"), row("1.3", "Tre", lead="")
    )
    result = run(session, data, plan="Plan 2024-2028")
    assert [(p.key, p.row) for p in result.problems] == [("admin.required", n) for n in (4, 5, 6)]


# --- 4. messages in the file's own words ----------------------------------------------------


def test_a_problem_names_the_column_as_the_file_writes_it(session: Session) -> None:
    read = layout([("Nr.", "code"), ("Tiltak", "title"), ("Hovedansvar", "lead")])
    data = tables(row("x" * 300, "Et"), row("1.2", "To", lead=""), layout=read)
    result = run(session, data, plan="Plan 2024-2028")
    texts = [p.text("nb") for p in result.problems]
    assert texts[0].startswith("Rad 4, kolonne «Nr.»")
    assert texts[1].startswith("Rad 5, kolonne «Hovedansvar»")


def test_a_column_the_file_lacks_keeps_the_tools_header(session: Session) -> None:
    result = run(session, tables(row("1.2", "To", lead="")), plan="Plan 2024-2028")
    assert result.problems[0].text("nb").startswith("Rad 4, kolonne «Ansvarlig»")


def test_change_lines_name_fields_by_their_labels(session: Session) -> None:
    plan = make_plan(session, name=SENJA)
    theme = make_theme(session, plan, "1", "Attraktiv")
    kupa = make_actor(session, "Kupa")
    make_measure(session, plan, theme, kupa, code="1.1", title="Et", start="2024-Q1", end="2024-Q4")
    data = tables(row("1.1", "Nytt navn", start="2025-Q1", end="2025-Q4"))
    result = run(session, data)
    assert result.ok, [p.text() for p in result.problems]
    assert result.lines("nb") == ["Endret: Tiltak «1.1» (Tiltak, Oppstart, Ferdig)"]
    assert result.lines("en") == ["Changed: Measure “1.1” (Measure, Start, End)"]
    data = tables(row("1.1", "Nytt navn", period="2026"))
    assert run(session, data).lines("nb") == ["Endret: Tiltak «1.1» (Periode)"]


# --- 5. --column by label -------------------------------------------------------------------


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def sheet_file(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Nr.", "Tiltak", "Satsingsområde", "Ansvarlig", "Merknad"])
    sheet.append(["1.1", "Et", "1 Attraktiv", "Kupa", "Det første tiltaket"])
    book.save(path)
    return path


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "first.db"
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    assert cli("init").exit_code == 0
    return path


@pytest.mark.parametrize("field", ["Beskrivelse", "description", "DESCRIPTION", "beskrivelse"])
def test_a_column_option_takes_a_fields_label(empty_db: Path, tmp_path: Path, field: str) -> None:
    file = sheet_file(tmp_path / "plan.xlsx")
    result = cli(
        "import", str(file), "--plan", "Plan 2024-2028", "--column", f"Merknad={field}",
        "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Merknad → Beskrivelse" in result.output


def test_an_unknown_field_lists_the_labels(empty_db: Path, tmp_path: Path) -> None:
    file = sheet_file(tmp_path / "plan.xlsx")
    result = cli("import", str(file), "--plan", "P 2024-2028", "--column", "Merknad=Notat")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "«Notat»" in result.output and "Beskrivelse, " in result.output
    result = cli(
        "--lang", "en", "import", str(file), "--plan", "P 2024-2028", "--column", "Merknad=Note"
    )
    assert result.exit_code == 1 and "Description, " in result.output


# --- 6. the preview -------------------------------------------------------------------------


def test_the_preview_shows_the_first_measures_as_stored(session: Session) -> None:
    rows = [row("1.1", "Et", "1 Attraktiv", partners="NAV; Visit Senja", period="2025")]
    rows += [row(f"1.{n}", f"Tiltak {n}", status="Pågår") for n in range(2, 8)]
    for dry_run in (True, False):
        result = run(session, tables(*rows), plan="Plan 2024-2028", dry_run=dry_run)
        assert result.ok, [p.text() for p in result.problems]
        assert len(result.preview) == 5
        assert result.preview[0] == {
            "code": "1.1",
            "title": "Et",
            "theme": "1 Attraktiv",
            "lead": "Kupa",
            "partners": ["NAV", "Visit Senja"],
            "start": "2025-Q1",
            "end": "2025-Q4",
            "status": None,
        }
        assert result.preview[1]["status"] == "in_progress"
