"""The favicon the app serves itself (ui.assets.FAVICON) is what assets/draw_favicon.py
draws, in the theme's primary colour, and dashboard.py gives it to set_page_config
(never a ":material/…:" icon, which the browser fetches from fonts.gstatic.com)."""

from __future__ import annotations

import ast
import runpy
from pathlib import Path

from PIL import Image

from ui.assets import ASSETS, FAVICON

ROOT = Path(__file__).resolve().parent.parent


def test_the_favicon_is_what_the_script_draws(tmp_path: Path) -> None:
    script = runpy.run_path(str(ASSETS / "draw_favicon.py"))
    drawn = tmp_path / "favicon.png"
    script["draw"](drawn)
    with Image.open(FAVICON) as shipped, Image.open(drawn) as fresh:
        assert shipped.format == "PNG" and shipped.size == (64, 64)
        assert shipped.convert("RGBA").tobytes() == fresh.convert("RGBA").tobytes()


def test_the_favicon_is_in_the_themes_primary_colour() -> None:
    primary = runpy.run_path(str(ASSETS / "draw_favicon.py"))["primary_colour"]()
    assert primary == "#1F4E79"
    with Image.open(FAVICON) as icon:
        red, green, blue, alpha = icon.convert("RGBA").getpixel((6, 32))  # left of the bars
    assert f"#{red:02X}{green:02X}{blue:02X}" == primary and alpha == 255


def test_the_page_icon_is_the_served_file() -> None:
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "set_page_config"
    ]
    icons = [ast.unparse(k.value) for call in calls for k in call.keywords if k.arg == "page_icon"]
    assert icons == ["FAVICON"]
