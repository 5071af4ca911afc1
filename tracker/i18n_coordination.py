"""The texts of coordination in the næringsarena (merged into tracker.i18n.CATALOGUE):
reporting reminders (the e-mail, the admin tab Påminnelser) and the collaboration
map (page Samarbeid)."""

from __future__ import annotations

COORDINATION_MESSAGES: dict[str, dict[str, str]] = {
    # the e-mail
    "remind.subject": {
        "nb": "Påminnelse: statusrapport for {quarter}",
        "en": "Reminder: status report for {quarter}",
    },
    "remind.greeting": {"nb": "Hei, {actor}!", "en": "Hello, {actor}!"},
    "remind.intro": {
        "nb": "Næringsplan-tracker mangler statusrapport for {quarter} på {count} tiltak "
        "dere leder:",
        "en": "The business plan tracker has no status report for {quarter} on {count} "
        "measure(s) you lead:",
    },
    "remind.where": {
        "nb": "Rapporter status her: {url}",
        "en": "Report the status here: {url}",
    },
    "remind.where_no_url": {
        "nb": "Logg inn i Næringsplan-tracker og velg «Rapporter status».",
        "en": "Log in to the business plan tracker and choose 'Report status'.",
    },
    # the admin tab
    "adminpage.tab.reminders": {"nb": "Påminnelser", "en": "Reminders"},
    "adminpage.action.remind": {"nb": "Påminnelse sendt", "en": "Reminder sent"},
    "reminders.intro": {
        "nb": "Aktører som leder tiltak uten statusrapport for kvartalet, med e-posten "
        "til aktørens brukere (eller aktørens kontakt).",
        "en": "Actors leading measures without a status report for the quarter, with the "
        "e-mail of the actor's users (or the actor's contact).",
    },
    "reminders.none": {
        "nb": "Alle tiltak som skal rapporteres for {quarter}, er rapportert.",
        "en": "Every measure due a report for {quarter} is reported.",
    },
    "reminders.col.measures": {"nb": "Tiltak uten rapport", "en": "Measures without a report"},
    "reminders.col.recipients": {"nb": "E-post", "en": "E-mail"},
    "reminders.col.recipient": {"nb": "Mottaker", "en": "Recipient"},
    "reminders.col.result": {"nb": "Resultat", "en": "Result"},
    "reminders.no_address": {
        "nb": "ingen e-postadresse: legg den inn på brukeren eller aktøren",
        "en": "no e-mail address: add one to the user or the actor",
    },
    "reminders.write": {"nb": "Skriv e-post til {actor}", "en": "Write to {actor}"},
    "reminders.download": {"nb": "Last ned lista (CSV)", "en": "Download the list (CSV)"},
    "reminders.send": {"nb": "Send påminnelser ({count})", "en": "Send reminders ({count})"},
    "reminders.no_smtp": {
        "nb": "Ingen e-postserver er satt opp ([smtp] i .streamlit/secrets.toml eller "
        "TRACKER_SMTP_HOST). Bruk lenkene eller last ned lista.",
        "en": "No mail server is set up ([smtp] in .streamlit/secrets.toml or "
        "TRACKER_SMTP_HOST). Use the links or download the list.",
    },
    "reminders.sent": {"nb": "Sendt", "en": "Sent"},
    "reminders.failed": {"nb": "Ikke sendt: {reason}", "en": "Not sent: {reason}"},
    "reminders.summary": {
        "nb": "{sent} sendt, {failed} ikke sendt.",
        "en": "{sent} sent, {failed} not sent.",
    },
    # the collaboration map
    "page.collaboration": {"nb": "Samarbeid", "en": "Collaboration"},
    "network.intro": {
        "nb": "Aktørene i nettverket, med en linje mellom to aktører som er med i de samme "
        "tiltakene (tykkere linje: flere felles tiltak). Sirkelen er større jo flere tiltak "
        "aktøren leder. Klikk en aktør for å se koblingene.",
        "en": "The actors of the network, with a line between two actors that take part in "
        "the same measures (thicker: more shared measures). The circle grows with the "
        "measures the actor leads. Click an actor to see its links.",
    },
    "network.hover": {
        "nb": "Leder {led} tiltak · {shared} tiltak med andre · {links} samarbeidspartnere",
        "en": "Leads {led} measures · {shared} measures with others · {links} partners",
    },
    "network.pick": {"nb": "Vis koblingene til", "en": "Show the links of"},
    "network.links": {"nb": "Koblingene til {actor}", "en": "Links of {actor}"},
    "network.no_links": {
        "nb": "{actor} har ingen felles tiltak med andre aktører her.",
        "en": "{actor} shares no measure with another actor here.",
    },
    "network.col.shared": {"nb": "Felles tiltak", "en": "Shared measures"},
    "network.col.codes": {"nb": "Hvilke", "en": "Which"},
    "network.col.led": {"nb": "Leder", "en": "Leads"},
    "network.lonely": {
        "nb": "Aktører uten felles tiltak ({count})",
        "en": "Actors without a shared measure ({count})",
    },
    "network.solo": {
        "nb": "Tiltak med bare én aktør ({count})",
        "en": "Measures with one actor only ({count})",
    },
    "network.summary": {
        "nb": "{actors} aktører, {links} koblinger, {shared} av {measures} tiltak har mer "
        "enn én aktør.",
        "en": "{actors} actors, {links} links, {shared} of {measures} measures have more "
        "than one actor.",
    },
}
