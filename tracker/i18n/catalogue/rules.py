"""What the services refuse and why: a status report's checks, permissions,
lookups that find nothing, periods."""

from __future__ import annotations

RULE_MESSAGES: dict[str, dict[str, str]] = {
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
    "notfound.measure": {"nb": "Fant ikke tiltaket.", "en": "Measure not found."},
    "notfound.plan": {"nb": "Fant ikke planen «{name}».", "en": "Plan “{name}” not found."},
    "notfound.no_plan": {
        "nb": "Databasen har ingen plan ennå. Importer en plan eller kjør demo.",
        "en": "The database holds no plan yet. Import a plan or run the demo.",
    },
    "notfound.user": {"nb": "Fant ikke brukeren «{name}».", "en": "User “{name}” not found."},
    "notfound.actor": {"nb": "Fant ikke aktøren «{name}».", "en": "Actor “{name}” not found."},
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
}
