"""The pages our own routes answer with when there is no app to show (404, 503): one
look, the app's title, a link back to the start, in the user's language."""

from __future__ import annotations

import html

from starlette.responses import HTMLResponse

from tracker import i18n


def plain_page(
    language: str,
    title_key: str,
    text: str,
    status_code: int,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """A page headed by the text of title_key, saying text (escaped here)."""

    def said(key: str) -> str:
        return html.escape(i18n.t(key, language))

    body = f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{said(title_key)} – {said("app.title")}</title>
<style>body{{font-family:system-ui,sans-serif;color:#1B1F24;max-width:40rem;margin:4rem auto;
padding:0 1rem}}a{{color:#1F4E79}}</style></head>
<body><h1>{said(title_key)}</h1>
<p>{html.escape(text)}</p>
<p><a href="/">{said("page.to_start")}</a></p></body></html>"""
    return HTMLResponse(body, status_code=status_code, headers=headers)
