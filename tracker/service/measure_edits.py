"""Keeping the plan (admin): plans, themes, goals, actors and measures.

Every function checks that the acting user is an administrator, validates all of
its input at once (one ValidationError listing every problem, each tied to its
field), never commits, and writes one audit row per changed entity (before/after
hold only the changed fields; a create has only `after`, a delete only `before`).
A save that changes nothing writes nothing.

The audit rows name entities as the plan import does: a plan, theme or actor by
its name, a goal or measure by its code.

Measures carry a version (optimistic lock): `save_measure` takes the version the
user's form was made from and refuses with ConflictError when someone else (an
edit, or a status report) has moved it on since. Deleting is only for things
nothing refers to; a measure with any status report is never deleted (its
history is append-only) — set its status to cancelled instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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
    User,
)
from tracker.quarters import Quarter
from tracker.service import overlaps
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.locking import claim_version
from tracker.service.principal import Principal, require_admin
from tracker.service.structure import code_sort_key
from tracker.vocab import ActorKind, Entity, PartnerRole

LISTED = 10
"""How many codes or names a "still used by" message lists before "…"."""


# --- checking input -------------------------------------------------------------------

REQUIRED = "admin.required"


def _plan(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound.of("notfound.plan", name=str(plan_id))
    return plan


def _existing(session: Session, model: type[Any], entity: Entity, item_id: int) -> Any:
    item = session.get(model, item_id)
    if item is None:
        raise NotFound.of("admin.not_found", entity=entity, id=item_id)
    return item


def _in_plan(session: Session, model: type[Any], entity: Entity, item_id: int, plan: Plan) -> Any:
    item = _existing(session, model, entity, item_id)
    if item.plan_id != plan.id:
        raise NotFound.of("admin.not_in_plan", entity=entity, id=item_id)
    return item


def _check_ref(
    checks: Checks,
    session: Session,
    model: type[Any],
    entity: Entity,
    item_id: object,
    plan: Plan,
    field: str,
) -> None:
    """A reference from a form (theme, goal) must exist and belong to the plan."""
    if isinstance(item_id, bool) or not isinstance(item_id, int):
        checks.add("admin.not_found", field, entity=entity, id=item_id)
        return
    item = session.get(model, item_id)
    if item is None:
        checks.add("admin.not_found", field, entity=entity, id=item_id)
    elif item.plan_id != plan.id:
        checks.add("admin.not_in_plan", field, entity=entity, id=item_id)


def _listing(items: Iterable[str]) -> str:
    items = list(items)
    shown = ", ".join(items[:LISTED])
    return shown if len(items) <= LISTED else f"{shown} … (+{len(items) - LISTED})"


def _codes(codes: Iterable[str]) -> str:
    return _listing(sorted(codes, key=code_sort_key))


# --- writing and auditing -------------------------------------------------------------


def _audit_value(value: Any) -> Any:
    return value.value if isinstance(value, StrEnum) else value


def save_values(
    session: Session,
    principal: Principal,
    item: Any,
    values: dict[str, Any],
    *,
    entity: Entity,
    label: str,
    extra_before: dict[str, Any] | None = None,
    extra_after: dict[str, Any] | None = None,
    action: str | None = None,
    bump: bool = True,
    flush: bool = True,
) -> list[str]:
    """The one writer of the plan: create item (when it has no id yet) or set what
    differs; audit it. Returns the fields written (all of them for a new item).

    extra_before/extra_after carry changes made outside `values` (a measure's partners).
    action is "create"/"update" unless given (the plan import says "import"); a bulk
    write passes bump=False and bumps the data revision once itself, and flush=False
    to flush many items at once (one INSERT for all, not one each).
    """
    extra_before, extra_after = extra_before or {}, extra_after or {}
    if item.id is None:
        for key, value in values.items():
            setattr(item, key, value)
        session.add(item)
        if flush:
            session.flush()
        after = {k: _audit_value(v) for k, v in values.items()} | extra_after
        record(
            session, principal, action=action or "create", entity=entity, entity_id=label,
            after=after, bump=bump,
        )  # fmt: skip
        return list(values)
    changed = {k: v for k, v in values.items() if getattr(item, k) != v}
    if not changed and not extra_after:
        return []
    before = {k: _audit_value(getattr(item, k)) for k in changed} | extra_before
    for key, value in changed.items():
        setattr(item, key, value)
    if flush:
        session.flush()
    after = {k: _audit_value(v) for k, v in changed.items()} | extra_after
    record(
        session,
        principal,
        action=action or "update",
        entity=entity,
        entity_id=label,
        before=before,
        after=after,
        bump=bump,
    )
    return list(changed) + list(extra_after)


def _delete(
    session: Session,
    principal: Principal,
    item: Any,
    fields: Iterable[str],
    *,
    entity: Entity,
    label: str,
    extra_before: dict[str, Any] | None = None,
) -> None:
    before = {k: _audit_value(getattr(item, k)) for k in fields} | (extra_before or {})
    session.delete(item)
    session.flush()
    record(session, principal, action="delete", entity=entity, entity_id=label, before=before)


# --- plans ----------------------------------------------------------------------------


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
    plan = _plan(session, plan_id) if plan_id is not None else None
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
    values = {
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
    for field, codes in (("start_year", early), ("end_year", late)):
        if codes:
            params = {"codes": _codes(codes), "start": first, "end": last}
            checks.add("admin.measures_outside_years", field, **params)


# --- themes and goals -----------------------------------------------------------------


def save_theme(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    theme_id: int | None,
    code: str,
    name: str,
    description: str = "",
    position: int | None = None,
) -> int:
    """Create a theme (theme_id None) or change one. position None: last (new) or as is.

    Raises PermissionDenied, NotFound (plan, or theme not in the plan), ValidationError.
    """
    principal = require_admin(session, user)
    plan = _plan(session, plan_id)
    theme = _in_plan(session, Theme, Entity.THEME, theme_id, plan) if theme_id is not None else None
    checks = Checks()
    values: dict[str, Any] = {
        "code": checks.text("code", code, Theme.code, required=REQUIRED),
        "name": checks.text("name", name, Theme.name, required=REQUIRED),
        "description": checks.text("description", description, Theme.description),
    }
    if position is None:
        if theme is None:
            highest = session.scalar(
                select(func.max(Theme.position)).where(Theme.plan_id == plan.id)
            )
            values["position"] = (highest or 0) + 1
    elif isinstance(position, bool) or not isinstance(position, int) or position < 0:
        checks.add("admin.position_invalid", "position", value=position)
    else:
        values["position"] = position
    if values["code"]:
        _check_code_free(session, checks, Theme, plan, values["code"], theme_id)
    checks.raise_if_any()
    item = theme or Theme(plan_id=plan.id)
    save_values(session, principal, item, values, entity=Entity.THEME, label=values["name"])
    return item.id


def _check_code_free(
    session: Session,
    checks: Checks,
    model: type[Theme] | type[Goal] | type[Measure],
    plan: Plan,
    code: str,
    item_id: int | None,
) -> None:
    query = select(model.id).where(
        model.plan_id == plan.id, model.code == code, model.id != (item_id or -1)
    )
    if session.scalar(query) is not None:
        checks.add("admin.code_taken", "code", code=code)


def save_goal(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    goal_id: int | None,
    code: str,
    text: str,
    theme_id: int | None,
) -> int:
    """Create a goal (goal_id None) or change one; theme_id None for an overall goal.

    Raises PermissionDenied, NotFound (plan, or goal not in the plan), ValidationError.
    """
    principal = require_admin(session, user)
    plan = _plan(session, plan_id)
    goal = _in_plan(session, Goal, Entity.GOAL, goal_id, plan) if goal_id is not None else None
    checks = Checks()
    values = {
        "code": checks.text("code", code, Goal.code, required=REQUIRED),
        "text": checks.text("text", text, Goal.text, required=REQUIRED),
        "theme_id": theme_id,
    }
    if theme_id is not None:
        _check_ref(checks, session, Theme, Entity.THEME, theme_id, plan, "theme_id")
    if values["code"]:
        _check_code_free(session, checks, Goal, plan, values["code"], goal_id)
    checks.raise_if_any()
    item = goal or Goal(plan_id=plan.id)
    save_values(session, principal, item, values, entity=Entity.GOAL, label=values["code"])
    return item.id


# --- actors ---------------------------------------------------------------------------


def save_actor(
    session: Session,
    *,
    user: Principal,
    actor_id: int | None,
    name: str,
    short_name: str = "",
    kind: ActorKind | str | None = None,
    contact: str = "",
) -> int:
    """Create an actor (actor_id None) or change one. Returns the actor's id.

    Names are unique ignoring case, and so are short names when given; a short name
    may not be another actor's name either (actors are looked up by both).
    Raises PermissionDenied, NotFound (no such actor), ValidationError.
    """
    principal = require_admin(session, user)
    actor = _existing(session, Actor, Entity.ACTOR, actor_id) if actor_id is not None else None
    checks = Checks()
    values = actor_fields(checks, name, short_name, kind, contact)
    others = session.execute(
        select(Actor.name, Actor.short_name).where(Actor.id != (actor_id or -1))
    ).all()
    check_actor_names(checks, values, name_index((n, s or "") for n, s in others))
    checks.raise_if_any()
    item = actor or Actor()
    save_values(session, principal, item, values, entity=Entity.ACTOR, label=values["name"])
    return item.id


def actor_fields(
    checks: Checks, name: object, short_name: object, kind: object, contact: object
) -> dict[str, Any]:
    """An actor's values cleaned and checked (a name, sizes, a kind of the vocabulary)."""
    values: dict[str, Any] = {
        "name": checks.text("name", name, Actor.name, required=REQUIRED),
        "short_name": checks.text("short_name", short_name, Actor.short_name),
        "kind": None,
        "contact": checks.text("contact", contact, Actor.contact),
    }
    if kind not in (None, ""):
        try:
            values["kind"] = ActorKind(kind)
        except ValueError:
            checks.add("admin.kind_invalid", "kind", value=kind)
    return values


def check_actor_names(checks: Checks, values: dict[str, Any], others: Mapping[str, str]) -> None:
    """An actor's name and short name are no other actor's name or short name,
    ignoring case. others maps the other actors' names and short names, casefolded,
    to their names (name_index)."""
    for field in ("name", "short_name"):
        wanted = values[field].casefold()
        if wanted and wanted in others:
            key = "admin.actor_name_taken" if field == "name" else "admin.short_name_taken"
            checks.add(key, field, name=values[field], actor=others[wanted])


def name_index(actors: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(name, short name) pairs as check_actor_names' others: the first actor
    holding a name or short name is the one named."""
    index: dict[str, str] = {}
    for name, short in actors:
        for key in (name.casefold(), short.casefold()):
            if key:
                index.setdefault(key, name)
    return index


# --- measures -------------------------------------------------------------------------


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
    plan = _plan(session, plan_id)
    measure = None
    if measure_id is not None:
        measure = _in_plan(session, Measure, Entity.MEASURE, measure_id, plan)
        if seen_version is None:
            raise ValueError("seen_version is required when changing a measure")
    fields, partners = _check_measure(session, plan, measure_id, values)
    if measure is None:
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
    have = {p.actor_id: p.role for p in measure.partners}
    changed = {k: v for k, v in fields.items() if getattr(measure, k) != v}
    if not changed and have == partners:
        return measure.id
    assert seen_version is not None
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
    return measure.id


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
    }
    if fields["code"]:
        _check_code_free(session, checks, Measure, plan, fields["code"], measure_id)
    if values.theme_id is None:
        checks.add("admin.required", "theme_id")
    else:
        _check_ref(checks, session, Theme, Entity.THEME, values.theme_id, plan, "theme_id")
    if values.goal_id is not None:
        _check_ref(checks, session, Goal, Entity.GOAL, values.goal_id, plan, "goal_id")
    years = plan.start_year, plan.end_year
    fields["start_period"], fields["end_period"] = check_span(
        checks, years, values.start_period, values.end_period
    )
    fields["weight"] = check_weight(checks, values.weight)
    partners = _check_actors(session, checks, values)
    checks.raise_if_any()
    return fields, partners


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
        current = {k: _audit_value(getattr(measure, k)) for k in MEASURE_FIELDS}
        current["partners"] = _partner_list({p.actor_id: p.role for p in measure.partners})
        current["version"] = measure.version
        raise ConflictError(
            Problem("admin.conflict", {"code": measure.code, "version": measure.version}),
            current=current,
        )
    return measure.version


# --- deleting -------------------------------------------------------------------------


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
    _delete(
        session,
        principal,
        measure,
        ("plan_id", *MEASURE_FIELDS),
        entity=Entity.MEASURE,
        label=measure.code,
        extra_before={"partners": _partner_list(partners)} if partners else None,
    )


def delete_theme(session: Session, *, user: Principal, theme_id: int) -> None:
    """Delete a theme no measure and no goal belongs to.

    Raises PermissionDenied, NotFound, ValidationError (naming what still uses it).
    """
    principal = require_admin(session, user)
    theme = _existing(session, Theme, Entity.THEME, theme_id)
    checks = Checks()
    measures = session.scalars(select(Measure.code).where(Measure.theme_id == theme.id)).all()
    if measures:
        checks.add("admin.used_by_measures", name=theme.name, codes=_codes(measures))
    goals = session.scalars(select(Goal.code).where(Goal.theme_id == theme.id)).all()
    if goals:
        checks.add("admin.used_by_goals", name=theme.name, codes=_codes(goals))
    checks.raise_if_any()
    fields = ("plan_id", "code", "name", "description", "position")
    _delete(session, principal, theme, fields, entity=Entity.THEME, label=theme.name)


def delete_goal(session: Session, *, user: Principal, goal_id: int) -> None:
    """Delete a goal no measure points to.

    Raises PermissionDenied, NotFound, ValidationError (naming what still uses it).
    """
    principal = require_admin(session, user)
    goal = _existing(session, Goal, Entity.GOAL, goal_id)
    measures = session.scalars(select(Measure.code).where(Measure.goal_id == goal.id)).all()
    if measures:
        raise ValidationError.of("admin.used_by_measures", name=goal.code, codes=_codes(measures))
    fields = ("plan_id", "code", "text", "theme_id")
    _delete(session, principal, goal, fields, entity=Entity.GOAL, label=goal.code)


def delete_actor(session: Session, *, user: Principal, actor_id: int) -> None:
    """Delete an actor nothing refers to: no measure it leads or partners, no user
    account, no status report made on its behalf.

    Raises PermissionDenied, NotFound, ValidationError (naming what still uses it).
    """
    principal = require_admin(session, user)
    actor = _existing(session, Actor, Entity.ACTOR, actor_id)
    checks = Checks()
    led = session.scalars(select(Measure.code).where(Measure.lead_actor_id == actor.id)).all()
    if led:
        checks.add("admin.leads_measures", name=actor.name, codes=_codes(led))
    partnered = session.scalars(
        select(Measure.code)
        .join(MeasurePartner, MeasurePartner.measure_id == Measure.id)
        .where(MeasurePartner.actor_id == actor.id)
    ).all()
    if partnered:
        checks.add("admin.partner_in_measures", name=actor.name, codes=_codes(partnered))
    users = session.scalars(
        select(User.username).where(User.actor_id == actor.id).order_by(User.username)
    ).all()
    if users:
        checks.add("admin.used_by_users", name=actor.name, names=_listing(users))
    reports = session.scalar(
        select(func.count(StatusUpdate.id)).where(StatusUpdate.reported_by_actor_id == actor.id)
    )
    if reports:
        checks.add("admin.used_by_reports", name=actor.name, count=reports)
    contributions = session.scalar(
        select(func.count(Contribution.id)).where(Contribution.actor_id == actor.id)
    )
    if contributions:
        checks.add("admin.used_by_contributions", name=actor.name, count=contributions)
    checks.raise_if_any()
    fields = ("name", "short_name", "kind", "contact")
    _delete(session, principal, actor, fields, entity=Entity.ACTOR, label=actor.name)
