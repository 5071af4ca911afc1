"""Column widths on paper chosen from the content, so that a cell breaks its lines
at spaces only: every column at least as wide as its longest word (the header's
too), none wider than its longest line while another column could use the room,
the rest shared by the columns' relative widths. The text is measured in the
PDF's font (DejaVu Sans, wider than Word's Calibri, so a DOCX cell fits too)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tracker.reports.document import Column
from tracker.reports.fonts import text_width

BREAKS = re.compile(r"[ \t\r\n]+")  # where a line may break; a no-break space is no break
Measure = Callable[[str], float]


@dataclass(frozen=True)
class Need:
    """What a column's text asks for, in the renderer's unit."""

    word: float  # the longest word: narrower and a word breaks
    line: float  # the longest line: wider is room wasted


def words(text: str) -> list[str]:
    return [w for w in BREAKS.split(text) if w]


def need(header: str, cells: Iterable[str], measure: Measure, bold: Measure, pad: float) -> Need:
    """The room a column asks for: its header in `bold`, its cells in `measure`,
    each with `pad` (the cell's padding) added."""
    word = max((bold(w) for w in words(header)), default=0.0)
    line = word
    for text in cells:
        for part in text.split("\n"):
            line = max(line, measure(part))
            word = max(word, *(measure(w) for w in words(part)), 0.0)
    return Need(word + pad, max(line, word) + pad)


def column_widths(
    columns: Sequence[Column],
    texts: Sequence[Sequence[str]],
    total: float,
    *,
    size: float,
    pad: float,
) -> list[float]:
    """The widths of a table's columns (headers bold, cells as `texts` writes them,
    both at `size` points; `pad` added for a cell's padding) that add up to `total`."""

    def measure(text: str) -> float:
        return text_width(text, size)

    def bold(text: str) -> float:
        return text_width(text, size, bold=True)

    needs = [
        need(c.title, cells, measure, bold, pad) for c, cells in zip(columns, texts, strict=True)
    ]
    return fit(needs, [c.width for c in columns], total)


def fit(needs: Sequence[Need], weights: Sequence[float], total: float) -> list[float]:
    """Widths that add up to `total`. When even the longest words do not fit, the
    columns with the longest words give way (and only those break a word)."""
    floor = [n.word for n in needs]
    if sum(floor) >= total:
        level = _level(lambda x: sum(min(f, x) for f in floor), total, max(floor))
        return [min(f, level) for f in floor]
    ceiling = [max(n.line, n.word) for n in needs]
    if sum(ceiling) <= total:  # everything fits on one line: share the rest by weight
        rest, weight = total - sum(ceiling), sum(weights)
        return [c + rest * w / weight for c, w in zip(ceiling, weights, strict=True)]

    def widths(scale: float) -> list[float]:
        return [min(max(scale * w, f), c) for w, f, c in zip(weights, floor, ceiling, strict=True)]

    top = max(c / w for c, w in zip(ceiling, weights, strict=True) if w > 0)
    scale = _level(lambda s: sum(widths(s)), total, top)
    return widths(scale)


def _level(total_at: Callable[[float], float], total: float, high: float) -> float:
    """The x in [0, high] at which the rising total_at(x) reaches total (bisection)."""
    low = 0.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if total_at(middle) < total else (low, middle)
    return high
