"""Keeping the plan's measures (tiltak, admin): save and delete, and the rules for
a measure's span and weight that the plan import checks too. The rules every edit
follows: tracker.service.edits.

Measures carry a version (optimistic lock): `save_measure` takes the version the
user's form was made from and refuses with ConflictError when someone else (an
edit, or a status report) has moved it on since. A measure with any status report
is never deleted (its history is append-only) — set its status to cancelled instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.code_lists import MEASURE_LISTS, joined
from tracker.errors import ConflictError, NotFound, Problem, ValidationError
from tracker.limits import MAX_WEIGHT, finite_number
from tracker.models import (
    Actor,
    Contribution,
    Goal,
    Measure,
    MeasurePartner,
    Plan,
    StatusUpdate,
    Theme,
)
from tracker.quarters import Quarter
from tracker.service import overlaps
from tracker.service.checks import Checks
from tracker.service.edits import (
    REQUIRED,
    audit_value,
    check_code_free,
    check_ref,
    delete_values,
    get_plan,
    in_plan,
    save_values,
)
from tracker.service.locking import claim_version
from tracker.service.principal import Principal, require_admin
from tracker.vocab import Entity, PartnerRole, TargetGroup, WorkKind


@dataclass(frozen=True)
class MeasureInput:
    """What the measure form holds. Periods are quarters, e.g. "2025-Q3"."""

    code: str
    title: str
    theme_id: int | None
    lead_actor_id: int | None
    start_period: str
    end_period: str
    description: str = ""
    goal_id: int | None = None
    partners: tuple[tuple[int, PartnerRole], ...] = ()
    weight: float = 1.0
    budget: str = ""
    funding: str = ""
    is_example: bool = False
    target_groups: tuple[TargetGroup | str, ...] = ()  # codes (or members) of the lists
    work_kinds: tuple[WorkKind | str, ...] = ()


MEASURE_FIELDS = (
    "code",
    "title",
    "description",
    "theme_id",
    "goal_id",
    "lead_actor_id",
    "start_period",
    "end_period",
    "weight",
    "budget",
    "funding",
    "is_example",
    "target_groups",
    "work_kinds",
)


def save_measure(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    measure_id: int | None,
    seen_version: int | None,
    values: MeasureInput,
) -> int:
    """Create a measure (measure_id None; version 1) or change one.

    seen_version is the measure's version when the form was filled in; if the
    measure has moved on since (another edit or a status report), ConflictError
    (key admin.conflict, `current` holding the stored values and version).
    Partners are replaced by values.partners. Returns the measure's id.
    Raises PermissionDenied, NotFound (plan, or measure not in it), ValidationError.
    """
    principal = require_admin(session, user)
    plan = get_plan(session, plan_id)
    if measure_id is None:
        fields, partners = _check_measure(session, plan, None, values)
        return _create_measure(session, principal, plan, fields, partners)
    measure = in_plan(session, Measure, Entity.MEASURE, measure_id, plan)
    if seen_version is None:
        raise ValueError("seen_version is required when changing a measure")
    fields, partners = _check_measure(session, plan, measure_id, values)
    _change_measure(session, principal, measure, seen_version, fields, partners)
    return measure.id


def _create_measure(
    session: Session,
    principal: Principal,
    plan: Plan,
    fields: dict[str, Any],
    partners: dict[int, PartnerRole],
) -> int:
    measure = Measure(plan_id=plan.id, version=1, created_at=datetime.now(UTC))
    save_values(
        session,
        principal,
        measure,
        fields,
        entity=Entity.MEASURE,
        label=fields["code"],
        extra_after={"partners": _partner_list(partners)} if partners else None,
    )
    for actor_id, role in partners.items():
        session.add(MeasurePartner(measure_id=measure.id, actor_id=actor_id, role=role))
    session.flush()
    return measure.id


def _change_measure(
    session: Session,
    principal: Principal,
    measure: Measure,
    seen_version: int,
    fields: dict[str, Any],
    partners: dict[int, PartnerRole],
) -> None:
    """Set what differs, the version claimed first; a change of nothing writes nothing."""
    have = {p.actor_id: p.role for p in measure.partners}
    changed = {k: v for k, v in fields.items() if getattr(measure, k) != v}
    if not changed and have == partners:
        return
    _claim_version(session, measure, seen_version)
    partner_change: dict[str, dict[str, Any]] = {"before": {}, "after": {}}
    if have != partners:
        _replace_partners(session, measure, partners)
        partner_change = {
            "before": {"partners": _partner_list(have)},
            "after": {"partners": _partner_list(partners)},
        }
    save_values(
        session,
        principal,
        measure,
        fields,
        entity=Entity.MEASURE,
        label=fields["code"],
        extra_before=partner_change["before"],
        extra_after=partner_change["after"],
    )


def _check_measure(
    session: Session, plan: Plan, measure_id: int | None, values: MeasureInput
) -> tuple[dict[str, Any], dict[int, PartnerRole]]:
    """Every rule for a measure at once. Returns (column values, partners by actor id)."""
    checks = Checks()
    fields: dict[str, Any] = {
        "code": checks.text("code", values.code, Measure.code, required=REQUIRED),
        "title": checks.text("title", values.title, Measure.title, required=REQUIRED),
        "description": checks.text("description", values.description, Measure.description),
        "theme_id": values.theme_id,
        "goal_id": values.goal_id,
        "lead_actor_id": values.lead_actor_id,
        "budget": checks.text("budget", values.budget, Measure.budget),
        "funding": checks.text("funding", values.funding, Measure.funding),
        "is_example": bool(values.is_example),
        **{
            name: _codes(checks, name, getattr(values, name), kind)
            for name, kind in MEASURE_LISTS.items()
        },
    }
    if fields["code"]:
        check_code_free(session, checks, Measure, plan, fields["code"], measure_id)
    if values.theme_id is None:
        checks.add("admin.required", "theme_id")
    else:
        check_ref(checks, session, Theme, Entity.THEME, values.theme_id, plan, "theme_id")
    if values.goal_id is not None:
        check_ref(checks, session, Goal, Entity.GOAL, values.goal_id, plan, "goal_id")
    years = plan.start_year, plan.end_year
    fields["start_period"], fields["end_period"] = check_span(
        checks, years, values.start_period, values.end_period
    )
    fields["weight"] = check_weight(checks, values.weight)
    partners = _check_actors(session, checks, values)
    checks.raise_if_any()
    return fields, partners


def _codes(
    checks: Checks, field: str, wanted: tuple[StrEnum | str, ...], vocabulary: type[StrEnum]
) -> str:
    """Members of a controlled list as the column holds them (code_lists)."""
    column = getattr(Measure, field)
    found = [checks.member(field, code, vocabulary, column) for code in wanted]
    return joined(m for m in found if m is not None)


def check_span(
    checks: Checks, years: tuple[int, int], start_period: object, end_period: object
) -> tuple[str, str]:
    """A measure's span: two quarters inside the plan's years, the end not before
    the start. Returns them as text ("" when bad)."""
    start = checks.quarter("start_period", start_period)
    end = checks.quarter("end_period", end_period)
    first, last = Quarter(years[0], 1), Quarter(years[1], 4)
    for field, period in (("start_period", start), ("end_period", end)):
        if period is not None and not first <= period <= last:
            params = {"period": str(period), "start": str(first), "end": str(last)}
            checks.add("admin.period_outside_plan", field, **params)
    if start is not None and end is not None and end < start:
        checks.add("admin.end_before_start", "end_period", start=str(start), end=str(end))
    return str(start or ""), str(end or "")


def check_weight(checks: Checks, weight: object) -> float:
    """A measure's weight: a finite number above 0 and at most MAX_WEIGHT."""
    number = finite_number(weight)
    if number is None or not 0 < number <= MAX_WEIGHT:
        checks.add("admin.weight_invalid", "weight", value=weight, max=MAX_WEIGHT)
        return 0.0
    return number


def _check_actors(session: Session, checks: Checks, values: MeasureInput) -> dict[int, PartnerRole]:
    """The lead and the partners exist; no partner twice; the lead is no partner."""
    wanted_ids = {values.lead_actor_id} | {actor_id for actor_id, _ in values.partners}
    ids = [i for i in wanted_ids if isinstance(i, int) and not isinstance(i, bool)]
    names = dict(session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(ids))).all())
    lead = values.lead_actor_id
    if lead is None:
        checks.add("admin.required", "lead_actor_id")
    elif lead not in names:
        checks.add("admin.not_found", "lead_actor_id", entity=Entity.ACTOR, id=lead)
    partners: dict[int, PartnerRole] = {}
    for actor_id, role in values.partners:
        if actor_id not in names:
            checks.add("admin.not_found", "partners", entity=Entity.ACTOR, id=actor_id)
            continue
        if actor_id in partners:
            checks.add("admin.partner_twice", "partners", name=names[actor_id])
            continue
        if actor_id == lead:
            checks.add("admin.lead_is_partner", "partners", name=names[actor_id])
            continue
        try:
            partners[actor_id] = PartnerRole(role)
        except ValueError:
            checks.add("admin.role_invalid", "partners", value=role)
    return partners


def _partner_list(partners: dict[int, PartnerRole]) -> list[str]:
    """Partners for the audit log: "actor_id:role", by actor id."""
    return [f"{actor_id}:{PartnerRole(role).value}" for actor_id, role in sorted(partners.items())]


def _replace_partners(session: Session, measure: Measure, wanted: dict[int, PartnerRole]) -> None:
    by_actor = {p.actor_id: p for p in measure.partners}
    for actor_id, partner in by_actor.items():
        if actor_id not in wanted:
            measure.partners.remove(partner)
        elif partner.role != wanted[actor_id]:
            partner.role = wanted[actor_id]
    for actor_id, role in wanted.items():
        if actor_id not in by_actor:
            measure.partners.append(
                MeasurePartner(measure_id=measure.id, actor_id=actor_id, role=role)
            )
    session.flush()


def _claim_version(session: Session, measure: Measure, seen_version: int) -> int:
    """claim_version, or a ConflictError that carries the stored values."""
    if not claim_version(session, measure, seen_version):
        current = {k: audit_value(getattr(measure, k)) for k in MEASURE_FIELDS}
        current["partners"] = _partner_list({p.actor_id: p.role for p in measure.partners})
        current["version"] = measure.version
        raise ConflictError(
            Problem("admin.conflict", {"code": measure.code, "version": measure.version}),
            current=current,
        )
    return measure.version


def delete_measure(session: Session, *, user: Principal, measure_id: int) -> None:
    """Delete a measure that has never had a status report (and its partner rows).

    Raises PermissionDenied, NotFound, ValidationError (admin.measure_has_history).
    """
    principal = require_admin(session, user)
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise NotFound.of("notfound.measure")
    reports = session.scalar(
        select(func.count(StatusUpdate.id)).where(StatusUpdate.measure_id == measure.id)
    )
    if reports:
        raise ValidationError.of("admin.measure_has_history", code=measure.code, count=reports)
    given = session.scalar(
        select(func.count(Contribution.id)).where(Contribution.measure_id == measure.id)
    )
    if given:
        raise ValidationError.of("admin.measure_has_contributions", code=measure.code, count=given)
    partners = {p.actor_id: p.role for p in measure.partners}
    overlaps.forget_measure(session, principal, measure.id)
    delete_values(
        session,
        principal,
        measure,
        ("plan_id", *MEASURE_FIELDS),
        entity=Entity.MEASURE,
        label=measure.code,
        extra_before={"partners": _partner_list(partners)} if partners else None,
    )
