"""Reading the action-plan spreadsheets municipalities keep (tracker/planfile/read.py,
layout.py, blocks.py): any sheet name, the header row anywhere in the top rows, the
header words they use, themes as group header rows, notes under the table, number
formats of codes, and the user's own choice of sheet and column meaning. Each
spreadsheet is built here the way a municipality lays it out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from sqlalchemy.orm import Session

from tests.data.make_spreadsheets import BUILDERS, handlingsdel_grupper
from tracker import i18n
from tracker.cleaning import clean_text
from tracker.cli import main
from tracker.planfile import sheets
from tracker.planfile.importer import import_path
from tracker.planfile.read import Layout, Tables, read_bytes, read_path
from tracker.service.principal import SYSTEM

DATA = Path(__file__).parent / "data"
HEADER = ["Nr.", "Tiltak", "Ansvar", "Samarbeidspartnere", "Tidsperiode", "Status"]


def xlsx(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def one_sheet(title: str, rows: list[list[object]]) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return workbook


def measures(tables: Tables) -> list[tuple[int, dict[str, str]]]:
    assert not tables.problems, [p.text("en") for p in tables.problems]
    return tables.tables["measures"].rows


def notice_keys(tables: Tables) -> list[str]:
    return [n.key for n in tables.notices]


# --- 1. any sheet name ------------------------------------------------------------------


def test_a_sheet_with_any_name_is_read_by_its_header_row() -> None:
    workbook = one_sheet(
        "Handlingsdel 2024-2028",
        [HEADER, ["1.1", "Næringsvennlig kommune", "Senja kommune", "", "2024", "Pågår"]],
    )
    notes = workbook.create_sheet("Ark2")
    notes.append(["Notater fra møtet i mars"])

    tables = read_bytes(xlsx(workbook), "plan.xlsx")

    ((row, values),) = measures(tables)
    assert (row, values["title"], values["lead"]) == (2, "Næringsvennlig kommune", "Senja kommune")
    assert [layout.sheet for layout in tables.layouts] == ["Handlingsdel 2024-2028"]
    assert tables.layouts[0].candidates == ["Handlingsdel 2024-2028"]
    assert notice_keys(tables) == ["import.unknown_sheet"]


def test_several_sheets_that_could_hold_measures_read_the_first_and_say_so() -> None:
    workbook = one_sheet("Handlingsdel 2024", [HEADER, ["1.1", "Først", "Senja kommune"]])
    second = workbook.create_sheet("Handlingsdel 2025")
    second.append(HEADER)
    second.append(["1.1", "Andre", "Senja kommune"])

    tables = read_bytes(xlsx(workbook), "plan.xlsx")

    assert [v["title"] for _, v in measures(tables)] == ["Først"]
    assert tables.layouts[0].candidates == ["Handlingsdel 2024", "Handlingsdel 2025"]
    (chosen,) = [n for n in tables.notices if n.key == "import.sheet_chosen"]
    assert "Handlingsdel 2024" in chosen.text("nb") and "Handlingsdel 2025" in chosen.text("en")

    picked = read_bytes(xlsx(workbook), "plan.xlsx", sheet="Handlingsdel 2025")
    assert [v["title"] for _, v in measures(picked)] == ["Andre"]
    assert picked.layouts[0].sheet == "Handlingsdel 2025"


def test_an_unknown_sheet_choice_lists_the_sheets() -> None:
    workbook = one_sheet("Handlingsdel", [HEADER, ["1.1", "Først", "Senja kommune"]])
    tables = read_bytes(xlsx(workbook), "plan.xlsx", sheet="Ark9")
    assert [p.key for p in tables.problems] == ["import.no_such_sheet"]
    assert "Handlingsdel" in tables.problems[0].text("nb")
    assert tables.problems[0].text("nb") != tables.problems[0].text("en")


def test_the_exports_own_sheet_names_keep_working() -> None:
    workbook = one_sheet("Aktører", [["Navn", "Kortnavn"], ["Senja kommune", "SK"]])
    measures_sheet = workbook.create_sheet("Tiltak")
    measures_sheet.append(["Kode", "Tiltak", "Satsingsområde", "Ansvarlig"])
    measures_sheet.append(["1.1", "Først", "1", "Senja kommune"])

    tables = read_bytes(xlsx(workbook), "plan.xlsx")

    assert [v["title"] for _, v in measures(tables)] == ["Først"]
    assert tables.tables["actors"].rows[0][1]["name"] == "Senja kommune"
    assert not notice_keys(tables)
    assert [(layout.sheet, layout.table) for layout in tables.layouts] == [
        ("Aktører", "actors"),
        ("Tiltak", "measures"),
    ]


# --- 2. the header row anywhere ---------------------------------------------------------


def test_the_header_row_below_titles_blank_rows_and_notes() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Strategisk næringsplan for Senja kommune 2024–2028"],
            ["Handlingsdel"],
            [],
            ["Vedtatt i kommunestyret 14.03.2024, sak 12/24. Tiltak merket * er prioritert."],
            [],
            ["Tiltak"],  # a title word alone is not the header
            HEADER,
            ["1.1", "Næringsvennlig kommune", "Senja kommune"],
        ],
    )
    workbook.active.merge_cells("A1:F1")

    tables = read_bytes(xlsx(workbook), "plan.xlsx")

    ((row, values),) = measures(tables)
    assert row == 8 and values["code"] == "1.1"
    assert tables.layouts[0].header_row == 7


def test_the_header_row_may_be_far_down() -> None:
    rows: list[list[object]] = [[f"Innledning, avsnitt {n}"] for n in range(25)]
    workbook = one_sheet("Ark1", [*rows, HEADER, ["1.1", "Sent", "Senja kommune"]])
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    ((row, _),) = measures(tables)
    assert row == 27 and tables.layouts[0].header_row == 26


# --- 3. header words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nr.", "code"),
        ("Nummer", "code"),
        ("Tiltak nr.", "code"),
        ("TILTAK NR:", "code"),
        ("Tiltak\nnr.", "code"),
        ("Aktivitet", "title"),
        ("Tiltak/aktivitet", "title"),
        ("Beskrivelse", "description"),
        ("Hovedansvar", "lead"),
        ("Ansvarlig:", "lead"),
        ("Ansvar\u00a0", "lead"),
        ("Partnere", "partners"),
        ("Involverte", "partners"),
        ("Samarbeids-\npartnere", "partners"),
        ("Oppstart", "start"),
        ("Start", "start"),
        ("Ferdig", "end"),
        ("Slutt", "end"),
        ("Frist", "end"),
        ("Tidsperiode", "period"),
        ("Periode", "period"),
        ("status", "status"),
        ("Kommentar", "comment"),
        ("Merknad.", "comment"),
    ],
)
def test_header_words_municipalities_use(header: str, key: str) -> None:
    base = {"code": "Nr.", "title": "Tiltak", "lead": "Ansvar"}
    headers = [header if k == key else h for k, h in base.items()]
    cells = ["v" if k == key else "x" for k in base]
    if key not in base:
        headers, cells = [*headers, header], [*cells, "v"]
    tables = read_bytes(xlsx(one_sheet("Ark1", [headers, cells])), "plan.xlsx")
    ((_, values),) = measures(tables)
    assert values[key] == "v"


def test_tiltak_is_the_title_and_tiltak_nr_the_code() -> None:
    workbook = one_sheet("Ark1", [["Tiltak nr.", "Tiltak", "Ansvarlig"], ["2.1", "Sti", "SK"]])
    ((_, values),) = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert values == {"code": "2.1", "title": "Sti", "lead": "SK"}


def test_a_missing_theme_column_is_not_refused_but_a_missing_lead_is() -> None:
    ok = read_bytes(xlsx(one_sheet("Ark1", [["Tiltak", "Ansvar"], ["A", "SK"]])), "p.xlsx")
    assert measures(ok) == [(2, {"title": "A", "lead": "SK"})]

    refused = read_bytes("Tiltak;Status\nA;Pågår\n".encode(), "p.csv")
    assert [p.key for p in refused.problems] == ["import.missing_columns"]
    text = refused.problems[0].text("nb")
    assert "Ansvarlig" in text and "Satsingsområde" not in text


# --- 4. themes as group header rows -------------------------------------------------------


def test_group_header_rows_give_the_theme_of_the_rows_below() -> None:
    tables = read_bytes(xlsx(handlingsdel_grupper()), "handlingsdel.xlsx")

    rows = measures(tables)
    assert [(v["code"], v["theme"]) for _, v in rows] == [
        ("1.1", "Satsingsområde 1: Attraktiv – Næringsvennlig kommune"),
        ("1.2", "Satsingsområde 1: Attraktiv – Næringsvennlig kommune"),
        ("2.1", "2 Reiseliv og opplevelser"),
        ("3.1", "3. Nyskapende næringsliv"),
        ("3.2", "3. Nyskapende næringsliv"),
    ]
    assert tables.layouts[0].theme_rows
    assert [n.row for n in tables.notices if n.key == "import.note_row"] == [14]


def test_a_group_row_as_number_and_name_in_two_cells() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar"],
            [3, "Nyskapende næringsliv"],
            ["3.1", "Gründerhus", "Kunnskapsparken"],
            ["Satsingsområde 4:", "Grønn omstilling"],
            ["4.1", "Ladepunkter", "Senja kommune"],
            ["4.2", "Uten ansvarlig"],  # a measure's number is no theme's: an error later
            ["4.3", "Havvind", "Senja kommune"],
        ],
    )
    rows = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert [(v["code"], v["theme"]) for _, v in rows] == [
        ("3.1", "3 Nyskapende næringsliv"),
        ("4.1", "Satsingsområde 4: Grønn omstilling"),
        ("4.2", "Satsingsområde 4: Grønn omstilling"),
        ("4.3", "Satsingsområde 4: Grønn omstilling"),
    ]


def test_a_theme_column_is_kept_and_no_group_rows_are_looked_for() -> None:
    workbook = one_sheet(
        "Ark1",
        [["Tiltak", "Satsingsområde", "Ansvar"], ["A", "1", "SK"], ["B", "2", "SK"]],
    )
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert [v["theme"] for _, v in measures(tables)] == ["1", "2"]
    assert not tables.layouts[0].theme_rows


# --- 5. blank rows and notes --------------------------------------------------------------


def test_blank_rows_inside_and_notes_under_the_table() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            HEADER,
            ["1.1", "A", "SK"],
            [],
            [None, None, None],
            ["1.2", "B", "SK"],
            [],
            ["* Tiltak merket med stjerne er prioritert av kommunestyret i 2024 og 2025."],
            ["Sist oppdatert 12.03.2025"],
        ],
    )
    tables = read_bytes(xlsx(workbook), "plan.xlsx")

    assert [(row, v["code"]) for row, v in measures(tables)] == [(2, "1.1"), (5, "1.2")]
    notes = [n for n in tables.notices if n.key == "import.note_row"]
    assert [n.row for n in notes] == [7, 8]
    assert "Sist oppdatert" in notes[1].text("nb")
    assert "8" in notes[1].text("en") and notes[1].text("nb") != notes[1].text("en")
    assert len(notes[0].params["text"]) <= 43  # the start of the text


# --- 6. spaces ----------------------------------------------------------------------------


def test_non_breaking_and_trailing_spaces_in_cells_and_headers() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Tiltak\u00a0", " Ansvar ", "Samarbeids\u00adpartnere"],
            ["Blå\u00a0vekst  ", "\u00a0Senja\u00a0kommune\u00a0", "NAV\u202fSenja"],
        ],
    )
    ((_, values),) = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert values == {"title": "Blå vekst", "lead": "Senja kommune", "partners": "NAV Senja"}


# --- 7. measure numbers --------------------------------------------------------------------


def test_measure_numbers_follow_the_cells_number_format() -> None:
    workbook = one_sheet(
        "Ark1",
        [["Nr.", "Tiltak", "Ansvar"], [3.1, "A", "SK"], [3.1, "B", "SK"], ["3.10", "C", "SK"]],
    )
    workbook.active["A2"].number_format = "0.00"
    workbook.active.append([3, "D", "SK"])
    workbook.active.append([None, "Uten nummer", "SK"])
    rows = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert [v.get("code") for _, v in rows] == ["3.10", "3.1", "3.10", "3", ""]


# --- 8. the user's choices -----------------------------------------------------------------


def test_a_column_can_be_given_a_meaning_or_ignored() -> None:
    workbook = one_sheet(
        "Ark1",
        [["Tiltak", "Ansvar", "Kontaktperson"], ["A", "Ola Nordmann", "Senja kommune"]],
    )
    tables = read_bytes(
        xlsx(workbook), "plan.xlsx", columns={"Kontaktperson": "lead", "ansvar": ""}
    )
    ((_, values),) = measures(tables)
    assert values == {"title": "A", "lead": "Senja kommune"}
    assert tables.layouts[0].columns == [
        ("Tiltak", "title"),
        ("Ansvar", None),
        ("Kontaktperson", "lead"),
    ]
    assert "import.column_ignored" not in notice_keys(tables)


@pytest.mark.parametrize(
    ("columns", "key", "named"),
    [
        ({"Ansvar": "ansvarlig"}, "import.unknown_field", "lead"),
        ({"Budsjett": "budget"}, "import.no_such_column", "Ansvar"),
    ],
)
def test_a_wrong_column_choice_lists_the_choices(
    columns: dict[str, str], key: str, named: str
) -> None:
    workbook = one_sheet("Ark1", [["Tiltak", "Ansvar"], ["A", "SK"]])
    tables = read_bytes(xlsx(workbook), "plan.xlsx", columns=columns)
    assert [p.key for p in tables.problems] == [key]
    assert named in tables.problems[0].text("nb")
    assert tables.problems[0].text("nb") != tables.problems[0].text("en")


def test_field_keys_have_labels() -> None:
    assert set(sheets.FIELD_KEYS) == {c.key for c in sheets.MEASURES.columns}
    labels = {i18n.t(f"importfield.{key}", "nb") for key in sheets.FIELD_KEYS}
    assert len(labels) == len(sheets.FIELD_KEYS)  # no two fields look the same
    assert i18n.t("importfield.lead", "en") == "Lead"


# --- 9. the layout -------------------------------------------------------------------------


def test_the_layout_says_how_the_file_was_read() -> None:
    tables = read_bytes(xlsx(handlingsdel_grupper()), "handlingsdel.xlsx")
    (layout,) = tables.layouts
    assert isinstance(layout, Layout)
    assert (layout.sheet, layout.header_row) == ("Handlingsdel 2024-2028", 4)
    assert layout.columns[:3] == [
        ("Nr.", "code"),
        ("Tiltak", "title"),
        ("Beskrivelse", "description"),
    ]
    assert ("Prioritet", None) in layout.columns
    assert [row for row, _ in layout.first_rows] == [6, 7, 9, 11, 12]
    assert layout.first_rows[2][1]["theme"] == "2 Reiseliv og opplevelser"


def test_a_csv_file_has_a_layout_too() -> None:
    tables = read_bytes(b"Tittel\n\nTiltak;Ansvar\nA;SK\n", "plan.csv")
    (layout,) = tables.layouts
    assert (layout.sheet, layout.header_row, layout.columns) == (
        "plan.csv",
        3,
        [("Tiltak", "title"), ("Ansvar", "lead")],
    )


# --- the files kept in tests/data -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_kept_files_are_those_the_script_makes(name: str) -> None:
    kept = read_path(DATA / name)
    made = read_bytes(xlsx(BUILDERS[name]()), name)
    assert measures(kept) == measures(made)
    assert kept.layouts == made.layouts


def test_a_kept_file_from_the_path() -> None:
    tables = read_path(DATA / "handlingsdel_grupper.xlsx", sheet="Handlingsdel 2024-2028")
    assert len(measures(tables)) == 5


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    assert CliRunner().invoke(main, ["init"]).exit_code == 0
    return path


def test_the_dry_run_shows_how_the_file_was_read(database: Path) -> None:
    result = CliRunner().invoke(
        main, ["import", str(DATA / "handlingsdel_grupper.xlsx"), "--dry-run"]
    )
    lines = result.stdout.splitlines()
    assert "«Handlingsdel 2024-2028»" in lines[0] and "4" in lines[0]
    assert "  Nr. → Nummer" in lines
    assert "  Prioritet → ignorert" in lines


def test_the_cli_takes_a_sheet_and_column_meanings(database: Path, tmp_path: Path) -> None:
    workbook = one_sheet("Ark1", [["Tiltak", "Ansvar", "Kontakt"], ["A", "SK", "Ola"]])
    workbook.create_sheet("Ark2").append(["Aktivitet", "Hovedansvar"])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    args = ["--lang", "en", "import", str(path), "--dry-run", "--sheet", "Ark1"]

    result = CliRunner().invoke(main, [*args, "--column", "Ansvar=", "--column", "Kontakt=lead"])

    lines = result.stdout.splitlines()
    assert "  Ansvar → ignored" in lines and "  Kontakt → Lead" in lines

    wrong = CliRunner().invoke(main, [*args, "--column", "Ansvar"])
    assert wrong.exit_code != 0
    assert "Ansvar" in wrong.stderr and "Traceback" not in wrong.output


def test_a_front_page_and_two_plan_sheets() -> None:
    tables = read_path(DATA / "handlingsdel_flere_ark.xlsx")
    rows = measures(tables)
    assert [(v["code"], v["theme"], v["start"]) for _, v in rows] == [
        ("1.1", "1 Attraktiv", "2025-Q1"),
        ("3.10", "3 Nyskapende", "2025-Q2"),
    ]
    (layout,) = tables.layouts
    assert layout.candidates == ["Handlingsplan 2025", "Handlingsplan 2024 (gammel)"]
    assert (layout.sheet, layout.header_row) == ("Handlingsplan 2025", 3)
    assert notice_keys(tables) == ["import.sheet_chosen", "import.unknown_sheet"]


def test_chosen_meanings_find_a_header_of_unknown_words() -> None:
    workbook = one_sheet("Ark1", [["Oversikt"], ["Hva", "Hvem", "Når"], ["Sti", "SK", "2025"]])
    data = xlsx(workbook)
    assert [p.key for p in read_bytes(data, "plan.xlsx").problems] == ["import.no_header"]

    chosen = {"Hva": "title", "Hvem": "lead", "Når": "period"}
    tables = read_bytes(data, "plan.xlsx", columns=chosen)
    assert measures(tables) == [(3, {"title": "Sti", "lead": "SK", "period": "2025"})]
    assert tables.layouts[0].header_row == 2


def test_a_header_of_two_rows() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar", "Tidsperiode", None, "Status"],
            [None, None, None, "Start", "Slutt"],
            ["1.1", "Sti", "SK", "2025", "2026", "Pågår"],
        ],
    )
    workbook.active.merge_cells("D1:E1")
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    ((row, values),) = measures(tables)
    assert row == 3 and (values["start"], values["end"]) == ("2025", "2026")
    assert tables.layouts[0].header_row == 1
    assert [key for _, key in tables.layouts[0].columns] == [
        "code", "title", "lead", "start", "end", "status",
    ]  # fmt: skip


def test_a_row_of_header_words_under_a_full_header_is_a_measure() -> None:
    workbook = one_sheet("Tiltak", [["Kode", "Tiltak", "Ansvarlig"], ["Nr", "Status", "Ansvar"]])
    ((row, values),) = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert (row, values) == (2, {"code": "Nr", "title": "Status", "lead": "Ansvar"})


def test_a_no_break_space_is_a_space_where_the_services_store_text_too() -> None:
    # one rule for the file and the forms: what export writes, import reads back as is
    assert clean_text("Senja\u00a0kommune\u202f") == "Senja kommune"
    workbook = one_sheet("Ark1", [["Tiltak", "Ansvar"], [clean_text("Blå\u00a0vekst"), "SK"]])
    ((_, values),) = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert values["title"] == clean_text("Blå\u00a0vekst")


def test_a_sheet_near_a_measure_table_says_what_it_lacks() -> None:
    workbook = one_sheet("Forside", [["Næringsplan"]])
    workbook.create_sheet("Handlingsdel 2025").append(["Tiltak", "Status", "Kommentar"])
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert [p.key for p in tables.problems] == ["import.missing_columns"]
    assert "Handlingsdel 2025" in tables.problems[0].text("nb")


# --- second round: what a reviewer and a new user found --------------------------------------


def group_rows(tables: Tables) -> list[tuple[int | None, str]]:
    return [(n.row, n.params["text"]) for n in tables.notices if n.key == "import.group_row"]


def test_a_measure_without_a_lead_is_not_taken_as_a_theme() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar", "Periode"],
            ["1 Reiseliv"],
            ["1.1", "Bærekraftig reisemål", "Næringsavdelingen", "2024-2025"],
            ["2", "Kartlegge behov"],  # no lead: a measure, its error comes later
            ["1.3", "Vinterturisme", "Næringsavdelingen", "2025"],
        ],
    )
    tables = read_bytes(xlsx(workbook), "plan.xlsx")

    rows = measures(tables)
    assert [(v["code"], v["title"], v["theme"]) for _, v in rows] == [
        ("1.1", "Bærekraftig reisemål", "1 Reiseliv"),
        ("2", "Kartlegge behov", "1 Reiseliv"),
        ("1.3", "Vinterturisme", "1 Reiseliv"),
    ]
    assert "lead" not in rows[1][1] or not rows[1][1]["lead"]
    assert group_rows(tables) == [(2, "1 Reiseliv")]


def test_a_number_and_name_is_a_theme_only_when_the_codes_below_say_so() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar"],
            ["2", "Reiseliv"],
            ["2.1", "Helårsturisme", "Visit Senja"],
            ["3", "Næringsarealer"],  # 3.x do not follow: a measure missing its lead
            ["2.2", "Vinterturisme", "Visit Senja"],
            ["4", "Nyskapende"],
            [None, "Gründerhus", "Kunnskapsparken"],  # no codes: the theme stands
        ],
    )
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert [(v.get("code"), v["theme"]) for _, v in measures(tables)] == [
        ("2.1", "2 Reiseliv"),
        ("3", "2 Reiseliv"),
        ("2.2", "2 Reiseliv"),
        ("", "4 Nyskapende"),
    ]
    assert group_rows(tables) == [(2, "2 Reiseliv"), (6, "4 Nyskapende")]


def test_a_lone_text_in_the_title_column_is_a_measure_unless_merged_across() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar"],
            ["Reiseliv"],  # first column: a theme
            ["1.1", "Helårsturisme", "Visit Senja"],
            [None, "Kartlegge behov"],  # the title column alone: a measure
            [None, "Nyskapende"],  # the title column, merged across: a theme
            ["2.1", "Gründerhus", "Kunnskapsparken"],
        ],
    )
    workbook.active.merge_cells("B5:C5")
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert [(v["title"], v["theme"]) for _, v in measures(tables)] == [
        ("Helårsturisme", "Reiseliv"),
        ("Kartlegge behov", "Reiseliv"),
        ("Gründerhus", "Nyskapende"),
    ]
    assert group_rows(tables) == [(2, "Reiseliv"), (5, "Nyskapende")]


def test_a_group_row_is_said_in_both_languages() -> None:
    tables = read_bytes(xlsx(handlingsdel_grupper()), "handlingsdel.xlsx")
    assert [row for row, _ in group_rows(tables)] == [5, 8, 10]
    notice = next(n for n in tables.notices if n.key == "import.group_row")
    nb, en = notice.text("nb"), notice.text("en")
    assert "Rad 5" in nb and "satsingsområde" in nb and "Satsingsområde 1: Attraktiv" in nb
    assert "Row 5" in en and "theme" in en and nb != en


def test_cells_merged_down_a_block_are_filled_in() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar", "Satsingsområde"],
            ["1.1", "Helårsturisme", "Visit Senja", "1 Reiseliv"],
            ["1.2", "Vinterturisme", None, None],
            ["1.3", "Sjømat", None, None],
            ["2.1", "Gründerhus", "Kunnskapsparken", "2 Nyskapende"],
            ["2.2", "Havbruk", "Senja kommune", None],
        ],
    )
    for cells in ("C2:C4", "D2:D4", "D5:D6"):
        workbook.active.merge_cells(cells)
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert [(v["code"], v["lead"], v["theme"]) for _, v in measures(tables)] == [
        ("1.1", "Visit Senja", "1 Reiseliv"),
        ("1.2", "Visit Senja", "1 Reiseliv"),
        ("1.3", "Visit Senja", "1 Reiseliv"),
        ("2.1", "Kunnskapsparken", "2 Nyskapende"),
        ("2.2", "Senja kommune", "2 Nyskapende"),
    ]


def test_a_merged_header_is_not_filled_into_the_rows() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            ["Nr.", "Tiltak", "Ansvar", "Tidsperiode", None],
            [None, None, None, "Start", "Slutt"],
            ["1.1", "Sti", "SK", "2025", "2026"],
        ],
    )
    workbook.active.merge_cells("D1:E1")
    workbook.active.merge_cells("A1:A2")
    ((row, values),) = measures(read_bytes(xlsx(workbook), "plan.xlsx"))
    assert row == 3 and values == {
        "code": "1.1", "title": "Sti", "lead": "SK", "start": "2025", "end": "2026",
    }  # fmt: skip


def test_blank_rows_inside_the_table_are_said_once() -> None:
    workbook = one_sheet(
        "Ark1",
        [
            HEADER,
            ["1.1", "A", "SK"],
            [],
            [None, None, None],
            ["1.2", "B", "SK"],
            [],
            ["1.3", "C", "SK"],
            [],
            ["Sist oppdatert 12.03.2025"],
            [],
            [],
        ],
    )
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    (blank,) = [n for n in tables.notices if n.key == "import.blank_rows"]
    assert blank.params["rows"] == "3–4, 6"
    assert "3–4, 6" in blank.text("nb") and blank.text("nb") != blank.text("en")


def test_no_blank_rows_no_notice() -> None:
    workbook = one_sheet("Ark1", [HEADER, ["1.1", "A", "SK"], [], []])
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert "import.blank_rows" not in notice_keys(tables)


def test_the_title_rows_above_the_header() -> None:
    (layout,) = read_bytes(xlsx(handlingsdel_grupper()), "handlingsdel.xlsx").layouts
    assert layout.title_rows == [
        "Strategisk næringsplan for Senja kommune 2024–2028",
        "Handlingsdel",
    ]

    csv = b"Handlingsplan;2024-2028\n;\nTiltak;Ansvar\nA;SK\n"
    (layout,) = read_bytes(csv, "plan.csv").layouts
    assert layout.title_rows == ["Handlingsplan 2024-2028"]

    (layout,) = read_bytes(b"Tiltak;Ansvar\nA;SK\n", "plan.csv").layouts
    assert layout.title_rows == []


def test_a_csv_file_saved_by_norwegian_excel_is_read_as_cp1252() -> None:
    data = "Tiltak;Ansvarlig;Samarbeidspartnere\nBlå skog;Næringshagen;Kårøy\n".encode("cp1252")
    tables = read_bytes(data, "plan.csv")
    assert measures(tables) == [
        (2, {"title": "Blå skog", "lead": "Næringshagen", "partners": "Kårøy"})
    ]
    (notice,) = [n for n in tables.notices if n.key == "import.read_as_cp1252"]
    assert "plan.csv" in notice.text("nb") and notice.text("nb") != notice.text("en")

    neither = read_bytes(b"Tiltak;Ansvarlig\nBl\x81;SK\n", "plan.csv")
    assert [p.key for p in neither.problems] == ["import.not_utf8"]


def test_a_kept_file_with_merged_cells_and_measures_missing_their_lead() -> None:
    tables = read_path(DATA / "handlingsdel_flettet.xlsx")
    assert [(row, v.get("code"), v.get("lead"), v["theme"]) for row, v in measures(tables)] == [
        (5, "1.1", "Næringsavdelingen", "1 Reiseliv"),
        (6, "1.2", "Næringsavdelingen", "1 Reiseliv"),
        (7, "2", "", "1 Reiseliv"),
        (8, "1.3", "Visit Senja", "1 Reiseliv"),
        (11, "2.1", "Kunnskapsparken", "2 Nyskapende"),
        (12, "", None, "2 Nyskapende"),
    ]
    assert [(n.key, n.row) for n in tables.notices] == [
        ("import.group_row", 4),
        ("import.group_row", 10),
        ("import.note_row", 14),
        ("import.blank_rows", None),
    ]
    assert tables.notices[-1].params["rows"] == "9"
    assert tables.layouts[0].title_rows == ["Handlingsplan for næringsutvikling 2024-2028"]


def test_merges_read_beside_the_read_only_reader_are_those_openpyxl_knows() -> None:
    from openpyxl import load_workbook

    from tracker.planfile.merges import read_merges

    data = (DATA / "handlingsdel_flettet.xlsx").read_bytes()
    full = load_workbook(io.BytesIO(data)).active
    quick = load_workbook(io.BytesIO(data), read_only=True).active
    expected = {tuple(r.bounds) for r in full.merged_cells.ranges}
    assert set(read_merges(quick).ranges) == expected and len(expected) == 4


def test_the_import_result_carries_the_title_rows(session: Session) -> None:
    result = import_path(
        session,
        user=SYSTEM,
        path=DATA / "handlingsdel_flettet.xlsx",
        plan="Strategisk næringsplan for Senja kommune",
        period="2024-2028",
        dry_run=True,
    )
    (layout,) = result.layouts
    assert layout.title_rows == ["Handlingsplan for næringsutvikling 2024-2028"]
    assert "import.group_row" in [n.key for n in result.notices]


def test_the_second_row_of_a_group_row_merged_two_high_is_no_blank_row() -> None:
    workbook = one_sheet(
        "Ark1",
        [HEADER, ["1 Reiseliv"], [], ["1.1", "A", "SK"], [], ["1.2", "B", "SK"]],
    )
    workbook.active.merge_cells("A2:F3")
    tables = read_bytes(xlsx(workbook), "plan.xlsx")
    assert [(v["code"], v["theme"]) for _, v in measures(tables)] == [
        ("1.1", "1 Reiseliv"),
        ("1.2", "1 Reiseliv"),
    ]
    (blank,) = [n for n in tables.notices if n.key == "import.blank_rows"]
    assert blank.params["rows"] == "5"
