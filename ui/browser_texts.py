"""Texts Streamlit's frontend writes itself, with no parameter to set them
(Streamlit 1.67): the file uploader's button («Upload»), its line «20MB per file •
XLSX, CSV» and «Drag and drop a file here», and the date field's empty segments
(«yyyy»), and the skip link a Tab press shows («Skip to main content»). The
browser's locale does not reach them (the frontend's texts are English literals;
the date field is built with locale en-US).

They are put into the user's language with CSS on the frontend's test hooks
(data-testid) and React Aria's segment attributes (data-type, data-placeholder):
the original text is drawn at size 0 and the catalogue's text is drawn after it.
The uploader's limit line is hidden instead: the import tab says the limits itself,
from tracker.planfile.limits. tests/e2e/test_browser_words.py checks what the
browser shows, so a Streamlit upgrade that moves a hook fails there."""

from __future__ import annotations

import re

import streamlit as st

from tracker import i18n
from ui.state import lang

TEXT_SIZE = "0.875rem"  # the uploader's and the date field's own text size (14 px)
UPLOADER = '[data-testid="stFileUploaderDropzone"]'
SKIP_LINK = '[data-testid="stSkipToContent"]'  # «Skip to main content», shown on Tab
DATE_SEGMENT = '[data-testid="stDateInputField"] [data-type="{part}"][data-placeholder="true"]'
SEGMENTS = {"D": "day", "M": "month", "Y": "year"}


def css_string(text: str) -> str:
    """text as a CSS string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    return '"' + escaped.replace("\n", "\\A ") + '"'


def replaced(selector: str, text: str) -> str:
    """CSS that shows text instead of what the element holds."""
    return (
        f"{selector} {{ font-size: 0; }}\n"
        f"{selector}::after {{ content: {css_string(text)}; font-size: {TEXT_SIZE}; }}\n"
    )


def css(language: str) -> str:
    """The style sheet for a page in language."""
    rules = [
        replaced(
            f'{UPLOADER} button [data-testid="stMarkdownContainer"] p',
            i18n.t("browser.upload", language),
        ),
        replaced(
            f"{UPLOADER} > div:not([data-testid]) > span", i18n.t("browser.drop_file", language)
        ),
        '[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }\n',
        replaced(SKIP_LINK, i18n.t("browser.skip_to_content", language)),
    ]
    order = re.findall(r"[A-Z]+", i18n.t("browser.date_format", language))
    parts = re.findall(r"\w+", i18n.t("browser.date_placeholder", language))
    for letters, part in zip(order, parts, strict=True):
        rules.append(replaced(DATE_SEGMENT.format(part=SEGMENTS[letters[0]]), part))
    return "".join(rules)


def date_format() -> str:
    """st.date_input's format in the session's language (as dates are written)."""
    return i18n.t("browser.date_format", lang())


def apply() -> None:
    """Style this page's frontend texts in the session's language (takes no room:
    Streamlit sends a style-only st.html apart from the page's elements)."""
    st.html(f"<style>\n{css(lang())}</style>")
