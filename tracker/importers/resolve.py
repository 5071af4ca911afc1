"""Finding themes and actors by what people write: code, name or short name,
ignoring case and surrounding spaces; near misses are reported, not guessed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from tracker.importers.read import normalise
from tracker.service.structure import theme_short_name

T = TypeVar("T")
NEAR_MISS = 0.85


@dataclass
class Lookup(Generic[T]):
    """Names (normalised) -> item; `items` keeps each item once, in order."""

    by_name: dict[str, T] = field(default_factory=dict)
    items: list[T] = field(default_factory=list)
    spelling: dict[str, str] = field(default_factory=dict)  # normalised -> as written

    def add(self, item: T, *names: str) -> None:
        if item not in self.items:
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
        close = difflib.get_close_matches(normalise(name), self.by_name, n=1, cutoff=cutoff)
        return self.spelling[close[0]] if close else None


def theme_names(code: str, name: str) -> tuple[str, ...]:
    """A theme answers to its code, its name, and the part before the dash
    ('Attraktiv' for 'Attraktiv – Næringsvennlig kommune')."""
    return code, name, theme_short_name(name)
