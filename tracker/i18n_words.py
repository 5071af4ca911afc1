"""The texts of widgets and formats (merged into tracker.i18n.CATALOGUE): what an
empty selectbox or multiselect says, and the texts Streamlit's frontend writes
itself, which the app puts into the user's language (ui.browser_texts)."""

from __future__ import annotations

WORD_MESSAGES: dict[str, dict[str, str]] = {
    "choice.one": {"nb": "Velg ett", "en": "Choose one"},
    "choice.many": {"nb": "Velg ett eller flere", "en": "Choose one or more"},
    "choice.none": {"nb": "Ingenting å velge", "en": "Nothing to choose"},
    "browser.upload": {"nb": "Last opp", "en": "Upload"},
    "browser.drop_file": {"nb": "Slipp filen her", "en": "Drop the file here"},
    "browser.date_placeholder": {"nb": "dd.mm.åååå", "en": "dd.mm.yyyy"},
}
