"""What the app accepts for numbers and how long a text may be: one place for each
limit. A text column's limit is its own size in tracker.models (String(n)); a Text
column has none in the database, so the model names one in info["max_length"],
or TEXT_LIMIT holds."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

MIN_YEAR = 1900
MAX_YEAR = 2200
"""A plan's or an indicator's years: statistics older than 1900 are not a baseline
for a business plan, and a target beyond 2200 is a typing error."""
MAX_WEIGHT = 1000
"""A measure's weight is its importance relative to the others (default 1). A
thousand to one is more than any plan needs, and it keeps every weighted sum of a
plan far inside what a float holds: 1e308 made the plan's progress inf."""
PROGRESS_MIN, PROGRESS_MAX = 0, 100
"""A reported progress: a whole percentage from 0 to 100 (or unknown), in steps of 1."""
TEXT_LIMIT = 20_000
"""The longest free text in a Text column that names no max_length of its own."""


def column_limit(column: Any) -> int:
    """The most characters a text column holds: String(n) -> n; a Text column's
    info["max_length"], else TEXT_LIMIT. Takes a model attribute (Plan.name) or a
    Column."""
    expression = getattr(column, "expression", column)
    length = getattr(expression.type, "length", None)
    return length or expression.info.get("max_length", TEXT_LIMIT)


def is_multiline(column: Any) -> bool:
    """A Text column (no length of its own) holds lines; a String(n) one line."""
    expression = getattr(column, "expression", column)
    return getattr(expression.type, "length", None) is None


def finite_number(value: object) -> float | None:
    """value as a float when it is a real, finite number (int, float, Decimal, a
    numpy number); None for text, booleans, None, NaN and ±inf."""
    if isinstance(value, bool) or value is None or isinstance(value, str | bytes):
        return None
    if not isinstance(value, int | float | Decimal) and not hasattr(value, "__float__"):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def is_progress(value: object) -> bool:
    """A whole percentage from PROGRESS_MIN to PROGRESS_MAX (an int; not a bool or 58.5)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return PROGRESS_MIN <= value <= PROGRESS_MAX


def is_year(value: object) -> bool:
    """A whole year from MIN_YEAR to MAX_YEAR (an int; not a bool, text or 2024.5)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return MIN_YEAR <= value <= MAX_YEAR
