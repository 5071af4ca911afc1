"""Reading a plan file into plain tables: XLSX sheets, a CSV file, or a folder of
CSV files. No rules about the plan here, only about files."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tracker.cells_safe import unneutralised
from tracker.errors import Problem
from tracker.planfile import EVENTS, MEASURES, SHEETS, Sheet
from tracker.quarters import Quarter

HEADER_SEARCH_ROWS = 10
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS, MAX_COLUMNS = 100_000, 80  # a sheet beyond this is refused, not read
_HEADER_PUNCTUATION = re.compile(r"[.:*()\[\]]")


@dataclass
class Table:
    """One sheet: its column keys (None = unknown column), and rows as
    (spreadsheet row number, {column key: text})."""

    sheet: Sheet
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


@dataclass
class Tables:
    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)


def normalise(text: object) -> str:
    """Header/lookup form: NFC, case-folded, inner spaces collapsed, trimmed of : *."""
    value = unicodedata.normalize("NFC", str(text or "")).casefold()
    value = re.sub(r"\s+", " ", value).strip().strip(":*").strip()
    return value


def header_key(text: object) -> str:
    """A header as matched: normalised, without punctuation ('Tiltak nr.' -> 'tiltak nr')."""
    value = _HEADER_PUNCTUATION.sub("", normalise(text))
    return re.sub(r"\s+", " ", value).strip()


def clean(text: str) -> str:
    """Text without the control characters XLSX cannot hold (NUL, \\x0b from Word …)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def read_path(path: Path) -> Tables:
    """Read a .xlsx, a .csv or a folder of .csv files. Never raises for bad content."""
    out = Tables()
    try:
        if path.is_dir():
            _read_folder(path, out)
        elif path.suffix.lower() in (".xlsx", ".xlsm"):
            _read_xlsx(path.read_bytes(), out)
        elif path.suffix.lower() in (".csv", ".txt"):
            _read_csv_bytes(path.read_bytes(), csv_sheet(path.name), path.name, out)
        else:
            out.problems.append(Problem("import.unknown_file_type", {"name": path.name}))
    except OSError as error:
        out.problems.append(Problem("import.unreadable", {"name": path.name, "error": error}))
    return out


def read_bytes(data: bytes, filename: str) -> Tables:
    """The same as read_path for an upload held in memory."""
    out = Tables()
    if filename.lower().endswith((".xlsx", ".xlsm")):
        _read_xlsx(data, out)
    elif filename.lower().endswith((".csv", ".txt")):
        _read_csv_bytes(data, csv_sheet(filename), filename, out)
    else:
        out.problems.append(Problem("import.unknown_file_type", {"name": filename}))
    return out


def csv_sheet(filename: str) -> Sheet:
    """A lone CSV file holds measures, unless it is named after the Årshjul sheet."""
    return EVENTS if sheet_for_name(Path(filename).stem) is EVENTS else MEASURES


def _read_folder(folder: Path, out: Tables) -> None:
    files = sorted(folder.glob("*.csv"))
    if not files:
        out.problems.append(Problem("import.empty_folder", {"name": str(folder)}))
    for file in files:
        sheet = sheet_for_name(file.stem)
        if sheet is None:
            out.notices.append(Problem("import.unknown_sheet", {"name": file.name}))
            continue
        _read_csv_bytes(file.read_bytes(), sheet, file.name, out)


def sheet_for_name(name: str) -> Sheet | None:
    wanted = _ascii(normalise(name))
    for sheet in SHEETS:
        names = (sheet.key, sheet.title, *sheet.aliases)
        if wanted in {_ascii(normalise(n)) for n in names}:
            return sheet
    return None


def _ascii(text: str) -> str:
    return text.replace("æ", "ae").replace("ø", "o").replace("å", "a")


def _read_csv_bytes(data: bytes, sheet: Sheet, name: str, out: Tables) -> None:
    if len(data) > MAX_FILE_BYTES:
        out.problems.append(Problem("import.too_large", {"name": name}))
        return
    text = _decode(data)
    if text is None:
        out.problems.append(Problem("import.not_utf8", {"name": name}))
        return
    try:
        grid = _csv_grid(clean(text), sheet)
    except csv.Error as error:
        out.problems.append(Problem("import.unreadable", {"name": name, "error": error}))
        return
    _add_table(grid, sheet, name, out)


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _csv_grid(text: str, sheet: Sheet) -> list[list[str]]:
    """The cells, split on the separator with which the header row is found: the one
    the first line suggests, else ; , or tab (a title line may have none)."""
    first_guess = _guess_delimiter(text)
    grids = []
    for delimiter in dict.fromkeys((first_guess, ";", ",", "\t")):
        grid = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if _find_header(grid, sheet) is not None:
            return grid
        grids.append(grid)
    return grids[0]


def _guess_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _read_xlsx(data: bytes, out: Tables) -> None:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        out.problems.append(
            Problem("import.unreadable", {"name": "xlsx", "error": type(error).__name__})
        )
        return
    try:
        sheets = list(workbook.worksheets)
        for worksheet in sheets:
            sheet = sheet_for_name(worksheet.title)
            if sheet is None and len(sheets) == 1:
                sheet = MEASURES
            if sheet is None:
                out.notices.append(Problem("import.unknown_sheet", {"name": worksheet.title}))
                continue
            grid = _sheet_grid(worksheet, keep_dates=sheet is EVENTS)
            if grid is None:
                params = {"name": worksheet.title, "rows": MAX_ROWS, "columns": MAX_COLUMNS}
                out.problems.append(Problem("import.sheet_too_large", params))
                continue
            _add_table(grid, sheet, worksheet.title, out)
    except Exception as error:  # a damaged sheet inside a readable zip
        out.problems.append(
            Problem("import.unreadable", {"name": "xlsx", "error": type(error).__name__})
        )
    finally:
        workbook.close()


def _sheet_grid(worksheet: Any, keep_dates: bool = False) -> list[list[str]] | None:
    """A read-only sheet's cells as text, or None when it says it is larger than the caps.

    Read-only openpyxl pads every row to the sheet's width and fills gaps between rows,
    so a tiny file with one cell at XFD1048576 would mean 17 billion cells; the caps
    also bound a sheet whose file does not state its size.
    """
    height, width = worksheet.max_row or MAX_ROWS, worksheet.max_column or MAX_COLUMNS
    if height > MAX_ROWS or width > MAX_COLUMNS:
        return None
    rows = worksheet.iter_rows(max_row=height, max_col=width)
    return [_row_texts(row, keep_dates) for row in rows]


def _row_texts(row: tuple[Any, ...], keep_dates: bool = False) -> list[str]:
    end = len(row)
    while end and row[end - 1].value is None:  # most padding is trailing empty cells
        end -= 1
    return [cell_text(cell.value, cell.number_format, keep_dates) for cell in row[:end]]


def cell_text(value: object, number_format: str | None = None, keep_dates: bool = False) -> str:
    """A spreadsheet cell as text: whole floats without .0, dates as their quarter
    (keep_dates: as the day, 2026-01-28, for the Årshjul sheet), a percent-formatted
    number as per cent (1.0 shown as 100 % is '100')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, int | float) and "%" in (number_format or ""):
        value = round(value * 100, 9)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d") if keep_dates else _date_text(value)
    return clean(str(value))


def _date_text(value: date) -> str:
    try:
        return str(Quarter(value.year, (value.month - 1) // 3 + 1))
    except ValueError:  # a year no plan has: left for the column's own check
        return value.isoformat()


def _add_table(grid: list[list[str]], sheet: Sheet, name: str, out: Tables) -> None:
    header_index = _find_header(grid, sheet)
    if header_index is None:
        out.problems.append(
            Problem("import.no_header", {"name": name, "columns": ", ".join(sheet.headers())})
        )
        return
    keys = _map_headers(grid[header_index], sheet, name, out)
    missing = [c.header for c in sheet.columns if c.required and c.key not in keys]
    if missing:
        params = {"name": name, "columns": ", ".join(missing)}
        out.problems.append(Problem("import.missing_columns", params))
        return
    table = out.tables.setdefault(sheet.key, Table(sheet))
    for offset, raw in enumerate(grid[header_index + 1 :], start=header_index + 2):
        values = {
            key: unneutralised(str(raw[i]).strip())
            for i, key in enumerate(keys)
            if key is not None and i < len(raw)
        }
        if any(values.values()):
            table.rows.append((offset, values))


def _find_header(grid: list[list[str]], sheet: Sheet) -> int | None:
    """The first of the top rows that names at least the required columns (or two known)."""
    known = _header_lookup(sheet)
    required = {c.key for c in sheet.columns if c.required}
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found = {known[header_key(cell)] for cell in row if header_key(cell) in known}
        if found and (required <= found or len(found) >= 2):
            return index
    return None


def _map_headers(row: list[str], sheet: Sheet, name: str, out: Tables) -> list[str | None]:
    known = _header_lookup(sheet)
    keys: list[str | None] = []
    for cell in row:
        key = known.get(header_key(cell))
        if key in keys:
            key = None
        if key is None and normalise(cell):
            out.notices.append(Problem("import.column_ignored", {"name": name, "column": cell}))
        keys.append(key)
    return keys


def _header_lookup(sheet: Sheet) -> dict[str, str]:
    lookup = {}
    for column in sheet.columns:
        for text in (column.header, column.key, *column.aliases):
            lookup.setdefault(header_key(text), column.key)
            lookup.setdefault(_ascii(header_key(text)), column.key)
    return lookup
