"""What the plan's edit services share (plans, themes, goals, actors, measures:
tracker.service.plans, themes, goals, actors, measure_edits): the one writer and
deleter, with its audit rows, and the look-ups and checks they all make.

Every edit checks that the acting user is an administrator, validates all of its
input at once (one ValidationError listing every problem, each tied to its field),
never commits, and writes one audit row per changed entity (before/after hold only
the changed fields; a create has only `after`, a delete only `before`). A save that
changes nothing writes nothing.

The audit rows name entities as the plan import does: a plan, theme or actor by
its name, a goal or measure by its code. Deleting is only for things nothing
refers to.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound
from tracker.models import Goal, Measure, Plan, Theme
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal
from tracker.service.structure import code_sort_key
from tracker.vocab import AuditAction, Entity

LISTED = 10
"""How many codes or names a "still used by" message lists before "…"."""

REQUIRED = "admin.required"


# --- looking up and checking ----------------------------------------------------------


def get_plan(session: Session, plan_id: int) -> Plan:
    """The plan, or NotFound."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound.of("notfound.plan", name=str(plan_id))
    return plan


def existing(session: Session, model: type[Any], entity: Entity, item_id: int) -> Any:
    """The item, or NotFound."""
    item = session.get(model, item_id)
    if item is None:
        raise NotFound.of("admin.not_found", entity=entity, id=item_id)
    return item


def in_plan(session: Session, model: type[Any], entity: Entity, item_id: int, plan: Plan) -> Any:
    """The item, or NotFound when there is none or it belongs to another plan."""
    item = existing(session, model, entity, item_id)
    if item.plan_id != plan.id:
        raise NotFound.of("admin.not_in_plan", entity=entity, id=item_id)
    return item


def check_ref(
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


def check_code_free(
    session: Session,
    checks: Checks,
    model: type[Theme] | type[Goal] | type[Measure],
    plan: Plan,
    code: str,
    item_id: int | None,
) -> None:
    """No other theme (goal, measure) of the plan has this code."""
    query = select(model.id).where(
        model.plan_id == plan.id, model.code == code, model.id != (item_id or -1)
    )
    if session.scalar(query) is not None:
        checks.add("admin.code_taken", "code", code=code)


def listing(items: Iterable[str]) -> str:
    """Names for a message: the first LISTED, then how many more."""
    items = list(items)
    shown = ", ".join(items[:LISTED])
    return shown if len(items) <= LISTED else f"{shown} … (+{len(items) - LISTED})"


def codes(found: Iterable[str]) -> str:
    """Codes for a message, in the plan's order (listing)."""
    return listing(sorted(found, key=code_sort_key))


# --- writing and auditing -------------------------------------------------------------


def audit_value(value: Any) -> Any:
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
    action: AuditAction | None = None,
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
        after = {k: audit_value(v) for k, v in values.items()} | extra_after
        record(
            session,
            principal,
            action=action or AuditAction.CREATE,
            entity=entity,
            entity_id=label,
            after=after,
            bump=bump,
        )
        return list(values)
    changed = {k: v for k, v in values.items() if getattr(item, k) != v}
    if not changed and not extra_after:
        return []
    before = {k: audit_value(getattr(item, k)) for k in changed} | extra_before
    for key, value in changed.items():
        setattr(item, key, value)
    if flush:
        session.flush()
    after = {k: audit_value(v) for k, v in changed.items()} | extra_after
    record(
        session,
        principal,
        action=action or AuditAction.UPDATE,
        entity=entity,
        entity_id=label,
        before=before,
        after=after,
        bump=bump,
    )
    return list(changed) + list(extra_after)


def delete_values(
    session: Session,
    principal: Principal,
    item: Any,
    fields: Iterable[str],
    *,
    entity: Entity,
    label: str,
    extra_before: dict[str, Any] | None = None,
) -> None:
    """Delete item; its audit row holds fields (and extra_before) as they were."""
    before = {k: audit_value(getattr(item, k)) for k in fields} | (extra_before or {})
    session.delete(item)
    session.flush()
    record(
        session, principal, action=AuditAction.DELETE, entity=entity, entity_id=label, before=before
    )
