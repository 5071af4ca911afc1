"""Texts with a count take the form the count asks for (tracker.i18n.tn): «1 hendelse»,
«3 endringer», never «1 hendelser» or «endring(er)»."""

from __future__ import annotations

import re

import pytest

from tracker import i18n
from tracker.adapters import mail
from tracker.errors import Problem, ValidationError
from tracker.i18n import CATALOGUE, LANGUAGES, PLURALS, plural_form, tn
from tracker.service.reminders import Reminder


@pytest.mark.parametrize(
    ("count", "lang", "text"),
    [
        (0, "nb", "0 hendelser i 2026."),
        (1, "nb", "1 hendelse i 2026."),
        (2, "nb", "2 hendelser i 2026."),
        (0, "en", "0 events in 2026."),
        (1, "en", "1 event in 2026."),
        (2, "en", "2 events in 2026."),
        (1234, "nb", "1 234 hendelser i 2026."),
        (1234, "en", "1,234 events in 2026."),
    ],
)
def test_tn_picks_the_form_for_the_count(count: int, lang: str, text: str) -> None:
    assert tn("wheel.count", count, lang, year=2026) == text


@pytest.mark.parametrize(
    ("count", "nb", "en"),
    [
        (0, "Importert: 0 endringer er lagret.", "Imported: 0 changes saved."),
        (1, "Importert: 1 endring er lagret.", "Imported: 1 change saved."),
        (2, "Importert: 2 endringer er lagret.", "Imported: 2 changes saved."),
    ],
)
def test_the_import_counts_its_changes(count: int, nb: str, en: str) -> None:
    assert tn("adminpage.imported", count, "nb") == nb
    assert tn("adminpage.imported", count, "en") == en


def test_one_is_the_only_singular() -> None:
    assert [plural_form(n) for n in (0, 1, 2, 5, 21, 1.5)] == ["other", "one"] + ["other"] * 4


def test_tn_refuses_a_key_without_forms() -> None:
    with pytest.raises(KeyError):
        tn("report.saved", 1, "nb")
    with pytest.raises(KeyError):
        i18n.t("wheel.count", "nb", count=1, year=2026)  # the stem is no text of its own


@pytest.mark.parametrize("count", [0, 1, 2])
def test_a_problem_with_a_count_takes_its_form(count: int) -> None:
    problem = Problem("admin.measure_has_history", {"code": "1.2", "count": count})
    nb, en = problem.text("nb"), problem.text("en")
    assert ("1 statusrapport " in nb) == (count == 1)
    assert (f"{count} statusrapporter " in nb) == (count != 1)
    assert ("1 status report " in en) == (count == 1)
    assert (f"{count} status reports " in en) == (count != 1)
    error = ValidationError.of("admin.used_by_reports", name="Kupa", count=count)
    assert error.text("en").endswith("report." if count == 1 else "reports.")


def test_the_reminder_mail_counts_its_measures() -> None:
    one = Reminder(actor_id=1, actor="Kupa", quarter="2026-Q3", measures=("1.2 Gründerhus",),
                   recipients=())  # fmt: skip
    text = mail.body(one, "en")
    assert "on 1 measure you lead:" in text and "(s)" not in text


def test_no_text_says_its_plural_in_brackets() -> None:
    """«(er)», «(e)», «(s)»: the count picks the form instead (tn)."""
    bracketed = re.compile(r"\w\((?:er|e|r|s|es)\)")
    found = [
        f"{key} ({lang}): {entry[lang]}"
        for key, entry in CATALOGUE.items()
        for lang in LANGUAGES
        if bracketed.search(entry[lang])
    ]
    assert not found, "\n".join(found)


def test_the_counted_texts_are_plural_keys() -> None:
    """Every text that puts a number before a noun it counts is a plural key. The
    remaining {count}s stand in brackets as a tally («Kollisjoner (3)»)."""
    counted = re.compile(r"\{count\} [a-zæøå]")
    found = [key for key, entry in CATALOGUE.items() if counted.search(entry["en"])]
    assert found
    assert [key for key in found if key.rpartition(".")[0] not in PLURALS] == []
