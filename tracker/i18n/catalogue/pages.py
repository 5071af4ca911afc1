"""The pages' frame and words: the app, login, navigation, filters, columns,
Oversikt, Aktører, Tiltak and the report form."""

from __future__ import annotations

PAGE_MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"nb": "Næringsplan-tracker", "en": "Business plan tracker"},
    "app.example_data": {
        "nb": "Eksempeldata: tiltakene og statusene er eksempler, ikke Senjas vedtatte plan.",
        "en": "Example data: the measures and statuses are examples, not Senja's adopted plan.",
    },
    "col.code": {"nb": "Nr.", "en": "No."},
    "col.theme": {"nb": "Satsingsområde", "en": "Theme"},
    "col.progress": {"nb": "Fremdrift", "en": "Progress"},
    "app.language": {"nb": "Språk", "en": "Language"},
    "app.unexpected_error": {
        "nb": "Noe gikk galt, og ingenting ble lagret. Prøv igjen; si fra til "
        "administratoren hvis det skjer igjen.",
        "en": "Something went wrong, and nothing was saved. Try again; tell the "
        "administrator if it happens again.",
    },
    "login.heading": {"nb": "Logg inn", "en": "Log in"},
    "login.username": {"nb": "Brukernavn", "en": "Username"},
    "login.password": {"nb": "Passord", "en": "Password"},
    "login.role": {"nb": "Rolle", "en": "Role"},
    "login.submit": {"nb": "Logg inn", "en": "Log in"},
    "login.sso": {
        "nb": "Logg inn med kommunens konto",
        "en": "Log in with your organisation account",
    },
    "login.sso_unknown": {
        "nb": "Ingen bruker i trackeren har e-posten {email}. Be kommunen opprette deg.",
        "en": "No tracker user has the e-mail {email}. Ask the municipality to add you.",
    },
    "login.demo_accounts": {"nb": "Demokontoer", "en": "Demo accounts"},
    "login.demo_only": {
        "nb": "Bare for demo: disse passordene finnes bare i demodataene.",
        "en": "Demo only: these passwords exist only in the demo data.",
    },
    "login.logout": {"nb": "Logg ut", "en": "Log out"},
    "page.overview": {"nb": "Oversikt", "en": "Overview"},
    "page.measures": {"nb": "Tiltak", "en": "Measures"},
    "page.actors": {"nb": "Aktører", "en": "Actors"},
    "page.report": {"nb": "Rapporter status", "en": "Report status"},
    "page.admin": {"nb": "Admin", "en": "Admin"},
    "filter.plan": {"nb": "Plan", "en": "Plan"},
    "filter.quarter": {"nb": "Kvartal", "en": "Quarter"},
    "filter.theme": {"nb": "Satsingsområde", "en": "Theme"},
    "filter.actor": {"nb": "Aktør", "en": "Actor"},
    "filter.status": {"nb": "Status", "en": "Status"},
    "filter.rag": {"nb": "Vurdering", "en": "Rating"},
    "filter.search": {"nb": "Søk", "en": "Search"},
    "filter.all": {"nb": "Alle", "en": "All"},
    "quarter.label": {"nb": "{number}. kvartal {year}", "en": "Q{number} {year}"},
    "quarter.now": {"nb": "nå", "en": "now"},
    "label.no_report": {"nb": "Ikke rapportert", "en": "Not reported"},
    "col.actor": {"nb": "Aktør", "en": "Actor"},
    "actors.all": {"nb": "Alle aktører, {quarter}", "en": "All actors, {quarter}"},
    "actors.leads": {"nb": "Leder", "en": "Leads"},
    "actors.partner_in": {"nb": "Partner i", "en": "Partner in"},
    "actors.reported": {"nb": "Rapportert dette kvartalet", "en": "Reported this quarter"},
    "actors.reported_of": {"nb": "{reported} av {due}", "en": "{reported} of {due}"},
    "actors.pick": {"nb": "Vis aktør", "en": "Show actor"},
    "actors.led": {
        "nb": "Tiltak aktøren leder ({count})",
        "en": "Measures the actor leads ({count})",
    },
    "actors.partner": {
        "nb": "Tiltak aktøren er partner eller finansiør i ({count})",
        "en": "Measures the actor is a partner or funder in ({count})",
    },
    "actors.none": {"nb": "Ingen.", "en": "None."},
    "kpi.measures": {"nb": "Tiltak", "en": "Measures"},
    "kpi.completed": {"nb": "Fullført", "en": "Completed"},
    "kpi.progress": {"nb": "Vektet fremdrift", "en": "Weighted progress"},
    "kpi.progress_help": {
        "nb": "Vektet snitt av rapportert fremdrift. Fullført teller 100 %. Avbrutte tiltak, "
        "tiltak som ikke har begynt og tiltak uten kjent fremdrift er holdt utenfor.",
        "en": "Weighted mean of reported progress. Completed counts as 100 %. Cancelled "
        "measures, measures not yet begun and measures without known progress are left out.",
    },
    "kpi.behind": {"nb": "Bak skjema", "en": "Behind schedule"},
    "kpi.behind_help": {
        "nb": "Tiltak med fremdrift mer enn 15 prosentpoeng under forventet (lineært i tid).",
        "en": "Measures more than 15 percentage points below expected progress (linear in time).",
    },
    "kpi.red": {"nb": "Alvorlig avvik", "en": "Off track"},
    "overview.progress_by_theme": {
        "nb": "Fremdrift per satsingsområde",
        "en": "Progress per theme",
    },
    "overview.status_by_theme": {"nb": "Status per satsingsområde", "en": "Status per theme"},
    "overview.progress_by_actor": {
        "nb": "Fremdrift per ansvarlig aktør",
        "en": "Progress per lead actor",
    },
    "overview.actors_limited": {
        "nb": "Viser de {shown} aktørene som leder flest tiltak (av {total}). "
        "Alle står under Aktører.",
        "en": "Showing the {shown} actors leading most measures (of {total}). "
        "All are under Actors.",
    },
    "overview.trend_progress": {"nb": "Fremdrift over tid", "en": "Progress over time"},
    "overview.trend_status": {"nb": "Statusfordeling over tid", "en": "Status mix over time"},
    "overview.rag_grid": {
        "nb": "Vurdering per satsingsområde og kvartal",
        "en": "Rating per theme and quarter",
    },
    "overview.rag_counts": {
        "nb": "{green} i rute · {yellow} risiko · {red} alvorlig avvik",
        "en": "{green} on track · {yellow} at risk · {red} off track",
    },
    "overview.measures": {"nb": "Tiltakene", "en": "The measures"},
    "report.intro": {
        "nb": "Tiltakene {actor} leder eller er partner i, for {quarter}.",
        "en": "The measures {actor} leads or takes part in, for {quarter}.",
    },
    "report.intro_admin": {
        "nb": "Som administrator kan du rapportere på alle tiltak, for {quarter}.",
        "en": "As administrator you can report on every measure, for {quarter}.",
    },
    "report.quarter_closed": {
        "nb": "Rapporteringen for {quarter} er lukket.",
        "en": "{quarter} is closed for reporting.",
    },
    "report.none": {
        "nb": "Ingen tiltak å rapportere på i dette kvartalet.",
        "en": "No measures to report on in this quarter.",
    },
    "report.reported": {"nb": "Rapportert", "en": "Reported"},
    "report.closed_mark": {"nb": "lukket", "en": "closed"},
    "report.missing": {"nb": "Mangler", "en": "Missing"},
    "report.this_quarter": {"nb": "Dette kvartalet", "en": "This quarter"},
    "report.pick": {"nb": "Rapporter på tiltak", "en": "Report on measure"},
    "report.last": {
        "nb": "Siste rapport: {status}, {progress}, {rag} ({period}, {who})",
        "en": "Last report: {status}, {progress}, {rag} ({period}, {who})",
    },
    "report.first": {"nb": "Ingen rapport ennå.", "en": "No report yet."},
    "report.unknown_progress": {"nb": "Fremdrift ukjent", "en": "Progress unknown"},
    "report.preview": {"nb": "Dette blir endret", "en": "This will change"},
    "report.no_change": {
        "nb": "Ingen endring fra forrige rapport (lagres som bekreftelse).",
        "en": "No change from the last report (saved as a confirmation).",
    },
    "report.field": {"nb": "Felt", "en": "Field"},
    "report.before": {"nb": "Før", "en": "Before"},
    "report.after": {"nb": "Etter", "en": "After"},
    "report.save": {"nb": "Lagre rapport", "en": "Save report"},
    "report.saved": {"nb": "Rapport for {code} er lagret.", "en": "Report for {code} saved."},
    "report.theirs": {"nb": "Den nye versjonen", "en": "The newer version"},
    "report.mine": {"nb": "Din versjon (ikke lagret)", "en": "Your version (not saved)"},
    "report.keep_mine": {
        "nb": "Jeg har sett den nye versjonen — lagre min likevel",
        "en": "I have seen the newer version — save mine anyway",
    },
    "report.quick": {
        "nb": "Hurtigmodus: uendret siden sist",
        "en": "Quick mode: unchanged since last time",
    },
    "report.quick_help": {
        "nb": "Huk av tiltak som står som sist, og bekreft dem samlet.",
        "en": "Tick the measures that stand as last time and confirm them together.",
    },
    "report.quick_none": {
        "nb": "Alle tiltak med tidligere rapporter er rapportert for dette kvartalet.",
        "en": "Every measure with earlier reports is reported for this quarter.",
    },
    "report.unchanged": {"nb": "Uendret", "en": "Unchanged"},
    "report.confirm_unchanged": {
        "nb": "Bekreft uendret ({count})",
        "en": "Confirm unchanged ({count})",
    },
    "measures.none_match": {
        "nb": "Ingen tiltak passer filtrene. Velg «Alle» for å se flere.",
        "en": "No measure matches the filters. Choose “All” to see more.",
    },
    "measures.pick": {"nb": "Vis tiltak", "en": "Show measure"},
    "measures.history": {"nb": "Statushistorikk", "en": "Status history"},
    "measures.no_history": {
        "nb": "Ingen statusrapporter ennå.",
        "en": "No status reports yet.",
    },
    "col.title": {"nb": "Tiltak", "en": "Measure"},
    "col.lead": {"nb": "Ansvarlig", "en": "Lead"},
    "col.partners": {"nb": "Samarbeidspartnere", "en": "Partners"},
    "col.status": {"nb": "Status", "en": "Status"},
    "col.rag": {"nb": "Vurdering", "en": "Rating"},
    "col.last_reported": {"nb": "Sist rapportert", "en": "Last reported"},
    "col.period": {"nb": "Kvartal", "en": "Quarter"},
    "col.comment": {"nb": "Kommentar", "en": "Comment"},
    "col.next_steps": {"nb": "Neste steg", "en": "Next steps"},
    "col.reported_by": {"nb": "Rapportert av", "en": "Reported by"},
    "col.reported_at": {"nb": "Tidspunkt", "en": "Time"},
    "col.expected": {"nb": "Forventet", "en": "Expected"},
    "col.span": {"nb": "Periode", "en": "Span"},
    "col.weight": {"nb": "Vekt", "en": "Weight"},
    "col.budget": {"nb": "Budsjett", "en": "Budget"},
    "col.funding": {"nb": "Finansiering", "en": "Funding"},
    "empty.no_plan": {
        "nb": "Ingen tiltak ennå — importer planen under Admin.",
        "en": "No measures yet — import the plan under Admin.",
    },
}
