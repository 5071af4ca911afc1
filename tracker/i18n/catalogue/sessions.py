"""Texts of staying logged in (merged into tracker.i18n.CATALOGUE): the session
cookie's endings, the login form that posts to web.login, pages a role may not see,
addresses that are no page."""

from __future__ import annotations

SESSION_MESSAGES: dict[str, dict[str, str]] = {
    "perm.session_expired": {
        "nb": "Innloggingen er utløpt. Logg inn på nytt.",
        "en": "Your login has expired. Please log in again.",
    },
    "perm.logged_out": {
        "nb": "Du er logget ut. Logg inn på nytt for å fortsette.",
        "en": "You have logged out. Log in again to continue.",
    },
    "perm.locked": {
        "nb": "Kontoen ble låst etter for mange feil passord, og innloggingen er avsluttet. "
        "Logg inn på nytt om litt.",
        "en": "The account was locked after too many wrong passwords, and this login has "
        "ended. Log in again in a while.",
    },
    "login.empty": {
        "nb": "Skriv inn brukernavn og passord.",
        "en": "Enter your username and password.",
    },
    "login.refused_origin": {
        "nb": "Innloggingen kom ikke fra denne siden og ble avvist. Åpne siden på nytt og "
        "logg inn der.",
        "en": "The login did not come from this site and was refused. Open the site again "
        "and log in there.",
    },
    "login.then_page": {
        "nb": "Etter innlogging åpnes siden du ba om.",
        "en": "After you log in, the page you asked for opens.",
    },
    "setup.made": {
        "nb": "Administratoren {username} er laget. Logg inn med passordet du valgte.",
        "en": "The administrator {username} has been made. Log in with the password you chose.",
    },
    "page.not_for_role": {
        "nb": "Siden «{page}» er ikke tilgjengelig for rollen din ({role}). Velg en side i "
        "menyen til venstre.",
        "en": "The page “{page}” is not available to your role ({role}). Choose a page in "
        "the menu on the left.",
    },
    "page.not_found_title": {"nb": "Fant ikke siden", "en": "Page not found"},
    "page.not_found": {
        "nb": "Det finnes ingen side på adressen {path}.",
        "en": "There is no page at the address {path}.",
    },
    "page.to_start": {"nb": "Gå til forsiden", "en": "Go to the start page"},
}
