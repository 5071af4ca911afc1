"""Unit tests of the importer's cell parsers (tracker/planfile/values.py) and of
file reading and header matching (tracker/planfile/read.py). No database."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.planfile import sheets
from tracker.planfile.read import (
    MAX_FILE_BYTES,
    cell_text,
    normalise,
    read_bytes,
    sheet_for_name,
)
from tracker.planfile.values import (
    parse_bound,
    parse_period,
    parse_progress,
    parse_rag,
    parse_status,
    parse_weight,
    parse_yes,
    split_list,
    split_names,
)
from tracker.quarters import Quarter
from tracker.vocab import Rag, Status

Q = Quarter.parse
PLAN = (2024, 2028)


# --- periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", "2024-Q1", "2024-Q4"),
        (" 2026 ", "2026-Q1", "2026-Q4"),
        ("2024–2026", "2024-Q1", "2026-Q4"),  # en dash, as Word and Excel write it
        ("2024 – 2026", "2024-Q1", "2026-Q4"),
        ("2024—2026", "2024-Q1", "2026-Q4"),  # em dash
        ("2024-2026", "2024-Q1", "2026-Q4"),
        ("2024 - 2026", "2024-Q1", "2026-Q4"),
        ("2024/2025", "2024-Q1", "2025-Q4"),
        ("2024 til 2026", "2024-Q1", "2026-Q4"),
        ("2025-Q2", "2025-Q2", "2025-Q2"),
        ("2025-q2", "2025-Q2", "2025-Q2"),
        ("2025Q2", "2025-Q2", "2025-Q2"),
        ("2025-K3", "2025-Q3", "2025-Q3"),  # K for kvartal
        ("2025-Q2–2026-Q1", "2025-Q2", "2026-Q1"),
        ("2025-Q2 - 2026-Q1", "2025-Q2", "2026-Q1"),
        ("2025-Q2-2026-Q1", "2025-Q2", "2026-Q1"),
        ("2025-Q3–2027", "2025-Q3", "2027-Q4"),
        ("2025–2026-Q2", "2025-Q1", "2026-Q2"),
    ],
)
def test_parse_period_written_forms(text: str, start: str, end: str) -> None:
    assert parse_period(text, *PLAN) == (Q(start), Q(end))


@pytest.mark.parametrize(
    "text", ["Løpende", "løpende", "LØPENDE", "  Løpende  ", "Lopende", "Hele perioden", "ongoing"]
)
def test_ongoing_means_the_whole_plan_period(text: str) -> None:
    assert parse_period(text, *PLAN) == (Q("2024-Q1"), Q("2028-Q4"))


def test_ongoing_with_decomposed_unicode_is_still_ongoing() -> None:
    decomposed = unicodedata.normalize("NFD", "Løpende")
    assert parse_period(decomposed, 2020, 2021) == (Q("2020-Q1"), Q("2021-Q4"))


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_period_means_the_whole_plan_period(text: str) -> None:
    assert parse_period(text, 2025, 2030) == (Q("2025-Q1"), Q("2030-Q4"))


@pytest.mark.parametrize(
    "text",
    [
        "neste år",
        "24-26",
        "2025-Q5",
        "20245",
        "snart",
        "vinter 2025",  # which winter: January 2025 or December?
        "2024-20",  # a two-digit end before the start is no range
        "5. kvartal 2025",
        "3. halvår 2025",
        "32.13.2025",
        "Q2",
        "høst",
        "Q1 - Q2",
        "(2025)",
        "2024 eller 2025",
    ],
)
def test_bad_period_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_period$"):
        parse_period(text, *PLAN)


def test_period_range_backwards_is_parsed_as_written() -> None:
    # The importer (not the parser) reports an end before the start.
    start, end = parse_period("2026–2024", *PLAN)
    assert end < start


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2025", False, "2025-Q1"),
        ("2025", True, "2025-Q4"),
        ("2025-Q3", False, "2025-Q3"),
        ("2025-Q3", True, "2025-Q3"),
        (" 2026-q2 ", True, "2026-Q2"),
    ],
)
def test_start_and_end_bounds(text: str, end: bool, expected: str) -> None:
    assert parse_bound(text, end=end) == Q(expected)


@pytest.mark.parametrize("text", ["", "2025-Q0", "2025/26", "2024–2026", "vinter 2025"])
def test_bad_bound_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_period$"):
        parse_bound(text, end=False)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # quarters written the ways people write them
        ("Q2 2025", "2025-Q2", "2025-Q2"),
        ("q2 2025", "2025-Q2", "2025-Q2"),
        ("Q2-2025", "2025-Q2", "2025-Q2"),
        ("K2 2025", "2025-Q2", "2025-Q2"),
        ("2025 Q2", "2025-Q2", "2025-Q2"),
        ("2025 K2", "2025-Q2", "2025-Q2"),
        ("2. kvartal 2025", "2025-Q2", "2025-Q2"),
        ("2.kvartal 2025", "2025-Q2", "2025-Q2"),
        ("2 kvartal 2025", "2025-Q2", "2025-Q2"),
        ("2. Kvartal 2025", "2025-Q2", "2025-Q2"),
        ("2. kv. 2025", "2025-Q2", "2025-Q2"),
        ("andre kvartal 2025", "2025-Q2", "2025-Q2"),
        ("4th quarter 2025", "2025-Q4", "2025-Q4"),
        # seasons and halves of the year
        ("vår 2025", "2025-Q1", "2025-Q2"),
        ("Våren 2025", "2025-Q1", "2025-Q2"),
        ("sommer 2025", "2025-Q2", "2025-Q3"),
        ("høst 2025", "2025-Q3", "2025-Q4"),
        ("Høsten 2025", "2025-Q3", "2025-Q4"),
        ("haust 2025", "2025-Q3", "2025-Q4"),  # nynorsk
        ("autumn 2025", "2025-Q3", "2025-Q4"),
        ("1. halvår 2025", "2025-Q1", "2025-Q2"),
        ("2. halvår 2025", "2025-Q3", "2025-Q4"),
        ("2.halvår 2025", "2025-Q3", "2025-Q4"),
        ("H2 2025", "2025-Q3", "2025-Q4"),
        ("2025-H1", "2025-Q1", "2025-Q2"),
        # months and days
        ("mars 2025", "2025-Q1", "2025-Q1"),
        ("Juni 2025", "2025-Q2", "2025-Q2"),
        ("okt. 2025", "2025-Q4", "2025-Q4"),
        ("01.03.2025", "2025-Q1", "2025-Q1"),
        ("1.3.2025", "2025-Q1", "2025-Q1"),
        ("15.08.25", "2025-Q3", "2025-Q3"),
        ("2025-03-01", "2025-Q1", "2025-Q1"),
        ("2025-10-01 00:00:00", "2025-Q4", "2025-Q4"),  # a date cell saved as text
        ("1/10/2025", "2025-Q4", "2025-Q4"),
        # two-digit end years, when they can only mean one thing
        ("2024-26", "2024-Q1", "2026-Q4"),
        ("2024–26", "2024-Q1", "2026-Q4"),
        ("2024/25", "2024-Q1", "2025-Q4"),
        # ranges of any of these: the first's first quarter to the last's last
        ("Q2 2025 – Q1 2026", "2025-Q2", "2026-Q1"),
        ("Q2 2025 - Q1 2026", "2025-Q2", "2026-Q1"),
        ("høst 2025 – 2026", "2025-Q3", "2026-Q4"),
        ("2024 – høst 2025", "2024-Q1", "2025-Q4"),
        ("vår 2025 - høst 2026", "2025-Q1", "2026-Q4"),
        ("2. kvartal 2025 – 1. kvartal 2026", "2025-Q2", "2026-Q1"),
        ("01.03.2025–30.06.2026", "2025-Q1", "2026-Q2"),
        ("01.03.2025-30.06.2026", "2025-Q1", "2026-Q2"),
        ("2025-03-01 - 2026-06-30", "2025-Q1", "2026-Q2"),
        ("mars 2025 til juni 2026", "2025-Q1", "2026-Q2"),
        ("fra 2025 til 2026", "2025-Q1", "2026-Q4"),
        ("2025−2026", "2025-Q1", "2026-Q4"),  # a minus sign
        # two terms sharing a year
        ("Q1–Q2 2025", "2025-Q1", "2025-Q2"),
        ("1.–2. kvartal 2025", "2025-Q1", "2025-Q2"),
        ("jan–mars 2026", "2026-Q1", "2026-Q1"),
        ("vår–høst 2025", "2025-Q1", "2025-Q4"),
        ("2025-Q1–Q3", "2025-Q1", "2025-Q3"),
        ("2025 Q2 - Q4", "2025-Q2", "2025-Q4"),
        # open ends: from a time until the plan ends, or until a time
        ("2025 – løpende", "2025-Q1", "2028-Q4"),
        ("Fra høst 2025", "2025-Q3", "2028-Q4"),
        ("Innen 2026", "2024-Q1", "2026-Q4"),
        ("innen utgangen av 2026", "2024-Q1", "2026-Q4"),
        # a note in brackets, trailing full stops and odd spaces
        ("2025 (oppstart)", "2025-Q1", "2025-Q4"),
        ("2024–2026 (fase 1)", "2024-Q1", "2026-Q4"),
        ("2025.", "2025-Q1", "2025-Q4"),
        ("2024\u00a0–\u00a02026", "2024-Q1", "2026-Q4"),
        ("Q2\u202f2025", "2025-Q2", "2025-Q2"),
        ("\u00a02025-Q2\u00a0", "2025-Q2", "2025-Q2"),
        # a dash with nothing after it: from then on; a list of years: all of them
        ("2025–", "2025-Q1", "2028-Q4"),
        ("høst 2025 -", "2025-Q3", "2028-Q4"),
        ("–2026", "2024-Q1", "2026-Q4"),
        ("2024, 2025", "2024-Q1", "2025-Q4"),
        ("2025 og 2026", "2025-Q1", "2026-Q4"),
        ("2024, 2025 og 2026", "2024-Q1", "2026-Q4"),
    ],
)
def test_parse_period_as_municipalities_write_it(text: str, start: str, end: str) -> None:
    assert parse_period(text, *PLAN) == (Q(start), Q(end))


@pytest.mark.parametrize(
    "text",
    [
        "Kontinuerlig",
        "kontinuerleg",
        "Fortløpende",
        "Hele planperioden",
        "hele perioden.",
        "Løpende\u00a0",
        "Løpende.",
        "Årlig",
        "Løpende (årlig)",
    ],
)
def test_more_words_for_the_whole_plan_period(text: str) -> None:
    assert parse_period(text, *PLAN) == (Q("2024-Q1"), Q("2028-Q4"))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("høst 2025", "2025-Q3", "2025-Q4"),
        ("vår 2026", "2026-Q1", "2026-Q2"),
        ("1. halvår 2026", "2026-Q1", "2026-Q2"),
        ("Q2 2025", "2025-Q2", "2025-Q2"),
        ("2. kvartal 2025", "2025-Q2", "2025-Q2"),
        ("01.03.2025", "2025-Q1", "2025-Q1"),
        ("2025-11-30", "2025-Q4", "2025-Q4"),
        ("mai 2025", "2025-Q2", "2025-Q2"),
        ("Fra 2025", "2025-Q1", "2025-Q4"),  # as a bound, «fra» and «innen» open nothing
        ("innen 2026", "2026-Q1", "2026-Q4"),
        ("utgangen av 2026", "2026-Q4", "2026-Q4"),
        ("primo 2026", "2026-Q1", "2026-Q1"),
        ("2024\u00a0", "2024-Q1", "2024-Q4"),
    ],
)
def test_bounds_take_the_first_quarter_as_a_start_and_the_last_as_an_end(
    text: str, start: str, end: str
) -> None:
    assert parse_bound(text, end=False) == Q(start)
    assert parse_bound(text, end=True) == Q(end)


def test_ongoing_as_a_bound_is_the_plan_start_or_end_when_the_plan_is_given() -> None:
    assert parse_bound("Løpende", end=True, plan=PLAN) == Q("2028-Q4")
    assert parse_bound("løpende", end=False, plan=PLAN) == Q("2024-Q1")
    with pytest.raises(ValueError, match=r"^import\.bad_period$"):
        parse_bound("Løpende", end=True)


def _quarter_forms(quarter: Quarter) -> list[str]:
    y, n = quarter.year, quarter.number
    ordinal = ("første", "andre", "tredje", "fjerde")[n - 1]
    return [
        f"{y}-Q{n}",
        f"{y}Q{n}",
        f"{y} q{n}",
        f"{y}-K{n}",
        f"Q{n} {y}",
        f"K{n} {y}",
        f"{n}. kvartal {y}",
        f"{n}.kvartal {y}",
        f"{n}. KVARTAL {y}",
        f"{n}. kv. {y}",
        f"{ordinal} kvartal {y}",
        f"{y}-{3 * n - 2:02d}-15",  # a day in it
        f"{28}.{3 * n}.{y}",
        str(quarter),  # as the reader writes a date cell
    ]


_QUARTERS = st.builds(Quarter, st.integers(1900, 2200), st.integers(1, 4))


@given(_QUARTERS, st.data())
def test_any_quarter_in_any_form_parses_to_itself(quarter: Quarter, data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(_quarter_forms(quarter)))
    padding = data.draw(st.sampled_from(["", " ", "\u00a0", "\u202f"]))
    assert parse_period(padding + text + padding, 1900, 2200) == (quarter, quarter)
    assert parse_bound(text, end=False) == parse_bound(text, end=True) == quarter


@given(_QUARTERS, _QUARTERS, st.data())
def test_any_range_of_quarters_parses_to_its_ends(
    first: Quarter, last: Quarter, data: st.DataObject
) -> None:
    left = data.draw(st.sampled_from(_quarter_forms(first)))
    right = data.draw(st.sampled_from(_quarter_forms(last)))
    dash = data.draw(st.sampled_from(["–", " – ", "-", " - ", "—", " til "]))
    assert parse_period(left + dash + right, 1900, 2200) == (first, last)


_SPANS = {  # a form of a year's part (year in {y}) -> its first and last quarter
    "vår {y}": (1, 2),
    "våren {y}": (1, 2),
    "sommer {y}": (2, 3),
    "høst {y}": (3, 4),
    "Høsten {y}": (3, 4),
    "1. halvår {y}": (1, 2),
    "2. halvår {y}": (3, 4),
    "2.halvår {y}": (3, 4),
    "H1 {y}": (1, 2),
    "{y}-H2": (3, 4),
    "{y}": (1, 4),
    "februar {y}": (1, 1),
    "des. {y}": (4, 4),
}


@given(st.integers(1900, 2200), st.sampled_from(sorted(_SPANS)), st.booleans())
def test_any_part_of_a_year_spans_its_quarters(year: int, form: str, as_range: bool) -> None:
    first, last = (Quarter(year, n) for n in _SPANS[form])
    text = form.format(y=year)
    assert parse_bound(text, end=False) == first
    assert parse_bound(text, end=True) == last
    if as_range:  # to the next year's same part
        later = form.format(y=year + 1)
        expected = (first, Quarter(year + 1, _SPANS[form][1]))
        assert parse_period(f"{text} – {later}", 1900, 2201) == expected
    else:
        assert parse_period(text, 1900, 2200) == (first, last)


def _readme_examples(first: str, last: str) -> list[str]:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index(first) : readme.index(last)]
    return [example for example in re.findall(r"`([^`]+)`", part) if "/" not in example]


def test_the_periods_the_readme_names_are_read() -> None:
    examples = _readme_examples("- periods as", "- statuses by label")
    assert len(examples) > 15
    for example in examples:
        parse_period(example, *PLAN)  # raises if the README promises too much


def test_the_status_words_and_progress_the_readme_names_are_read() -> None:
    statuses = _readme_examples("- statuses by label", "progress as")
    assert len(statuses) > 8
    assert all(isinstance(parse_status(word), Status) for word in statuses)
    progress = _readme_examples("progress as", "no-break spaces")
    assert [parse_progress(text) for text in progress] == [50] * len(progress)


# --- progress ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40", 40),
        ("40 %", 40),
        ("40%", 40),
        ("40\u00a0%", 40),  # Norwegian Excel puts a no-break space before %
        (" 40 ", 40),
        ("0", 0),
        ("100", 100),
        ("100 %", 100),
        ("0,4", 40),  # a fraction, from a percent-formatted cell
        ("0.4", 40),
        ("0,25", 25),
        ("62,0", 62),
        ("1", 1),  # a whole 1 is one per cent, not a fraction
        ("", None),
        ("  ", None),
        ("ukjent", None),
        ("Ukjent", None),
        ("UKJENT", None),
        ("unknown", None),
        ("?", None),
        ("-", None),
        ("–", None),
    ],
)
def test_parse_progress(text: str, expected: int | None) -> None:
    assert parse_progress(text) == expected


@pytest.mark.parametrize("text", ["mye", "nan", "inf", "ca.", "50 prosent prosent"])
def test_bad_progress_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_progress$"):
        parse_progress(text)


@pytest.mark.parametrize(
    ("text", "number"), [("101", 101), ("-5", -5), ("-0,4", -1), ("1e9", 10**9)]
)
def test_a_progress_out_of_range_is_read_for_the_report_rules_to_refuse(
    text: str, number: int
) -> None:
    assert parse_progress(text) == number  # status.check_report_values says what is wrong


def test_a_written_per_cent_sign_is_not_a_fraction() -> None:
    assert parse_progress("0,5 %") in (0, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50%", 50),
        ("50 %", 50),
        ("ca. 50 %", 50),
        ("ca 50%", 50),
        ("Cirka 50 %", 50),
        ("omtrent 50", 50),
        ("~50 %", 50),
        ("50 prosent", 50),
        ("50 Prosent", 50),
        ("50 pst.", 50),
        ("50 percent", 50),
        ("0,5 prosent", 0),  # a written per cent: not a fraction
        ("50\u202f%", 50),
        ("\u00a050\u00a0", 50),
        ("12,5 %", 12),
    ],
)
def test_progress_as_people_write_it(text: str, expected: int) -> None:
    assert parse_progress(text) == expected


# --- weight ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 1.0), ("  ", 1.0), ("2", 2.0), ("1,5", 1.5), ("0.5", 0.5), ("1 000", 1000.0)],
)
def test_parse_weight(text: str, expected: float) -> None:
    assert parse_weight(text) == expected


@pytest.mark.parametrize("text", ["tung", "1,2,3", "2 kg"])
def test_bad_weight_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_weight$"):
        parse_weight(text)


@pytest.mark.parametrize(("text", "number"), [("0", 0.0), ("-1", -1.0), ("1001", 1001.0)])
def test_a_weight_out_of_range_is_read_for_the_admin_rules_to_refuse(
    text: str, number: float
) -> None:
    assert parse_weight(text) == number  # measure_edits.check_weight says what is wrong


# --- status and RAG ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codes
        ("not_started", Status.NOT_STARTED),
        ("in_progress", Status.IN_PROGRESS),
        ("completed", Status.COMPLETED),
        ("postponed", Status.POSTPONED),
        ("cancelled", Status.CANCELLED),
        ("IN_PROGRESS", Status.IN_PROGRESS),
        ("in progress", Status.IN_PROGRESS),
        # Norwegian labels, any case
        ("Ikke startet", Status.NOT_STARTED),
        ("ikke startet", Status.NOT_STARTED),
        ("Pågår", Status.IN_PROGRESS),
        ("PÅGÅR", Status.IN_PROGRESS),
        ("pågår ", Status.IN_PROGRESS),
        ("Fullført", Status.COMPLETED),
        ("Utsatt", Status.POSTPONED),
        ("Avbrutt", Status.CANCELLED),
        # English labels
        ("Not started", Status.NOT_STARTED),
        ("In Progress", Status.IN_PROGRESS),
        ("COMPLETED", Status.COMPLETED),
        ("Postponed", Status.POSTPONED),
        ("Cancelled", Status.CANCELLED),
        # words people write
        ("Ferdig", Status.COMPLETED),
        ("Gjennomført", Status.COMPLETED),
        ("påbegynt", Status.IN_PROGRESS),
        ("Under arbeid", Status.IN_PROGRESS),
        ("Ikke påbegynt", Status.NOT_STARTED),
        ("Avlyst", Status.CANCELLED),
        ("Forsinket", Status.IN_PROGRESS),  # late, but going on: not «Utsatt»
        ("delayed", Status.IN_PROGRESS),
        ("Startet opp", Status.IN_PROGRESS),
        ("Kontinuerlig", Status.IN_PROGRESS),
        ("Videreføres", Status.IN_PROGRESS),
        ("Avventer", Status.POSTPONED),
        ("Ikke aktuelt", Status.CANCELLED),
        ("Ikke relevant lenger", Status.CANCELLED),
    ],
)
def test_parse_status(text: str, expected: Status) -> None:
    assert parse_status(text) is expected


@pytest.mark.parametrize("text", ["", "kanskje", "grønn", "pågår nå"])
def test_bad_status_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_status$"):
        parse_status(text)


def test_status_decomposed_unicode_label() -> None:
    assert parse_status(unicodedata.normalize("NFD", "Fullført")) is Status.COMPLETED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pågående", Status.IN_PROGRESS),
        ("I gang", Status.IN_PROGRESS),
        ("Igangsatt", Status.IN_PROGRESS),
        ("Startet", Status.IN_PROGRESS),
        ("under arbeid", Status.IN_PROGRESS),
        ("Under gjennomføring", Status.IN_PROGRESS),
        ("Ongoing", Status.IN_PROGRESS),
        ("ikke igangsatt", Status.NOT_STARTED),
        ("Planlagt", Status.NOT_STARTED),
        ("Ikkje starta", Status.NOT_STARTED),  # nynorsk
        ("Planned", Status.NOT_STARTED),
        ("Utført", Status.COMPLETED),
        ("Levert", Status.COMPLETED),
        ("Avsluttet", Status.COMPLETED),
        ("Ferdigstilt", Status.COMPLETED),
        ("Done", Status.COMPLETED),
        ("Finished", Status.COMPLETED),
        ("På vent", Status.POSTPONED),
        ("Stanset", Status.POSTPONED),
        ("Utsett", Status.POSTPONED),  # nynorsk
        ("Delayed", Status.IN_PROGRESS),
        ("On hold", Status.POSTPONED),
        ("Utgått", Status.CANCELLED),
        ("Kansellert", Status.CANCELLED),
        ("avbrutt", Status.CANCELLED),
        ("Canceled", Status.CANCELLED),
        ("Dropped", Status.CANCELLED),
        # trailing punctuation, odd spaces, any case
        ("Pågår.", Status.IN_PROGRESS),
        ("Ferdig!", Status.COMPLETED),
        ("  FULLFØRT  ", Status.COMPLETED),
        ("Ikke\u00a0startet", Status.NOT_STARTED),
        ("På\u202fvent ", Status.POSTPONED),
        ("Under  arbeid", Status.IN_PROGRESS),
        ("pågår,", Status.IN_PROGRESS),
    ],
)
def test_status_words_people_write(text: str, expected: Status) -> None:
    assert parse_status(text) is expected


def test_every_status_word_is_a_status_and_written_in_lower_case() -> None:
    from tracker.planfile.values import STATUS_WORDS

    assert all(isinstance(status, Status) for status in STATUS_WORDS.values())
    assert all(word == normalise(word) for word in STATUS_WORDS)
    assert set(STATUS_WORDS.values()) == set(Status)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("green", Rag.GREEN),
        ("YELLOW", Rag.YELLOW),
        ("red", Rag.RED),
        ("I rute", Rag.GREEN),
        ("i rute", Rag.GREEN),
        ("Risiko", Rag.YELLOW),
        ("Alvorlig avvik", Rag.RED),
        ("ALVORLIG AVVIK", Rag.RED),
        ("On track", Rag.GREEN),
        ("at risk", Rag.YELLOW),
        ("Off Track", Rag.RED),
        ("Grønn", Rag.GREEN),
        ("gul", Rag.YELLOW),
        ("Rød", Rag.RED),
        ("amber", Rag.YELLOW),
        ("G", Rag.GREEN),
        ("r", Rag.RED),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_rag(text: str, expected: Rag | None) -> None:
    assert parse_rag(text) is expected


@pytest.mark.parametrize("text", ["blå", "ok", "Pågår"])
def test_bad_rag_raises_with_catalogue_key(text: str) -> None:
    with pytest.raises(ValueError, match=r"^import\.bad_rag$"):
        parse_rag(text)


@pytest.mark.parametrize("text", ["ja", "Ja", "JA", "x", "yes", "1", "true", "Eksempel"])
def test_parse_yes_true(text: str) -> None:
    assert parse_yes(text) is True


@pytest.mark.parametrize("text", ["", "nei", "no", "0", "kanskje"])
def test_parse_yes_false(text: str) -> None:
    assert parse_yes(text) is False


# --- lists -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kupa, NAV, Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa; NAV; Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa\nNAV\r\nNæringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa;\nNAV;", ["Kupa", "NAV"]),
        ("  Kupa  ,   NAV ,  ", ["Kupa", "NAV"]),
        ("Kupa,,NAV", ["Kupa", "NAV"]),
        # With a semicolon, commas belong to the names (export writes lists that way).
        ("Nord universitet, campus Mo; Kupa", ["Nord universitet, campus Mo", "Kupa"]),
        ("Kupa,NAV;Næringshagen", ["Kupa,NAV", "Næringshagen"]),
        ("Sjømatklyngen", ["Sjømatklyngen"]),
        ("", []),
        ("  ;  , \n", []),
    ],
)
def test_split_list(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


KNOWN = [
    "Kupa",
    "NAV",
    "Næringshagen",
    "Plan- og byggesaksavdelingen",
    "Troms og Finnmark fylkeskommune",
    "Nord universitet, campus Mo",
    "Innovasjon Norge",
    "Senja Næringshage AS",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kupa, NAV, Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa; NAV; Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa\nNAV\r\nNæringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa og NAV", ["Kupa", "NAV"]),
        ("Kupa, NAV og Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa, NAV, og Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("Kupa and NAV", ["Kupa", "NAV"]),
        ("Kupa & NAV", ["Kupa", "NAV"]),
        ("Kupa + NAV", ["Kupa", "NAV"]),
        ("Kupa OG NAV", ["Kupa", "NAV"]),
        ("• Kupa\n• NAV", ["Kupa", "NAV"]),
        ("Kupa • NAV", ["Kupa", "NAV"]),
        ("- Kupa\n- NAV\n– Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        ("* Kupa\n* NAV", ["Kupa", "NAV"]),
        # known names are matched first: never split
        ("Plan- og byggesaksavdelingen", ["Plan- og byggesaksavdelingen"]),
        ("Troms og Finnmark fylkeskommune", ["Troms og Finnmark fylkeskommune"]),
        (
            "Troms og Finnmark fylkeskommune og Kupa",
            ["Troms og Finnmark fylkeskommune", "Kupa"],
        ),
        (
            "Kupa, Plan- og byggesaksavdelingen og NAV",
            ["Kupa", "Plan- og byggesaksavdelingen", "NAV"],
        ),
        (
            "Nord universitet, campus Mo, Kupa og Innovasjon Norge",
            ["Nord universitet, campus Mo", "Kupa", "Innovasjon Norge"],
        ),
        ("Nord universitet, campus Mo", ["Nord universitet, campus Mo"]),
        # matched ignoring case and spaces, and given back as known
        ("troms  og finnmark FYLKESKOMMUNE, kupa", ["Troms og Finnmark fylkeskommune", "Kupa"]),
        ("Plan-og byggesaksavdelingen; NAV", ["Plan- og byggesaksavdelingen", "NAV"]),
        ("Troms\u00a0og\u00a0Finnmark fylkeskommune", ["Troms og Finnmark fylkeskommune"]),
        # «og» in a hyphenated compound is never a separator, known or not
        ("Nærings- og utviklingsavdelingen", ["Nærings- og utviklingsavdelingen"]),
        ("Kupa og Kultur- og fritidsetaten", ["Kupa", "Kultur- og fritidsetaten"]),
        # county names with «og» in them hold together when the actor is new
        ("Møre og Romsdal fylkeskommune, NAV", ["Møre og Romsdal fylkeskommune", "NAV"]),
        ("Statsforvalteren i Troms og Finnmark", ["Statsforvalteren i Troms og Finnmark"]),
        # «X og omegn» is a place, not two names
        ("Harstad og omegn næringsforening og NAV", ["Harstad og omegn næringsforening", "NAV"]),
        ("Kupa, Tromsø og omland", ["Kupa", "Tromsø og omland"]),
        # new names are split as written
        ("Ny bedrift og Annen bedrift", ["Ny bedrift", "Annen bedrift"]),
        ("Sjømatklyngen", ["Sjømatklyngen"]),
        ("Kupa;;  NAV ;", ["Kupa", "NAV"]),
        ("Kupa\u00a0, NAV", ["Kupa", "NAV"]),
        ("", []),
        (" ; , \n • ", []),
        # a semicolon list (as export writes it): commas and «og» in a new name stay
        ("Nytt universitet, campus Bodø; Kupa", ["Nytt universitet, campus Bodø", "Kupa"]),
        ("Bygg og anlegg AS; Kupa", ["Bygg og anlegg AS", "Kupa"]),
        ("Kupa og NAV; Næringshagen", ["Kupa", "NAV", "Næringshagen"]),
        # a repeated name is kept, so a one-actor column can say so
        ("Kupa; Kupa", ["Kupa", "Kupa"]),
    ],
)
def test_split_names(text: str, expected: list[str]) -> None:
    assert split_names(text, KNOWN) == expected


def test_split_names_takes_any_iterable_of_known_names() -> None:
    known = {"plan- og byggesaksavdelingen": "Plan- og byggesaksavdelingen"}
    assert split_names("Plan- og byggesaksavdelingen, Kupa", known.values()) == [
        "Plan- og byggesaksavdelingen",
        "Kupa",
    ]
    assert split_names("Kupa og NAV", iter(["Kupa"])) == ["Kupa", "NAV"]


_SEPARATORS = [", ", ",", "; ", ";", "\n", " og ", " and ", " & ", " + ", "\r\n", " • "]


@given(st.lists(st.sampled_from(KNOWN), min_size=1, max_size=6), st.data())
def test_known_names_joined_any_way_come_back_whole(names: list[str], data: st.DataObject) -> None:
    text = names[0]
    for name in names[1:]:
        text += data.draw(st.sampled_from(_SEPARATORS)) + name
    assert split_names(text, KNOWN) == names


# --- read.py: normalise, cell text, header matching --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Satsingsområde", "satsingsområde"),
        ("  SATSINGSOMRÅDE  ", "satsingsområde"),
        ("Ansvarlig:", "ansvarlig"),
        ("Ansvarlig *", "ansvarlig"),
        ("*Tiltak*", "tiltak"),
        ("Neste\n  steg", "neste steg"),
        ("Neste\u00a0steg", "neste steg"),
        (unicodedata.normalize("NFD", "Mål"), "mål"),
        (None, ""),
        (2024, "2024"),
        ("", ""),
    ],
)
def test_normalise(text: object, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Tiltak", "measures"),
        ("TILTAK", "measures"),
        ("tiltak", "measures"),
        ("Handlingsplan", "measures"),
        ("Aktører", "actors"),
        ("aktorer", "actors"),
        ("Satsingsområder", "themes"),
        ("satsingsomrader", "themes"),
        ("Mål", "goals"),
        ("mal", "goals"),
        ("Plan", "plan"),
        (" plan ", "plan"),
    ],
)
def test_sheet_for_name(name: str, key: str) -> None:
    sheet = sheet_for_name(name)
    assert sheet is not None and sheet.key == key


def test_sheet_for_unknown_name() -> None:
    assert sheet_for_name("Ark1") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "ja"),
        (False, "nei"),
        (2024.0, "2024"),
        (2024, "2024"),
        (0.4, "0.4"),
        (1.5, "1.5"),
        ("Pågår", "Pågår"),
        ("a\x00b", "ab"),
        (date(2025, 5, 17), "2025-Q2"),
        (datetime(2026, 12, 31, 23, 59), "2026-Q4"),
    ],
)
def test_cell_text(value: object, expected: str) -> None:
    assert cell_text(value) == expected


def _csv(text: str, *, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_headers_in_any_order_and_case_are_matched() -> None:
    data = _csv(
        "ANSVARLIG;samarbeidspartnere;  Tiltak ;SATSINGSOMRÅDE;Mål;periode;STATUS;kommentar\n"
        "Kupa;NAV;Gründerhus;1;H1;2024;Pågår;ok\n"
    )
    tables = read_bytes(data, "plan.csv")
    assert not tables.problems and not tables.notices
    ((row, values),) = tables.tables["measures"].rows
    assert row == 2
    assert values == {
        "lead": "Kupa",
        "partners": "NAV",
        "title": "Gründerhus",
        "theme": "1",
        "goal": "H1",
        "period": "2024",
        "status": "Pågår",
        "comment": "ok",
    }


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Tittel", "title"),
        ("Tiltaksnavn", "title"),
        ("Nr.", "code"),
        ("Tiltaksnr", "code"),
        ("Satsing", "theme"),
        ("Satsingsomrade", "theme"),  # written without å
        ("Tema", "theme"),
        ("Innsatsområde", "theme"),
        ("Delmål", "goal"),
        ("Ansvar", "lead"),
        ("Hovedansvarlig", "lead"),
        ("Ansvarlig aktør", "lead"),
        ("Partnere", "partners"),
        ("Samarbeid", "partners"),
        ("Tidsrom", "period"),
        ("År", "period"),
        ("Oppstart", "start"),
        ("Ferdig", "end"),
        ("Trafikklys", "rag"),
        ("Fremdrift (%)", "progress"),
        ("Merknad", "comment"),
        ("Videre arbeid", "next_steps"),
        ("Rapportert for", "status_period"),
        ("Virkemidler", "funding"),
    ],
)
def test_header_aliases(header: str, key: str) -> None:
    base = {"title": "Tiltak", "theme": "Satsingsområde", "lead": "Ansvarlig"}
    headers = [header if k == key else h for k, h in base.items()]
    cells = ["v" if k == key else "x" for k in base]
    if key not in base:
        headers, cells = [*headers, header], [*cells, "v"]
    data = _csv(",".join(headers) + "\n" + ",".join(cells) + "\n")
    tables = read_bytes(data, "x.csv")
    assert not tables.problems, [p.text("en") for p in tables.problems]
    ((_, values),) = tables.tables["measures"].rows
    assert values[key] == "v"


def test_extra_columns_are_ignored_with_a_notice() -> None:
    data = _csv("Tiltak,Saksbehandler,Satsingsområde,Ansvarlig,Notat\nA,Ola,1,Kupa,x\n")
    tables = read_bytes(data, "x.csv")
    assert not tables.problems
    assert [(n.key, n.params["column"]) for n in tables.notices] == [
        ("import.column_ignored", "Saksbehandler"),
        ("import.column_ignored", "Notat"),
    ]
    assert "Saksbehandler" in tables.notices[0].text("nb")
    assert tables.notices[0].text("nb") != tables.notices[0].text("en")
    ((_, values),) = tables.tables["measures"].rows
    assert values == {"title": "A", "theme": "1", "lead": "Kupa"}


def test_a_repeated_header_keeps_the_first_column() -> None:
    data = _csv("Tiltak,Satsingsområde,Ansvarlig,Tittel\nFørst,1,Kupa,Andre\n")
    tables = read_bytes(data, "x.csv")
    ((_, values),) = tables.tables["measures"].rows
    assert values["title"] == "Først"
    assert [n.params["column"] for n in tables.notices] == ["Tittel"]


def test_title_rows_above_the_header_and_blank_rows_are_skipped() -> None:
    data = _csv(
        "Handlingsplan;;;\n"
        ";;;\n"
        "Kode;Tiltak;Satsingsområde;Ansvarlig\n"
        "1.1;A;1;Kupa\n"
        ";;;\n"
        "\n"
        "1.2;B;1;Kupa\n"
    )
    tables = read_bytes(data, "x.csv")
    assert not tables.problems
    rows = tables.tables["measures"].rows
    assert [(row, values["code"]) for row, values in rows] == [(4, "1.1"), (7, "1.2")]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [False, True])
def test_separators_and_bom(separator: str, bom: bool) -> None:
    header = separator.join(["Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere"])
    row = separator.join(["Blå skog", "Bærekraft", "Næringshagen", '"Kupa, NAV"'])
    tables = read_bytes(_csv(f"{header}\r\n{row}\r\n", bom=bom), "x.csv")
    assert not tables.problems
    ((_, values),) = tables.tables["measures"].rows
    assert values == {
        "title": "Blå skog",
        "theme": "Bærekraft",
        "lead": "Næringshagen",
        "partners": "Kupa, NAV",
    }


def test_missing_required_columns_are_named() -> None:
    tables = read_bytes(_csv("Tiltak;Status;Periode\nA;Pågår;2024\n"), "x.csv")
    assert [p.key for p in tables.problems] == ["import.missing_columns"]
    text = tables.problems[0].text("nb")
    assert "Ansvarlig" in text  # a theme may come from group rows or codes (plan_import)


def test_no_header_row_is_reported() -> None:
    tables = read_bytes(_csv("a;b;c\n1;2;3\n"), "x.csv")
    assert [p.key for p in tables.problems] == ["import.no_header"]


def test_not_utf8_is_reported() -> None:
    data = b"Tiltak;Satsingsomr\x81de;Ansvarlig\nBl\x81;1;Kupa\n"  # neither UTF-8 nor cp1252
    tables = read_bytes(data, "x.csv")
    assert [p.key for p in tables.problems] == ["import.not_utf8"]
    assert "UTF-8" in tables.problems[0].text("nb")


def test_too_large_file_is_reported() -> None:
    tables = read_bytes(b"x" * (MAX_FILE_BYTES + 1), "x.csv")
    assert [p.key for p in tables.problems] == ["import.too_large"]


def test_unknown_file_type_is_reported() -> None:
    tables = read_bytes(b"whatever", "plan.pdf")
    assert [p.key for p in tables.problems] == ["import.unknown_file_type"]


def test_nul_bytes_are_dropped() -> None:
    tables = read_bytes(_csv("Tiltak;Satsingsområde;Ansvarlig\nA\x00B;1;Kupa\n"), "x.csv")
    ((_, values),) = tables.tables["measures"].rows
    assert values["title"] == "AB"


def test_canonical_headers_of_every_sheet_match_themselves() -> None:
    for sheet in sheets.SHEETS:
        data = _csv(",".join(sheet.headers()) + "\n" + ",".join("x" for _ in sheet.columns))
        tables = read_bytes(data, "x.csv")  # a single CSV is read as the Tiltak sheet
        if sheet is sheets.MEASURES:
            assert not tables.notices
            assert set(tables.tables["measures"].rows[0][1]) == {c.key for c in sheet.columns}


def test_header_with_trailing_full_stop_is_matched() -> None:
    data = _csv("Tiltak nr.;Tiltak;Satsingsområde;Ansvarlig\n1.1;A;1;Kupa\n")
    tables = read_bytes(data, "x.csv")
    assert not tables.notices
    ((_, values),) = tables.tables["measures"].rows
    assert values["code"] == "1.1"


def test_title_line_without_separators_above_a_semicolon_header() -> None:
    data = _csv(
        "Handlingsplan for Senja kommune 2024–2028\n\nTiltak;Satsingsområde;Ansvarlig\nA;1;Kupa\n"
    )
    tables = read_bytes(data, "x.csv")
    assert not tables.problems
    assert tables.tables["measures"].rows[0][1]["title"] == "A"
