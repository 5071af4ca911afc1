"""A Content-Security-Policy on every answer of the app: the browser loads scripts,
styles, fonts, images and connections from the app's own host only, so no page can
send its users to a third party (a Google font, a CDN, a tracker), not even when
Streamlit or a chart library would try. `middleware=[CSP]` in app.py.

What Streamlit's frontend needs besides 'self' (found by tests/e2e/
test_no_third_party.py, which fails on anything the policy refuses): the one inline
script of its index.html (allowed by its hash, read from the installed file, so an
upgrade of Streamlit keeps working), inline styles (emotion writes <style> tags, and
plotly style attributes), data: and blob: images and fonts (favicons, chart
exports, KaTeX), and blob: workers."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import streamlit
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STREAMLIT_INDEX = Path(streamlit.__file__).parent / "static" / "index.html"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source for each inline <script> of html ('sha256-…')."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in INLINE_SCRIPT.findall(html)
    ]


def content_security_policy() -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(STREAMLIT_INDEX.read_text("utf-8"))])
    directives = {
        "default-src": "'self'",
        "script-src": scripts,
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",  # 'self' covers the websocket to the same host
        "worker-src": "'self' blob:",
        "frame-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class ContentSecurityPolicy:
    """Pure ASGI: adds the header to every HTTP answer (a websocket has none)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.header = (b"content-security-policy", content_security_policy().encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), self.header]
            await send(message)

        await self.app(scope, receive, send_with_policy)


CSP = Middleware(ContentSecurityPolicy)
