"""Parsing the cell values people write in plan spreadsheets. Each parser returns
the value or raises ValueError with a catalogue key as its message. Odd spaces (the
no-break space Norwegian Excel writes) are read as spaces everywhere."""

from __future__ import annotations

import math
import re
from datetime import date
from enum import StrEnum

from tracker import i18n
from tracker.cleaning import plain_spaces
from tracker.planfile.names import split_list as split_list
from tracker.planfile.names import split_names as split_names
from tracker.planfile.periods import is_ongoing, read_day, read_period, read_term
from tracker.planfile.read import normalise
from tracker.quarters import Quarter
from tracker.vocab import ActorKind, EventKind, Rag, Status, TargetGroup, WorkKind


def parse_bound(text: str, *, end: bool, plan: tuple[int, int] | None = None) -> Quarter:
    """A start or end: '2025' (Q1 as a start, Q4 as an end), '2025-Q3', 'høst 2025'
    (Q3 as a start, Q4 as an end), '01.03.2025' … With the plan's years, 'Løpende' is
    the plan's first or last quarter."""
    if plan is not None and is_ongoing(text):
        return Quarter(plan[1], 4) if end else Quarter(plan[0], 1)
    span = read_term(text, open_ends=False)
    if span is None or span[end] is None:
        raise ValueError("import.bad_period")
    return span[end]  # type: ignore[return-value]


def parse_quarter(text: str) -> Quarter:
    """'2025-Q3' (also '2025Q3', '2025-K3')."""
    try:
        return Quarter.parse(plain_spaces(text))
    except ValueError:
        raise ValueError("import.bad_quarter") from None


def parse_period(text: str, plan_start: int, plan_end: int) -> tuple[Quarter, Quarter]:
    """'2024', '2024–2026', 'Q2 2025', '2. halvår 2025', 'høst 2025 – 2026',
    '01.03.2025', 'Løpende' … (see periods.py).

    An empty text means the plan's whole period, like 'Løpende'; an open side
    ('fra 2025', 'innen 2026', '2025 – løpende') is the plan's start or end.
    """
    span = read_period(text)
    if span is None:
        raise ValueError("import.bad_period")
    first, last = span
    return first or Quarter(plan_start, 1), last or Quarter(plan_end, 4)


def parse_weight(text: str) -> float:
    value = plain_spaces(text)
    if not value.strip():
        return 1.0
    try:
        weight = float(value.replace(",", ".").replace(" ", ""))
    except ValueError:
        raise ValueError("import.bad_weight") from None
    return weight  # its range is the services' rule (measure_edits.check_weight)


_UNKNOWN_PROGRESS = ("", "ukjent", "unknown", "?", "-", "–")
_ABOUT = re.compile(r"^(?:ca\.?|cirka|omtrent|about|approx\.?|~|≈)\s*")
_PER_CENT = re.compile(r"\s*(?:%|prosent|pst\.?|percent|per cent)$")


def parse_progress(text: str) -> int | None:
    """'40', '40 %', 'ca. 40 %', '40 prosent', '0,4' (a fraction from a percent-formatted
    cell), '' or 'ukjent'.

    '0,5 %' is half a per cent: with a written per cent, nothing is a fraction.
    """
    value = normalise(plain_spaces(text))
    if value in _UNKNOWN_PROGRESS:
        return None
    value, per_cent = _PER_CENT.subn("", _ABOUT.sub("", value))
    try:
        number = float(value.replace(",", ".").strip())
    except ValueError:
        raise ValueError("import.bad_progress") from None
    if not per_cent and 0 < number < 1:
        number *= 100
    if not math.isfinite(number):
        raise ValueError("import.bad_progress")
    # Its range is the report form's rule (status.check_report_values); a negative
    # number stays negative, so the rule sees it.
    return math.floor(number) if number < 0 else round(number)


STATUS_WORDS: dict[str, Status] = {
    # The words people write for each status, besides the codes and the labels (nb, en).
    # Lower case; matched after normalise(), without trailing full stops and the like.
    **dict.fromkeys(
        (
            *("ikke startet", "ikke påbegynt", "ikke igangsatt", "ikke begynt", "ikke i gang"),
            *("planlagt", "planlegges", "ikkje starta", "ikkje påbyrja", "ikkje sett i gang"),
            *("planned", "not begun", "to do", "todo"),
        ),
        Status.NOT_STARTED,
    ),
    **dict.fromkeys(
        (
            *("pågår", "pågående", "i gang", "igangsatt", "igangsett", "startet", "starta"),
            *("påbegynt", "påbyrja", "under arbeid", "under gjennomføring", "under utføring"),
            *("i arbeid", "i prosess", "aktiv", "løpende", "ongoing", "started", "underway"),
            *("active", "in process", "startet opp", "kontinuerlig", "videreføres", "gjennomføres"),
            *("forsinket", "forseinka", "delayed"),  # late, but going on: its progress says how
        ),
        Status.IN_PROGRESS,
    ),
    **dict.fromkeys(
        (
            *("ferdig", "ferdigstilt", "fullført", "gjennomført", "avsluttet", "avslutta"),
            *("utført", "levert", "done", "complete", "finished", "delivered"),
        ),
        Status.COMPLETED,
    ),
    **dict.fromkeys(
        (
            *("utsatt", "utsett", "på vent", "satt på vent"),
            *("stanset", "stansa", "stoppet", "pause", "pauset", "on hold"),
            *("paused", "deferred", "postponed", "avventer", "avventes", "venter"),
        ),
        Status.POSTPONED,
    ),
    **dict.fromkeys(
        (
            *("avlyst", "utgått", "kansellert", "avbrutt", "avbrote", "avviklet", "droppet"),
            *("strøket", "skrinlagt", "canceled", "dropped", "abandoned", "withdrawn"),
            *("ikke aktuelt", "ikke aktuell", "ikke relevant", "ikke relevant lenger", "bortfalt"),
        ),
        Status.CANCELLED,
    ),
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


def _vocab_lookup(enum: type[StrEnum], extra: dict) -> dict[str, object]:
    lookup = {normalise(k): v for k, v in extra.items()}
    for member in enum:
        lookup[normalise(member.value)] = member
        lookup[normalise(member.value.replace("_", " "))] = member
        for lang in i18n.LANGUAGES:
            lookup[normalise(i18n.label(member, lang))] = member
    return lookup


_STATUS_LOOKUP = _vocab_lookup(Status, STATUS_WORDS)
_RAG_LOOKUP = _vocab_lookup(Rag, _RAG_WORDS)
_EVENT_KIND_LOOKUP = _vocab_lookup(EventKind, {})
_ACTOR_KIND_LOOKUP = _vocab_lookup(ActorKind, {})
_LIST_LOOKUPS: dict[type[StrEnum], dict[str, object]] = {
    vocabulary: _vocab_lookup(vocabulary, {}) for vocabulary in (TargetGroup, WorkKind)
}


def parse_status(text: str) -> Status:
    """A status by its code, its label in either language or a word in STATUS_WORDS."""
    found = _STATUS_LOOKUP.get(normalise(plain_spaces(text)).rstrip(".!,;").strip())
    if found is None:
        raise ValueError("import.bad_status")
    return found  # type: ignore[return-value]


def parse_rag(text: str) -> Rag | None:
    if not text.strip():
        return None
    found = _RAG_LOOKUP.get(normalise(plain_spaces(text)))
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


def parse_code_list(
    text: str, vocabulary: type[StrEnum]
) -> tuple[tuple[StrEnum, ...], tuple[str, ...]]:
    """'Gründere; Kurs og utdanning' (labels in either language, or codes; separated by
    «;», «,» or one a line) -> (the members, in the vocabulary's order; the words that
    are none of them, as written)."""
    lookup = _LIST_LOOKUPS[vocabulary]
    found: set[object] = set()
    unknown: list[str] = []
    for word in split_names(plain_spaces(text), lookup):
        member = lookup.get(normalise(word))
        if member is None:
            unknown.append(word)
        else:
            found.add(member)
    return tuple(m for m in vocabulary if m in found), tuple(unknown)


def parse_yes(text: str) -> bool:
    return normalise(plain_spaces(text)) in ("ja", "j", "x", "yes", "y", "true", "1", "eksempel")


def parse_date(text: str) -> date:
    """'28.01.2026', '28.1.26', '2026-01-28' -> a date. Raises ValueError."""
    day = read_day(plain_spaces(text))
    if day is None:
        raise ValueError("import.bad_date")
    return day
