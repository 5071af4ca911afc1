"""The rows of a measure table that are not measures: a group header row that names
the theme of the block below it («3 Nyskapende næringsliv», merged across or not),
and notes under the table («Sist oppdatert …»). A row with text in one cell only
(or a number and a name) is a group header when measures follow it, else a note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.errors import Problem
from tracker.importers.text import plain

NOTE_SHOWN = 40
"""Characters of a note quoted in its notice."""
_THEME_NUMBER = re.compile(
    r"(?:(?:satsingsområde|satsingsomrade|innsatsområde|tema|område)\s*)?\d+[.):]?", re.I
)
"""A group row's number cell beside its name: «3», «3.», «Satsingsområde 3:»."""


@dataclass
class Body:
    """A table's rows split: the measure rows (with the theme of their group, if
    any) and the notes left out."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    themes: dict[int, str] = field(default_factory=dict)  # row number -> group header text
    notes: list[Problem] = field(default_factory=list)


def split_rows(
    rows: list[tuple[int, list[str]]], keys: list[str | None], *, group_rows: bool
) -> Body:
    """rows: (row number, cells) of the non-blank rows under the header. group_rows:
    whether one-cell rows may name themes (the table has no theme column)."""
    texts = [(number, cells, _lone_text(cells, keys)) for number, cells in rows]
    last = max((i for i, (_, _, text) in enumerate(texts) if text is None), default=-1)
    body = Body()
    theme = ""
    for index, (number, cells, text) in enumerate(texts):
        if text is not None and index > last:
            body.notes.append(Problem("import.note_row", {"text": _start(text)}, None, number))
        elif text is not None and group_rows:
            theme = text
        else:
            body.rows.append((number, cells))
            if theme:
                body.themes[number] = theme
    return body


def _lone_text(cells: list[str], keys: list[str | None]) -> str | None:
    """The text of a row that holds no measure: one cell (or a number and a name)
    filled, and not the lead's."""
    filled = [(i, plain(str(cell))) for i, cell in enumerate(cells) if plain(str(cell))]
    if not filled or any(i < len(keys) and keys[i] == "lead" for i, _ in filled):
        return None
    if len(filled) == 1:
        return filled[0][1]
    if len(filled) == 2 and _THEME_NUMBER.fullmatch(filled[0][1]):
        return f"{filled[0][1]} {filled[1][1]}"
    return None


def _start(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= NOTE_SHOWN else line[:NOTE_SHOWN] + "…"
