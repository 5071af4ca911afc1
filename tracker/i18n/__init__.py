"""Texts in the user's language: t() and tn() look a key up in the catalogue
(tracker.i18n.catalogue, every user-facing string), label() names a vocabulary
member, and the format_* functions write numbers, percents and dates the
language's way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from tracker.i18n.catalogue import CATALOGUE
from tracker.quarters import OSLO, Quarter

LANGUAGES = ("nb", "en")
DEFAULT_LANG = "nb"


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for key in lang, with {params} filled in. Unknown keys raise KeyError."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text


PLURAL_FORMS = ("one", "other")
"""A text with a count is two keys, `<key>.one` and `<key>.other` (catalogue/plurals.py)."""

PLURALS: frozenset[str] = frozenset(
    key.removesuffix(".one")
    for key in CATALOGUE
    if key.endswith(".one") and key.removesuffix(".one") + ".other" in CATALOGUE
)
"""The keys that tn() takes (and t() does not): those with a .one and an .other form."""


def plural_form(count: float, lang: str = DEFAULT_LANG) -> str:
    """Which form a count takes: "one" for exactly 1, "other" for 0, 2, 1.5 … (the
    rule of both bokmål and English)."""
    return "one" if count == 1 else "other"


def tn(key: str, count: float, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for a count: tn("wheel.count", 1, "nb", year=2026) == '1 hendelse i 2026.'

    key is a plural key (PLURALS); {count} is filled in as the UI writes numbers
    ('1 234' in bokmål). Unknown keys raise KeyError.
    """
    if key not in PLURALS:
        raise KeyError(key)
    form = plural_form(count, lang)
    return t(f"{key}.{form}", lang, count=format_number(count, lang), **params)


def label(member: StrEnum, lang: str = DEFAULT_LANG) -> str:
    """The label of a vocabulary member, e.g. label(Status.COMPLETED) == 'Fullført'."""
    return t(label_key(member), lang)


def label_key(member: StrEnum) -> str:
    return f"{type(member).__name__.lower()}.{member.value}"


def round_half_up(value: float, decimals: int = 0) -> float:
    """The one rounding of every figure shown (pages, charts, files): a half goes
    away from zero, as people and Excel round (72.5 -> 73, not Python's 72)."""
    if math.isnan(value) or math.isinf(value):
        return value
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)) + 0.0  # no -0


def format_number(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """1234.5 -> '1 234,5' in bokmål, '1,234.5' in English; None/NaN -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round_half_up(float(value), decimals):,.{decimals}f}"
    if lang == "nb":
        text = text.replace(",", " ").replace(".", ",")
    return text


def format_value(value: float | None, lang: str = DEFAULT_LANG) -> str:
    """A measured value as people write it: '7 480', or '4,4' when it has decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def quarter_label(quarter: Quarter, lang: str = DEFAULT_LANG) -> str:
    """'3. kvartal 2025' / 'Q3 2025'."""
    return t("quarter.label", lang, number=quarter.number, year=quarter.year)


def format_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """42.5 -> '43 %' (a no-break space) in bokmål, '43%' in English; None/NaN -> '–'."""
    number = format_number(value, lang, decimals)
    return number if number == "–" else t("format.percent", lang, number=number)


def percent_format(lang: str = DEFAULT_LANG) -> str:
    """A spreadsheet's number format for a share (0.43) written as format_percent does."""
    return t("format.percent", lang, number="0").replace("\u00a0", " ")


def coverage_text(figures: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """'3 av 35 rapportert for kvartalet, 31 sist rapportert tidligere': a roll-up
    row's reports, this quarter's apart from those carried forward."""
    return t(
        "kpi.coverage",
        lang,
        now=int(figures["reported_now"]),
        counted=int(figures["counted"]),
        earlier=int(figures["reported_earlier"]),
    )


def format_date(value: date | datetime | None, lang: str = DEFAULT_LANG) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        value = value.astimezone(OSLO)
    return value.strftime("%d.%m.%Y" if lang == "nb" else "%Y-%m-%d")


def format_datetime(value: datetime | None, lang: str = DEFAULT_LANG) -> str:
    if value is None:
        return "–"
    local = value.astimezone(OSLO)
    return local.strftime("%d.%m.%Y kl. %H:%M" if lang == "nb" else "%Y-%m-%d %H:%M")
