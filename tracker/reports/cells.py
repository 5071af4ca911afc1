"""Values as a cell of a spreadsheet or CSV shows them: text that a spreadsheet would
take for a formula is neutralised, percentages and whole numbers are numbers."""

from __future__ import annotations

import pandas as pd

from tracker.reports.document import Column

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """True for text a spreadsheet would run (e.g. a comment `=HYPERLINK(...)`)."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralised(value: object) -> object:
    """Text that looks like a formula, prefixed with ' (OWASP's advice for CSV)."""
    return f"'{value}" if looks_like_formula(value) else value


def missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def number(value: object, column: Column) -> float | int | None:
    """The number a cell holds, unrounded (each format rounds as it shows it);
    None when missing."""
    if missing(value):
        return None
    return int(value) if column.kind == "int" else float(value)  # type: ignore[call-overload, arg-type]
