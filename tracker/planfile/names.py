"""Lists of names in one cell ('Kupa, NAV og Næringshagen'), split the way people
write them, known names first: a known name with «og» or a comma in it is never split.

Separators: line breaks, semicolons and bullets always; commas and « og », « and »,
« & », « + » too, except in a cell with a semicolon in it (the way export writes lists),
where they split a part only when every piece is a known name. «og» after a hyphen
('Nærings- og utviklingsavdelingen') and in a county's name ('Troms og Finnmark') is
never a separator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tracker.cleaning import plain_spaces
from tracker.planfile.read import normalise

COUNTIES_WITH_OG = ("Troms og Finnmark", "Møre og Romsdal", "Vestfold og Telemark")
"""Place names with «og» in them, kept whole in new names ('Møre og Romsdal
fylkeskommune', 'Statsforvalteren i Troms og Finnmark')."""

_HARD = re.compile(r"\r\n?|\n|;|[•·▪●]")
_BULLET = re.compile(r"^\s*[-–—*]\s*")
_SOFT = re.compile(r"(\s*,\s*(?:(?:og|and)\s+)?|(?<![-–\s])\s+(?:og|and|&|\+)\s+)", re.I)
_GLUE = "\x00"  # stands for the space around a county's «og» while splitting
_COUNTY = re.compile(
    r"\b({})\s+(og)\s+({})\b|\b(\w+)\s+(og)\s+(omegn|omland)\b".format(
        "|".join(c.split(" og ")[0] for c in COUNTIES_WITH_OG),
        "|".join(c.split(" og ")[1] for c in COUNTIES_WITH_OG),
    ),
    re.IGNORECASE,
)
"""A county's «og», and «og omegn»/«og omland» after a place ('Harstad og omegn
næringsforening'): never a separator."""
_STRIP = " \t,•·▪●"


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """How names are compared: normalised, without spaces ('Plan-og bygg' is 'Plan- og bygg')."""
    return normalise(plain_spaces(name).replace(_GLUE, " ")).replace(" ", "")


def split_names(text: str, known: Iterable[str]) -> list[str]:
    """The names in a cell; a known name as it is known, a new one as written."""
    keys, longest = _known(tuple(known))
    value = plain_spaces((text or "").replace(_GLUE, ""))
    whole = keys.get(name_key(value))
    if whole is not None:
        return [whole]
    strict = ";" in value
    names: list[str] = []
    for part in _HARD.split(value):
        part = _BULLET.sub("", part).strip(_STRIP)
        if part:
            names.extend(_split_part(part, keys, longest, strict))
    return names


def _split_part(part: str, keys: dict[str, str], longest: int, strict: bool) -> list[str]:
    tokens = _SOFT.split(_glue_counties(part))  # piece, separator, piece, …
    pieces = tokens[0::2]
    found: list[str] = []
    all_known = True
    start = 0
    while start < len(pieces):
        for stop in range(min(len(pieces), start + longest), start, -1):
            name = keys.get(name_key("".join(tokens[2 * start : 2 * stop - 1])))
            if name is not None:
                found.append(name)
                start = stop
                break
        else:
            piece = pieces[start].replace(_GLUE, " ").strip(_STRIP)
            if piece:
                found.append(piece)
                all_known = False
            start += 1
    if strict and not all_known:
        return [part]
    return found


def _glue_counties(part: str) -> str:
    return _COUNTY.sub(lambda m: _GLUE.join(g for g in m.groups() if g), part)


@lru_cache(maxsize=16)
def _known(names: tuple[str, ...]) -> tuple[dict[str, str], int]:
    """Each known name by its key, and the most pieces any of them splits into."""
    keys: dict[str, str] = {}
    longest = 1
    for name in names:
        key = name_key(name)
        if key:
            keys.setdefault(key, name.strip())
            longest = max(longest, _pieces(name))
    return keys, longest


@lru_cache(maxsize=65536)
def _pieces(name: str) -> int:
    return len(_SOFT.split(name)) // 2 + 1


def split_list(text: str) -> list[str]:
    """'Kupa; NAV' or 'Kupa, NAV' (or one name a line) -> two names, none known."""
    return split_names(text, ())
