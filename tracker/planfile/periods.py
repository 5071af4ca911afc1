"""The periods people write in plan spreadsheets, read as quarters.

A period is a term or a range of two. A term is a year, a quarter, a half year, a
season, a month or a day ('2025', 'Q2 2025', '2. halvår 2025', 'høst 2025', 'mars
2025', '01.03.2025'), each spanning the quarters it covers; a word before it may open
or narrow it ('fra 2025', 'innen 2026', 'utgangen av 2026'). A range runs from its
first term's first quarter to its last term's last. An open side is None: the plan's
start or end (values.py fills it in and gives the catalogue key).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import lru_cache

from tracker.cleaning import plain_spaces
from tracker.planfile.read import normalise
from tracker.planfile.sheets import ONGOING
from tracker.quarters import Quarter

Span = tuple[Quarter | None, Quarter | None]
"""First and last quarter; None is the plan's start or end."""

DAY_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y")
"""Days as written in Norway, and as ISO dates."""

_ORDINALS = {
    "første": 1,
    "fyrste": 1,
    "first": 1,
    "1st": 1,
    "andre": 2,
    "second": 2,
    "2nd": 2,
    "tredje": 3,
    "third": 3,
    "3rd": 3,
    "fjerde": 4,
    "fourth": 4,
    "4th": 4,
}
_SEASONS = {  # the quarters a season touches
    **dict.fromkeys(("vår", "våren", "spring"), (1, 2)),
    **dict.fromkeys(("sommer", "sommeren", "summer"), (2, 3)),
    **dict.fromkeys(("høst", "høsten", "host", "hosten", "haust", "hausten"), (3, 4)),
    **dict.fromkeys(("autumn", "fall"), (3, 4)),
}
_MONTHS = {
    **dict.fromkeys(("januar", "jan", "january"), 1),
    **dict.fromkeys(("februar", "feb", "february"), 2),
    **dict.fromkeys(("mars", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("desember", "des", "december", "dec"), 12),
}


def _words(table: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, table), key=len, reverse=True))


_Y = r"(?P<y>\d{4})"
_SEP = r"\s*[-/]?\s*"
_N = rf"(?P<n>[1-4]\.?|{_words(_ORDINALS)})"
_H = rf"(?P<n>[12]\.?|{_words(_ORDINALS)})"
_QUARTER_TERMS = (
    re.compile(rf"{_Y}{_SEP}(?:q|kv\.?|k)\s*(?P<n>[1-4])"),
    re.compile(rf"(?:q|k)\s*(?P<n>[1-4]){_SEP}{_Y}"),
    re.compile(rf"{_N}\s*(?:kvartal|kv\.?|quarter)\s*{_Y}"),
)
_HALF_TERMS = (
    re.compile(rf"{_H}\s*(?:halvår|halvar|half)(?:\s+of)?\s*{_Y}"),
    re.compile(rf"h(?P<n>[12]){_SEP}{_Y}"),
    re.compile(rf"{_Y}{_SEP}h(?P<n>[12])"),
)
_SEASON_TERM = re.compile(rf"(?P<w>{_words(_SEASONS)}){_SEP}{_Y}")
_MONTH_TERM = re.compile(rf"(?P<w>{_words(_MONTHS)})\.?{_SEP}{_Y}")
_TWO_DIGIT_END = re.compile(r"(\d{4})\s*[-–—−/]\s*(\d{2})")
_RANGE_DASH = re.compile(r"\s*(?:[-–—−‒―/]|\b(?:til|to|until)\b)\s*")
_TIME_OF_DAY = re.compile(r"[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_TRAILING = ".,;!"
_NOTE = re.compile(r"(?<=\S)\s*\([^()]*\)$")

_OPEN_END = ("fra", "from", "f.o.m.", "fom", "etter", "after")
_OPEN_START = ("innen", "senest", "frem til", "fram til", "til", "by", "within", "until")
_EARLY = ("primo", "starten av", "begynnelsen av", "tidlig", "early", "start of")
_LATE = ("ultimo", "utgangen av", "slutten av", "sent", "late", "end of")
_ABOUT = ("ca.", "ca", "cirka", "omtrent", "i", "in")


def period_key(text: str) -> str:
    """The form terms are matched in: plain spaces, normalised, without a note in
    brackets at the end ('2025 (oppstart)') and a trailing full stop."""
    value = _NOTE.sub("", normalise(plain_spaces(text or "")))
    return value.rstrip(_TRAILING).strip()


def is_ongoing(text: str) -> bool:
    """'Løpende', 'Hele perioden', 'Kontinuerlig' …: the plan's whole period."""
    return period_key(text) in ONGOING


@lru_cache(maxsize=4096)  # a plan's period cells repeat: '2024–2028', 'Løpende'
def read_period(text: str) -> Span | None:
    """A period cell as its span; (None, None) for the whole plan; None if unreadable."""
    value = period_key(text)
    if not value or value in ONGOING:
        return None, None
    if (span := _two_digit_range(value)) is not None:
        return span
    if (span := _term(value, True)) is not None:
        return span
    return _range(value) or _open_dash(value) or _listed(value)


_DASH_AT_END = re.compile(r"^(?P<term>.+?)\s*[-–—−]$")
_DASH_AT_START = re.compile(r"^[-–—−]\s*(?P<term>.+)$")
_LIST_SEP = re.compile(r"\s*,\s*|\s+(?:og|and|&)\s+")


def _open_dash(value: str) -> Span | None:
    """'2025–' runs from 2025 to the plan's end; '–2026' from its start to 2026."""
    if (match := _DASH_AT_END.match(value)) and (span := _term(match["term"], False)):
        return span[0], None
    if (match := _DASH_AT_START.match(value)) and (span := _term(match["term"], False)):
        return None, span[1]
    return None


def _listed(value: str) -> Span | None:
    """'2024, 2025 og 2026': from the first term's start to the last one's end."""
    parts = _LIST_SEP.split(value)
    spans = [_term(part, False) for part in parts] if len(parts) > 1 else []
    if not spans or any(span is None or None in span for span in spans):
        return None
    return spans[0][0], spans[-1][1]  # type: ignore[index]


@lru_cache(maxsize=4096)
def read_term(text: str, *, open_ends: bool = True) -> Span | None:
    """One term with the words that may come before it, or None. Without open_ends,
    'fra' and 'innen' are only words: 'fra 2025' is 2025."""
    return _term(period_key(text), open_ends)


def _term(value: str, open_ends: bool) -> Span | None:
    """A term in period_key form."""
    match = _MODIFIER.match(value)
    if not match:
        return _plain_term(value)
    span = _term(value[match.end() :], open_ends)
    if span is None:
        return None
    change, opens = _MODIFIERS[match[1]]
    return span if opens and not open_ends else change(span)


def _plain_term(value: str) -> Span | None:
    try:
        return _year(value) or _quarter(value) or _half(value) or _named(value) or _day(value)
    except ValueError:  # a year no quarter can have
        return None


def _year(value: str) -> Span | None:
    if not re.fullmatch(r"\d{4}", value):
        return None
    year = int(value)
    return Quarter(year, 1), Quarter(year, 4)


def _number(written: str) -> int:
    return _ORDINALS.get(written) or int(written.rstrip("."))


def _quarter(value: str) -> Span | None:
    for pattern in _QUARTER_TERMS:
        if match := pattern.fullmatch(value):
            quarter = Quarter(int(match["y"]), _number(match["n"]))
            return quarter, quarter
    return None


def _half(value: str) -> Span | None:
    for pattern in _HALF_TERMS:
        if (match := pattern.fullmatch(value)) and _number(match["n"]) in (1, 2):
            year, half = int(match["y"]), _number(match["n"])
            return Quarter(year, 2 * half - 1), Quarter(year, 2 * half)
    return None


def _named(value: str) -> Span | None:
    if match := _SEASON_TERM.fullmatch(value):
        first, last = _SEASONS[match["w"]]
        return Quarter(int(match["y"]), first), Quarter(int(match["y"]), last)
    if match := _MONTH_TERM.fullmatch(value):
        quarter = Quarter(int(match["y"]), (_MONTHS[match["w"]] - 1) // 3 + 1)
        return quarter, quarter
    return None


def _day(value: str) -> Span | None:
    day = read_day(value)
    if day is None:
        return None
    quarter = Quarter(day.year, (day.month - 1) // 3 + 1)
    return quarter, quarter


def read_day(text: str) -> date | None:
    """'01.03.2025', '1.3.25', '2025-03-01', '1/3/2025' (a time after it is ignored)."""
    value = _TIME_OF_DAY.sub("", text.strip().casefold()).strip()
    for pattern in DAY_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _two_digit_range(value: str) -> Span | None:
    """'2024-26' and '2024/25': only when the end can mean one year (after the start,
    in its century)."""
    match = _TWO_DIGIT_END.fullmatch(value)
    if not match:
        return None
    first = int(match.group(1))
    last = first - first % 100 + int(match.group(2))
    if last <= first:
        return None
    return Quarter(first, 1), Quarter(last, 4)


def _range(value: str) -> Span | None:
    """'A – B' where A and B are terms: the one dash (of all) with a term on each side.
    Two terms may share a year: 'Q1–Q2 2025', '1.–2. kvartal 2025', '2025-Q1–Q3'."""
    found = set()
    for dash in _RANGE_DASH.finditer(value):
        left, right = value[: dash.start()].strip(), value[dash.end() :].strip()
        if not left or not right:
            continue
        first = _term(left, True) or _term(_with_tail_of(right, left), True)
        last = _end_term(right, left)
        if first is not None and last is not None:
            found.add((first[0], last[1]))
    return found.pop() if len(found) == 1 else None


def _end_term(right: str, left: str) -> Span | None:
    if right in ONGOING:
        return None, None
    if (span := _term(right, True)) is not None:
        return span
    year = re.match(r"\d{4}\b", left)
    return _term(f"{year[0]} {right}", True) if year else None


def _with_tail_of(right: str, left: str) -> str:
    """left with what follows right's first word: '1.' + '2. kvartal 2025' ->
    '1. kvartal 2025'; 'Q1' + 'Q2 2025' -> 'Q1 2025'."""
    words = right.split(maxsplit=1)
    return f"{left} {words[1]}" if len(words) == 2 else left


_MODIFIERS: dict[str, tuple[Callable[[Span], Span], bool]] = {
    # each word: what it does to the term's span, and whether that opens a side
    **dict.fromkeys(_OPEN_END, (lambda span: (span[0], None), True)),
    **dict.fromkeys(_OPEN_START, (lambda span: (None, span[1]), True)),
    **dict.fromkeys(_EARLY, (lambda span: (span[0], span[0]), False)),
    **dict.fromkeys(_LATE, (lambda span: (span[1], span[1]), False)),
    **dict.fromkeys(_ABOUT, (lambda span: span, False)),
}
_MODIFIER = re.compile(rf"({_words(_MODIFIERS)})(?:\s+|(?<=\.))")
