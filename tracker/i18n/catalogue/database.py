"""What a write says when the database refuses it or cannot take it (tracker.db
.refusal): every form (ui.forms.run_write) and the command line."""

from __future__ import annotations

DATABASE_MESSAGES: dict[str, dict[str, str]] = {
    "db.clash": {
        "nb": "Noen andre lagret noe som kolliderer med dette i samme øyeblikk, så "
        "ingenting ble lagret. Se på det som er lagret nå, og prøv igjen.",
        "en": "Someone else saved something that clashes with this at the same moment, "
        "so nothing was saved. Look at what is stored now, and try again.",
    },
    "db.unavailable": {
        "nb": "Databasen er opptatt eller kan ikke nås akkurat nå, så ingenting ble "
        "lagret. Prøv igjen om litt.",
        "en": "The database is busy or cannot be reached right now, so nothing was "
        "saved. Try again in a moment.",
    },
}
