"""Reading the plan's structure: plans, themes, goals, actors, measures."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from tracker.errors import NotFound
from tracker.models import Actor, Goal, Measure, MeasurePartner, Plan, Theme
from tracker.vocab import PartnerRole


def list_plans(session: Session) -> pd.DataFrame:
    rows = session.execute(select(Plan).order_by(Plan.id)).scalars()
    return pd.DataFrame(
        [
            {
                "id": p.id,
                "name": p.name,
                "start_year": p.start_year,
                "end_year": p.end_year,
                "owner": p.owner,
            }
            for p in rows
        ],
        columns=["id", "name", "start_year", "end_year", "owner"],
    )


def get_plan(session: Session, plan: int | str | None = None) -> Plan:
    """A plan by id or name; None means the only plan (or the first, if several).

    Raises NotFound when there is no such plan (or no plan at all).
    """
    if isinstance(plan, int):
        found = session.get(Plan, plan)
    elif isinstance(plan, str):
        found = session.scalar(select(Plan).where(Plan.name == plan))
    else:
        found = session.scalar(select(Plan).order_by(Plan.id).limit(1))
        if found is None:
            raise NotFound.of("notfound.no_plan")
    if found is None:
        raise NotFound.of("notfound.plan", name=str(plan))
    return found


def theme_short_name(name: str) -> str:
    """The word(s) before the dash: 'Attraktiv' for 'Attraktiv – Næringsvennlig kommune'."""
    return str(name).replace("—", "–").split("–")[0].split(" - ")[0].strip()


def find_actor(session: Session, name: str) -> Actor:
    """An actor by name or short name, ignoring case. Raises NotFound."""
    wanted = name.strip().casefold()
    for actor in session.scalars(select(Actor)):
        if wanted in (actor.name.casefold(), (actor.short_name or "").casefold()):
            return actor
    raise NotFound.of("notfound.actor", name=name)


def list_themes(session: Session, plan_id: int) -> pd.DataFrame:
    rows = session.scalars(
        select(Theme).where(Theme.plan_id == plan_id).order_by(Theme.position, Theme.code)
    )
    return pd.DataFrame(
        [{"id": t.id, "code": t.code, "name": t.name, "description": t.description} for t in rows],
        columns=["id", "code", "name", "description"],
    )


def list_goals(session: Session, plan_id: int) -> pd.DataFrame:
    rows = session.scalars(select(Goal).where(Goal.plan_id == plan_id).order_by(Goal.code))
    return pd.DataFrame(
        [{"id": g.id, "theme_id": g.theme_id, "code": g.code, "text": g.text} for g in rows],
        columns=["id", "theme_id", "code", "text"],
    )


def list_actors(session: Session) -> pd.DataFrame:
    rows = session.scalars(select(Actor).order_by(Actor.name))
    return pd.DataFrame(
        [
            {
                "id": a.id,
                "name": a.name,
                "short_name": a.short_name,
                "kind": a.kind.value if a.kind else None,
                "contact": a.contact,
            }
            for a in rows
        ],
        columns=["id", "name", "short_name", "kind", "contact"],
    )


MEASURE_COLUMNS = [
    "id",
    "code",
    "title",
    "description",
    "theme_id",
    "theme_code",
    "theme_name",
    "goal_id",
    "goal_code",
    "lead_actor_id",
    "lead_name",
    "partner_ids",
    "partners",
    "partner_names",
    "funder_ids",
    "start_period",
    "end_period",
    "weight",
    "budget",
    "funding",
    "is_example",
    "target_groups",
    "work_kinds",
    "version",
    "created_at",
]
"""target_groups and work_kinds: codes as the columns hold them (tracker.code_lists)."""


def measures_frame(session: Session, plan_id: int) -> pd.DataFrame:
    """Every measure of a plan with theme, goal, lead and partners: two queries."""
    lead = aliased(Actor)
    query = (
        select(
            Measure.id,
            Measure.code,
            Measure.title,
            Measure.description,
            Measure.theme_id,
            Theme.code.label("theme_code"),
            Theme.name.label("theme_name"),
            Measure.goal_id,
            Goal.code.label("goal_code"),
            Measure.lead_actor_id,
            lead.name.label("lead_name"),
            Measure.start_period,
            Measure.end_period,
            Measure.weight,
            Measure.budget,
            Measure.funding,
            Measure.is_example,
            Measure.target_groups,
            Measure.work_kinds,
            Measure.version,
            Measure.created_at,
            Theme.position.label("_theme_position"),
        )
        .join(Theme, Measure.theme_id == Theme.id)
        .join(lead, Measure.lead_actor_id == lead.id)
        .outerjoin(Goal, Measure.goal_id == Goal.id)
        .where(Measure.plan_id == plan_id)
    )
    frame = pd.DataFrame(session.execute(query).mappings().all())
    if frame.empty:
        return pd.DataFrame(columns=MEASURE_COLUMNS)
    frame = frame.assign(_key=frame["code"].map(code_sort_key))
    frame = frame.sort_values(["_theme_position", "_key"]).drop(columns=["_theme_position", "_key"])
    partners = _partners_by_measure(session, plan_id)
    frame["partner_ids"] = [partners.get(m, ([], [], []))[0] for m in frame["id"]]
    frame["partner_names"] = [partners.get(m, ([], [], []))[1] for m in frame["id"]]
    frame["partners"] = frame["partner_names"].map(", ".join)  # for display
    frame["funder_ids"] = [partners.get(m, ([], [], []))[2] for m in frame["id"]]
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True).astype(
        "datetime64[us, UTC]"
    )
    return frame[MEASURE_COLUMNS].reset_index(drop=True)


def _partners_by_measure(
    session: Session, plan_id: int
) -> dict[int, tuple[list[int], list[str], list[int]]]:
    query = (
        select(MeasurePartner.measure_id, MeasurePartner.actor_id, MeasurePartner.role, Actor.name)
        .join(Actor, MeasurePartner.actor_id == Actor.id)
        .join(Measure, MeasurePartner.measure_id == Measure.id)
        .where(Measure.plan_id == plan_id)
        .order_by(MeasurePartner.measure_id, Actor.name)
    )
    out: dict[int, tuple[list[int], list[str], list[int]]] = {}
    for measure_id, actor_id, role, name in session.execute(query):
        ids, names, funders = out.setdefault(measure_id, ([], [], []))
        ids.append(actor_id)
        names.append(name)
        if role == PartnerRole.FUNDER:
            funders.append(actor_id)
    return out


def code_sort_key(code: str) -> tuple[tuple[int, object], ...]:
    """Sort "1.10" after "1.9": numbers as numbers, the rest as text."""
    parts = str(code).replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdecimal() else (1, p) for p in parts)  # int("²") fails
