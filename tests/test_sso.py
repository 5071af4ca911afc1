"""Single sign-on end to end: a real `streamlit run dashboard.py`, a real browser
(Debian's chromium through playwright) and the test OIDC provider in
tests/oidc_provider.py, all on 127.0.0.1.

What it proves: the login page's SSO button runs st.login; Streamlit and Authlib do
the authorization code flow (PKCE, a signed id_token checked against the provider's
keys, nonce, issuer and audience); the identity's e-mail is mapped to the tracker
user, whose name and role's pages then show; the login survives a browser refresh;
an e-mail no tracker user has gets a clear message and no pages; logout ends it.

The app runs from the working tree with its own secrets file (`--secrets.files`), so
no secrets.toml is written into the project. Skipped only when /usr/bin/chromium is
missing (CI installs it with `apt-get install -y chromium`).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tests.oidc_provider import OIDCProvider
from tracker import db
from tracker.demo import load_demo
from tracker.service import SYSTEM, create_user
from tracker.vocab import Role

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-proxy-server",
]
STARTUP_TIMEOUT = 90.0  # seconds for `streamlit run` to answer /_stcore/health
UI_TIMEOUT = 60_000  # ms for the browser to show what a step should (CI machines can be busy)

KNOWN_EMAIL = "kari.nordmann@senja.kommune.no"
KNOWN_NAME = "Kari Nordmann"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)",
    ),
]


# --- the app under test ------------------------------------------------------------


@pytest.fixture(scope="module")
def running_provider() -> Iterator[OIDCProvider]:
    with OIDCProvider(client_id="naeringsplan-tracker") as running:
        yield running


@pytest.fixture
def provider(running_provider: OIDCProvider) -> OIDCProvider:
    """The module's provider, set back to log in the known user with honest tokens."""
    running_provider.email = KNOWN_EMAIL
    running_provider.name = KNOWN_NAME
    running_provider.forge = False
    running_provider.requests.clear()
    return running_provider


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file with the demo and one SSO user: a leader (no Rapporter/Admin)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sso-db') / 'tracker.db'}"
    engine = db.make_engine(url)
    try:
        db.migrate(engine)
        with db.transaction(engine) as session:
            load_demo(session)
            create_user(
                session,
                user=SYSTEM,
                username="kari",
                role=Role.LEADER,
                password=None,
                display_name=KNOWN_NAME,
                email=KNOWN_EMAIL,
            )
    finally:
        engine.dispose()
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def secrets_toml(provider: OIDCProvider, port: int, named: str | None) -> str:
    """The [auth] section as docs/SSO.md describes it: flat, or [auth.<named>]."""
    shared = (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
    )
    client = (
        f'client_id = "{provider.client_id}"\n'
        f'client_secret = "{provider.client_secret}"\n'
        f'server_metadata_url = "{provider.metadata_url}"\n'
    )
    return shared + (client if named is None else f"\n[auth.{named}]\n{client}")


class App:
    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.log = log

    def log_tail(self) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-40:])


@pytest.fixture(scope="module")
def start_app(
    running_provider: OIDCProvider, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., App]]:
    """`streamlit run dashboard.py` with its own secrets, one server per secrets layout
    (named=None: flat [auth]; named="x": [auth.x]); all stopped at module end."""
    processes: list[subprocess.Popen[bytes]] = []
    started: dict[str | None, App] = {}

    def start(named: str | None = None) -> App:
        if named in started:
            return started[named]
        home = tmp_path_factory.mktemp("sso-app")
        port = free_port()
        secrets_file = home / "secrets.toml"
        secrets_file.write_text(secrets_toml(running_provider, port, named), encoding="utf-8")
        log = home / "streamlit.log"
        env = {
            **os.environ,
            db.URL_VARIABLE: database_url,
            "HOME": str(home),  # no ~/.streamlit settings or secrets from the machine
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
        }
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--server.fileWatcherType=none",
            "--browser.gatherUsageStats=false",
            f"--secrets.files={secrets_file}",
        ]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        processes.append(process)
        app = App(f"http://127.0.0.1:{port}", log)
        _wait_healthy(app, process)
        started[named] = app
        return app

    yield start
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_healthy(app: App, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{app.log_tail()}")
        try:
            with urllib.request.urlopen(f"{app.url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(
        f"streamlit did not answer /_stcore/health in {STARTUP_TIMEOUT}s:\n{app.log_tail()}"
    )


# --- the browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    expect.set_options(timeout=UI_TIMEOUT)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies) per test."""
    context = browser.new_context(locale="nb-NO")
    context.set_default_timeout(UI_TIMEOUT)
    yield context.new_page()
    context.close()


def sso_login(page: Page, app: App) -> None:
    """Open the app, click the SSO button, and follow the redirects through the
    provider back to the app's /oauth2callback, which sends the browser home."""
    page.goto(app.url)
    button = page.locator(".st-key-login_sso button")
    button.wait_for(state="visible")
    with page.expect_response("**/oauth2callback?**") as callback:
        button.click()
    assert callback.value.status == 302, app.log_tail()
    page.wait_for_load_state()


def nav_titles(page: Page) -> list[str]:
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    # A link's text is "<icon ligature>\n\n<title>": keep the title.
    return [text.strip().splitlines()[-1] for text in links.all_inner_texts()]


def expect_visible(locator: Locator, app: App) -> None:
    """expect(...).to_be_visible(), with the server's log in the failure message."""
    try:
        expect(locator).to_be_visible()
    except AssertionError as failed:
        raise AssertionError(f"{failed}\n--- streamlit log ---\n{app.log_tail()}") from None


# --- tests -------------------------------------------------------------------------


def test_sso_login_maps_the_email_to_the_tracker_user(
    start_app: Callable[..., App], provider: OIDCProvider, page: Page
) -> None:
    app = start_app()  # flat [auth] section: the default provider
    provider.email = KNOWN_EMAIL.upper()  # providers may change the case; mapping must not
    provider.name = "Kari N. (the provider's name is not used)"
    sso_login(page, app)

    sidebar = page.get_by_test_id("stSidebar")
    expect_visible(sidebar.get_by_text(KNOWN_NAME, exact=True), app)
    assert provider.requests.count("GET /authorize") == 1
    assert "POST /token" in provider.requests and "GET /jwks" in provider.requests
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
    assert nav_titles(page) == ["Oversikt", "Tiltak", "Aktører", "Eksport"]  # a leader's pages only

    page.reload()  # st.login's identity cookie keeps the login across a refresh
    expect_visible(sidebar.get_by_text(KNOWN_NAME, exact=True), app)
    assert nav_titles(page) == ["Oversikt", "Tiltak", "Aktører", "Eksport"]
    assert provider.requests.count("GET /authorize") == 1


def test_unknown_email_gets_a_message_and_no_pages(
    start_app: Callable[..., App], provider: OIDCProvider, page: Page
) -> None:
    app = start_app(named="entra")  # the [auth.<provider>] form of secrets.toml
    provider.email = "ukjent@example.no"
    provider.name = "Ukjent Person"
    sso_login(page, app)

    message = "Ingen bruker i trackeren har e-posten ukjent@example.no"
    expect_visible(page.get_by_text(message), app)
    assert "POST /token" in provider.requests
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.locator(".st-key-logout")).to_have_count(0)
    expect(page.get_by_text("Ukjent Person")).to_have_count(0)


def test_a_forged_id_token_is_refused(
    start_app: Callable[..., App], provider: OIDCProvider, page: Page
) -> None:
    app = start_app()
    provider.forge = True  # signed with a key the provider's /jwks does not publish
    sso_login(page, app)

    expect_visible(page.locator(".st-key-login_sso button"), app)
    assert "GET /jwks" in provider.requests
    # Streamlit's own log line for a refused token exchange (wording of 1.67).
    assert "OAuth token exchange failed" in app.log.read_text(encoding="utf-8")
    expect(page.get_by_text(KNOWN_NAME, exact=True)).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def test_logout_ends_the_sso_login(
    start_app: Callable[..., App], provider: OIDCProvider, page: Page
) -> None:
    app = start_app()
    sso_login(page, app)
    sidebar = page.get_by_test_id("stSidebar")
    expect_visible(sidebar.get_by_text(KNOWN_NAME, exact=True), app)

    with page.expect_response("**/auth/logout"):
        page.locator(".st-key-logout button").click()
    expect_visible(page.locator(".st-key-login_sso button"), app)
    page.reload()  # the identity cookie is gone: still logged out
    expect_visible(page.locator(".st-key-login_sso button"), app)
    expect(sidebar.get_by_text(KNOWN_NAME, exact=True)).to_have_count(0)
