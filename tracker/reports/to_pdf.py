"""The summary as an A4 PDF (reportlab): cover, key figures, the dashboard's charts
as images, and every table with its header repeated on each page."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from tracker.reports.cells import missing, number
from tracker.reports.document import Column, Document, Table, value_text
from tracker.reports.fonts import fonts
from tracker.reports.summary import Summary
from tracker.reports.widths import column_widths

HEADER_COLOR = colors.HexColor("#1F4E79")
STRIPE_COLOR = colors.HexColor("#F2F5F9")
BANNER_COLOR = colors.HexColor("#FFF2CC")
BANNER_EDGE = colors.HexColor("#BF9000")
NOTE_COLOR = colors.HexColor("#595959")
MARGIN = 16 * mm
KEEP_TOGETHER_ROWS = 15
PADDING = 3  # a cell's left and right padding
CELL_PAD = 2 * PADDING + 1  # the room a cell's text does not get, and a point to spare
ROWS_PER_BLOCK = 40  # long tables go in blocks: splitting one huge table is quadratic

Images = dict[str, tuple[bytes, int, int]]


def summary_pdf(summary: Summary, doc: Document, images: Images) -> bytes:
    return document_pdf(doc, images, author=summary.stamp.produced_by)


def document_pdf(doc: Document, images: Images, *, author: str) -> bytes:
    """Any Document (the summary, the meeting pack) as an A4 PDF."""
    buffer = io.BytesIO()
    regular, bold = fonts()
    styles = _styles(regular, bold)

    def decorate(canvas: Canvas, template: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(NOTE_COLOR)
        canvas.drawString(MARGIN, 10 * mm, doc.running_head)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=doc.title,
        author=author,
        invariant=True,  # same input, same bytes: no creation date or random id
    )
    width = A4[0] - 2 * MARGIN
    story = _story(doc, images, styles, width)
    template.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _story(
    doc: Document, images: Images, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(escape(doc.title), styles["title"]), Spacer(1, 4 * mm)]
    cover = [
        [Paragraph(escape(f), styles["bold"]), Paragraph(escape(v), styles["body"])]
        for f, v in doc.cover
    ]
    story.append(_grid(cover, [40 * mm, width - 40 * mm], header=False))
    story.append(Spacer(1, 4 * mm))
    for banner in doc.banners:
        story += [_banner(banner, styles, width), Spacer(1, 2 * mm)]
    for index, section in enumerate(doc.sections_for("print")):
        if index > 0 and (section.new_page or section.key in ("changes", "measures")):
            if isinstance(story[-1], Spacer):
                story.pop()  # a space that no longer fits would begin an empty page
            story.append(PageBreak())
        part: list[Flowable] = [Paragraph(escape(section.title), styles["h1"])]
        for table in section.tables:
            if len(section.tables) > 1:
                part.append(Paragraph(escape(table.title), styles["h2"]))
            if table.chart in images:
                part.append(_image(images[table.chart], width))
            if table.note:
                part.append(Paragraph(escape(table.note), styles["note"]))
            part += _table(table, doc, styles, width)
            # A short table stays on the page of its headings and chart.
            story += [KeepTogether(part)] if len(table.rows) <= KEEP_TOGETHER_ROWS else part
            story.append(Spacer(1, 4 * mm))
            part = []
    return story


def _banner(text: str, styles: dict[str, ParagraphStyle], width: float) -> PdfTable:
    box = PdfTable([[Paragraph(escape(text), styles["bold"])]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BANNER_COLOR),
                ("BOX", (0, 0), (-1, -1), 0.5, BANNER_EDGE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


def _image(image: tuple[bytes, int, int], width: float) -> Image:
    png, w, h = image
    shown = min(width, w * 0.75)  # CSS px to points, never wider than the page
    return Image(io.BytesIO(png), width=shown, height=shown * h / w)


def _table(
    table: Table, doc: Document, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    columns = table.columns_for("print")
    if table.rows.empty:
        return [Paragraph(escape(doc.none_text), styles["note"])]
    header = [Paragraph(escape(c.title), styles["header"]) for c in columns]
    texts = [[_text(v, c, doc.lang) for v in table.rows[c.key].tolist()] for c in columns]
    # Each column as wide as its longest word at least (tracker.reports.widths).
    widths = column_widths(columns, texts, width, size=styles["cell"].fontSize, pad=CELL_PAD)
    body = [
        [_cell(texts[i][r], c, styles) for i, c in enumerate(columns)]
        for r in range(len(table.rows))
    ]
    blocks = [body[i : i + ROWS_PER_BLOCK] for i in range(0, len(body), ROWS_PER_BLOCK)]
    grids = [_grid([header, *block], widths) for block in blocks]
    return grids  # a short one is kept together with its chart (_story)


def _text(value: object, column: Column, lang: str) -> str:
    if column.kind == "text":
        return "" if missing(value) else str(value)
    return value_text(number(value, column), column, lang)


def _cell(text: str, column: Column, styles: dict[str, ParagraphStyle]) -> Paragraph:
    if column.kind == "text":
        return Paragraph(escape(text).replace("\n", "<br/>"), styles["cell"])
    return Paragraph(escape(text), styles["number"])


def _grid(rows: list[list[Flowable]], widths: list[float], header: bool = True) -> PdfTable:
    # splitInRow: a row taller than a page (a 4,000-character comment) flows onto the next
    grid = PdfTable(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#D0D7E1")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_COLOR)]
        commands += [("BACKGROUND", (0, r), (-1, r), STRIPE_COLOR) for r in range(2, len(rows), 2)]
    grid.setStyle(TableStyle(commands))
    return grid


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, keepWithNext=True)
    return {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "title": ParagraphStyle(
            "title", parent=heading, fontSize=20, leading=24, textColor=HEADER_COLOR
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=heading,
            fontSize=14,
            leading=18,
            spaceBefore=6,
            spaceAfter=6,
            textColor=HEADER_COLOR,
        ),
        "h2": ParagraphStyle(
            "h2", parent=heading, fontSize=11, leading=14, spaceBefore=4, spaceAfter=4
        ),
        "note": ParagraphStyle("note", parent=body, fontSize=9, textColor=NOTE_COLOR),
        "cell": cell,
        "number": ParagraphStyle("number", parent=cell, alignment=TA_RIGHT),
        "header": ParagraphStyle("header", parent=cell, fontName=bold, textColor=colors.white),
    }
