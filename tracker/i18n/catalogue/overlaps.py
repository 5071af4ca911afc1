"""The texts of the overlap and interest-conflict finder (page Samordning), merged
into tracker.i18n.CATALOGUE."""

from __future__ import annotations

OVERLAP_MESSAGES: dict[str, dict[str, str]] = {
    "page.coordination": {"nb": "Samordning", "en": "Coordination"},
    "entity.overlap": {"nb": "Overlapp", "en": "Overlap"},
    "overlapverdict.ikke_overlapp": {"nb": "Ikke overlapp", "en": "No overlap"},
    "overlapverdict.samarbeid": {
        "nb": "Samarbeid – felles eierskap",
        "en": "Cooperate – joint ownership",
    },
    "overlapverdict.sla_sammen": {"nb": "Slå sammen", "en": "Merge"},
    "overlapverdict.avklar_roller": {"nb": "Avklar roller", "en": "Clarify roles"},
    "overlap.reason.theme": {"nb": "samme tema", "en": "same theme"},
    "overlap.reason.period": {"nb": "overlapper i {span}", "en": "overlap in {span}"},
    "overlap.reason.text": {"nb": "{value} teksttreff", "en": "{value} text similarity"},
    "overlap.reason.work": {"nb": "begge gjelder {work}", "en": "both about {work}"},
    "overlap.reason.groups": {
        "nb": "begge retter seg mot {groups}",
        "en": "both target {groups}",
    },
    "overlap.same_measure": {
        "nb": "Et tiltak kan ikke overlappe seg selv.",
        "en": "A measure cannot overlap itself.",
    },
    "overlap.bad_verdict": {
        "nb": "Velg en av beslutningene i listen.",
        "en": "Choose one of the decisions in the list.",
    },
    "overlap.no_decision": {
        "nb": "Paret har ingen beslutning å angre.",
        "en": "The pair has no decision to take back.",
    },
    # page Samordning
    "coord.intro": {
        "nb": "Par av tiltak med ulike ansvarlige som ser ut til å gjøre det samme arbeidet "
        "for de samme målgruppene – mulige overlapp og interessekonflikter. Hvert par viser "
        "hvorfor det er med. Når et par er avgjort, forsvinner det fra listen og "
        "beslutningen vises på begge tiltakene.",
        "en": "Pairs of measures with different lead actors that seem to do the same work for "
        "the same target groups – possible overlaps and conflicts of interest. Each pair "
        "shows why it is listed. Once a pair is decided it leaves the list, and the decision "
        "shows on both measures.",
    },
    "coord.scope": {"nb": "Sammenlign", "en": "Compare"},
    "coord.scope.plan": {"nb": "Tiltak i denne planen", "en": "Measures in this plan"},
    "coord.scope.all": {"nb": "Tiltak i alle planer", "en": "Measures in all plans"},
    "coord.threshold": {"nb": "Minste poengsum", "en": "Lowest score"},
    "coord.threshold_help": {
        "nb": "Lavere verdi gir flere par å se på; standard er {value}.",
        "en": "A lower value gives more pairs to look at; the default is {value}.",
    },
    "coord.best_shown": {
        "nb": "Viser de {shown} med høyest poengsum. Hev terskelen for å se færre.",
        "en": "Showing the {shown} with the highest score. Raise the threshold to see fewer.",
    },
    "coord.yours": {
        "nb": "Du ser parene der {actor} er ansvarlig eller partner.",
        "en": "You see the pairs where {actor} leads or is a partner.",
    },
    "coord.none": {
        "nb": "Ingen uavklarte par over terskelen.",
        "en": "No undecided pairs above the threshold.",
    },
    "instrument_pair.reason.kind": {"nb": "samme type: {kind}", "en": "same kind: {kind}"},
    "instrument_pair.reason.groups": {
        "nb": "felles målgrupper: {groups}",
        "en": "shared target groups: {groups}",
    },
    "instrument_pair.reason.stages": {
        "nb": "felles faser: {stages}",
        "en": "shared stages: {stages}",
    },
    "coord.instruments": {
        "nb": "Virkemidler som kan overlappe",
        "en": "Instruments that may overlap",
    },
    "coord.instruments_intro": {
        "nb": "Virkemidler fra ulike aktører, av samme type, for minst én felles målgruppe; "
        "par som deler en fase, står først. Bare til oversikt: her tas ingen beslutninger.",
        "en": "Instruments from different actors, of one kind, for at least one shared "
        "target group; pairs that share a stage come first. For overview only: no decisions "
        "are taken here.",
    },
    "coord.instruments_none": {
        "nb": "Ingen virkemidler fra ulike aktører av samme type for samme målgruppe.",
        "en": "No instruments from different actors of one kind for a shared target group.",
    },
    "coord.col.instrument": {"nb": "Virkemiddel", "en": "Instrument"},
    "coord.col.instrument_other": {"nb": "Kan overlappe med", "en": "May overlap with"},
    "coord.col.in_common": {"nb": "Til felles", "en": "In common"},
    "coord.col.score": {"nb": "Poeng", "en": "Score"},
    "coord.col.first": {"nb": "Tiltak", "en": "Measure"},
    "coord.col.second": {"nb": "Mulig overlapp med", "en": "Possible overlap with"},
    "coord.col.why": {"nb": "Hvorfor", "en": "Why"},
    "coord.col.verdict": {"nb": "Beslutning", "en": "Decision"},
    "coord.col.note": {"nb": "Notat", "en": "Note"},
    "coord.col.decided_by": {"nb": "Avgjort av", "en": "Decided by"},
    "coord.col.decided_at": {"nb": "Tidspunkt", "en": "When"},
    "coord.who_when": {
        "nb": "Ansvarlig: {lead} · {start}–{end}",
        "en": "Lead: {lead} · {start}–{end}",
    },
    "coord.no_description": {"nb": "Ingen beskrivelse.", "en": "No description."},
    "coord.why": {"nb": "Hvorfor paret er med: {reasons}", "en": "Why they are paired: {reasons}"},
    "coord.pick": {"nb": "Se nærmere på et par", "en": "Look closer at a pair"},
    "coord.verdict": {"nb": "Beslutning", "en": "Decision"},
    "coord.note": {"nb": "Notat (valgfritt)", "en": "Note (optional)"},
    "coord.save": {"nb": "Lagre beslutning", "en": "Save decision"},
    "coord.saved": {
        "nb": "Beslutningen for {pair} er lagret.",
        "en": "The decision for {pair} is saved.",
    },
    "coord.decided": {"nb": "Avgjorte par ({count})", "en": "Decided pairs ({count})"},
    "coord.no_decisions": {"nb": "Ingen par er avgjort ennå.", "en": "No pair is decided yet."},
    "coord.reopen_pick": {"nb": "Angre en beslutning", "en": "Take a decision back"},
    "coord.reopen": {"nb": "Gjenåpne paret", "en": "Reopen the pair"},
    "coord.reopened": {
        "nb": "{pair} er tilbake i listen.",
        "en": "{pair} is back on the list.",
    },
    # page Tiltak
    "measures.coordination": {"nb": "Samordning", "en": "Coordination"},
    "measures.decision": {
        "nb": "**{verdict}** med {code} {title} ({lead})",
        "en": "**{verdict}** with {code} {title} ({lead})",
    },
    "measures.decided_by": {"nb": "Avgjort av {who}, {when}", "en": "Decided by {who}, {when}"},
}
