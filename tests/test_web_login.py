"""The password login's own routes (web.login) and the 404 page (web.not_found),
over HTTP with Starlette's test client: the cookie they set, where they send the
browser, what they refuse. The script's side runs in tests/e2e/test_sessions.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from tests.factories import PASSWORD, make_user
from tracker import db
from tracker.models import BrowserSession
from tracker.service.login import LOCK_TIME, MAX_FAILED_LOGINS
from tracker.service.sessions import resume_session
from tracker.vocab import Role
from web.cookies import NOTE_COOKIE, SESSION_COOKIE, LoginNote
from web.not_found import NotFoundPage
from web.routes import OWN_PATHS, ROUTES
from web.unavailable import EXCEPTION_HANDLERS

HOST = "tracker.test"


@pytest.fixture
def client(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with db.transaction(engine) as session:
        make_user(session, Role.LEADER, username="leder")
    monkeypatch.setattr("web.login.engine", lambda: engine)
    monkeypatch.setattr("web.health.engine", lambda: engine)
    app = Starlette(
        routes=ROUTES,
        middleware=[Middleware(NotFoundPage, own_paths=OWN_PATHS)],
        exception_handlers=EXCEPTION_HANDLERS,
    )
    with TestClient(app, base_url=f"http://{HOST}", follow_redirects=False) as test_client:
        yield test_client


def post_login(client: TestClient, username: str, password: str, target: str = "/", **headers: str):
    return client.post(
        "/logg-inn",
        data={"username": username, "password": password, "next": target},
        headers={"origin": f"http://{HOST}", "sec-fetch-site": "same-origin", **headers},
    )


def note(response) -> LoginNote | None:
    return LoginNote.decode(response.cookies.get(NOTE_COOKIE))


def test_a_login_sets_an_httponly_cookie_and_opens_the_page_asked_for(
    client: TestClient, engine: Engine
) -> None:
    answer = post_login(client, "leder", PASSWORD, "/tiltak?tiltak=3.2")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/tiltak?tiltak=3.2"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    for flag in ("HttpOnly", "SameSite=lax", "Path=/", "Max-Age="):
        assert flag in cookie
    assert "Secure" not in cookie  # plain http here; https gets it (next test)
    token = answer.cookies[SESSION_COOKIE]
    with db.read_session(engine) as session:
        assert resume_session(session, token).username == "leder"


def test_the_cookie_is_secure_behind_a_trusted_https_proxy(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_TRUSTED_PROXIES", "1")
    answer = post_login(client, "leder", PASSWORD, **{"x-forwarded-proto": "https"})
    assert "Secure" in answer.headers["set-cookie"]


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "https://evil.example/", "/\\evil", "rapporter", "/a\nb"]
)
def test_the_next_page_is_always_on_this_site(client: TestClient, target: str) -> None:
    assert post_login(client, "leder", PASSWORD, target).headers["location"] == "/"


def test_a_wrong_password_goes_back_with_a_note_and_no_session(
    client: TestClient, engine: Engine
) -> None:
    answer = post_login(client, "leder", "feil-passord-123", "/rapporter")
    assert answer.status_code == 303 and answer.headers["location"] == "/rapporter"
    assert SESSION_COOKIE not in answer.cookies
    assert note(answer) == LoginNote(
        "auth.invalid", {"minutes": int(LOCK_TIME.total_seconds() // 60)}, "leder"
    )
    assert "HttpOnly" in answer.headers["set-cookie"]
    with db.read_session(engine) as session:
        assert session.scalars(select(BrowserSession)).all() == []


def test_an_empty_login_asks_for_both_and_counts_no_failure(client: TestClient) -> None:
    for _ in range(MAX_FAILED_LOGINS + 1):
        answer = post_login(client, "leder", "")
        assert note(answer) == LoginNote("login.empty", {}, "leder")
    assert post_login(client, "  ", "x").status_code == 303
    assert SESSION_COOKIE in post_login(client, "leder", PASSWORD).cookies  # not locked


def test_a_login_posted_from_another_site_is_refused(client: TestClient) -> None:
    forged = post_login(
        client, "leder", PASSWORD, origin="http://evil.example", **{"sec-fetch-site": "cross-site"}
    )
    assert SESSION_COOKIE not in forged.cookies
    assert note(forged) == LoginNote("login.refused_origin")


def test_logout_ends_the_session_and_clears_the_cookie(client: TestClient, engine: Engine) -> None:
    token = post_login(client, "leder", PASSWORD).cookies[SESSION_COOKIE]
    client.cookies.set(SESSION_COOKIE, token)
    answer = client.post("/logg-ut", headers={"origin": f"http://{HOST}"})
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert f'{SESSION_COOKIE}=""' in answer.headers["set-cookie"]
    with db.read_session(engine) as session:
        row = session.scalar(select(BrowserSession))
        assert row is not None and row.end_reason == "logout"


def test_logout_from_another_site_ends_nothing(client: TestClient, engine: Engine) -> None:
    token = post_login(client, "leder", PASSWORD).cookies[SESSION_COOKIE]
    client.cookies.set(SESSION_COOKIE, token)
    client.post("/logg-ut", headers={"origin": "http://evil.example"})
    with db.read_session(engine) as session:
        assert resume_session(session, token).username == "leder"


def test_an_address_that_is_no_page_gets_a_norwegian_404(client: TestClient) -> None:
    answer = client.get("/finnes-ikke")
    assert answer.status_code == 404
    assert "Fant ikke siden" in answer.text and "/finnes-ikke" in answer.text
    english = client.get("/nothing", headers={"accept-language": "en-GB,en;q=0.9"})
    assert "Page not found" in english.text and 'lang="en"' in english.text
    assert "&lt;b&gt;" in client.get("/<b>").text  # the path is shown as text


def test_pages_and_routes_are_not_judged(client: TestClient) -> None:
    # A page path goes on to Streamlit (absent here: Starlette's own plain 404).
    for path in ("/tiltak", "/rapporter", "/oauth2callback", "/favicon.png"):
        assert "Fant ikke siden" not in client.get(path).text
    assert client.get("/helse").json() == {"status": "ok"}


def test_an_unknown_user_and_a_locked_account_read_like_a_wrong_password(
    client: TestClient,
) -> None:
    wrong = note(post_login(client, "leder", "feil-passord-123"))
    unknown = note(post_login(client, "finnes.ikke", "feil-passord-123"))
    assert wrong is not None and unknown is not None
    assert (wrong.key, wrong.params) == (unknown.key, unknown.params)
    for _ in range(MAX_FAILED_LOGINS):
        post_login(client, "leder", "feil-passord-123")
    locked = post_login(client, "leder", PASSWORD)  # the right password, while locked
    assert SESSION_COOKIE not in locked.cookies
    assert note(locked) == wrong


def unreachable() -> Engine:
    return db.make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_a_database_that_does_not_answer_is_a_page_in_norwegian_not_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("web.login.engine", unreachable)
    answer = post_login(client, "leder", PASSWORD)
    assert answer.status_code == 503
    assert "Databasen er opptatt eller kan ikke nås akkurat nå" in answer.text
    assert "Traceback" not in answer.text and "Internal Server Error" not in answer.text
    english = post_login(client, "leder", PASSWORD, **{"accept-language": "en-GB,en"})
    assert "The database is busy or cannot be reached" in english.text
    monkeypatch.setattr("web.health.engine", unreachable)
    health = client.get("/helse")
    assert (health.status_code, health.json()) == (503, {"status": "database unavailable"})
