"""Keeping the plan itself (admin): its name, years, owner and description. The
rules every edit follows: tracker.service.edits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Measure, Plan
from tracker.quarters import Quarter
from tracker.service.checks import Checks
from tracker.service.edits import REQUIRED, codes, get_plan, save_values
from tracker.service.principal import Principal, require_admin
from tracker.vocab import Entity


def save_plan(
    session: Session,
    *,
    user: Principal,
    plan_id: int | None,
    name: str,
    start_year: int,
    end_year: int,
    owner: str = "",
    description: str = "",
) -> int:
    """Create a plan (plan_id None) or change one. Returns the plan's id.

    Raises PermissionDenied, NotFound (no such plan), ValidationError.
    """
    principal = require_admin(session, user)
    plan = get_plan(session, plan_id) if plan_id is not None else None
    checks = Checks()
    values = plan_fields(checks, name, start_year, end_year, owner, description)
    first, last = values["start_year"], values["end_year"]
    if plan is not None and first is not None and last is not None and first <= last:
        _check_measures_inside(session, checks, plan, first, last)
    check_plan_name_free(session, checks, values["name"], plan_id)
    checks.raise_if_any()
    item = plan or Plan()
    save_values(session, principal, item, values, entity=Entity.PLAN, label=values["name"])
    return item.id


def plan_fields(
    checks: Checks,
    name: object,
    start_year: object,
    end_year: object,
    owner: object,
    description: object,
) -> dict[str, Any]:
    """A plan's values cleaned and checked: a name, years from MIN_YEAR to
    MAX_YEAR, the end not before the start, texts within their columns."""
    values: dict[str, Any] = {
        "name": checks.text("name", name, Plan.name, required=REQUIRED),
        "start_year": checks.year("start_year", start_year),
        "end_year": checks.year("end_year", end_year),
        "owner": checks.text("owner", owner, Plan.owner),
        "description": checks.text("description", description, Plan.description),
    }
    first, last = values["start_year"], values["end_year"]
    if first is not None and last is not None and last < first:
        checks.add("admin.end_before_start", "end_year", start=first, end=last)
    return values


def check_plan_name_free(session: Session, checks: Checks, name: str, plan_id: int | None) -> None:
    """No other plan has this name, ignoring case."""
    if name:
        taken = session.scalars(select(Plan.name).where(Plan.id != (plan_id or -1))).all()
        if name.casefold() in {n.casefold() for n in taken}:
            checks.add("admin.plan_name_taken", "name", name=name)


def _check_measures_inside(
    session: Session, checks: Checks, plan: Plan, first: int, last: int
) -> None:
    """New plan years must still hold every measure of the plan."""
    rows = session.execute(
        select(Measure.code, Measure.start_period, Measure.end_period).where(
            Measure.plan_id == plan.id
        )
    ).all()
    early = [code for code, start, _ in rows if Quarter.parse(start) < Quarter(first, 1)]
    late = [code for code, _, end in rows if Quarter.parse(end) > Quarter(last, 4)]
    for field, found in (("start_year", early), ("end_year", late)):
        if found:
            params = {"codes": codes(found), "start": first, "end": last}
            checks.add("admin.measures_outside_years", field, **params)
