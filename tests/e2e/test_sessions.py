"""Staying logged in, in the browser: a reload keeps the login, a deep link opens its
page (with its query) after the login, a page the role may not see says so in
Norwegian, an address that is no page answers in Norwegian, a logout in one tab ends
the other tab's session, and an expired session sends the user to the login."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine, update

from tests.browser import App
from tests.e2e.conftest import go, login, settled
from tracker import db, i18n
from tracker.models import BrowserSession
from tracker.service.sessions import SESSION_IDLE, token_hash
from tracker.vocab import Role
from web.cookies import SESSION_COOKIE


def heading(page: Page, key: str, **params: str):
    return page.get_by_role("heading", name=i18n.t(key, **params), exact=True)


def login_form(page: Page):
    return page.get_by_role("button", name=i18n.t("login.submit"))


def test_a_reload_keeps_the_login_and_the_cookie_is_httponly(page: Page, app_server: App) -> None:
    login(page, app_server, "ordforer")
    expect(heading(page, "page.overview")).to_be_visible()
    go(page, "page.measures")
    page.reload()
    expect(heading(page, "page.measures")).to_be_visible()
    expect(login_form(page)).to_have_count(0)
    cookie = next(c for c in page.context.cookies() if c["name"] == SESSION_COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find(SESSION_COOKIE) == -1  # no script reads it


def test_a_deep_link_opens_its_page_with_its_query_after_the_login(
    page: Page, app_server: App
) -> None:
    page.goto(f"{app_server.url}/tiltak?tiltak=3.3")
    expect(page.get_by_text(i18n.t("login.then_page"))).to_be_visible()
    login(page, app_server, "kupa")
    expect(heading(page, "page.measures")).to_be_visible()
    assert page.url == f"{app_server.url}/tiltak?tiltak=3.3"
    detail = page.locator(".st-key-measure_detail").get_by_role("combobox")
    expect(detail).to_have_value("3.3 Inkubatortilbud i Senja")
    page.goto(f"{app_server.url}/rapporter?kvartal=2026-Q2")  # a reminder's link
    picker = page.locator(".st-key-report_quarter").get_by_role("combobox")
    expect(picker).to_have_value(re.compile(r"^2\. kvartal 2026"))
    page.goto(f"{app_server.url}/oversikt")  # the start page by its own name
    expect(heading(page, "page.overview")).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_a_page_the_role_may_not_see_and_an_unknown_address_say_so(
    page: Page, app_server: App
) -> None:
    login(page, app_server, "kupa")
    expect(heading(page, "page.overview")).to_be_visible()
    page.goto(f"{app_server.url}/admin")
    admin = i18n.t("page.admin")
    said = i18n.t("page.not_for_role", page=admin, role=i18n.label(Role.ACTOR))
    expect(page.get_by_text(said)).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    answer = page.goto(f"{app_server.url}/finnes-ikke")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", name=i18n.t("page.not_found_title"))).to_be_visible()


def test_a_logout_in_one_tab_ends_the_other_tabs_session(browser: Browser, app_server: App) -> None:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1366, "height": 900})
    try:
        first = context.new_page()
        login(first, app_server, "naeringshagen")
        expect(heading(first, "page.overview")).to_be_visible()
        second = context.new_page()
        second.goto(f"{app_server.url}/aktorer")
        expect(heading(second, "page.actors")).to_be_visible()  # the same login
        first.get_by_role("button", name=i18n.t("login.logout")).click()
        expect(login_form(first)).to_be_visible()
        settled(second)
        second.get_by_test_id("stSidebarNav").get_by_role(
            "link", name=i18n.t("page.measures")
        ).click()
        expect(second.get_by_text(i18n.t("perm.logged_out"))).to_be_visible()
        expect(login_form(second)).to_be_visible()
        second.reload()
        expect(login_form(second)).to_be_visible()
    finally:
        context.close()


def test_an_expired_session_sends_the_user_to_the_login(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    login(page, app_server, "studiesenteret")
    expect(heading(page, "page.overview")).to_be_visible()
    token = next(c["value"] for c in page.context.cookies() if c["name"] == SESSION_COOKIE)
    long_ago = datetime.now(UTC) - SESSION_IDLE - timedelta(minutes=1)
    with db.transaction(e2e_engine) as session:
        session.execute(
            update(BrowserSession)
            .where(BrowserSession.token_hash == token_hash(token))
            .values(last_seen_at=long_ago)
        )
    page.reload()
    expect(page.get_by_text(i18n.t("perm.session_expired"))).to_be_visible()
    login(page, app_server, "studiesenteret")
    expect(heading(page, "page.overview")).to_be_visible()


def test_the_language_chosen_survives_a_reload(page: Page, app_server: App) -> None:
    login(page, app_server, "bkn")
    expect(heading(page, "page.overview")).to_be_visible()
    page.locator(".st-key-lang_switch").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name=i18n.t("page.overview", "en"))).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name=i18n.t("page.overview", "en"))).to_be_visible()
