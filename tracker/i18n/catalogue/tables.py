"""The texts of the tables and charts a leader reads at a glance, and of a text
field over its limit (merged into tracker.i18n.CATALOGUE)."""

from __future__ import annotations

TABLE_MESSAGES: dict[str, dict[str, str]] = {
    "tables.partners_help": {
        "nb": "De to første partnerne og hvor mange flere; alle står i tiltakets detaljer "
        "under Tiltak.",
        "en": "The first two partners and how many more; all of them are in the measure's "
        "details under Measures.",
    },
    "tables.narrowed_theme": {
        "nb": "Avgrenset til satsingsområdet **{name}**: {measures}.",
        "en": "Narrowed to the theme **{name}**: {measures}.",
    },
    "tables.narrowed_actor": {
        "nb": "Avgrenset til tiltakene **{name}** leder: {measures}.",
        "en": "Narrowed to the measures **{name}** leads: {measures}.",
    },
    "tables.clear": {"nb": "Vis alle", "en": "Show all"},
    "tables.too_long": {
        "nb": "{name} er {length} tegn; grensen er {limit}. Ingenting er lagret, og teksten "
        "står fortsatt i feltet: kort den ned og lagre igjen.",
        "en": "{name} is {length} characters; the limit is {limit}. Nothing was saved, and "
        "the text is still in the field: shorten it and save again.",
    },
    "tables.progress_input": {
        "nb": "Fremdrift i prosent ({min}–{max})",
        "en": "Progress in per cent ({min}–{max})",
    },
}
