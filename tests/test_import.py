"""Plan import on a real database (SQLite, and PostgreSQL when asked for): municipal
spreadsheets as people make them, every row's error at once, nothing written on a
bad file, dry runs, status columns, permissions."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import make_actor
from tracker.db import data_revision
from tracker.errors import PermissionDenied
from tracker.models import Actor, Base, Goal, Measure, StatusUpdate, Theme
from tracker.planfile.importer import import_path, import_tables
from tracker.planfile.read import read_bytes
from tracker.quarters import Quarter
from tracker.service.principal import SYSTEM
from tracker.service.quarter_closing import close_quarter
from tracker.vocab import ActorKind, PartnerRole, Rag, Status

if TYPE_CHECKING:
    from tests.factories import World

NOW = datetime(2025, 8, 15, 10, tzinfo=UTC)  # in 2025-Q3; 2025-Q2 is finished
HEADER = ["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere", "Periode"]


# --- helpers -----------------------------------------------------------------------------


def snapshot(session: Session) -> dict[str, list[str]]:
    """Every row of every table (data_revision included), as sorted text."""
    session.flush()
    return {
        table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)).all())
        for table in Base.metadata.sorted_tables
    }


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str = ";", bom: bool = False
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def measure(session: Session, title: str) -> Measure:
    found = session.scalar(select(Measure).where(Measure.title == title))
    assert found is not None, title
    return found


def actor_name(session: Session, actor_id: int) -> str:
    actor = session.get(Actor, actor_id)
    assert actor is not None
    return actor.name


def partners(session: Session, item: Measure) -> dict[str, PartnerRole]:
    session.refresh(item)
    return {actor_name(session, p.actor_id): p.role for p in item.partners}


def status_count(session: Session, measure_id: int | None = None) -> int:
    query = select(func.count(StatusUpdate.id))
    if measure_id is not None:
        query = query.where(StatusUpdate.measure_id == measure_id)
    return session.scalar(query) or 0


def keys(result: object) -> list[tuple[int | None, str | None, str]]:
    return sorted(
        ((p.row, p.field, p.key) for p in result.problems),  # type: ignore[attr-defined]
        key=lambda t: (t[0] or 0, t[1] or "", t[2]),
    )


# --- a municipal spreadsheet ---------------------------------------------------------------


def municipal_rows() -> list[list[str]]:
    """Headers in odd order and case below a title row, an extra column, blank rows,
    partners by short name with stray spaces, æøå everywhere."""
    return [
        ["Handlingsdel – Strategisk næringsplan for Senja 2024–2028", *[""] * 9],
        [""] * 10,
        [
            "tiltak",
            "ANSVARLIG",
            "  Samarbeidspartnere ",
            "satsingsområde",
            "Mål",
            "Periode",
            "Saksbehandler",
            "Status",
            "Fremdrift",
            "Kommentar",
        ],
        [
            "Sjømatinkubator på Husøy",
            "  snh ",
            " KN ;  in ",
            "Næringsutvikling",
            "Flere arbeidsplasser i sjømatnæringen",
            "2024–2026",
            "Kari Ødegård",
            "Pågår",
            "40 %",
            "Godt i gang – æøå ÆØÅ",
        ],
        [""] * 10,
        [
            "Kompetanseløft for fiskere",
            "Klyngen Nordvest",
            "SNH, In",
            "t2",
            "",
            "2025-Q2",
            "",
            "",
            "",
            "",
        ],
        [
            "Blå næringsarena",
            "INNOVASJON NORGE ARKTIS",
            "",
            "T1",
            "",
            "Løpende",
            "",
            "",
            "",
            "",
        ],
        [
            "Reiselivsløft på yttersida",
            "Nordnorsk Reiseliv",
            " ",
            "Kompetanse og rekruttering",
            "",
            "2025-2026",
            "",
            "",
            "",
            "",
        ],
        [""] * 10,
    ]


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("delimiter", [";", ","], ids=["semicolon", "comma"])
def test_municipal_csv_imports(
    session: Session, world: World, tmp_path: Path, delimiter: str, bom: bool
) -> None:
    path = write_csv(tmp_path / "handlingsdel.csv", municipal_rows(), delimiter=delimiter, bom=bom)
    revision = data_revision(session)

    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()

    assert result.ok, [p.text("en") for p in result.problems]
    assert result.plan_id == world.plan.id
    assert [(n.key, n.params.get("column")) for n in result.notices] == [
        ("import.column_ignored", "Saksbehandler"),
        ("import.blank_rows", None),  # the blank row 5 inside the table
    ]
    assert data_revision(session) == revision + 1

    a, b, c = world.actors["A"], world.actors["B"], world.actors["C"]
    t1, t2 = world.themes["T1"], world.themes["T2"]

    first = measure(session, "Sjømatinkubator på Husøy")
    assert (first.theme_id, first.lead_actor_id) == (t1.id, a.id)
    assert (first.start_period, first.end_period) == ("2024-Q1", "2026-Q4")
    assert first.code == "T1.4"  # after the theme's 1.1–1.3
    assert partners(session, first) == {
        "Klyngen Nordvest": PartnerRole.PARTNER,
        "Innovasjon Norge Arktis": PartnerRole.PARTNER,
    }
    goal = session.get(Goal, first.goal_id)
    assert goal is not None and goal.text == "Flere arbeidsplasser i sjømatnæringen"

    second = measure(session, "Kompetanseløft for fiskere")
    assert (second.theme_id, second.lead_actor_id) == (t2.id, b.id)
    assert (second.start_period, second.end_period) == ("2025-Q2", "2025-Q2")
    assert set(partners(session, second)) == {"Senja Næringshage", "Innovasjon Norge Arktis"}

    third = measure(session, "Blå næringsarena")
    assert (third.lead_actor_id, third.theme_id) == (c.id, t1.id)
    assert (third.start_period, third.end_period) == ("2024-Q1", "2028-Q4")  # Løpende
    assert partners(session, third) == {}

    fourth = measure(session, "Reiselivsløft på yttersida")
    assert (fourth.start_period, fourth.end_period) == ("2025-Q1", "2026-Q4")
    created = session.get(Actor, fourth.lead_actor_id)
    assert created is not None and created.name == "Nordnorsk Reiseliv"  # unknown: created
    assert session.scalar(select(func.count(Actor.id))) == 4

    # The status columns became one report; æøå intact.
    (report,) = session.scalars(select(StatusUpdate).where(StatusUpdate.measure_id == first.id))
    assert (report.status, report.progress, report.rag) == (Status.IN_PROGRESS, 40, None)
    assert report.comment == "Godt i gang – æøå ÆØÅ"
    assert report.period == "2025-Q3"  # no Kvartal: the current quarter within the span
    assert status_count(session, second.id) == status_count(session, third.id) == 0

    # Nothing from the ignored column is stored anywhere.
    assert not any("Kari Ødegård" in row for rows in snapshot(session).values() for row in rows)


def test_municipal_csv_again_changes_nothing(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "handlingsdel.csv", municipal_rows())
    assert import_path(session, user=SYSTEM, path=path, now=NOW).ok
    session.commit()
    before, revision = snapshot(session), data_revision(session)

    again = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()

    assert again.ok and again.changes == []
    assert snapshot(session) == before
    assert data_revision(session) == revision


DATA = Path(__file__).resolve().parent / "data"


def test_csv_saved_from_norwegian_excel(session: Session, world: World) -> None:
    """tests/data/handlingsplan_kommune.csv: BOM, CRLF, ';', two title lines, a cell with
    a line break, headers as a municipality writes them, blank rows."""
    result = import_path(session, user=SYSTEM, path=DATA / "handlingsplan_kommune.csv", now=NOW)

    assert result.ok, [p.text("en") for p in result.problems]
    assert [(n.key, n.params) for n in result.notices] == [("import.blank_rows", {"rows": "7"})]
    harbour = measure(session, "Fiskerihavn på Gryllefjord")
    assert harbour.code == "1.10"
    assert harbour.description == "Utrede ny molo.\nSøke midler fra Kystverket."
    assert (harbour.start_period, harbour.end_period) == ("2025-Q1", "2027-Q4")
    assert set(partners(session, harbour)) == {"Klyngen Nordvest", "Innovasjon Norge Arktis"}
    (report,) = session.scalars(select(StatusUpdate).where(StatusUpdate.measure_id == harbour.id))
    assert (report.status, report.progress, report.comment) == (
        Status.IN_PROGRESS, 25, "Første møte holdt",
    )  # fmt: skip
    honest = measure(session, "Ærlig talt: økt åpenhet")
    assert (honest.start_period, honest.end_period) == ("2024-Q1", "2028-Q4")
    (started,) = session.scalars(select(StatusUpdate).where(StatusUpdate.measure_id == honest.id))
    assert (started.status, started.progress) == (Status.NOT_STARTED, 0)
    north = measure(session, "Øvre Dividal-samarbeid")
    assert north.code == "2.10" and north.theme_id == world.themes["T2"].id
    assert status_count(session, north.id) == 0


def test_single_sheet_xlsx(session: Session, world: World, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ark1"  # an unknown name: a single sheet is read as the Tiltak sheet
    sheet.append(["Tiltak i næringsplanen"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["Nr", "Tittel", "Tema", "Hovedansvarlig", "Partnere", "Oppstart", "Ferdig"])
    sheet.append(
        [
            1.5,
            "Grønn omstilling i havbruket",
            "næringsutvikling",
            "snh",
            "KN; IN",
            date(2025, 4, 10),  # a date cell: its quarter
            2026,  # a number cell
        ]
    )
    sheet.append([])
    sheet.append([None, "Lærlingløft", "T2", "KN", None, "2025-Q3", "2025-Q4"])
    path = tmp_path / "tiltak.xlsx"
    workbook.save(path)

    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()

    assert result.ok, [p.text("en") for p in result.problems]
    green = measure(session, "Grønn omstilling i havbruket")
    assert green.code == "1.5"
    assert (green.start_period, green.end_period) == ("2025-Q2", "2026-Q4")
    assert set(partners(session, green)) == {"Klyngen Nordvest", "Innovasjon Norge Arktis"}
    apprentices = measure(session, "Lærlingløft")
    assert apprentices.code == "T2.4"
    assert (apprentices.start_period, apprentices.end_period) == ("2025-Q3", "2025-Q4")


def test_xlsx_row_numbers_count_blank_rows(session: Session, world: World, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiltak"
    sheet["A1"] = "Handlingsplan"
    sheet.append([])
    sheet.append(["Tiltak", "Satsingsområde", "Ansvarlig", "Periode"])  # row 3
    sheet.append(["A", "T1", "SNH", "2025"])
    sheet.append([])
    sheet.append(["B", "T1", "SNH", "en gang"])  # row 6
    path = tmp_path / "tiltak.xlsx"
    workbook.save(path)

    result = import_path(session, user=SYSTEM, path=path, now=NOW)

    assert keys(result) == [(6, "Periode", "import.bad_period")]


def test_xlsx_percent_formatted_progress(session: Session, world: World, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tiltak", "Satsingsområde", "Ansvarlig", "Periode", "Status", "Fremdrift"])
    sheet.append(["Halvveis", "T1", "SNH", "2025", "Pågår", 0.4])
    sheet.append(["Nesten ferdig", "T1", "SNH", "2025", "Pågår", 1.0])
    sheet["F2"].number_format = sheet["F3"].number_format = "0%"
    path = tmp_path / "tiltak.xlsx"
    workbook.save(path)

    result = import_path(session, user=SYSTEM, path=path, now=NOW)

    assert result.ok
    progress = {measure(session, title).id: title for title in ("Halvveis", "Nesten ferdig")}
    stored = {
        progress[r.measure_id]: r.progress
        for r in session.scalars(select(StatusUpdate).where(StatusUpdate.measure_id.in_(progress)))
    }
    assert stored == {"Halvveis": 40, "Nesten ferdig": 100}


def test_import_tables_from_an_upload(session: Session, world: World) -> None:
    data = "\ufeffTiltak;Satsingsområde;Ansvarlig\nØkt eksport av tørrfisk;T1;KN\n".encode()
    result = import_tables(session, user=SYSTEM, tables=read_bytes(data, "opplasting.csv"))
    assert result.ok
    assert measure(session, "Økt eksport av tørrfisk").lead_actor_id == world.actors["B"].id


# --- actors by name, near misses ---------------------------------------------------------


def test_unknown_actor_is_created_and_near_miss_is_a_problem(
    session: Session, world: World, tmp_path: Path
) -> None:
    make_actor(session, "Sjømatklyngen Senja", "Sjømatklyngen", ActorKind.CLUSTER)
    session.commit()
    before = snapshot(session)
    path = write_csv(
        tmp_path / "t.csv",
        [
            HEADER,
            ["", "Nytt tiltak", "T1", "Helt Ny Aktør AS", "", "2025"],
            ["", "Sjømat", "T1", "Sjømatklynge Senja", "", "2025"],
            ["", "Sjømat 2", "T1", "SNH", "sjømatklyngen ; Sjømatklynge Senja", "2025"],
        ],
    )

    result = import_path(session, user=SYSTEM, path=path, now=NOW)

    assert not result.ok
    assert keys(result) == [
        (3, "Ansvarlig", "import.near_miss"),
        (4, "Samarbeidspartnere", "import.near_miss"),
    ]
    problem = result.problems[0]
    assert "Mente du" in problem.text("nb")
    assert "Did you mean" in problem.text("en")
    assert "sjømatklyngen senja" in problem.text("nb").casefold()
    assert snapshot(session) == before  # the new actor of row 2 is not written either

    fixed = write_csv(
        tmp_path / "fixed.csv",
        [HEADER, ["", "Nytt tiltak", "T1", "Helt Ny Aktør AS", "Sjømatklyngen", "2025"]],
    )
    result = import_path(session, user=SYSTEM, path=fixed, now=NOW)
    assert result.ok
    new = measure(session, "Nytt tiltak")
    assert actor_name(session, new.lead_actor_id) == "Helt Ny Aktør AS"
    assert set(partners(session, new)) == {"Sjømatklyngen Senja"}
    assert any(c.key == "import.change_new" and c.params["name"] == "Helt Ny Aktør AS"
               for c in result.changes)  # fmt: skip


def test_near_miss_suggests_the_real_name(session: Session, world: World, tmp_path: Path) -> None:
    make_actor(session, "Sjømatklyngen Senja", "Sjømatklyngen", ActorKind.CLUSTER)
    session.commit()
    path = write_csv(
        tmp_path / "t.csv", [HEADER, ["", "Sjømat", "T1", "Sjømatklynge Senja", "", ""]]
    )
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert "«Sjømatklyngen Senja»" in result.problems[0].text("nb")


# --- errors: every row at once, nothing written --------------------------------------------

BAD_ROWS = [
    [
        "Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Periode", "Start", "Slutt",
        "Vekt", "Status", "Fremdrift", "Vurdering",
    ],
    ["9.1", "Gyldig tiltak", "T1", "SNH", "2025", "", "", "", "", "", ""],  # 2: fine
    ["9.2", "Feil periode", "T1", "SNH", "neste år", "", "", "", "", "", ""],  # 3
    ["9.3", "Uten ansvarlig", "T1", "", "2025", "", "", "", "", "", ""],  # 4
    [""] * 11,  # 5: blank, skipped
    ["9.4", "Feil fremdrift", "T1", "SNH", "2025", "", "", "", "Pågår", "mye", ""],  # 6
    ["9.5", "Feil status", "T1", "SNH", "2025", "", "", "", "kanskje", "", ""],  # 7
    ["9.6", "Feil vurdering", "T1", "SNH", "2025", "", "", "", "Pågår", "", "blå"],  # 8
    ["9.7", "Feil vekt", "T1", "SNH", "2025", "", "", "tung", "", "", ""],  # 9
    ["9.8", "Utenfor planen", "T1", "SNH", "2030", "", "", "", "", "", ""],  # 10
    ["9.9", "Baklengs", "T1", "SNH", "", "2026", "2025", "", "", "", ""],  # 11
    ["9.1", "Dobbel kode", "T1", "SNH", "2025", "", "", "", "", "", ""],  # 12
    ["9.10", "Nesten kjent", "T1", "Klyngen Nordves", "2025", "", "", "", "", "", ""],  # 13
    ["9.11", "", "T1", "SNH", "2025", "", "", "", "", "", ""],  # 14: no title
]  # fmt: skip
BAD_EXPECTED = [
    (3, "Periode", "import.bad_period"),
    (4, "Ansvarlig", "admin.required"),
    (6, "Fremdrift", "import.bad_progress"),
    (7, "Status", "import.bad_status"),
    (8, "Vurdering", "import.bad_rag"),
    (9, "Vekt", "import.bad_weight"),
    (10, "Periode", "admin.period_outside_plan"),
    (11, "Slutt", "admin.end_before_start"),
    (12, "Kode", "import.duplicate"),
    (13, "Ansvarlig", "import.near_miss"),
    (14, "Tiltak", "admin.required"),
]


def test_every_row_error_at_once_in_both_languages(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "feil.csv", BAD_ROWS)
    before, revision = snapshot(session), data_revision(session)

    result = import_path(session, user=SYSTEM, path=path, now=NOW)

    assert not result.ok and result.changes == []
    assert keys(result) == BAD_EXPECTED
    for problem in result.problems:
        nb, en = problem.text("nb"), problem.text("en")
        assert nb.startswith(f"Rad {problem.row}, kolonne «{problem.field}»: "), nb
        assert en.startswith(f"Row {problem.row}, column “{problem.field}”: "), en
        assert nb != en
    assert result.lines("en") == [p.text("en") for p in result.problems]
    texts = "\n".join(result.lines("nb"))
    assert "«neste år»" in texts and "«kanskje»" in texts and "«tung»" in texts
    # A bad file changes nothing, not even after the caller commits.
    assert snapshot(session) == before
    session.commit()
    assert snapshot(session) == before and data_revision(session) == revision


def test_file_level_problems(session: Session, world: World, tmp_path: Path) -> None:
    missing = write_csv(tmp_path / "mangler.csv", [["Tiltak", "Periode"], ["A", "2025"]])
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(b"Tiltak;Satsingsomr\x81de;Ansvarlig\nBl\x81;T1;SNH\n")  # nor cp1252
    header_only = write_csv(tmp_path / "tom.csv", [HEADER, [""] * 6])
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    before = snapshot(session)

    expected = {
        missing: "import.missing_columns",
        latin: "import.not_utf8",
        header_only: "import.nothing",
        pdf: "import.unknown_file_type",
        broken: "import.not_xlsx",
        tmp_path / "finnes-ikke.csv": "import.not_found",
    }
    for path, key in expected.items():
        result = import_path(session, user=SYSTEM, path=path, now=NOW)
        assert not result.ok
        assert [p.key for p in result.problems] == [key], path.name
        assert result.problems[0].text("nb") != result.problems[0].text("en")
    assert snapshot(session) == before


def test_rows_with_errors_are_not_called_no_rows(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "feil.csv", [HEADER, ["", "A", "T1", "SNH", "", "aldri"]])
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert [p.key for p in result.problems] == ["import.bad_period"]


def test_bad_quarter_in_kvartal_column_has_a_message(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        [
            ["Tiltak", "Satsingsområde", "Ansvarlig", "Status", "Kvartal"],
            ["A", "T1", "SNH", "Pågår", "høst"],
            ["B", "T1", "SNH", "", ""],  # a good row: no 'import.nothing' (another bug)
        ],
    )
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert not result.ok
    assert [(p.row, p.field) for p in result.problems] == [(2, "Kvartal")]
    assert "høst" in result.problems[0].text("nb")
    assert "høst" in result.problems[0].text("en")


def test_year_zero_is_a_problem_not_a_crash(session: Session, world: World, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        [["Tiltak", "Satsingsområde", "Ansvarlig", "Periode", "Status", "Kvartal"],
         ["A", "T1", "SNH", "0000", "Pågår", "0000-Q2"]],
    )  # fmt: skip
    before = snapshot(session)
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert not result.ok
    assert snapshot(session) == before


def test_superscript_digit_code_does_not_crash(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        [
            HEADER,
            ["T1.²", "Med rar kode", "T1", "SNH", "", "2025"],
            ["", "Uten kode", "T1", "SNH", "", "2025"],
        ],
    )
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert result.ok or result.problems


def test_superscript_digit_year_does_not_crash(
    session: Session, world: World, tmp_path: Path
) -> None:
    workbook = Workbook()
    plan = workbook.active
    plan.title = "Plan"
    plan.append(["Navn", "Startår", "Sluttår"])
    plan.append(["Ny plan", "2024²", "2028"])
    measures = workbook.create_sheet("Tiltak")
    measures.append(["Tiltak", "Satsingsområde", "Ansvarlig"])
    measures.append(["A", "Tema", "SNH"])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    before = snapshot(session)
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert [(p.row, p.field, p.key) for p in result.problems] == [
        (2, "Startår", "admin.year_invalid")
    ]
    assert snapshot(session) == before


def test_generated_codes_never_collide(session: Session, world: World, tmp_path: Path) -> None:
    rows = [["", "Uten kode", "T1", "SNH", "", "2025"], ["T1.4", "Med kode", "T1", "SNH", "", ""]]
    path = write_csv(tmp_path / "t.csv", [HEADER, *rows])
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert result.ok
    codes = session.scalars(select(Measure.code)).all()
    assert len(codes) == len(set(codes)) == 6 + len(rows)


def test_generated_measure_code_fits_the_column(
    session: Session, world: World, tmp_path: Path
) -> None:
    workbook = Workbook()
    themes = workbook.active
    themes.title = "Satsingsområder"
    themes.append(["Kode", "Navn"])
    themes.append(["ABCDEFGHIJKLMNOPQRST", "Lang kode"])
    measures = workbook.create_sheet("Tiltak")
    measures.append(["Tiltak", "Satsingsområde", "Ansvarlig"])
    measures.append(["A", "Lang kode", "SNH"])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    codes = session.scalars(select(Measure.code)).all()
    assert result.ok and all(len(code) <= 20 for code in codes)


# --- dry run -----------------------------------------------------------------------------


def test_dry_run_writes_nothing_but_lists_changes(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "handlingsdel.csv", municipal_rows())
    before, revision = snapshot(session), data_revision(session)

    dry = import_path(session, user=SYSTEM, path=path, dry_run=True, now=NOW)

    assert dry.ok and dry.dry_run
    assert snapshot(session) == before
    assert data_revision(session) == revision
    lines = dry.lines("nb")
    assert "Ny: Tiltak «T1.4»" in lines
    assert "Ny: Aktør «Nordnorsk Reiseliv»" in lines
    assert any(line.startswith("Ny status for tiltak T1.4: Pågår") for line in lines)
    assert "New: Actor “Nordnorsk Reiseliv”" in dry.lines("en")

    # The same session then does the real thing, with the same changes.
    real = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert real.ok and not real.dry_run
    assert [c.text("en") for c in real.changes] == [c.text("en") for c in dry.changes]
    assert snapshot(session) != before
    assert data_revision(session) == revision + 1


def test_dry_run_of_an_unchanged_plan_has_no_changes(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        [
            [
                "Kode",
                "Tiltak",
                "Satsingsområde",
                "Ansvarlig",
                "Samarbeidspartnere",
                "Start",
                "Slutt",
            ],
            ["2.1", "Kompetanseløft i reiselivet", "T2", "IN", "KN", "2024-Q3", "2026-Q4"],
        ],
    )
    result = import_path(session, user=SYSTEM, path=path, dry_run=True, now=NOW)
    assert result.ok and result.changes == []


def test_import_never_commits(session: Session, world: World, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "handlingsdel.csv", municipal_rows())
    before = snapshot(session)
    assert import_path(session, user=SYSTEM, path=path, now=NOW).ok
    session.rollback()
    assert snapshot(session) == before


# --- status columns ------------------------------------------------------------------------

STATUS_HEADER = [
    "Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere", "Start", "Slutt",
    "Status", "Fremdrift", "Vurdering", "Kvartal", "Kommentar", "Neste steg",
]  # fmt: skip


VALID_ROW = ["8.1", "Gyldig", "T1", "SNH", "", "2025-Q1", "2025-Q4", "", "", "", "", "", ""]


def status_file(tmp_path: Path, status: list[str], *extra: list[str]) -> Path:
    row = ["2.1", "Kompetanseløft i reiselivet", "T2", "IN", "KN", "2024-Q3", "2026-Q4", *status]
    return write_csv(tmp_path / "status.csv", [STATUS_HEADER, row, *extra])


def test_status_columns_create_one_report_and_reimport_none(
    session: Session, world: World, tmp_path: Path
) -> None:
    measure_id = world.measure_id("2.1")
    path = status_file(
        tmp_path, ["Pågår", "30 %", "Risiko", "2025-Q2", "Venter på svar – søknad", "Følge opp"]
    )
    total = status_count(session)

    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()

    assert result.ok
    assert [c.key for c in result.changes] == ["import.change_status"]
    assert status_count(session) == total + 1
    (report,) = session.scalars(select(StatusUpdate).where(StatusUpdate.measure_id == measure_id))
    assert (report.period, report.status, report.progress, report.rag) == (
        "2025-Q2", Status.IN_PROGRESS, 30, Rag.YELLOW,
    )  # fmt: skip
    assert (report.comment, report.next_steps) == ("Venter på svar – søknad", "Følge opp")
    assert report.reported_at == NOW
    assert report.reported_by_user_id is None  # the command line's SYSTEM user

    revision = data_revision(session)
    again = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()
    assert again.ok and again.changes == []
    assert status_count(session) == total + 1
    assert data_revision(session) == revision

    # The same status written in English and in codes is still the same status.
    same = status_file(
        tmp_path, ["in_progress", "0,3", "at risk", "", "Venter på svar – søknad", "Følge opp"]
    )
    assert import_path(session, user=SYSTEM, path=same, now=NOW).changes == []

    # A different one is a new report.
    changed = status_file(tmp_path, ["Fullført", "", "I rute", "2025-Q2", "", ""])
    result = import_path(session, user=SYSTEM, path=changed, now=NOW)
    assert [c.key for c in result.changes] == ["import.change_status"]
    assert status_count(session, measure_id) == 2
    latest = session.scalars(
        select(StatusUpdate).where(StatusUpdate.measure_id == measure_id).order_by(StatusUpdate.id)
    ).all()[-1]
    assert (latest.status, latest.progress) == (Status.COMPLETED, 100)  # completed is 100


def test_status_for_a_closed_or_future_quarter_is_refused(
    session: Session, world: World, tmp_path: Path
) -> None:
    close_quarter(session, user=SYSTEM, plan_id=world.plan.id, period=Quarter(2025, 1), now=NOW)
    session.commit()
    before = snapshot(session)
    rows = [
        STATUS_HEADER,
        ["2.1", "Kompetanseløft i reiselivet", "T2", "IN", "KN", "2024-Q3", "2026-Q4",
         "Pågår", "10", "", "2025-Q1", "", ""],
        ["2.2", "Rekruttering til havbruk – «Blå økonomi»", "T2", "KN", "", "2026-Q1", "2028-Q4",
         "Pågår", "10", "", "2026-Q1", "", ""],
        VALID_ROW,
    ]  # fmt: skip
    result = import_path(session, user=SYSTEM, path=write_csv(tmp_path / "s.csv", rows), now=NOW)
    assert keys(result) == [
        (2, "Kvartal", "report.period_closed"),
        (3, "Kvartal", "report.period_in_future"),
    ]
    assert snapshot(session) == before


def test_status_fields_without_status_is_a_problem(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = status_file(tmp_path, ["", "50", "", "", "", ""], VALID_ROW)
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert keys(result) == [(2, "Status", "import.status_missing")]


def test_a_comment_without_a_status_is_a_notice_and_the_row_imports(
    session: Session, world: World, tmp_path: Path
) -> None:
    """A «Merknad» on a row whose status is blank is common in kept spreadsheets: the
    measure is imported, the comment is not (it is stored with a status), and says so."""
    path = status_file(tmp_path, ["", "", "", "", "Avventer budsjett", ""], VALID_ROW)
    total = status_count(session)
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    session.commit()
    assert result.ok, [p.text("en") for p in result.problems]
    assert status_count(session) == total
    said = [(n.row, n.field, n.key) for n in result.notices if n.key.startswith("import.comment")]
    assert said == [(2, "Kommentar", "import.comment_without_status")]


def test_a_comment_column_in_a_file_without_a_status_column_is_one_notice(
    session: Session, world: World, tmp_path: Path
) -> None:
    rows = [["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Periode", "Merknad"],
            ["8.1", "Gyldig", "T1", "SNH", "2025", "Avventer budsjett"],
            ["8.2", "Også gyldig", "T1", "SNH", "2025", "Se sak 12/25"]]  # fmt: skip
    total = status_count(session)
    result = import_path(session, user=SYSTEM, path=write_csv(tmp_path / "m.csv", rows), now=NOW)
    session.commit()
    assert result.ok, [p.text("en") for p in result.problems]
    assert status_count(session) == total
    said = [n for n in result.notices if n.key.startswith("import.comment")]
    assert [(n.key, n.params["column"]) for n in said] == [
        ("import.comments_without_status_column", "Merknad")
    ]


def test_a_status_on_a_measure_not_begun_is_not_a_report_and_the_row_imports(
    session: Session, world: World, tmp_path: Path
) -> None:
    """A kept plan marks later measures «Ikke startet»: that is no report (the measure
    counts from its start), and the import goes on. Another status before the start
    cannot be a report either (the service refuses a quarter outside the span): the
    measure is imported and the status is said not to be."""
    later = ["8.2", "Senere tiltak", "T1", "SNH", "", "2026-Q2", "2027-Q4"]
    eager = ["8.3", "Ivrig tiltak", "T1", "SNH", "", "2026-Q1", "2027-Q4"]
    rows = [
        STATUS_HEADER,
        [*later, "Ikke startet", "", "", "", "", ""],
        [*eager, "Pågår", "10", "", "", "Forarbeid", ""],
    ]
    total = status_count(session)
    result = import_path(session, user=SYSTEM, path=write_csv(tmp_path / "l.csv", rows), now=NOW)
    session.commit()
    assert result.ok, [p.text("en") for p in result.problems]
    assert status_count(session) == total
    said = [(n.key, n.row) for n in result.notices if "begun" in n.key]
    assert said == [("import.status_not_begun", 3), ("import.not_started_not_begun", None)]
    assert {m.title for m in session.scalars(select(Measure))} >= {"Senere tiltak", "Ivrig tiltak"}


def test_a_status_for_a_written_future_quarter_is_still_refused(
    session: Session, world: World, tmp_path: Path
) -> None:
    path = status_file(tmp_path, ["Pågår", "", "", "2026-Q3", "", ""])
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert [p.key for p in result.problems] == ["report.period_in_future"]


# --- permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["leader", "actor_a"])
def test_only_admin_may_import(session: Session, world: World, tmp_path: Path, who: str) -> None:
    path = write_csv(tmp_path / "handlingsdel.csv", municipal_rows())
    before = snapshot(session)
    with pytest.raises(PermissionDenied) as raised:
        import_path(session, user=world.principals[who], path=path, now=NOW)
    assert raised.value.problems[0].key == "perm.admin_only"
    assert snapshot(session) == before


def test_admin_user_may_import(session: Session, world: World, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "handlingsdel.csv", municipal_rows())
    result = import_path(session, user=world.principals["admin"], path=path, now=NOW)
    assert result.ok
    assert session.scalar(select(func.count(Theme.id))) == 2  # no theme invented
