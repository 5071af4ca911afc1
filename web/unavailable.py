"""When the database refuses (busy, unreachable, a clash) during one of our own
routes: a page in the user's language with status 503, not Starlette's bare English
«Internal Server Error». The detail goes to the log."""

from __future__ import annotations

import html
import logging

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from tracker import db, i18n
from web.not_found import preferred_language

LOG = logging.getLogger("tracker.web")


async def database_refused(request: Request, error: Exception) -> Response:
    LOG.error("database refused %s %s: %s", request.method, request.url.path, error)
    language = preferred_language(request.headers.get("accept-language", ""))

    def text(key: str) -> str:
        return html.escape(i18n.t(key, language))

    body = f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text("page.unavailable_title")} – {text("app.title")}</title>
<style>body{{font-family:system-ui,sans-serif;color:#1B1F24;max-width:40rem;margin:4rem auto;
padding:0 1rem}}a{{color:#1F4E79}}</style></head>
<body><h1>{text("page.unavailable_title")}</h1>
<p>{text("page.unavailable")}</p>
<p><a href="/">{text("page.to_start")}</a></p></body></html>"""
    return HTMLResponse(body, status_code=503, headers={"Retry-After": "30"})


EXCEPTION_HANDLERS = dict.fromkeys(db.WRITE_REFUSALS, database_refused)
"""For app.py (and the tests' app): every route of web/ answers a refusal so."""
