"""When the database refuses (busy, unreachable, a clash) during one of our own
routes: a page in the user's language with status 503, not Starlette's bare English
«Internal Server Error». The detail goes to the log."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import Response

from tracker import db, i18n
from web.not_found import preferred_language
from web.plain_page import plain_page

LOG = logging.getLogger("tracker.web")


async def database_refused(request: Request, error: Exception) -> Response:
    LOG.error("database refused %s %s: %s", request.method, request.url.path, error)
    language = preferred_language(request.headers.get("accept-language", ""))
    text = i18n.t("page.unavailable", language)
    return plain_page(language, "page.unavailable_title", text, 503, {"Retry-After": "30"})


EXCEPTION_HANDLERS = dict.fromkeys(db.WRITE_REFUSALS, database_refused)
"""For app.py (and the tests' app): every route of web/ answers a refusal so."""
