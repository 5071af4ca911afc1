"""Unit tests of the importer's cell parsers (tracker/importers/values.py) and of
file reading and header matching (tracker/importers/read.py). No database."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from tracker import planfile
from tracker.importers.read import (
    MAX_FILE_BYTES,
    cell_text,
    normalise,
    read_bytes,
    sheet_for_name,
)
from tracker.importers.values import (
    parse_bound,
    parse_period,
    parse_progress,
    parse_rag,
    parse_status,
    parse_weight,
    parse_yes,
    split_list,
)
from tracker.quarters import Quarter
from tracker.vocab import Rag, Status

Q = Quarter.parse
PLAN = (2024, 2028)


# --- periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", "2024-Q1", "2024-Q4"),
        (" 2026 ", "2026-Q1", "2026-Q4"),
        ("2024–2026", "2024-Q1", "2026-Q4"),  # en dash, as Word and Excel write it
        ("2024 – 2026", "2024-Q1", "2026-Q4"),
        ("2024—2026", "2024-Q1", "2026-Q4"),  # em dash
        ("2024-2026", "2024-Q1", "2026-Q4"),
        ("2024 - 2026", "2024-Q1", "2026-Q4"),
        ("2024/2025", "2024-Q1", "2025-Q4"),
        ("2024 til 2026", "2024-Q1", "2026-Q4"),
        ("2025-Q2", "2025-Q2", "2025-Q2"),
        ("2025-q2", "2025-Q2", "2025-Q2"),
        ("2025Q2", "2025-Q2", "2025-Q2"),
        ("2025-K3", "2025-Q3", "2025-Q3"),  # K for kvartal
        ("2025-Q2–2026-Q1", "2025-Q2", "2026-Q1"),
        ("2025-Q2 - 2026-Q1", "2025-Q2", "2026-Q1"),
        ("2025-Q2-2026-Q1", "2025-Q2", "2026-Q1"),
        ("2025-Q3–2027", "2025-Q3", "2027-Q4"),
        ("2025–2026-Q2", "2025-Q1", "2026-Q2"),
    ],
)
def test_parse_period_written_forms(text: str, start: str, end: str) -> None:
    assert parse_period(text, *PLAN) == (Q(start), Q(end))


@pytest.mark.parametrize(
    "text", ["Løpende", "løpende", "LØPENDE", "  Løpende  ", "Lopende", "Hele perioden", "ongoing"]
)
def test_ongoing_means_the_whole_plan_period(text: str) -> None:
    assert parse_period(text, *PLAN) == (Q("2024-Q1"), Q("2028-Q4"))


def test_ongoing_with_decomposed_unicode_is_still_ongoing() -> None:
    decomposed = unicodedata.normalize("NFD", "Løpende")
    assert parse_period(decomposed, 2020, 2021) == (Q("2020-Q1"), Q("2021-Q4"))


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_period_means_the_whole_plan_period(text: str) -> None:
    assert parse_period(text, 2025, 2030) == (Q("2025-Q1"), Q("2030-Q4"))


@pytest.mark.parametrize(
    "text", ["neste år", "2024–", "–2026", "24-26", "2025-Q5", "20245", "Q2 2025", "snart"]
)
def test_bad_period_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_period$"):
        parse_period(text, *PLAN)


def test_period_range_backwards_is_parsed_as_written() -> None:
    # The importer (not the parser) reports an end before the start.
    start, end = parse_period("2026–2024", *PLAN)
    assert end < start


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2025", False, "2025-Q1"),
        ("2025", True, "2025-Q4"),
        ("2025-Q3", False, "2025-Q3"),
        ("2025-Q3", True, "2025-Q3"),
        (" 2026-q2 ", True, "2026-Q2"),
    ],
)
def test_start_and_end_bounds(text: str, end: bool, expected: str) -> None:
    assert parse_bound(text, end=end) == Q(expected)


@pytest.mark.parametrize("text", ["", "vår 2025", "2025-Q0", "2025/26"])
def test_bad_bound_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_period$"):
        parse_bound(text, end=False)


# --- progress ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40", 40),
        ("40 %", 40),
        ("40%", 40),
        ("40\u00a0%", 40),  # Norwegian Excel puts a no-break space before %
        (" 40 ", 40),
        ("0", 0),
        ("100", 100),
        ("100 %", 100),
        ("0,4", 40),  # a fraction, from a percent-formatted cell
        ("0.4", 40),
        ("0,25", 25),
        ("62,0", 62),
        ("1", 1),  # a whole 1 is one per cent, not a fraction
        ("", None),
        ("  ", None),
        ("ukjent", None),
        ("Ukjent", None),
        ("UKJENT", None),
        ("unknown", None),
        ("?", None),
        ("-", None),
        ("–", None),
    ],
)
def test_parse_progress(text: str, expected: int | None) -> None:
    assert parse_progress(text) == expected


@pytest.mark.parametrize("text", ["mye", "nan", "inf", "40 prosent"])
def test_bad_progress_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_progress$"):
        parse_progress(text)


@pytest.mark.parametrize(
    ("text", "number"), [("101", 101), ("-5", -5), ("-0,4", -1), ("1e9", 10**9)]
)
def test_a_progress_out_of_range_is_read_for_the_report_rules_to_refuse(
    text: str, number: int
) -> None:
    assert parse_progress(text) == number  # status.check_report_values says what is wrong


def test_a_written_per_cent_sign_is_not_a_fraction() -> None:
    assert parse_progress("0,5 %") in (0, 1)


# --- weight ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 1.0), ("  ", 1.0), ("2", 2.0), ("1,5", 1.5), ("0.5", 0.5), ("1 000", 1000.0)],
)
def test_parse_weight(text: str, expected: float) -> None:
    assert parse_weight(text) == expected


@pytest.mark.parametrize("text", ["tung", "1,2,3", "2 kg"])
def test_bad_weight_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_weight$"):
        parse_weight(text)


@pytest.mark.parametrize(("text", "number"), [("0", 0.0), ("-1", -1.0), ("1001", 1001.0)])
def test_a_weight_out_of_range_is_read_for_the_admin_rules_to_refuse(
    text: str, number: float
) -> None:
    assert parse_weight(text) == number  # admin.check_weight says what is wrong


# --- status and RAG ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codes
        ("not_started", Status.NOT_STARTED),
        ("in_progress", Status.IN_PROGRESS),
        ("completed", Status.COMPLETED),
        ("postponed", Status.POSTPONED),
        ("cancelled", Status.CANCELLED),
        ("IN_PROGRESS", Status.IN_PROGRESS),
        ("in progress", Status.IN_PROGRESS),
        # Norwegian labels, any case
        ("Ikke startet", Status.NOT_STARTED),
        ("ikke startet", Status.NOT_STARTED),
        ("Pågår", Status.IN_PROGRESS),
        ("PÅGÅR", Status.IN_PROGRESS),
        ("pågår ", Status.IN_PROGRESS),
        ("Fullført", Status.COMPLETED),
        ("Utsatt", Status.POSTPONED),
        ("Avbrutt", Status.CANCELLED),
        # English labels
        ("Not started", Status.NOT_STARTED),
        ("In Progress", Status.IN_PROGRESS),
        ("COMPLETED", Status.COMPLETED),
        ("Postponed", Status.POSTPONED),
        ("Cancelled", Status.CANCELLED),
        # words people write
        ("Ferdig", Status.COMPLETED),
        ("Gjennomført", Status.COMPLETED),
        ("påbegynt", Status.IN_PROGRESS),
        ("Under arbeid", Status.IN_PROGRESS),
        ("Ikke påbegynt", Status.NOT_STARTED),
        ("Avlyst", Status.CANCELLED),
        ("Forsinket", Status.POSTPONED),
    ],
)
def test_parse_status(text: str, expected: Status) -> None:
    assert parse_status(text) is expected


@pytest.mark.parametrize("text", ["", "kanskje", "grønn", "pågår nå"])
def test_bad_status_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_status$"):
        parse_status(text)


def test_status_decomposed_unicode_label() -> None:
    assert parse_status(unicodedata.normalize("NFD", "Fullført")) is Status.COMPLETED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("green", Rag.GREEN),
        ("YELLOW", Rag.YELLOW),
        ("red", Rag.RED),
        ("I rute", Rag.GREEN),
        ("i rute", Rag.GREEN),
        ("Risiko", Rag.YELLOW),
        ("Alvorlig avvik", Rag.RED),
        ("ALVORLIG AVVIK", Rag.RED),
        ("On track", Rag.GREEN),
        ("at risk", Rag.YELLOW),
        ("Off Track", Rag.RED),
        ("Grønn", Rag.GREEN),
        ("gul", Rag.YELLOW),
        ("Rød", Rag.RED),
        ("amber", Rag.YELLOW),
        ("G", Rag.GREEN),
        ("r", Rag.RED),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_rag(text: str, expected: Rag | None) -> None:
    assert parse_rag(text) is expected


@pytest.mark.parametrize("text", ["blå", "ok", "Pågår"])
def test_bad_rag_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_rag$"):
        parse_rag(text)


@pytest.mark.parametrize("text", ["ja", "Ja", "JA", "x", "yes", "1", "true", "Eksempel"])
def test_parse_yes_true(text: str) -> None:
    assert parse_yes(text) is True


@pytest.mark.parametrize("text", ["", "nei", "no", "0", "kanskje"])
def test_parse_yes_false(text: str) -> None:
    assert parse_yes(text) is False


# --- lists -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kupa, NAV, Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa; NAV; Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa\nNAV\r\nNæringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa;\nNAV;", ["Kupa", "NAV"]),
        ("  Kupa  ,   NAV ,  ", ["Kupa", "NAV"]),
        ("Kupa,,NAV", ["Kupa", "NAV"]),
        # With a semicolon, commas belong to the names (export writes lists that way).
        ("Nord universitet, campus Mo; Kupa", ["Nord universitet, campus Mo", "Kupa"]),
        ("Kupa,NAV;Næringshagen", ["Kupa,NAV", "Næringshagen"]),
        ("Sjømatklyngen", ["Sjømatklyngen"]),
        ("", []),
        ("  ;  , \n", []),
    ],
)
def test_split_list(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


# --- read.py: normalise, cell text, header matching --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Satsingsområde", "satsingsområde"),
        ("  SATSINGSOMRÅDE  ", "satsingsområde"),
        ("Ansvarlig:", "ansvarlig"),
        ("Ansvarlig *", "ansvarlig"),
        ("*Tiltak*", "tiltak"),
        ("Neste\n  steg", "neste steg"),
        ("Neste\u00a0steg", "neste steg"),
        (unicodedata.normalize("NFD", "Mål"), "mål"),
        (None, ""),
        (2024, "2024"),
        ("", ""),
    ],
)
def test_normalise(text: object, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Tiltak", "measures"),
        ("TILTAK", "measures"),
        ("tiltak", "measures"),
        ("Handlingsplan", "measures"),
        ("Aktører", "actors"),
        ("aktorer", "actors"),
        ("Satsingsområder", "themes"),
        ("satsingsomrader", "themes"),
        ("Mål", "goals"),
        ("mal", "goals"),
        ("Plan", "plan"),
        (" plan ", "plan"),
    ],
)
def test_sheet_for_name(name: str, key: str) -> None:
    sheet = sheet_for_name(name)
    assert sheet is not None and sheet.key == key


def test_sheet_for_unknown_name() -> None:
    assert sheet_for_name("Ark1") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "ja"),
        (False, "nei"),
        (2024.0, "2024"),
        (2024, "2024"),
        (0.4, "0.4"),
        (1.5, "1.5"),
        ("Pågår", "Pågår"),
        ("a\x00b", "ab"),
        (date(2025, 5, 17), "2025-Q2"),
        (datetime(2026, 12, 31, 23, 59), "2026-Q4"),
    ],
)
def test_cell_text(value: object, expected: str) -> None:
    assert cell_text(value) == expected


def _csv(text: str, *, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_headers_in_any_order_and_case_are_matched() -> None:
    data = _csv(
        "ANSVARLIG;samarbeidspartnere;  Tiltak ;SATSINGSOMRÅDE;Mål;periode;STATUS;kommentar\n"
        "Kupa;NAV;Gründerhus;1;H1;2024;Pågår;ok\n"
    )
    tables = read_bytes(data, "plan.csv")
    assert not tables.problems and not tables.notices
    ((row, values),) = tables.tables["measures"].rows
    assert row == 2
    assert values == {
        "lead": "Kupa",
        "partners": "NAV",
        "title": "Gründerhus",
        "theme": "1",
        "goal": "H1",
        "period": "2024",
        "status": "Pågår",
        "comment": "ok",
    }


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Tittel", "title"),
        ("Tiltaksnavn", "title"),
        ("Nr.", "code"),
        ("Tiltaksnr", "code"),
        ("Satsing", "theme"),
        ("Satsingsomrade", "theme"),  # written without å
        ("Tema", "theme"),
        ("Innsatsområde", "theme"),
        ("Delmål", "goal"),
        ("Ansvar", "lead"),
        ("Hovedansvarlig", "lead"),
        ("Ansvarlig aktør", "lead"),
        ("Partnere", "partners"),
        ("Samarbeid", "partners"),
        ("Tidsrom", "period"),
        ("År", "period"),
        ("Oppstart", "start"),
        ("Ferdig", "end"),
        ("Trafikklys", "rag"),
        ("Fremdrift (%)", "progress"),
        ("Merknad", "comment"),
        ("Videre arbeid", "next_steps"),
        ("Rapportert for", "status_period"),
        ("Virkemidler", "funding"),
    ],
)
def test_header_aliases(header: str, key: str) -> None:
    base = {"title": "Tiltak", "theme": "Satsingsområde", "lead": "Ansvarlig"}
    headers = [header if k == key else h for k, h in base.items()]
    cells = ["v" if k == key else "x" for k in base]
    if key not in base:
        headers, cells = [*headers, header], [*cells, "v"]
    data = _csv(",".join(headers) + "\n" + ",".join(cells) + "\n")
    tables = read_bytes(data, "x.csv")
    assert not tables.problems, [p.text("en") for p in tables.problems]
    ((_, values),) = tables.tables["measures"].rows
    assert values[key] == "v"


def test_extra_columns_are_ignored_with_a_notice() -> None:
    data = _csv("Tiltak,Saksbehandler,Satsingsområde,Ansvarlig,Notat\nA,Ola,1,Kupa,x\n")
    tables = read_bytes(data, "x.csv")
    assert not tables.problems
    assert [(n.key, n.params["column"]) for n in tables.notices] == [
        ("import.column_ignored", "Saksbehandler"),
        ("import.column_ignored", "Notat"),
    ]
    assert "Saksbehandler" in tables.notices[0].text("nb")
    assert tables.notices[0].text("nb") != tables.notices[0].text("en")
    ((_, values),) = tables.tables["measures"].rows
    assert values == {"title": "A", "theme": "1", "lead": "Kupa"}


def test_a_repeated_header_keeps_the_first_column() -> None:
    data = _csv("Tiltak,Satsingsområde,Ansvarlig,Tittel\nFørst,1,Kupa,Andre\n")
    tables = read_bytes(data, "x.csv")
    ((_, values),) = tables.tables["measures"].rows
    assert values["title"] == "Først"
    assert [n.params["column"] for n in tables.notices] == ["Tittel"]


def test_title_rows_above_the_header_and_blank_rows_are_skipped() -> None:
    data = _csv(
        "Handlingsplan;;;\n"
        ";;;\n"
        "Kode;Tiltak;Satsingsområde;Ansvarlig\n"
        "1.1;A;1;Kupa\n"
        ";;;\n"
        "\n"
        "1.2;B;1;Kupa\n"
    )
    tables = read_bytes(data, "x.csv")
    assert not tables.problems
    rows = tables.tables["measures"].rows
    assert [(row, values["code"]) for row, values in rows] == [(4, "1.1"), (7, "1.2")]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [False, True])
def test_separators_and_bom(separator: str, bom: bool) -> None:
    header = separator.join(["Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere"])
    row = separator.join(["Blå skog", "Bærekraft", "Næringshagen", '"Kupa, NAV"'])
    tables = read_bytes(_csv(f"{header}\r\n{row}\r\n", bom=bom), "x.csv")
    assert not tables.problems
    ((_, values),) = tables.tables["measures"].rows
    assert values == {
        "title": "Blå skog",
        "theme": "Bærekraft",
        "lead": "Næringshagen",
        "partners": "Kupa, NAV",
    }


def test_missing_required_columns_are_named() -> None:
    tables = read_bytes(_csv("Tiltak;Status;Periode\nA;Pågår;2024\n"), "x.csv")
    assert [p.key for p in tables.problems] == ["import.missing_columns"]
    text = tables.problems[0].text("nb")
    assert "Satsingsområde" in text and "Ansvarlig" in text


def test_no_header_row_is_reported() -> None:
    tables = read_bytes(_csv("a;b;c\n1;2;3\n"), "x.csv")
    assert [p.key for p in tables.problems] == ["import.no_header"]


def test_not_utf8_is_reported() -> None:
    data = "Tiltak;Satsingsområde;Ansvarlig\nBlå;1;Kupa\n".encode("cp1252")
    tables = read_bytes(data, "x.csv")
    assert [p.key for p in tables.problems] == ["import.not_utf8"]
    assert "UTF-8" in tables.problems[0].text("nb")


def test_too_large_file_is_reported() -> None:
    tables = read_bytes(b"x" * (MAX_FILE_BYTES + 1), "x.csv")
    assert [p.key for p in tables.problems] == ["import.too_large"]


def test_unknown_file_type_is_reported() -> None:
    tables = read_bytes(b"whatever", "plan.pdf")
    assert [p.key for p in tables.problems] == ["import.unknown_file_type"]


def test_nul_bytes_are_dropped() -> None:
    tables = read_bytes(_csv("Tiltak;Satsingsområde;Ansvarlig\nA\x00B;1;Kupa\n"), "x.csv")
    ((_, values),) = tables.tables["measures"].rows
    assert values["title"] == "AB"


def test_canonical_headers_of_every_sheet_match_themselves() -> None:
    for sheet in planfile.SHEETS:
        data = _csv(",".join(sheet.headers()) + "\n" + ",".join("x" for _ in sheet.columns))
        tables = read_bytes(data, "x.csv")  # a single CSV is read as the Tiltak sheet
        if sheet is planfile.MEASURES:
            assert not tables.notices
            assert set(tables.tables["measures"].rows[0][1]) == {c.key for c in sheet.columns}


def test_header_with_trailing_full_stop_is_matched() -> None:
    data = _csv("Tiltak nr.;Tiltak;Satsingsområde;Ansvarlig\n1.1;A;1;Kupa\n")
    tables = read_bytes(data, "x.csv")
    assert not tables.notices
    ((_, values),) = tables.tables["measures"].rows
    assert values["code"] == "1.1"


def test_title_line_without_separators_above_a_semicolon_header() -> None:
    data = _csv(
        "Handlingsplan for Senja kommune 2024–2028\n\nTiltak;Satsingsområde;Ansvarlig\nA;1;Kupa\n"
    )
    tables = read_bytes(data, "x.csv")
    assert not tables.problems
    assert tables.tables["measures"].rows[0][1]["title"] == "A"
