"""A list of one vocabulary's codes kept in one text column: «grundere;ungdom», each
code once, in the vocabulary's order (so a list that says the same is the same
text, and a change of order is no change)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from tracker.vocab import InstrumentKind, TargetGroup, WorkKind

E = TypeVar("E", bound=StrEnum)

MEASURE_LISTS: dict[str, type[StrEnum]] = {"target_groups": TargetGroup, "work_kinds": WorkKind}
"""A measure's fields that hold such a list, and their vocabularies (an actor profile's
too: the overlap finder, the matrix and the profiles speak of the same groups)."""

INSTRUMENT_WORK_KINDS: dict[InstrumentKind, WorkKind] = {
    InstrumentKind.GRANT: WorkKind.FUNDING,
    InstrumentKind.LOAN: WorkKind.FUNDING,
    InstrumentKind.ADVICE: WorkKind.ADVICE,
    InstrumentKind.COURSE: WorkKind.SKILLS,
    InstrumentKind.NETWORK: WorkKind.MEETING_PLACES,
    InstrumentKind.EVENT: WorkKind.MEETING_PLACES,
    InstrumentKind.PREMISES: WorkKind.PREMISES,
    InstrumentKind.CAPITAL: WorkKind.CAPITAL,
}
"""The kind of work an instrument of each kind is (the who-does-what matrix places
instruments by it): the one place for this mapping."""

SEPARATOR = ";"


def joined(members: Iterable[StrEnum]) -> str:
    """The members as the column holds them."""
    wanted = set(members)
    if not wanted:
        return ""
    vocabulary = type(next(iter(wanted)))
    return SEPARATOR.join(m.value for m in vocabulary if m in wanted)


def members(text: str | None, vocabulary: type[E]) -> tuple[E, ...]:
    """The members the column's text names, in the vocabulary's order; a code the
    vocabulary no longer has is left out."""
    codes = {code.strip() for code in (text or "").split(SEPARATOR)}
    return tuple(m for m in vocabulary if m.value in codes)


def holds(text: str | None, code: str) -> bool:
    """Whether the column's text names the code."""
    return code in (text or "").split(SEPARATOR)
