"""The texts of the importer's limits and refusals (merged into tracker.i18n.CATALOGUE):
files that are not regular files, too large or damaged, rows over the limit, numbers
Excel cannot hold exactly, unknown themes, several names in a one-actor column."""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, dict[str, str]] = {
    "import.numbers_per_theme": {
        "nb": "Tiltaksnumrene begynner på nytt under hvert satsingsområde: de er lest som "
        "satsingsområde og nummer (f.eks. {example}).",
        "en": "The measure numbers start again under each theme: they are read as theme and "
        "number (e.g. {example}).",
    },
    "import.status_not_begun": {
        "nb": "statusen er ikke lagret: tiltaket begynner {start}, og en status kan først "
        "rapporteres da. Tiltaket er importert.",
        "en": "the status is not stored: the measure begins in {start}, and a status can only "
        "be reported from then. The measure is imported.",
    },
    "import.not_started_not_begun": {
        "nb": "«Ikke startet» på tiltak som ikke har begynt ennå er ikke lagret som rapport "
        "(rad {rows}): tiltakene teller med fra de begynner.",
        "en": "“Not started” on measures that have not begun is not stored as a report "
        "(rows {rows}): the measures count from when they begin.",
    },
    "import.comment_without_status": {
        "nb": "kommentaren er ikke importert: en kommentar lagres med en status, og raden har "
        "ingen. Tiltaket er importert.",
        "en": "the comment is not imported: a comment is stored with a status, and the row has "
        "none. The measure is imported.",
    },
    "import.comments_without_status_column": {
        "nb": "Kolonnen «{column}» er ikke importert: kommentarer lagres med en status, og fila "
        "har ingen Status-kolonne. Tiltakene er importert.",
        "en": "The column “{column}” is not imported: comments are stored with a status, and "
        "the file has no Status column. The measures are imported.",
    },
    "import.not_a_file": {
        "nb": "«{name}» er ikke en vanlig fil (men f.eks. en kø, en enhet eller en lenke til "
        "en slik). Velg selve plan-fila.",
        "en": "“{name}” is not a regular file (but e.g. a pipe, a device or a link to one). "
        "Choose the plan file itself.",
    },
    "import.not_found": {
        "nb": "Fant ikke fila «{name}».",
        "en": "Found no file “{name}”.",
    },
    "import.no_access": {
        "nb": "Har ikke lov til å lese «{name}».",
        "en": "Not allowed to read “{name}”.",
    },
    "import.not_xlsx": {
        "nb": "«{name}» er ikke en gyldig Excel-fil (.xlsx). Åpne den i Excel, lagre den som "
        "Excel-arbeidsbok og prøv igjen.",
        "en": "“{name}” is not a valid Excel file (.xlsx). Open it in Excel, save it as an "
        "Excel workbook and try again.",
    },
    "import.unpacked_too_large": {
        "nb": "Filen «{name}» pakker seg ut til over {limit} MB; er den skadet? En plan-fil er "
        "langt mindre.",
        "en": "The file “{name}” unpacks to over {limit} MB; is it damaged? A plan file is "
        "far smaller.",
    },
    "import.packed_too_tightly": {
        "nb": "Filen «{name}» har en del som pakker seg ut over {ratio} ganger større; er den "
        "skadet?",
        "en": "The file “{name}” has a part that unpacks to over {ratio} times its size; is "
        "it damaged?",
    },
    "import.csv_broken": {
        "nb": "«{name}» kan ikke leses som CSV: en celle er over {limit} tegn, eller et "
        "anførselstegn er ikke lukket.",
        "en": "“{name}” cannot be read as CSV: a cell is over {limit} characters, or a "
        "quotation mark is not closed.",
    },
    "import.too_many_rows": {
        "nb": "«{name}» har mer enn {limit} rader med data; ingenting er importert. Del fila i "
        "flere.",
        "en": "“{name}” has more than {limit} rows of data; nothing was imported. Split the file.",
    },
    "import.number_inexact": {
        "nb": "tallet {value} har flere sifre enn Excel lagrer nøyaktig ({digits}). Formater "
        "kolonnen som tekst og skriv verdien inn på nytt.",
        "en": "the number {value} has more digits than Excel stores exactly ({digits}). "
        "Format the column as text and enter the value again.",
    },
    "import.codes_as_numbers": {
        "nb": "Kolonnen «{column}» i «{name}» har koder lagret som tall (f.eks. rad {row}: "
        "{value}). Excel fjerner nuller foran og bak (03 blir 3, 3.10 blir 3.1); formater "
        "kolonnen som tekst hvis kodene skal ha dem.",
        "en": "The column “{column}” in “{name}” has codes stored as numbers (e.g. row {row}: "
        "{value}). Excel drops leading and trailing zeros (03 becomes 3, 3.10 becomes 3.1); "
        "format the column as text if the codes need them.",
    },
    "import.unknown_theme_near": {
        "nb": "ukjent satsingsområde «{value}». Mente du «{near}»? Kjente satsingsområder: "
        "{known}.",
        "en": "unknown theme “{value}”. Did you mean “{near}”? Known themes: {known}.",
    },
    "import.theme_is_number": {
        "nb": "«{value}» ser ut som nummeret på et satsingsområde, men planen har ingen ennå. "
        "Skriv navnet, eller legg til arket Satsingsområder.",
        "en": "“{value}” looks like a theme's number, but the plan has no themes yet. Write "
        "the name, or add the sheet Satsingsområder.",
    },
    "import.theme_placeholder": {"nb": "Satsingsområde {code}", "en": "Theme {code}"},
    "import.theme_code_taken": {
        "nb": "«{value}»: satsingsområde {code} heter «{name}». Ett nummer er ett "
        "satsingsområde; rett nummeret eller navnet.",
        "en": "“{value}”: theme {code} is called “{name}”. One number is one theme; correct "
        "the number or the name.",
    },
    "import.change_new_plan": {
        "nb": "Ny plan: {name} ({start_year}–{end_year})",
        "en": "New plan: {name} ({start_year}–{end_year})",
    },
    "import.plan_name_needed": {
        "nb": "Databasen har ingen plan ennå. Gi planens navn (på kommandolinja: --plan "
        "«Strategisk næringsplan for … 2024–2028»), eller legg til arket Plan.",
        "en": "The database holds no plan yet. Give the plan's name (on the command line: "
        "--plan “Strategic business plan for … 2024–2028”), or add the sheet Plan.",
    },
    "import.plan_needs_period": {
        "nb": "Planen «{name}» er ny, men navnet sier ikke hvilke år den gjelder. Oppgi "
        "perioden (på kommandolinja: --period 2024-2028).",
        "en": "The plan “{name}” is new, but its name does not say which years it covers. "
        "Give the period (on the command line: --period 2024-2028).",
    },
    "import.bad_plan_period": {
        "nb": "«{value}» er ikke en planperiode. Skriv første og siste år, f.eks. 2024-2028.",
        "en": "“{value}” is not a plan period. Write the first and last year, e.g. 2024-2028.",
    },
    "import.period_kept": {
        "nb": "Planen «{name}» finnes og gjelder {start}–{end}; perioden «{value}» er ikke brukt "
        "(endre perioden på Admin-siden).",
        "en": "The plan “{name}” exists and covers {start}–{end}; the period “{value}” is not "
        "used (change the period on the Admin page).",
    },
    "import.plan_new_near": {
        "nb": "Fant ingen plan som heter «{value}»; en ny plan lages (mente du «{near}»?).",
        "en": "Found no plan named “{value}”; a new plan is made (did you mean “{near}”?).",
    },
    "import.one_actor_repeated": {
        "nb": "«{value}» er samme navn flere ganger, men kolonnen tar én aktør. Mente du «{near}»?",
        "en": "“{value}” is the same name several times, but the column takes one actor. Did "
        "you mean “{near}”?",
    },
    "import.one_actor": {
        "nb": "«{value}» er flere aktører, men kolonnen tar én. Sett én her og de andre under "
        "Samarbeidspartnere.",
        "en": "“{value}” is several actors, but the column takes one. Put one here and the "
        "others under Samarbeidspartnere.",
    },
    "adminpage.import_limits": {
        "nb": "Høyst {size} MB per fil og {rows} rader per ark.",
        "en": "At most {size} MB per file and {rows} rows per sheet.",
    },
    "import.characters_removed": {
        "nb": "usynlige kontrolltegn er fjernet fra verdien.",
        "en": "invisible control characters were removed from the value.",
    },
    "import.value_without_header": {
        "nb": "verdien «{value}» i kolonne {column} har ingen overskrift og blir ikke importert.",
        "en": "the value “{value}” in column {column} has no header and is not imported.",
    },
    "import.plan_rows_ignored": {
        "nb": "arket Plan beskriver én plan (rad {first}); denne raden blir ikke importert.",
        "en": "the sheet Plan describes one plan (row {first}); this row is not imported.",
    },
    "import.bad_value": {
        "nb": "«{value}» kan ikke leses her.",
        "en": "“{value}” cannot be read here.",
    },
    # rows and values
    "import.where_row": {"nb": "Rad {row}", "en": "Row {row}"},
    "import.unknown_file_type": {
        "nb": "«{name}»: bare .xlsx- og .csv-filer kan importeres.",
        "en": "“{name}”: only .xlsx and .csv files can be imported.",
    },
    "import.unreadable": {
        "nb": "Kunne ikke lese «{name}». Er det en ekte Excel- eller CSV-fil?",
        "en": "Could not read “{name}”. Is it a real Excel or CSV file?",
    },
    "import.not_utf8": {
        "nb": "«{name}» er ikke UTF-8. Lagre som «CSV UTF-8» i Excel og prøv igjen.",
        "en": "“{name}” is not UTF-8. Save it as “CSV UTF-8” in Excel and try again.",
    },
    "import.too_large": {
        "nb": "«{name}» er for stor (over {limit} MB).",
        "en": "“{name}” is too large (over {limit} MB).",
    },
    "import.sheet_too_large": {
        "nb": "Arket «{name}» er for stort (over {rows} rader eller {columns} kolonner). "
        "Slett tomme rader og kolonner langt ute i arket og prøv igjen.",
        "en": "The sheet “{name}” is too large (over {rows} rows or {columns} columns). "
        "Delete empty rows and columns far out in the sheet and try again.",
    },
    "import.empty_folder": {
        "nb": "Mappen «{name}» har ingen .csv-filer.",
        "en": "The folder “{name}” holds no .csv files.",
    },
    "import.unknown_sheet": {
        "nb": "Arket «{name}» er ikke kjent og blir hoppet over.",
        "en": "The sheet “{name}” is not known and is skipped.",
    },
    "import.no_header": {
        "nb": "Fant ingen overskriftsrad i «{name}». Forventet kolonner som: {columns}.",
        "en": "Found no header row in “{name}”. Expected columns such as: {columns}.",
    },
    "import.missing_columns": {
        "nb": "«{name}» mangler kolonnene: {columns}.",
        "en": "“{name}” lacks the columns: {columns}.",
    },
    "import.column_ignored": {
        "nb": "Kolonnen «{column}» i «{name}» er ikke kjent og blir ignorert.",
        "en": "The column “{column}” in “{name}” is not known and is ignored.",
    },
    "import.nothing": {
        "nb": "Fila har ingen rader å importere.",
        "en": "The file has no rows to import.",
    },
    "import.required": {"nb": "må fylles ut.", "en": "must be filled in."},
    "import.duplicate": {
        "nb": "«{value}» står to ganger i fila.",
        "en": "“{value}” appears twice in the file.",
    },
    "import.bad_period": {
        "nb": "«{value}» er ikke en periode (skriv f.eks. 2024, 2024–2026, Q2 2025, "
        "2. kvartal 2025, høst 2025, 01.03.2025, Q2 2025 – Q1 2026 eller Løpende).",
        "en": "“{value}” is not a period (write e.g. 2024, 2024–2026, Q2 2025, "
        "2. kvartal 2025, høst 2025, 01.03.2025, Q2 2025 – Q1 2026 or Løpende).",
    },
    "import.bad_quarter": {
        "nb": "«{value}» er ikke et kvartal (skriv f.eks. 2025-Q3).",
        "en": "“{value}” is not a quarter (write e.g. 2025-Q3).",
    },
    "import.bad_weight": {
        "nb": "«{value}» er ikke en gyldig vekt (et tall over 0 og høyst {max}).",
        "en": "“{value}” is not a valid weight (a number above 0 and at most {max}).",
    },
    "import.bad_progress": {
        "nb": "«{value}» er ikke en fremdrift fra 0 til 100 %.",
        "en": "“{value}” is not a progress from 0 to 100 %.",
    },
    "import.bad_status": {
        "nb": "«{value}» er ikke en status (Ikke startet, Pågår, Fullført, Utsatt, Avbrutt).",
        "en": "“{value}” is not a status (Not started, In progress, Completed, Postponed, "
        "Cancelled).",
    },
    "import.bad_rag": {
        "nb": "«{value}» er ikke en vurdering (I rute, Risiko, Alvorlig avvik).",
        "en": "“{value}” is not a rating (On track, At risk, Off track).",
    },
    "import.not_on_list": {
        "nb": "{words} står ikke på listen. Velg blant: {choices} (skilt med «;»).",
        "en": "{words} is not on the list. Choose from: {choices} (separated by “;”).",
    },
    "import.bad_kind": {
        "nb": "«{value}» er ikke en kjent aktørtype.",
        "en": "“{value}” is not a known kind of actor.",
    },
    "import.status_missing": {
        "nb": "status mangler, men raden har andre statusfelt.",
        "en": "status is missing, but the row has other status fields.",
    },
    "import.unknown_theme": {
        "nb": "ukjent satsingsområde «{value}». Kjente satsingsområder: {known}.",
        "en": "unknown theme “{value}”. Known themes: {known}.",
    },
    "import.near_miss": {
        "nb": "«{value}» er ikke kjent. Mente du «{near}»?",
        "en": "“{value}” is not known. Did you mean “{near}”?",
    },
    "import.change_new": {"nb": "Ny: {entity} «{name}»", "en": "New: {entity} “{name}”"},
    "import.change_updated": {
        "nb": "Endret: {entity} «{name}» ({fields})",
        "en": "Changed: {entity} “{name}” ({fields})",
    },
    "import.change_status": {
        "nb": "Ny status for tiltak {code}: {status} ({period})",
        "en": "New status for measure {code}: {status} ({period})",
    },
    "import.no_changes": {"nb": "Ingen endringer.", "en": "No changes."},
}
