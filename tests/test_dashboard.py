"""AppTest of the entry page (dashboard.py): the login form, refused and locked
logins, the role's navigation after a login, logout, and the demo accounts shown
only when the database holds demo data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from streamlit.proto.TextInput_pb2 import TextInput as TextInputProto
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
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
from tracker.demo import DEMO_USERS
from tracker.models import User
from tracker.service import SYSTEM, create_user, set_password
from tracker.service.login import LOCK_TIME, MAX_FAILED_LOGINS
from tracker.vocab import Role

INVALID = i18n.t("auth.invalid", minutes=int(LOCK_TIME.total_seconds() // 60))
NEW_PASSWORD = "et-helt-nytt-demo-passord"
SHARED = {
    "overview", "measures", "actors", "collaboration", "coordination", "wheel", "indicators",
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
    keys = {w.key for w in at.text_input}
    return {"login_username", "login_password"} <= keys and "principal" not in at.session_state


def test_the_login_form_shows(demo: AppDatabase) -> None:
    at = app()
    no_exception(at)
    assert _has_login_form(at)
    assert texts(at.title) == [i18n.t("app.title")]
    assert texts(at.subheader)[0] == i18n.t("login.heading")
    assert at.text_input(key="login_username").label == i18n.t("login.username")
    assert at.text_input(key="login_password").label == i18n.t("login.password")
    assert at.text_input(key="login_password").proto.type == TextInputProto.PASSWORD
    assert at.form(key="login").form_submit_button[0].label == i18n.t("login.submit")
    assert not at.error


def test_the_login_page_speaks_english_too(demo: AppDatabase) -> None:
    at = app()
    language_switch(at).set_value("en").run()
    no_exception(at)
    assert texts(at.subheader)[0] == "Log in"
    assert at.text_input(key="login_username").label == "Username"


def test_wrong_password_and_unknown_user_get_the_same_error(demo: AppDatabase) -> None:
    wrong = login(app(), "naeringssjef", "feil-passord-123")
    unknown = login(app(), "finnes.ikke", "feil-passord-123")
    for at in (wrong, unknown):
        no_exception(at)
        assert _has_login_form(at)
    assert texts(wrong.error) == texts(unknown.error) == [INVALID]


def test_a_locked_account_answers_like_a_wrong_password(demo: AppDatabase) -> None:
    """No «låst» that tells a guesser the account exists; the lock holds all the same."""
    at = app()
    for _ in range(MAX_FAILED_LOGINS):
        login(at, "studiesenteret", "feil-passord-123")
        assert texts(at.error) == [INVALID]
    no_exception(at)
    with demo.session() as session:
        until = session.scalar(select(User.locked_until).where(User.username == "studiesenteret"))
    assert until is not None
    login(at, "studiesenteret")  # the right password does not open it before then
    assert texts(at.error) == [INVALID]
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
    assert {path.removeprefix("pages/").removesuffix(".py") for path in pages} == set(
        ROLE_PAGES[username]
    )
    assert on_page(at, "pages/overview.py")
    assert texts(at.title)[0] == page_title("pages/overview.py")
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
    login(at, "admin")
    assert texts(at.error) == [INVALID]
