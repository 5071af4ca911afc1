"""The end-to-end suite: one `streamlit run dashboard.py` for the whole session on a
fresh SQLite database with the demo data, driven through pytest-playwright's
fixtures in Debian's Chromium. On failure pytest-playwright keeps a screenshot in
test-results/ (`--screenshot=only-on-failure`, pyproject.toml), and the server's log
is added to the report and kept beside it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from slugify import slugify
from sqlalchemy import Engine, select

from tests.browser import CHROMIUM, NO_CHROMIUM, UI_TIMEOUT, App, start_app
from tracker import db
from tracker.demo.seed import DEMO_PASSWORDS, load_demo
from tracker.i18n import t
from tracker.models import User
from tracker.service.principal import SYSTEM, Principal
from tracker.service.users import create_user
from tracker.vocab import Role

LOCK_USER = ("laas", "riktig-passord-123")  # a leader whose account the lockout test locks
REAL_ADMIN = ("kommunen", "et-eget-langt-passord-2026")  # not the demo's: it may import
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
FAILED = pytest.StashKey[bool]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.slow)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.fixture(scope="session")
def e2e_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e-db') / 'tracker.db'}"
    engine = db.make_engine(url)
    try:
        db.migrate(engine)
        with db.transaction(engine) as session:
            load_demo(session)
            username, password = LOCK_USER
            create_user(
                session, user=SYSTEM, username=username, role=Role.LEADER,
                password=password, display_name="Låsetest",
            )  # fmt: skip
            username, password = REAL_ADMIN
            create_user(
                session, user=SYSTEM, username=username, role=Role.ADMIN,
                password=password, display_name="Kommunen",
            )  # fmt: skip
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="session")
def e2e_engine(e2e_url: str) -> Iterator[Engine]:
    """The app's database, for the tests to look at and to write as "another user"."""
    engine = db.make_engine(e2e_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def app_server(e2e_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    expect.set_options(timeout=UI_TIMEOUT)
    try:
        app = start_app(e2e_url, tmp_path_factory.mktemp("e2e-app"))
    except RuntimeError as failed:
        pytest.fail(str(failed))
    yield app
    app.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[FAILED] = report.failed
    server = getattr(item, "funcargs", {}).get("app_server")
    if report.when == "call" and report.failed and isinstance(server, App):
        report.sections.append(("streamlit server log (tail)", server.log_tail(80)))
        folder = results_folder(item)
        shutil.copy(server.log, folder / "streamlit.log")


def results_folder(item: pytest.Item) -> Path:
    folder = RESULTS / slugify(item.nodeid)  # the folder pytest-playwright's screenshot goes to
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def failed(item: pytest.Item) -> bool:
    """Whether the test's call failed (for fixtures that keep evidence on failure)."""
    return item.stash.get(FAILED, False)


# --- steps the journeys share --------------------------------------------------------


def login(page: Page, app: App, username: str, password: str | None = None) -> None:
    """Log in on the login page (opening the app first when not there yet)."""
    if not page.url.startswith(app.url):
        page.goto(app.url)
    page.get_by_label(t("login.username")).fill(username)
    page.get_by_label(t("login.password"), exact=True).fill(password or DEMO_PASSWORDS[username])
    page.get_by_role("button", name=t("login.submit")).click()


def logged_in(page: Page, app: App, username: str, password: str | None = None) -> None:
    login(page, app, username, password)
    expect(page.get_by_role("heading", name=t("page.overview"))).to_be_visible()


def go(page: Page, title_key: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(title_key)).click()
    expect(page.get_by_role("heading", name=t(title_key), exact=True)).to_be_visible()


def choose(page: Page, key: str, option: str) -> None:
    """Pick an option of the selectbox with widget key `key` by its shown text."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    if box.input_value() == option:  # chosen already: typing it again filters nothing
        return
    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):  # a rerun still under way may redraw the box and close its list
        box.click()
        box.fill(option)  # the combobox filters its options as one types
        try:
            wanted.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            settled(page)
    wanted.click()
    expect(box).to_have_value(option)


def expect_in_preview(page: Page, comment: str) -> None:
    """The report form's preview shows the typed comment: its rerun is done."""
    expect(page.get_by_test_id("stDataFrame").filter(has_text=comment)).to_be_visible()


def metric(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    )


def settled(page: Page) -> None:
    """Wait until the app's script run has finished (no 'running' indicator)."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def click_bar(page: Page, chart: str, index: int = 1) -> None:
    """Scroll the chart to the middle of the window, as a person does before
    clicking, and click one of its bars (through plotly's drag layer)."""
    page.locator(f".st-key-{chart}_box").evaluate("e => e.scrollIntoView({block: 'center'})")
    settled(page)
    bar = page.locator(f".st-key-{chart}_box .plotly .bars .point path").nth(index)
    expect(bar).to_be_visible()
    box = bar.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def open_tab(page: Page, name: str) -> None:
    """Open the tab `name` as a person does: a click while a rerun has the tabs
    disabled does nothing, so click again once the run is done."""
    tab = page.get_by_role("tab", name=name, exact=True)
    for _ in range(3):
        settled(page)
        tab.click()
        try:
            expect(tab).to_have_attribute("aria-selected", "true", timeout=10_000)
            return
        except AssertionError:
            continue
    expect(tab).to_have_attribute("aria-selected", "true")


def principal(engine: Engine, username: str) -> Principal:
    with db.read_session(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        return Principal.of(user)


def reopen_demo_accounts(engine: Engine) -> None:
    """Switch the demo's accounts on again (a real import switched them off), so the
    tests after one go on logging in with them."""
    with db.transaction(engine) as session:
        for account in session.scalars(select(User).where(User.is_demo.is_(True))):
            account.active = True
        db.bump_revision(session)
