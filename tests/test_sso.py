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

import secrets
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests import browser as browser_tools
from tests.browser import (
    CHROMIUM,
    NO_CHROMIUM,
    UI_TIMEOUT,
    App,
    free_port,
    nav_titles,
)
from tests.oidc_provider import OIDCProvider
from tracker import db, i18n
from tracker.demo.seed import load_demo
from tracker.service.principal import SYSTEM
from tracker.service.users import create_user
from tracker.vocab import Role
from ui.nav import PAGES

LEADER_PAGES = [i18n.t(spec.title_key) for spec in PAGES if Role.LEADER in spec.roles]
"""A leader's pages in the menu, in its order (ui.nav is the one list)."""
KNOWN_EMAIL = "kari.nordmann@senja.kommune.no"
KNOWN_NAME = "Kari Nordmann"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
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


@pytest.fixture(scope="module")
def start_app(
    running_provider: OIDCProvider, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., App]]:
    """`streamlit run dashboard.py` with its own secrets, one server per secrets layout
    (named=None: flat [auth]; named="x": [auth.x]); all stopped at module end."""
    started: dict[str | None, App] = {}

    def start(named: str | None = None) -> App:
        if named in started:
            return started[named]
        home = tmp_path_factory.mktemp("sso-app")
        port = free_port()
        secrets_file = home / "secrets.toml"
        secrets_file.write_text(secrets_toml(running_provider, port, named), encoding="utf-8")
        try:
            app = browser_tools.start_app(
                database_url, home, f"--secrets.files={secrets_file}", port=port
            )
        except RuntimeError as failed:
            pytest.fail(str(failed))
        started[named] = app
        return app

    yield start
    for app in started.values():
        app.stop()


# --- the browser -------------------------------------------------------------------


@pytest.fixture(autouse=True)
def patient_expect() -> None:
    expect.set_options(timeout=UI_TIMEOUT)


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
    assert nav_titles(page) == LEADER_PAGES  # a leader's pages only

    page.reload()  # st.login's identity cookie keeps the login across a refresh
    expect_visible(sidebar.get_by_text(KNOWN_NAME, exact=True), app)
    assert nav_titles(page) == LEADER_PAGES
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
