"""The texts of how a plan file was read (merged into tracker.i18n.CATALOGUE): which
sheet holds the measures, the header row, each column's field (importfield.<key>,
one per planfile.FIELD_KEYS), notes left out, and wrong choices of sheet or column."""

from __future__ import annotations

LAYOUT_MESSAGES: dict[str, dict[str, str]] = {
    "import.sheet_chosen": {
        "nb": "Tiltakene er lest fra arket «{name}». Også disse arkene kan ha tiltak: {others}. "
        "Velg et annet ark hvis det var feil.",
        "en": "The measures were read from the sheet “{name}”. These sheets may hold measures "
        "too: {others}. Choose another sheet if that was wrong.",
    },
    "import.note_row": {
        "nb": "«{text}» står under tabellen og ser ut som en merknad; raden blir ikke importert.",
        "en": "“{text}” is below the table and looks like a note; the row is not imported.",
    },
    "import.group_row": {
        "nb": "Lest som satsingsområde: «{text}».",
        "en": "Read as a theme: “{text}”.",
    },
    "import.blank_rows": {
        "nb": "Tomme rader i tabellen er hoppet over (rad {rows}).",
        "en": "Blank rows in the table were skipped (rows {rows}).",
    },
    "import.read_as_cp1252": {
        "nb": "«{name}» er ikke UTF-8 og er lest som Windows-tegnsett (cp1252), slik Excel "
        "lagrer «CSV (semikolondelt)». Sjekk at æ, ø og å ser riktige ut.",
        "en": "“{name}” is not UTF-8 and was read as the Windows character set (cp1252), as "
        "Excel saves “CSV (semicolon delimited)”. Check that æ, ø and å look right.",
    },
    "import.no_such_sheet": {
        "nb": "Fila har ikke noe ark som heter «{name}». Arkene er: {choices}.",
        "en": "The file has no sheet named “{name}”. Its sheets are: {choices}.",
    },
    "import.no_such_column": {
        "nb": "«{name}» har ingen kolonne «{column}». Kolonnene er: {choices}.",
        "en": "“{name}” has no column “{column}”. Its columns are: {choices}.",
    },
    "import.unknown_field": {
        "nb": "«{field}» er ikke et felt for tiltak. Velg blant: {choices}.",
        "en": "“{field}” is not a field of a measure. Choose from: {choices}.",
    },
    "import.column_option": {
        "nb": "--column tar «Overskrift=felt», f.eks. «Ansvar=lead» («Ansvar=» ignorerer "
        "kolonnen); fikk «{value}».",
        "en": "--column takes “Header=field”, e.g. “Ansvar=lead” (“Ansvar=” ignores the "
        "column); got “{value}”.",
    },
    "importlayout.sheet": {
        "nb": "Lest fra arket «{name}», overskriftene i rad {row}:",
        "en": "Read from the sheet “{name}”, the headers in row {row}:",
    },
    "importlayout.column": {
        "nb": "  {column} → {field}",
        "en": "  {column} → {field}",
    },
    "importlayout.ignored": {"nb": "ignorert", "en": "ignored"},
    "importlayout.first_rows": {
        "nb": "De første tiltakene slik de blir lagret:",
        "en": "The first measures as they will be stored:",
    },
    "importlayout.theme_rows": {
        "nb": "Satsingsområdene er lest fra grupperadene over hver blokk med tiltak.",
        "en": "The themes were read from the group rows above each block of measures.",
    },
    "importlayout.candidates": {
        "nb": "Ark som kan ha tiltak: {names}.",
        "en": "Sheets that may hold measures: {names}.",
    },
    "importfield.code": {"nb": "Nummer", "en": "Number"},
    "importfield.title": {"nb": "Tiltak", "en": "Measure"},
    "importfield.description": {"nb": "Beskrivelse", "en": "Description"},
    "importfield.theme": {"nb": "Satsingsområde", "en": "Theme"},
    "importfield.goal": {"nb": "Mål", "en": "Goal"},
    "importfield.lead": {"nb": "Ansvarlig", "en": "Lead"},
    "importfield.partners": {"nb": "Samarbeidspartnere", "en": "Partners"},
    "importfield.funders": {"nb": "Finansiører", "en": "Funders"},
    "importfield.period": {"nb": "Periode", "en": "Period"},
    "importfield.start": {"nb": "Oppstart", "en": "Start"},
    "importfield.end": {"nb": "Ferdig", "en": "End"},
    "importfield.weight": {"nb": "Vekt", "en": "Weight"},
    "importfield.budget": {"nb": "Budsjett", "en": "Budget"},
    "importfield.funding": {"nb": "Finansiering", "en": "Funding"},
    "importfield.example": {"nb": "Eksempel", "en": "Example"},
    "importfield.target_groups": {"nb": "Målgrupper", "en": "Target groups"},
    "importfield.work_kinds": {"nb": "Arbeidsformer", "en": "Kinds of work"},
    "importfield.status": {"nb": "Status", "en": "Status"},
    "importfield.progress": {"nb": "Fremdrift", "en": "Progress"},
    "importfield.rag": {"nb": "Vurdering", "en": "Rating"},
    "importfield.status_period": {"nb": "Kvartal", "en": "Quarter"},
    "importfield.comment": {"nb": "Kommentar", "en": "Comment"},
    "importfield.next_steps": {"nb": "Neste steg", "en": "Next steps"},
}
