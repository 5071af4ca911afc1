"""A plan found or created by its name: `tracker import FILE --plan NAME [--period
2024-2028]`. A name that differs from a plan's only in case or spaces is that plan.
A new name is a new plan, checked as the admin form checks one (plans.plan_fields,
check_plan_name_free); a name merely close to a known plan's makes the new plan
too, with a notice that names the near one. The period comes from --period, else
from the years in the name («… 2024–2028»), else from the first «2024–2028» in the
measure sheet's title rows; with none the import asks for --period."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cleaning import clean_text
from tracker.errors import Problem
from tracker.models import Plan
from tracker.planfile.read import normalise
from tracker.planfile.resolve import NEAR_MISS, close_match
from tracker.service.checks import Checks
from tracker.service.plans import check_plan_name_free, plan_fields

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


def title_years(titles: Iterable[str]) -> tuple[int, int] | None:
    """The first «2024-2028» or «2024–2028» in a sheet's title rows."""
    for title in titles:
        if span := _SPAN.search(str(title)):
            return int(span[1]), int(span[2])
    return None


def same_name(name: str) -> str:
    """How plan names are matched: case and spaces aside."""
    return " ".join(clean_text(name).split()).casefold()


def find_plan(session: Session, name: str) -> Plan | None:
    """The plan whose name is name but for case and spaces (get_plan matches exactly)."""
    wanted = same_name(name)
    return next((p for p in session.scalars(select(Plan)) if same_name(p.name) == wanted), None)


def new_plan_values(
    session: Session, name: str, period: str | None, titles: Iterable[str] = ()
) -> tuple[dict[str, Any], list[Problem], list[Problem]]:
    """The values of a new plan called name, the problems that stop it (the admin
    form's), and the notices (a plan with a close name)."""
    name = clean_text(name)
    years = period_years(period) if period else period_years(name) or title_years(titles)
    if period and years is None:
        return {}, [Problem("import.bad_plan_period", {"value": period})], []
    if years is None:
        return {}, [Problem("import.plan_needs_period", {"name": name})], []
    checks = Checks()
    values = plan_fields(checks, name, *years, "", "")
    check_plan_name_free(session, checks, values["name"], None)
    notices = []
    if (near := _near_plan(session, values["name"])) is not None:
        notices.append(Problem("import.plan_new_near", {"value": values["name"], "near": near}))
    return values, checks.problems, notices


def period_kept(plan: Plan, period: str) -> Problem:
    """The notice that an existing plan keeps its years whatever --period says."""
    params = {"value": period, "name": plan.name}
    return Problem("import.period_kept", params | {"start": plan.start_year, "end": plan.end_year})


def _near_plan(session: Session, name: str) -> str | None:
    names = {normalise(n): n for n in session.scalars(select(Plan.name))}
    close = close_match(normalise(name), names, NEAR_MISS)
    return names[close] if close is not None else None
