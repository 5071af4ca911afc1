"""The message catalogue and the number/date formats, bokmål and English."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime
from enum import StrEnum

import pytest

from tracker import i18n
from tracker.errors import Problem, ValidationError
from tracker.i18n import (
    CATALOGUE,
    LANGUAGES,
    catalogue,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    label,
    label_key,
    t,
)
from tracker.vocab import VOCABULARIES, Rag, Status

MEMBERS: list[StrEnum] = [member for enum in VOCABULARIES for member in enum]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_languages() -> None:
    assert LANGUAGES[0] == "nb"  # bokmål first
    assert set(LANGUAGES) == {"nb", "en"}
    assert i18n.DEFAULT_LANG == "nb"


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.value}")
def test_every_vocabulary_member_has_a_label_in_every_language(member: StrEnum) -> None:
    key = label_key(member)
    assert key in CATALOGUE, f"no label for {key}"
    for lang in LANGUAGES:
        text = CATALOGUE[key].get(lang, "")
        assert text.strip(), f"{key} has no {lang} label"
        assert label(member, lang) == text


def test_vocabularies_cover_the_design() -> None:
    names = {enum.__name__ for enum in VOCABULARIES}
    assert {"Status", "Rag", "Role"} <= names


@pytest.mark.parametrize(
    ("member", "nb", "en"),
    [
        (Status.NOT_STARTED, "Ikke startet", "Not started"),
        (Status.IN_PROGRESS, "Pågår", "In progress"),
        (Status.COMPLETED, "Fullført", "Completed"),
        (Status.POSTPONED, "Utsatt", "Postponed"),
        (Status.CANCELLED, "Avbrutt", "Cancelled"),
        (Rag.GREEN, "I rute", "On track"),
        (Rag.YELLOW, "Risiko", "At risk"),
        (Rag.RED, "Alvorlig avvik", "Off track"),
    ],
)
def test_labels_from_the_design(member: StrEnum, nb: str, en: str) -> None:
    assert label(member) == nb  # bokmål by default
    assert label(member, "nb") == nb
    assert label(member, "en") == en


def test_labels_differ_within_a_vocabulary() -> None:
    for enum in VOCABULARIES:
        for lang in LANGUAGES:
            texts = [label(member, lang) for member in enum]
            assert len(set(texts)) == len(texts), (enum.__name__, lang)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_catalogue_entry_complete_and_consistent(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
    for lang in LANGUAGES:
        assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key}/{lang} is empty"
    expected = placeholders(entry[LANGUAGES[0]])
    for lang in LANGUAGES[1:]:
        assert placeholders(entry[lang]) == expected, f"{key}: {lang} placeholders differ"
    # It can be filled in with its own placeholders.
    params = dict.fromkeys(expected, "X")
    for lang in LANGUAGES:
        t(key, lang, **params)


def test_t_fills_placeholders() -> None:
    assert t("report.period_closed", "nb", period="2025-Q4") == (
        "Kvartalet 2025-Q4 er lukket. Be kommunen åpne det igjen."
    )
    assert "2025-Q4" in t("report.period_closed", "en", period="2025-Q4")


def test_t_unknown_key() -> None:
    with pytest.raises(KeyError):
        t("no.such.key", "nb")


def test_t_unknown_language_falls_back_to_bokmal() -> None:
    assert t("status.completed", "se") == "Fullført"


def test_errors_speak_the_users_language() -> None:
    error = ValidationError(
        Problem("report.progress_range", field="progress"),
        Problem("report.period_closed", {"period": "2025-Q4"}, "period"),
    )
    assert error.text("nb").splitlines() == [
        t("report.progress_range", "nb"),
        t("report.period_closed", "nb", period="2025-Q4"),
    ]
    assert "2025-Q4" in error.text("en")
    assert error.text("nb") != error.text("en")


def test_problem_with_a_row() -> None:
    problem = Problem("report.progress_range", row=7, field="Fremdrift")
    nb = problem.text("nb")
    assert nb.startswith(t("import.where_row_column", "nb", row=7, column="Fremdrift"))
    assert nb.endswith(t("report.progress_range", "nb"))


# --- numbers and dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "nb", "en"),
    [
        (1234.5, 1, "1 234,5", "1,234.5"),
        (1234567, 0, "1 234 567", "1,234,567"),
        (0.25, 2, "0,25", "0.25"),
        (42, 0, "42", "42"),
        (-1500.75, 2, "-1 500,75", "-1,500.75"),
        (None, 0, "–", "–"),
        (float("nan"), 1, "–", "–"),
    ],
)
def test_format_number(value: float | None, decimals: int, nb: str, en: str) -> None:
    assert format_number(value, "nb", decimals) == nb
    assert format_number(value, "en", decimals) == en


def test_format_number_defaults_to_bokmal() -> None:
    assert format_number(2.5, decimals=1) == "2,5"


def test_format_percent() -> None:
    assert format_percent(42.5, "nb", 1) == "42,5\u00a0%"  # a no-break space: never apart
    assert format_percent(42.5, "en", 1) == "42.5%"
    assert format_percent(70, "nb") == "70\u00a0%"
    assert format_percent(3, "en") == "3%"
    assert format_percent(None, "nb") == "–"


def test_format_date() -> None:
    day = date(2025, 3, 7)
    assert format_date(day, "nb") == "07.03.2025"
    assert format_date(day, "en") == "2025-03-07"
    assert format_date(None) == "–"


def test_format_date_of_a_moment_is_the_oslo_date() -> None:
    new_year = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January in Oslo
    assert format_date(new_year, "nb") == "01.01.2026"
    assert format_date(new_year, "en") == "2026-01-01"


def test_format_datetime() -> None:
    moment = datetime(2025, 7, 1, 10, 5, tzinfo=UTC)  # summer time: 12:05 in Oslo
    assert format_datetime(moment, "nb") == "01.07.2025 kl. 12:05"
    assert "12:05" in format_datetime(moment, "en")
    assert format_datetime(None, "nb") == "–"


def test_no_key_is_in_two_parts_of_the_catalogue() -> None:
    """The catalogue is merged from several modules; a key in two would silently
    take the later one's text."""
    keys = [key for part in catalogue.PARTS.values() for key in part]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    assert len(i18n.CATALOGUE) == len(keys)


def test_merging_refuses_a_key_that_two_parts_define() -> None:
    one = {"x.same": {"nb": "En", "en": "One"}}
    other = {"x.same": {"nb": "To", "en": "Two"}, "x.own": {"nb": "Egen", "en": "Own"}}
    with pytest.raises(ValueError, match=r"x\.same is in both one\.py and other\.py"):
        catalogue.merged({"one": one, "other": other})
    assert catalogue.merged({"one": one}) == one
