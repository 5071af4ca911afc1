"""AppTest of the entry page (dashboard.py): the login form (its route, refused and
locked logins: tests/test_web_login.py), the role's navigation after a login,
logout, and the demo accounts shown only when the database holds demo data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.apptest_helpers import (
    DASHBOARD,
    AppDatabase,
    app,
    demo_database,
    frame,
    language_switch,
    login,
    no_exception,
    on_page,
    page_title,
    registered_pages,
    texts,
)
from tracker import i18n
from tracker.demo.seed import DEMO_USERS
from tracker.errors import AuthError
from tracker.service.login import LOCK_TIME
from tracker.service.principal import SYSTEM
from tracker.service.users import create_user, set_password
from tracker.vocab import Role
from ui.forms import FLASH_KEYS
from ui.nav import PAGES

LOGIN_FORM = 'action="/logg-inn"'
INVALID = i18n.t("auth.invalid", minutes=int(LOCK_TIME.total_seconds() // 60))
NEW_PASSWORD = "et-helt-nytt-demo-passord"
SHARED = {
    "overview", "measures", "actors", "collaboration", "coordination", "wheel", "instruments",
    "meeting", "indicators",
}  # fmt: skip
ROLE_PAGES = {
    "admin": SHARED | {"report", "export", "admin"},
    "ordforer": SHARED | {"export"},
    "kupa": SHARED | {"report"},
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "dashboard") as database:
        yield database


@pytest.fixture
def empty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    """A migrated database without the demo."""
    with demo_database(tmp_path_factory, "empty", demo=False) as database:
        yield database


def _has_login_form(at: AppTest) -> bool:
    """The login form is shown and nobody is logged in."""
    forms = [element.proto.body for element in at.get("html")]
    return any(LOGIN_FORM in body for body in forms) and "principal" not in at.session_state


def _form(at: AppTest) -> str:
    return next(b for b in (e.proto.body for e in at.get("html")) if LOGIN_FORM in b)


def test_the_login_form_shows(demo: AppDatabase) -> None:
    """A plain HTML form that posts to the login route (web.login sets the cookie)."""
    at = app()
    no_exception(at)
    assert _has_login_form(at)
    assert texts(at.title) == [i18n.t("app.title")]
    assert texts(at.subheader)[0] == i18n.t("login.heading")
    form = _form(at)
    for part in (
        f">{i18n.t('login.username')}",
        f">{i18n.t('login.password')}",
        f">{i18n.t('login.submit')}</button>",
        'name="username" autocomplete="username"',
        'name="password" type="password" autocomplete="current-password"',
        '<input type="hidden" name="next" value="/">',
    ):
        assert part in form
    assert not at.error


def test_the_login_page_speaks_english_too(demo: AppDatabase) -> None:
    at = app()
    language_switch(at).set_value("en").run()
    no_exception(at)
    assert texts(at.subheader)[0] == "Log in"
    assert ">Username" in _form(at) and ">Log in</button>" in _form(at)


def test_a_wrong_password_opens_nothing(demo: AppDatabase) -> None:
    at = app()
    with pytest.raises(AuthError) as refused:
        login(at, "naeringssjef", "feil-passord-123")
    assert refused.value.text() == INVALID
    no_exception(at.run())
    assert _has_login_form(at)


def test_a_password_changed_elsewhere_ends_this_session(demo: AppDatabase) -> None:
    at = login(app(), "naeringshagen")
    assert at.session_state["principal"].username == "naeringshagen"
    with demo.transaction() as session:
        set_password(session, user=SYSTEM, username="naeringshagen", password=NEW_PASSWORD)
    at.run()
    no_exception(at)
    assert "principal" not in at.session_state
    assert _has_login_form(at)
    assert i18n.t("perm.session_ended") in [info.value for info in at.info]
    login(at, "naeringshagen", NEW_PASSWORD)
    assert at.session_state["principal"].username == "naeringshagen"


@pytest.mark.parametrize("username", list(ROLE_PAGES))
def test_a_successful_login_shows_the_roles_pages(demo: AppDatabase, username: str) -> None:
    at = login(app(), username)
    no_exception(at)
    principal = at.session_state["principal"]
    assert principal.username == username
    assert principal == demo.principal(username)
    pages = registered_pages(at)
    assert {path.removeprefix("app_pages/").removesuffix(".py") for path in pages} == set(
        ROLE_PAGES[username]
    )
    assert on_page(at, "app_pages/overview.py")
    assert texts(at.title)[0] == page_title("app_pages/overview.py")
    assert f"**{principal.display_name}**" in texts(at.sidebar.markdown)
    assert not at.error


def test_logout_returns_to_the_login_form(demo: AppDatabase) -> None:
    at = login(app(), "ordforer")
    assert "principal" in at.session_state
    # One plain run first. AppTest starts every run in Streamlit's pages/-folder mode
    # (a server leaves it at its first st.navigation call), where the id of a widget
    # in dashboard.py depends on the page the previous run finished on: the logout
    # button drawn by the login run would not match the next run's, and the click
    # would be lost. A browser gets stable ids.
    at.run()
    at.button(key="logout").click().run()
    no_exception(at)
    assert _has_login_form(at)
    assert registered_pages(at) == {}


def test_demo_accounts_are_listed_with_demo_data(demo: AppDatabase) -> None:
    at = app()
    expanders = [e for e in at.expander if e.label == i18n.t("login.demo_accounts")]
    assert len(expanders) == 1
    table = frame(expanders[0].dataframe[0])
    assert list(table[i18n.t("login.username")]) == [u.username for u in DEMO_USERS]
    assert i18n.t("login.demo_only") in texts(at.caption)


def test_no_demo_accounts_without_demo_data(empty: AppDatabase) -> None:
    with empty.transaction() as session:  # a real install, past its first admin
        create_user(session, user=SYSTEM, username="kari", role=Role.ADMIN, password=None)
    at = app()
    no_exception(at)
    assert _has_login_form(at)
    assert not [e for e in at.expander if e.label == i18n.t("login.demo_accounts")]
    assert not at.dataframe
    assert i18n.t("login.demo_only") not in texts(at.caption)
    # and the demo passwords open nothing there
    with pytest.raises(AuthError):
        login(at, "admin")


def test_the_pages_a_role_may_not_see_are_hidden_at_their_addresses() -> None:
    """Their addresses answer with a message, not «Page not found»; the text itself
    is checked in the browser (tests/e2e/test_sessions.py): AppTest runs a page's
    file by its address before st.navigation decides."""

    def script() -> None:
        import streamlit as st

        from tracker.vocab import Role
        from ui.nav import pages_for

        for page in pages_for(Role.ACTOR):
            st.text(f"{page.visibility} {page.url_path}")

    at = AppTest.from_function(script).run()
    shown = {path: seen for seen, _, path in (text.value.partition(" ") for text in at.text)}
    hidden = {path for path, seen in shown.items() if seen == "hidden"}
    assert hidden == {"eksport", "admin", "oversikt"}  # oversikt: the start page's twin
    assert set(shown) == {"", *(spec.url_path for spec in PAGES)}


def test_a_deep_link_shows_the_login_and_keeps_its_address(demo: AppDatabase) -> None:
    """Logged out, /rapporter is the login (not «Page not found»), and posts back there."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at._page_hash = calc_hash("rapporter")
    at.query_params["kvartal"] = "2026-Q3"
    at.run()
    no_exception(at)
    assert _has_login_form(at)
    assert i18n.t("login.then_page") in texts(at.caption)
    assert "kvartal=2026-Q3" in _form(at)  # the page's own path: the browser journey


@pytest.mark.parametrize("name", ["wheel", "indicators", "coordination", "overview"])
def test_a_saved_message_shows_on_the_page_that_saved(demo: AppDatabase, name: str) -> None:
    """forms.done() keeps the message for the next run: every page shows it, not only
    Admin (the Årshjul, Indikatorer and Samordning saves said nothing)."""
    at = app(
        demo.principal("admin"), page=f"app_pages/{name}.py", state={FLASH_KEYS["toast"]: "Lagret."}
    )
    assert "Lagret." in [t.value for t in at.toast]
    assert FLASH_KEYS["toast"] not in at.session_state  # shown once
