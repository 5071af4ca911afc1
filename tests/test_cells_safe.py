"""The one rule for text in a spreadsheet cell (OWASP's CSV injection advice): each
part a spreadsheet could run (the value, or what follows a `;` or `,`) gets a
leading ', and the importer takes exactly that ' off again."""

from __future__ import annotations

import pytest

from tracker.cells_safe import looks_like_formula, neutralised, unneutralised

SAFE = {
    "=1+1": "'=1+1",
    "+1": "'+1",
    "-1+1": "'-1+1",
    "@SUM(A1)": "'@SUM(A1)",
    "\t=1": "'\t=1",
    "\r=1": "'\r=1",
    '=HYPERLINK("http://x","y")': '\'=HYPERLINK("http://x","y")',
    "ok;=1+1": "ok;'=1+1",
    "ok,=1+1": "ok,'=1+1",
    "ok;@x": "ok;'@x",
    "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
    "Kupa; -5 %": "Kupa; '-5 %",
    "a, \t+1": "a, '\t+1",
    "=1;+2,@3": "'=1;'+2,'@3",
}
HARMLESS = ("Kupa", "5 %", "2024–2026", "Kupa; NAV", "a-b", "e-post: a@b.no", "", "'quoted")


@pytest.mark.parametrize(("payload", "safe"), SAFE.items())
def test_each_part_with_a_formula_start_gets_a_quote_and_reads_back(
    payload: str, safe: str
) -> None:
    assert looks_like_formula(payload)
    assert neutralised(payload) == safe
    assert unneutralised(safe) == payload


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_text_is_left_as_it_is(text: str) -> None:
    assert not looks_like_formula(text)
    assert neutralised(text) == text
    assert unneutralised(text) == text


@pytest.mark.parametrize("number", (-5, -2.5, 0, 7))
def test_numbers_stay_numbers(number: float) -> None:
    assert neutralised(number) == number


@pytest.mark.parametrize(
    ("text", "safe"),
    (("'=1+1", "''=1+1"), ("''=1+1", "'''=1+1"), ("ok;'=1", "ok;''=1"), ("'-5 %", "''-5 %")),
)
def test_a_stored_quote_before_a_formula_survives_the_round_trip(text: str, safe: str) -> None:
    assert neutralised(text) == safe
    assert unneutralised(safe) == text


def test_a_quote_we_did_not_add_is_kept() -> None:
    assert unneutralised("'Kupa; 'NAV") == "'Kupa; 'NAV"
