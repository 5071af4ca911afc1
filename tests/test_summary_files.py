"""The quarterly summary's files, opened and read back: XLSX with openpyxl, PDF with
pypdf (and its first page drawn with pdftoppm), DOCX with python-docx, CSV with
pandas. Rendering does not depend on the database, so these run on SQLite."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from tests.conftest import build_world, load_world, utc
from tests.factories import add_status
from tests.rollup_reads import plan_rollup, theme_rollup
from tracker import db
from tracker.quarters import Quarter
from tracker.reports import Format, Stamp, Summary, build_summary, render
from tracker.reports.images import browser_path
from tracker.vocab import Rag, Status

FORMULA = '=HYPERLINK("http://x","y")'
NEEDS_CHROMIUM = pytest.mark.skipif(
    browser_path() is None, reason="Chromium is not installed (make test installs it)"
)


@dataclass
class Built:
    summary: Summary
    figures: pd.Series
    themes: pd.DataFrame


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Built]:
    """The world, with an actor's comment that looks like a formula, summarised for
    2025-Q2 with a fixed stamp."""
    path = tmp_path_factory.mktemp("summary") / "summary.db"
    shutil.copy(sqlite_template, path)
    engine = db.make_engine(f"sqlite:///{path}")
    with db.transaction(engine) as session:
        build_world(session)
        world = load_world(session)
        add_status(
            session, world.measures["2.1"], "2025-Q2", Status.IN_PROGRESS, 40, Rag.GREEN,
            utc(2025, 6, 28, 9), comment=FORMULA,
        )  # fmt: skip
    with db.read_session(engine) as session:
        plan_id = world.plan.id
        summary = build_summary(
            session, plan_id=plan_id, quarter=Quarter(2025, 2), produced_by="Næringssjefen",
            now=utc(2026, 11, 28, 9),
        )  # fmt: skip
        yield Built(
            summary.stamped(Stamp(utc(2026, 11, 28, 9), "Næringssjefen")),
            plan_rollup(session, plan_id=plan_id, as_of="2025-Q2"),
            theme_rollup(session, plan_id=plan_id, as_of="2025-Q2"),
        )
    engine.dispose()


@pytest.fixture(scope="module")
def files(built: Built) -> dict[Format, bytes]:
    """Every format rendered once (PDF and DOCX only where Chromium is)."""
    out = {fmt: render(built.summary, fmt, "nb") for fmt in (Format.XLSX, Format.CSV)}
    out[Format.CSV_PLAIN] = render(built.summary, Format.CSV_PLAIN, "nb")
    if browser_path() is not None:
        out[Format.PDF] = render(built.summary, Format.PDF, "nb")
        out[Format.DOCX] = render(built.summary, Format.DOCX, "nb")
    return out


# --- XLSX ----------------------------------------------------------------------------


def workbook(files: dict[Format, bytes]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(files[Format.XLSX]))


def test_xlsx_has_a_sheet_per_section_with_real_tables(files: dict[Format, bytes]) -> None:
    book = workbook(files)
    assert book.sheetnames == [
        "Forside", "Nøkkeltall", "Satsingsområder", "Aktører", "Endringer", "Tiltak", "Utvikling",
    ]  # fmt: skip
    measures = book["Tiltak"]
    table = measures.tables["T_measures"]
    assert table.ref == "A3:L8"  # header and five measures (2.2 begins in 2026)
    assert table.autoFilter is not None
    assert measures.freeze_panes == "A4"
    headers = [cell.value for cell in measures[3]]
    assert headers[:4] == ["Nr.", "Tiltak", "Satsingsområde", "Ansvarlig"]
    assert measures.column_dimensions["B"].width > measures.column_dimensions["A"].width


def test_xlsx_totals_equal_the_services_numbers(files: dict[Format, bytes], built: Built) -> None:
    book = workbook(files)
    figures = {row[0].value: row for row in book["Nøkkeltall"].iter_rows(min_row=4)}
    assert figures["Tiltak i alt"][1].value == built.figures["measures"] == 5
    assert figures["Fullført"][1].value == built.figures["completed"]
    assert figures["Vektet fremdrift"][2].value == pytest.approx(built.figures["progress"] / 100)
    assert figures["Vektet fremdrift"][2].number_format == "0 %"
    themes = list(book["Satsingsområder"].iter_rows(min_row=4, values_only=True))
    assert [row[1] for row in themes] == built.themes["measures"].tolist()


def test_xlsx_has_native_charts(files: dict[Format, bytes]) -> None:
    parts = zipfile.ZipFile(io.BytesIO(files[Format.XLSX])).namelist()
    charts = sorted(p for p in parts if p.startswith("xl/charts/chart"))
    assert len(charts) == 3  # progress per theme, per actor, and the trend
    xml = zipfile.ZipFile(io.BytesIO(files[Format.XLSX])).read(charts[0]).decode()
    assert "Satsingsområder!$A$4:$A$5" in xml  # plots the theme table's own cells


def test_xlsx_keeps_a_formula_typed_in_a_comment_as_text(files: dict[Format, bytes]) -> None:
    sheet = workbook(files)["Tiltak"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "'" + FORMULA]
    assert len(cells) == 1  # with OWASP's ', as in the CSV
    assert cells[0].data_type == "s"  # a string, not a formula
    assert cells[0].quotePrefix  # and Excel keeps it text when the cell is edited
    raw = zipfile.ZipFile(io.BytesIO(files[Format.XLSX])).read("xl/worksheets/sheet6.xml")
    assert b"<f>" not in raw


def test_xlsx_cover_says_provisional_and_who_made_it(files: dict[Format, bytes]) -> None:
    cover = [v for row in workbook(files)["Forside"].iter_rows(values_only=True) for v in row]
    assert "Kvartalsrapport for strategisk næringsplan" in cover
    assert "Næringssjefen" in cover
    assert "28.11.2026 kl. 10:00" in cover
    assert "Foreløpig: kvartalet er ikke lukket, og tallene kan endre seg." in cover


# --- CSV -----------------------------------------------------------------------------


def test_csv_for_norwegian_excel(files: dict[Format, bytes], built: Built) -> None:
    raw = files[Format.CSV]
    assert raw.startswith("\ufeff".encode())
    frame = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig", dtype=str)
    assert list(frame.columns)[:3] == ["Nr.", "Tiltak", "Satsingsområde"]
    assert frame["Nr."].tolist() == built.summary.measures["code"].tolist()
    row = frame.set_index("Nr.").loc["2.3"]
    assert row["Tiltak"] == "Lærlingordning for små bedrifter"
    assert frame.set_index("Nr.").loc["1.1", "Fremdrift"] == "55"
    assert frame.set_index("Nr.").loc["2.1", "Kommentar"] == "'" + FORMULA


def test_plain_csv_reads_with_defaults(files: dict[Format, bytes]) -> None:
    raw = files[Format.CSV_PLAIN]
    assert not raw.startswith("\ufeff".encode())
    frame = pd.read_csv(io.BytesIO(raw), dtype={"Nr.": str})
    nb = pd.read_csv(io.BytesIO(files[Format.CSV]), sep=";", decimal=",", dtype={"Nr.": str})
    pd.testing.assert_frame_equal(frame, nb)
    assert "Lærlingordning for små bedrifter" in frame["Tiltak"].tolist()


def test_a_decimal_percentage_uses_the_decimal_comma(built: Built) -> None:
    measures = built.summary.measures.copy()
    measures.loc[0, "effective"] = 12.5
    changed = replace(built.summary, measures=measures)
    assert ";12,5;" in render(changed, Format.CSV, "nb").decode("utf-8-sig")
    assert ",12.5," in render(changed, Format.CSV_PLAIN, "nb").decode()


def test_same_data_same_files(built: Built, files: dict[Format, bytes]) -> None:
    for fmt in (Format.XLSX, Format.CSV, Format.CSV_PLAIN):
        assert render(built.summary, fmt, "nb") == files[fmt], fmt


def test_english_summary(built: Built) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(built.summary, Format.XLSX, "en")))
    assert book.sheetnames[:3] == ["Cover", "Key figures", "Themes"]


# --- PDF -----------------------------------------------------------------------------


@NEEDS_CHROMIUM
def test_pdf_text_holds_the_key_figures_and_themes(files: dict[Format, bytes]) -> None:
    reader = PdfReader(io.BytesIO(files[Format.PDF]))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (
        "Kvartalsrapport for strategisk næringsplan",
        "2. kvartal 2025",
        "Tiltak i alt",
        "T1 Næringsutvikling",
        "Lærlingordning for små bedrifter",
        "Foreløpig",
    ):
        assert expected in text, expected
    images = sum(len(page.images) for page in reader.pages)
    assert images == 3


@NEEDS_CHROMIUM
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_pdf_first_page_renders_to_an_image(files: dict[Format, bytes], tmp_path: Path) -> None:
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(files[Format.PDF])
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    assert page.stat().st_size > 10_000  # a page with text and a chart, not a blank one


@NEEDS_CHROMIUM
def test_pdf_is_the_same_for_the_same_data(built: Built, files: dict[Format, bytes]) -> None:
    text = [p.extract_text() for p in PdfReader(io.BytesIO(files[Format.PDF])).pages]
    again = render(built.summary, Format.PDF, "nb")
    assert [p.extract_text() for p in PdfReader(io.BytesIO(again)).pages] == text


@NEEDS_CHROMIUM
def test_pdf_holds_a_comment_longer_than_a_page(built: Built) -> None:
    """Comment and next steps of 4,000 characters each (the limit) share one cell
    on paper: the row flows over pages instead of failing."""
    measures = built.summary.measures.copy()
    measures.loc[0, "comment"] = ("Langt ord " * 400)[:4000]
    measures.loc[0, "next_steps"] = ("Neste steg " * 400)[:3990] + " SLUTTEN"
    pdf = render(replace(built.summary, measures=measures), Format.PDF, "nb")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "SLUTTEN" in text


# --- DOCX ----------------------------------------------------------------------------


@NEEDS_CHROMIUM
def test_docx_reads_back_with_headings_tables_and_charts(
    files: dict[Format, bytes], built: Built
) -> None:
    document = docx.Document(io.BytesIO(files[Format.DOCX]))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[:3] == [
        "Kvartalsrapport for strategisk næringsplan",
        "Nøkkeltall ved utgangen av kvartalet",
        "Fremdrift per satsingsområde",
    ]
    assert len(document.inline_shapes) == 3
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Lærlingordning for små bedrifter" in cells
    assert "Strategisk næringsplan for Senja 2024–2028" in cells
    figures = next(t for t in document.tables if t.rows[0].cells[0].text == "Nøkkeltall")
    rows = {row.cells[0].text: row.cells[1].text for row in figures.rows}
    assert rows["Tiltak i alt"] == str(int(built.figures["measures"]))


def test_the_csv_rounds_the_one_way(built: Built) -> None:
    measures = built.summary.measures.copy()
    measures.loc[0, "effective"] = 12.25  # Python's round gives 12.2
    changed = replace(built.summary, measures=measures)
    assert ";12,3;" in render(changed, Format.CSV, "nb").decode("utf-8-sig")


# --- typed markup ----------------------------------------------------------------------

MARKUP = '<b>fet</b> <font color="red">rød</font> <a href="http://evil.example">a</a> **f** &amp;'


def with_markup(built: Built) -> Summary:
    """Every measure's title and comment hold markup the PDF's layout engine reads."""
    measures = built.summary.measures.copy()
    measures["title"] = [f"Tiltak {i} {MARKUP}" for i in range(len(measures))]
    measures["comment"] = f"Kommentar {MARKUP}"
    return replace(built.summary, measures=measures)


@NEEDS_CHROMIUM
def test_markup_typed_into_texts_shows_as_typed_in_pdf_and_docx(built: Built) -> None:
    summary = with_markup(built)
    pdf = render(summary, Format.PDF, "nb")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    unwrapped = "".join(text.split())  # the table's cells wrap lines anywhere
    assert "Kommentar" + "".join(MARKUP.split()) in unwrapped
    links = [
        annotation.get_object().get("/A", {}).get("/URI")
        for page in PdfReader(io.BytesIO(pdf)).pages
        for annotation in page.get("/Annots") or []
    ]
    assert "http://evil.example" not in links
    document = docx.Document(io.BytesIO(render(summary, Format.DOCX, "nb")))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert any(cell.startswith("Kommentar <b>fet</b>") and cell.endswith("&amp;") for cell in cells)
