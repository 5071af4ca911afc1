"""Values as a cell of a spreadsheet or CSV shows them: percentages and whole numbers
are numbers (text is made safe by tracker.cells_safe)."""

from __future__ import annotations

import pandas as pd

from tracker.reports.document import Column


def missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))  # type: ignore[call-overload]  # pandas-stubs: isna takes any object


def number(value: object, column: Column) -> float | int | None:
    """The number a cell holds, unrounded (each format rounds as it shows it);
    None when missing."""
    if missing(value):
        return None
    return int(value) if column.kind == "int" else float(value)  # type: ignore[call-overload, arg-type]
