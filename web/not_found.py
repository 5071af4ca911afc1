"""An address that is no page answers 404 with a page in the user's language, not
Streamlit's English «Page not found» over the start page. Only one-segment paths
without a dot are judged: files, Streamlit's own routes and ours pass through."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from tracker import i18n
from ui.nav import PAGES
from web.plain_page import plain_page

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
    text = i18n.t("page.not_found", language, path=path[:200])
    return plain_page(language, "page.not_found_title", text, 404)
