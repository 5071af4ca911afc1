"""The summary as a Word document (python-docx) for a council case (saksframlegg):
headings, tables with a repeating header row, and the dashboard's charts as images."""

from __future__ import annotations

import copy
import io
from datetime import datetime

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tc
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from tracker.i18n import t
from tracker.reports.cells import missing, number
from tracker.reports.document import Column, Document, Table, value_text
from tracker.reports.summary import Summary
from tracker.reports.widths import column_widths

Images = dict[str, tuple[bytes, int, int]]
HEADER_FILL = "1F4E79"
BANNER_FILL = "FFF2CC"
TEXT_WIDTH_CM = 17.0
POINTS_PER_CM = 72 / 2.54
CELL_SIZE = 8  # points
CELL_MARGIN = 3  # points left and right in a cell (Word's own are 5.4)
CELL_PAD = 2 * CELL_MARGIN + 1  # the room a cell's text does not get, and a point to spare
NOTE_COLOR = RGBColor(0x59, 0x59, 0x59)
FIELD = "\x00"  # marks where a field goes in a text of the catalogue


def summary_docx(summary: Summary, doc: Document, images: Images) -> bytes:
    return document_docx(
        doc, images, author=summary.stamp.produced_by, created=summary.stamp.produced_at
    )


def document_docx(doc: Document, images: Images, *, author: str, created: datetime) -> bytes:
    """Any Document (the summary, the meeting pack) as a Word file."""
    word = new_docx()
    _page(word)
    _footer(word, doc)
    word.core_properties.title = doc.title
    word.core_properties.author = author
    word.core_properties.created = created
    word.add_heading(doc.title, level=0)
    _grid(word, [[f, v] for f, v in doc.cover], [4.0, TEXT_WIDTH_CM - 4.0], header=False)
    for banner in doc.banners:
        _banner(word, banner)
    for section in doc.sections_for("print"):
        if section.new_page:
            word.add_page_break()
        word.add_heading(section.title, level=1)
        for table in section.tables:
            if len(section.tables) > 1:
                word.add_heading(table.title, level=2)
            if table.chart in images:
                png, width, _height = images[table.chart]
                word.add_picture(io.BytesIO(png), width=Cm(min(TEXT_WIDTH_CM, width / 50)))
            if table.note:
                word.add_paragraph().add_run(table.note).italic = True
            _table(word, table, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page(word: DocxDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    word.styles["Normal"].font.size = Pt(10)


def _footer(word: DocxDocument, doc: Document) -> None:
    """The plan and quarter as the PDF's foot has them, and «Side 3 av 7» (Word's
    PAGE and NUMPAGES fields) at the right."""
    footer = word.sections[0].footer
    footer.is_linked_to_previous = False
    head = footer.paragraphs[0]
    head.text = doc.running_head
    numbers = footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    marked = t(
        "files.page_of", doc.lang, page=f"{FIELD}PAGE{FIELD}", pages=f"{FIELD}NUMPAGES{FIELD}"
    )
    for index, part in enumerate(marked.split(FIELD)):
        if index % 2:
            _field(numbers, part)
        elif part:
            numbers.add_run(part)
    for paragraph in (head, numbers):
        for run in paragraph.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = NOTE_COLOR


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word fills in as it lays out the pages (PAGE, NUMPAGES); «1» until then."""

    def mark(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    mark("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    mark("separate")
    paragraph.add_run("1")
    mark("end")


def _banner(word: DocxDocument, text: str) -> None:
    grid = word.add_table(rows=1, cols=1)
    cell = grid.rows[0].cells[0]
    cell.text = text
    cell.paragraphs[0].runs[0].bold = True
    _shade(cell._tc, BANNER_FILL)


def _table(word: DocxDocument, table: Table, doc: Document) -> None:
    columns = table.columns_for("print")
    if table.rows.empty:
        word.add_paragraph(doc.none_text)
        return
    texts = [[_text(v, c, doc.lang) for v in table.rows[c.key].tolist()] for c in columns]
    # Each column as wide as its longest word at least (tracker.reports.widths).
    points = column_widths(
        columns, texts, TEXT_WIDTH_CM * POINTS_PER_CM, size=CELL_SIZE, pad=CELL_PAD
    )
    widths = [w / POINTS_PER_CM for w in points]
    rows = [[c.title for c in columns], *(list(row) for row in zip(*texts, strict=True))]
    _grid(word, rows, widths, header=True, right=[c.kind != "text" for c in columns])


def _text(value: object, column: Column, lang: str) -> str:
    if column.kind == "text":
        return "" if missing(value) else str(value)
    return value_text(number(value, column), column, lang)


def _grid(
    word: DocxDocument,
    rows: list[list[str]],
    widths: list[float],
    header: bool,
    right: list[bool] | None = None,
) -> None:
    """A table written row by row from one template row's XML: python-docx's own
    cell access is quadratic, which takes minutes for thousands of measures."""
    grid: DocxTable = word.add_table(rows=1, cols=len(widths))
    grid.style = word.styles["Table Grid"]
    grid.autofit = False
    _margins(grid)
    template = grid.rows[0]._tr
    for column, cell, width in zip(grid.columns, grid.rows[0].cells, widths, strict=True):
        column.width = cell.width = Cm(width)  # the grid (LibreOffice) and the cells (Word)
    body = grid._tbl
    body.remove(template)
    right = right or [False] * len(widths)
    for index, values in enumerate(rows):
        tr = copy.deepcopy(template)
        cells = zip(tr.tc_lst, values, right, strict=True)
        for tc, value, to_right in cells:
            _write(tc, value, bold=header and index == 0, right=to_right and index > 0)
            if header and index == 0:
                _shade(tc, HEADER_FILL)
        if header and index == 0:
            _repeat_as_header(tr)
        body.append(tr)


def _margins(grid: DocxTable) -> None:
    """Narrow cell margins, as the PDF's: more room for the words."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(CELL_MARGIN * 20)))  # twentieths of a point
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.append(margins)


def _write(tc: CT_Tc, text: str, *, bold: bool, right: bool) -> None:
    """Set a cell's text; line breaks become <w:br/>."""
    paragraph = tc.p_lst[0]
    if right:
        props = OxmlElement("w:pPr")
        alignment = OxmlElement("w:jc")
        alignment.set(qn("w:val"), "right")
        props.append(alignment)
        paragraph.append(props)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(2 * CELL_SIZE))  # in half points
    props.append(size)
    if bold:
        props.append(OxmlElement("w:b"))
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "FFFFFF")
        props.append(color)
    run.append(props)
    for number_, line in enumerate(text.split("\n")):
        if number_:
            run.append(OxmlElement("w:br"))
        element = OxmlElement("w:t")
        element.set(qn("xml:space"), "preserve")
        element.text = _xml_safe(line)
        run.append(element)
    paragraph.append(run)


def _xml_safe(text: str) -> str:
    """Without the control characters XML cannot hold (tab and newline stay)."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)


def _shade(tc: CT_Tc, fill: str) -> None:
    props = tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _repeat_as_header(tr: CT_Row) -> None:
    props = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)
