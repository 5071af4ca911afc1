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
    # the who-does-what matrix (a tab on Samarbeid, a sheet of the summary)
    "network.tab": {"nb": "Nettverket", "en": "The network"},
    "matrix.tab": {"nb": "Hvem gjør hva", "en": "Who does what"},
    "matrix.intro": {
        "nb": "Målgruppe × arbeidsform: i hver rute tallet på aktører som leder eller er "
        "med i tiltak der (tiltakenes målgrupper og arbeidsformer), eller som tilbyr "
        "virkemidler der (virkemiddelets målgrupper og den arbeidsformen typen er).",
        "en": "Target group × kind of work: in each cell the number of actors that lead or "
        "take part in measures there (the measures' target groups and kinds of work), or "
        "that offer instruments there (the instrument's target groups and the kind of work "
        "its kind is).",
    },
    "matrix.rule": {
        "nb": "Trangt: {least} aktører eller flere i samme rute. Tomt: ingen aktør, et hull "
        "for en målgruppe i listen.",
        "en": "Crowded: {least} actors or more in one cell. Empty: no actor, a gap for a "
        "target group of the list.",
    },
    "matrix.crowded_note": {
        "nb": "Trangt: {least} aktører eller flere",
        "en": "Crowded: {least} actors or more",
    },
    "matrix.gap_note": {"nb": "Tomt: ingen aktør", "en": "Empty: no actor"},
    "matrix.crowded_word": {"nb": "trangt", "en": "crowded"},
    "matrix.crowded": {"nb": "Trange ruter ({count})", "en": "Crowded cells ({count})"},
    "matrix.crowded_none": {"nb": "Ingen trange ruter.", "en": "No crowded cells."},
    "matrix.gaps": {"nb": "Tomme ruter per målgruppe", "en": "Empty cells by target group"},
    "matrix.gaps_all": {
        "nb": "Alle: ingen aktør for denne målgruppen",
        "en": "All: no actor for this target group",
    },
    "matrix.cell": {"nb": "Vis en rute", "en": "Show a cell"},
    "matrix.cell_option": {
        "nb": "{group} × {kind}: {actors}",
        "en": "{group} × {kind}: {actors}",
    },
    "matrix.hover": {
        "nb": "{group} × {kind}<br>{actors}",
        "en": "{group} × {kind}<br>{actors}",
    },
    "matrix.items": {"nb": "Tiltak her", "en": "Measures here"},
    "matrix.offers": {"nb": "Virkemidler her", "en": "Instruments here"},
    "matrix.none": {"nb": "Ingen her.", "en": "None here."},
    "matrix.role.lead": {"nb": "leder", "en": "lead"},
    "matrix.role.partner": {"nb": "partner", "en": "partner"},
    "matrix.themes": {"nb": "Satsingsområde × aktør", "en": "Theme × actor"},
    "matrix.col.target_group": {"nb": "Målgruppe", "en": "Target group"},
    "matrix.col.work_kind": {"nb": "Arbeidsform", "en": "Kind of work"},
    "matrix.col.actors": {"nb": "Aktører", "en": "Actors"},
    "matrix.col.who": {"nb": "Hvem", "en": "Who"},
    "matrix.col.measures": {"nb": "Tiltak", "en": "Measures"},
    "matrix.col.instruments": {"nb": "Virkemidler", "en": "Instruments"},
    "matrix.col.state": {"nb": "Merknad", "en": "Note"},
    "matrix.col.gaps": {"nb": "Arbeidsformer uten aktør", "en": "Kinds of work without an actor"},
    "matrix.col.instrument": {"nb": "Virkemiddel", "en": "Instrument"},
    "matrix.col.led": {"nb": "Leder", "en": "Leads"},
    "matrix.col.partner_in": {"nb": "Partner i", "en": "Partner in"},
    # the annual wheel (årshjul)
    "eventkind.samhandlingsmote": {"nb": "Samhandlingsmøte", "en": "Coordination meeting"},
    "eventkind.arrangement": {"nb": "Arrangement", "en": "Event"},
    "eventkind.soknadsfrist": {"nb": "Søknadsfrist", "en": "Application deadline"},
    "eventkind.rapporteringsfrist": {"nb": "Rapporteringsfrist", "en": "Reporting deadline"},
    "eventkind.styremote": {"nb": "Styremøte", "en": "Board meeting"},
    "eventkind.kurs": {"nb": "Kurs", "en": "Course"},
    "eventkind.annet": {"nb": "Annet", "en": "Other"},
    "entity.event": {"nb": "Hendelse", "en": "Event"},
    "page.wheel": {"nb": "Årshjul", "en": "Annual wheel"},
    "wheel.intro": {
        "nb": "Det felles årshjulet i næringsarenaen: aktørenes møter, arrangementer og "
        "frister, og planens rapporteringsfrister. Kollisjoner viser arrangementer for "
        "samme målgruppe i samme uke.",
        "en": "The shared annual wheel of the network: the actors' meetings, events and "
        "deadlines, and the plan's reporting deadlines. Clashes are events for the same "
        "target group in the same week.",
    },
    "wheel.deadline": {
        "nb": "Frist: statusrapport for {quarter}",
        "en": "Due: status report for {quarter}",
    },
    "wheel.all_actors": {"nb": "alle aktører", "en": "all actors"},
    "wheel.plan_deadlines": {"nb": "Planens frister", "en": "The plan's deadlines"},
    "wheel.no_actors": {
        "nb": "Legg inn aktørene først (Admin → Aktører).",
        "en": "Add the actors first (Admin → Actors).",
    },
    "reminders.bad_address": {"nb": "ugyldig e-postadresse", "en": "not a valid e-mail address"},
    "wheel.year": {"nb": "År", "en": "Year"},
    "wheel.kind": {"nb": "Type", "en": "Kind"},
    "wheel.group": {"nb": "Målgruppe", "en": "Target group"},
    "wheel.color_by": {"nb": "Farge etter", "en": "Colour by"},
    "wheel.none": {"nb": "Ingen hendelser passer.", "en": "No events match."},
    "wheel.months": {"nb": "Måned for måned", "en": "Month by month"},
    "wheel.clashes": {"nb": "Kollisjoner ({count})", "en": "Clashes ({count})"},
    "wheel.no_clashes": {
        "nb": "Ingen arrangementer for samme målgruppe i samme uke.",
        "en": "No events for the same target group in the same week.",
    },
    "wheel.col.date": {"nb": "Dato", "en": "Date"},
    "wheel.col.title": {"nb": "Hendelse", "en": "Event"},
    "wheel.col.place": {"nb": "Sted", "en": "Place"},
    "wheel.col.week": {"nb": "Uke", "en": "Week"},
    "wheel.col.first": {"nb": "Den ene", "en": "One"},
    "wheel.col.second": {"nb": "Den andre", "en": "The other"},
    "wheel.calendar": {"nb": "Kalender (.ics)", "en": "Calendar (.ics)"},
    "wheel.download_all": {"nb": "Hele årshjulet", "en": "The whole wheel"},
    "wheel.download_actor": {"nb": "Bare {actor}", "en": "Only {actor}"},
    "wheel.download_theme": {"nb": "Bare {theme}", "en": "Only {theme}"},
    "wheel.add": {"nb": "Legg til en hendelse", "en": "Add an event"},
    "wheel.field.title": {"nb": "Tittel", "en": "Title"},
    "wheel.field.starts": {"nb": "Fra dato", "en": "From"},
    "wheel.field.ends": {"nb": "Til dato (valgfritt)", "en": "To (optional)"},
    "wheel.field.yearly": {"nb": "Gjentas hvert år", "en": "Repeats every year"},
    "wheel.field.groups": {
        "nb": "Målgrupper (skill med ;), f.eks. gründere; skoler",
        "en": "Target groups (separate with ;), e.g. founders; schools",
    },
    "wheel.field.link": {"nb": "Lenke", "en": "Link"},
    "wheel.save": {"nb": "Lagre hendelsen", "en": "Save the event"},
    "wheel.saved": {"nb": "«{title}» er lagt i årshjulet.", "en": "“{title}” added to the wheel."},
    "wheel.delete": {"nb": "Slett en av dine hendelser", "en": "Delete one of your events"},
    "wheel.delete_button": {"nb": "Slett", "en": "Delete"},
    "wheel.deleted": {"nb": "«{title}» er slettet.", "en": "“{title}” deleted."},
    "wheel.not_yours": {
        "nb": "Du kan bare legge inn og endre hendelser for din egen aktør.",
        "en": "You can only add and change events of your own actor.",
    },
    "wheel.not_found": {"nb": "Hendelse {id} finnes ikke.", "en": "Event {id} does not exist."},
    "wheel.title_required": {"nb": "Skriv en tittel.", "en": "Write a title."},
    "wheel.kind_unknown": {"nb": "Velg en type.", "en": "Choose a kind."},
    "wheel.ends_before_starts": {
        "nb": "Til-datoen er før fra-datoen.",
        "en": "The end date is before the start date.",
    },
    "wheel.link_invalid": {
        "nb": "Lenken må begynne med https:// eller http://.",
        "en": "The link must start with https:// or http://.",
    },
    "wheel.actor_unknown": {"nb": "Velg en aktør.", "en": "Choose an actor."},
    "wheel.theme_unknown": {"nb": "Ukjent satsingsområde.", "en": "Unknown theme."},
    "wheel.measure_not_actors": {
        "nb": "Hendelsen kan bare knyttes til et tiltak aktøren er ansvarlig for eller partner i.",
        "en": "The event can only be tied to a measure the actor leads or is a partner in.",
    },
    "wheel.measure_unknown": {"nb": "Ukjent tiltak.", "en": "Unknown measure."},
    "wheel.month.1": {"nb": "jan", "en": "Jan"},
    "wheel.month.2": {"nb": "feb", "en": "Feb"},
    "wheel.month.3": {"nb": "mar", "en": "Mar"},
    "wheel.month.4": {"nb": "apr", "en": "Apr"},
    "wheel.month.5": {"nb": "mai", "en": "May"},
    "wheel.month.6": {"nb": "jun", "en": "Jun"},
    "wheel.month.7": {"nb": "jul", "en": "Jul"},
    "wheel.month.8": {"nb": "aug", "en": "Aug"},
    "wheel.month.9": {"nb": "sep", "en": "Sep"},
    "wheel.month.10": {"nb": "okt", "en": "Oct"},
    "wheel.month.11": {"nb": "nov", "en": "Nov"},
    "wheel.month.12": {"nb": "des", "en": "Dec"},
    "wheel.month_name.1": {"nb": "Januar", "en": "January"},
    "wheel.month_name.2": {"nb": "Februar", "en": "February"},
    "wheel.month_name.3": {"nb": "Mars", "en": "March"},
    "wheel.month_name.4": {"nb": "April", "en": "April"},
    "wheel.month_name.5": {"nb": "Mai", "en": "May"},
    "wheel.month_name.6": {"nb": "Juni", "en": "June"},
    "wheel.month_name.7": {"nb": "Juli", "en": "July"},
    "wheel.month_name.8": {"nb": "August", "en": "August"},
    "wheel.month_name.9": {"nb": "September", "en": "September"},
    "wheel.month_name.10": {"nb": "Oktober", "en": "October"},
    "wheel.month_name.11": {"nb": "November", "en": "November"},
    "wheel.month_name.12": {"nb": "Desember", "en": "December"},
    "import.bad_date": {
        "nb": "«{value}» er ikke en dato (skriv f.eks. 28.01.2026).",
        "en": "'{value}' is not a date (write e.g. 28.01.2026).",
    },
    "import.bad_event_kind": {
        "nb": "Ukjent type «{value}»: bruk f.eks. Arrangement, Kurs eller Søknadsfrist.",
        "en": "Unknown kind '{value}': use e.g. Event, Course or Application deadline.",
    },
    # indicators
    "direction.up": {"nb": "Opp", "en": "Up"},
    "direction.down": {"nb": "Ned", "en": "Down"},
    "entity.indicator": {"nb": "Indikator", "en": "Indicator"},
    "page.indicators": {"nb": "Indikatorer", "en": "Indicators"},
    "indicators.intro": {
        "nb": "Planens nøkkeltall: verdien hvert år eller kvartal mot den rette linjen fra "
        "utgangspunktet til målet. I rute når verdien er på eller forbi linjen.",
        "en": "The plan's key figures: each year's or quarter's value against the straight "
        "line from the baseline to the target. On track when the value is on or past it.",
    },
    "indicators.none": {
        "nb": "Planen har ingen indikatorer ennå.",
        "en": "The plan has no indicators yet.",
    },
    "indicators.on_track": {"nb": "✓ I rute", "en": "✓ On track"},
    "indicators.off_track": {"nb": "✕ Ikke i rute", "en": "✕ Off track"},
    "indicators.no_value": {"nb": "Ingen verdi ennå", "en": "No value yet"},
    "indicators.actual": {"nb": "Faktisk", "en": "Actual"},
    "indicators.path": {"nb": "Linje mot målet", "en": "Path to target"},
    "indicators.col.name": {"nb": "Indikator", "en": "Indicator"},
    "indicators.col.baseline": {"nb": "Utgangspunkt", "en": "Baseline"},
    "indicators.col.target": {"nb": "Mål", "en": "Target"},
    "indicators.col.latest": {"nb": "Siste verdi", "en": "Latest value"},
    "indicators.col.expected": {"nb": "Forventet", "en": "Expected"},
    "indicators.col.state": {"nb": "Vurdering", "en": "Rating"},
    "indicators.col.source": {"nb": "Kilde", "en": "Source"},
    "indicators.report": {"nb": "Rapporter en verdi", "en": "Report a value"},
    "indicators.pick": {"nb": "Indikator", "en": "Indicator"},
    "indicators.period": {
        "nb": "År eller kvartal (2025 eller 2025-Q3)",
        "en": "Year or quarter (2025 or 2025-Q3)",
    },
    "indicators.value": {"nb": "Verdi", "en": "Value"},
    "indicators.save": {"nb": "Lagre verdien", "en": "Save the value"},
    "indicators.saved": {
        "nb": "Verdien for {period} er lagret.",
        "en": "The value for {period} is saved.",
    },
    "indicators.not_found": {
        "nb": "Indikator {id} finnes ikke.",
        "en": "Indicator {id} does not exist.",
    },
    "indicators.not_yours": {
        "nb": "Bare den ansvarlige aktørens brukere og administrator kan rapportere "
        "denne indikatoren.",
        "en": "Only the responsible actor's users and the admin can report this indicator.",
    },
    "indicators.bad_period": {
        "nb": "«{period}» er ikke et år eller kvartal (skriv 2025 eller 2025-Q3).",
        "en": "'{period}' is not a year or quarter (write 2025 or 2025-Q3).",
    },
    "indicators.period_outside": {
        "nb": "{period} er utenfor indikatorens periode {start}–{end}.",
        "en": "{period} is outside the indicator's period {start}–{end}.",
    },
    "indicators.name_required": {"nb": "Skriv et navn.", "en": "Write a name."},
    "indicators.target_after_baseline": {
        "nb": "Målåret må være etter året for utgangspunktet.",
        "en": "The target year must be after the baseline year.",
    },
    "indicators.example": {"nb": "eksempel", "en": "example"},
    "indicators.add": {"nb": "Legg til en indikator", "en": "Add an indicator"},
    "indicators.add_save": {"nb": "Lagre indikatoren", "en": "Save the indicator"},
    "indicators.added": {"nb": "«{name}» er lagt til.", "en": "“{name}” added."},
    "indicators.unit": {"nb": "Enhet", "en": "Unit"},
    "indicators.baseline_year": {"nb": "År for utgangspunktet", "en": "Baseline year"},
    "indicators.baseline_value": {"nb": "Utgangspunkt", "en": "Baseline value"},
    "indicators.target_year": {"nb": "Målår", "en": "Target year"},
    "indicators.target_value": {"nb": "Mål", "en": "Target value"},
    "indicators.direction": {"nb": "Retning", "en": "Direction"},
}
