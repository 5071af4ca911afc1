"""What only the browser shows, in the user's language (the rest is
tests/test_page_words.py): the file uploader's button, drop text and limit line and
the date fields' empty segments, which Streamlit's frontend writes itself
(ui.browser_texts puts the catalogue's text there), and the choices a language
switch relabels (the browser holds a choice as its label)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser import App
from tests.e2e.conftest import REAL_ADMIN, logged_in, open_tab, settled
from tracker import i18n
from tracker.quarters import Quarter


def switch_to(page: Page, lang: str) -> None:
    name = {"nb": "Norsk", "en": "English"}[lang]
    page.locator(".st-key-lang_switch").get_by_text(name, exact=True).click()
    expect(page.get_by_text(i18n.t("app.language", lang), exact=True)).to_be_visible()
    settled(page)


def go_to(page: Page, title_key: str, lang: str) -> None:
    title = i18n.t(title_key, lang)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    settled(page)


DRAGGED_FILE = """() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'a.csv'));
    return data;
}"""


def drawn(element: Locator) -> str:
    """The text the element shows: its ::after content where its own is drawn at size 0."""
    return str(
        element.evaluate(
            """e => getComputedStyle(e).fontSize === '0px'
                ? JSON.parse(getComputedStyle(e, '::after').content)
                : e.innerText"""
        )
    )


def test_the_uploader_and_the_date_fields_speak_the_users_language(
    page: Page, app_server: App
) -> None:
    logged_in(page, app_server, *REAL_ADMIN)  # the demo's admin may not import: no uploader
    for lang in ("nb", "en"):
        if lang == "en":
            switch_to(page, "en")
        go_to(page, "page.admin", lang)
        open_tab(page, i18n.t("adminpage.tab.import", lang))
        uploader = page.get_by_test_id("stFileUploaderDropzone")
        button = uploader.get_by_role("button").get_by_test_id("stMarkdownContainer").locator("p")
        assert drawn(button) == i18n.t("browser.upload", lang)
        expect(page.get_by_test_id("stFileUploaderDropzoneInstructions")).to_be_hidden()
        rows = i18n.format_number(10_000, lang)
        limits = i18n.t("adminpage.import_limits", lang, size=20, rows=rows)
        expect(page.get_by_text(limits)).to_be_visible()  # our line instead
        dragged = page.evaluate_handle(DRAGGED_FILE)
        uploader.dispatch_event("dragenter", {"dataTransfer": dragged})
        assert drawn(uploader.locator("> div:not([data-testid]) > span")) == i18n.t(
            "browser.drop_file", lang
        )
        open_tab(page, i18n.t("adminpage.tab.audit", lang))
        field = page.get_by_test_id("stDateInputField").first
        segments = field.locator("[role=spinbutton]")
        expect(segments).to_have_count(3)
        shown = [drawn(segments.nth(i)) for i in range(3)]
        separator = "." if lang == "nb" else "-"
        assert separator.join(shown) == i18n.t("browser.date_placeholder", lang)
        page.screenshot(path=f"test-results/browser-words-{lang}.png")
        page.keyboard.press("Tab")  # the first Tab shows the skip link
        skip = page.get_by_test_id("stSkipToContent")
        assert drawn(skip) == i18n.t("browser.skip_to_content", lang)


def test_after_the_language_switch_the_choices_show_the_new_language(
    page: Page, app_server: App
) -> None:
    logged_in(page, app_server, *REAL_ADMIN)
    for key in ("page.measures", "page.overview"):
        go_to(page, key, "nb")
        switch_to(page, "en")
        boxes = page.get_by_test_id("stSelectbox").locator("input")
        shown = [box.input_value() or str(box.get_attribute("placeholder")) for box in boxes.all()]
        now = f"{i18n.quarter_label(Quarter.current(), 'en')} ({i18n.t('quarter.now', 'en')})"
        assert now in shown, shown
        assert i18n.t("filter.all", "en") in shown, shown
        assert not {i18n.t("filter.all", "nb"), i18n.quarter_label(Quarter.current())} & {
            s.removesuffix(" (nå)") for s in shown
        }, shown
        switch_to(page, "nb")
