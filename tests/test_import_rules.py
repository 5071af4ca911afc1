"""What the importer refuses instead of guessing (SQLite and PostgreSQL): unknown
themes (with the nearest known one), several names in a one-actor column, values
longer than their column, rows over the limit; and codes kept as written. A refused
file changes nothing."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import World, make_plan
from tracker.errors import ValidationError
from tracker.limits import column_limit
from tracker.models import Actor, Base, Event, Measure, Theme
from tracker.planfile.export import plan_xlsx_bytes
from tracker.planfile.importer import ImportResult, import_tables
from tracker.planfile.limits import MAX_DATA_ROWS
from tracker.planfile.read import read_bytes
from tracker.service.actors import save_actor
from tracker.service.plans import save_plan
from tracker.service.principal import SYSTEM
from tracker.service.status import Report, report_status
from tracker.service.themes import save_theme
from tracker.vocab import Status

TITLE_LIMIT = column_limit(Event.title)

NOW = datetime(2025, 8, 15, 10, tzinfo=UTC)
HEADER = "Kode;Tiltak;Satsingsområde;Ansvarlig;Samarbeidspartnere;Periode"
EVENT_HEADER = ["Aktør", "Hendelse", "Type", "Fra", "Sted"]
EXCEPTION_NAMES = re.compile(r"\b\w*(Error|Exception)\b|BadZipFile|Errno|Traceback")


def snapshot(session: Session) -> dict[str, list[str]]:
    session.flush()
    return {
        table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)).all())
        for table in Base.metadata.sorted_tables
    }


def run(session: Session, world: World, data: bytes, name: str) -> ImportResult:
    result = import_tables(
        session, user=world.principals["admin"], tables=read_bytes(data, name),
        plan=world.plan.name, now=NOW,
    )  # fmt: skip
    for problem in [*result.problems, *result.notices]:
        for lang in ("nb", "en"):
            assert not EXCEPTION_NAMES.search(problem.text(lang)), problem.text(lang)
    return result


def csv_file(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def refused(session: Session, world: World, data: bytes, name: str = "t.csv") -> ImportResult:
    before = snapshot(session)
    result = run(session, world, data, name)
    assert not result.ok and result.problems
    assert snapshot(session) == before
    return result


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


# --- themes ------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["9", "Ukjent"])
def test_an_unknown_theme_is_refused_and_the_known_ones_are_listed(
    session: Session, world: World, theme: str
) -> None:
    result = refused(session, world, csv_file(f"9.1;Nytt tiltak;{theme};SNH;;2025"))
    assert [(p.key, p.row, p.field) for p in result.problems] == [
        ("import.unknown_theme", 2, "Satsingsområde")
    ]
    text = result.problems[0].text("nb")
    assert f"«{theme}»" in text and "T1 Næringsutvikling" in text
    assert count(session, Theme) == 2


def test_an_unknown_theme_close_to_a_known_one_suggests_it(session: Session, world: World) -> None:
    result = refused(session, world, csv_file("9.1;Nytt tiltak;Næringsutvikkling;SNH;;2025"))
    assert "Mente du «Næringsutvikling»?" in result.problems[0].text("nb")


def test_a_theme_from_the_themes_sheet_may_be_used(session: Session, world: World) -> None:
    book = Workbook()
    themes = book.active
    themes.title = "Satsingsområder"
    themes.append(["Kode", "Navn"])
    themes.append(["T3", "Havbruk"])
    measures = book.create_sheet("Tiltak")
    measures.append(["Tiltak", "Satsingsområde", "Ansvarlig"])
    measures.append(["Nytt tiltak", "Havbruk", "SNH"])
    measures.append(["Et til", "Ukjent", "SNH"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = refused(session, world, buffer.getvalue(), "plan.xlsx")
    assert [(p.key, p.row) for p in result.problems] == [("import.unknown_theme", 3)]
    assert "T3 Havbruk" in result.problems[0].text("nb")  # the sheet's theme is known


def test_a_plan_without_themes_takes_them_from_the_measures(session: Session) -> None:
    plan = make_plan(session)
    session.commit()
    rows = (";Et;Helt nytt tema;Kupa;;2025", ";To;9;Kupa;;2025", ";Tre;Helt nyt tema;Kupa;;")
    tables = read_bytes(csv_file(*rows), "t.csv")
    result = import_tables(session, user=SYSTEM, tables=tables, plan=plan.name, now=NOW)
    assert [(p.key, p.row) for p in result.problems] == [
        ("import.theme_is_number", 3),
        ("import.near_miss", 4),
    ]
    tables = read_bytes(csv_file(";I et nytt tema;Helt nytt tema;Kupa;;2025"), "t.csv")
    assert import_tables(session, user=SYSTEM, tables=tables, plan=plan.name, now=NOW).ok
    theme = session.scalars(select(Theme)).one()
    assert (theme.code, theme.name) == ("1", "Helt nytt tema")
    assert session.scalars(select(Measure.code)).all() == ["1.1"]


# --- actors ------------------------------------------------------------------------------


def test_a_lead_cell_with_several_names_is_refused(session: Session, world: World) -> None:
    result = refused(session, world, csv_file('9.1;Nytt tiltak;T1;"SNH;SNH";;2025'))
    assert [(p.key, p.row, p.field) for p in result.problems] == [
        ("import.one_actor_repeated", 2, "Ansvarlig")
    ]
    assert "Mente du «Senja Næringshage»?" in result.problems[0].text("nb")
    assert count(session, Actor) == 3


def test_a_lead_cell_with_two_actors_says_where_the_other_goes(
    session: Session, world: World
) -> None:
    result = refused(session, world, csv_file('9.1;Nytt tiltak;T1;"Kupa; NAV";;2025'))
    assert [p.key for p in result.problems] == ["import.one_actor"]
    assert "Samarbeidspartnere" in result.problems[0].text("nb")


def test_a_repeated_partner_is_one_partner(session: Session, world: World) -> None:
    result = run(session, world, csv_file('9.1;Nytt tiltak;T1;SNH;"Kupa;Kupa";2025'), "t.csv")
    assert result.ok
    names = session.scalars(select(Actor.name)).all()
    assert "Kupa" in names and not any(";" in name for name in names)
    new = session.scalar(select(Measure).where(Measure.code == "9.1"))
    assert new is not None and len(new.partners) == 1


def event_book(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Årshjul"
    sheet.append(EVENT_HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_event_actor_cell_with_a_repeated_name_is_refused(
    session: Session, world: World
) -> None:
    data = event_book(["SNH;SNH", "Frokostmøte", "Arrangement", "2026-04-02", ""])
    result = refused(session, world, data, "arshjul.xlsx")
    assert [(p.key, p.field) for p in result.problems] == [("import.one_actor_repeated", "Aktør")]


# --- say every cut ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "place", "column", "limit"),
    [("x" * (TITLE_LIMIT + 1), "", "Hendelse", TITLE_LIMIT), ("Møte", "y" * 301, "Sted", 300)],
)
def test_an_event_text_over_its_limit_is_an_error_not_a_cut(
    session: Session, world: World, title: str, place: str, column: str, limit: int
) -> None:
    data = event_book(["SNH", title, "Arrangement", "2026-04-02", place])
    result = refused(session, world, data, "arshjul.xlsx")
    assert [(p.key, p.field) for p in result.problems] == [("field.too_long", column)]
    assert str(limit) in result.problems[0].text("nb")
    assert count(session, Event) == 0


# --- rows and codes -----------------------------------------------------------------------


def test_a_file_over_the_row_limit_imports_nothing(session: Session, world: World) -> None:
    rows = (f"9.{n};Tiltak {n};T1;SNH;;2025" for n in range(MAX_DATA_ROWS + 1))
    result = refused(session, world, csv_file(*rows))
    assert [p.key for p in result.problems] == ["import.too_many_rows"]
    assert "ingenting er importert" in result.problems[0].text("nb")


def test_codes_are_stored_as_written(session: Session, world: World) -> None:
    codes = ["03", "3.50", "12345678901234567890"]
    rows = (f"{code};Tiltak {code};T1;SNH;;2025" for code in codes)
    assert run(session, world, csv_file(*rows), "t.csv").ok
    stored = session.scalars(select(Measure.code).where(Measure.title.like("Tiltak %"))).all()
    assert sorted(stored) == sorted(codes)


def test_a_20_digit_number_code_in_xlsx_imports_nothing(session: Session, world: World) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiltak"
    sheet.append(["Kode", "Tiltak", "Satsingsområde", "Ansvarlig"])
    sheet.append([12345678901234567890.0, "Tjue sifre", "T1", "SNH"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = refused(session, world, buffer.getvalue(), "t.xlsx")
    assert [p.key for p in result.problems] == ["import.number_inexact"]


def test_plan_rows_after_the_first_are_noticed(session: Session, world: World) -> None:
    book = Workbook()
    plan = book.active
    plan.title = "Plan"
    plan.append(["Navn", "Startår", "Sluttår"])
    plan.append([world.plan.name, 2024, 2028])
    plan.append(["En annen plan", 2025, 2029])
    buffer = io.BytesIO()
    book.save(buffer)
    result = run(session, world, buffer.getvalue(), "plan.xlsx")
    assert [(p.key, p.row) for p in result.notices] == [("import.plan_rows_ignored", 3)]


# --- one set of rules: what the services refuse, the import refuses alike ----------------


def book_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def where(result: ImportResult) -> list[tuple[str, int | None, str | None, dict[str, object]]]:
    return [(p.key, p.row, p.field, p.params) for p in result.problems]


def test_a_theme_name_the_admin_form_takes_survives_export_and_import(
    session: Session, world: World
) -> None:
    admin = world.principals["admin"]
    long_name = "Næring " + "x" * 243  # 250 characters: more than an actor's name holds
    save_theme(
        session, user=admin, plan_id=world.plan.id, theme_id=world.themes["T1"].id,
        code="T1", name=long_name,
    )  # fmt: skip
    session.commit()
    data = plan_xlsx_bytes(session, world.plan.id)
    result = run(session, world, data, "plan.xlsx")
    assert result.ok, result.lines("en")
    assert result.changes == []  # «Ingen endringer»


def test_a_status_older_than_the_latest_is_refused_as_the_service_refuses_it(
    session: Session, world: World
) -> None:
    measure = world.measures["1.1"]  # reported for 2024-Q4 and 2025-Q2
    with pytest.raises(ValidationError) as refused_report:
        report_status(
            session, user=world.principals["admin"], measure_id=measure.id,
            report=Report("2024-Q3", Status.IN_PROGRESS, 30, None), seen_version=measure.version,
            now=NOW,
        )  # fmt: skip
    session.rollback()
    header = "Kode;Tiltak;Satsingsområde;Ansvarlig;Status;Fremdrift;Kvartal"
    data = f"{header}\n1.1;{measure.title};T1;SNH;Pågår;30;2024-Q3".encode()
    result = refused(session, world, data)
    service = refused_report.value.problems[0]
    assert where(result) == [(service.key, 2, "Kvartal", service.params)]
    assert service.key == "report.period_before_latest"


@pytest.mark.parametrize(
    ("short", "taken_by"),
    [("KN", "Klyngen Nordvest"), ("Senja Næringshage", "Senja Næringshage")],
)
def test_an_actor_short_name_the_admin_form_refuses_is_refused(
    session: Session, world: World, short: str, taken_by: str
) -> None:
    with pytest.raises(ValidationError) as refused_save:
        save_actor(
            session, user=world.principals["admin"], actor_id=None, name="Ny aktør",
            short_name=short,
        )  # fmt: skip
    session.rollback()
    data = book_bytes({"Aktører": [["Navn", "Kortnavn"], ["Ny aktør", short]]})
    result = refused(session, world, data, "plan.xlsx")
    service = refused_save.value.problems[0]
    assert service.key == "admin.short_name_taken" and service.params["actor"] == taken_by
    assert where(result) == [(service.key, 2, "Kortnavn", service.params)]


def test_two_new_actors_with_one_short_name_are_refused(session: Session, world: World) -> None:
    rows = [["Navn", "Kortnavn"], ["Ny aktør", "NY"], ["Nyere aktør", "ny"]]
    result = refused(session, world, book_bytes({"Aktører": rows}), "plan.xlsx")
    assert where(result) == [
        ("admin.short_name_taken", 3, "Kortnavn", {"name": "ny", "actor": "Ny aktør"})
    ]


MEASURE_HEADER = "Kode;Tiltak;Satsingsområde;Ansvarlig;Start;Slutt;Vekt;Status;Fremdrift;Kvartal"


@pytest.mark.parametrize(
    ("cells", "column", "key"),
    [
        ("2023-Q4;2025-Q4;;;;", "Start", "admin.period_outside_plan"),
        ("2025-Q4;2025-Q1;;;;", "Slutt", "admin.end_before_start"),
        ("2025-Q1;2025-Q4;1001;;;", "Vekt", "admin.weight_invalid"),
        ("2025-Q1;2025-Q4;0;;;", "Vekt", "admin.weight_invalid"),
        ("2025-Q1;2025-Q4;;Pågår;150;2025-Q2", "Fremdrift", "report.progress_range"),
        ("2025-Q1;2025-Q4;;Pågår;10;2025-Q4", "Kvartal", "report.period_in_future"),
        ("2025-Q1;2025-Q4;;Pågår;10;2024-Q4", "Kvartal", "report.period_outside_span"),
    ],
)
def test_a_new_measure_breaking_a_service_rule_gets_the_service_message(
    session: Session, world: World, cells: str, column: str, key: str
) -> None:
    data = f"{MEASURE_HEADER}\n9.1;Nytt tiltak;T1;SNH;{cells}".encode()
    result = refused(session, world, data)
    assert [(p.key, p.row, p.field) for p in result.problems] == [(key, 2, column)]


@pytest.mark.parametrize(
    ("name", "years", "column", "key"),
    [
        ("Ny plan", (1800, 2028), "Startår", "admin.year_invalid"),
        ("Ny plan", (2028, 2024), "Sluttår", "admin.end_before_start"),
        (
            "STRATEGISK NÆRINGSPLAN FOR SENJA 2024–2028",
            (2024, 2028),
            "Navn",
            "admin.plan_name_taken",
        ),
    ],
)
def test_a_plan_the_admin_form_refuses_is_refused_alike(
    session: Session, world: World, name: str, years: tuple[int, int], column: str, key: str
) -> None:
    with pytest.raises(ValidationError) as refused_save:
        save_plan(
            session, user=world.principals["admin"], plan_id=None, name=name,
            start_year=years[0], end_year=years[1],
        )  # fmt: skip
    session.rollback()
    data = book_bytes({"Plan": [["Navn", "Startår", "Sluttår"], [name, *years]]})
    result = refused(session, world, data, "plan.xlsx")
    service = refused_save.value.problems[0]
    assert service.key == key
    assert where(result) == [(key, 2, column, service.params)]
