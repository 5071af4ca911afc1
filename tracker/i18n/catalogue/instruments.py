"""Texts of the instruments (virkemidler): the catalogue of what the network's actors
offer, the page that searches it, the form its actors keep it in, and what the
services refuse."""

from __future__ import annotations

INSTRUMENT_MESSAGES: dict[str, dict[str, str]] = {
    "entity.instrument": {"nb": "Virkemiddel", "en": "Instrument"},
    "page.instruments": {"nb": "Virkemidler", "en": "Instruments"},
    "instruments.intro": {
        "nb": "Hva nettverkets aktører tilbyr: tilskudd, lån, rådgivning, kurs, nettverk, "
        "arenaer, lokaler og kapital — for hvem, hvor mye, hvordan man søker og innen når.",
        "en": "What the network's actors offer: grants, loans, advice, courses, networks, "
        "arenas, premises and capital — for whom, how much, how to apply and by when.",
    },
    "instruments.search": {"nb": "Søk", "en": "Search"},
    "instruments.search_help": {
        "nb": "Ord i navn, beskrivelse, bransje, beløp eller aktør, f.eks. «sjømat oppstart».",
        "en": "Words in the name, description, industry, amount or actor, e.g. “seafood start-up”.",
    },
    "instruments.deadline_before": {"nb": "Frist før", "en": "Deadline before"},
    "instruments.deadline_before_help": {
        "nb": "Virkemidler med neste frist innen denne datoen, og de uten frist (løpende).",
        "en": "Instruments whose next deadline is by this date, and those without one "
        "(applications all year).",
    },
    "instruments.count.one": {"nb": "{count} virkemiddel", "en": "{count} instrument"},
    "instruments.count.other": {"nb": "{count} virkemidler", "en": "{count} instruments"},
    "instruments.none": {
        "nb": "Ingen virkemidler passer søket.",
        "en": "No instrument fits the search.",
    },
    "instruments.col.name": {"nb": "Virkemiddel", "en": "Instrument"},
    "instruments.col.kind": {"nb": "Type", "en": "Kind"},
    "instruments.col.for": {"nb": "For hvem", "en": "For whom"},
    "instruments.col.amount": {"nb": "Beløp", "en": "Amount"},
    "instruments.col.next_deadline": {"nb": "Neste frist", "en": "Next deadline"},
    "instruments.col.link": {"nb": "Søk her", "en": "Apply here"},
    "instruments.open": {"nb": "Løpende", "en": "All year"},
    "instruments.detail": {"nb": "Om virkemiddelet", "en": "About the instrument"},
    "instruments.pick": {"nb": "Velg et virkemiddel", "en": "Pick an instrument"},
    "instruments.deadlines": {"nb": "Søknadsfrister", "en": "Application deadlines"},
    "instruments.yearly": {"nb": "hvert år", "en": "every year"},
    "instruments.deadline_title": {"nb": "Søknadsfrist: {name}", "en": "Deadline: {name}"},
    "instruments.keep": {
        "nb": "Registrer og endre virkemidler",
        "en": "Add and change instruments",
    },
    "instruments.edit_pick": {"nb": "Virkemiddel", "en": "Instrument"},
    "instruments.new": {"nb": "Nytt virkemiddel", "en": "New instrument"},
    "instruments.deadlines_help": {
        "nb": "Én rad per frist; kryss av for «Hvert år» når fristen går igjen. Tøm en rad for "
        "å fjerne den.",
        "en": "One row per deadline; tick “Every year” when it comes back. Empty a row to "
        "remove it.",
    },
    "instruments.field.due": {"nb": "Frist", "en": "Deadline"},
    "instruments.field.yearly": {"nb": "Hvert år", "en": "Every year"},
    "instruments.save": {"nb": "Lagre virkemiddelet", "en": "Save the instrument"},
    "instruments.saved": {"nb": "«{name}» er lagret.", "en": "“{name}” is saved."},
    "instruments.delete": {"nb": "Slett virkemiddelet", "en": "Delete the instrument"},
    "instruments.deleted": {"nb": "«{name}» er slettet.", "en": "“{name}” is deleted."},
    "instruments.read_only": {
        "nb": "Søknadsfristene til virkemidlene vises her, men endres på siden Virkemidler.",
        "en": "The instruments' application deadlines show here, but are changed on the "
        "Instruments page.",
    },
    "field.instrument.name": {"nb": "Navn", "en": "Name"},
    "field.instrument.kind": {"nb": "Type", "en": "Kind"},
    "field.instrument.description": {"nb": "Beskrivelse", "en": "Description"},
    "field.instrument.target_groups": {"nb": "Målgrupper", "en": "Target groups"},
    "field.instrument.stages": {"nb": "Fase", "en": "Stage"},
    "field.instrument.industries": {"nb": "Bransjer", "en": "Industries"},
    "field.instrument.amount": {"nb": "Beløp eller ramme", "en": "Amount or range"},
    "field.instrument.link": {"nb": "Slik søker du (lenke)", "en": "How to apply (link)"},
    "field.instrument.deadlines": {"nb": "Søknadsfrister", "en": "Application deadlines"},
    "instruments.industries_help": {
        "nb": "Skill med semikolon: «sjømat; havbruk».",
        "en": "Separate with semicolons: “seafood; aquaculture”.",
    },
    "instruments.not_yours": {
        "nb": "Du kan bare endre virkemidlene til din egen aktør.",
        "en": "You can only change your own actor's instruments.",
    },
    "instruments.not_found": {
        "nb": "Fant ikke virkemiddelet (id {id}); det kan være slettet.",
        "en": "The instrument (id {id}) was not found; it may have been deleted.",
    },
    "instruments.actor_unknown": {
        "nb": "Aktøren finnes ikke.",
        "en": "The actor does not exist.",
    },
    "instruments.name_required": {
        "nb": "Virkemiddelet trenger et navn.",
        "en": "The instrument needs a name.",
    },
    "instruments.duplicate": {
        "nb": "Aktøren har allerede et virkemiddel som heter «{name}».",
        "en": "The actor already has an instrument called “{name}”.",
    },
    "instruments.link_invalid": {
        "nb": "Lenken må begynne med http:// eller https://.",
        "en": "The link must start with http:// or https://.",
    },
    "instruments.target_groups_unknown": {
        "nb": "«{value}» er ikke en av målgruppene.",
        "en": "“{value}” is not one of the target groups.",
    },
    "instruments.stages_unknown": {
        "nb": "«{value}» er ikke en av fasene (idé, oppstart, vekst, etablert).",
        "en": "“{value}” is not one of the stages (idea, start-up, growth, established).",
    },
    "instruments.too_many_deadlines": {
        "nb": "Høyst {most} søknadsfrister per virkemiddel.",
        "en": "At most {most} application deadlines per instrument.",
    },
    "import.bad_choice": {
        "nb": "«{value}» er ikke et av valgene: {choices}.",
        "en": "“{value}” is not one of the choices: {choices}.",
    },
    "instruments.changed_meanwhile": {
        "nb": "Noen andre lagret «{name}» mens du skrev. Last siden på nytt for å se hva som "
        "er lagret, og gjør endringen din igjen.",
        "en": "Someone else saved “{name}” while you were writing. Reload the page to see what "
        "is stored, and make your change again.",
    },
}
