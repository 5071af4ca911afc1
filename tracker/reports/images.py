"""Plotly figures to PNG with kaleido 1.x, which drives the system's Chromium
(Debian package `chromium`; or set BROWSER_PATH). One browser per call, shared by
all the figures of a report."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import plotly.graph_objects as go

from tracker import settings
from tracker.errors import TrackerError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT_SECONDS = 120
_one_at_a_time = threading.Lock()  # two Chromiums at once only slow each other down


def browser_path() -> str | None:
    """The browser kaleido will use, or None when there is none."""
    configured = settings.BROWSER_PATH.read()
    if configured:
        return configured if shutil.which(configured) or os.path.exists(configured) else None
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def png_images(
    figures: Sequence[go.Figure], sizes: Sequence[tuple[int, int]], *, scale: int = 2
) -> list[bytes]:
    """Each figure as PNG bytes at its (width, height) in CSS pixels times scale.
    Raises TrackerError (summary.chart_unavailable / chart_failed) in the user's words."""
    if browser_path() is None:
        raise TrackerError.of("summary.chart_unavailable")
    with _one_at_a_time:
        try:
            return _run(_render(figures, sizes, scale))
        except Exception as error:  # kaleido and the browser fail in many ways
            raise TrackerError.of("summary.chart_failed", reason=type(error).__name__) from error


async def _render(
    figures: Sequence[go.Figure], sizes: Sequence[tuple[int, int]], scale: int
) -> list[bytes]:
    import kaleido  # imported late: only PDF and DOCX need it

    async with kaleido.Kaleido(n=1, timeout=TIMEOUT_SECONDS) as browser:
        images = []
        for fig, (width, height) in zip(figures, sizes, strict=True):
            options = {"format": "png", "width": width, "height": height, "scale": scale}
            images.append(await browser.calc_fig(fig, opts=options))
        return images


def _run(coroutine: Coroutine[Any, Any, list[bytes]]) -> list[bytes]:
    """asyncio.run in a thread of its own, so it works whether or not the caller's
    thread already runs an event loop; its exceptions reach the caller."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
