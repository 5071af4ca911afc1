"""Parsing the cell values people write in plan spreadsheets. Each parser returns
the value or raises ValueError with a catalogue key as its message."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from tracker import i18n
from tracker.importers.read import normalise
from tracker.planfile import ONGOING
from tracker.quarters import Quarter
from tracker.vocab import ActorKind, EventKind, Rag, Status

_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(.+?)\s*(?:–|—|-|/|til|to)\s*(.+)$")
_SEMICOLON_SPLIT = re.compile(r"[;\n]")
_COMMA_SPLIT = re.compile(r"[,\n]")


def split_list(text: str) -> list[str]:
    """'Kupa; NAV' or 'Kupa, NAV' (or one name a line) -> two names.

    A cell with a semicolon is split on semicolons only, so a name with a comma in it
    ('Nord universitet, campus Mo; Kupa') survives: export writes lists that way.
    """
    value = text or ""
    separator = _SEMICOLON_SPLIT if ";" in value else _COMMA_SPLIT
    parts = (part.strip(" \t\r,") for part in separator.split(value))
    return [part for part in parts if part]


def parse_bound(text: str, *, end: bool) -> Quarter:
    """'2025' (Q1 as a start, Q4 as an end) or '2025-Q3'."""
    value = text.strip()
    year = _YEAR.match(value)
    try:
        if year:
            return Quarter(int(year.group(1)), 4 if end else 1)
        return Quarter.parse(value)
    except ValueError:  # not a quarter, or a year out of range
        raise ValueError("import.bad_period") from None


def parse_quarter(text: str) -> Quarter:
    """'2025-Q3' (also '2025Q3', '2025-K3')."""
    try:
        return Quarter.parse(text)
    except ValueError:
        raise ValueError("import.bad_quarter") from None


def parse_period(text: str, plan_start: int, plan_end: int) -> tuple[Quarter, Quarter]:
    """'2024', '2024–2026', '2024-2026', '2025-Q2', '2025-Q2–2026-Q1' or 'Løpende'.

    An empty text means the plan's whole period, like 'Løpende'.
    """
    value = (text or "").strip()
    if not value or normalise(value) in ONGOING:
        return Quarter(plan_start, 1), Quarter(plan_end, 4)
    try:
        single = Quarter.parse(value)
        return single, single
    except ValueError:
        pass
    if _YEAR.match(value):
        return parse_bound(value, end=False), parse_bound(value, end=True)
    match = _RANGE.match(_join_quarter_dash(value))
    if not match:
        raise ValueError("import.bad_period")
    first = parse_bound(match.group(1).replace("~", "-"), end=False)
    last = parse_bound(match.group(2).replace("~", "-"), end=True)
    return first, last


def _join_quarter_dash(value: str) -> str:
    """Protect the dash inside '2025-Q2' so it is not read as a range dash."""
    return re.sub(r"(\d{4})\s*-\s*([QqKk][1-4])", r"\1~\2", value)


def parse_weight(text: str) -> float:
    if not text.strip():
        return 1.0
    try:
        weight = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        raise ValueError("import.bad_weight") from None
    return weight  # its range is the services' rule (admin.check_weight)


def parse_progress(text: str) -> int | None:
    """'40', '40 %', '0,4' (a fraction from a percent-formatted cell), '' or 'ukjent'.

    '0,5 %' is half a per cent: with a written per cent sign, nothing is a fraction.
    """
    per_cent = "%" in text
    value = text.strip().replace("%", "").replace(",", ".").strip()
    if normalise(value) in ("", "ukjent", "unknown", "?", "-", "–"):
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError("import.bad_progress") from None
    if not per_cent and 0 < number < 1:
        number *= 100
    if not math.isfinite(number):
        raise ValueError("import.bad_progress")
    # Its range is the report form's rule (status.check_report_values); a negative
    # number stays negative, so the rule sees it.
    return math.floor(number) if number < 0 else round(number)


_STATUS_WORDS = {
    "ferdig": Status.COMPLETED,
    "gjennomført": Status.COMPLETED,
    "avsluttet": Status.COMPLETED,
    "done": Status.COMPLETED,
    "påbegynt": Status.IN_PROGRESS,
    "i gang": Status.IN_PROGRESS,
    "startet": Status.IN_PROGRESS,
    "under arbeid": Status.IN_PROGRESS,
    "ikke påbegynt": Status.NOT_STARTED,
    "planlagt": Status.NOT_STARTED,
    "avlyst": Status.CANCELLED,
    "utgått": Status.CANCELLED,
    "forsinket": Status.POSTPONED,
}
_RAG_WORDS = {
    "grønn": Rag.GREEN,
    "gul": Rag.YELLOW,
    "rød": Rag.RED,
    "amber": Rag.YELLOW,
    "g": Rag.GREEN,
    "y": Rag.YELLOW,
    "r": Rag.RED,
}


def _vocab_lookup(enum: type, extra: dict) -> dict[str, object]:
    lookup = {normalise(k): v for k, v in extra.items()}
    for member in enum:
        lookup[normalise(member.value)] = member
        lookup[normalise(member.value.replace("_", " "))] = member
        for lang in i18n.LANGUAGES:
            lookup[normalise(i18n.label(member, lang))] = member
    return lookup


_STATUS_LOOKUP = _vocab_lookup(Status, _STATUS_WORDS)
_RAG_LOOKUP = _vocab_lookup(Rag, _RAG_WORDS)
_EVENT_KIND_LOOKUP = _vocab_lookup(EventKind, {})
_ACTOR_KIND_LOOKUP = _vocab_lookup(ActorKind, {})


def parse_status(text: str) -> Status:
    found = _STATUS_LOOKUP.get(normalise(text))
    if found is None:
        raise ValueError("import.bad_status")
    return found  # type: ignore[return-value]


def parse_rag(text: str) -> Rag | None:
    if not text.strip():
        return None
    found = _RAG_LOOKUP.get(normalise(text))
    if found is None:
        raise ValueError("import.bad_rag")
    return found  # type: ignore[return-value]


def parse_event_kind(text: str) -> EventKind:
    """An årshjul event's kind by its code or its label in either language."""
    found = _EVENT_KIND_LOOKUP.get(normalise(text))
    if found is None:
        raise ValueError("import.bad_event_kind")
    return found  # type: ignore[return-value]


def parse_actor_kind(text: str) -> ActorKind:
    """An actor's kind by its code or its label in either language."""
    found = _ACTOR_KIND_LOOKUP.get(normalise(text))
    if found is None:
        raise ValueError("import.bad_kind")
    return found  # type: ignore[return-value]


def parse_yes(text: str) -> bool:
    return normalise(text) in ("ja", "j", "x", "yes", "y", "true", "1", "eksempel")


def parse_date(text: str) -> date:
    """'28.01.2026', '28.1.26', '2026-01-28' -> a date. Raises ValueError."""
    value = text.strip()
    for pattern in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError("import.bad_date")
