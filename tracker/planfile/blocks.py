"""The rows of a measure table that are not measures: a group header row that names
the theme of the block below it («3 Nyskapende næringsliv», merged across or not),
and notes under the table («Sist oppdatert …»).

A row is a group header only when nothing else explains it: text in one cell only
(but a lone text in the title column, not the table's first column and not merged
across, is a measure missing its lead), or a number and a name («3 | Nyskapende»)
when the codes of the measures below start with that number and a dot (or they have
none). Every row read as a group header is said as a notice; such a row under the
last measure is a note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.errors import Problem
from tracker.planfile.text import plain

NOTE_SHOWN = 40
"""Characters of a note quoted in its notice."""
_THEME_NUMBER = re.compile(
    r"(?:(?:satsingsområde|satsingsomrade|innsatsområde|tema|område)\s*)?(\d+)[.):]?", re.I
)
"""A group row's number cell beside its name: «3», «3.», «Satsingsområde 3:»."""


@dataclass
class Body:
    """A table's rows split: the measure rows (with the theme of their group, if
    any) and the notes left out."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    themes: dict[int, str] = field(default_factory=dict)  # row number -> group header text
    notes: list[Problem] = field(default_factory=list)


@dataclass
class Shape:
    """Where a table sits: each column's key, the index of its first column, and
    the rows (numbers) that hold a cell merged across columns."""

    keys: list[str | None]
    first_column: int = 0
    merged_across: set[int] = field(default_factory=set)


@dataclass
class _Lone:
    """A row that may name a theme or be a note: its text, and the theme's number
    when it is written as a number and a name."""

    text: str
    number: str | None = None


def split_rows(rows: list[tuple[int, list[str]]], shape: Shape, *, group_rows: bool) -> Body:
    """rows: (row number, cells) of the non-blank rows under the header. group_rows:
    whether rows may name themes (the table has no theme column)."""
    lone = [_lone_text(number, cells, shape) for number, cells in rows]
    code = shape.keys.index("code") if "code" in shape.keys else None
    lone = [
        text if text is None or _codes_follow(text, rows, lone, index, code) else None
        for index, text in enumerate(lone)
    ]
    last = max((i for i, text in enumerate(lone) if text is None), default=-1)
    body = Body()
    theme = ""
    for index, ((number, cells), text) in enumerate(zip(rows, lone, strict=True)):
        if text is not None and index > last:
            body.notes.append(Problem("import.note_row", {"text": _start(text.text)}, None, number))
        elif text is not None and group_rows:
            theme = text.text
            body.notes.append(Problem("import.group_row", {"text": _line(theme)}, None, number))
        else:
            body.rows.append((number, cells))
            if theme:
                body.themes[number] = theme
    return body


def _lone_text(number: int, cells: list[str], shape: Shape) -> _Lone | None:
    """The text of a row that may hold no measure: one cell (or a number and a name)
    filled, and not the lead's, nor the title's alone where a measure has it."""
    keys = shape.keys
    filled = [(i, plain(str(cell))) for i, cell in enumerate(cells) if plain(str(cell))]
    if not filled or any(i < len(keys) and keys[i] == "lead" for i, _ in filled):
        return None
    if len(filled) == 1:
        index, text = filled[0]
        in_title = index < len(keys) and keys[index] == "title"
        if in_title and index != shape.first_column and number not in shape.merged_across:
            return None  # a measure missing its lead
        return _Lone(text)
    if len(filled) == 2 and (match := _THEME_NUMBER.fullmatch(filled[0][1])):
        return _Lone(f"{filled[0][1]} {filled[1][1]}", match.group(1))
    return None


def _codes_follow(
    text: _Lone,
    rows: list[tuple[int, list[str]]],
    lone: list[_Lone | None],
    index: int,
    code: int | None,
) -> bool:
    """Whether the measures under a «number + name» row, up to the next row that may
    name a theme, have codes that start with its number and a dot (or none)."""
    if text.number is None or code is None:
        return True
    for (_, cells), below in zip(rows[index + 1 :], lone[index + 1 :], strict=True):
        if below is not None:
            break
        value = plain(str(cells[code])) if code < len(cells) else ""
        if value and not value.startswith(f"{text.number}."):
            return False
    return True


def _line(text: str) -> str:
    return " ".join(text.split())


def _start(text: str) -> str:
    line = _line(text)
    return line if len(line) <= NOTE_SHOWN else line[:NOTE_SHOWN] + "…"
