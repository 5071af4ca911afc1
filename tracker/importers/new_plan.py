"""A plan created by its name: `tracker import FILE --plan NAME [--period 2024-2028]`
into a database that does not hold that plan yet (a first install has none). The
period comes from --period, else from the years in the name («… 2024–2028»); with
neither the import asks for --period. A name close to a known plan's is a typo of it,
never a second plan."""

from __future__ import annotations

import difflib
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cleaning import clean_text
from tracker.errors import Problem
from tracker.importers.read import normalise
from tracker.importers.resolve import NEAR_MISS
from tracker.limits import is_year
from tracker.models import Plan
from tracker.service.checks import too_long

_SPAN = re.compile(r"(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def period_years(text: str) -> tuple[int, int] | None:
    """(first, last) year of '2024-2028', '2024–2028', '2024 - 2028' anywhere in text,
    or of a lone year ('2025'); None when text gives no years."""
    span = _SPAN.search(text)
    if span:
        return int(span[1]), int(span[2])
    year = _YEAR.match(text)
    return (int(year[1]), int(year[1])) if year else None


def new_plan_values(session: Session, name: str, period: str | None) -> dict[str, Any] | Problem:
    """The values of a new plan called name, or the problem that stops it."""
    name = clean_text(name)
    if (problem := too_long(name, Plan.name)) is not None:
        return problem
    if (near := _near_plan(session, name)) is not None:
        return Problem("import.plan_near_miss", {"value": name, "near": near})
    years = period_years(period) if period else period_years(name)
    if period and (years is None or not _good(years)):
        return Problem("import.bad_plan_period", {"value": period})
    if years is None or not _good(years):
        return Problem("import.plan_needs_period", {"name": name})
    first, last = years
    return {"name": name, "start_year": first, "end_year": last, "owner": "", "description": ""}


def period_kept(plan: Plan, period: str) -> Problem:
    """The notice that an existing plan keeps its years whatever --period says."""
    params = {"value": period, "name": plan.name}
    return Problem("import.period_kept", params | {"start": plan.start_year, "end": plan.end_year})


def _good(years: tuple[int, int]) -> bool:
    return is_year(years[0]) and is_year(years[1]) and years[0] <= years[1]


def _near_plan(session: Session, name: str) -> str | None:
    names = {normalise(n): n for n in session.scalars(select(Plan.name))}
    close = difflib.get_close_matches(normalise(name), names, n=1, cutoff=NEAR_MISS)
    return names[close[0]] if close else None
