"""Quarters written `YYYY-Qn`, and where they begin and end in Europe/Oslo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[QqKk]\s*([1-4])\s*$")
# Wider than the plan years import allows (1900-2200), so next() and previous() of any
# plan quarter work, and narrow enough that start() and end() never leave datetime's range.
MIN_YEAR, MAX_YEAR = 1800, 2300
LAST_INSTANT = timedelta(microseconds=1)


def oslo_today(now: datetime | None = None) -> date:
    """Today's date in Oslo (the server's own clock may be in UTC: past 23:00 in
    winter, its date.today() is still yesterday here)."""
    return (now or datetime.now(UTC)).astimezone(OSLO).date()


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"quarter number must be 1-4, got {self.number}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year must be {MIN_YEAR}-{MAX_YEAR}, got {self.year}")

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Parse `2025-Q3` (also `2025Q3`, `2025-K3`). Raises ValueError."""
        match = _PATTERN.match(str(text))
        if not match:
            raise ValueError(f"not a quarter: {text!r} (expected e.g. 2025-Q3)")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, moment: datetime) -> Quarter:
        """The quarter (in Oslo time) that contains an aware moment."""
        local = moment.astimezone(OSLO)
        return cls(local.year, (local.month - 1) // 3 + 1)

    @classmethod
    def current(cls, now: datetime | None = None) -> Quarter:
        """The running quarter (Oslo time): the one place that says what «now» is."""
        return cls.containing(now or datetime.now(UTC))

    @classmethod
    def last_finished(cls, now: datetime | None = None) -> Quarter:
        return cls.current(now).previous()

    def has_ended(self, now: datetime | None = None) -> bool:
        """Whether the quarter is over: before the running one."""
        return self < Quarter.current(now)

    def end_or_now(self, now: datetime | None = None) -> datetime:
        """The moment the quarter's figures stand at: its end, or now while it runs
        (a quarter's figures never hold what has not happened yet)."""
        return min(self.end(), now or datetime.now(UTC))

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def start(self) -> datetime:
        """First moment of the quarter, Oslo time, as an aware UTC datetime."""
        local = datetime(self.year, 3 * self.number - 2, 1, tzinfo=OSLO)
        return local.astimezone(UTC)

    def end(self) -> datetime:
        """The quarter's last day at 23:59:59.999999 Oslo time, as aware UTC: the as-of
        moment (a report saved in the last second still belongs to the quarter)."""
        return (self.next().start().astimezone(OSLO) - LAST_INSTANT).astimezone(UTC)


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    """All quarters from first to last, both included."""
    quarters = []
    quarter = first
    while quarter <= last:
        quarters.append(quarter)
        quarter = quarter.next()
    return quarters


def plan_quarters(start_year: int, end_year: int) -> list[Quarter]:
    return quarter_range(Quarter(start_year, 1), Quarter(end_year, 4))


def year_position(period: str) -> float:
    """A year or quarter on a time axis in years: 2025 -> 2025.0; 2025-Q3 -> 2025.625
    (the middle of the quarter)."""
    if "-Q" in period.upper():
        quarter = Quarter.parse(period)
        return quarter.year + (quarter.number - 0.5) / 4
    return float(period)


def span_text(start: object, end: object) -> str:
    """A measure's span as every page and file writes it: «2025-Q1 – 2028-Q4» (one side
    alone when the other is missing)."""
    if start and end:
        return f"{start} – {end}"
    return str(start or end or "")
