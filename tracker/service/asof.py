"""Turning "as of" inputs (a quarter, a date, a moment) into one aware UTC moment."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from tracker.quarters import OSLO, Quarter

AsOf = datetime | date | Quarter | str | None


def as_of_moment(value: AsOf = None) -> datetime:
    """None -> now; a quarter (or `2025-Q3`) -> its last second, Oslo time;
    a date -> 23:59:59 that day, Oslo time; an aware datetime -> itself."""
    if value is None:
        return datetime.now(UTC)
    if isinstance(value, str):
        value = Quarter.parse(value)
    if isinstance(value, Quarter):
        return value.end()
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime")
        return value.astimezone(UTC)
    return datetime.combine(value, time(23, 59, 59), tzinfo=OSLO).astimezone(UTC)
