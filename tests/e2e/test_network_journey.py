"""The næringsarena in a real browser (issue 16): an actor writes its profile, adds an
instrument with an application deadline, and finds the deadline in the Årshjul; a
reload keeps the user and what was saved."""

from __future__ import annotations

import uuid
from datetime import date

from playwright.sync_api import Page, expect
from sqlalchemy import Engine

from tests.browser import App
from tests.e2e.conftest import go, logged_in, principal, settled
from tracker.i18n import t
from tracker.quarters import oslo_today


def test_an_actor_keeps_its_profile_adds_an_instrument_and_meets_its_deadline_in_the_wheel(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    user = principal(e2e_engine, "naeringshagen")
    logged_in(page, app_server, "naeringshagen")

    go(page, "page.actors")
    prefix = f"profile_{user.actor_id}"
    page.get_by_text(t("profile.edit"), exact=True).click()
    cooperation = f"E2E: felles kurs {uuid.uuid4().hex[:6]}"
    page.locator(f".st-key-{prefix}_cooperation textarea").fill(cooperation)
    page.locator(f".st-key-{prefix}_save button").dblclick()  # a double click stores once
    shown = page.get_by_test_id("stMarkdownContainer").filter(has_text=cooperation)
    expect(shown).to_be_visible()  # in the profile others read
    settled(page)
    page.reload()
    expect(page.get_by_role("heading", name=t("page.actors"), exact=True)).to_be_visible()
    expect(shown).to_be_visible()  # kept, and the user still logged in

    go(page, "page.instruments")
    name = f"E2E: vekstmidler {uuid.uuid4().hex[:6]}"
    due = date(oslo_today().year + 1, 3, 15)
    page.locator(".st-key-instr_new_name input").fill(name)
    # the date field is three spin buttons (day, month, year): a person types the digits
    page.locator(".st-key-instr_new_due0 [role=spinbutton]").first.click()
    page.keyboard.type(due.strftime("%d%m%Y"))
    page.keyboard.press("Tab")
    settled(page)
    page.locator(".st-key-instr_new_save button").click()
    expect(page.get_by_test_id("stAlert").filter(has_text=name)).to_be_visible()

    go(page, "page.wheel")
    year = page.locator(".st-key-wheel_year").get_by_role("combobox")
    if year.input_value() != str(due.year):
        year.click()
        page.get_by_role("option", name=str(due.year), exact=True).click()
        settled(page)
    month = page.get_by_test_id("stDataFrame").filter(has_text=name)  # March's table
    expect(month).to_be_visible()
    expect(month).to_contain_text(due.strftime("%d.%m.%Y"))
    expect(month).to_contain_text(t("eventkind.soknadsfrist"))
