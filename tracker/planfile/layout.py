"""How a table sits in a sheet: which of the top rows is its header, which column
holds which field (by the header words municipalities use, or as the user chose),
and the Layout that tells the user how the file was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tracker import i18n
from tracker.errors import Problem, ValidationError
from tracker.planfile.sheets import FIELD_KEYS, MEASURES, Sheet
from tracker.planfile.text import ascii_letters, header_key, normalise, shown_header
from tracker.quarters import span_text
from tracker.vocab import Status

HEADER_SEARCH_ROWS = 30
"""The header row is looked for in this many rows from the top."""
FIRST_ROWS = 5
"""Rows shown in a Layout, as they will be stored."""
_PARENTHESES = re.compile(r"\(.*?\)")


@dataclass
class Layout:
    """How one table was read, for the dry run to show."""

    sheet: str  # the sheet (or CSV file) read
    header_row: int  # 1-based spreadsheet row of the header
    columns: list[tuple[str, str | None]]  # (header as written, field key or None = ignored)
    candidates: list[str]  # all sheets that could hold measures, in workbook order
    theme_rows: bool = False  # themes came from group header rows
    first_rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    table: str = MEASURES.key  # the planfile sheet the table was read as
    title_rows: list[str] = field(default_factory=list)  # the texts above the header


@cache
def header_lookup(sheet: Sheet) -> dict[str, str]:
    """Every header a sheet's columns accept, in matching form, to its column key."""
    lookup: dict[str, str] = {}
    for column in sheet.columns:
        for text in (column.header, column.key, *column.aliases):
            lookup.setdefault(header_key(text), column.key)
            lookup.setdefault(ascii_letters(header_key(text)), column.key)
    return lookup


def column_key(cell: str, lookup: dict[str, str]) -> str | None:
    """The key a header names: as written, without a remark in parentheses
    ('Ansvarlig (hovedansvar)'), or alternatives that agree ('Tiltak/aktivitet')."""
    for text in (cell, _PARENTHESES.sub("", normalise(cell))):
        key = header_key(text)
        for candidate in (key, ascii_letters(key)):
            if candidate in lookup:
                return lookup[candidate]
    parts = [header_key(part) for part in normalise(cell).split("/")]
    found = {lookup.get(part) or lookup.get(ascii_letters(part)) for part in parts if part}
    if len(parts) > 1 and len(found) == 1 and None not in found:
        return found.pop()
    return None


def known_keys(row: list[str], sheet: Sheet, chosen: dict[str, str] | None = None) -> set[str]:
    return {key for key in map_columns(row, sheet, chosen) if key is not None}


def find_header(
    grid: list[list[str]], sheet: Sheet, chosen: dict[str, str] | None = None
) -> int | None:
    """Of the top rows, the one that names the most known columns (ties: the first),
    if it names the required ones or at least two. chosen: as map_columns."""
    required = {c.key for c in sheet.columns if c.required}
    best, best_count = None, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found = known_keys(row, sheet, chosen)
        if found and (required <= found or len(found) >= 2) and len(found) > best_count:
            best, best_count = index, len(found)
    return best


def holds_measures(grid: list[list[str]]) -> bool:
    """Whether a sheet's top rows have a header naming a measure's required columns."""
    index = find_header(grid, MEASURES)
    required = {c.key for c in MEASURES.columns if c.required}
    return index is not None and required <= known_keys(grid[index], MEASURES)


def with_sub_headers(header: list[str], below: list[str], sheet: Sheet) -> list[str] | None:
    """A header of two rows, one merged cell over its parts («Tidsperiode» over «Start»
    and «Slutt»): the header with the parts in their columns. None when the row below
    is no such row: at least two cells, each a known header, one of them under an
    empty header cell (where the merged cell spans)."""
    lookup = header_lookup(sheet)
    width = max(len(header), len(below))
    heads = [shown_header(str(cell)) for cell in [*header, *[""] * (width - len(header))]]
    parts = [shown_header(str(cell)) for cell in [*below, *[""] * (width - len(below))]]
    filled = [part for part in parts if part]
    if len(filled) < 2 or any(column_key(part, lookup) is None for part in filled):
        return None
    if not any(part and not head for head, part in zip(heads, parts, strict=True)):
        return None
    return [
        part or head for head, part in zip([*header, *heads[len(header) :]], parts, strict=True)
    ]


def map_columns(
    row: list[str], sheet: Sheet, chosen: dict[str, str] | None = None
) -> list[str | None]:
    """Each header cell's key (None: not imported). chosen maps a header as written to
    a key, or '' to ignore it; it wins over the header words. A key named twice keeps
    the first column."""
    lookup = header_lookup(sheet)
    wanted = {header_key(h): key for h, key in (chosen or {}).items()}
    keys: list[str | None] = []
    for cell in row:
        matched = header_key(cell)
        key = (wanted[matched] or None) if matched in wanted else column_key(cell, lookup)
        if key in wanted.values() and matched not in wanted:
            key = None  # the user put this field in another column
        keys.append(None if key in keys else key)
    return keys


def check_choices(row: list[str], name: str, chosen: dict[str, str] | None) -> list[Problem]:
    """A chosen meaning for a column the header row lacks, or a field that is no
    measure field, said with the choices there are."""
    problems = []
    headers = {header_key(cell): cell for cell in row if header_key(cell)}
    for header, key in (chosen or {}).items():
        if header_key(header) not in headers:
            choices = ", ".join(shown_header(h) for h in headers.values())
            params = {"column": header, "name": name, "choices": choices}
            problems.append(Problem("import.no_such_column", params))
        if key and key not in FIELD_KEYS:
            params = {"field": key, "choices": ", ".join(FIELD_KEYS)}
            problems.append(Problem("import.unknown_field", params))
    return problems


def columns_read(row: list[str], keys: list[str | None]) -> list[tuple[str, str | None]]:
    """The header row as Layout.columns: each written header and its key."""
    return [
        (shown, key)
        for cell, key in zip(row, keys, strict=False)
        if (shown := shown_header(str(cell)))
    ]


def column_choices(options: tuple[str, ...]) -> dict[str, str] | None:
    """The command line's --column "Header=field" options as read_bytes takes them.

    Raises ValidationError for an option without "=".
    """
    choices = {}
    for option in options:
        header, sign, key = option.rpartition("=")
        if not sign or not header.strip():
            raise ValidationError(Problem("import.column_option", {"value": option}))
        choices[header.strip()] = key.strip()
    return choices or None


def layout_lines(layouts: list[Layout], lang: str) -> list[str]:
    """How the measure table was read, a line each: the sheet and header row, each
    column and its field, where the themes came from, the other sheets to choose."""
    lines = []
    for layout in layouts:
        if layout.table != MEASURES.key:
            continue
        lines.append(i18n.t("importlayout.sheet", lang, name=layout.sheet, row=layout.header_row))
        for column, key in layout.columns:
            label = i18n.t(f"importfield.{key}" if key else "importlayout.ignored", lang)
            lines.append(i18n.t("importlayout.column", lang, column=column, field=label))
        if layout.theme_rows:
            lines.append(i18n.t("importlayout.theme_rows", lang))
        if len(layout.candidates) > 1:
            names = ", ".join(layout.candidates)
            lines.append(i18n.t("importlayout.candidates", lang, names=names))
    return lines


def preview_lines(preview: list[dict[str, Any]], lang: str) -> list[str]:
    """The first measures as they will be stored (ImportResult.preview), a line each:
    «1.2 Tittel · 1 Tema · Ansvarlig · Partner, Partner · 2024-Q1 – 2028-Q4 · Pågår»."""
    if not preview:
        return []
    lines = [i18n.t("importlayout.first_rows", lang)]
    for row in preview:
        parts = [
            f"{row['code']} {row['title']}",
            row["theme"],
            row["lead"],
            ", ".join(row["partners"]) or "–",
            span_text(row["start"], row["end"]),
        ]
        if row["status"]:
            parts.append(i18n.label(Status(row["status"]), lang))
        lines.append("  " + " · ".join(parts))
    return lines
