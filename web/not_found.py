"""An address that is no page answers 404 with a page in the user's language, not
Streamlit's English «Page not found» over the start page. Only one-segment paths
without a dot are judged: files, Streamlit's own routes and ours pass through."""

from __future__ import annotations

import html

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from tracker import i18n
from ui.nav import PAGES

STREAMLIT_PATHS = frozenset(
    {"_stcore", "static", "media", "component", "app", "auth", "oauth2callback"}
)


class NotFoundPage:
    """ASGI middleware (plain, so the websocket passes untouched)."""

    def __init__(self, app: ASGIApp, own_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.known = STREAMLIT_PATHS | own_paths | {spec.url_path for spec in PAGES}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in {"GET", "HEAD"}:
            segment = scope["path"].strip("/")
            if segment and "/" not in segment and "." not in segment and segment not in self.known:
                language = preferred_language(Headers(scope=scope).get("accept-language", ""))
                await not_found(scope["path"], language)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def preferred_language(accept_language: str) -> str:
    """en when the browser puts English first, else nb (the app's language)."""
    first = accept_language.split(",")[0].strip().lower()
    return "en" if first.startswith("en") else i18n.DEFAULT_LANG


def not_found(path: str, language: str) -> HTMLResponse:
    def text(key: str, **params: str) -> str:
        return html.escape(i18n.t(key, language, **params))

    body = f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text("page.not_found_title")} – {text("app.title")}</title>
<style>body{{font-family:system-ui,sans-serif;color:#1B1F24;max-width:40rem;margin:4rem auto;
padding:0 1rem}}a{{color:#1F4E79}}</style></head>
<body><h1>{text("page.not_found_title")}</h1>
<p>{text("page.not_found", path=path[:200])}</p>
<p><a href="/">{text("page.to_start")}</a></p></body></html>"""
    return HTMLResponse(body, status_code=404)
