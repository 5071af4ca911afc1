"""Addresses into the app that others hold (reminder e-mails, bookmarks): the page
paths of ui.nav with the query that picks a quarter or a measure. A link opens its
page after the login, so these are the one place such an address is spelled."""

from __future__ import annotations

from urllib.parse import urlencode

from tracker.quarters import Quarter

QUARTER_PARAM = "kvartal"  # ?kvartal=2026-Q4
MEASURE_PARAM = "tiltak"  # ?tiltak=3.2 (the measure's number in the plan)
REPORT_PATH = "rapporter"
MEASURES_PATH = "tiltak"


def report_link(app_url: str, quarter: Quarter) -> str:
    """The report page for a quarter: where a reminder sends an actor."""
    return _link(app_url, REPORT_PATH, {QUARTER_PARAM: str(quarter)})


def _link(app_url: str, path: str, query: dict[str, str]) -> str:
    return f"{app_url.rstrip('/')}/{path}?{urlencode(query)}"
