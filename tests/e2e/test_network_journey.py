"""The næringsarena in a real browser (issue 16): an actor writes its profile, adds an
instrument with an application deadline, and finds the deadline in the Årshjul; a
reload keeps the user and what was saved. The admin downloads the coordination
meeting's pack as PDF and DOCX, and both files open with an actor's page in them."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

import docx
from playwright.sync_api import Page, expect
from pypdf import PdfReader
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


def test_the_admin_downloads_the_meeting_pack_as_pdf_and_docx(
    page: Page, app_server: App, tmp_path: Path
) -> None:
    logged_in(page, app_server, "admin")
    go(page, "page.meeting")
    texts = {}
    for kind in ("pdf", "docx"):
        with page.expect_download() as info:
            page.locator(f".st-key-meeting_pack_{kind} button").click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        assert target.suffix == f".{kind}"
        texts[kind] = _pdf_text(target) if kind == "pdf" else _docx_text(target)
    for text in texts.values():
        assert t("pack.agenda") in text
        assert t("pack.matrix") in text
        assert "Næringshagen Midt-Troms" in text  # an invited actor's page
        assert t("pack.measures") in text


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _docx_text(path: Path) -> str:
    word = docx.Document(str(path))
    cells = [c.text for table in word.tables for row in table.rows for c in row.cells]
    return " ".join([p.text for p in word.paragraphs] + cells)
