"""A sheet's merged cells. openpyxl's read-only reader gives none, so they are read
from the sheet's XML part (the <mergeCell ref="C3:C5"/> records after its rows),
a chunk at a time. Only what the data rows need is kept: cells merged down one
column are filled with the top-left value (Ansvar merged over a block of measures),
and the rows that hold a cell merged across columns are named (a group header)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import range_boundaries

from tracker.planfile.limits import MAX_COLUMNS, MAX_SHEET_ROWS

_MERGE = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)"'
)
_CHUNK = 1 << 20
_OVERLAP = 256  # a record cut between two chunks is found whole in the next
MAX_MERGES = MAX_SHEET_ROWS
"""Merged ranges read from a sheet at most (Excel allows no overlapping ones)."""


@dataclass
class Merges:
    """(min column, min row, max column, max row), 1-based, of each merged range."""

    ranges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def across(self, start_row: int, end_row: int) -> set[int]:
        """The rows from start_row to end_row that hold a range wider than one column."""
        rows: set[int] = set()
        budget = (end_row - start_row + 1) * MAX_COLUMNS  # as fill_down's
        for left, top, right, bottom in self.ranges:
            if right > left and start_row <= top <= end_row:
                budget -= min(bottom, end_row) - top + 1
                if budget < 0:
                    break
                rows.update(range(top, min(bottom, end_row) + 1))
        return rows

    def fill_down(self, grid: list[list[str]], start_row: int) -> None:
        """Fill each range one column wide and taller than one row, that begins at
        or below start_row, with its top value, in the grid's rows. Ranges that
        overlap (a crafted file) fill no more cells than the grid has."""
        budget = len(grid) * MAX_COLUMNS
        for left, top, right, bottom in self.ranges:
            if right != left or bottom == top or not start_row <= top <= len(grid):
                continue
            value = _cell(grid[top - 1], left)
            rows = grid[top : min(bottom, len(grid))]
            budget -= len(rows)
            if budget < 0:
                return
            for row in rows:
                row.extend([""] * (left - len(row)))
                if not row[left - 1]:
                    row[left - 1] = value


def _cell(row: list[str], column: int) -> str:
    return row[column - 1] if column <= len(row) else ""


def read_merges(worksheet: Any) -> Merges:
    """The merged ranges of a read-only worksheet, within the sheet's limits."""
    archive = getattr(worksheet.parent, "_archive", None)
    path = getattr(worksheet, "_worksheet_path", None)
    if archive is None or path is None:  # not a read-only sheet from a file
        return Merges([_bounds(str(r)) for r in getattr(worksheet, "merged_cells", ())])
    refs: dict[bytes, None] = {}
    with archive.open(path) as part:
        tail = b""
        while chunk := part.read(_CHUNK):
            buffer = tail + chunk
            refs.update(dict.fromkeys(m.group(1) for m in _MERGE.finditer(buffer)))
            if len(refs) > MAX_MERGES:
                break
            tail = buffer[-_OVERLAP:]
    bounds = (_bounds(ref.decode()) for ref in list(refs)[:MAX_MERGES])
    return Merges([b for b in bounds if b[0] <= MAX_COLUMNS and b[1] <= MAX_SHEET_ROWS])


def _bounds(ref: str) -> tuple[int, int, int, int]:
    left, top, right, bottom = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
    return left or 1, top or 1, right or 1, bottom or 1
