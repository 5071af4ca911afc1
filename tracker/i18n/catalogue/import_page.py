"""Texts of the Admin page's import (merged into tracker.i18n.CATALOGUE): how a file
was read, the sheet and column choices, the import report, and a fresh install's
first screen (import your plan, or the demo)."""

from __future__ import annotations

IMPORT_PAGE_MESSAGES: dict[str, dict[str, str]] = {
    # the import report (tracker.planfile.report)
    "importreport.sheet_summary": {"nb": "Sammendrag", "en": "Summary"},
    "importreport.sheet_problems": {"nb": "Feil", "en": "Problems"},
    "importreport.sheet_notices": {"nb": "Merknader", "en": "Notices"},
    "importreport.sheet_changes": {"nb": "Endringer", "en": "Changes"},
    "importreport.kind": {"nb": "Type", "en": "Kind"},
    "importreport.problem": {"nb": "Feil", "en": "Problem"},
    "importreport.notice": {"nb": "Merknad", "en": "Notice"},
    "importreport.change": {"nb": "Endring", "en": "Change"},
    "importreport.row": {"nb": "Rad", "en": "Row"},
    "importreport.column": {"nb": "Kolonne", "en": "Column"},
    "importreport.message": {"nb": "Melding", "en": "Message"},
    "importreport.outcome": {"nb": "Resultat", "en": "Outcome"},
    "importreport.refused": {
        "nb": "Kan ikke importeres: ingenting er lagret",
        "en": "Cannot be imported: nothing was saved",
    },
    "importreport.would_import": {
        "nb": "Prøvekjøring: kan importeres, ingenting er lagret ennå",
        "en": "Dry run: can be imported, nothing is saved yet",
    },
    "importreport.imported": {"nb": "Importert", "en": "Imported"},
    "importreport.problems": {"nb": "Feil", "en": "Problems"},
    "importreport.notices": {"nb": "Merknader", "en": "Notices"},
    "importreport.changes": {"nb": "Endringer", "en": "Changes"},
    "importreport.sheet_read": {"nb": "Ark lest", "en": "Sheet read"},
    "importreport.header_row": {"nb": "Overskriftsrad", "en": "Header row"},
    # how the file was read (ui.admin.import_layout)
    "importpage.how_read": {"nb": "Slik ble fila lest", "en": "How the file was read"},
    "importpage.read_sheet": {
        "nb": "Tiltakene er lest fra arket «{sheet}», med overskriftene i rad {row}.",
        "en": "The measures were read from the sheet “{sheet}”, with the headers in row {row}.",
    },
    "importpage.other_sheet": {
        "nb": "Også lest: arket «{sheet}» (overskrifter i rad {row}).",
        "en": "Also read: the sheet “{sheet}” (headers in row {row}).",
    },
    "importpage.theme_rows": {
        "nb": "Satsingsområdene er hentet fra overskriftsradene over hver blokk med tiltak.",
        "en": "The themes were taken from the header rows above each block of measures.",
    },
    "importpage.several_sheets": {
        "nb": "Flere ark kan inneholde tiltak: {sheets}. Velg arket som skal importeres.",
        "en": "Several sheets could hold measures: {sheets}. Choose the sheet to import.",
    },
    "importpage.sheet": {"nb": "Ark med tiltak", "en": "Sheet with measures"},
    "importpage.file_column": {"nb": "Kolonne i fila", "en": "Column in the file"},
    "importpage.field": {"nb": "Felt", "en": "Field"},
    "importpage.ignored": {"nb": "Ignoreres", "en": "Ignored"},
    "importpage.change_columns": {
        "nb": "Endre hva en kolonne betyr",
        "en": "Change what a column means",
    },
    "importpage.change_columns_help": {
        "nb": "Fila leses på nytt med en gang du endrer et valg. Ingenting lagres før du "
        "trykker Importer.",
        "en": "The file is read again as soon as you change a choice. Nothing is saved "
        "until you press Import.",
    },
    "importpage.choices_failed": {
        "nb": "Med disse valgene fant vi ingen tiltakstabell å lese (se feilen over). Endre "
        "valgene, eller start på nytt med fila slik den ble lest.",
        "en": "With these choices no table of measures could be read (see the problem above). "
        "Change the choices, or start again with the file as it was read.",
    },
    "importpage.reset": {"nb": "Les fila som først", "en": "Read the file as at first"},
    "importpage.first_rows": {
        "nb": "De første radene slik de blir lagret:",
        "en": "The first rows as they will be stored:",
    },
    "importpage.first_rows_read": {
        "nb": "De første radene slik de står i fila:",
        "en": "The first rows as they are in the file:",
    },
    "importpage.report_file": {"nb": "importrapport", "en": "import-report"},
    "importpage.report_xlsx": {"nb": "Importrapport (XLSX)", "en": "Import report (XLSX)"},
    "importpage.report_csv": {"nb": "Som CSV", "en": "As CSV"},
    "importpage.export_first": {
        "nb": "Ingen plan ennå. Opprett en under fanen Plan, eller importer en over.",
        "en": "No plan yet. Create one on the Plan tab, or import one above.",
    },
    # after a real import (ui.admin.import_tab.imported_summary)
    "importpage.done": {"nb": "Importert:", "en": "Imported:"},
    "importpage.to_overview": {"nb": "Se planen i Oversikt", "en": "See the plan in Overview"},
    "importpage.done_theme.one": {"nb": "{count} nytt satsingsområde", "en": "{count} new theme"},
    "importpage.done_theme.other": {
        "nb": "{count} nye satsingsområder",
        "en": "{count} new themes",
    },
    "importpage.done_goal.one": {"nb": "{count} nytt mål", "en": "{count} new goal"},
    "importpage.done_goal.other": {"nb": "{count} nye mål", "en": "{count} new goals"},
    "importpage.done_actor.one": {"nb": "{count} ny aktør", "en": "{count} new actor"},
    "importpage.done_actor.other": {"nb": "{count} nye aktører", "en": "{count} new actors"},
    "importpage.done_measure.one": {"nb": "{count} nytt tiltak", "en": "{count} new measure"},
    "importpage.done_measure.other": {"nb": "{count} nye tiltak", "en": "{count} new measures"},
    "importpage.done_event.one": {"nb": "{count} ny hendelse", "en": "{count} new event"},
    "importpage.done_event.other": {"nb": "{count} nye hendelser", "en": "{count} new events"},
    "importpage.done_report.one": {"nb": "{count} statusrapport", "en": "{count} status report"},
    "importpage.done_report.other": {
        "nb": "{count} statusrapporter",
        "en": "{count} status reports",
    },
    "importpage.done_updated.one": {"nb": "{count} endret", "en": "{count} updated"},
    "importpage.done_updated.other": {"nb": "{count} endret", "en": "{count} updated"},
    # a fresh install: the first plan (ui.admin.import_tab, ui.first_plan)
    "importpage.plan_name_needed": {
        "nb": "Det er ingen plan her ennå. Skriv planens navn i feltet over, f.eks. "
        "«Strategisk næringsplan for … 2024–2028».",
        "en": "There is no plan here yet. Write the plan's name in the field above, e.g. "
        "“Strategic business plan for … 2024–2028”.",
    },
    "importpage.plan_needs_period": {
        "nb": "Planen «{name}» er ny, men navnet sier ikke hvilke år den gjelder. Skriv "
        "perioden i feltet over, f.eks. 2024–2028.",
        "en": "The plan “{name}” is new, but its name does not say which years it covers. "
        "Write the period in the field above, e.g. 2024–2028.",
    },
    "importpage.first_help": {
        "nb": "Gi planen navnet den har, og perioden om navnet ikke sier den. Velg så fila "
        "med handlingsdelen (XLSX eller CSV). En fil med et Plan-ark har navnet i seg. Du "
        "ser hvordan fila ble lest, og hva som blir lagret, før noe lagres.",
        "en": "Give the plan its name, and its period if the name does not say it. Then "
        "choose the file with the action plan (XLSX or CSV). A file with a Plan sheet has "
        "the name in it. You see how the file was read, and what will be saved, before "
        "anything is saved.",
    },
    "importpage.plan_name": {"nb": "Planens navn", "en": "The plan's name"},
    "importpage.period": {"nb": "Periode", "en": "Period"},
    "importpage.period_hint": {"nb": "2024–2028", "en": "2024–2028"},
    "firstplan.heading": {"nb": "Kom i gang", "en": "Get started"},
    "firstplan.intro": {
        "nb": "Det er ingen plan her ennå.",
        "en": "There is no plan here yet.",
    },
    "firstplan.import_text": {
        "nb": "**Din egen plan.** Last opp handlingsdelen slik dere har den i Excel eller "
        "CSV: satsingsområdene, tiltakene og aktørene blir til ut fra fila.",
        "en": "**Your own plan.** Upload the action plan as you keep it in Excel or CSV: "
        "the themes, measures and actors are made from the file.",
    },
    "firstplan.import": {"nb": "Importer planen din", "en": "Import your plan"},
    "firstplan.demo_text": {
        "nb": "**Demoen.** Senja kommunes plan med eksempeltiltak, rapporter og "
        "demokontoer, for å prøve verktøyet.",
        "en": "**The demo.** Senja's plan with example measures, reports and demo "
        "accounts, to try the tool.",
    },
    "firstplan.demo": {"nb": "Last inn demoen", "en": "Load the demo"},
    "firstplan.demo_how": {
        "nb": "Demokontoene har offentlige passord, så demoen lastes i en egen database, "
        "ikke i denne. Den som driver serveren starter den slik:",
        "en": "The demo accounts have published passwords, so the demo loads into a "
        "database of its own, not into this one. Whoever runs the server starts it like this:",
    },
    "firstplan.demo_commands": {
        "nb": "make demo\n# eller:\nexport TRACKER_DATABASE_URL=sqlite:///data/demo.db\n"
        "python -m tracker init && python -m tracker demo",
        "en": "make demo\n# or:\nexport TRACKER_DATABASE_URL=sqlite:///data/demo.db\n"
        "python -m tracker init && python -m tracker demo",
    },
}
