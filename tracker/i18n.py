"""The message catalogue (bokmål first, English second) and number/date formats.

Every user-facing string lives here, including the labels of tracker.vocab.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from tracker.quarters import OSLO

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
    "report.comment_too_long": {
        "nb": "Kommentaren kan være høyst {limit} tegn (nå {length}).",
        "en": "The comment may be at most {limit} characters (now {length}).",
    },
    "report.next_steps_too_long": {
        "nb": "Neste steg kan være høyst {limit} tegn (nå {length}).",
        "en": "Next steps may be at most {limit} characters (now {length}).",
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
        "nb": "Du kan bare rapportere på tiltak aktøren din leder eller er partner i.",
        "en": "You can only report on measures your actor leads or is a partner in.",
    },
    "perm.admin_only": {
        "nb": "Bare administrator kan gjøre dette.",
        "en": "Only an administrator can do this.",
    },
    "perm.inactive": {
        "nb": "Brukeren er deaktivert.",
        "en": "The user is deactivated.",
    },
    # lookups
    "notfound.measure": {"nb": "Fant ikke tiltaket.", "en": "Measure not found."},
    "notfound.plan": {"nb": "Fant ikke planen «{name}».", "en": "Plan “{name}” not found."},
    "notfound.no_plan": {
        "nb": "Databasen har ingen plan ennå. Importer en plan eller kjør demo.",
        "en": "The database holds no plan yet. Import a plan or run the demo.",
    },
    "notfound.which_plan": {
        "nb": "Databasen har flere planer; velg en med --plan: {names}.",
        "en": "The database holds several plans; choose one with --plan: {names}.",
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
        "nb": "Brukernavn må være 2–80 tegn: bokstaver, tall, punktum, bindestrek, understrek.",
        "en": "Usernames are 2–80 characters: letters, digits, dot, hyphen, underscore.",
    },
    "user.exists": {
        "nb": "Brukernavnet «{name}» er tatt.",
        "en": "The username “{name}” is taken.",
    },
    "user.password_short": {
        "nb": "Passordet må ha minst {length} tegn.",
        "en": "The password needs at least {length} characters.",
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
        "nb": "Feil brukernavn eller passord.",
        "en": "Wrong username or password.",
    },
    "auth.locked": {
        "nb": "Kontoen er låst etter for mange feil forsøk. Prøv igjen etter kl. {until}.",
        "en": "The account is locked after too many failed attempts. Try again after {until}.",
    },
    # import
    "import.where_row": {"nb": "Rad {row}", "en": "Row {row}"},
    "import.where_row_column": {
        "nb": "Rad {row}, kolonne «{column}»",
        "en": "Row {row}, column “{column}”",
    },
}

CATALOGUE: dict[str, dict[str, str]] = {**LABELS, **MESSAGES}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for key in lang, with {params} filled in. Unknown keys raise KeyError."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text


def label(member: StrEnum, lang: str = DEFAULT_LANG) -> str:
    """The label of a vocabulary member, e.g. label(Status.COMPLETED) == 'Fullført'."""
    return t(label_key(member), lang)


def label_key(member: StrEnum) -> str:
    return f"{type(member).__name__.lower()}.{member.value}"


def format_number(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """1234.5 -> '1 234,5' in bokmål, '1,234.5' in English; None/NaN -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "nb":
        text = text.replace(",", " ").replace(".", ",")
    return text


def format_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    number = format_number(value, lang, decimals)
    return number if number == "–" else f"{number} %"


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
