"""POST /logg-inn and POST /logg-ut: the password login's own routes. A login that
holds sets the session cookie (HttpOnly, SameSite=Lax, Secure over https) and sends
the browser on to the page it asked for; a refused one goes back there with a note
for the form. The checks are the service's (tracker.service.login, .sessions)."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from tracker import db
from tracker.client_address import FORWARDED_FOR, client_address, trusted_proxies
from tracker.errors import AuthError
from tracker.service.login import log_in
from tracker.service.sessions import SESSION_LIFETIME, end_session, start_session
from web.cookies import NOTE_COOKIE, NOTE_SECONDS, SESSION_COOKIE, LoginNote
from web.engine import engine

LOGIN_PATH = "/logg-inn"
LOGOUT_PATH = "/logg-ut"
NOTE_KEYS = frozenset({"auth.invalid", "login.empty", "login.refused_origin"})
"""The only notes the login page shows: the cookie comes back from the browser."""


async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=8, max_part_size=4096)
    target = safe_target(str(form.get("next") or "/"))
    username = str(form.get("username") or "")[:200]
    password = str(form.get("password") or "")[:1024]
    if not same_origin(request):
        return _refused(target, LoginNote("login.refused_origin"))
    if not username.strip() or not password:
        return _refused(target, LoginNote("login.empty", username=username.strip()))
    client = request_client(request)
    try:
        token = await run_in_threadpool(_log_in, username, password, client)
    except AuthError as refused:
        problem = refused.problems[0]
        return _refused(target, LoginNote(problem.key, dict(problem.params), username.strip()))
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        secure=is_https(request),
        httponly=True,
        samesite="lax",
    )
    response.delete_cookie(NOTE_COOKIE, path="/")
    return response


async def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    if not same_origin(request):
        return response  # a page elsewhere cannot log anyone out
    if token := request.cookies.get(SESSION_COOKIE):
        await run_in_threadpool(_log_out, token)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=is_https(request), httponly=True)
    return response


def _log_in(username: str, password: str, client: str) -> str:
    principal = log_in(engine(), username, password, client=client)
    with db.transaction(engine()) as session:
        return start_session(session, principal, client=client)


def _log_out(token: str) -> None:
    with db.transaction(engine()) as session:
        end_session(session, token)


def _refused(target: str, note: LoginNote) -> Response:
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        NOTE_COOKIE, note.encode(), max_age=NOTE_SECONDS, path="/", httponly=True, samesite="lax"
    )
    return response


def safe_target(target: str) -> str:
    """Where to go after the login: a path of this site, else the start page (no
    open redirect to another host: '//evil', 'https://evil', '/\\evil')."""
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith(("//", "/\\"))
    ):
        return "/"
    if any(ord(char) < 32 for char in target):
        return "/"
    return target


def same_origin(request: Request) -> bool:
    """The form was posted from a page of this site: a browser says where a request
    comes from (Sec-Fetch-Site, Origin); a login forced from another site is refused."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in {"same-origin", "none"}:
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return site is not None or origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def is_https(request: Request) -> bool:
    if request.url.scheme == "https":
        return True
    forwarded = request.headers.get("x-forwarded-proto", "")
    return trusted_proxies() > 0 and forwarded.split(",")[-1].strip() == "https"


def request_client(request: Request) -> str:
    peer = request.client.host if request.client else None
    return client_address(request.headers.getlist(FORWARDED_FOR), peer, trusted_proxies())


ROUTES = [
    Route(LOGIN_PATH, login, methods=["POST"]),
    Route(LOGOUT_PATH, logout, methods=["POST"]),
]
