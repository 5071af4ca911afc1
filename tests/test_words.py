"""The vocabulary behind the words the pages show: the overlap finder's kinds of
work and target groups have labels in both languages, and its reasons are a
sentence of the UI's language."""

from __future__ import annotations

import pandas as pd
import pytest

from tracker import i18n
from tracker.matching.score import concept_key, concept_label, reasons
from tracker.matching.similarity import CONCEPTS, TARGET_GROUPS

NAMES = sorted({*CONCEPTS, *TARGET_GROUPS.values()})


@pytest.mark.parametrize("name", NAMES)
def test_every_concept_and_target_group_has_a_label(name: str) -> None:
    assert concept_key(name) in i18n.CATALOGUE
    assert concept_label(name, "nb").replace("tjeneste", "") == name.replace("-", "")


def test_a_free_tag_stays_as_written() -> None:
    assert concept_label("Fiskere i Senja", "en") == "Fiskere i Senja"


def pair(**fields: object) -> pd.Series:
    base = {
        "same_theme": True, "overlap_from": "2024-Q1", "overlap_to": "2026-Q4", "text": 0.15,
        "activities": ("rekruttering",), "groups": ("skoler og ungdom",),
    }  # fmt: skip
    return pd.Series({**base, **fields})


def test_the_reasons_speak_english_in_the_english_ui() -> None:
    assert reasons(pair(), "en") == (
        "same theme, overlap in 2024–2026, 0.15 text similarity, both about recruitment, "
        "both target schools and young people"
    )


def test_the_reasons_speak_bokmal_in_the_norwegian_ui() -> None:
    assert reasons(pair(), "nb") == (
        "samme tema, overlapper i 2024–2026, 0,15 teksttreff, begge gjelder rekruttering, "
        "begge retter seg mot skoler og ungdom"
    )
