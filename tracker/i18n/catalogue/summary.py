"""The quarterly summary's texts (merged into tracker.i18n.CATALOGUE): the
report's headings, column names, sheet names and the Eksport page."""

from __future__ import annotations

SUMMARY_MESSAGES: dict[str, dict[str, str]] = {
    "summary.title": {
        "nb": "Kvartalsrapport for strategisk næringsplan",
        "en": "Quarterly summary of the strategic business plan",
    },
    "summary.plan": {"nb": "{name} ({start}–{end})", "en": "{name} ({start}–{end})"},
    "summary.as_of": {"nb": "Status per {date}", "en": "Status as of {date}"},
    "summary.provisional": {
        "nb": "Foreløpig: kvartalet er ikke lukket, og tallene kan endre seg.",
        "en": "Provisional: the quarter is not closed, and the figures may change.",
    },
    "summary.final": {
        "nb": "Endelig: kvartalet er lukket.",
        "en": "Final: the quarter is closed.",
    },
    "summary.provisional_short": {"nb": "Foreløpig", "en": "Provisional"},
    "summary.example_data": {
        "nb": "Eksempeldata: tiltakene og statusene er eksempler, ikke vedtatte tiltak.",
        "en": "Example data: the measures and statuses are examples, not adopted measures.",
    },
    "summary.none": {"nb": "Ingen.", "en": "None."},
    "summary.quarter_outside_plan": {
        "nb": "{quarter} er utenfor planperioden {start}–{end}.",
        "en": "{quarter} is outside the plan period {start}–{end}.",
    },
    "summary.chart_unavailable": {
        "nb": "Figurene kan ikke tegnes: Chromium mangler. Installer det med "
        "«apt-get install chromium», eller velg XLSX eller CSV.",
        "en": "The charts cannot be drawn: Chromium is missing. Install it with "
        "'apt-get install chromium', or choose XLSX or CSV.",
    },
    "summary.chart_failed": {
        "nb": "Figurene kunne ikke tegnes ({reason}). Velg XLSX eller CSV, eller prøv igjen.",
        "en": "The charts could not be drawn ({reason}). Choose XLSX or CSV, or try again.",
    },
    # sections (also the sheet names of the workbook: at most 31 characters)
    "summary.section.cover": {"nb": "Forside", "en": "Cover"},
    "summary.section.figures": {"nb": "Nøkkeltall", "en": "Key figures"},
    "summary.section.themes": {"nb": "Satsingsområder", "en": "Themes"},
    "summary.section.actors": {"nb": "Aktører", "en": "Actors"},
    "summary.section.changes": {"nb": "Endringer", "en": "Changes"},
    "summary.section.measures": {"nb": "Tiltak", "en": "Measures"},
    "summary.section.trend": {"nb": "Utvikling", "en": "Trend"},
    "summary.section.indicators": {"nb": "Indikatorer", "en": "Indicators"},
    "summary.section.matrix": {"nb": "Hvem gjør hva", "en": "Who does what"},
    "summary.heading.matrix": {
        "nb": "Hvem gjør hva: målgruppe × arbeidsform",
        "en": "Who does what: target group × kind of work",
    },
    "summary.heading.indicators": {
        "nb": "Indikatorer ved utgangen av kvartalet",
        "en": "Indicators at the end of the quarter",
    },
    "summary.heading.figures": {
        "nb": "Nøkkeltall ved utgangen av kvartalet",
        "en": "Key figures at the end of the quarter",
    },
    "summary.heading.themes": {"nb": "Fremdrift per satsingsområde", "en": "Progress per theme"},
    "summary.heading.actors": {
        "nb": "Fremdrift per ansvarlig aktør",
        "en": "Progress per lead actor",
    },
    "summary.heading.changes": {
        "nb": "Hva endret seg i kvartalet",
        "en": "What changed during the quarter",
    },
    "summary.heading.transitions": {"nb": "Statusendringer", "en": "Status changes"},
    "summary.heading.newly_completed": {
        "nb": "Nye fullførte tiltak",
        "en": "Newly completed measures",
    },
    "summary.heading.newly_red": {"nb": "Nye alvorlige avvik", "en": "Newly off track"},
    "summary.heading.unreported": {
        "nb": "Tiltak uten rapport for kvartalet",
        "en": "Measures without a report for the quarter",
    },
    "summary.heading.measures": {
        "nb": "Alle tiltak ved utgangen av kvartalet",
        "en": "Every measure at the end of the quarter",
    },
    "summary.heading.trend": {
        "nb": "Utvikling i planperioden",
        "en": "Trend over the plan period",
    },
    "summary.actors_limited": {
        "nb": "Figuren viser de {shown} aktørene som leder flest tiltak; "
        "tabellen viser alle {total}.",
        "en": "The chart shows the {shown} actors that lead most measures; "
        "the table shows all {total}.",
    },
    # key figures
    "summary.figure.measures": {"nb": "Tiltak i alt", "en": "Measures in all"},
    "summary.figure.progress": {"nb": "Vektet fremdrift", "en": "Weighted progress"},
    "summary.figure.expected": {"nb": "Forventet fremdrift", "en": "Expected progress"},
    "summary.figure.coverage": {"nb": "Rapportdekning", "en": "Report coverage"},
    "summary.figure.no_report": {"nb": "Aldri rapportert", "en": "Never reported"},
    "summary.note.share_of_measures": {"nb": "andel av alle tiltak", "en": "share of all measures"},
    "summary.note.behind": {
        "nb": "mer enn 15 prosentpoeng under forventet fremdrift",
        "en": "more than 15 percentage points below expected progress",
    },
    "summary.note.share_of_counted": {
        "nb": "andel av tiltakene som teller",
        "en": "share of the measures that count",
    },
    "summary.note.carried_forward": {
        "nb": "siste rapport er fra et tidligere kvartal; den teller i fremdriften",
        "en": "the latest report is from an earlier quarter; it counts in the progress",
    },
    # columns
    "summary.col.figure": {"nb": "Nøkkeltall", "en": "Figure"},
    "summary.col.count": {"nb": "Antall", "en": "Count"},
    "summary.col.share": {"nb": "Andel", "en": "Share"},
    "summary.col.note": {"nb": "Merknad", "en": "Note"},
    "summary.col.measures": {"nb": "Tiltak", "en": "Measures"},
    "summary.col.coverage": {"nb": "Dekning", "en": "Coverage"},
    "summary.col.status_before": {"nb": "Status før", "en": "Status before"},
    "summary.col.status_now": {"nb": "Status nå", "en": "Status now"},
    "summary.col.rag_before": {"nb": "Vurdering før", "en": "Rating before"},
    "summary.col.rag_now": {"nb": "Vurdering nå", "en": "Rating now"},
    "summary.col.report_quarter": {"nb": "Rapportert for", "en": "Reported for"},
    "summary.col.comment_next": {
        "nb": "Kommentar og neste steg",
        "en": "Comment and next steps",
    },
    "summary.cover.plan": {"nb": "Plan", "en": "Plan"},
    "summary.cover.quarter": {"nb": "Kvartal", "en": "Quarter"},
    "summary.cover.state": {"nb": "Tilstand", "en": "State"},
    "summary.cover.produced_at": {"nb": "Laget", "en": "Produced"},
    "summary.cover.produced_by": {"nb": "Laget av", "en": "Produced by"},
    "summary.next_label": {"nb": "Neste steg: {text}", "en": "Next steps: {text}"},
    # formats
    "summary.format.xlsx": {"nb": "Excel (XLSX)", "en": "Excel (XLSX)"},
    "summary.format.pdf": {"nb": "PDF", "en": "PDF"},
    "summary.format.docx": {"nb": "Word (DOCX)", "en": "Word (DOCX)"},
    "summary.format.csv": {
        "nb": "CSV for norsk Excel (semikolon, desimalkomma)",
        "en": "CSV for Norwegian Excel (semicolon, decimal comma)",
    },
    "summary.format.csv_plain": {
        "nb": "CSV (komma, desimalpunktum)",
        "en": "CSV (comma, decimal point)",
    },
    # the Eksport page
    "page.export": {"nb": "Eksport", "en": "Export"},
    "export.intro": {
        "nb": "Kvartalsrapporten til formannskapet og kommunestyret: tilstanden ved "
        "utgangen av kvartalet, endringene i kvartalet og alle tiltak.",
        "en": "The quarterly summary for the council: the state at the end of the "
        "quarter, the changes during it and every measure.",
    },
    "export.format": {"nb": "Format", "en": "Format"},
    "export.make": {"nb": "Lag rapport", "en": "Make report"},
    "export.making": {"nb": "Lager rapporten …", "en": "Making the report …"},
    "export.drawing": {"nb": "Tegner figurene …", "en": "Drawing the charts …"},
    "export.writing": {"nb": "Skriver {format} …", "en": "Writing {format} …"},
    "export.done": {"nb": "Rapporten er klar.", "en": "The report is ready."},
    "export.download": {"nb": "Last ned {name}", "en": "Download {name}"},
    "export.preview": {"nb": "Nøkkeltall i rapporten", "en": "Key figures in the report"},
    "export.cli": {
        "nb": "Fra kommandolinjen (f.eks. i cron): "
        "`python -m tracker summary --quarter {quarter} --format {format} -o {file}`",
        "en": "From the command line (e.g. in cron): "
        "`python -m tracker --lang en summary --quarter {quarter} --format {format} -o {file}`",
    },
    # command line
    "cli.summary_written": {
        "nb": "Skrev kvartalsrapporten for {quarter} til {path}.",
        "en": "Wrote the quarterly summary for {quarter} to {path}.",
    },
    "cli.summary_bad_quarter": {
        "nb": "Ukjent kvartal «{value}»: skriv f.eks. 2025-Q3.",
        "en": "Unknown quarter '{value}': write e.g. 2025-Q3.",
    },
    "cli.summary_bad_format": {
        "nb": "Ukjent format «{value}»: velg en av {choices}.",
        "en": "Unknown format '{value}': choose one of {choices}.",
    },
    "summary.xlsx.chart_data": {"nb": "Tall til diagrammene", "en": "Data for the charts"},
    "summary.xlsx.series": {"nb": "Serie", "en": "Series"},
    "summary.xlsx.year": {"nb": "År", "en": "Year"},
}
