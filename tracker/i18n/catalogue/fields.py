"""The names of the fields users write (merged into tracker.i18n.CATALOGUE), as
field.<table>.<column> of tracker.models, and the messages that name them."""

from __future__ import annotations

FIELD_NAMES: dict[str, dict[str, str]] = {
    "field.plan.name": {"nb": "Navn", "en": "Name"},
    "field.plan.owner": {"nb": "Eier", "en": "Owner"},
    "field.plan.description": {"nb": "Beskrivelse", "en": "Description"},
    "field.plan.start_year": {"nb": "Startår", "en": "Start year"},
    "field.plan.end_year": {"nb": "Sluttår", "en": "End year"},
    "field.theme.code": {"nb": "Kode", "en": "Code"},
    "field.theme.name": {"nb": "Navn", "en": "Name"},
    "field.theme.description": {"nb": "Beskrivelse", "en": "Description"},
    "field.goal.code": {"nb": "Kode", "en": "Code"},
    "field.goal.text": {"nb": "Mål", "en": "Goal"},
    "field.actor.name": {"nb": "Navn", "en": "Name"},
    "field.actor.short_name": {"nb": "Kortnavn", "en": "Short name"},
    "field.actor.contact": {"nb": "Kontakt", "en": "Contact"},
    "field.measure.code": {"nb": "Kode", "en": "Code"},
    "field.measure.title": {"nb": "Tittel", "en": "Title"},
    "field.measure.description": {"nb": "Beskrivelse", "en": "Description"},
    "field.measure.budget": {"nb": "Budsjett", "en": "Budget"},
    "field.measure.funding": {"nb": "Finansiering", "en": "Funding"},
    "field.measure.weight": {"nb": "Vekt", "en": "Weight"},
    "field.measure.target_groups": {"nb": "Målgrupper", "en": "Target groups"},
    "field.measure.work_kinds": {"nb": "Arbeidsformer", "en": "Kinds of work"},
    "field.status_update.comment": {"nb": "Kommentar", "en": "Comment"},
    "field.status_update.next_steps": {"nb": "Neste steg", "en": "Next steps"},
    "field.contribution.text": {"nb": "Bidrag", "en": "Contribution"},
    "field.contribution.link": {"nb": "Lenke", "en": "Link"},
    "field.app_user.username": {"nb": "Brukernavn", "en": "Username"},
    "field.app_user.display_name": {"nb": "Visningsnavn", "en": "Display name"},
    "field.app_user.email": {"nb": "E-post", "en": "E-mail"},
    "field.event.title": {"nb": "Hendelse", "en": "Event"},
    "field.event.target_groups": {"nb": "Målgrupper", "en": "Target groups"},
    "field.event.place": {"nb": "Sted", "en": "Place"},
    "field.event.link": {"nb": "Lenke", "en": "Link"},
    "field.indicator.name": {"nb": "Navn", "en": "Name"},
    "field.indicator.unit": {"nb": "Enhet", "en": "Unit"},
    "field.indicator.source": {"nb": "Kilde", "en": "Source"},
    "field.indicator.baseline_value": {"nb": "Utgangsverdi", "en": "Baseline value"},
    "field.indicator.target_value": {"nb": "Målverdi", "en": "Target value"},
    "field.indicator.direction": {"nb": "Retning", "en": "Direction"},
    "field.indicator_value.value": {"nb": "Verdi", "en": "Value"},
    "field.indicator_value.comment": {"nb": "Kommentar", "en": "Comment"},
    "field.overlap_decision.note": {"nb": "Notat", "en": "Note"},
}

FIELD_MESSAGES: dict[str, dict[str, str]] = {
    **FIELD_NAMES,
    "field.too_long": {
        "nb": "{name} kan være høyst {limit} tegn (du skrev {length}).",
        "en": "{name} can be at most {limit} characters (you wrote {length}).",
    },
    "field.not_finite": {
        "nb": "{name} må være et endelig tall.",
        "en": "{name} must be a finite number.",
    },
    "field.not_one_of": {
        "nb": "{name} må være en av: {choices}.",
        "en": "{name} must be one of: {choices}.",
    },
    "field.email_invalid": {
        "nb": "E-post: «{value}» er ikke en e-postadresse (skriv navn@kommune.no).",
        "en": "E-mail: “{value}” is not an e-mail address (write name@municipality.no).",
    },
}
