"""The app as people use it, in a real browser, in the Norwegian UI: an actor
reports, a leader follows up, an admin keeps the plan and exports the quarterly
summary, a locked account, the English switch, the annual wheel and the
coordination of overlapping measures."""

from __future__ import annotations

import re
import time
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path

import openpyxl
from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader
from sqlalchemy import Engine, func, select

from tests.browser import App, nav_titles
from tests.e2e.conftest import (
    LOCK_USER,
    REAL_ADMIN,
    choose,
    click_bar,
    expect_in_preview,
    go,
    logged_in,
    login,
    metric,
    open_tab,
    principal,
    reopen_demo_accounts,
    settled,
)
from tests.rollup_reads import plan_rollup
from tracker import db
from tracker.i18n import t, tn
from tracker.models import (
    Actor,
    AuditLog,
    ClosedPeriod,
    Contribution,
    Event,
    IndicatorValue,
    Measure,
    OverlapDecision,
    StatusUpdate,
    User,
)
from tracker.quarters import Quarter
from tracker.service.login import MAX_FAILED_LOGINS
from tracker.service.measures import measure_status
from tracker.service.principal import reportable_measure_ids
from tracker.service.status import Report, report_status
from tracker.service.structure import get_plan
from tracker.vocab import OverlapVerdict, Rag, Status


def status_count(engine: Engine) -> int:
    with db.read_session(engine) as session:
        return session.scalar(select(func.count(StatusUpdate.id))) or 0


def eventually(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the server did not get there in time"
        time.sleep(0.1)


def latest_comment(engine: Engine, measure_id: int) -> str:
    with db.read_session(engine) as session:
        query = (
            select(StatusUpdate.comment)
            .where(StatusUpdate.measure_id == measure_id)
            .order_by(StatusUpdate.reported_at.desc(), StatusUpdate.id.desc())
        )
        return str(session.scalars(query).first())


def measure_by_code(engine: Engine, code: str) -> Measure | None:
    with db.read_session(engine) as session:
        return session.scalar(select(Measure).where(Measure.code == code))


# --- 1. an actor reports ---------------------------------------------------------------


def test_an_actor_reports_and_cannot_reach_admin(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    logged_in(page, app_server, "kupa")
    assert "Admin" not in nav_titles(page) and t("page.report") in nav_titles(page)

    go(page, "page.report")
    comment = f"E2E: nytt kull i inkubatoren {uuid.uuid4().hex[:6]}"
    box = page.locator("[class*='st-key-report_'][class*='_comment'] textarea")
    box.fill(comment)
    box.press("Control+Enter")  # Streamlit takes a text area's value on Ctrl+Enter or blur
    expect_in_preview(page, comment)
    page.locator("[class*='st-key-report_'][class*='_save'] button").click()
    expect(page.get_by_text(re.compile(r"Rapport for .+ er lagret\."))).to_be_visible()

    with db.read_session(e2e_engine) as session:
        allowed = reportable_measure_ids(session, principal(e2e_engine, "kupa"))
    assert any(latest_comment(e2e_engine, m) == comment for m in allowed)

    # The Admin page's URL, asked for directly: the actor stays logged in, and the
    # page says in Norwegian that it is not for this role; nothing of Admin shows.
    page.goto(f"{app_server.url}/admin")
    not_for_role = t("page.not_for_role", page=t("page.admin"), role=t("role.actor"))
    expect(page.get_by_text(not_for_role)).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)  # no «Page not found»
    expect(page.locator(".st-key-admin_tabs")).to_have_count(0)


# --- 4. a locked account -----------------------------------------------------------------


def login_state(engine: Engine, username: str) -> tuple[int, object]:
    with db.read_session(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        return user.failed_logins, user.locked_until


def test_five_wrong_passwords_lock_the_account_without_saying_so(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    """The lock holds, but the answer is the one for a wrong password: no «låst» that
    would tell a guesser the account exists."""
    username, password = LOCK_USER
    page.goto(app_server.url)
    for attempt in range(1, MAX_FAILED_LOGINS + 1):
        login(page, app_server, username, "feil-passord")
        # one submitted attempt at a time: wait until the server has counted it
        eventually(lambda n=attempt: login_state(e2e_engine, username)[0] >= n
                   or login_state(e2e_engine, username)[1] is not None)  # fmt: skip
    assert login_state(e2e_engine, username)[1] is not None
    refused = page.get_by_text(re.compile(r"Feil brukernavn eller passord\."))
    expect(refused).to_be_visible()
    expect(page.get_by_text(re.compile("låst"))).to_have_count(0)
    login(page, app_server, username, password)  # the right password does not open it now
    settled(page)
    expect(refused).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


# --- 5. English ------------------------------------------------------------------------


def test_the_english_switch_changes_the_labels(page: Page, app_server: App) -> None:
    logged_in(page, app_server, "ordforer")
    assert nav_titles(page)[:3] == ["Oversikt", "Tiltak", "Aktører"]
    page.locator(".st-key-lang_switch").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    assert nav_titles(page)[:3] == ["Overview", "Measures", "Actors"]
    expect(metric(page, "Weighted progress")).to_be_visible()


# --- 2. a leader follows up -----------------------------------------------------------


def completed_count(page: Page) -> int:
    """The 'N tiltak' under the Fullført key figure on Oversikt."""
    delta = metric(page, t("kpi.completed")).get_by_test_id("stMetricDelta")
    return int(re.search(r"\d+", delta.inner_text()).group())  # type: ignore[union-attr]


def report_completed_as_kupa(engine: Engine) -> tuple[Measure, str]:
    """Another user (Kupa) completes one of its running measures, through the service."""
    kupa = principal(engine, "kupa")
    comment = f"E2E: ferdig {uuid.uuid4().hex[:6]}"
    with db.transaction(engine) as session:
        status = measure_status(session, plan_id=get_plan(session).id)
        allowed = reportable_measure_ids(session, kupa)
        running = status[status["id"].isin(allowed) & (status["status"] == "in_progress")]
        measure = running.iloc[0]
        report_status(
            session, user=kupa, measure_id=int(measure["id"]), seen_version=int(measure["version"]),
            report=Report(period=str(Quarter.current()), status=Status.COMPLETED,
                                  progress=100, rag=Rag.GREEN, comment=comment),
        )  # fmt: skip
    found = measure_by_code(engine, str(measure["code"]))
    assert found is not None
    return found, comment


def rows_in_list(where: Page | Locator) -> int:
    """Rows of the last measure list in where (the page: the one at the bottom of
    Oversikt), by its grid's aria-rowcount, header included."""
    grid = where.get_by_test_id("stDataFrame").last.locator("[aria-rowcount]").first
    return int(grid.get_attribute("aria-rowcount") or 0)


def test_a_leader_sees_a_new_report_narrows_by_theme_and_finds_it_in_the_history(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    logged_in(page, app_server, "ordforer")
    expect(metric(page, t("kpi.completed"))).to_be_visible()
    before = completed_count(page)

    measure, comment = report_completed_as_kupa(e2e_engine)
    go(page, "page.overview")  # any rerun shows what others saved meanwhile
    expect(metric(page, t("kpi.completed")).get_by_test_id("stMetricDelta")).to_contain_text(
        f"{before + 1} "
    )

    all_rows = rows_in_list(page)
    click_bar(page, "overview_theme_progress", index=0)  # scrolled into view first
    narrowed = page.locator(".st-key-overview_theme_progress_narrowed")
    expect(narrowed).to_be_visible()  # right under the chart (tests/e2e/test_tables.py)
    settled(page)
    assert 1 < rows_in_list(narrowed) < all_rows

    go(page, "page.measures")
    choose(page, "measure_detail", f"{measure.code} {measure.title}")
    history = page.get_by_test_id("stDataFrame").filter(has_text=comment)
    expect(history).to_be_visible()
    expect(history).to_contain_text("Fullført")


# --- 3. an admin keeps the plan and exports the summary -------------------------------

MEASURES_CSV = (
    "Kode;Tiltak;Satsingsområde;Ansvarlig;Periode\n"
    "9.1;E2E: nettverk for unge gründere;1;Senja kommune;2025–2026\n"
    "9.2;E2E: havbruksskole;2;Senja kommune;{period}\n"
)


def measure_count(engine: Engine) -> int:
    with db.read_session(engine) as session:
        return int(session.scalar(select(func.count(Measure.id))) or 0)


def download(page: Page, fmt_label: str, suffix: str, folder: Path) -> Path:
    """Make the quarterly summary in one format on Eksport and download it."""
    page.locator(".st-key-export_format").get_by_text(fmt_label, exact=True).click()
    settled(page)
    page.locator(".st-key-export_make button").click()
    button = page.locator(".st-key-export_download button")
    expect(button).to_contain_text(suffix)  # the new file's button, not the last one's
    with page.expect_download() as info:
        button.click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_an_admin_imports_closes_a_quarter_and_exports_the_summary(
    page: Page, app_server: App, e2e_engine: Engine, tmp_path: Path
) -> None:
    logged_in(page, app_server, *REAL_ADMIN)  # a demo account may not import
    go(page, "page.admin")
    open_tab(page, t("adminpage.tab.import"))
    try:
        _import_close_and_export(page, e2e_engine, tmp_path)
    finally:
        reopen_demo_accounts(e2e_engine)


def _import_close_and_export(page: Page, e2e_engine: Engine, tmp_path: Path) -> None:
    bad, good = tmp_path / "tiltak-feil.csv", tmp_path / "tiltak.csv"
    bad.write_text(MEASURES_CSV.format(period="snart"), encoding="utf-8")
    good.write_text(MEASURES_CSV.format(period="2026"), encoding="utf-8")
    count = measure_count(e2e_engine)
    last = Quarter.last_finished()
    with db.read_session(e2e_engine) as session:
        plan_id = get_plan(session).id
        # the measures imported now were made after `last` ended: not in its figures
        in_last = int(plan_rollup(session, plan_id=plan_id, as_of=last)["measures"])
    uploader = page.locator("[class*='st-key-admin_import_file_'] input[type=file]")
    uploader.set_input_files(bad)
    expect(page.get_by_text(tn("adminpage.import_problems", 1))).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").filter(has_text="Rad 3")).to_be_visible()
    assert measure_count(e2e_engine) == count  # nothing changed

    uploader.set_input_files(good)
    expect(page.get_by_text(re.compile("Prøvekjøring: importen ville gjort"))).to_be_visible()
    expect(page.get_by_text(re.compile("Importen slår av demokontoene"))).to_be_visible()
    page.locator(".st-key-admin_import_run button").click()
    expect(page.get_by_text(re.compile(r"Importert: \d+ endring"))).to_be_visible()
    assert measure_count(e2e_engine) == count + 2
    expect(page.get_by_text(re.compile("Demo: denne databasen"))).not_to_be_visible()
    assert measure_by_code(e2e_engine, "9.2") is not None

    open_tab(page, t("adminpage.tab.quarters"))
    page.locator(f".st-key-admin_q_{last}_close button").click()
    expect(page.locator(f".st-key-admin_q_{last}_reopen button")).to_be_visible()
    with db.read_session(e2e_engine) as session:
        assert session.scalar(select(ClosedPeriod).where(ClosedPeriod.period == str(last)))

    go(page, "page.export")
    expect(page.locator(".st-key-export_quarter").get_by_role("combobox")).to_have_value(
        re.compile(f"{last.number}\\. kvartal {last.year}")
    )
    workbook = openpyxl.load_workbook(download(page, "Excel (XLSX)", ".xlsx", tmp_path))
    figures = {row[0]: row[1] for row in workbook["Nøkkeltall"].iter_rows(values_only=True)}
    assert figures["Tiltak i alt"] == in_last
    assert "Endelig: kvartalet er lukket." in [
        v for row in workbook["Forside"].iter_rows(values_only=True) for v in row
    ]

    pdf = download(page, "PDF", ".pdf", tmp_path)
    assert pdf.name == f"kvartalsrapport-{last}.pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert f"Tiltak i alt {in_last}" in text


# --- 6. the annual wheel ----------------------------------------------------------------


def test_an_actor_adds_an_event_to_the_wheel_and_downloads_the_calendar(
    page: Page, app_server: App, tmp_path: Path
) -> None:
    logged_in(page, app_server, "naeringshagen")
    go(page, "page.wheel")
    title = f"E2E: bedriftsbesøk {uuid.uuid4().hex[:6]}"
    page.locator(".st-key-wheel_f_title input").fill(title)
    page.locator(".st-key-wheel_f_groups input").fill("gründere; skoler")
    page.locator(".st-key-wheel_f_place input").fill("Silsand")
    page.locator(".st-key-wheel_f_save button").click()
    expect(page.get_by_test_id("stDataFrame").filter(has_text=title)).to_be_visible()

    button = page.locator(".st-key-wheel_ics_all button")
    with page.expect_download() as info:
        button.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name == "arshjul-all.ics"
    events = {str(e["summary"]): e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert str(events[title]["location"]) == "Silsand"
    assert events["Gründeruka"]["rrule"]["FREQ"] == ["YEARLY"]  # a demo event every year
    assert any(name.startswith("Samhandlingsmøte ") for name in events)  # the meeting's
    # The subscription link shown to copy is the same calendar, fetched with no login.
    link = page.locator("[data-testid='stCode']").filter(has_text="/kalender/").first.inner_text()
    assert link.strip().startswith(f"{app_server.url}/kalender/")
    with urllib.request.urlopen(link.strip(), timeout=30) as answer:
        subscribed = Calendar.from_ical(answer.read())
    assert title in {str(e["summary"]) for e in subscribed.walk("VEVENT")}


def test_an_admin_decides_an_overlap_and_finds_it_on_both_measures(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    logged_in(page, app_server, "admin")
    go(page, "page.coordination")
    pair = page.locator(".st-key-coord_pick").get_by_role("combobox").input_value()
    codes = re.findall(r"^(\S+) ↔ (\S+) ", pair)[0]  # «3.3 ↔ 3.5 Inkubatortilbud … / …»
    note = f"E2E: felles gründertilbud fra 2026 {uuid.uuid4().hex[:6]}"
    decision_form(page, "verdict").get_by_text(t("overlapverdict.samarbeid")).click()
    decision_form(page, "note").locator("textarea").fill(note)
    decision_form(page, "save").locator("button").click()
    expect(page.locator(".st-key-coord_pick").get_by_role("combobox")).not_to_have_value(pair)
    with db.read_session(e2e_engine) as session:
        stored = session.scalars(select(OverlapDecision)).all()
    open_tab(page, t("coord.decided", count=len(stored)))
    expect(page.get_by_test_id("stTable").filter(has_text=note)).to_be_visible()

    first, second = (measure_by_code(e2e_engine, code) for code in codes)
    assert first is not None and second is not None
    assert [(d.verdict, d.note) for d in stored if d.note == note] == [
        (OverlapVerdict.COOPERATE, note)
    ]

    go(page, "page.measures")
    for measure in (first, second):
        choose(page, "measure_detail", f"{measure.code} {measure.title}")
        expect(page.get_by_text(note)).to_be_visible()


def decision_form(page: Page, field: str) -> Locator:
    """A field of Samordning's decision form (its keys carry the pair's measure ids)."""
    return page.locator(f"[class*='st-key-coord_'][class*='_{field}']")


# --- 7. a second click never stores a second or a wrong record --------------------------


def test_a_double_click_saves_one_event_and_one_decision(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    logged_in(page, app_server, "admin")
    go(page, "page.wheel")
    title = f"E2E: dobbeltklikk {uuid.uuid4().hex[:6]}"
    field = page.locator(".st-key-wheel_f_title input")
    field.fill(title)
    field.press("Enter")  # Streamlit takes a text input's value on Enter or blur
    save = page.locator(".st-key-wheel_f_save button")
    expect(save).to_be_enabled()
    save.dblclick()
    expect(page.get_by_test_id("stAlert").filter(has_text=title)).to_be_visible()
    expect(page.locator(".st-key-wheel_f1_title input")).to_have_value("")
    settled(page)
    time.sleep(1)  # room for a late second run
    settled(page)
    with db.read_session(e2e_engine) as session:
        events = session.scalars(select(Event).where(Event.title == title)).all()
    assert len(events) == 1

    go(page, "page.coordination")
    pick = page.locator(".st-key-coord_pick").get_by_role("combobox")
    pair = pick.input_value()
    note = f"E2E: ett vedtak per par {uuid.uuid4().hex[:6]}"
    decision_form(page, "verdict").get_by_text(t("overlapverdict.avklar_roller")).click()
    box = decision_form(page, "note").locator("textarea")
    box.fill(note)
    box.press("Control+Enter")  # Streamlit takes a text area's value on Ctrl+Enter or blur
    save = decision_form(page, "save").locator("button")
    expect(save).to_be_enabled()
    save.dblclick()
    expect(pick).not_to_have_value(pair)
    settled(page)
    time.sleep(1)
    settled(page)
    # The next pair's form is empty; the note is stored once, on the chosen pair only.
    expect(decision_form(page, "note").locator("textarea")).to_have_value("")
    with db.read_session(e2e_engine) as session:
        stored = session.scalars(select(OverlapDecision).where(OverlapDecision.note == note)).all()
        writes = session.scalars(select(AuditLog).where(AuditLog.entity == "overlap")).all()
    assert [d.verdict for d in stored] == [OverlapVerdict.CLARIFY_ROLES]
    assert len([w for w in writes if w.after and w.after.get("note") == note]) == 1
    codes = re.findall(r"^(\S+) ↔ (\S+) ", pair)[0]
    first, second = (measure_by_code(e2e_engine, code) for code in codes)
    assert first is not None and second is not None
    assert {stored[0].measure_a_id, stored[0].measure_b_id} == {first.id, second.id}


def test_a_double_click_on_a_report_and_a_contribution_stores_one_of_each(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    """Seen: a second «Lagre rapport» stored an empty comment as the council's text.
    Kupa types and double-clicks straight from the field (no Enter, as people do):
    one report, the comment kept on screen; then, as a partner, one contribution."""
    logged_in(page, app_server, "kupa")
    go(page, "page.report")
    expect(page.get_by_role("heading", name=t("report.we_lead"))).to_be_visible()
    before = status_count(e2e_engine)
    comment = f"E2E: til kommunestyret {uuid.uuid4().hex[:6]}"
    box = page.get_by_label(t("col.comment")).first
    box.fill(comment)
    page.get_by_role("button", name=t("report.save")).dblclick()
    saved = page.get_by_test_id("stAlert").filter(has_text=t("report.saved", code="3.3"))
    expect(saved).to_be_visible()
    settled(page)
    time.sleep(1)  # room for a late second run
    settled(page)
    assert status_count(e2e_engine) == before + 1
    expect(page.get_by_label(t("col.comment")).first).to_have_value(comment)
    with db.read_session(e2e_engine) as session:
        newest = session.scalars(select(StatusUpdate).order_by(StatusUpdate.id.desc())).first()
    assert newest is not None and newest.comment == comment

    text = f"E2E: bidrag {uuid.uuid4().hex[:6]}"
    area = page.get_by_role("textbox", name=t("report.contribution_text"))
    area.fill(text)
    page.get_by_role("button", name=t("report.contribution_save")).dblclick()
    expect(page.get_by_role("textbox", name=t("report.contribution_text"))).to_have_value("")
    settled(page)
    time.sleep(1)
    settled(page)
    with db.read_session(e2e_engine) as session:
        stored = session.scalars(select(Contribution).where(Contribution.text == text)).all()
    assert len(stored) == 1
    assert status_count(e2e_engine) == before + 1  # a contribution is not a status
    page.screenshot(path="test-results/rapporter-etter-bidrag.png", full_page=True)


def test_a_double_click_on_an_indicator_value_and_a_new_actor_stores_one_of_each(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    """The last two kinds of form: an indicator value (the form keeps what it saved)
    and an admin «new record» form (it starts empty under a new key)."""
    logged_in(page, app_server, "admin")
    go(page, "page.indicators")
    pick = page.locator(".st-key-indicators_pick").get_by_role("combobox")
    expect(pick).to_be_visible()
    with db.read_session(e2e_engine) as session:
        before = session.scalar(select(func.count(IndicatorValue.id))) or 0
    period = page.locator("[class*='st-key-indicators_'][class*='_period'] input")
    period.fill("2026")
    value = page.locator("[class*='st-key-indicators_'][class*='_value'] input")
    value.fill("4242")
    page.get_by_role("button", name=t("indicators.save")).dblclick()
    expect(page.get_by_test_id("stAlert").filter(has_text="4 242")).to_be_visible()
    settled(page)
    time.sleep(1)
    settled(page)
    with db.read_session(e2e_engine) as session:
        values = session.scalars(select(IndicatorValue).where(IndicatorValue.value == 4242.0))
        assert [v.period for v in values] == ["2026"]
        assert (session.scalar(select(func.count(IndicatorValue.id))) or 0) == before + 1

    go(page, "page.admin")
    open_tab(page, t("adminpage.tab.actors"))
    name = f"E2E Aktør {uuid.uuid4().hex[:6]}"
    field = page.locator("[class*='st-key-admin_actor_new'][class*='_name'] input").first
    field.fill(name)
    page.locator("[class*='st-key-admin_actor_new'][class*='_save'] button").first.dblclick()
    settled(page)
    time.sleep(1)
    settled(page)
    with db.read_session(e2e_engine) as session:
        assert len(session.scalars(select(Actor).where(Actor.name == name)).all()) == 1
