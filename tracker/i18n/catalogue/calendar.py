"""The texts of calendar subscriptions (merged into tracker.i18n.CATALOGUE): the
feed links on the Årshjul page, renewing one, and the audit log's words for it."""

from __future__ import annotations

CALENDAR_MESSAGES: dict[str, dict[str, str]] = {
    "entity.calendar_feed": {"nb": "Kalenderlenke", "en": "Calendar link"},
    "adminpage.action.renew": {"nb": "Fornyet", "en": "Renewed"},
    "calendar.help": {
        "nb": "**Abonner** med lenken under kalenderen (kopier den med knappen til høyre i "
        "feltet), så kommer nye og endrede hendelser av seg selv:\n"
        "- **Outlook:** Legg til kalender → Abonner fra nettet → lim inn lenken.\n"
        "- **Google Kalender:** Andre kalendere → + → Fra nettadresse → lim inn lenken.\n\n"
        "Kalenderprogrammet henter den på nytt selv (Outlook omtrent hver time, Google "
        "inntil et døgn). Eller last ned filen og importer den én gang. Årlige hendelser "
        "gjentas hvert år.",
        "en": "**Subscribe** with the link under the calendar (copy it with the button at "
        "the right of the box), and new and changed events arrive by themselves:\n"
        "- **Outlook:** Add calendar → Subscribe from web → paste the link.\n"
        "- **Google Calendar:** Other calendars → + → From URL → paste the link.\n\n"
        "The calendar program fetches it again by itself (Outlook about every hour, Google "
        "up to a day). Or download the file and import it once. Yearly events repeat every "
        "year.",
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
