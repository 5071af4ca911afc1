"""Files the app serves itself, so no page sends the browser to another host."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
FAVICON = ASSETS / "favicon.png"  # drawn by assets/draw_favicon.py
