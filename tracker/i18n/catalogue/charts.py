"""The charts' titles, axes and legends."""

from __future__ import annotations

CHART_MESSAGES: dict[str, dict[str, str]] = {
    "chart.progress": {"nb": "Fremdrift", "en": "Progress"},
    "chart.progress_axis": {"nb": "Vektet fremdrift (%)", "en": "Weighted progress (%)"},
    "chart.expected": {"nb": "Forventet fremdrift", "en": "Expected progress"},
    "chart.coverage": {"nb": "Rapporteringsgrad", "en": "Report coverage"},
    "kpi.progress_known": {
        "nb": "kjent for {known} av {counted} tiltak",
        "en": "known for {known} of {counted} measures",
    },
    "chart.reported_of": {
        "nb": "{reported} av {counted} for kvartalet",
        "en": "{reported} of {counted} this quarter",
    },
    "chart.no_reports": {"nb": "ingen rapporter", "en": "no reports"},
    "chart.behind": {"nb": "Bak plan", "en": "Behind schedule"},
    "chart.no_report": {"nb": "Ikke rapportert", "en": "Not reported"},
    "chart.measure_count": {"nb": "Antall tiltak", "en": "Number of measures"},
    "chart.quarter": {"nb": "Kvartal", "en": "Quarter"},
    "chart.percent_axis": {"nb": "Prosent", "en": "Per cent"},
    "chart.status": {"nb": "Status", "en": "Status"},
    "chart.rag": {"nb": "Vurdering", "en": "Rating"},
    "chart.progress_unknown": {"nb": "Fremdrift ukjent", "en": "Progress unknown"},
    "chart.no_data": {"nb": "Ingen data å vise.", "en": "No data to show."},
}
