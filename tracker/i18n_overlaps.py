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
    "overlap.reason.period": {"nb": "{span} overlapper", "en": "{span} overlap"},
    "overlap.reason.text": {"nb": "{value} teksttreff", "en": "{value} text similarity"},
    "overlap.reason.groups": {
        "nb": "begge retter seg mot {groups}",
        "en": "both target {groups}",
    },
    "overlap.note_too_long": {
        "nb": "Notatet kan være høyst {limit} tegn.",
        "en": "The note can be at most {limit} characters.",
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
}
