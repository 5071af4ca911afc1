"""Texts that hold a count (merged into tracker.i18n.CATALOGUE): each as two keys,
`<key>.one` (exactly 1) and `<key>.other` (0, 2, 3 …), read through tracker.i18n.tn.

No «(er)» or «(s)»: the count picks the form. `count.*` are counted nouns that
other texts put together (a chart's hover, the network's summary).
"""

from __future__ import annotations

PLURAL_MESSAGES: dict[str, dict[str, str]] = {
    # counted nouns
    "count.measures.one": {"nb": "{count} tiltak", "en": "{count} measure"},
    "count.measures.other": {"nb": "{count} tiltak", "en": "{count} measures"},
    "count.actors.one": {"nb": "{count} aktør", "en": "{count} actor"},
    "count.actors.other": {"nb": "{count} aktører", "en": "{count} actors"},
    "count.links.one": {"nb": "{count} kobling", "en": "{count} link"},
    "count.links.other": {"nb": "{count} koblinger", "en": "{count} links"},
    "count.partners.one": {"nb": "{count} samarbeidspartner", "en": "{count} partner"},
    "count.partners.other": {"nb": "{count} samarbeidspartnere", "en": "{count} partners"},
    # Samarbeid: led, shared, links are count.* texts
    "network.hover": {
        "nb": "Leder {led} · {shared} med andre · {links}",
        "en": "Leads {led} · {shared} with others · {links}",
    },
    "network.summary.one": {
        "nb": "{actors}, {links}, {count} av {measures} har mer enn én aktør.",
        "en": "{actors}, {links}, {count} of {measures} has more than one actor.",
    },
    "network.summary.other": {
        "nb": "{actors}, {links}, {count} av {measures} har mer enn én aktør.",
        "en": "{actors}, {links}, {count} of {measures} have more than one actor.",
    },
    # Tiltak, Aktører, Rapporter status, Oversikt
    "measures.count.one": {
        "nb": "Viser {shown} av {count} tiltak.",
        "en": "Showing {shown} of {count} measure.",
    },
    "measures.count.other": {
        "nb": "Viser {shown} av {count} tiltak.",
        "en": "Showing {shown} of {count} measures.",
    },
    "actors.quarter_status.one": {
        "nb": "{reported} av {count} tiltak aktøren leder er rapportert for kvartalet.",
        "en": "{reported} of {count} measure the actor leads is reported for the quarter.",
    },
    "actors.quarter_status.other": {
        "nb": "{reported} av {count} tiltak aktøren leder er rapportert for kvartalet.",
        "en": "{reported} of {count} measures the actor leads are reported for the quarter.",
    },
    "report.saved_many.one": {
        "nb": "{count} tiltak bekreftet uendret.",
        "en": "{count} measure confirmed unchanged.",
    },
    "report.saved_many.other": {
        "nb": "{count} tiltak bekreftet uendret.",
        "en": "{count} measures confirmed unchanged.",
    },
    "kpi.not_begun.one": {
        "nb": "{count} tiltak begynner senere og er ikke med i tallene for kvartalet.",
        "en": "{count} measure begins later and is not in the quarter's figures.",
    },
    "kpi.not_begun.other": {
        "nb": "{count} tiltak begynner senere og er ikke med i tallene for kvartalet.",
        "en": "{count} measures begin later and are not in the quarter's figures.",
    },
    # deleting what has history
    "admin.measure_has_history.one": {
        "nb": "Tiltaket {code} har {count} statusrapport og kan ikke slettes. "
        "Sett status Avbrutt i stedet.",
        "en": "Measure {code} has {count} status report and cannot be deleted. "
        "Set its status to Cancelled instead.",
    },
    "admin.measure_has_history.other": {
        "nb": "Tiltaket {code} har {count} statusrapporter og kan ikke slettes. "
        "Sett status Avbrutt i stedet.",
        "en": "Measure {code} has {count} status reports and cannot be deleted. "
        "Set its status to Cancelled instead.",
    },
    "admin.used_by_reports.one": {
        "nb": "«{name}» kan ikke slettes: aktøren står på {count} statusrapport.",
        "en": "“{name}” cannot be deleted: the actor is named on {count} status report.",
    },
    "admin.used_by_reports.other": {
        "nb": "«{name}» kan ikke slettes: aktøren står på {count} statusrapporter.",
        "en": "“{name}” cannot be deleted: the actor is named on {count} status reports.",
    },
    "admin.measure_has_contributions.one": {
        "nb": "Tiltaket {code} har {count} bidrag fra partnere og kan ikke slettes. "
        "Sett status Avbrutt i stedet.",
        "en": "Measure {code} has {count} contribution from partners and cannot be deleted. "
        "Set its status to Cancelled instead.",
    },
    "admin.measure_has_contributions.other": {
        "nb": "Tiltaket {code} har {count} bidrag fra partnere og kan ikke slettes. "
        "Sett status Avbrutt i stedet.",
        "en": "Measure {code} has {count} contributions from partners and cannot be deleted. "
        "Set its status to Cancelled instead.",
    },
    "admin.used_by_contributions.one": {
        "nb": "«{name}» kan ikke slettes: aktøren har gitt {count} bidrag.",
        "en": "“{name}” cannot be deleted: the actor has given {count} contribution.",
    },
    "admin.used_by_contributions.other": {
        "nb": "«{name}» kan ikke slettes: aktøren har gitt {count} bidrag.",
        "en": "“{name}” cannot be deleted: the actor has given {count} contributions.",
    },
    # Admin → Import, Revisjonslogg
    "adminpage.import_problems.one": {
        "nb": "Filen har {count} feil og kan ikke importeres. Ingenting er lagret. Rett "
        "feilen i filen og last den opp på nytt.",
        "en": "The file has {count} problem and cannot be imported. Nothing was saved. "
        "Fix it in the file and upload it again.",
    },
    "adminpage.import_problems.other": {
        "nb": "Filen har {count} feil og kan ikke importeres. Ingenting er lagret. Rett "
        "feilene i filen og last den opp på nytt.",
        "en": "The file has {count} problems and cannot be imported. Nothing was saved. "
        "Fix them in the file and upload it again.",
    },
    "adminpage.import_preview.one": {
        "nb": "Prøvekjøring: importen ville gjort {count} endring. Ingenting er lagret ennå.",
        "en": "Dry run: the import would make {count} change. Nothing is saved yet.",
    },
    "adminpage.import_preview.other": {
        "nb": "Prøvekjøring: importen ville gjort {count} endringer. Ingenting er lagret ennå.",
        "en": "Dry run: the import would make {count} changes. Nothing is saved yet.",
    },
    "adminpage.import_run.one": {
        "nb": "Importer ({count} endring)",
        "en": "Import ({count} change)",
    },
    "adminpage.import_run.other": {
        "nb": "Importer ({count} endringer)",
        "en": "Import ({count} changes)",
    },
    "adminpage.imported.one": {
        "nb": "Importert: {count} endring er lagret.",
        "en": "Imported: {count} change saved.",
    },
    "adminpage.imported.other": {
        "nb": "Importert: {count} endringer er lagret.",
        "en": "Imported: {count} changes saved.",
    },
    "adminpage.audit_count.one": {"nb": "{count} oppføring.", "en": "{count} entry."},
    "adminpage.audit_count.other": {
        "nb": "{count} oppføringer, nyeste først.",
        "en": "{count} entries, newest first.",
    },
    "adminpage.audit_limited.one": {
        "nb": "Viser den nyeste oppføringen. Snevre inn med filtrene for å se eldre.",
        "en": "Showing the newest entry. Narrow the filters to see older ones.",
    },
    "adminpage.audit_limited.other": {
        "nb": "Viser de {count} nyeste oppføringene. Snevre inn med filtrene for å se eldre.",
        "en": "Showing the {count} newest entries. Narrow the filters to see older ones.",
    },
    # reminders (e-mail)
    "remind.intro.one": {
        "nb": "Næringsplan-tracker mangler statusrapport for {quarter} på {count} tiltak "
        "dere leder:",
        "en": "The business plan tracker has no status report for {quarter} on {count} "
        "measure you lead:",
    },
    "remind.intro.other": {
        "nb": "Næringsplan-tracker mangler statusrapport for {quarter} på {count} tiltak "
        "dere leder:",
        "en": "The business plan tracker has no status report for {quarter} on {count} "
        "measures you lead:",
    },
    "remind.overdue.one": {
        "nb": "{count} tiltak dere leder har passert sluttdatoen uten å være meldt fullført "
        "eller avbrutt (forfalt). Rapporter status, eller be kommunen endre perioden:",
        "en": "{count} measure you lead is past its end date without being reported "
        "completed or cancelled (overdue). Report its status, or ask the municipality "
        "to change the period:",
    },
    "remind.overdue.other": {
        "nb": "{count} tiltak dere leder har passert sluttdatoen uten å være meldt fullført "
        "eller avbrutt (forfalt). Rapporter status, eller be kommunen endre perioden:",
        "en": "{count} measures you lead are past their end date without being reported "
        "completed or cancelled (overdue). Report their status, or ask the municipality "
        "to change the period:",
    },
    # Årshjul, Samordning
    "wheel.count.one": {"nb": "{count} hendelse i {year}.", "en": "{count} event in {year}."},
    "wheel.count.other": {"nb": "{count} hendelser i {year}.", "en": "{count} events in {year}."},
    "wheel.ics_written.one": {
        "nb": "Skrev kalenderen ({count} hendelse) til {path}.",
        "en": "Wrote the calendar ({count} event) to {path}.",
    },
    "wheel.ics_written.other": {
        "nb": "Skrev kalenderen ({count} hendelser) til {path}.",
        "en": "Wrote the calendar ({count} events) to {path}.",
    },
    "coord.count.one": {"nb": "{count} mulig overlapp", "en": "{count} possible overlap"},
    "coord.count.other": {"nb": "{count} mulige overlapp", "en": "{count} possible overlaps"},
    "wheel.others.one": {"nb": "Andre ({count} aktør)", "en": "Others ({count} actor)"},
    "wheel.others.other": {"nb": "Andre ({count} aktører)", "en": "Others ({count} actors)"},
}
