"""The one rule for text in a spreadsheet cell (OWASP's CSV injection advice): a
value a spreadsheet could run gets a leading ', and the importer takes exactly that
' off again."""

from __future__ import annotations

import pytest

from tracker.cells_safe import neutralised, unneutralised

OWASP_PAYLOADS = (
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://x","y")',
    "ok;=1+1",
    "ok,=1+1",
    "ok;@x",
    "=cmd|' /C calc'!A0",
    "Kupa; -5 %",
    "a, \t+1",
)
HARMLESS = ("Kupa", "5 %", "2024–2026", "Kupa; NAV", "a-b", "e-post: a@b.no", "", "'quoted")


@pytest.mark.parametrize("payload", OWASP_PAYLOADS)
def test_a_formula_start_gets_a_quote_and_reads_back(payload: str) -> None:
    safe = neutralised(payload)
    assert safe == f"'{payload}"
    assert unneutralised(safe) == payload


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_text_is_left_as_it_is(text: str) -> None:
    assert neutralised(text) == text
    assert unneutralised(text) == text


@pytest.mark.parametrize("number", (-5, -2.5, 0, 7))
def test_numbers_stay_numbers(number: float) -> None:
    assert neutralised(number) == number


@pytest.mark.parametrize("text", ("'=1+1", "''=1+1", "'ok;=1", "'-5 %"))
def test_a_stored_quote_before_a_formula_survives_the_round_trip(text: str) -> None:
    safe = neutralised(text)
    assert safe == f"'{text}"
    assert unneutralised(safe) == text


def test_a_quote_we_did_not_add_is_kept() -> None:
    assert unneutralised("'Kupa") == "'Kupa"
