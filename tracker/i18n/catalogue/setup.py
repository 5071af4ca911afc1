"""Texts of a fresh install and of the demo's door (merged into tracker.i18n.CATALOGUE):
the first admin, the demo banner, closing the demo accounts."""

from __future__ import annotations

SETUP_MESSAGES: dict[str, dict[str, str]] = {
    # the demo's accounts
    "demo.banner": {
        "nb": "Demo: denne databasen har demokontoer med offentlige passord ({names}). "
        "Legg ikke inn ekte data her.",
        "en": "Demo: this database has demo accounts with published passwords ({names}). "
        "Do not enter real data here.",
    },
    "demo.real_database": {
        "nb": "Databasen er i bruk (den har egne brukerkontoer eller en egen plan). Demoen "
        "lastes bare i en egen database, for eksempel: make demo",
        "en": "This database is in use (it has its own accounts or plan). The demo loads "
        "only into a database of its own, for example: make demo",
    },
    "demo.no_reactivation": {
        "nb": "{username} er en demokonto med offentlig passord og kan ikke slås på igjen. "
        "Lag en ny konto i stedet.",
        "en": "{username} is a demo account with a published password and cannot be "
        "switched on again. Make a new account instead.",
    },
    "demo.retire_as_demo": {
        "nb": "Du er logget inn med en demokonto, og passordet er offentlig. Den som driver "
        "serveren lager en egen administratorkonto (python -m tracker user add NAVN --role "
        "admin); logg inn med den og importer derfra: demokontoene, og kontoer de har "
        "laget, blir da slått av.",
        "en": "You are logged in with a demo account, and its password is published. Whoever "
        "runs the server makes an administrator account of its own (python -m tracker user "
        "add NAME --role admin); log in with it and import from there: the demo accounts, "
        "and accounts they made, are then switched off.",
    },
    "demo.retired": {
        "nb": "Demokontoene er slått av fordi passordene deres er offentlige: {names}.",
        "en": "The demo accounts are switched off because their passwords are published: {names}.",
    },
    "demo.would_retire": {
        "nb": "Importen slår av demokontoene, fordi passordene deres er offentlige: {names}.",
        "en": "The import switches off the demo accounts, because their passwords are "
        "published: {names}.",
    },
    # the first admin
    "setup.heading": {"nb": "Første administrator", "en": "First administrator"},
    "setup.intro": {
        "nb": "Databasen har ingen brukerkontoer ennå. Lag administratorkontoen som "
        "setter opp planen og de andre kontoene. Etterpå kan du importere planen.",
        "en": "The database has no accounts yet. Make the administrator account that "
        "sets up the plan and the other accounts. Then you can import the plan.",
    },
    "setup.password_again": {"nb": "Passord igjen", "en": "Password again"},
    "setup.passwords_differ": {
        "nb": "De to passordene er ikke like.",
        "en": "The two passwords differ.",
    },
    "setup.submit": {"nb": "Lag administratoren", "en": "Make the administrator"},
    "setup.already_done": {
        "nb": "Databasen har allerede en administrator. Logg inn.",
        "en": "The database already has an administrator. Log in.",
    },
    "setup.cli_hint": {
        "nb": "Ingen brukerkontoer ennå: åpne appen og lag den første administratoren, "
        "eller: python -m tracker user add NAVN --role admin",
        "en": "No accounts yet: open the app and make the first administrator, "
        "or: python -m tracker user add NAME --role admin",
    },
}
