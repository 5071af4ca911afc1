"""Texts of keeping users (merged into tracker.i18n.CATALOGUE): changing an account's
name, e-mail, role and actor in Admin → Brukere, and the rules that guard it."""

from __future__ import annotations

USER_MESSAGES: dict[str, dict[str, str]] = {
    "field.app_user.role": {"nb": "Rolle", "en": "Role"},
    "user.own_admin_role": {
        "nb": "Du kan ikke ta administratorrollen fra deg selv: be en annen administrator om det.",
        "en": "You cannot take the administrator role from yourself: ask another administrator.",
    },
    "user.last_admin_role": {
        "nb": "«{username}» er den siste aktive administratoren og må beholde rollen: gjør "
        "en annen til administrator først.",
        "en": "“{username}” is the last active administrator and keeps the role: make "
        "someone else an administrator first.",
    },
    "demo.no_admin": {
        "nb": "{username} er en demokonto med offentlig passord og kan ikke bli "
        "administrator. Lag en ny konto i stedet.",
        "en": "{username} is a demo account with a published password and cannot become "
        "an administrator. Make a new account instead.",
    },
    "demo.edit_real": {
        "nb": "Du er logget inn med en demokonto, og passordet er offentlig: den kan ikke "
        "endre «{username}», som ikke er en demokonto.",
        "en": "You are logged in with a demo account, and its password is published: it "
        "cannot change “{username}”, which is not a demo account.",
    },
    # Admin → Brukere: the form for a chosen user
    "adminpage.user_details": {
        "nb": "Navn, e-post, rolle og aktør",
        "en": "Name, e-mail, role and actor",
    },
    "adminpage.save_user": {"nb": "Lagre endringene", "en": "Save the changes"},
    "adminpage.role_help": {
        "nb": "En ny rolle gjelder fra brukerens neste klikk, uten ny innlogging.",
        "en": "A new role applies from the user's next click, without logging in again.",
    },
    "adminpage.own_role": {
        "nb": "Rollen din kan bare en annen administrator endre.",
        "en": "Only another administrator can change your role.",
    },
    "adminpage.user_saved": {
        "nb": "Lagret for «{name}»: {changes}.",
        "en": "Saved for “{name}”: {changes}.",
    },
    "adminpage.user_change": {
        "nb": "{field}: {before} → {after}",
        "en": "{field}: {before} → {after}",
    },
}
