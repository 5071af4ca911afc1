"""Writing what a run parsed, through the services' own writers (admin.save_values,
status.append_status, audit.record): the plan, its themes, actors and goals, then the
measures with their partners and status reports. Each step says what it changed
(run.changes) and flushes once, so many rows go in one INSERT; nothing commits."""

from __future__ import annotations

from typing import Any

from tracker.errors import Problem
from tracker.models import Measure, MeasurePartner
from tracker.planfile.changes import field_labels
from tracker.planfile.run import ImportRun
from tracker.planfile.specs import MeasureSpec, StatusSpec
from tracker.service.audit import record
from tracker.service.edits import save_values
from tracker.service.status import append_status, status_values
from tracker.vocab import AuditAction, Entity, PartnerRole

ROLE_COLUMNS = {PartnerRole.PARTNER: "partners", PartnerRole.FUNDER: "funders"}


def apply_plan(run: ImportRun) -> None:
    if run.plan_values:
        sync(run, run.plan, run.plan_values, Entity.PLAN, run.plan_values["name"])
        if run.new_plan:  # «Ny plan: … (2024–2028)» says which years it was given
            run.changes[-1] = Problem("import.change_new_plan", run.plan_values)
    run.session.flush()


def apply_structure(run: ImportRun) -> None:
    """The themes, actors and goals (a goal's theme once the themes have ids)."""
    apply_all(run, run.themes.items, run.theme_values, Entity.THEME, "name", plan=True)
    apply_all(run, run.actors.items, run.actor_values, Entity.ACTOR, "name", plan=False)
    for goal in run.goals.items:
        values = run.goal_values.get(id(goal))
        if values is not None:
            theme = values.pop("_theme")
            values["theme_id"] = theme.id if theme is not None else None
    apply_all(run, run.goals.items, run.goal_values, Entity.GOAL, "code", plan=True)


def apply_all(
    run: ImportRun,
    items: list[Any],
    values: dict[int, dict[str, Any]],
    entity: Entity,
    key: str,
    plan: bool,
) -> None:
    for item in items:
        if id(item) in values:
            wanted = dict(values[id(item)])
            if plan:
                wanted["plan_id"] = run.plan.id
            sync(run, item, wanted, entity, wanted[key])
    run.session.flush()


def sync(
    run: ImportRun,
    item: Any,
    wanted: dict[str, Any],
    entity: Entity,
    name: str,
    period_column: bool = False,
) -> list[str]:
    """Write through the admin services' writer (admin.save_values: set what
    differs, add the item if new, audit it) and say what changed (period_column:
    a measure's span came from a Periode column). The caller flushes: many items
    go in one INSERT."""
    is_new = item.id is None
    changed = save_values(
        run.session,
        run.principal,
        item,
        wanted,
        entity=entity,
        label=name,
        action=AuditAction.IMPORT,
        bump=False,
        flush=False,
    )
    if not changed:
        return []
    if is_new:
        run.changes.append(Problem("import.change_new", {"entity": entity, "name": name}))
    else:
        fields = field_labels(entity, changed, period_column=period_column)
        params = {"entity": entity, "name": name, "fields": fields}
        run.changes.append(Problem("import.change_updated", params))
    return changed


def apply_measures(run: ImportRun) -> None:
    """Measures first, flushed at once (their ids), then partners and reports."""
    written = [(spec, write_measure(run, spec)) for spec in run.measures]
    run.session.flush()
    for spec, (measure, changed) in written:
        changed += sync_partners(run, measure, spec)
        if spec.status is not None:
            append(run, measure, spec.status)
            changed.append("status")
        if changed and spec.existing is not None:
            measure.version += 1
    run.session.flush()


def write_measure(run: ImportRun, spec: MeasureSpec) -> tuple[Measure, list[str]]:
    measure = spec.existing or Measure(created_at=run.now)
    values = dict(spec.values)
    values |= {
        "plan_id": run.plan.id,
        "theme_id": spec.theme.id,
        "lead_actor_id": spec.lead.id,
    }
    if spec.existing is None or "goal" in spec.columns:
        values["goal_id"] = spec.goal.id if spec.goal else None
    if spec.existing is None:
        values["version"] = 1
    period = "period" in spec.columns
    changed = sync(run, measure, values, Entity.MEASURE, values["code"], period)
    return measure, changed


def sync_partners(run: ImportRun, measure: Measure, spec: MeasureSpec) -> list[str]:
    new = spec.existing is None  # has none yet: not loaded, added as rows
    have = {} if new else {p.actor_id: p.role for p in measure.partners}
    # A role whose column is missing from the file keeps the actors it has.
    kept = {
        actor_id: role for actor_id, role in have.items() if ROLE_COLUMNS[role] not in spec.columns
    }
    wanted = kept | {actor.id: role for actor, role in spec.partners.values()}
    if wanted == have:
        return []
    links = [MeasurePartner(measure_id=measure.id, actor_id=a, role=r) for a, r in wanted.items()]
    if new:
        run.session.add_all(links)
    else:
        measure.partners = links
    params = {
        "entity": Entity.MEASURE,
        "name": measure.code,
        "fields": field_labels(Entity.MEASURE, ["partners"]),
    }
    if spec.existing is not None:
        run.changes.append(Problem("import.change_updated", params))
    record(
        run.session,
        run.principal,
        action=AuditAction.IMPORT,
        entity=Entity.MEASURE,
        entity_id=measure.code,
        before={"partners": sorted(have)},
        after={"partners": sorted(wanted)},
        bump=False,
    )
    return ["partners"]


def append(run: ImportRun, measure: Measure, spec: StatusSpec) -> None:
    """The row's status report, appended as the report form appends one, audited."""
    assert spec.period is not None
    row = append_status(
        run.session,
        measure,
        period=spec.period,
        status=spec.status,
        progress=spec.progress,
        rag=spec.rag,
        comment=spec.comment,
        next_steps=spec.next_steps,
        user_id=run.principal.user_id,
        actor_id=None,
        reported_at=run.now,
        flush=False,
    )
    params = {"code": measure.code, "status": spec.status, "period": row.period}
    run.changes.append(Problem("import.change_status", params))
    record(
        run.session,
        run.principal,
        action=AuditAction.REPORT,
        entity=Entity.MEASURE,
        entity_id=measure.code,
        after=status_values(row),
        bump=False,
    )
