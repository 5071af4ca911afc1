"""The summary as an Excel workbook (xlsxwriter): a sheet per section, real Excel
tables with filters and frozen headers, and native charts a user can restyle."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from tracker.cells_safe import neutralised
from tracker.i18n import percent_format
from tracker.reports.cells import missing, number
from tracker.reports.document import Column, Document, Section, Table
from tracker.reports.summary import Summary
from tracker.reports.xlsx_indicators import indicator_charts

HEADER_COLOR = "#1F4E79"
BANNER_COLOR = "#FFF2CC"
NATIVE_CHART_ROWS = 25  # the chart shows the first rows (actors: the busiest first)
TABLE_STYLE = "Table Style Light 9"


def summary_xlsx(summary: Summary, doc: Document) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    created = summary.stamp.produced_at.replace(tzinfo=None)
    book.set_properties(
        {"title": doc.title, "author": summary.stamp.produced_by, "created": created}
    )
    styles = _styles(book, doc.lang)
    _cover(_sheet(book, doc.cover_sheet), doc, styles)
    for section in doc.sections:
        sheet = _sheet(book, section.sheet)
        row = _section(book, sheet, section, doc, styles)
        if section.key == "indicators":
            indicator_charts(
                book, sheet, summary.indicators, summary.indicator_values, row, doc.lang, styles
            )
    book.close()
    return buffer.getvalue()


def _sheet(book: Workbook, name: str) -> Worksheet:
    """A sheet that prints on A4 landscape, as wide as one page."""
    sheet = book.add_worksheet(name)
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    return sheet


def _styles(book: Workbook, lang: str) -> dict[str, Any]:
    return {
        "title": book.add_format({"bold": True, "font_size": 18, "font_color": HEADER_COLOR}),
        "heading": book.add_format({"bold": True, "font_size": 13, "font_color": HEADER_COLOR}),
        "label": book.add_format({"bold": True, "valign": "top"}),
        "banner": book.add_format({"bg_color": BANNER_COLOR, "bold": True, "text_wrap": True}),
        "header": book.add_format(
            {
                "bold": True,
                "font_color": "white",
                "bg_color": HEADER_COLOR,
                "text_wrap": True,
                "valign": "top",
            }
        ),
        "text": book.add_format({"valign": "top"}),
        "wrap": book.add_format({"valign": "top", "text_wrap": True}),
        "quoted": book.add_format({"valign": "top", "text_wrap": True, "quote_prefix": True}),
        "int": book.add_format({"valign": "top", "num_format": "0"}),
        "number": book.add_format({"valign": "top", "num_format": "#,##0.0"}),
        "whole": book.add_format({"valign": "top", "num_format": "#,##0"}),
        "percent": book.add_format({"valign": "top", "num_format": percent_format(lang)}),
        "note": book.add_format({"italic": True, "font_color": "#595959"}),
    }


def _cover(sheet: Worksheet, doc: Document, styles: dict[str, Any]) -> None:
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 80)
    sheet.write_string(0, 0, doc.title, styles["title"])
    row = 2
    for field, value in doc.cover:
        sheet.write_string(row, 0, field, styles["label"])
        _text(sheet, row, 1, value, styles)
        row += 1
    row += 1
    for banner in doc.banners:
        sheet.merge_range(row, 0, row, 1, banner, styles["banner"])
        row += 1
    sheet.hide_gridlines(2)


def _section(
    book: Workbook, sheet: Worksheet, section: Section, doc: Document, styles: dict[str, Any]
) -> int:
    """Write the section's tables (and their native charts); returns the next free row."""
    sheet.write_string(0, 0, section.title, styles["heading"])
    widths: dict[int, int] = {}
    row, header_row = 2, 2
    for table in section.tables:
        columns = table.columns_for("data")
        for index, column in enumerate(columns):
            widths[index] = max(widths.get(index, 0), column.width)
        if len(section.tables) > 1:
            sheet.write_string(row, 0, table.title, styles["heading"])
            row += 1
        if table.note:
            sheet.write_string(row, 0, table.note, styles["note"])
            row += 1
        first = header_row = row
        row = _table(sheet, table, columns, row, doc, styles)
        if table.chart_values and len(table.rows):
            _chart(book, sheet, table, columns, first, len(columns) + 1, doc.lang)
        row += 2
    for index, width in widths.items():
        sheet.set_column(index, index, width)
    if len(section.tables) == 1:
        sheet.freeze_panes(header_row + 1, 0)
    return row


def _table(
    sheet: Worksheet,
    table: Table,
    columns: tuple[Column, ...],
    row: int,
    doc: Document,
    styles: dict[str, Any],
) -> int:
    """Write the table with its header at `row`; returns the row after it."""
    if table.rows.empty:
        for index, column in enumerate(columns):
            sheet.write_string(row, index, column.title, styles["header"])
        sheet.write_string(row + 1, 0, doc.none_text, styles["note"])
        return row + 2
    values = [table.rows[c.key].tolist() for c in columns]
    for offset in range(len(table.rows)):
        for index, column in enumerate(columns):
            _cell(sheet, row + 1 + offset, index, values[index][offset], column, styles)
    last = row + len(table.rows)
    sheet.add_table(
        row,
        0,
        last,
        len(columns) - 1,
        {
            "name": f"T_{table.key}",
            "style": TABLE_STYLE,
            "columns": [{"header": c.title, "header_format": styles["header"]} for c in columns],
        },
    )
    return last + 1


def _cell(
    sheet: Worksheet, row: int, col: int, value: object, column: Column, styles: dict[str, Any]
) -> None:
    if column.kind == "text":
        _text(
            sheet, row, col, "" if missing(value) else str(value), styles, wrap=column.width >= 30
        )
        return
    value = number(value, column)
    if value is None:
        sheet.write_blank(row, col, None, styles[column.kind])
    elif column.kind == "percent":
        sheet.write_number(row, col, value / 100, styles["percent"])
    elif column.kind == "number" and float(value).is_integer():
        sheet.write_number(row, col, value, styles["whole"])
    else:
        sheet.write_number(row, col, value, styles[column.kind])


def _text(
    sheet: Worksheet, row: int, col: int, text: str, styles: dict[str, Any], wrap: bool = False
) -> None:
    """Always a text cell, made safe; one that was changed also gets Excel's quote
    prefix, so editing it in Excel keeps it text."""
    safe = str(neutralised(text))
    style = styles["quoted"] if safe != text else styles["wrap" if wrap else "text"]
    sheet.write_string(row, col, safe, style)


def _chart(
    book: Workbook,
    sheet: Worksheet,
    table: Table,
    columns: tuple[Column, ...],
    header_row: int,
    at_col: int,
    lang: str,
) -> None:
    keys = [c.key for c in columns]
    rows = min(len(table.rows), NATIVE_CHART_ROWS)
    first, last = header_row + 1, header_row + rows
    line = table.chart == "trend"
    chart = book.add_chart({"type": "line" if line else "bar"})
    for key in table.chart_values:
        col = keys.index(key)
        chart.add_series(
            {
                "name": [sheet.name, header_row, col],
                "categories": [sheet.name, first, 0, last, 0],
                "values": [sheet.name, first, col, last, col],
                **({"marker": {"type": "circle"}} if line else {}),
            }
        )
    chart.set_title({"name": table.title})
    value_axis = {
        "min": 0,
        "max": 1,
        "num_format": percent_format(lang),
        "major_gridlines": {"visible": True},
    }
    if line:
        chart.set_y_axis(value_axis)
    else:
        chart.set_x_axis(value_axis)
        chart.set_y_axis({"reverse": True})  # first row on top, as in the table
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": max(320, 60 + 26 * rows)})
    sheet.insert_chart(header_row, at_col, chart)
