"""Draw the app's favicon, assets/favicon.png: three rising bars, white on a rounded
square in the theme's primary colour (read from .streamlit/config.toml, its one
place). Run it again after a change of colour: `python assets/draw_favicon.py`."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CONFIG = HERE.parent / ".streamlit" / "config.toml"
SIZE = 64  # pixels; browsers scale it down for the tab
SCALE = 4  # drawn this many times larger, then scaled down: smooth edges
WHITE = (255, 255, 255, 255)


def primary_colour() -> str:
    with CONFIG.open("rb") as config:
        return str(tomllib.load(config)["theme"]["primaryColor"])


def draw(target: Path) -> None:
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=primary_colour())
    unit = big / 16  # a grid of 16 × 16
    for left, top in ((3, 9), (7, 6), (11, 3)):  # three bars rising to the right
        box = (left * unit, top * unit, (left + 2.5) * unit, 13 * unit)
        pen.rounded_rectangle(box, radius=unit / 2, fill=WHITE)
    image.resize((SIZE, SIZE), Image.Resampling.LANCZOS).save(target, optimize=True)


if __name__ == "__main__":
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "favicon.png")
