"""Texts of the annual coordination meeting (samhandlingsmøte): its page, the meeting
pack, the agreed actions and what the services refuse."""

from __future__ import annotations

MEETING_MESSAGES: dict[str, dict[str, str]] = {
    "entity.meeting": {"nb": "Samhandlingsmøte", "en": "Coordination meeting"},
    "entity.meeting_action": {"nb": "Avtalt oppfølging", "en": "Agreed action"},
    "actionkind.tiltak": {"nb": "Nytt tiltak", "en": "New measure"},
    "actionkind.avklaring": {"nb": "Avklaring av overlapp", "en": "Overlap to settle"},
    "actionstatus.open": {"nb": "Åpen", "en": "Open"},
    "actionstatus.done": {"nb": "Utført", "en": "Done"},
    "field.meeting.place": {"nb": "Sted", "en": "Place"},
    "field.meeting.minutes": {"nb": "Referat", "en": "Minutes"},
    "field.meeting.held_on": {"nb": "Dato", "en": "Date"},
    "field.meeting.invited": {"nb": "Inviterte aktører", "en": "Invited actors"},
    "field.meeting.year": {"nb": "År", "en": "Year"},
    "field.meeting_action.text": {"nb": "Hva er avtalt", "en": "What was agreed"},
    "field.meeting_action.kind": {"nb": "Blir til", "en": "Becomes"},
    "field.meeting_action.status": {"nb": "Status", "en": "Status"},
    "field.meeting_action.measure": {"nb": "Tiltaket det ble", "en": "The measure it became"},
    "field.meeting_action.pair": {"nb": "Tiltaksparet", "en": "The pair of measures"},
    "meetings.event_title": {"nb": "Samhandlingsmøte {year}", "en": "Coordination meeting {year}"},
    "meetings.text_required": {
        "nb": "Skriv hva som er avtalt.",
        "en": "Write what was agreed.",
    },
    "meetings.lead_required": {
        "nb": "Velg hvilken aktør som leder oppfølgingen.",
        "en": "Pick the actor that leads the action.",
    },
    "meetings.action_twin": {
        "nb": "«{text}» er allerede avtalt på dette møtet.",
        "en": "“{text}” is agreed at this meeting already.",
    },
    "meetings.date_in_year": {
        "nb": "Møtet for {year} må holdes i {year}.",
        "en": "The meeting for {year} must be held in {year}.",
    },
    "meetings.actor_unknown": {
        "nb": "En av de inviterte aktørene finnes ikke lenger.",
        "en": "One of the invited actors no longer exists.",
    },
    "meetings.unknown": {"nb": "Møtet finnes ikke.", "en": "The meeting does not exist."},
    "meetings.action_unknown": {
        "nb": "Den avtalte oppfølgingen finnes ikke.",
        "en": "The agreed action does not exist.",
    },
    "meetings.not_a_measure": {
        "nb": "Bare en oppfølging av typen «Nytt tiltak» kan bli et tiltak.",
        "en": "Only an action of the kind “New measure” can become a measure.",
    },
    "meetings.measure_made": {
        "nb": "Denne oppfølgingen er allerede blitt et tiltak.",
        "en": "This action has become a measure already.",
    },
    "meetings.not_a_clarification": {
        "nb": "Bare en oppfølging av typen «Avklaring av overlapp» avgjør et tiltakspar.",
        "en": "Only an action of the kind “Overlap to settle” decides a pair of measures.",
    },
    "meetings.not_prepared": {
        "nb": "Møtet for {year} er ikke forberedt ennå.",
        "en": "The meeting for {year} is not prepared yet.",
    },
    "pack.cover": {"nb": "Forside", "en": "Cover"},
    "pack.file_name": {"nb": "Møtepakke samhandlingsmøte {year}", "en": "Meeting pack {year}"},
    "pack.agenda": {"nb": "Dagsorden", "en": "Agenda"},
    "pack.agenda.welcome": {
        "nb": "Velkommen, og hva møtet skal ende med",
        "en": "Welcome, and what the meeting should end with",
    },
    "pack.agenda.previous": {
        "nb": "Oppfølging fra i fjor: hva er gjort, hva står igjen",
        "en": "Last year's actions: what is done, what is left",
    },
    "pack.agenda.actors": {
        "nb": "Aktørene: strategi, satsingsområder, årshjul, virkemidler og samarbeid",
        "en": "The actors: strategy, focus areas, annual wheel, instruments and cooperation",
    },
    "pack.agenda.overlaps": {
        "nb": "Mulige overlapp og uklare roller som bør avklares",
        "en": "Possible overlaps and unclear roles to settle",
    },
    "pack.agenda.calendar": {
        "nb": "Felles aktiviteter og arrangementer i året som kommer",
        "en": "Shared activities and events in the year ahead",
    },
    "pack.agenda.actions": {
        "nb": "Avtalt oppfølging: hvem gjør hva",
        "en": "Agreed actions: who does what",
    },
    "pack.agenda.other": {"nb": "Eventuelt", "en": "Any other business"},
    "pack.col.number": {"nb": "Sak", "en": "Item"},
    "pack.col.item": {"nb": "Tema", "en": "Topic"},
    "pack.previous": {
        "nb": "Avtalt oppfølging fra forrige møte",
        "en": "Actions agreed at the last meeting",
    },
    "pack.overlaps": {
        "nb": "Mulige overlapp å avklare",
        "en": "Possible overlaps to settle",
    },
    "pack.matrix": {
        "nb": "Hvem gjør hva: trange og tomme ruter",
        "en": "Who does what: crowded and empty cells",
    },
    "pack.matrix_sheet": {"nb": "Hvem gjør hva", "en": "Who does what"},
    "pack.col.why": {"nb": "Hvorfor de ligner", "en": "Why they look alike"},
    "pack.profile": {"nb": "Profil", "en": "Profile"},
    "pack.col.field": {"nb": "Felt", "en": "Field"},
    "pack.col.value": {"nb": "Innhold", "en": "Content"},
    "pack.plan_themes": {
        "nb": "Planens satsingsområder: {themes}",
        "en": "The plan's themes: {themes}",
    },
    "pack.events": {
        "nb": "Årshjulet i år: hendelser og søknadsfrister",
        "en": "This year's annual wheel: events and deadlines",
    },
    "pack.col.event": {"nb": "Hendelse", "en": "Event"},
    "pack.measures": {"nb": "Tiltakenes status", "en": "The measures' status"},
    "pack.col.role": {"nb": "Rolle", "en": "Role"},
    "pack.role.lead": {"nb": "Leder", "en": "Lead"},
    "pack.role.partner": {"nb": "Partner", "en": "Partner"},
    "page.meeting": {"nb": "Samhandlingsmøte", "en": "Coordination meeting"},
    "meetings.intro": {
        "nb": "Nettverkets årlige fysiske møte tidlig på året, for å koordinere og planlegge "
        "aktiviteter og arrangementer: dato og sted (også i årshjulet), hvem som er invitert, "
        "møtepakken, og det som ble avtalt.",
        "en": "The network's yearly meeting early in the year, to coordinate and plan "
        "activities and events: date and place (in the annual wheel too), who is invited, "
        "the meeting pack, and what was agreed.",
    },
    "meetings.year": {"nb": "Møteår", "en": "Meeting year"},
    "meetings.no_actions": {"nb": "Ingen avtalt oppfølging.", "en": "No agreed actions."},
    "meetings.agreed": {"nb": "Avtalt på dette møtet", "en": "Agreed at this meeting"},
    "meetings.download_docx": {
        "nb": "Last ned møtepakken (DOCX)",
        "en": "Download the pack (DOCX)",
    },
    "meetings.download_pdf": {"nb": "Last ned møtepakken (PDF)", "en": "Download the pack (PDF)"},
    "meetings.prepare": {"nb": "Forbered møtet", "en": "Prepare the meeting"},
    "meetings.save": {"nb": "Lagre møtet", "en": "Save the meeting"},
    "meetings.saved": {
        "nb": "Samhandlingsmøtet {year} er lagret, også i årshjulet.",
        "en": "The coordination meeting {year} is saved, in the annual wheel too.",
    },
    "meetings.new_action": {"nb": "Ny avtalt oppfølging", "en": "New agreed action"},
    "meetings.save_action": {"nb": "Lagre oppfølgingen", "en": "Save the action"},
    "meetings.action_saved": {"nb": "«{text}» er lagret.", "en": "“{text}” is saved."},
    "meetings.pick_action": {"nb": "Oppfølging", "en": "Action"},
    "meetings.mark": {"nb": "Sett status: {status}", "en": "Set status: {status}"},
    "meetings.status_saved": {"nb": "Statusen er lagret.", "en": "The status is saved."},
    "meetings.save_minutes": {"nb": "Lagre referatet", "en": "Save the minutes"},
    "meetings.minutes_saved": {"nb": "Referatet er lagret.", "en": "The minutes are saved."},
    "meetings.follow_up": {"nb": "Følg opp", "en": "Carry out"},
    "meetings.make_measure": {"nb": "Gjør til tiltak", "en": "Make it a measure"},
    "meetings.measure_made_note": {
        "nb": "Tiltaket er laget, og oppfølgingen er utført.",
        "en": "The measure is made, and the action is done.",
    },
    "meetings.no_pairs": {
        "nb": "Ingen åpne overlapp å avklare.",
        "en": "No open overlaps to settle.",
    },
    "meetings.settle": {"nb": "Lagre avklaringen", "en": "Save the decision"},
    "meetings.settled": {
        "nb": "Avklaringen er lagret, og oppfølgingen er utført.",
        "en": "The decision is saved, and the action is done.",
    },
}
