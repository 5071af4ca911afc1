"""The audit log in words: who did what to which thing, each field by the name the
forms give it and each value as the pages show it, in the reader's language.

The stored rows stay as they were written (codes, ids); this module reads them.
It never touches the database: `wanted_ids` says which names a page of rows needs,
the caller looks them up at once (tracker.service.audit_log), and the rest takes
them as `names` (kind -> id -> name). A name that is gone reads as «(slettet)».
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from tracker import i18n
from tracker.code_lists import MEASURE_LISTS, SEPARATOR
from tracker.quarters import Quarter
from tracker.vocab import (
    ActionKind,
    ActionStatus,
    ActorKind,
    AuditAction,
    Direction,
    Entity,
    EventKind,
    InstrumentKind,
    OverlapVerdict,
    PartnerRole,
    Rag,
    Role,
    Stage,
    Status,
    TargetGroup,
)

Names = Mapping[str, Mapping[int, str]]
"""Names by kind (an Entity: "actor", "theme", "goal", "measure", "plan", "event", "indicator",
"user") and id."""

VALUE_WIDTH = 60
"""A value longer than this is cut short (with …)."""

ID_FIELDS = {
    "theme_id": Entity.THEME,
    "goal_id": Entity.GOAL,
    "lead_actor_id": Entity.ACTOR,
    "actor_id": Entity.ACTOR,
    "measure_id": Entity.MEASURE,
    "pair_a_id": Entity.MEASURE,
    "pair_b_id": Entity.MEASURE,
}
"""Fields that hold the id of another thing: shown by its name."""

HIDDEN = {"plan_id", "version", "pair"}
"""Fields a reader needs not see: the plan is the page's, the version a lock, the
pair is the entry's thing."""

ENTITY_FIELD_KEYS: dict[tuple[str, str], str] = {
    (Entity.PLAN, "name"): "adminpage.plan_name",
    (Entity.PLAN, "measures"): "kpi.measures",
    (Entity.PLAN, "users"): "adminpage.tab.users",
    (Entity.PLAN, "indicators"): "page.indicators",
    (Entity.PLAN, "meetings"): "page.meeting",
    (Entity.GOAL, "text"): "adminpage.goal_text",
    (Entity.MEASURE, "text"): "field.contribution.text",
    (Entity.INDICATOR, "period"): "audit.field.period",
    (Entity.ACTOR_PROFILE, "target_groups"): "field.actor_profile.target_groups",
    (Entity.MEASURE, "target_groups"): "field.measure.target_groups",
    (Entity.MEASURE, "work_kinds"): "field.measure.work_kinds",
    (Entity.INSTRUMENT, "target_groups"): "field.instrument.target_groups",
    (Entity.INSTRUMENT, "link"): "field.instrument.link",
    (Entity.MEETING_ACTION, "text"): "field.meeting_action.text",
    (Entity.MEETING_ACTION, "kind"): "field.meeting_action.kind",
    (Entity.MEETING_ACTION, "measure_id"): "field.meeting_action.measure",
    (Entity.MEETING_ACTION, "pair_a_id"): "field.meeting_action.pair",
    (Entity.MEETING_ACTION, "pair_b_id"): "field.meeting_action.pair",
    (Entity.MEETING, "year"): "field.meeting.year",
}
"""A field's label where the entity decides it; else FIELD_KEYS."""

FIELD_KEYS = {
    "code": "col.code",
    "name": "adminpage.name",
    "title": "adminpage.measure_title",
    "description": "adminpage.description",
    "owner": "field.plan.owner",
    "start_year": "adminpage.start_year",
    "end_year": "adminpage.end_year",
    "position": "audit.field.position",
    "theme_id": "col.theme",
    "goal_id": "adminpage.goal",
    "lead_actor_id": "col.lead",
    "actor_id": "col.actor",
    "measure_id": "coord.col.first",
    "partners": "col.partners",
    "start_period": "adminpage.start",
    "end_period": "adminpage.end",
    "weight": "col.weight",
    "budget": "col.budget",
    "funding": "col.funding",
    "is_example": "audit.field.is_example",
    "short_name": "adminpage.short_name",
    "kind": "adminpage.kind",
    "contact": "adminpage.contact",
    "period": "col.period",
    "quarter": "col.period",
    "status": "col.status",
    "progress": "col.progress",
    "rag": "col.rag",
    "comment": "col.comment",
    "next_steps": "col.next_steps",
    "role": "login.role",
    "email": "adminpage.email",
    "active": "adminpage.active",
    "reason": "audit.field.reason",
    "sent": "audit.field.sent",
    "failed": "audit.field.failed",
    "reports": "audit.field.reports",
    "events": "audit.field.events",
    "unit": "indicators.unit",
    "baseline_year": "indicators.baseline_year",
    "baseline_value": "indicators.baseline_value",
    "target_year": "indicators.target_year",
    "target_value": "indicators.target_value",
    "direction": "indicators.direction",
    "value": "indicators.value",
    "source": "field.indicator.source",
    "starts": "wheel.field.starts",
    "ends": "audit.field.ends",
    "link": "wheel.field.link",
    "yearly": "wheel.field.yearly",
    "target_groups": "field.event.target_groups",
    "place": "field.event.place",
    "verdict": "coord.verdict",
    "note": "field.overlap_decision.note",
    "about": "field.actor_profile.about",
    "members": "field.actor_profile.members",
    "area": "field.actor_profile.area",
    "strategy": "field.actor_profile.strategy",
    "focus_areas": "field.actor_profile.focus_areas",
    "themes": "field.actor_profile.themes",
    "work_kinds": "field.actor_profile.work_kinds",
    "cooperation": "field.actor_profile.cooperation",
    "contacts": "field.actor_profile.contacts",
    "stages": "field.instrument.stages",
    "industries": "field.instrument.industries",
    "amount": "field.instrument.amount",
    "deadlines": "field.instrument.deadlines",
    "held_on": "field.meeting.held_on",
    "invited": "field.meeting.invited",
    "minutes": "field.meeting.minutes",
}

VOCABULARY_FIELDS: dict[str, type[StrEnum]] = {
    "status": Status,
    "rag": Rag,
    "role": Role,
    "direction": Direction,
    "verdict": OverlapVerdict,
}
"""Fields whose values are codes of a vocabulary (kind: by entity, KIND_OF)."""

CODE_LISTS: dict[tuple[str, str], type[StrEnum]] = {
    (entity, name): kind
    for entity in (Entity.MEASURE, Entity.ACTOR_PROFILE)
    for name, kind in MEASURE_LISTS.items()
}
"""(entity, field) whose value is a list of a vocabulary's codes (tracker.code_lists)."""

ENTITY_VOCABULARIES: dict[tuple[str, str], type[StrEnum]] = {
    **CODE_LISTS,
    (Entity.INSTRUMENT, "target_groups"): TargetGroup,
    (Entity.INSTRUMENT, "stages"): Stage,
    (Entity.MEETING_ACTION, "status"): ActionStatus,
}
"""Fields whose values are codes of a vocabulary where the entity decides it."""

KIND_OF: dict[str, type[StrEnum]] = {
    Entity.ACTOR: ActorKind,
    Entity.EVENT: EventKind,
    Entity.INSTRUMENT: InstrumentKind,
    Entity.MEETING_ACTION: ActionKind,
}

QUARTER_FIELDS = {"period", "quarter", "start_period", "end_period"}
DATE_FIELDS = {"starts", "ends", "held_on"}
YEAR_FIELDS = {"year", "start_year", "end_year", "baseline_year", "target_year"}
REASONS = {"demo": "audit.reason.demo"}

THING_BY_ID = {Entity.EVENT, Entity.INDICATOR}
"""Entities whose rows name the thing by its id."""
ACTIONS_BY_ID = {
    (Entity.PLAN, AuditAction.DEMO),
    (Entity.PLAN, AuditAction.CLOSE_QUARTER),
    (Entity.PLAN, AuditAction.REOPEN_QUARTER),
    (Entity.ACTOR, AuditAction.REMIND),
}
"""(entity, action) whose rows name the thing by its id; the others by its name or code."""


def action_text(action: str, entity: str, lang: str = i18n.DEFAULT_LANG) -> str:
    """'Statusrapport', or 'Ny indikatorverdi' for a value reported on an indicator."""
    special = f"auditaction.{action}.{entity}"
    if special in i18n.CATALOGUE:
        return i18n.t(special, lang)
    try:
        return i18n.label(AuditAction(action), lang)
    except ValueError:
        return action


def entity_text(entity: str, lang: str = i18n.DEFAULT_LANG) -> str:
    try:
        return i18n.label(Entity(entity), lang)
    except ValueError:
        return entity


def field_text(entity: str, field: str, lang: str = i18n.DEFAULT_LANG) -> str:
    key = ENTITY_FIELD_KEYS.get((entity, field)) or FIELD_KEYS.get(field)
    return i18n.t(key, lang) if key else field


def _id(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _pair(entity_id: str) -> tuple[int, int] | None:
    first, _, second = entity_id.partition("-")
    a, b = _id(first), _id(second)
    return (a, b) if a is not None and b is not None else None


def _partner(item: object) -> tuple[int | None, str]:
    """A partner as stored: "12:funder" (a form) or 12 (an import, role not said)."""
    actor, _, role = str(item).partition(":")
    return _id(actor), role


def _sides(row: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after), each {} when the row has none (None, or NaN from a frame)."""
    before, after = row.get("before"), row.get("after")
    return (before if isinstance(before, dict) else {}, after if isinstance(after, dict) else {})


def wanted_ids(rows: Iterable[Mapping[str, Any]]) -> dict[str, set[int]]:
    """The ids whose names the rows need, by kind (one lookup for a whole page)."""
    wanted: dict[str, set[int]] = {}

    def want(kind: str, value: object) -> None:
        if (number := _id(value)) is not None:
            wanted.setdefault(kind, set()).add(number)

    for row in rows:
        entity, action, entity_id = row["entity"], row["action"], str(row["entity_id"])
        if row.get("user_id") is not None:
            want(Entity.USER, row["user_id"])
        if entity in THING_BY_ID or (entity, action) in ACTIONS_BY_ID:
            want(entity, entity_id)
        if entity == Entity.OVERLAP and (pair := _pair(entity_id)):
            for measure_id in pair:
                want(Entity.MEASURE, measure_id)
        for side in _sides(row):
            for field, value in side.items():
                if field in ID_FIELDS:
                    want(ID_FIELDS[field], value)
                elif field == "partners":
                    for item in value or []:
                        want(Entity.ACTOR, _partner(item)[0])
    return wanted


def who_text(row: Mapping[str, Any], names: Names) -> str:
    """«Kari Nordmann (kari)»: the user's name with the user name the filter
    offers; the user name alone when that is all there is."""
    username, user_id = str(row["username"]), row.get("user_id")
    found = names.get(Entity.USER, {}).get(int(user_id)) if user_id is not None else None
    if not found or found == username:
        return username
    return found if f"({username})" in found else f"{found} ({username})"


def which_text(row: Mapping[str, Any], names: Names, lang: str = i18n.DEFAULT_LANG) -> str:
    """The thing the row is about, by name: a measure by its code, a pair of measures
    as «1.2 Tittel ↔ 3.4 Tittel», an event or indicator by its title or name."""
    entity, action, entity_id = row["entity"], row["action"], str(row["entity_id"])
    sides = _sides(row)[::-1]  # after first
    stored = [side.get(f) for side in sides for f in ("pair", "title", "name") if side.get(f)]
    if entity == Entity.OVERLAP:
        pair = _pair(entity_id)
        found = [names.get(Entity.MEASURE, {}).get(i) for i in pair] if pair else []
        if len(found) == 2 and all(found):
            return i18n.t("audit.pair", lang, first=found[0], second=found[1])
        return str(stored[0]) if stored else i18n.t("audit.gone", lang)
    if entity in THING_BY_ID or (entity, action) in ACTIONS_BY_ID:
        number = _id(entity_id)
        found_name = names.get(entity, {}).get(number) if number is not None else None
        if found_name:
            return found_name
        return str(stored[0]) if stored else i18n.t("audit.gone", lang)
    return entity_id


def value_text(
    entity: str, field: str, value: Any, names: Names, lang: str = i18n.DEFAULT_LANG
) -> str:
    """A stored value as the pages show it: labels for codes, names for ids,
    «4. kvartal 2026», dd.mm.åååå, «40 %», Ja/Nei. A long text is cut short; a
    list of names is not (a name cut off says nothing)."""
    if value is None or value == "" or value == []:
        return "–"
    if (entity, field) in CODE_LISTS and isinstance(value, str):
        return ", ".join(_scalar(entity, field, code, lang) for code in value.split(SEPARATOR))
    if field == "partners" and isinstance(value, list):
        return ", ".join(_partner_text(item, names, lang) for item in value)
    if isinstance(value, list):
        return ", ".join(value_text(entity, field, item, names, lang) for item in value)
    if isinstance(value, bool):
        text = i18n.t("adminpage.yes" if value else "adminpage.no", lang)
    elif field in ID_FIELDS:
        number = _id(value)
        found = names.get(ID_FIELDS[field], {}).get(number) if number is not None else None
        text = found or i18n.t("audit.gone", lang)
    else:
        text = _scalar(entity, field, value, lang)
    text = " ".join(text.split())
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def _partner_text(item: object, names: Names, lang: str) -> str:
    actor_id, role = _partner(item)
    name = names.get(Entity.ACTOR, {}).get(actor_id) if actor_id is not None else None
    name = name or i18n.t("audit.gone", lang)
    return i18n.t("audit.funder", lang, name=name) if role == PartnerRole.FUNDER else name


def _scalar(entity: str, field: str, value: Any, lang: str) -> str:
    vocabulary = (
        KIND_OF.get(entity)
        if field == "kind"
        else ENTITY_VOCABULARIES.get((entity, field)) or VOCABULARY_FIELDS.get(field)
    )
    if vocabulary is not None:
        try:
            return i18n.label(vocabulary(str(value)), lang)
        except ValueError:
            return str(value)
    if field in QUARTER_FIELDS:
        try:
            return i18n.quarter_label(Quarter.parse(str(value)), lang)
        except ValueError:
            return str(value)  # an indicator's year
    if (entity, field) == (Entity.INSTRUMENT, "deadlines"):  # "2026-03-01 yearly"
        day, _, yearly = str(value).partition(" ")
        shown = _scalar(entity, "starts", day, lang)
        return f"{shown} ({i18n.t('instruments.yearly', lang)})" if yearly else shown
    if field in DATE_FIELDS:
        try:
            return i18n.format_date(date.fromisoformat(str(value)[:10]), lang)
        except ValueError:
            return str(value)
    if field in REASONS and value in REASONS:
        return i18n.t(REASONS[value], lang)
    if field in YEAR_FIELDS:
        return str(value)
    if field == "progress" and isinstance(value, int | float):
        return i18n.format_percent(value, lang)
    if isinstance(value, int | float):
        return i18n.format_value(value, lang)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def changes_text(row: Mapping[str, Any], names: Names, lang: str = i18n.DEFAULT_LANG) -> str:
    """The changed fields in words: «Tittel: Gammel → Ny; Vekt: 1 → 2,5». A create
    (only after) or a delete (only before) says «Felt: verdi»."""
    entity = row["entity"]
    before, after = _sides(row)
    fields = [f for f in [*after, *(k for k in before if k not in after)] if f not in HIDDEN]
    both = bool(before) and bool(after)
    parts = []
    for field in fields:
        label = field_text(entity, field, lang)
        if both:
            old = value_text(entity, field, before.get(field), names, lang)
            new = value_text(entity, field, after.get(field), names, lang)
            parts.append(f"{label}: {old} → {new}")
        else:
            shown = after[field] if field in after else before[field]
            parts.append(f"{label}: {value_text(entity, field, shown, names, lang)}")
    return "; ".join(parts)
