"""Texts of the actors' profiles: what each actor tells the network about itself,
the form its users keep it in, and what the services refuse."""

from __future__ import annotations

PROFILE_MESSAGES: dict[str, dict[str, str]] = {
    "entity.actor_profile": {"nb": "Aktørprofil", "en": "Actor profile"},
    "profile.title": {"nb": "Profil: {name}", "en": "Profile: {name}"},
    "profile.empty": {
        "nb": "{name} har ikke skrevet en profil ennå.",
        "en": "{name} has not written a profile yet.",
    },
    "profile.empty_yours": {
        "nb": "Fortell nettverket hva dere gjør: skriv profilen under «Rediger profilen».",
        "en": "Tell the network what you do: write the profile under “Edit the profile”.",
    },
    "profile.this_year": {"nb": "I årshjulet {year}", "en": "In the annual wheel {year}"},
    "profile.nothing_yet": {"nb": "Ingen ennå.", "en": "Nothing yet."},
    "profile.edit": {"nb": "Rediger profilen", "en": "Edit the profile"},
    "profile.save": {"nb": "Lagre profilen", "en": "Save the profile"},
    "profile.saved": {"nb": "Profilen til {name} er lagret.", "en": "{name}'s profile is saved."},
    "profile.updated_at": {"nb": "Sist endret {when}", "en": "Last changed {when}"},
    "profile.contacts": {"nb": "Kontaktpersoner", "en": "Contact persons"},
    "profile.contacts_help": {
        "nb": "Én rad per person. Vises bare for innloggede brukere. Tøm en rad for å fjerne den.",
        "en": "One row per person. Shown to logged-in users only. Empty a row to remove it.",
    },
    "field.actor_contact.name": {"nb": "Navn", "en": "Name"},
    "field.actor_contact.role": {"nb": "Rolle", "en": "Role"},
    "field.actor_contact.email": {"nb": "E-post", "en": "E-mail"},
    "profile.focus_help": {"nb": "Ett område per linje.", "en": "One area per line."},
    "profile.themes_help": {
        "nb": "Planens satsingsområder som er blant deres.",
        "en": "The plan's themes that are among yours.",
    },
    "profile.not_yours": {
        "nb": "Du kan bare endre profilen til din egen aktør.",
        "en": "You can only change your own actor's profile.",
    },
    "profile.actor_unknown": {
        "nb": "Fant ingen aktør med id {id}.",
        "en": "No actor has the id {id}.",
    },
    "profile.changed_meanwhile": {
        "nb": "Noen andre lagret profilen til {name} mens du skrev. Last siden på nytt for å "
        "se hva som er lagret, og skriv endringen din igjen.",
        "en": "Someone else saved {name}'s profile while you were writing. Reload the page to "
        "see what is stored, and make your change again.",
    },
    "profile.theme_unknown": {
        "nb": "Et av de valgte satsingsområdene finnes ikke lenger.",
        "en": "One of the chosen themes no longer exists.",
    },
    "profile.too_many_contacts": {
        "nb": "Høyst {most} kontaktpersoner.",
        "en": "At most {most} contact persons.",
    },
    "profile.contact_needs_name": {
        "nb": "Kontaktperson {number} mangler navn.",
        "en": "Contact person {number} has no name.",
    },
    "field.actor_profile.about": {"nb": "Hva vi er", "en": "What we are"},
    "field.actor_profile.members": {"nb": "Medlemmer eller eiere", "en": "Members or owners"},
    "field.actor_profile.area": {"nb": "Område", "en": "Area"},
    "field.actor_profile.strategy": {"nb": "Strategi", "en": "Strategy"},
    "field.actor_profile.focus_areas": {"nb": "Satsingsområder", "en": "Focus areas"},
    "field.actor_profile.themes": {"nb": "Planens satsingsområder", "en": "The plan's themes"},
    "field.actor_profile.target_groups": {"nb": "Målgrupper", "en": "Target groups"},
    "field.actor_profile.work_kinds": {"nb": "Arbeidsformer", "en": "Kinds of work"},
    "field.actor_profile.cooperation": {
        "nb": "Ønsker samarbeid om",
        "en": "Wants to cooperate on",
    },
    "field.actor_profile.contacts": {"nb": "Kontaktpersoner", "en": "Contact persons"},
}
