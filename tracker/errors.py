"""Errors the use cases raise. Each carries message keys from tracker.i18n, so the
UI and the CLI can say it in the user's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from tracker import i18n

Shown = Callable[[str], str]


@dataclass(frozen=True)
class Problem:
    """One thing wrong: a catalogue key and its parameters, perhaps tied to a field or a row."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str | None = None
    row: int | None = None

    def text(self, lang: str = i18n.DEFAULT_LANG, *, shown: Shown | None = None) -> str:
        """The message; shown(value) is applied to every text put into it (the UI
        escapes stored text for Markdown)."""
        params = {k: _localise(v, lang) for k, v in self.params.items()}
        if shown is not None:
            params = {k: shown(v) if isinstance(v, str) else v for k, v in params.items()}
        if self.key in i18n.PLURALS:  # a count picks the form
            count = params.pop("count")
            message = i18n.tn(self.key, count, lang, **params)
        else:
            message = i18n.t(self.key, lang, **params)
        if self.row is None:
            return message
        where = i18n.t("import.where_row", lang, row=self.row)
        if self.field:
            where = i18n.t("import.where_row_column", lang, row=self.row, column=self.field)
        return f"{where}: {message}"


@dataclass(frozen=True)
class Term:
    """A catalogue key as a message parameter (a field's name), said in the
    language of the message."""

    key: str


def _localise(value: Any, lang: str) -> Any:
    if isinstance(value, Term):
        return i18n.t(value.key, lang)
    if isinstance(value, tuple):  # a list of choices
        return ", ".join(str(_localise(v, lang)) for v in value)
    if isinstance(value, datetime):
        return i18n.format_datetime(value, lang)
    if isinstance(value, date):
        return i18n.format_date(value, lang)
    if isinstance(value, StrEnum):
        return i18n.label(value, lang)
    return value


class TrackerError(Exception):
    """Base class: one or more problems."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.text("en") for p in self.problems))

    @classmethod
    def of(cls, key: str, field: str | None = None, **params: Any) -> TrackerError:
        return cls(Problem(key, params, field))

    def text(self, lang: str = i18n.DEFAULT_LANG, *, shown: Shown | None = None) -> str:
        return "\n".join(p.text(lang, shown=shown) for p in self.problems)

    def by_field(self) -> dict[str | None, list[Problem]]:
        grouped: dict[str | None, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.field, []).append(problem)
        return grouped


class ValidationError(TrackerError):
    """Input that breaks a rule; nothing was written."""


class PermissionDenied(TrackerError):
    """The acting user may not do this; nothing was written."""


class NotFound(TrackerError):
    """The thing asked for does not exist."""


class ConflictError(TrackerError):
    """Someone changed the data since the caller read it; nothing was written.

    `current` holds the newer state (e.g. the latest status report) to show beside
    the caller's own version.
    """

    def __init__(self, *problems: Problem, current: dict[str, Any] | None = None) -> None:
        super().__init__(*problems)
        self.current = current or {}


class WriteRefused(TrackerError):
    """The database refused a write (another write took the same unique value first)
    or could not take it (locked, unreachable): tracker.db.refusal. Nothing was
    written."""


class AuthError(TrackerError):
    """Login refused. `locked_until` is set when the account is locked."""

    def __init__(self, *problems: Problem, locked_until: datetime | None = None) -> None:
        super().__init__(*problems)
        self.locked_until = locked_until
