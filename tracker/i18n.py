"""The message catalogue (bokmål first, English second) and number/date formats.

Every user-facing string lives here, including the labels of tracker.vocab.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from tracker.i18n_audit import AUDIT_MESSAGES
from tracker.i18n_calendar import CALENDAR_MESSAGES
from tracker.i18n_coordination import COORDINATION_MESSAGES
from tracker.i18n_fields import FIELD_MESSAGES
from tracker.i18n_files import FILE_MESSAGES
from tracker.i18n_forms import FORM_MESSAGES
from tracker.i18n_import_page import IMPORT_PAGE_MESSAGES
from tracker.i18n_imports import IMPORT_MESSAGES
from tracker.i18n_layouts import LAYOUT_MESSAGES
from tracker.i18n_overlaps import OVERLAP_MESSAGES
from tracker.i18n_plurals import PLURAL_MESSAGES
from tracker.i18n_quarterly import QUARTERLY_MESSAGES
from tracker.i18n_sessions import SESSION_MESSAGES
from tracker.i18n_setup import SETUP_MESSAGES
from tracker.i18n_summary import SUMMARY_MESSAGES
from tracker.i18n_tables import TABLE_MESSAGES
from tracker.i18n_users import USER_MESSAGES
from tracker.i18n_words import WORD_MESSAGES
from tracker.quarters import OSLO, Quarter

LANGUAGES = ("nb", "en")
DEFAULT_LANG = "nb"

LABELS: dict[str, dict[str, str]] = {
    "status.not_started": {"nb": "Ikke startet", "en": "Not started"},
    "status.in_progress": {"nb": "Pågår", "en": "In progress"},
    "status.completed": {"nb": "Fullført", "en": "Completed"},
    "status.postponed": {"nb": "Utsatt", "en": "Postponed"},
    "status.cancelled": {"nb": "Avbrutt", "en": "Cancelled"},
    "rag.green": {"nb": "I rute", "en": "On track"},
    "rag.yellow": {"nb": "Risiko", "en": "At risk"},
    "rag.red": {"nb": "Alvorlig avvik", "en": "Off track"},
    "role.admin": {"nb": "Administrator", "en": "Administrator"},
    "role.leader": {"nb": "Ledelse", "en": "Leadership"},
    "role.actor": {"nb": "Aktør", "en": "Actor"},
    "partnerrole.partner": {"nb": "Partner", "en": "Partner"},
    "partnerrole.funder": {"nb": "Finansiør", "en": "Funder"},
    "actorkind.kommune": {"nb": "Kommune", "en": "Municipality"},
    "actorkind.naeringsklynge": {"nb": "Næringsklynge", "en": "Business cluster"},
    "actorkind.naeringshage": {"nb": "Næringshage", "en": "Business garden"},
    "actorkind.inkubator": {"nb": "Inkubator", "en": "Incubator"},
    "actorkind.virkemiddelaktor": {"nb": "Virkemiddelaktør", "en": "Funding agency"},
    "actorkind.kompetansemiljo": {"nb": "Kompetansemiljø", "en": "Knowledge institution"},
    "actorkind.bedrift": {"nb": "Bedrift", "en": "Company"},
    "actorkind.offentlig_etat": {"nb": "Offentlig etat", "en": "Public agency"},
    "actorkind.interesseorganisasjon": {
        "nb": "Interesseorganisasjon",
        "en": "Interest organisation",
    },
    "actorkind.naeringsnettverk": {"nb": "Næringsnettverk", "en": "Business network"},
    "actorkind.destinasjonsselskap": {"nb": "Destinasjonsselskap", "en": "Destination company"},
    "actorkind.utviklingsselskap": {"nb": "Utviklingsselskap", "en": "Development company"},
    "entity.plan": {"nb": "Plan", "en": "Plan"},
    "entity.theme": {"nb": "Satsingsområde", "en": "Theme"},
    "entity.goal": {"nb": "Mål", "en": "Goal"},
    "entity.actor": {"nb": "Aktør", "en": "Actor"},
    "entity.measure": {"nb": "Tiltak", "en": "Measure"},
    "entity.user": {"nb": "Bruker", "en": "User"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # validation of a status report
    "report.progress_range": {
        "nb": "Fremdrift må være et helt tall fra 0 til 100, eller ukjent.",
        "en": "Progress must be a whole number from 0 to 100, or unknown.",
    },
    "report.completed_is_100": {
        "nb": "Et fullført tiltak har 100 % fremdrift.",
        "en": "A completed measure has 100 % progress.",
    },
    "report.period_outside_span": {
        "nb": "Perioden {period} ligger utenfor tiltakets periode {start}–{end}.",
        "en": "The period {period} is outside the measure's span {start}–{end}.",
    },
    "report.period_in_future": {
        "nb": "Perioden {period} har ikke begynt ennå.",
        "en": "The period {period} has not begun yet.",
    },
    "report.period_invalid": {
        "nb": "«{period}» er ikke et kvartal (skriv f.eks. 2025-Q3).",
        "en": "“{period}” is not a quarter (write e.g. 2025-Q3).",
    },
    "report.period_closed": {
        "nb": "Kvartalet {period} er lukket. Be kommunen åpne det igjen.",
        "en": "The quarter {period} is closed. Ask the municipality to reopen it.",
    },
    "report.period_before_latest": {
        "nb": "Tiltaket er allerede rapportert for {newest}; en rapport for {period} "
        "kan ikke legges inn etterpå.",
        "en": "The measure is already reported for {newest}; a report for {period} "
        "cannot be added afterwards.",
    },
    "report.status_invalid": {
        "nb": "«{value}» er ikke en gyldig status.",
        "en": "“{value}” is not a valid status.",
    },
    "report.rag_invalid": {
        "nb": "«{value}» er ikke en gyldig vurdering (grønn/gul/rød).",
        "en": "“{value}” is not a valid rating (green/yellow/red).",
    },
    "report.conflict": {
        "nb": "Tiltaket {code} er oppdatert av {who} {when} etter at du åpnet det. "
        "Se den nye versjonen og send på nytt.",
        "en": "Measure {code} was updated by {who} {when} after you opened it. "
        "Look at the new version and submit again.",
    },
    # permissions
    "perm.read_only": {
        "nb": "Rollen din kan bare lese, ikke endre.",
        "en": "Your role can read, not change.",
    },
    "perm.not_your_measure": {
        "nb": "Du kan bare rapportere status på tiltak aktøren din leder.",
        "en": "You can only report status on measures your actor leads.",
    },
    "perm.admin_only": {
        "nb": "Bare administrator kan gjøre dette.",
        "en": "Only an administrator can do this.",
    },
    "perm.inactive": {
        "nb": "Brukeren er deaktivert.",
        "en": "The user is deactivated.",
    },
    "perm.session_ended": {
        "nb": "Passordet er endret, så denne innloggingen er avsluttet. Logg inn på nytt.",
        "en": "The password was changed, so this login has ended. Please log in again.",
    },
    # lookups
    "notfound.measure": {"nb": "Fant ikke tiltaket.", "en": "Measure not found."},
    "notfound.plan": {"nb": "Fant ikke planen «{name}».", "en": "Plan “{name}” not found."},
    "notfound.no_plan": {
        "nb": "Databasen har ingen plan ennå. Importer en plan eller kjør demo.",
        "en": "The database holds no plan yet. Import a plan or run the demo.",
    },
    "notfound.user": {"nb": "Fant ikke brukeren «{name}».", "en": "User “{name}” not found."},
    "notfound.actor": {"nb": "Fant ikke aktøren «{name}».", "en": "Actor “{name}” not found."},
    # periods
    "period.already_closed": {
        "nb": "Kvartalet {period} er allerede lukket.",
        "en": "The quarter {period} is already closed.",
    },
    "period.not_closed": {
        "nb": "Kvartalet {period} er ikke lukket.",
        "en": "The quarter {period} is not closed.",
    },
    "period.not_finished": {
        "nb": "Kvartalet {period} er ikke ferdig ennå.",
        "en": "The quarter {period} has not ended yet.",
    },
    # users and login
    "user.username_invalid": {
        "nb": "Brukernavn må være 2–80 tegn: a–z uten æøå, tall, punktum, bindestrek, "
        "understrek eller @.",
        "en": "Usernames are 2–80 characters: a–z (no accented letters), digits, dot, hyphen, "
        "underscore or @.",
    },
    "user.username_lookalike": {
        "nb": "Brukernavnet «{name}» kan forveksles med «{existing}», som finnes fra før.",
        "en": "The username “{name}” looks like the existing “{existing}”.",
    },
    "user.exists": {
        "nb": "Brukernavnet «{name}» er tatt.",
        "en": "The username “{name}” is taken.",
    },
    "user.email_exists": {
        "nb": "E-posten {email} er allerede i bruk.",
        "en": "The e-mail {email} is already in use.",
    },
    "user.password_short": {
        "nb": "Passordet må ha minst {length} tegn.",
        "en": "The password needs at least {length} characters.",
    },
    "user.password_blank": {
        "nb": "Passordet kan ikke bare være mellomrom.",
        "en": "The password cannot be only spaces.",
    },
    "user.password_username": {
        "nb": "Passordet kan ikke være eller inneholde brukernavnet.",
        "en": "The password cannot be or contain the username.",
    },
    "user.password_common": {
        "nb": "Passordet er blant de vanligste passordene og gjettes lett. Velg et annet, "
        "gjerne flere ord.",
        "en": "The password is one of the most common ones and easy to guess. Choose another, "
        "perhaps several words.",
    },
    "user.actor_required": {
        "nb": "En aktørbruker må høre til en aktør.",
        "en": "An actor user must belong to an actor.",
    },
    "user.actor_only_for_actor_role": {
        "nb": "Bare brukere med rollen aktør kan knyttes til en aktør.",
        "en": "Only users with the actor role can belong to an actor.",
    },
    "auth.invalid": {
        "nb": "Feil brukernavn eller passord. Etter for mange feil forsøk må du vente "
        "{minutes} minutter.",
        "en": "Wrong username or password. After too many failed attempts, wait {minutes} minutes.",
    },
    # import
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
    # app
    "app.title": {"nb": "Næringsplan-tracker", "en": "Business plan tracker"},
    "app.example_data": {
        "nb": "Eksempeldata: tiltakene og statusene er eksempler, ikke Senjas vedtatte plan.",
        "en": "Example data: the measures and statuses are examples, not Senja's adopted plan.",
    },
    "col.code": {"nb": "Nr.", "en": "No."},
    "col.theme": {"nb": "Satsingsområde", "en": "Theme"},
    "col.progress": {"nb": "Fremdrift", "en": "Progress"},
    # ui: frame, login, navigation
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
    # command line
    "cli.dry_run": {
        "nb": "Prøvekjøring: ingenting er lagret.",
        "en": "Dry run: nothing was saved.",
    },
    "cli.export_suffix": {
        "nb": "Filnavnet må slutte på .xlsx eller .csv.",
        "en": "The file name must end in .xlsx or .csv.",
    },
    "cli.exported": {"nb": "Eksportert til {path}.", "en": "Exported to {path}."},
    "cli.user_added": {"nb": "Bruker «{name}» opprettet.", "en": "User “{name}” created."},
    "cli.password_set": {
        "nb": "Nytt passord satt for «{name}».",
        "en": "New password set for “{name}”.",
    },
    "cli.password_prompt": {"nb": "Passord", "en": "Password"},
    "cli.sso_needs_email": {
        "nb": "--sso-only krever --email (e-posten fra innloggingstjenesten).",
        "en": "--sso-only needs --email (the e-mail from the identity provider).",
    },
    "cli.inactive": {"nb": "deaktivert", "en": "deactivated"},
    "cli.closed": {"nb": "Kvartalet {period} er lukket.", "en": "The quarter {period} is closed."},
    "cli.reopened": {
        "nb": "Kvartalet {period} er åpnet igjen.",
        "en": "The quarter {period} is open again.",
    },
    "cli.backup_postgres": {
        "nb": "Databasen er PostgreSQL: ta sikkerhetskopi med pg_dump, f.eks. "
        "«pg_dump -Fc -f tracker.dump DATABASE».",
        "en": "The database is PostgreSQL: back it up with pg_dump, e.g. "
        "“pg_dump -Fc -f tracker.dump DATABASE”.",
    },
    "cli.file_failed": {
        "nb": "Kunne ikke bruke fila «{path}»: {reason}",
        "en": "Could not use the file “{path}”: {reason}",
    },
    "cli.os.missing": {"nb": "mappen eller fila finnes ikke.", "en": "no such folder or file."},
    "cli.os.denied": {"nb": "ingen tilgang.", "en": "permission denied."},
    "cli.os.full": {"nb": "disken er full.", "en": "the disk is full."},
    "cli.os.other": {
        "nb": "filsystemet sa nei (feilkode {code}).",
        "en": "the file system refused (error code {code}).",
    },
    "cli.backup_done": {
        "nb": "Sikkerhetskopi skrevet til {path}.",
        "en": "Backup written to {path}.",
    },
    "cli.backup_no_database": {
        "nb": "Fant ingen database å ta sikkerhetskopi av: «{path}» finnes ikke.",
        "en": "Found no database to back up: “{path}” does not exist.",
    },
    "cli.backup_onto_itself": {
        "nb": "«{path}» er selve databasen (eller en av filene dens): velg en annen fil til "
        "sikkerhetskopien.",
        "en": "“{path}” is the database itself (or one of its files): choose another file "
        "for the backup.",
    },
    "user.last_admin": {
        "nb": "«{username}» er den siste aktive administratoren og kan ikke deaktiveres: "
        "lag en annen administrator først.",
        "en": "“{username}” is the last active administrator and cannot be deactivated: "
        "make another administrator first.",
    },
    "cli.backup_failed": {
        "nb": "Kunne ikke skrive sikkerhetskopi til {path}: {error}",
        "en": "Could not write the backup to {path}: {error}",
    },
    "import.where_row_column": {
        "nb": "Rad {row}, kolonne «{column}»",
        "en": "Row {row}, column “{column}”",
    },
    # charts
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
    # admin
    "admin.required": {"nb": "Må fylles ut.", "en": "Must be filled in."},
    "admin.year_invalid": {
        "nb": "«{value}» er ikke et årstall fra {min} til {max}.",
        "en": "“{value}” is not a year from {min} to {max}.",
    },
    "admin.end_before_start": {
        "nb": "Slutten ({end}) kommer før starten ({start}).",
        "en": "The end ({end}) comes before the start ({start}).",
    },
    "admin.measures_outside_years": {
        "nb": "Tiltak {codes} ville havnet utenfor planperioden {start}–{end}.",
        "en": "Measures {codes} would fall outside the plan period {start}–{end}.",
    },
    "admin.plan_name_taken": {
        "nb": "Det finnes allerede en plan som heter «{name}».",
        "en": "A plan named “{name}” already exists.",
    },
    "admin.not_found": {
        "nb": "{entity} {id} finnes ikke.",
        "en": "{entity} {id} does not exist.",
    },
    "admin.not_in_plan": {
        "nb": "{entity} {id} hører til en annen plan.",
        "en": "{entity} {id} belongs to another plan.",
    },
    "admin.position_invalid": {
        "nb": "«{value}» er ikke en gyldig rekkefølge (et helt tall, 0 eller mer).",
        "en": "“{value}” is not a valid order (a whole number, 0 or more).",
    },
    "admin.code_taken": {
        "nb": "Koden «{code}» er allerede brukt i denne planen.",
        "en": "The code “{code}” is already used in this plan.",
    },
    "admin.kind_invalid": {
        "nb": "«{value}» er ikke en kjent aktørtype.",
        "en": "“{value}” is not a known kind of actor.",
    },
    "admin.actor_name_taken": {
        "nb": "«{name}» er allerede brukt av aktøren «{actor}».",
        "en": "“{name}” is already used by the actor “{actor}”.",
    },
    "admin.short_name_taken": {
        "nb": "Kortnavnet «{name}» er allerede brukt av aktøren «{actor}».",
        "en": "The short name “{name}” is already used by the actor “{actor}”.",
    },
    "admin.period_outside_plan": {
        "nb": "{period} ligger utenfor planperioden {start}–{end}.",
        "en": "{period} lies outside the plan period {start}–{end}.",
    },
    "admin.weight_invalid": {
        "nb": "«{value}» er ikke en gyldig vekt (et tall over 0 og høyst {max}).",
        "en": "“{value}” is not a valid weight (a number above 0 and at most {max}).",
    },
    "admin.partner_twice": {
        "nb": "«{name}» står som partner to ganger.",
        "en": "“{name}” is listed as a partner twice.",
    },
    "admin.lead_is_partner": {
        "nb": "«{name}» leder tiltaket og kan ikke også være partner.",
        "en": "“{name}” leads the measure and cannot also be a partner.",
    },
    "admin.role_invalid": {
        "nb": "«{value}» er ikke en gyldig partnerrolle.",
        "en": "“{value}” is not a valid partner role.",
    },
    "admin.conflict": {
        "nb": "Tiltaket {code} er endret av noen andre etter at du åpnet det (nå versjon "
        "{version}). Se de nye verdiene og lagre på nytt.",
        "en": "Measure {code} was changed by someone else after you opened it (now version "
        "{version}). Look at the new values and save again.",
    },
    "admin.used_by_measures": {
        "nb": "«{name}» kan ikke slettes: tiltak {codes} bruker det.",
        "en": "“{name}” cannot be deleted: measures {codes} use it.",
    },
    "admin.used_by_goals": {
        "nb": "«{name}» kan ikke slettes: mål {codes} hører til det.",
        "en": "“{name}” cannot be deleted: goals {codes} belong to it.",
    },
    "admin.leads_measures": {
        "nb": "«{name}» kan ikke slettes: aktøren leder tiltak {codes}.",
        "en": "“{name}” cannot be deleted: the actor leads measures {codes}.",
    },
    "admin.partner_in_measures": {
        "nb": "«{name}» kan ikke slettes: aktøren er partner i tiltak {codes}.",
        "en": "“{name}” cannot be deleted: the actor is a partner in measures {codes}.",
    },
    "admin.used_by_users": {
        "nb": "«{name}» kan ikke slettes: brukerne {names} hører til aktøren.",
        "en": "“{name}” cannot be deleted: the users {names} belong to the actor.",
    },
    # admin page
    "adminpage.tab.plan": {"nb": "Plan", "en": "Plan"},
    "adminpage.tab.measures": {"nb": "Tiltak", "en": "Measures"},
    "adminpage.tab.actors": {"nb": "Aktører", "en": "Actors"},
    "adminpage.tab.users": {"nb": "Brukere", "en": "Users"},
    "adminpage.tab.import": {"nb": "Import og eksport", "en": "Import and export"},
    "adminpage.tab.quarters": {"nb": "Kvartaler", "en": "Quarters"},
    "adminpage.tab.audit": {"nb": "Revisjonslogg", "en": "Audit log"},
    "adminpage.save": {"nb": "Lagre", "en": "Save"},
    "adminpage.saved": {"nb": "«{name}» er lagret.", "en": "“{name}” saved."},
    "adminpage.delete": {"nb": "Slett …", "en": "Delete …"},
    "adminpage.delete_confirm": {
        "nb": "Vil du slette «{name}»? Slettingen blir logget.",
        "en": "Delete “{name}”? The deletion is logged.",
    },
    "adminpage.delete_yes": {"nb": "Ja, slett", "en": "Yes, delete"},
    "adminpage.deleted": {"nb": "«{name}» er slettet.", "en": "“{name}” deleted."},
    "adminpage.yes": {"nb": "Ja", "en": "Yes"},
    "adminpage.no": {"nb": "Nei", "en": "No"},
    "adminpage.choose": {"nb": "– velg –", "en": "– choose –"},
    "adminpage.choose_actors": {"nb": "Velg aktører", "en": "Choose actors"},
    "adminpage.name": {"nb": "Navn", "en": "Name"},
    "adminpage.description": {"nb": "Beskrivelse", "en": "Description"},
    "adminpage.message": {"nb": "Melding", "en": "Message"},
    "adminpage.plan_first": {
        "nb": "Ingen plan ennå. Opprett en under fanen Plan, eller importer en under "
        "Import og eksport.",
        "en": "No plan yet. Create one on the Plan tab, or import one under Import and export.",
    },
    "adminpage.plan": {"nb": "Planen", "en": "The plan"},
    "adminpage.no_plan": {
        "nb": "Ingen plan ennå. Fyll inn skjemaet under, eller importer hele planen fra en "
        "fil under fanen Import og eksport.",
        "en": "No plan yet. Fill in the form below, or import the whole plan from a file "
        "on the Import and export tab.",
    },
    "adminpage.new_plan": {"nb": "Opprett en ny plan", "en": "Create a new plan"},
    "adminpage.create_plan": {"nb": "Opprett plan", "en": "Create plan"},
    "adminpage.plan_name": {"nb": "Plannavn", "en": "Plan name"},
    "adminpage.start_year": {"nb": "Startår", "en": "First year"},
    "adminpage.end_year": {"nb": "Sluttår", "en": "Last year"},
    "adminpage.owner": {
        "nb": "Eier (kommune eller region)",
        "en": "Owner (municipality or region)",
    },
    "adminpage.themes": {"nb": "Satsingsområder", "en": "Themes"},
    "adminpage.no_themes": {
        "nb": "Planen har ingen satsingsområder ennå. Legg til det første under.",
        "en": "The plan has no themes yet. Add the first one below.",
    },
    "adminpage.pick_theme": {"nb": "Velg satsingsområde", "en": "Choose a theme"},
    "adminpage.new_theme": {"nb": "+ Nytt satsingsområde", "en": "+ New theme"},
    "adminpage.goals": {"nb": "Mål", "en": "Goals"},
    "adminpage.no_goals": {
        "nb": "Planen har ingen mål ennå. Mål er valgfrie; legg dem til under.",
        "en": "The plan has no goals yet. Goals are optional; add them below.",
    },
    "adminpage.pick_goal": {"nb": "Velg mål", "en": "Choose a goal"},
    "adminpage.new_goal": {"nb": "+ Nytt mål", "en": "+ New goal"},
    "adminpage.goal_text": {"nb": "Mål", "en": "Goal"},
    "adminpage.overall": {
        "nb": "Overordnet (ikke knyttet til et satsingsområde)",
        "en": "Overall (not tied to a theme)",
    },
    "adminpage.themes_first": {
        "nb": "Planen har ingen satsingsområder ennå. Legg dem til under fanen Plan først.",
        "en": "The plan has no themes yet. Add them on the Plan tab first.",
    },
    "adminpage.pick_measure": {"nb": "Velg tiltak", "en": "Choose a measure"},
    "adminpage.new_measure": {"nb": "+ Nytt tiltak", "en": "+ New measure"},
    "adminpage.create_measure": {"nb": "Opprett tiltak", "en": "Create measure"},
    "adminpage.measure_title": {"nb": "Tittel", "en": "Title"},
    "adminpage.goal": {"nb": "Mål", "en": "Goal"},
    "adminpage.no_goal": {"nb": "– intet mål –", "en": "– no goal –"},
    "adminpage.funders": {"nb": "Finansiører", "en": "Funders"},
    "adminpage.start": {"nb": "Start (kvartal)", "en": "Start (quarter)"},
    "adminpage.end": {"nb": "Slutt (kvartal)", "en": "End (quarter)"},
    "adminpage.is_example": {
        "nb": "Eksempeltiltak (ikke en del av den vedtatte planen)",
        "en": "Example measure (not part of the adopted plan)",
    },
    "adminpage.measure_keeps_history": {
        "nb": "Tiltaket har statusrapporter og kan ikke slettes. Sett status Avbrutt i stedet.",
        "en": "The measure has status reports and cannot be deleted. Set it to Cancelled instead.",
    },
    "adminpage.conflict_same": {
        "nb": "Feltene dine er like den nye versjonen; bare versjonsnummeret er endret "
        "(for eksempel av en statusrapport).",
        "en": "Your fields match the newer version; only the version number moved on "
        "(for example by a status report).",
    },
    "adminpage.keep_mine": {"nb": "Lagre min versjon likevel", "en": "Save my version anyway"},
    "adminpage.take_theirs": {
        "nb": "Forkast mine endringer og last inn den nye versjonen",
        "en": "Discard my changes and load the newer version",
    },
    "adminpage.no_actors": {
        "nb": "Ingen aktører ennå. Legg til den første under.",
        "en": "No actors yet. Add the first one below.",
    },
    "adminpage.pick_actor": {"nb": "Velg aktør", "en": "Choose an actor"},
    "adminpage.new_actor": {"nb": "+ Ny aktør", "en": "+ New actor"},
    "adminpage.create_actor": {"nb": "Opprett aktør", "en": "Create actor"},
    "adminpage.short_name": {"nb": "Kortnavn", "en": "Short name"},
    "adminpage.kind": {"nb": "Type", "en": "Kind"},
    "adminpage.contact": {"nb": "Kontakt", "en": "Contact"},
    "adminpage.no_users": {
        "nb": "Ingen brukere ennå. Opprett den første under.",
        "en": "No users yet. Create the first one below.",
    },
    "adminpage.display_name": {"nb": "Navn", "en": "Name"},
    "adminpage.email": {"nb": "E-post", "en": "E-mail"},
    "adminpage.active": {"nb": "Aktiv", "en": "Active"},
    "adminpage.locked_until": {"nb": "Låst til", "en": "Locked until"},
    "adminpage.new_user": {"nb": "Ny bruker", "en": "New user"},
    "adminpage.create_user": {"nb": "Opprett bruker", "en": "Create user"},
    "adminpage.initial_password": {"nb": "Første passord", "en": "Initial password"},
    "adminpage.password_help": {
        "nb": "Minst {length} tegn, ikke brukernavnet og ikke et vanlig passord; gjerne "
        "flere ord. Gi det til brukeren på en trygg måte.",
        "en": "At least {length} characters, not the username and not a common password; "
        "several words work well. Give it to the user safely.",
    },
    "adminpage.no_actor": {"nb": "– ingen aktør –", "en": "– no actor –"},
    "adminpage.actor_help": {
        "nb": "Bare for rollen Aktør: organisasjonen brukeren rapporterer for.",
        "en": "Only for the role Actor: the organisation the user reports for.",
    },
    "adminpage.user_created": {
        "nb": "Brukeren «{name}» er opprettet.",
        "en": "User “{name}” created.",
    },
    "adminpage.manage_user": {"nb": "Endre en bruker", "en": "Change a user"},
    "adminpage.pick_user": {"nb": "Velg bruker", "en": "Choose a user"},
    "adminpage.new_password": {"nb": "Nytt passord", "en": "New password"},
    "adminpage.repeat_password": {"nb": "Gjenta passordet", "en": "Repeat the password"},
    "adminpage.set_password": {
        "nb": "Sett nytt passord (låser også opp kontoen)",
        "en": "Set new password (also unlocks the account)",
    },
    "adminpage.passwords_differ": {
        "nb": "Passordene er ikke like.",
        "en": "The passwords are not the same.",
    },
    "adminpage.password_set": {
        "nb": "Nytt passord er satt for «{name}».",
        "en": "New password set for “{name}”.",
    },
    "adminpage.not_yourself": {
        "nb": "Du kan ikke deaktivere din egen konto.",
        "en": "You cannot deactivate your own account.",
    },
    "adminpage.deactivate": {"nb": "Deaktiver brukeren", "en": "Deactivate the user"},
    "adminpage.reactivate": {"nb": "Aktiver brukeren igjen", "en": "Reactivate the user"},
    "adminpage.deactivated": {
        "nb": "«{name}» er deaktivert og kan ikke logge inn.",
        "en": "“{name}” is deactivated and cannot log in.",
    },
    "adminpage.reactivated": {
        "nb": "«{name}» er aktiv igjen.",
        "en": "“{name}” is active again.",
    },
    "adminpage.import": {"nb": "Importer en plan", "en": "Import a plan"},
    "adminpage.import_help": {
        "nb": "En XLSX-fil med arkene Plan, Satsingsområder, Mål, Aktører, Tiltak og Årshjul "
        "(som eksporten under), eller en CSV-fil med tiltakene (eller med årshjulet, når "
        "filen heter arshjul.csv). Uten et Plan-ark går importen til planen «{plan}». Du ser "
        "hva som blir endret før noe lagres.",
        "en": "An XLSX file with the sheets Plan, Satsingsområder, Mål, Aktører, Tiltak and "
        "Årshjul (as the export below), or a CSV file of the measures (or of the annual "
        "wheel, when named arshjul.csv). Without a Plan sheet the import goes into the plan "
        "“{plan}”. You see what will change before anything is saved.",
    },
    "adminpage.import_file": {"nb": "Planfil (XLSX eller CSV)", "en": "Plan file (XLSX or CSV)"},
    "adminpage.import_empty": {
        "nb": "Velg en fil for å se hva den ville endre. Ingenting lagres før du trykker Importer.",
        "en": "Choose a file to see what it would change. Nothing is saved until you press Import.",
    },
    "adminpage.export": {"nb": "Eksporter planen", "en": "Export the plan"},
    "adminpage.export_help": {
        "nb": "Hele planen som XLSX, i samme format som importen leser.",
        "en": "The whole plan as XLSX, in the same format the import reads.",
    },
    "adminpage.download_xlsx": {"nb": "Last ned planen (XLSX)", "en": "Download the plan (XLSX)"},
    "adminpage.no_finished_quarters": {
        "nb": "Ingen av planens kvartaler er ferdige ennå. Et kvartal kan lukkes når det er over.",
        "en": "None of the plan's quarters has ended yet. A quarter can be closed once it is over.",
    },
    "adminpage.quarters_help": {
        "nb": "Et lukket kvartal tar ikke imot flere statusrapporter. Lukk kvartalet når "
        "kvartalsrapporten er lagt fram; åpne det igjen om noe må rettes. Begge deler logges.",
        "en": "A closed quarter takes no more status reports. Close it once the quarterly "
        "report is presented; reopen it if something must be corrected. Both are logged.",
    },
    "adminpage.closed": {"nb": "Lukket", "en": "Closed"},
    "adminpage.open": {"nb": "Åpent for rapportering", "en": "Open for reporting"},
    "adminpage.close": {"nb": "Lukk", "en": "Close"},
    "adminpage.reopen": {"nb": "Åpne igjen", "en": "Reopen"},
    "adminpage.closed_now": {"nb": "{quarter} er lukket.", "en": "{quarter} is closed."},
    "adminpage.reopened": {"nb": "{quarter} er åpnet igjen.", "en": "{quarter} is open again."},
    "adminpage.audit_entity": {"nb": "Objekt", "en": "Entity"},
    "adminpage.audit_user": {"nb": "Bruker", "en": "User"},
    "adminpage.audit_from": {"nb": "Fra dato", "en": "From date"},
    "adminpage.audit_to": {"nb": "Til dato", "en": "To date"},
    "adminpage.audit_action": {"nb": "Handling", "en": "Action"},
    "adminpage.audit_which": {"nb": "Hvilket", "en": "Which"},
    "adminpage.audit_change": {"nb": "Endring", "en": "Change"},
    "adminpage.audit_empty": {
        "nb": "Ingen oppføringer passer filtrene. Velg «Alle» eller tøm datoene og søket.",
        "en": "No entries match the filters. Choose “All” or clear the dates and the search.",
    },
    "adminpage.audit_dates_swapped": {
        "nb": "Til-datoen er før fra-datoen, så ingen oppføringer kan passe.",
        "en": "The to date is before the from date, so no entries can match.",
    },
}

PARTS: tuple[dict[str, dict[str, str]], ...] = (
    LABELS,
    MESSAGES,
    SUMMARY_MESSAGES,
    COORDINATION_MESSAGES,
    OVERLAP_MESSAGES,
    QUARTERLY_MESSAGES,
    FORM_MESSAGES,
    SETUP_MESSAGES,
    FIELD_MESSAGES,
    IMPORT_MESSAGES,
    SESSION_MESSAGES,
    PLURAL_MESSAGES,
    AUDIT_MESSAGES,
    CALENDAR_MESSAGES,
    WORD_MESSAGES,
    TABLE_MESSAGES,
    USER_MESSAGES,
    FILE_MESSAGES,
    IMPORT_PAGE_MESSAGES,
    LAYOUT_MESSAGES,
)
"""The catalogue's parts, each a module of its own; no key is in two (a test)."""

CATALOGUE: dict[str, dict[str, str]] = {key: text for part in PARTS for key, text in part.items()}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for key in lang, with {params} filled in. Unknown keys raise KeyError."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text


PLURAL_FORMS = ("one", "other")
"""A text with a count is two keys, `<key>.one` and `<key>.other` (tracker.i18n_plurals)."""

PLURALS: frozenset[str] = frozenset(
    key.removesuffix(".one")
    for key in CATALOGUE
    if key.endswith(".one") and key.removesuffix(".one") + ".other" in CATALOGUE
)
"""The keys that tn() takes (and t() does not): those with a .one and an .other form."""


def plural_form(count: float, lang: str = DEFAULT_LANG) -> str:
    """Which form a count takes: "one" for exactly 1, "other" for 0, 2, 1.5 … (the
    rule of both bokmål and English)."""
    return "one" if count == 1 else "other"


def tn(key: str, count: float, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for a count: tn("wheel.count", 1, "nb", year=2026) == '1 hendelse i 2026.'

    key is a plural key (PLURALS); {count} is filled in as the UI writes numbers
    ('1 234' in bokmål). Unknown keys raise KeyError.
    """
    if key not in PLURALS:
        raise KeyError(key)
    form = plural_form(count, lang)
    return t(f"{key}.{form}", lang, count=format_number(count, lang), **params)


def label(member: StrEnum, lang: str = DEFAULT_LANG) -> str:
    """The label of a vocabulary member, e.g. label(Status.COMPLETED) == 'Fullført'."""
    return t(label_key(member), lang)


def label_key(member: StrEnum) -> str:
    return f"{type(member).__name__.lower()}.{member.value}"


def round_half_up(value: float, decimals: int = 0) -> float:
    """The one rounding of every figure shown (pages, charts, files): a half goes
    away from zero, as people and Excel round (72.5 -> 73, not Python's 72)."""
    if math.isnan(value) or math.isinf(value):
        return value
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)) + 0.0  # no -0


def format_number(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """1234.5 -> '1 234,5' in bokmål, '1,234.5' in English; None/NaN -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round_half_up(float(value), decimals):,.{decimals}f}"
    if lang == "nb":
        text = text.replace(",", " ").replace(".", ",")
    return text


def format_value(value: float | None, lang: str = DEFAULT_LANG) -> str:
    """A measured value as people write it: '7 480', or '4,4' when it has decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def quarter_label(quarter: Quarter, lang: str = DEFAULT_LANG) -> str:
    """'3. kvartal 2025' / 'Q3 2025'."""
    return t("quarter.label", lang, number=quarter.number, year=quarter.year)


def format_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """42.5 -> '43 %' (a no-break space) in bokmål, '43%' in English; None/NaN -> '–'."""
    number = format_number(value, lang, decimals)
    return number if number == "–" else t("format.percent", lang, number=number)


def percent_format(lang: str = DEFAULT_LANG) -> str:
    """A spreadsheet's number format for a share (0.43) written as format_percent does."""
    return t("format.percent", lang, number="0").replace("\u00a0", " ")


def coverage_text(figures: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """'3 av 35 rapportert for kvartalet, 31 sist rapportert tidligere': a roll-up
    row's reports, this quarter's apart from those carried forward."""
    return t(
        "kpi.coverage",
        lang,
        now=int(figures["reported_now"]),
        counted=int(figures["counted"]),
        earlier=int(figures["reported_earlier"]),
    )


def format_date(value: date | datetime | None, lang: str = DEFAULT_LANG) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        value = value.astimezone(OSLO)
    return value.strftime("%d.%m.%Y" if lang == "nb" else "%Y-%m-%d")


def format_datetime(value: datetime | None, lang: str = DEFAULT_LANG) -> str:
    if value is None:
        return "–"
    local = value.astimezone(OSLO)
    return local.strftime("%d.%m.%Y kl. %H:%M" if lang == "nb" else "%Y-%m-%d %H:%M")
