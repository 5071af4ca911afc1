"""Quarters: `YYYY-Qn`, arithmetic, and where they begin and end in Europe/Oslo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.quarters import OSLO, Quarter, oslo_today, plan_quarters, quarter_range

quarters = st.builds(Quarter, st.integers(1900, 2200), st.integers(1, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-Q3", Quarter(2025, 3)),
        ("2025Q3", Quarter(2025, 3)),
        ("2025-q1", Quarter(2025, 1)),
        ("2024-K4", Quarter(2024, 4)),
        (" 2026 - Q2 ", Quarter(2026, 2)),
    ],
)
def test_parse(text: str, expected: Quarter) -> None:
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "2025", "2025-Q0", "2025-Q5", "25-Q3", "Q3-2025", "2025-03", "2025-Q3x", "abc"]
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        Quarter.parse(text)


@pytest.mark.parametrize("number", [0, 5, -1])
def test_constructor_rejects_bad_number(number: int) -> None:
    with pytest.raises(ValueError):
        Quarter(2025, number)


def test_format() -> None:
    assert str(Quarter(2025, 3)) == "2025-Q3"
    assert str(Quarter(2030, 1)) == "2030-Q1"


@given(quarters)
def test_parse_format_round_trip(quarter: Quarter) -> None:
    assert Quarter.parse(str(quarter)) == quarter


def test_next_and_previous() -> None:
    assert Quarter(2025, 1).next() == Quarter(2025, 2)
    assert Quarter(2025, 3).next() == Quarter(2025, 4)
    assert Quarter(2025, 4).next() == Quarter(2026, 1)
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2025, 2).previous() == Quarter(2025, 1)


@given(quarters)
def test_next_previous_inverse(quarter: Quarter) -> None:
    assert quarter.next().previous() == quarter
    assert quarter.previous().next() == quarter
    assert quarter.previous() < quarter < quarter.next()


def test_ordering() -> None:
    assert Quarter(2024, 4) < Quarter(2025, 1) < Quarter(2025, 2)
    assert sorted([Quarter(2025, 2), Quarter(2024, 4), Quarter(2025, 1)]) == [
        Quarter(2024, 4),
        Quarter(2025, 1),
        Quarter(2025, 2),
    ]


def test_end_in_summer_time() -> None:
    end = Quarter(2025, 3).end()
    assert end == datetime(2025, 9, 30, 21, 59, 59, 999999, tzinfo=UTC)
    assert end.utcoffset() == timedelta(0)
    assert end.astimezone(OSLO).replace(tzinfo=None) == datetime(2025, 9, 30, 23, 59, 59, 999999)


def test_end_in_winter_time() -> None:
    assert Quarter(2025, 4).end() == datetime(2025, 12, 31, 22, 59, 59, 999999, tzinfo=UTC)


def test_end_of_first_quarter_is_already_summer_time() -> None:
    # Summer time begins on the last Sunday of March (2025-03-30).
    assert Quarter(2025, 1).end() == datetime(2025, 3, 31, 21, 59, 59, 999999, tzinfo=UTC)


def test_start() -> None:
    assert Quarter(2025, 1).start() == datetime(2024, 12, 31, 23, 0, tzinfo=UTC)
    assert Quarter(2025, 3).start() == datetime(2025, 6, 30, 22, 0, tzinfo=UTC)
    assert Quarter(2025, 4).start() == datetime(2025, 9, 30, 22, 0, tzinfo=UTC)


@given(quarters)
def test_end_is_the_last_instant_before_next_start(quarter: Quarter) -> None:
    assert quarter.next().start() - quarter.end() == timedelta(microseconds=1)
    assert quarter.start() < quarter.end()


def test_containing_uses_oslo_time() -> None:
    # 2025-09-30 22:30 UTC is already 1 October in Oslo.
    assert Quarter.containing(datetime(2025, 9, 30, 22, 30, tzinfo=UTC)) == Quarter(2025, 4)
    assert Quarter.containing(datetime(2025, 9, 30, 21, 30, tzinfo=UTC)) == Quarter(2025, 3)
    assert Quarter.containing(datetime(2024, 12, 31, 23, 0, tzinfo=UTC)) == Quarter(2025, 1)


def test_current_and_last_finished() -> None:
    now = datetime(2025, 5, 17, 12, tzinfo=UTC)
    assert Quarter.current(now) == Quarter(2025, 2)
    assert Quarter.last_finished(now) == Quarter(2025, 1)
    january = datetime(2026, 1, 2, tzinfo=UTC)
    assert Quarter.last_finished(january) == Quarter(2025, 4)
    # New Year's night: 2025-12-31 23:30 UTC is 2026-01-01 00:30 in Oslo.
    assert Quarter.last_finished(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)) == Quarter(2025, 4)


def test_end_or_now_and_has_ended() -> None:
    now = datetime(2025, 5, 17, 12, tzinfo=UTC)
    assert Quarter(2025, 2).end_or_now(now) == now  # running: as it stands now
    assert Quarter(2025, 1).end_or_now(now) == Quarter(2025, 1).end()
    assert Quarter(2025, 3).end_or_now(now) == now  # not begun: nothing later than now
    assert Quarter(2025, 1).has_ended(now)
    assert not Quarter(2025, 2).has_ended(now)
    assert not Quarter(2025, 3).has_ended(now)
    # New Year's night in Oslo: 2025-Q4 has just ended.
    assert Quarter(2025, 4).has_ended(datetime(2025, 12, 31, 23, 30, tzinfo=UTC))


def test_quarter_range() -> None:
    assert quarter_range(Quarter(2024, 3), Quarter(2025, 2)) == [
        Quarter(2024, 3),
        Quarter(2024, 4),
        Quarter(2025, 1),
        Quarter(2025, 2),
    ]
    assert quarter_range(Quarter(2025, 2), Quarter(2025, 2)) == [Quarter(2025, 2)]
    assert quarter_range(Quarter(2025, 3), Quarter(2025, 2)) == []


def test_plan_quarters() -> None:
    quarters_2024_2028 = plan_quarters(2024, 2028)
    assert len(quarters_2024_2028) == 20
    assert quarters_2024_2028[0] == Quarter(2024, 1)
    assert quarters_2024_2028[-1] == Quarter(2028, 4)
    assert len(set(quarters_2024_2028)) == 20
    assert quarters_2024_2028 == sorted(quarters_2024_2028)


def test_today_is_oslos_date_not_the_servers() -> None:
    late = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on New Year's Day in Oslo
    assert oslo_today(late) == date(2027, 1, 1)
    assert oslo_today(datetime(2026, 6, 30, 21, 59, tzinfo=UTC)) == date(2026, 6, 30)
