"""Users and logging in: passwords, lockout, roles."""

from __future__ import annotations

ACCOUNT_MESSAGES: dict[str, dict[str, str]] = {
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
}
