"""What the admin services say: saves and deletes of the plan's parts."""

from __future__ import annotations

ADMIN_MESSAGES: dict[str, dict[str, str]] = {
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
}
