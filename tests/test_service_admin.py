"""The Admin page's use cases, on SQLite and PostgreSQL: saving plans, themes,
goals, actors and measures (validated all at once, admin only, audited, measures
optimistically locked), deleting only what nothing refers to, and reading the
audit log."""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import World, make_actor, make_measure, make_plan, make_theme, make_user
from tracker import db, i18n
from tracker.errors import ConflictError, NotFound, PermissionDenied, TrackerError, ValidationError
from tracker.models import (
    Actor,
    AuditLog,
    Goal,
    Measure,
    MeasurePartner,
    Plan,
    StatusUpdate,
    Theme,
)
from tracker.service.actors import delete_actor, save_actor
from tracker.service.audit_log import AUDIT_COLUMNS, audit_entities, audit_usernames, list_audit
from tracker.service.goals import delete_goal, save_goal
from tracker.service.measure_edits import MeasureInput, delete_measure, save_measure
from tracker.service.plans import save_plan
from tracker.service.principal import SYSTEM, Principal
from tracker.service.status import Report, report_status
from tracker.service.themes import delete_theme, save_theme
from tracker.service.users import set_active
from tracker.vocab import ActorKind, PartnerRole, Role

NOW = datetime(2026, 2, 15, 12, tzinfo=UTC)


# --- helpers ----------------------------------------------------------------------------


def snapshot(session: Session) -> tuple[int, ...]:
    """Row counts of everything admin writes, the audit rows and the data revision."""
    counts = [
        session.scalar(select(func.count()).select_from(model)) or 0
        for model in (Plan, Theme, Goal, Actor, Measure, MeasurePartner, StatusUpdate, AuditLog)
    ]
    return (*counts, db.data_revision(session))


def last_audit(session: Session) -> AuditLog:
    row = session.scalar(select(AuditLog).order_by(AuditLog.id.desc()).limit(1))
    assert row is not None
    return row


def problems(error: TrackerError) -> list[tuple[str, str | None]]:
    return [(p.key, p.field) for p in error.problems]


def admin(world: World) -> Principal:
    return world.principals["admin"]


def measure_input(world: World, **changes: Any) -> MeasureInput:
    base = MeasureInput(
        code="3.1",
        title="Nytt tiltak",
        theme_id=world.themes["T2"].id,
        lead_actor_id=world.actors["C"].id,
        start_period="2025-Q1",
        end_period="2026-Q4",
    )
    return replace(base, **changes)


def partner_rows(session: Session, measure_id: int) -> set[tuple[int, PartnerRole]]:
    rows = session.execute(
        select(MeasurePartner.actor_id, MeasurePartner.role).where(
            MeasurePartner.measure_id == measure_id
        )
    )
    return {(actor_id, role) for actor_id, role in rows}


def form_of(measure: Measure, **changes: Any) -> MeasureInput:
    """The measure as its edit form would hold it."""
    values = MeasureInput(
        code=measure.code,
        title=measure.title,
        theme_id=measure.theme_id,
        lead_actor_id=measure.lead_actor_id,
        start_period=measure.start_period,
        end_period=measure.end_period,
        description=measure.description,
        goal_id=measure.goal_id,
        partners=tuple((p.actor_id, p.role) for p in measure.partners),
        weight=measure.weight,
        budget=measure.budget,
        funding=measure.funding,
        is_example=measure.is_example,
    )
    return replace(values, **changes)


# --- plans ----------------------------------------------------------------------------


def test_create_plan(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    plan_id = save_plan(
        session,
        user=admin(world),
        plan_id=None,
        name="  Strategisk næringsplan for Midt-Troms ",
        start_year=2025,
        end_year=2030,
        owner="Midt-Troms regionråd",
        description="Regional plan",
    )
    session.commit()
    plan = session.get(Plan, plan_id)
    assert plan is not None
    assert (plan.name, plan.start_year, plan.end_year, plan.owner, plan.description) == (
        "Strategisk næringsplan for Midt-Troms",
        2025,
        2030,
        "Midt-Troms regionråd",
        "Regional plan",
    )
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id, row.username) == (
        "create",
        "plan",
        "Strategisk næringsplan for Midt-Troms",
        "admin",
    )
    assert row.before is None
    assert row.after == {
        "name": "Strategisk næringsplan for Midt-Troms",
        "start_year": 2025,
        "end_year": 2030,
        "owner": "Midt-Troms regionråd",
        "description": "Regional plan",
    }
    assert db.data_revision(session) == revision + 1


def test_update_plan_audits_only_the_changed_fields(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    plan = world.plan
    save_plan(
        session,
        user=admin(world),
        plan_id=plan.id,
        name=plan.name,
        start_year=2024,
        end_year=2029,
        owner="Senja kommune, næringsavdelingen",
    )
    session.commit()
    session.refresh(plan)
    assert (plan.end_year, plan.owner) == (2029, "Senja kommune, næringsavdelingen")
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id) == ("update", "plan", plan.name)
    assert row.before == {"end_year": 2028, "owner": "Senja kommune"}
    assert row.after == {"end_year": 2029, "owner": "Senja kommune, næringsavdelingen"}
    assert db.data_revision(session) == revision + 1


def test_saving_a_plan_unchanged_writes_nothing(session: Session, world: World) -> None:
    before = snapshot(session)
    plan = world.plan
    kept = save_plan(
        session,
        user=admin(world),
        plan_id=plan.id,
        name=plan.name,
        start_year=plan.start_year,
        end_year=plan.end_year,
        owner=plan.owner,
        description=plan.description,
    )
    assert kept == plan.id
    assert snapshot(session) == before


def test_plan_validation_lists_every_problem(session: Session, world: World) -> None:
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        save_plan(
            session,
            user=admin(world),
            plan_id=None,
            name="   ",
            start_year=1899,
            end_year="2030",  # type: ignore[arg-type]
            owner="x" * 201,
        )
    assert problems(caught.value) == [
        ("admin.required", "name"),
        ("admin.year_invalid", "start_year"),
        ("admin.year_invalid", "end_year"),
        ("field.too_long", "owner"),
    ]
    assert caught.value.problems[3].text("nb") == "Eier kan være høyst 200 tegn (du skrev 201)."
    assert snapshot(session) == before


def test_plan_name_taken_ignoring_case_and_end_before_start(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        save_plan(
            session,
            user=admin(world),
            plan_id=None,
            name=world.plan.name.upper(),
            start_year=2030,
            end_year=2029,
        )
    assert problems(caught.value) == [
        ("admin.end_before_start", "end_year"),
        ("admin.plan_name_taken", "name"),
    ]


def test_plan_years_must_still_hold_its_measures(session: Session, world: World) -> None:
    plan = world.plan
    with pytest.raises(ValidationError) as caught:
        save_plan(
            session, user=admin(world), plan_id=plan.id, name=plan.name, start_year=2025,
            end_year=2027,
        )  # fmt: skip
    assert problems(caught.value) == [
        ("admin.measures_outside_years", "start_year"),
        ("admin.measures_outside_years", "end_year"),
    ]
    early, late = (p.params["codes"] for p in caught.value.problems)
    assert early == "1.1, 1.2, 1.3, 2.1"
    assert late == "2.2"


def test_unknown_plan_is_not_found(session: Session, world: World) -> None:
    with pytest.raises(NotFound):
        save_plan(
            session, user=admin(world), plan_id=99999, name="X", start_year=2024, end_year=2025
        )
    with pytest.raises(NotFound):
        save_theme(session, user=admin(world), plan_id=99999, theme_id=None, code="A", name="A")


# --- themes ---------------------------------------------------------------------------


def test_create_theme_goes_last(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    theme_id = save_theme(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        theme_id=None,
        code="T3",
        name="Grønn omstilling",
        description="Fornybar energi",
    )
    session.commit()
    theme = session.get(Theme, theme_id)
    assert theme is not None
    assert (theme.plan_id, theme.code, theme.name, theme.description, theme.position) == (
        world.plan.id,
        "T3",
        "Grønn omstilling",
        "Fornybar energi",
        3,
    )
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id, row.before) == (
        "create",
        "theme",
        "Grønn omstilling",
        None,
    )
    assert row.after == {
        "code": "T3",
        "name": "Grønn omstilling",
        "description": "Fornybar energi",
        "position": 3,
    }
    assert db.data_revision(session) == revision + 1


def test_update_theme(session: Session, world: World) -> None:
    t1 = world.themes["T1"]
    save_theme(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        theme_id=t1.id,
        code="T1",
        name="Næringsutvikling og innovasjon",
    )
    session.commit()
    session.refresh(t1)
    assert (t1.name, t1.position) == ("Næringsutvikling og innovasjon", 1)  # position kept
    row = last_audit(session)
    assert row.before == {"name": "Næringsutvikling"}
    assert row.after == {"name": "Næringsutvikling og innovasjon"}
    save_theme(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        theme_id=t1.id,
        code="T1",
        name=t1.name,
        position=5,
    )
    assert last_audit(session).after == {"position": 5}


def test_theme_validation_lists_every_problem(session: Session, world: World) -> None:
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        save_theme(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            theme_id=world.themes["T1"].id,
            code="T2",
            name="n" * 301,
            position=-1,
        )
    assert problems(caught.value) == [
        ("field.too_long", "name"),
        ("admin.position_invalid", "position"),
        ("admin.code_taken", "code"),
    ]
    assert snapshot(session) == before


def test_theme_code_is_unique_per_plan_only(session: Session, world: World) -> None:
    other = make_plan(session, name="Midt-Troms", start_year=2025, end_year=2029)
    session.commit()
    theme_id = save_theme(
        session, user=admin(world), plan_id=other.id, theme_id=None, code="T1", name="Havbruk"
    )
    session.commit()
    assert session.get(Theme, theme_id).position == 1  # type: ignore[union-attr]
    with pytest.raises(NotFound):  # a theme of another plan
        save_theme(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            theme_id=theme_id,
            code="T9",
            name="X",
        )


# --- goals ----------------------------------------------------------------------------


def test_create_and_update_goal(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    goal_id = save_goal(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        goal_id=None,
        code="M1",
        text="Flere arbeidsplasser i sjømatnæringen",
        theme_id=world.themes["T1"].id,
    )
    session.commit()
    goal = session.get(Goal, goal_id)
    assert goal is not None
    assert (goal.plan_id, goal.code, goal.text, goal.theme_id) == (
        world.plan.id,
        "M1",
        "Flere arbeidsplasser i sjømatnæringen",
        world.themes["T1"].id,
    )
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id) == ("create", "goal", "M1")
    assert row.after == {
        "code": "M1",
        "text": "Flere arbeidsplasser i sjømatnæringen",
        "theme_id": world.themes["T1"].id,
    }
    save_goal(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        goal_id=goal_id,
        code="M1",
        text=goal.text,
        theme_id=None,
    )
    session.commit()
    assert session.get(Goal, goal_id).theme_id is None  # type: ignore[union-attr]
    row = last_audit(session)
    assert (row.action, row.before, row.after) == (
        "update",
        {"theme_id": world.themes["T1"].id},
        {"theme_id": None},
    )
    assert db.data_revision(session) == revision + 2


def test_goal_validation_lists_every_problem(session: Session, world: World) -> None:
    other = make_plan(session, name="Midt-Troms", start_year=2025, end_year=2029)
    foreign = make_theme(session, other, "X")
    session.commit()
    save_goal(
        session, user=admin(world), plan_id=world.plan.id, goal_id=None, code="M1", text="Mål",
        theme_id=None,
    )  # fmt: skip
    session.commit()
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        save_goal(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            goal_id=None,
            code="M1",
            text="",
            theme_id=foreign.id,
        )
    assert problems(caught.value) == [
        ("admin.required", "text"),
        ("admin.not_in_plan", "theme_id"),
        ("admin.code_taken", "code"),
    ]
    with pytest.raises(ValidationError) as caught:
        save_goal(
            session, user=admin(world), plan_id=world.plan.id, goal_id=None, code="M2",
            text="Mål", theme_id=99999,
        )  # fmt: skip
    assert problems(caught.value) == [("admin.not_found", "theme_id")]
    assert "99999" in caught.value.text("nb") and "Satsingsområde" in caught.value.text("nb")
    assert snapshot(session) == before


# --- actors ---------------------------------------------------------------------------


def test_create_actor(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    actor_id = save_actor(
        session,
        user=admin(world),
        actor_id=None,
        name="Blått kompetansesenter",
        short_name="BKS",
        kind="kompetansemiljo",
        contact="post@bks.no",
    )
    session.commit()
    actor = session.get(Actor, actor_id)
    assert actor is not None
    assert (actor.name, actor.short_name, actor.kind, actor.contact) == (
        "Blått kompetansesenter",
        "BKS",
        ActorKind.KNOWLEDGE,
        "post@bks.no",
    )
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id) == ("create", "actor", actor.name)
    assert row.after == {
        "name": "Blått kompetansesenter",
        "short_name": "BKS",
        "kind": "kompetansemiljo",
        "contact": "post@bks.no",
    }
    assert db.data_revision(session) == revision + 1


def test_update_actor_may_change_the_case_of_its_own_name(session: Session, world: World) -> None:
    a = world.actors["A"]
    save_actor(
        session,
        user=admin(world),
        actor_id=a.id,
        name="SENJA NÆRINGSHAGE",
        short_name="snh",
        kind=ActorKind.BUSINESS_GARDEN,
    )
    session.commit()
    session.refresh(a)
    assert (a.name, a.short_name, a.kind) == ("SENJA NÆRINGSHAGE", "snh", ActorKind.BUSINESS_GARDEN)
    row = last_audit(session)
    assert row.before == {"name": "Senja Næringshage", "short_name": "SNH"}
    assert row.after == {"name": "SENJA NÆRINGSHAGE", "short_name": "snh"}
    save_actor(session, user=admin(world), actor_id=a.id, name=a.name, short_name="snh", kind=None)
    assert (last_audit(session).before, last_audit(session).after) == (
        {"kind": "naeringshage"},
        {"kind": None},
    )


def test_actor_validation_lists_every_problem(session: Session, world: World) -> None:
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        save_actor(
            session,
            user=admin(world),
            actor_id=None,
            name="  klyngen NORDVEST ",
            short_name="in",
            kind="bank",
            contact="c" * 301,
        )
    assert problems(caught.value) == [
        ("field.too_long", "contact"),
        ("admin.kind_invalid", "kind"),
        ("admin.actor_name_taken", "name"),
        ("admin.short_name_taken", "short_name"),
    ]
    assert caught.value.problems[3].params["actor"] == "Innovasjon Norge Arktis"
    with pytest.raises(ValidationError) as caught:  # a short name may not be another's name
        save_actor(
            session, user=admin(world), actor_id=None, name="Ny", short_name="Klyngen nordvest"
        )
    assert problems(caught.value) == [("admin.short_name_taken", "short_name")]
    with pytest.raises(ValidationError) as caught:
        save_actor(session, user=admin(world), actor_id=None, name="")
    assert problems(caught.value) == [("admin.required", "name")]
    assert snapshot(session) == before


# --- measures: create and update ------------------------------------------------------


def test_create_measure(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    goal_id = save_goal(
        session, user=admin(world), plan_id=world.plan.id, goal_id=None, code="M2",
        text="Kompetanse", theme_id=world.themes["T2"].id,
    )  # fmt: skip
    a, b = world.actors["A"], world.actors["B"]
    values = measure_input(
        world,
        code=" 2.4 ",
        title=" Traineeprogram ",
        description="For nyutdannede",
        goal_id=goal_id,
        partners=((b.id, PartnerRole.FUNDER), (a.id, "partner")),  # type: ignore[arg-type]
        weight=2,
        budget="1,2 mill.",
        funding="RDA-midler",
        is_example=True,
        start_period="2025q1",
    )
    measure_id = save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=None,
        seen_version=None,
        values=values,
    )
    session.commit()
    m = session.get(Measure, measure_id)
    assert m is not None
    stored = (
        m.plan_id, m.code, m.title, m.description, m.theme_id, m.goal_id, m.lead_actor_id,
        m.start_period, m.end_period, m.weight, m.budget, m.funding, m.is_example, m.version,
    )  # fmt: skip
    assert stored == (
        world.plan.id, "2.4", "Traineeprogram", "For nyutdannede", world.themes["T2"].id,
        goal_id, world.actors["C"].id, "2025-Q1", "2026-Q4", 2.0, "1,2 mill.", "RDA-midler",
        True, 1,
    )  # fmt: skip
    assert partner_rows(session, measure_id) == {
        (a.id, PartnerRole.PARTNER),
        (b.id, PartnerRole.FUNDER),
    }
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id, row.before) == (
        "create",
        "measure",
        "2.4",
        None,
    )
    assert row.after is not None
    assert row.after["title"] == "Traineeprogram"
    assert row.after["start_period"] == "2025-Q1"
    assert row.after["partners"] == sorted([f"{a.id}:partner", f"{b.id}:funder"])
    assert db.data_revision(session) == revision + 2  # the goal, then the measure


def test_measure_validation_lists_every_problem(session: Session, world: World) -> None:
    """The brief's example: empty title, a bad period and an unknown theme at once."""
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=None,
            seen_version=None,
            values=measure_input(world, title="  ", start_period="2025-Q5", theme_id=99999),
        )
    assert problems(caught.value) == [
        ("admin.required", "title"),
        ("admin.not_found", "theme_id"),
        ("report.period_invalid", "start_period"),
    ]
    assert snapshot(session) == before


def test_measure_validation_more_rules_at_once(session: Session, world: World) -> None:
    other = make_plan(session, name="Midt-Troms", start_year=2025, end_year=2029)
    session.commit()
    foreign_goal = save_goal(
        session, user=admin(world), plan_id=other.id, goal_id=None, code="G", text="G",
        theme_id=None,
    )  # fmt: skip
    session.commit()
    before = snapshot(session)
    a, b, c = world.actors["A"], world.actors["B"], world.actors["C"]
    values = MeasureInput(
        code="1.1",  # taken in this plan
        title="t" * 501,
        theme_id=world.themes["T1"].id,
        lead_actor_id=a.id,
        start_period="2023-Q4",  # before the plan
        end_period="2023-Q1",  # before the start, and before the plan
        goal_id=foreign_goal,
        partners=(
            (a.id, PartnerRole.PARTNER),  # the lead
            (b.id, PartnerRole.PARTNER),
            (b.id, PartnerRole.FUNDER),  # twice
            (c.id, "sponsor"),  # type: ignore[arg-type]
            (99999, PartnerRole.PARTNER),
        ),
        weight=0,
        budget="b" * 301,
    )
    with pytest.raises(ValidationError) as caught:
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=None,
            seen_version=None,
            values=values,
        )
    assert problems(caught.value) == [
        ("field.too_long", "title"),
        ("field.too_long", "budget"),
        ("admin.code_taken", "code"),
        ("admin.not_in_plan", "goal_id"),
        ("admin.period_outside_plan", "start_period"),
        ("admin.period_outside_plan", "end_period"),
        ("admin.end_before_start", "end_period"),
        ("admin.weight_invalid", "weight"),
        ("admin.lead_is_partner", "partners"),
        ("admin.partner_twice", "partners"),
        ("admin.role_invalid", "partners"),
        ("admin.not_found", "partners"),
    ]
    for lang in i18n.LANGUAGES:  # every message renders with its parameters
        assert all(p.text(lang) for p in caught.value.problems)
    with pytest.raises(ValidationError) as caught:
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=None,
            seen_version=None,
            values=measure_input(
                world, code="x" * 21, theme_id=None, lead_actor_id=None, weight=float("nan")
            ),
        )
    assert problems(caught.value) == [
        ("field.too_long", "code"),
        ("admin.required", "theme_id"),
        ("admin.weight_invalid", "weight"),
        ("admin.required", "lead_actor_id"),
    ]
    with pytest.raises(ValidationError) as caught:
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=None,
            seen_version=None,
            values=measure_input(world, lead_actor_id=99999),
        )
    assert problems(caught.value) == [("admin.not_found", "lead_actor_id")]
    assert snapshot(session) == before


def test_update_measure_replaces_partners(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    m = world.measures["1.1"]  # lead A, partner B, version 1
    a, b, c = world.actors["A"], world.actors["B"], world.actors["C"]
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=1,
        values=form_of(
            m,
            title="Inkubatorprogram for sjømat og havbruk",
            weight=3.0,
            partners=((c.id, PartnerRole.FUNDER),),
        ),
    )
    session.commit()
    session.refresh(m)
    assert (m.title, m.weight, m.version) == ("Inkubatorprogram for sjømat og havbruk", 3.0, 2)
    assert partner_rows(session, m.id) == {(c.id, PartnerRole.FUNDER)}
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id) == ("update", "measure", "1.1")
    assert row.before == {
        "title": "Etablere inkubatorprogram for sjømat",
        "weight": 2.0,
        "partners": [f"{b.id}:partner"],
    }
    assert row.after == {
        "title": "Inkubatorprogram for sjømat og havbruk",
        "weight": 3.0,
        "partners": [f"{c.id}:funder"],
    }
    assert db.data_revision(session) == revision + 1
    # A role changes in place; a partner is added; the lead changes.
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=2,
        values=form_of(
            m,
            lead_actor_id=b.id,
            partners=((c.id, PartnerRole.PARTNER), (a.id, PartnerRole.FUNDER)),
        ),
    )
    session.commit()
    assert partner_rows(session, m.id) == {(c.id, PartnerRole.PARTNER), (a.id, PartnerRole.FUNDER)}
    session.refresh(m)
    assert (m.lead_actor_id, m.version) == (b.id, 3)
    row = last_audit(session)
    assert row.before == {"lead_actor_id": a.id, "partners": [f"{c.id}:funder"]}
    assert row.after == {
        "lead_actor_id": b.id,
        "partners": sorted([f"{a.id}:funder", f"{c.id}:partner"]),
    }
    # No partners at all.
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=3,
        values=form_of(m, partners=()),
    )
    session.commit()
    assert partner_rows(session, m.id) == set()
    assert last_audit(session).after == {"partners": []}


def test_saving_a_measure_unchanged_writes_nothing(session: Session, world: World) -> None:
    m = world.measures["1.2"]
    before = snapshot(session)
    kept = save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=1,
        values=form_of(m),
    )
    assert kept == m.id
    assert snapshot(session) == before
    assert session.scalar(select(Measure.version).where(Measure.id == m.id)) == 1


def test_second_edit_on_the_same_version_conflicts(
    session: Session, other_session: Session, world: World
) -> None:
    m = world.measures["2.1"]
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=1,
        values=form_of(m, title="Første versjon", budget="100 000"),
    )
    session.commit()
    stale = other_session.get(Measure, m.id)
    assert stale is not None
    before = snapshot(other_session)
    with pytest.raises(ConflictError) as caught:
        save_measure(
            other_session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=m.id,
            seen_version=1,
            values=form_of(stale, title="Andre versjon", weight=5.0),
        )
    assert [p.key for p in caught.value.problems] == ["admin.conflict"]
    assert "2.1" in caught.value.text("nb") and "2.1" in caught.value.text("en")
    current = caught.value.current
    assert (current["title"], current["budget"], current["version"]) == (
        "Første versjon",
        "100 000",
        2,
    )
    assert current["partners"] == [f"{world.actors['B'].id}:partner"]
    other_session.rollback()
    assert snapshot(other_session) == before
    stored = other_session.get(Measure, m.id)
    assert stored is not None
    other_session.refresh(stored)
    assert (stored.title, stored.weight, stored.version) == ("Første versjon", 1.0, 2)


def test_a_status_report_since_the_form_was_made_conflicts(session: Session, world: World) -> None:
    m = world.measures["2.1"]
    report_status(
        session,
        user=world.principals["admin"],
        measure_id=m.id,
        report=Report("2026-Q1", "in_progress", 10, "green"),
        seen_version=1,
        now=NOW,
    )
    session.commit()
    with pytest.raises(ConflictError):
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=m.id,
            seen_version=1,
            values=form_of(m, title="Endret"),
        )
    session.rollback()
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=2,
        values=form_of(m, title="Endret"),
    )
    session.commit()
    assert session.scalar(select(Measure.version).where(Measure.id == m.id)) == 3


def test_measure_of_another_plan_is_not_found(session: Session, world: World) -> None:
    other = make_plan(session, name="Midt-Troms", start_year=2025, end_year=2029)
    session.commit()
    m = world.measures["1.1"]
    with pytest.raises(NotFound):
        save_measure(
            session,
            user=admin(world),
            plan_id=other.id,
            measure_id=m.id,
            seen_version=1,
            values=form_of(m),
        )
    with pytest.raises(NotFound):
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=99999,
            seen_version=1,
            values=form_of(m),
        )


# --- permissions ----------------------------------------------------------------------

WRITES: list[tuple[str, Callable[[Session, Principal, World], object]]] = [
    (
        "save_plan",
        lambda s, u, w: save_plan(
            s, user=u, plan_id=None, name="Ny plan", start_year=2025, end_year=2026
        ),
    ),
    (
        "save_plan update",
        lambda s, u, w: save_plan(
            s, user=u, plan_id=w.plan.id, name="Omdøpt", start_year=2024, end_year=2028
        ),
    ),
    (
        "save_theme",
        lambda s, u, w: save_theme(
            s, user=u, plan_id=w.plan.id, theme_id=None, code="T3", name="Ny"
        ),
    ),
    (
        "save_goal",
        lambda s, u, w: save_goal(
            s, user=u, plan_id=w.plan.id, goal_id=None, code="M1", text="Mål", theme_id=None
        ),
    ),
    ("save_actor", lambda s, u, w: save_actor(s, user=u, actor_id=None, name="Ny aktør")),
    (
        "save_measure",
        lambda s, u, w: save_measure(
            s,
            user=u,
            plan_id=w.plan.id,
            measure_id=None,
            seen_version=None,
            values=measure_input(w),
        ),
    ),
    (
        "save_measure update",
        lambda s, u, w: save_measure(
            s,
            user=u,
            plan_id=w.plan.id,
            measure_id=w.measures["1.1"].id,
            seen_version=1,
            values=form_of(w.measures["1.1"], title="Endret"),
        ),
    ),
    ("delete_measure", lambda s, u, w: delete_measure(s, user=u, measure_id=w.measure_id("2.1"))),
    ("delete_theme", lambda s, u, w: delete_theme(s, user=u, theme_id=w.themes["T2"].id)),
    ("delete_goal", lambda s, u, w: delete_goal(s, user=u, goal_id=99999)),
    ("delete_actor", lambda s, u, w: delete_actor(s, user=u, actor_id=w.actors["C"].id)),
]


@pytest.mark.parametrize("who", ["leader", "actor_a"])
@pytest.mark.parametrize(("name", "write"), WRITES, ids=[name for name, _ in WRITES])
def test_only_admin_may_write(
    session: Session,
    world: World,
    who: str,
    name: str,
    write: Callable[[Session, Principal, World], object],
) -> None:
    before = snapshot(session)
    with pytest.raises(PermissionDenied) as caught:
        write(session, world.principals[who], world)
    assert [p.key for p in caught.value.problems] == ["perm.admin_only"]
    assert snapshot(session) == before
    session.rollback()
    assert snapshot(session) == before


def test_a_deactivated_admin_may_not_write(session: Session, world: World) -> None:
    second = make_user(session, Role.ADMIN, username="admin2")
    set_active(session, user=admin(world), username="admin2", active=False)
    session.commit()
    before = snapshot(session)
    with pytest.raises(PermissionDenied) as caught:
        save_actor(session, user=Principal.of(second), actor_id=None, name="Ny aktør")
    assert [p.key for p in caught.value.problems] == ["perm.inactive"]
    assert snapshot(session) == before


def test_changing_a_measure_needs_the_seen_version(session: Session, world: World) -> None:
    m = world.measures["1.1"]
    with pytest.raises(ValueError, match="seen_version"):
        save_measure(
            session,
            user=admin(world),
            plan_id=world.plan.id,
            measure_id=m.id,
            seen_version=None,
            values=form_of(m, title="Endret"),
        )


def test_system_may_write(session: Session, world: World) -> None:
    actor_id = save_actor(session, user=SYSTEM, actor_id=None, name="Kommandolinje AS")
    assert last_audit(session).username == "system"
    assert session.get(Actor, actor_id) is not None


# --- deleting -------------------------------------------------------------------------


def test_delete_measure_without_history(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    m = world.measures["2.1"]  # never reported; partner B
    delete_measure(session, user=admin(world), measure_id=m.id)
    session.commit()
    assert session.get(Measure, m.id) is None
    assert partner_rows(session, m.id) == set()
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id, row.after) == (
        "delete",
        "measure",
        "2.1",
        None,
    )
    assert row.before is not None
    assert row.before["title"] == "Kompetanseløft i reiselivet"
    assert row.before["partners"] == [f"{world.actors['B'].id}:partner"]
    assert db.data_revision(session) == revision + 1


def test_a_measure_with_history_is_never_deleted(session: Session, world: World) -> None:
    before = snapshot(session)
    m = world.measures["1.1"]
    with pytest.raises(ValidationError) as caught:
        delete_measure(session, user=admin(world), measure_id=m.id)
    assert problems(caught.value) == [("admin.measure_has_history", None)]
    assert caught.value.problems[0].params == {"code": "1.1", "count": 2}
    assert snapshot(session) == before
    with pytest.raises(NotFound):
        delete_measure(session, user=admin(world), measure_id=99999)


def test_delete_theme_refused_while_used(session: Session, world: World) -> None:
    t2 = world.themes["T2"]
    save_goal(
        session, user=admin(world), plan_id=world.plan.id, goal_id=None, code="M3", text="Mål",
        theme_id=t2.id,
    )  # fmt: skip
    session.commit()
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        delete_theme(session, user=admin(world), theme_id=t2.id)
    assert problems(caught.value) == [
        ("admin.used_by_measures", None),
        ("admin.used_by_goals", None),
    ]
    assert caught.value.problems[0].params["codes"] == "2.1, 2.2, 2.3"
    assert caught.value.problems[1].params["codes"] == "M3"
    assert snapshot(session) == before


def test_delete_unused_theme(session: Session, world: World) -> None:
    theme_id = save_theme(
        session, user=admin(world), plan_id=world.plan.id, theme_id=None, code="T9", name="Tom"
    )
    session.commit()
    revision = db.data_revision(session)
    delete_theme(session, user=admin(world), theme_id=theme_id)
    session.commit()
    assert session.get(Theme, theme_id) is None
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id, row.after) == ("delete", "theme", "Tom", None)
    assert row.before == {
        "plan_id": world.plan.id,
        "code": "T9",
        "name": "Tom",
        "description": "",
        "position": 3,
    }
    assert db.data_revision(session) == revision + 1
    with pytest.raises(NotFound):
        delete_theme(session, user=admin(world), theme_id=theme_id)


def test_delete_goal(session: Session, world: World) -> None:
    goal_id = save_goal(
        session, user=admin(world), plan_id=world.plan.id, goal_id=None, code="M1", text="Mål",
        theme_id=None,
    )  # fmt: skip
    m = world.measures["1.3"]
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=1,
        values=form_of(m, goal_id=goal_id),
    )
    session.commit()
    with pytest.raises(ValidationError) as caught:
        delete_goal(session, user=admin(world), goal_id=goal_id)
    assert problems(caught.value) == [("admin.used_by_measures", None)]
    assert caught.value.problems[0].params == {"name": "M1", "codes": "1.3"}
    session.rollback()
    save_measure(
        session,
        user=admin(world),
        plan_id=world.plan.id,
        measure_id=m.id,
        seen_version=2,
        values=form_of(m, goal_id=None),
    )
    revision = db.data_revision(session)
    delete_goal(session, user=admin(world), goal_id=goal_id)
    session.commit()
    assert session.get(Goal, goal_id) is None
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id) == ("delete", "goal", "M1")
    assert row.before == {"plan_id": world.plan.id, "code": "M1", "text": "Mål", "theme_id": None}
    assert db.data_revision(session) == revision + 1


def test_delete_actor_refused_naming_everything_that_uses_it(
    session: Session, world: World
) -> None:
    before = snapshot(session)
    with pytest.raises(ValidationError) as caught:
        delete_actor(session, user=admin(world), actor_id=world.actors["A"].id)
    assert [p.key for p in caught.value.problems] == [
        "admin.leads_measures",
        "admin.partner_in_measures",
        "admin.used_by_users",
        "admin.used_by_reports",
    ]
    params = [p.params for p in caught.value.problems]
    assert params[0]["codes"] == "1.1, 1.3, 2.3"
    assert params[1]["codes"] == "1.2"
    assert params[2]["names"] == "aktor.a"
    assert params[3]["count"] == 4
    assert "Senja Næringshage" in caught.value.text("nb")
    with pytest.raises(ValidationError) as caught:  # C: lead of 2.1, partner of 1.2, 2.3
        delete_actor(session, user=admin(world), actor_id=world.actors["C"].id)
    assert [p.key for p in caught.value.problems] == [
        "admin.leads_measures",
        "admin.partner_in_measures",
    ]
    assert snapshot(session) == before


def test_delete_unused_actor(session: Session, world: World) -> None:
    actor = make_actor(session, "Ubrukt AS", "UAS", ActorKind.COMPANY)
    session.commit()
    revision = db.data_revision(session)
    delete_actor(session, user=admin(world), actor_id=actor.id)
    session.commit()
    assert session.get(Actor, actor.id) is None
    row = last_audit(session)
    assert (row.action, row.entity, row.entity_id) == ("delete", "actor", "Ubrukt AS")
    assert row.before == {
        "name": "Ubrukt AS",
        "short_name": "UAS",
        "kind": "bedrift",
        "contact": "",
    }
    assert db.data_revision(session) == revision + 1
    with pytest.raises(NotFound):
        delete_actor(session, user=admin(world), actor_id=actor.id)


def test_long_usage_lists_are_cut_short(session: Session, world: World) -> None:
    theme = make_theme(session, world.plan, "T9")
    for number in range(1, 13):
        make_measure(session, world.plan, theme, world.actors["C"], code=f"9.{number}")
    session.commit()
    with pytest.raises(ValidationError) as caught:
        delete_theme(session, user=admin(world), theme_id=theme.id)
    codes = caught.value.problems[0].params["codes"]
    assert codes == "9.1, 9.2, 9.3, 9.4, 9.5, 9.6, 9.7, 9.8, 9.9, 9.10 … (+2)"


# --- the audit log --------------------------------------------------------------------


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2025, 3, day, hour, tzinfo=UTC)


@pytest.fixture
def log(session: Session, world: World) -> World:
    """Five audit rows in March 2025 (the world's own rows are newer: written now)."""
    rows = [
        AuditLog(
            at=at(1), user_id=None, username="system", action="import", entity="plan",
            entity_id=world.plan.name, before=None, after={"name": world.plan.name},
        ),
        AuditLog(
            at=at(2), user_id=world.users["admin"].id, username="admin", action="update",
            entity="measure", entity_id="1.1", before={"title": "Gammel", "weight": 1.0},
            after={"title": "Ny tittel", "weight": 2.5},
        ),
        AuditLog(
            at=at(3), user_id=world.users["admin"].id, username="admin", action="update",
            entity="actor", entity_id="Klyngen Nordvest",
            before={"contact": ""}, after={"contact": "post@Næringshagen.no"},
        ),
        AuditLog(
            at=at(4), user_id=world.users["actor_a"].id, username="aktor.a", action="report",
            entity="measure", entity_id="1.3", before=None,
            after={"period": "2025-Q1", "status": "cancelled", "comment": "100% ferdig_snart"},
        ),
        AuditLog(
            at=at(5), user_id=world.users["admin"].id, username="admin", action="delete",
            entity="theme", entity_id="Reiseliv", before={"code": "T7", "name": "Reiseliv"},
            after=None,
        ),
    ]  # fmt: skip
    session.add_all(rows)
    session.commit()
    return world


def window(session: Session, world: World, **filters: Any) -> pd.DataFrame:
    """list_audit limited to March 2025 (the fixture's rows)."""
    filters = {"since": at(1, 0), "until": at(31, 0)} | filters
    return list_audit(session, user=admin(world), **filters)


def test_list_audit_newest_first_with_a_summary(session: Session, log: World) -> None:
    frame = list_audit(session, user=admin(log))
    assert list(frame.columns) == AUDIT_COLUMNS
    assert frame["at"].is_monotonic_decreasing
    assert str(frame["at"].dtype) == "datetime64[us, UTC]"
    old = frame[frame["at"] < at(31)]
    assert list(old["entity_id"]) == ["Reiseliv", "1.3", "Klyngen Nordvest", "1.1", log.plan.name]
    newest = frame.iloc[0]
    assert (newest["action"], newest["entity"]) == ("create", "user")  # the world's users
    rows = old.set_index("entity_id")
    assert rows.loc["1.1", "summary"] == "Tittel: Gammel → Ny tittel; Vekt: 1 → 2,5"
    assert rows.loc["1.1", "before"] == {"title": "Gammel", "weight": 1.0}
    assert rows.loc["Reiseliv", "summary"] == "Nr.: T7; Navn: Reiseliv"
    assert rows.loc["Reiseliv", "after"] is None
    assert rows.loc["Klyngen Nordvest", "summary"] == "Kontakt: – → post@Næringshagen.no"
    assert pd.isna(rows.loc[log.plan.name, "before"])


def test_list_audit_same_moment_later_row_first(session: Session, world: World) -> None:
    for number in range(3):
        session.add(
            AuditLog(at=at(9), username="admin", action="update", entity="goal",
                     entity_id=f"M{number}")
        )  # fmt: skip
    session.commit()
    assert list(window(session, world)["entity_id"]) == ["M2", "M1", "M0"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Reiseliv", "1.3", "Klyngen Nordvest", "1.1", "PLAN"]),
        ({"entity": "measure"}, ["1.3", "1.1"]),
        ({"entity": "plan"}, ["PLAN"]),
        ({"username": "admin"}, ["Reiseliv", "Klyngen Nordvest", "1.1"]),
        ({"username": "admin", "entity": "measure"}, ["1.1"]),
        ({"since": at(2), "until": at(4)}, ["1.3", "Klyngen Nordvest", "1.1"]),
        ({"since": at(4, 13)}, ["Reiseliv"]),
        ({"until": at(1, 11)}, []),
        ({"search": "gammel"}, ["1.1"]),  # in before
        ({"search": "NY TITTEL"}, ["1.1"]),  # in after, other case
        ({"search": "næringshagen"}, ["Klyngen Nordvest"]),  # non-ASCII in JSON
        ({"search": "NÆRINGSHAGEN"}, ["Klyngen Nordvest"]),
        ({"search": " klyngen "}, ["Klyngen Nordvest"]),  # entity id, trimmed
        ({"search": "aktor.a"}, ["1.3"]),  # user name
        ({"search": "delete"}, ["Reiseliv"]),  # action
        ({"search": "100%"}, ["1.3"]),  # LIKE wildcards are literal
        ({"search": "g_snart"}, ["1.3"]),
        ({"search": "%"}, ["1.3"]),
        ({"search": "ull"}, []),  # an empty side (JSON null) never matches
        ({"search": "finnes ikke"}, []),
        ({"limit": 2}, ["Reiseliv", "1.3"]),
    ],
)
def test_list_audit_filters(
    session: Session, log: World, filters: dict[str, Any], expected: list[str]
) -> None:
    frame = window(session, log, **filters)
    names = ["PLAN" if e == log.plan.name else e for e in frame["entity_id"]]
    assert names == expected


def test_list_audit_empty(session: Session, world: World) -> None:
    frame = window(session, world, entity="nothing")
    assert list(frame.columns) == AUDIT_COLUMNS
    assert frame.empty
    assert str(frame["at"].dtype) == "datetime64[us, UTC]"


def test_list_audit_sees_admin_writes(session: Session, world: World) -> None:
    save_actor(
        session,
        user=admin(world),
        actor_id=world.actors["B"].id,
        name="Klyngen Vest",
        short_name="KN",
        kind=ActorKind.CLUSTER,
    )
    session.commit()
    frame = list_audit(session, user=admin(world), entity="actor", username="admin")
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["action"], row["entity_id"], row["summary"]) == (
        "update",
        "Klyngen Vest",
        "Navn: Klyngen Nordvest → Klyngen Vest",
    )
    assert datetime.now(UTC) - row["at"].to_pydatetime() < timedelta(minutes=5)


@pytest.mark.parametrize("who", ["leader", "actor_a"])
def test_only_admin_reads_the_audit_log(session: Session, log: World, who: str) -> None:
    with pytest.raises(PermissionDenied):
        list_audit(session, user=log.principals[who])


def test_list_audit_refuses_naive_moments_and_bad_limits(session: Session, world: World) -> None:
    with pytest.raises(ValueError, match="aware"):
        list_audit(session, user=admin(world), since=datetime(2025, 1, 1))
    with pytest.raises(ValueError, match="limit"):
        list_audit(session, user=admin(world), limit=0)


def test_filter_values(session: Session, log: World) -> None:
    assert audit_entities(session) == ["actor", "measure", "plan", "theme", "user"]
    assert audit_usernames(session) == ["admin", "aktor.a", "system"]


# --- messages -------------------------------------------------------------------------


def test_admin_messages_in_both_languages_with_the_same_placeholders() -> None:
    keys = [key for key in i18n.CATALOGUE if key.startswith("admin.")]
    assert len(keys) >= 20
    for key in keys:
        entry = i18n.CATALOGUE[key]
        assert set(entry) == set(i18n.LANGUAGES), key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(entry[lang]) if name}
            for lang in i18n.LANGUAGES
        ]
        assert fields[0] == fields[1], key
