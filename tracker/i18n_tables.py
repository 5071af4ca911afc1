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
        "nb": "Avgrenset til satsingsområdet **{name}**: {count} tiltak.",
        "en": "Narrowed to the theme **{name}**: {count} measures.",
    },
    "tables.narrowed_actor": {
        "nb": "Avgrenset til tiltakene **{name}** leder: {count} tiltak.",
        "en": "Narrowed to the measures **{name}** leads: {count} measures.",
    },
    "tables.clear": {"nb": "Vis alle", "en": "Show all"},
}
