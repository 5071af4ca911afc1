"""The fonts of the printed files: DejaVu Sans (æøå, ✓ ! ✕) registered with
reportlab, and how wide a text is in them (tracker.reports.widths)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")


@cache
def fonts() -> tuple[str, str]:
    """DejaVu Sans when the system has it (æøå, ✓ ! ✕), else reportlab's own Vera."""
    for folder in FONT_DIRS:
        regular, bold = Path(folder, "DejaVuSans.ttf"), Path(folder, "DejaVuSans-Bold.ttf")
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("Tracker", str(regular)))
            pdfmetrics.registerFont(TTFont("Tracker-Bold", str(bold)))
            return "Tracker", "Tracker-Bold"
    pdfmetrics.registerFont(TTFont("Tracker", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("Tracker-Bold", "VeraBd.ttf"))
    return "Tracker", "Tracker-Bold"


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of `text` in points, in the regular or bold font at `size`."""
    regular, heavy = fonts()
    return pdfmetrics.stringWidth(text, heavy if bold else regular, size)
