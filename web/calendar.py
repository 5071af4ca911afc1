"""GET /kalender/<token>.ics: a calendar feed of the annual wheel for Outlook and
Google Calendar to subscribe to (tracker.service.calendar_feeds). No login: the
token is the capability. An unknown or renewed-away token is a bare 404.

Always built from the current data. `Cache-Control: private, no-cache`: no shared
cache keeps a feed (its URL is a secret), and a client asks again each time; the
ETag (of the events, not of the DTSTAMP that says when the copy was written) lets
it get a 304 when nothing changed. `?lang=en` gives the English texts."""

from __future__ import annotations

import hashlib
import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tracker import db
from tracker.adapters.calendar_feed import file_name
from tracker.errors import NotFound
from tracker.i18n import DEFAULT_LANG, LANGUAGES
from tracker.service.calendar_feeds import feed_file, scope_of_token
from web.engine import engine

PATH = "/kalender/{token}.ics"
MEDIA_TYPE = "text/calendar; charset=utf-8"
HEADERS = {
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",  # the URL is the key: never pass it on
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
}
STAMP_LINE = re.compile(rb"^DTSTAMP:[^\r\n]*\r\n", re.MULTILINE)


def feed_path(token: str, lang: str = DEFAULT_LANG) -> str:
    """The path of a feed's URL: '/kalender/<token>.ics' (and '?lang=en')."""
    path = PATH.format(token=token)
    return path if lang == DEFAULT_LANG else f"{path}?lang={lang}"


def calendar(request: Request) -> Response:
    """A plain function: Starlette runs it in a worker thread (the database is sync)."""
    token = request.path_params["token"]
    lang = request.query_params.get("lang", DEFAULT_LANG)
    lang = lang if lang in LANGUAGES else DEFAULT_LANG
    with db.read_session(engine()) as session:
        scope = scope_of_token(session, token)
        if scope is None:
            return Response(status_code=404, headers=HEADERS)
        try:
            body = feed_file(session, scope=scope, lang=lang)
        except NotFound:  # the plan, actor or theme went away (the row goes with it)
            return Response(status_code=404, headers=HEADERS)
    tag = 'W/"' + hashlib.sha256(STAMP_LINE.sub(b"", body)).hexdigest()[:32] + '"'
    headers = {**HEADERS, "ETag": tag}
    if tag in {t.strip() for t in request.headers.get("if-none-match", "").split(",")}:
        return Response(status_code=304, headers=headers)
    disposition = f'inline; filename="{file_name(scope.kind)}"'
    return Response(
        body, media_type=MEDIA_TYPE, headers={**headers, "Content-Disposition": disposition}
    )


ROUTES = [Route(PATH, calendar, methods=["GET"])]
