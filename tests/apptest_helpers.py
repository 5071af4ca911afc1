"""Helpers for the AppTest page tests: a demo database built once per test session
and copied per module (or per test), an app factory, login through the form, and
principals read from the database.

Each test module declares its own fixture with `demo_database(...)`, e.g.

    @pytest.fixture(scope="module")
    def demo(tmp_path_factory):
        with demo_database(tmp_path_factory, "pages") as database:
            yield database

AppTest runs the app in this process (on a new thread per run), so the cheap
password hasher of conftest.py applies to logins in the app too.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tracker import db, i18n
from tracker.demo.seed import DEMO_PASSWORDS, load_demo
from tracker.models import StatusUpdate, User
from tracker.service.login import log_in
from tracker.service.principal import Principal
from ui.nav import PAGES, PageSpec

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
APP_TIMEOUT = 60

DEMO_NOW = datetime(2026, 8, 15, 10, 0, tzinfo=UTC)
"""load_demo's clock: the history runs to 2026-Q2 whatever day the tests run."""

_templates: dict[tuple[str, bool], Path] = {}


# --- databases -----------------------------------------------------------------------


def build_database(path: Path, *, demo: bool) -> Path:
    """A migrated SQLite file at path, with the demo loaded when demo is true."""
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        db.migrate(engine)
        if demo:
            with db.transaction(engine) as session:
                load_demo(session, now=DEMO_NOW)
        with engine.connect() as connection:  # everything into the main file, for copying
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return path


def template(factory: pytest.TempPathFactory, *, demo: bool = True) -> Path:
    """The demo (or empty) template file, built once per test session."""
    key = (str(factory.getbasetemp()), demo)
    if key not in _templates:
        folder = factory.mktemp("apptest_template")
        _templates[key] = build_database(folder / "template.db", demo=demo)
    return _templates[key]


@dataclass
class AppDatabase:
    """A copied SQLite file the app under test uses (TRACKER_DATABASE_URL)."""

    url: str
    engine: Engine

    def session(self) -> Session:
        return db.session_factory(self.engine)()

    def transaction(self) -> AbstractContextManager[Session]:
        """A write transaction, committed at the end (as another user's would be)."""
        return db.transaction(self.engine)

    def principal(self, username: str) -> Principal:
        """The user as the app keeps it in session_state["principal"]."""
        with self.session() as session:
            user = session.scalar(select(User).where(User.username == username))
            assert user is not None, f"no user {username!r}"
            return Principal.of(user)

    def status_count(self, measure_id: int | None = None) -> int:
        query = select(func.count(StatusUpdate.id))
        if measure_id is not None:
            query = query.where(StatusUpdate.measure_id == measure_id)
        with self.session() as session:
            return session.scalar(query) or 0

    def status_rows(self, after_id: int = 0) -> list[StatusUpdate]:
        """StatusUpdate rows with id > after_id, oldest first (detached)."""
        with self.session() as session:
            query = select(StatusUpdate).where(StatusUpdate.id > after_id)
            rows = list(session.scalars(query.order_by(StatusUpdate.id)))
            session.expunge_all()
            return rows

    def last_status_id(self) -> int:
        with self.session() as session:
            return session.scalar(select(func.max(StatusUpdate.id))) or 0


def copy_database(source: Path, target: Path) -> AppDatabase:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    url = f"sqlite:///{target}"
    return AppDatabase(url, db.make_engine(url))


@contextmanager
def demo_database(
    factory: pytest.TempPathFactory, name: str, *, demo: bool = True
) -> Iterator[AppDatabase]:
    """A copy of the template for a module; TRACKER_DATABASE_URL points at it."""
    database = copy_database(template(factory, demo=demo), factory.mktemp(name) / "app.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(db.URL_VARIABLE, database.url)
        try:
            yield database
        finally:
            database.engine.dispose()


def fresh_database(
    factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppDatabase:
    """A copy of the demo template for one test (for tests that write)."""
    database = copy_database(template(factory), tmp_path / "app.db")
    monkeypatch.setenv(db.URL_VARIABLE, database.url)
    return database


# --- the app ---------------------------------------------------------------------------


def spec(file: str) -> PageSpec:
    return next(s for s in PAGES if s.file == file)


def page_title(file: str, lang: str = "nb") -> str:
    return i18n.t(spec(file).title_key, lang)


def app(
    principal: Principal | None = None,
    lang: str = "nb",
    *,
    page: str | None = None,
    state: dict[str, Any] | None = None,
) -> AppTest:
    """The app, run once: logged in as principal (None: the login page), in lang.

    page (e.g. "app_pages/report.py") opens that page in the first run, as a browser
    opening its URL does: AppTest has no public way to do that before the first run
    (switch_page needs the registry of a finished run), so the requested page hash
    is set the way st.Page computes it from its url_path. If that ever stops
    working, the helper falls back to switch_page for a registered page. A page the
    role may not see is not registered: the app then shows its default page.
    """
    at = AppTest.from_file(str(DASHBOARD), default_timeout=APP_TIMEOUT)
    at.session_state["lang"] = lang
    if principal is not None:
        at.session_state["principal"] = principal
    for key, value in (state or {}).items():
        at.session_state[key] = value
    if page is not None and principal is not None:
        at._page_hash = calc_hash(spec(page).url_path)  # st.Page: calc_hash(url_path)
    at.run()
    if page in registered_pages(at) and not on_page(at, page, lang):
        at.switch_page(page).run()
    return at


def on_page(at: AppTest, file: str, lang: str = "nb") -> bool:
    return any(title.value == page_title(file, lang) for title in at.title)


def login(at: AppTest, username: str, password: str | None = None) -> AppTest:
    """Log in as the login route does (tracker.service.log_in with the password:
    the demo's unless given), then run: AppTest sends no cookies, so the principal
    goes in session_state where the script reads a cookie-less login (as after
    single sign-on). The route and its cookie: tests/test_web_login.py, e2e."""
    engine = db.make_engine(db.database_url())
    try:
        principal = log_in(
            engine, username, DEMO_PASSWORDS[username] if password is None else password
        )
    finally:
        engine.dispose()
    at.session_state["principal"] = principal
    return at.run()


def registered_pages(at: AppTest) -> dict[str, str]:
    """Page file (relative to the project) -> navigation title, as the last run
    registered them with st.navigation. AppTest keeps this registry (it resolves
    switch_page with it) but has no public accessor: the page tests also check the
    same fact through the public switch_page."""
    pages: dict[str, str] = {}
    for info in at._registered_pages.values():
        script = info.get("script_path")
        if script:
            pages[Path(str(script)).resolve().relative_to(ROOT).as_posix()] = str(
                info.get("page_name", "")
            )
    return pages


def language_switch(at: AppTest) -> Any:
    """The language picker in the sidebar (found by its label, in either language)."""
    labels = {i18n.t("app.language", lang) for lang in i18n.LANGUAGES}
    found = [w for w in at.sidebar.segmented_control if w.label in labels]
    assert len(found) == 1, [w.label for w in at.sidebar.segmented_control]
    return found[0]


def no_exception(at: AppTest) -> None:
    assert not at.exception, "\n".join(
        f"{e.message}\n" + "\n".join(e.stack_trace) for e in at.exception
    )


def texts(elements: Any) -> list[str]:
    """What the reader sees in Markdown elements (stored text in them is escaped)."""
    return [shown(element.value) for element in elements]


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(source: object) -> str:
    """A Markdown element's text as the reader sees it: the backslash escapes and the
    invisible word joiners of ui.text.plain taken out (Markdown itself left)."""
    return _ESCAPED.sub(r"\1", str(source)).replace("\u2060", "")


def frame(element: Any) -> pd.DataFrame:
    """The DataFrame behind an st.dataframe / st.data_editor element."""
    value = element.value
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame(value)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The one st.dataframe on the page with this column header. (A display-only
    st.dataframe does not carry its key into the element, so AppTest can't find it
    by key.)"""
    found = [frame(d) for d in at.dataframe if column in frame(d).columns]
    assert len(found) == 1, [list(frame(d).columns) for d in at.dataframe]
    return found[0]


def nothing_to_save(at: AppTest, key: str) -> bool:
    """Press the save button `key`: True when the form says it has nothing new to
    save (ui.save_guard; the button is never disabled for that)."""
    at.button(key=key).click().run()
    return i18n.t("form.nothing_to_save") in [info.value for info in at.info]


def double_click(at: AppTest, key: str) -> AppTest:
    """Press the button `key` twice, as a double click does: the first press runs;
    the second comes from the page as the browser still showed it (the widget
    states of before the first run, with the same button pressed), whatever the
    first run changed. Then, if a button `key` is still on the page and enabled, it
    is pressed once more as it is now (a disabled one a browser user cannot press,
    and AppTest refuses to). AppTest has no public way to send an old page's widget
    states: the tree's own serialisation is used."""
    at.button(key=key).click()
    as_shown = at._tree.get_widget_states()
    at.run()
    at._run(as_shown)
    if any(button.key == key and not button.disabled for button in at.button):
        at.button(key=key).click().run()
    return at
