"""A spreadsheet cell's value as the text the importer reads: numbers as Excel shows
them (the decimals of the number format, per cent), dates as their quarter."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from tracker.planfile.limits import EXACT_DIGITS
from tracker.planfile.text import clean
from tracker.quarters import Quarter

_DECIMALS = re.compile(r"0\.(0+)")  # the decimals of a number format: "0.00", "#,##0.0"


def row_texts(row: tuple[Any, ...], keep_dates: bool = False) -> list[str]:
    end = len(row)
    while end and row[end - 1].value is None:  # most padding is trailing empty cells
        end -= 1
    return [cell_text(cell.value, cell.number_format, keep_dates) for cell in row[:end]]


class NumberText(str):
    """A numeric cell's text. exact is False for a whole number longer than Excel
    holds (15 digits): 12345678901234567890 is stored as 12345678901234567168."""

    exact: bool = True


def _number_text(value: int | float, number_format: str | None = None) -> NumberText:
    if isinstance(value, float) and not value.is_integer():
        return NumberText(_decimals_shown(value, number_format))
    whole = int(value)
    text = NumberText(str(whole))
    text.exact = len(str(abs(whole))) <= EXACT_DIGITS
    return text


def cell_text(value: object, number_format: str | None = None, keep_dates: bool = False) -> str:
    """A spreadsheet cell as text: whole floats without .0, other numbers with the
    decimals their format shows (3.1 as 0.00 is '3.10'), dates as their quarter
    (keep_dates: as the day, 2026-01-28, for the Årshjul sheet), a percent-formatted
    number as per cent (1.0 shown as 100 % is '100')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, int | float) and "%" in (number_format or ""):
        value = round(value * 100, 9)
    if isinstance(value, int | float):
        return _number_text(value, number_format)
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d") if keep_dates else _date_text(value)
    return clean(str(value))


def _decimals_shown(value: float, number_format: str | None) -> str:
    """The shortest text that is this float (3.5, 0.1), with the trailing zeros its
    number format shows: 3.1 formatted 0.00 is the measure «3.10», not «3.1»."""
    text = repr(value)
    match = _DECIMALS.search((number_format or "").split(";")[0])
    if match is None or "e" in text:
        return text
    shown = f"{value:.{len(match.group(1))}f}"
    return shown if float(shown) == value and len(shown) > len(text) else text


def _date_text(value: date) -> str:
    try:
        return str(Quarter(value.year, (value.month - 1) // 3 + 1))
    except ValueError:  # a year no plan has: left for the column's own check
        return value.isoformat()
