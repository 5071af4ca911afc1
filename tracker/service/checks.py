"""The checks every service write runs on what users type: text cleaned
(tracker.cleaning) and within its column's size (tracker.limits), numbers finite,
years years, codes from the vocabulary, e-mail addresses shaped like one. Each
check returns the cleaned value (None when bad) and collects its problem, tied to
the field, so one ValidationError can list them all."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, TypeVar

from tracker.cleaning import clean_text
from tracker.errors import Problem, Term, ValidationError
from tracker.limits import MAX_YEAR, MIN_YEAR, column_limit, finite_number, is_multiline, is_year
from tracker.quarters import Quarter

E = TypeVar("E", bound=StrEnum)

EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
"""The form of an e-mail address, checked simply: one @, something before it, and
after it a domain of dot-separated labels (no empty ones, at least one dot), no
spaces. Whether it reaches anyone only sending mail can tell."""


def field_name(column: Any) -> Term:
    """The name users know a column by: field.<table>.<column> in the catalogue."""
    expression = getattr(column, "expression", column)
    return Term(f"field.{expression.table.name}.{expression.key}")


def too_long(text: str, column: Any, field: str | None = None) -> Problem | None:
    """The problem with text (cleaned) when it is longer than column holds."""
    limit = column_limit(column)
    if len(text) <= limit:
        return None
    params = {"name": field_name(column), "limit": limit, "length": len(text)}
    return Problem("field.too_long", params, field)


class Checks:
    """Collects problems; each check returns the cleaned value (or None when bad)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, key: str, field: str | None = None, **params: Any) -> None:
        self.problems.append(Problem(key, params, field))

    def text(self, field: str, value: object, column: Any, *, required: str | None = None) -> str:
        """value cleaned for column; `required` is the message key when it is empty."""
        cleaned = clean_text(value, multiline=is_multiline(column))
        return self.cleaned(field, cleaned, column, required=required)

    def cleaned(self, field: str, text: str, column: Any, *, required: str | None = None) -> str:
        """An already cleaned (perhaps tidied) text checked for column."""
        if required and not text:
            self.add(required, field)
        elif (problem := too_long(text, column, field)) is not None:
            self.problems.append(problem)
        return text

    def number(self, field: str, value: object, column: Any) -> float | None:
        number = finite_number(value)
        if number is None:
            self.add("field.not_finite", field, name=field_name(column))
        return number

    def year(self, field: str, value: object) -> int | None:
        if not is_year(value):
            self.add("admin.year_invalid", field, value=value, min=MIN_YEAR, max=MAX_YEAR)
            return None
        return value  # type: ignore[return-value]

    def quarter(self, field: str, value: object) -> Quarter | None:
        try:
            return Quarter.parse(clean_text(value))
        except ValueError:
            self.add("report.period_invalid", field, period=clean_text(value))
            return None

    def member(self, field: str, value: object, enum: type[E], column: Any) -> E | None:
        try:
            return enum(value)  # type: ignore[arg-type]  # any value: a wrong one is the ValueError
        except ValueError:
            self.add("field.not_one_of", field, name=field_name(column), choices=tuple(enum))
            return None

    def email(self, field: str, value: object, column: Any) -> str | None:
        """An e-mail address, lower-cased; None when empty or bad."""
        text = clean_text(value).lower()
        if not text:
            return None
        if (problem := too_long(text, column, field)) is not None:
            self.problems.append(problem)
        elif not EMAIL.match(text):
            self.add("field.email_invalid", field, value=text)
        return text

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(*self.problems)
