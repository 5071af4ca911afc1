"""The quarterly summary's files read as the council reads them: the demo's PDF
drawn and its words read back (poppler's pdftotext), so that no table cell breaks
inside a word; percentages written one way; the indicator table's period column
named for what it holds; the DOCX numbers its pages."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.conftest import utc
from tracker import db
from tracker.demo.seed import load_demo
from tracker.quarters import Quarter
from tracker.reports import Stamp, Summary, build_summary
from tracker.reports.document import NO_BREAK, Document, document, value_text
from tracker.reports.fonts import text_width
from tracker.reports.to_docx import CELL_MARGIN, summary_docx
from tracker.reports.to_pdf import summary_pdf
from tracker.reports.to_xlsx import summary_xlsx
from tracker.reports.widths import Need, fit, words
from tracker.service.structure import get_plan

NEEDS_POPPLER = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed (pdftotext)"
)
WORD = re.compile(r'<word xMin="[^"]*" yMin="[^"]*" xMax="[^"]*" yMax="[^"]*">([^<]*)</word>')


@pytest.fixture(scope="module")
def demo_summary(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[Summary]:
    """The Senja demo summarised for 2026-Q3, with a fixed stamp."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(sqlite_template, path)
    engine = db.make_engine(f"sqlite:///{path}")
    now = utc(2026, 11, 28, 9)
    with db.transaction(engine) as session:
        load_demo(session, now=now)
    with db.read_session(engine) as session:
        summary = build_summary(
            session, plan_id=get_plan(session).id, quarter=Quarter(2026, 3),
            produced_by="Næringssjefen", now=now,
        )  # fmt: skip
    engine.dispose()
    yield summary.stamped(Stamp(now, "Næringssjefen"))


def pdf_words(pdf: bytes, tmp_path: Path) -> list[str]:
    """Every word poppler finds on the PDF's pages, as it draws them."""
    source, target = tmp_path / "summary.pdf", tmp_path / "words.html"
    source.write_bytes(pdf)
    subprocess.run(["pdftotext", "-bbox", str(source), str(target)], check=True)
    return [html.unescape(w) for w in WORD.findall(target.read_text(encoding="utf-8"))]


def source_words(doc: Document) -> set[str]:
    """Every whole word the document writes: its headings, notes and cells."""
    texts = [doc.title, doc.running_head, doc.none_text, *doc.banners]
    texts += [text for line in doc.cover for text in line]
    for section in doc.sections:
        texts.append(section.title)
        for table in section.tables:
            texts += [table.title, table.note]
            for column in table.columns_for("print"):
                texts.append(column.title)
                for value in table.rows[column.key].tolist():
                    if column.kind == "text":
                        texts.append("" if pd.isna(value) else str(value))
                    else:
                        texts.append(value_text(value, column, doc.lang))
    return {word for text in texts for word in text.split()}


@NEEDS_POPPLER
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_pdf_cell_breaks_inside_a_word(demo_summary: Summary, lang: str, tmp_path: Path) -> None:
    doc = document(demo_summary, lang)
    words = pdf_words(summary_pdf(demo_summary, doc, {}), tmp_path)
    known = source_words(doc)
    page_numbers = {str(n) for n in range(1, 100)}
    broken = sorted({w for w in words if w not in known and w not in page_numbers})
    assert len(words) > 1000  # the tables were read
    assert broken == [], f"words broken across lines: {broken}"


def percent_spaces(text: str) -> set[str]:
    """What stands between a number and its % sign, each way it is written."""
    return {m.group(1) for m in re.finditer(r"\d(\s?)%", text)}


def docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", xml))


def xlsx_percent_formats(content: bytes) -> set[str]:
    """The number formats of the workbook's percentage cells and chart axes."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    formats = {
        cell.number_format
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if "%" in cell.number_format
    }
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        for name in charts:
            xml = archive.read(name).decode("utf-8")
            formats |= {f for f in re.findall(r'formatCode="([^"]*)"', xml) if "%" in f}
    return formats


@pytest.mark.parametrize(
    ("lang", "space", "sheet_format"), [("nb", NO_BREAK, "0 %"), ("en", "", "0%")]
)
def test_percent_is_written_one_way_in_every_file(
    demo_summary: Summary, lang: str, space: str, sheet_format: str
) -> None:
    """Seen: «3%» beside «24 %». Bokmål writes «24 %» (a no-break space, never
    apart), English «24%»; the workbook's cells and charts alike."""
    doc = document(demo_summary, lang)
    assert percent_spaces(docx_text(summary_docx(demo_summary, doc, {}))) == {space}
    assert xlsx_percent_formats(summary_xlsx(demo_summary, doc)) == {sheet_format}
    pages = PdfReader(io.BytesIO(summary_pdf(demo_summary, doc, {}))).pages
    pdf = "".join(page.extract_text() for page in pages)  # a no-break space reads as one
    assert percent_spaces(pdf) == {" " if space else ""}


@pytest.mark.parametrize(
    ("period", "nb", "en"),
    [("2025", "År", "Year"), ("2025-Q3", "Kvartal", "Quarter")],
)
def test_indicator_period_column_says_what_it_holds(
    demo_summary: Summary, period: str, nb: str, en: str
) -> None:
    """Seen: the column said «Kvartal» over «2025». A year says År, a quarter Kvartal."""
    summary = replace(demo_summary, indicators=demo_summary.indicators.assign(period=period))
    for lang, title in (("nb", nb), ("en", en)):
        (table,) = next(s for s in document(summary, lang).sections if s.key == "indicators").tables
        assert next(c.title for c in table.columns if c.key == "period") == title


def test_indicator_periods_of_both_kinds_are_a_period(demo_summary: Summary) -> None:
    periods = ["2025", "2025-Q3"] * len(demo_summary.indicators)
    mixed = demo_summary.indicators.assign(period=periods[: len(demo_summary.indicators)])
    summary = replace(demo_summary, indicators=mixed)
    (table,) = next(s for s in document(summary, "nb").sections if s.key == "indicators").tables
    assert next(c.title for c in table.columns if c.key == "period") == "Periode"


@pytest.mark.parametrize(("lang", "words"), [("nb", ["Side", "av"]), ("en", ["Page", "of"])])
def test_docx_numbers_its_pages(demo_summary: Summary, lang: str, words: list[str]) -> None:
    """Seen: a Word file without page numbers. Its footer says «Side 3 av 7»: Word's
    PAGE and NUMPAGES fields, between the texts of the catalogue, after the plan and
    quarter as the PDF's foot has them."""
    doc = document(demo_summary, lang)
    content = summary_docx(demo_summary, doc, {})
    word = docx.Document(io.BytesIO(content))
    footer = word.sections[0].footer
    assert not footer.is_linked_to_previous
    xml = footer._element.xml
    fields = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)
    assert [f.split()[0] for f in fields] == ["PAGE", "NUMPAGES"]
    texts = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert html.unescape(texts).startswith(doc.running_head)
    assert texts.index(words[0]) < texts.index(words[1])
    begins = xml.count('w:fldCharType="begin"')
    assert begins == xml.count('w:fldCharType="separate"') == xml.count('w:fldCharType="end"') == 2


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_docx_columns_are_as_wide_as_their_longest_word(demo_summary: Summary, lang: str) -> None:
    """Word breaks a word that is wider than its cell, as the PDF did: each column
    has room for its longest word (measured in DejaVu Sans, wider than Calibri)
    besides its cell margins."""
    word = docx.Document(io.BytesIO(summary_docx(demo_summary, document(demo_summary, lang), {})))
    checked = 0
    for table in word.tables[1 + len(document(demo_summary, lang).banners) :]:
        grid = [int(c.get(qn("w:w"))) / 20 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        margin = table._tbl.tblPr.find(qn("w:tblCellMar")).find(qn("w:left"))
        assert int(margin.get(qn("w:w"))) == CELL_MARGIN * 20  # twentieths of a point
        for index, width in enumerate(grid):
            cells = [row.cells[index].text for row in table.rows]
            header, body = cells[0], cells[1:]
            longest = max(
                [text_width(w, 8, bold=True) for w in words(header)]
                + [text_width(w, 8) for text in body for w in words(text)]
            )
            assert width >= longest + 2 * CELL_MARGIN, (header, width, longest)
            checked += 1
    assert checked > 50


def test_widths_keep_every_longest_word_and_fill_the_page() -> None:
    needs = [Need(word=20, line=30), Need(word=50, line=400), Need(word=10, line=12)]
    widths = fit(needs, [10, 10, 30], 300)
    assert sum(widths) == pytest.approx(300)
    assert all(w >= n.word - 1e-6 for w, n in zip(widths, needs, strict=True))
    assert widths[2] == pytest.approx(12)  # no wider than its longest line ...
    assert widths[1] > widths[0]  # ... the room goes where the text is long


def test_widths_when_the_words_cannot_all_fit_the_longest_give_way() -> None:
    needs = [Need(word=40, line=40), Need(word=300, line=300), Need(word=60, line=60)]
    widths = fit(needs, [1, 1, 1], 200)
    assert sum(widths) == pytest.approx(200)
    assert widths[0] == pytest.approx(40) and widths[2] == pytest.approx(60)


def test_a_no_break_space_is_no_place_to_break() -> None:
    assert words(f"7{NO_BREAK}480 og 24{NO_BREAK}%") == [f"7{NO_BREAK}480", "og", f"24{NO_BREAK}%"]
