"""Reading a plan file into plain tables: XLSX sheets, a CSV file, or a folder of
CSV files. No rules about the plan here, only about files.

The measures may be on a sheet of any name: the sheet is found by its header row
(layout.py), and the user may choose another sheet or another meaning for a column.
Themes given as group header rows, and notes under the table, are sorted out in
blocks.py. Each table read is described by a Layout."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from tracker.cells_safe import unneutralised
from tracker.errors import Problem
from tracker.planfile.blocks import Body, Shape, split_rows
from tracker.planfile.cells import NumberText, cell_text, row_texts
from tracker.planfile.layout import (
    FIRST_ROWS,
    HEADER_SEARCH_ROWS,
    Layout,
    check_choices,
    columns_read,
    find_header,
    holds_measures,
    map_columns,
    with_sub_headers,
)
from tracker.planfile.limits import (
    EXACT_DIGITS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    MAX_FILE_BYTES,
    MAX_SHEET_ROWS,
    check_xlsx,
    read_file,
    too_large,
)
from tracker.planfile.merges import Merges, read_merges
from tracker.planfile.sheets import EVENTS, INSTRUMENTS, MEASURES, SHEETS, Sheet
from tracker.planfile.text import ascii_letters, clean, header_key, normalise, plain, shown_header

__all__ = [
    "HEADER_SEARCH_ROWS",
    "MAX_FILE_BYTES",
    "Layout",
    "Table",
    "Tables",
    "cell_text",
    "clean",
    "header_key",
    "normalise",
    "read_bytes",
    "read_path",
]


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
    layouts: list[Layout] = field(default_factory=list)  # one per table read


@dataclass
class _Choice:
    """What the user chose: the sheet that holds the measures, and a meaning for
    columns of the measure table ({header as written: field key, or '' to ignore})."""

    sheet: str | None = None
    columns: dict[str, str] | None = None
    candidates: list[str] = field(default_factory=list)


def read_path(
    path: Path, *, sheet: str | None = None, columns: dict[str, str] | None = None
) -> Tables:
    """Read a .xlsx, a .csv or a folder of .csv files. Never raises for bad content;
    reads only regular files within the size limit (limits.read_file). sheet and
    columns: as read_bytes."""
    if path.is_dir():
        out = Tables()
        _read_folder(path, out, _Choice(columns=columns))
        return out
    if not _is_xlsx(path.name) and not _is_csv(path.name):
        return read_bytes(b"", path.name)
    data = read_file(path)
    if isinstance(data, Problem):
        return Tables(problems=[data])
    return read_bytes(data, path.name, sheet=sheet, columns=columns)


def read_bytes(
    data: bytes, filename: str, *, sheet: str | None = None, columns: dict[str, str] | None = None
) -> Tables:
    """The same as read_path for an upload held in memory. sheet: the sheet that holds
    the measures (default: the first whose header row says so). columns: a meaning
    for columns of the measure table, {header as written: a key of planfile.FIELD_KEYS,
    or '' to ignore the column}."""
    out = Tables()
    choice = _Choice(sheet, columns)
    if not _is_xlsx(filename) and not _is_csv(filename):
        out.problems.append(Problem("import.unknown_file_type", {"name": filename}))
    elif len(data) > MAX_FILE_BYTES:
        out.problems.append(too_large(filename))
    elif _is_xlsx(filename):
        _read_xlsx(data, filename, out, choice)
    else:
        _read_csv_bytes(data, csv_sheet(filename), filename, out, choice)
    return out


def _is_xlsx(filename: str) -> bool:
    return filename.lower().endswith((".xlsx", ".xlsm"))


def _is_csv(filename: str) -> bool:
    return filename.lower().endswith((".csv", ".txt"))


def csv_sheet(filename: str) -> Sheet:
    """A lone CSV file holds measures, unless it is named after the Årshjul or the
    Virkemidler sheet."""
    named = sheet_for_name(Path(filename).stem)
    return named if named in (EVENTS, INSTRUMENTS) else MEASURES


def _read_folder(folder: Path, out: Tables, choice: _Choice) -> None:
    files = sorted(folder.glob("*.csv"))
    if not files:
        out.problems.append(Problem("import.empty_folder", {"name": str(folder)}))
    total = 0
    for file in files:
        sheet = sheet_for_name(file.stem)
        if sheet is None:
            out.notices.append(Problem("import.unknown_sheet", {"name": file.name}))
            continue
        data = read_file(file)
        total += len(data) if isinstance(data, bytes) else 0
        if isinstance(data, Problem) or total > MAX_FILE_BYTES:  # the folder as one file
            out.problems.append(data if isinstance(data, Problem) else too_large(folder.name))
            return
        _read_csv_bytes(data, sheet, file.name, out, choice)


def sheet_for_name(name: str) -> Sheet | None:
    wanted = ascii_letters(normalise(name))
    for sheet in SHEETS:
        names = (sheet.key, sheet.title, *sheet.aliases)
        if wanted in {ascii_letters(normalise(n)) for n in names}:
            return sheet
    return None


def _read_csv_bytes(data: bytes, sheet: Sheet, name: str, out: Tables, choice: _Choice) -> None:
    text = _decode(data)
    if text is None:
        text = _decode_windows(data)
        if text is None:
            out.problems.append(Problem("import.not_utf8", {"name": name}))
            return
        out.notices.append(Problem("import.read_as_cp1252", {"name": name}))
    try:
        grid = _csv_grid(text, sheet)  # control characters are removed cell by cell
    except _TooManyRows:
        out.problems.append(Problem("import.too_many_rows", {"name": name, "limit": MAX_DATA_ROWS}))
        return
    except csv.Error:  # a cell over csv.field_size_limit(), as an unclosed quote makes
        out.problems.append(
            Problem("import.csv_broken", {"name": name, "limit": csv.field_size_limit()})
        )
        return
    _add_table(grid, sheet, name, out, choice)


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _decode_windows(data: bytes) -> str | None:
    """The text of a file Excel saved as «CSV (semikolondelt)» on Norwegian Windows."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _csv_grid(text: str, sheet: Sheet) -> list[list[str]]:
    """The cells, split on the separator with which the header row is found: the one
    the first line suggests, else ; , or tab (a title line may have none)."""
    first_guess = _guess_delimiter(text)
    grids = []
    for delimiter in dict.fromkeys((first_guess, ";", ",", "\t")):
        grid = _capped_rows(text, delimiter)
        if find_header(grid, sheet) is not None:
            return grid
        grids.append(grid)
    return grids[0]


class _TooManyRows(Exception):
    """More rows than the cap: said as import.too_many_rows."""


def _capped_rows(text: str, delimiter: str) -> list[list[str]]:
    """The rows, read no further than the caps the XLSX reader holds too: a 20 MB
    file of short lines must not become millions of lists in memory."""
    grid: list[list[str]] = []
    filled = 0
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        if len(grid) == MAX_SHEET_ROWS:
            raise _TooManyRows
        grid.append(row)
        filled += any(cell.strip() for cell in row)
        if filled > MAX_DATA_ROWS + HEADER_SEARCH_ROWS:  # more than a header and the cap
            raise _TooManyRows
    return grid


def _guess_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _read_xlsx(data: bytes, filename: str, out: Tables, choice: _Choice) -> None:
    from openpyxl import load_workbook

    if (refused := check_xlsx(data, filename)) is not None:
        out.problems.append(refused)
        return
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        out.problems.append(Problem("import.not_xlsx", {"name": filename}))
        return
    try:
        _read_sheets(workbook, out, choice)
    except Exception:  # a damaged sheet inside a readable zip
        out.problems.append(Problem("import.not_xlsx", {"name": filename}))
    finally:
        workbook.close()


def _read_sheets(workbook: Any, out: Tables, choice: _Choice) -> None:
    """Each sheet as the table its name says; the measures from the sheet chosen,
    else the first whose header row says it holds measures."""
    chosen = _measure_sheet(workbook, out, choice)
    if chosen is None and choice.sheet is not None:
        return
    for worksheet in workbook.worksheets:
        sheet = MEASURES if worksheet is chosen else sheet_for_name(worksheet.title)
        if sheet is MEASURES and worksheet is not chosen:
            continue  # another candidate, named in the sheet_chosen notice
        if sheet is None:
            if worksheet.title not in choice.candidates:
                out.notices.append(Problem("import.unknown_sheet", {"name": worksheet.title}))
            continue
        grid = _sheet_grid(worksheet, keep_dates=sheet in (EVENTS, INSTRUMENTS))
        if isinstance(grid, Problem):
            out.problems.append(grid)
            continue
        _add_table(grid, sheet, worksheet.title, out, choice, read_merges(worksheet))


def _measure_sheet(workbook: Any, out: Tables, choice: _Choice) -> Any | None:
    """The worksheet to read the measures from, and choice.candidates filled."""
    sheets = list(workbook.worksheets)
    choice.candidates = [ws.title for ws in sheets if _could_hold_measures(ws)]
    if choice.sheet is not None:
        picked = _named(sheets, choice.sheet)
        if picked is None:
            names = ", ".join(ws.title for ws in sheets)
            out.problems.append(
                Problem("import.no_such_sheet", {"name": choice.sheet, "choices": names})
            )
        return picked
    if not choice.candidates:  # the sheet nearest to a measure table, to say what it lacks
        unknown = [ws for ws in sheets if sheet_for_name(ws.title) is None]
        near = [ws for ws in unknown if find_header(_top(ws), MEASURES) is not None]
        return (near or unknown[: len(sheets) == 1] or [None])[0]
    picked = _named(sheets, choice.candidates[0])
    if len(choice.candidates) > 1:
        others = ", ".join(choice.candidates[1:])
        params = {"name": choice.candidates[0], "others": others}
        out.notices.append(Problem("import.sheet_chosen", params))
    return picked


def _could_hold_measures(worksheet: Any) -> bool:
    known = sheet_for_name(worksheet.title)
    if known is not None:
        return known is MEASURES
    return holds_measures(_top(worksheet))


def _top(worksheet: Any) -> list[list[str]]:
    """The rows a header is looked for in."""
    rows = worksheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS)
    return [row_texts(row) for row in rows]


def _named(worksheets: list[Any], name: str) -> Any | None:
    """The worksheet of this name, written exactly or in another case and spacing."""
    exact = [ws for ws in worksheets if ws.title == name]
    loose = [ws for ws in worksheets if normalise(ws.title) == normalise(name)]
    return (exact or loose or [None])[0]


def _sheet_grid(worksheet: Any, keep_dates: bool = False) -> list[list[str]] | Problem:
    """A read-only sheet's cells as text, or the limit it breaks.

    The sheet's stated size (its dimension record) only refuses early: it may be
    missing or wrong, so every row is read, counted against the limits as it comes.
    Read-only openpyxl pads rows to max_col and fills gaps between rows, so a tiny
    file with one cell at XFD1048576 costs one row per row counted, never 17 billion
    cells; a value right of MAX_COLUMNS makes the row one too wide.
    """
    too_large = Problem(
        "import.sheet_too_large",
        {"name": worksheet.title, "rows": MAX_SHEET_ROWS, "columns": MAX_COLUMNS},
    )
    if (worksheet.max_row or 0) > MAX_SHEET_ROWS or (worksheet.max_column or 0) > MAX_COLUMNS:
        return too_large
    worksheet.reset_dimensions()  # read past a dimension that says too little
    grid: list[list[str]] = []
    filled = 0
    for row in worksheet.iter_rows(max_col=MAX_COLUMNS + 1):
        texts = row_texts(row, keep_dates)
        if len(grid) == MAX_SHEET_ROWS or len(texts) > MAX_COLUMNS:
            return too_large
        grid.append(texts)
        filled += any(texts)
        if filled > MAX_DATA_ROWS + HEADER_SEARCH_ROWS:  # more than a header and the cap
            return Problem(
                "import.too_many_rows", {"name": worksheet.title, "limit": MAX_DATA_ROWS}
            )
    return grid


def _add_table(
    grid: list[list[str]],
    sheet: Sheet,
    name: str,
    out: Tables,
    choice: _Choice,
    merges: Merges | None = None,
) -> None:
    chosen = choice.columns if sheet is MEASURES else None
    found = _header(grid, sheet, name, chosen, out)
    if found is None:
        return
    header_row, start, header, keys = found
    if merges is not None:
        merges.fill_down(grid, start + 1)
    filled = [
        (number, raw)
        for number, raw in enumerate(grid[start:], start=start + 1)
        if any(plain(str(cell)) for cell in raw)
    ]
    body = None
    if sheet is MEASURES:
        shape = _shape(header, keys, merges, start + 1, len(grid))
        body = split_rows(filled, shape, group_rows="theme" not in keys)
        body.notes.extend(_blank_rows(grid, start, body, shape.merged_across))
    rows = _values(body.rows if body else filled, keys, header, body, name, out)
    if len(rows) > MAX_DATA_ROWS:
        out.problems.append(Problem("import.too_many_rows", {"name": name, "limit": MAX_DATA_ROWS}))
        return
    out.notices.extend(body.notes if body else [])
    out.tables.setdefault(sheet.key, Table(sheet)).rows.extend(rows)
    out.layouts.append(
        Layout(
            sheet=name,
            header_row=header_row,
            columns=columns_read(header, keys),
            candidates=list(choice.candidates) or [name] * (sheet is MEASURES),
            theme_rows=bool(body and body.themes),
            first_rows=[(number, dict(values)) for number, values in rows[:FIRST_ROWS]],
            table=sheet.key,
            title_rows=_title_rows(grid[: header_row - 1]),
        )
    )


def _shape(
    header: list[str], keys: list[str | None], merges: Merges | None, first_row: int, last_row: int
) -> Shape:
    """Where the measure table sits: its first column (the first header), and the
    data rows that hold a cell merged across."""
    first = next((i for i, cell in enumerate(header) if plain(str(cell))), 0)
    across = merges.across(first_row, last_row) if merges else set()
    return Shape(keys, first, across)


def _blank_rows(grid: list[list[str]], start: int, body: Body, merged: set[int]) -> list[Problem]:
    """One notice naming the blank rows between the header and the last measure
    (blank rows after the table are no news, nor the lower rows of a merged cell)."""
    if not body.rows:
        return []
    last = body.rows[-1][0]
    blank = [
        number
        for number, raw in enumerate(grid[start : last - 1], start=start + 1)
        if number not in merged and not any(plain(str(cell)) for cell in raw)
    ]
    if not blank:
        return []
    return [Problem("import.blank_rows", {"rows": row_spans(blank)})]


def row_spans(numbers: list[int]) -> str:
    """Row numbers as spans: [3, 4, 6] -> '3–4, 6'."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def _title_rows(rows: list[list[str]]) -> list[str]:
    """The texts of the rows above the header, a row's cells joined by a space."""
    texts = (" ".join(t for cell in row if (t := plain(clean(str(cell))))) for row in rows)
    return [text for text in texts if text]


def _header(
    grid: list[list[str]], sheet: Sheet, name: str, chosen: dict[str, str] | None, out: Tables
) -> tuple[int, int, list[str], list[str | None]] | None:
    """The header's row number, the index where the rows start, the header (with
    the sub-headers of a second header row) and each column's key; None when the
    header is missing or lacks a required column (said in out.problems)."""
    index = find_header(grid, sheet, chosen)
    if index is None:
        columns = ", ".join(sheet.headers())
        out.problems.append(Problem("import.no_header", {"name": name, "columns": columns}))
        return None
    header, start = grid[index], index + 1
    if start < len(grid) and (merged := with_sub_headers(header, grid[start], sheet)):
        header, start = merged, start + 1
    if refused := check_choices(header, name, chosen):
        out.problems.extend(refused)
        return None
    keys = map_columns(header, sheet, chosen)
    _notice_ignored(header, keys, chosen, name, out)
    missing = [c.header for c in sheet.columns if c.required and c.key not in keys]
    if missing:
        params = {"name": name, "columns": ", ".join(missing)}
        out.problems.append(Problem("import.missing_columns", params))
        return None
    return index + 1, start, header, keys


def _values(
    rows: list[tuple[int, list[str]]],
    keys: list[str | None],
    header: list[str],
    body: Body | None,
    name: str,
    out: Tables,
) -> list[tuple[int, dict[str, str]]]:
    """The rows as {column key: text}, with the theme of their group row."""
    written = {key: shown_header(cell) for cell, key in zip(header, keys, strict=False) if key}
    read = []
    for number, raw in rows:
        cells = {key: raw[i] for i, key in enumerate(keys) if key is not None and i < len(raw)}
        values = {key: unneutralised(plain(clean(str(cell)))) for key, cell in cells.items()}
        if body and number in body.themes:
            values["theme"] = body.themes[number]
        if any(values.values()):
            read.append((number, values))
            _check_numbers(cells, number, written, name, out)
            _notice_dropped(cells, raw[len(keys) :], number, len(keys), written, out)
    return read


def _notice_ignored(
    header: list[str], keys: list[str | None], chosen: dict[str, str] | None, name: str, out: Tables
) -> None:
    """A column with a header that names no field, unless the user chose to ignore it."""
    ignored = {header_key(h) for h, key in (chosen or {}).items() if not key}
    for cell, key in zip(header, keys, strict=False):
        if key is None and normalise(cell) and header_key(cell) not in ignored:
            column = " ".join(plain(cell).split())
            out.notices.append(Problem("import.column_ignored", {"name": name, "column": column}))


def _notice_dropped(
    cells: dict[str, str],
    beyond: list[str],
    row: int,
    width: int,
    headers: dict[str, str],
    out: Tables,
) -> None:
    """Say what of a row is not imported: control characters taken out of a cell,
    values right of the last header. headers: each key's header as written."""
    for key, cell in cells.items():
        if clean(str(cell)) != cell:
            out.notices.append(Problem("import.characters_removed", {}, headers[key], row))
    for index, cell in enumerate(beyond, start=width + 1):
        if str(cell).strip():
            params = {"column": get_column_letter(index), "value": str(cell).strip()[:40]}
            out.notices.append(Problem("import.value_without_header", params, None, row))


def _check_numbers(
    cells: dict[str, str], row: int, headers: dict[str, str], name: str, out: Tables
) -> None:
    """A number Excel cannot have held exactly is an error; a code stored as a number
    is noticed once per file (Excel has dropped zeros such a code may have had)."""
    for key, cell in cells.items():
        if not isinstance(cell, NumberText):
            continue
        if not cell.exact:
            params = {"value": cell, "digits": EXACT_DIGITS}
            out.problems.append(Problem("import.number_inexact", params, headers[key], row))
        elif key == "code" and not any(p.key == "import.codes_as_numbers" for p in out.notices):
            params = {"column": headers[key], "name": name, "row": row, "value": cell}
            out.notices.append(Problem("import.codes_as_numbers", params))
