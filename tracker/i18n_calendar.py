"""The texts of calendar subscriptions (merged into tracker.i18n.CATALOGUE): the
feed links on the Årshjul page, renewing one, and the audit log's words for it."""

from __future__ import annotations

CALENDAR_MESSAGES: dict[str, dict[str, str]] = {
    "entity.calendar_feed": {"nb": "Kalenderlenke", "en": "Calendar link"},
    "adminpage.action.renew": {"nb": "Fornyet", "en": "Renewed"},
    "calendar.help": {
        "nb": "**Abonner** med lenken under hver kalender, så kommer nye og endrede hendelser "
        "av seg selv. **Outlook:** Legg til kalender → Abonner fra nettet → lim inn lenken. "
        "**Google Kalender:** Andre kalendere → + → Fra nettadresse → lim inn lenken. "
        "Kalenderen oppdateres når programmet henter den igjen (Outlook hver time eller så, "
        "Google inntil et døgn). Eller last ned filen og importer den én gang. Årlige "
        "hendelser gjentas hvert år.",
        "en": "**Subscribe** with the link under each calendar, and new and changed events "
        "arrive by themselves. **Outlook:** Add calendar → Subscribe from web → paste the "
        "link. **Google Calendar:** Other calendars → + → From URL → paste the link. The "
        "calendar is updated when the program fetches it again (Outlook every hour or so, "
        "Google up to a day). Or download the file and import it once. Yearly events repeat "
        "every year.",
    },
    "calendar.link_secret": {
        "nb": "Lenken er en nøkkel: alle som har den, ser hendelsene i kalenderen uten å "
        "logge inn. Del den bare med dem som skal ha den.",
        "en": "The link is a key: anyone who has it sees the calendar's events without "
        "logging in. Share it only with those who should have it.",
    },
    "calendar.download": {"nb": "Last ned", "en": "Download"},
    "calendar.renew": {"nb": "Forny lenke", "en": "Renew link"},
    "calendar.renew_confirm": {
        "nb": "Den gamle lenken til «{name}» slutter å virke med en gang. Alle som abonnerer "
        "på den, må legge til den nye lenken.",
        "en": "The old link to “{name}” stops working at once. Everyone who subscribes to it "
        "must add the new link.",
    },
    "calendar.renew_yes": {"nb": "Ja, forny lenken", "en": "Yes, renew the link"},
    "calendar.renewed": {
        "nb": "Ny lenke til «{name}». Den gamle virker ikke lenger.",
        "en": "New link to “{name}”. The old one no longer works.",
    },
    "calendar.feed_unknown": {
        "nb": "Kalenderen finnes ikke (planen, aktøren eller satsingsområdet er borte).",
        "en": "The calendar does not exist (the plan, actor or theme is gone).",
    },
}
