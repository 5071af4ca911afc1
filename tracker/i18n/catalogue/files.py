"""The texts of the quarterly summary's files and of the Eksport page that makes
them (merged into tracker.i18n.CATALOGUE): short column headers that fit a page,
the period column named for what it holds, the Word footer's page numbers, and
how the page marks a closed quarter."""

from __future__ import annotations

FILE_MESSAGES: dict[str, dict[str, str]] = {
    # The one way a percentage is written (tracker.i18n.format_percent): «24 %» with
    # a no-break space in bokmål, «24%» in English.
    "format.percent": {"nb": "{number}\u00a0%", "en": "{number}%"},
    "files.col.baseline": {"nb": "Startverdi", "en": "Baseline"},
    "files.col.baseline_year": {"nb": "Startår", "en": "Base year"},
    "files.col.partner_in": {"nb": "Som partner", "en": "As partner"},
    "files.period.year": {"nb": "År", "en": "Year"},
    "files.period.quarter": {"nb": "Kvartal", "en": "Quarter"},
    "files.period.mixed": {"nb": "Periode", "en": "Period"},
    "files.page_of": {"nb": "Side {page} av {pages}", "en": "Page {page} of {pages}"},
    "files.quarter_closed": {"nb": "{quarter} – lukket", "en": "{quarter} – closed"},
    "files.download_final": {
        "nb": "Last ned endelig rapport: {name}",
        "en": "Download the final report: {name}",
    },
    "files.chart_unavailable_leader": {
        "nb": "Figurene kan ikke tegnes på denne serveren. Be administratoren om å ordne "
        "det, eller velg XLSX eller CSV.",
        "en": "The charts cannot be drawn on this server. Ask the administrator to see to "
        "it, or choose XLSX or CSV.",
    },
}
