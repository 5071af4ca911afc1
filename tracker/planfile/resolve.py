"""Finding themes and actors by what people write: code, name or short name,
ignoring case and surrounding spaces; near misses are reported, not guessed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from tracker.planfile.read import normalise
from tracker.service.structure import theme_short_name

T = TypeVar("T")
NEAR_MISS = 0.85


@dataclass
class Lookup(Generic[T]):
    """Names (normalised) -> item; `items` keeps each item once, in order."""

    by_name: dict[str, T] = field(default_factory=dict)
    items: list[T] = field(default_factory=list)
    spelling: dict[str, str] = field(default_factory=dict)  # normalised -> as written
    _held: set[int] = field(default_factory=set)  # id() of items: `in items` is a scan

    def add(self, item: T, *names: str) -> None:
        if id(item) not in self._held:
            self._held.add(id(item))
            self.items.append(item)
        for name in names:
            key = normalise(name)
            if key:
                self.by_name.setdefault(key, item)
                self.spelling.setdefault(key, str(name).strip())

    def find(self, name: str) -> T | None:
        return self.by_name.get(normalise(name))

    def near_miss(self, name: str, cutoff: float = NEAR_MISS) -> str | None:
        """The known name this one is probably a typo of, if any."""
        close = close_match(normalise(name), self.by_name, cutoff)
        return self.spelling[close] if close is not None else None


def close_match(word: str, known: Iterable[str], cutoff: float) -> str | None:
    """What difflib.get_close_matches(word, known, n=1, cutoff) gives, fast among
    thousands: rapidfuzz's ratio (twice the longest common subsequence over the
    lengths) is never below difflib's, so it passes every name difflib would take,
    and difflib judges only those."""
    candidates = process.extract(
        word, list(known), scorer=fuzz.ratio, score_cutoff=cutoff * 100 - 1e-6, limit=None
    )
    return next(iter(difflib.get_close_matches(word, [c[0] for c in candidates], 1, cutoff)), None)


def theme_names(code: str, name: str) -> tuple[str, ...]:
    """A theme answers to its code, its name, and the part before the dash
    ('Attraktiv' for 'Attraktiv – Næringsvennlig kommune')."""
    return code, name, theme_short_name(name)
