"""The texts of saving forms once (merged into tracker.i18n.CATALOGUE): what a
second click or a second identical record meets, and what a form shows after a
save."""

from __future__ import annotations

FORM_MESSAGES: dict[str, dict[str, str]] = {
    "form.nothing_to_save": {
        "nb": "Ingen endringer å lagre: skjemaet er som det er lagret.",
        "en": "No changes to save: the form is as it is stored.",
    },
    "wheel.duplicate": {
        "nb": "Aktøren har allerede hendelsen «{title}» som starter {starts}.",
        "en": "The actor already has the event “{title}” starting {starts}.",
    },
    "wheel.saved_note": {
        "nb": "Lagret i årshjulet: «{title}», {starts}, {actor}.",
        "en": "Saved in the wheel: “{title}”, {starts}, {actor}.",
    },
    "indicators.saved_note": {
        "nb": "Lagret: {value} for {period} ({comment}).",
        "en": "Saved: {value} for {period} ({comment}).",
    },
}
