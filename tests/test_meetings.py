"""The annual coordination meeting (tracker.service.meetings): only the admin keeps
it, its Årshjul event follows its date and place, an agreed action becomes a measure
or a decision on a pair, next year starts from last year's actions, and every write
is audited and reads in words. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World, make_actor
from tracker.errors import PermissionDenied, ValidationError
from tracker.models import AuditLog, Event, Measure, OverlapDecision
from tracker.service.audit_log import list_audit
from tracker.service.events import delete_event
from tracker.service.measure_edits import MeasureInput
from tracker.service.meetings import (
    ActionInput,
    MeetingInput,
    action_to_measure,
    add_action,
    get_meeting,
    list_actions,
    previous_actions,
    save_meeting,
    save_minutes,
    set_action_status,
    settle_pair,
)
from tracker.vocab import ActionKind, ActionStatus, ActorKind, EventKind, OverlapVerdict


@pytest.fixture
def kommune(session: Session, world: World) -> int:
    return make_actor(session, "Senja kommune", "Senja", ActorKind.MUNICIPALITY).id


def prepare(world: World, who: str = "admin", **changes: object) -> MeetingInput:
    values = {
        "year": 2027,
        "held_on": date(2027, 1, 28),
        "place": "Finnsnes",
        "actor_ids": tuple(a.id for a in world.actors.values()),
        **changes,
    }
    return MeetingInput(**values)  # type: ignore[arg-type]


def test_only_the_admin_keeps_the_meeting_and_everyone_reads(
    session: Session, world: World, kommune: int
) -> None:
    for who in ("leader", "actor_a"):
        with pytest.raises(PermissionDenied):
            save_meeting(session, user=world.principals[who], values=prepare(world))
    meeting_id = save_meeting(session, user=world.principals["admin"], values=prepare(world))
    with pytest.raises(PermissionDenied):
        save_minutes(session, user=world.principals["leader"], meeting_id=meeting_id, minutes="x")
    with pytest.raises(PermissionDenied):
        add_action(
            session, user=world.principals["actor_a"], meeting_id=meeting_id,
            values=ActionInput("Felles kurs", world.actors["A"].id, ActionKind.MEASURE),
        )  # fmt: skip
    shown = get_meeting(session, year=2027)
    assert shown is not None and shown.place == "Finnsnes"
    assert set(shown.actor_ids) == {a.id for a in world.actors.values()}
    with pytest.raises(ValidationError) as refused:
        save_meeting(
            session,
            user=world.principals["admin"],
            values=prepare(world, held_on=date(2026, 12, 1)),
        )
    assert refused.value.text("nb") == "Møtet for 2027 må holdes i 2027."


def test_the_event_in_the_wheel_follows_the_meeting(
    session: Session, world: World, kommune: int
) -> None:
    admin = world.principals["admin"]
    save_meeting(session, user=admin, values=prepare(world))
    event = session.get(Event, get_meeting(session, year=2027).event_id)  # type: ignore[union-attr]
    assert (event.actor_id, event.kind, event.starts, event.place) == (
        kommune, EventKind.MEETING, date(2027, 1, 28), "Finnsnes")  # fmt: skip
    assert event.title == "Samhandlingsmøte 2027"
    save_meeting(
        session, user=admin, values=prepare(world, held_on=date(2027, 1, 30), place="Silsand")
    )
    session.refresh(event)
    assert (event.starts, event.place) == (date(2027, 1, 30), "Silsand")
    assert len(session.scalars(select(Event).where(Event.kind == EventKind.MEETING)).all()) == 1
    delete_event(session, user=admin, event_id=event.id)  # taken out of the wheel by hand
    save_meeting(session, user=admin, values=prepare(world, place="Gibostad"))
    again = session.get(Event, get_meeting(session, year=2027).event_id)  # type: ignore[union-attr]
    assert again is not None and again.place == "Gibostad"


def test_an_action_becomes_a_measure_and_a_pair_is_settled(
    session: Session, world: World, kommune: int
) -> None:
    admin = world.principals["admin"]
    meeting_id = save_meeting(session, user=admin, values=prepare(world))
    first = add_action(
        session, user=admin, meeting_id=meeting_id,
        values=ActionInput("Felles gründerkurs", world.actors["B"].id, ActionKind.MEASURE),
    )  # fmt: skip
    with pytest.raises(ValidationError) as twin:  # a double click
        add_action(
            session, user=admin, meeting_id=meeting_id,
            values=ActionInput("felles gründerkurs ", world.actors["B"].id, "tiltak"),
        )  # fmt: skip
    assert "er allerede avtalt" in twin.value.text("nb")
    form = MeasureInput(
        code="1.9", title="Felles gründerkurs", theme_id=world.themes["T1"].id,
        lead_actor_id=None, start_period="2027-Q1", end_period="2027-Q4",
    )  # fmt: skip
    measure_id = action_to_measure(
        session, user=admin, action_id=first, plan_id=world.plan.id, values=form
    )
    assert session.get(Measure, measure_id).lead_actor_id == world.actors["B"].id  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        action_to_measure(session, user=admin, action_id=first, plan_id=world.plan.id, values=form)
    second = add_action(
        session, user=admin, meeting_id=meeting_id,
        values=ActionInput("Avklar inkubator mot lærlinger", world.actors["A"].id, "avklaring"),
    )  # fmt: skip
    pair = (world.measure_id("2.3"), world.measure_id("1.1"))
    settle_pair(session, user=admin, action_id=second, measure_ids=pair,
                verdict=OverlapVerdict.CLARIFY_ROLES)  # fmt: skip
    decision = session.scalars(select(OverlapDecision)).one()
    assert decision.note == "Avklar inkubator mot lærlinger"
    actions = list_actions(session, year=2027)
    assert list(actions["status"]) == [ActionStatus.DONE, ActionStatus.DONE]
    assert actions["measure_code"].iloc[0] == "1.9"
    with pytest.raises(ValidationError):
        settle_pair(session, user=admin, action_id=first, measure_ids=pair, verdict="samarbeid")


def test_next_year_starts_from_last_years_actions(
    session: Session, world: World, kommune: int
) -> None:
    admin = world.principals["admin"]
    last = save_meeting(session, user=admin, values=prepare(world, year=2026,
                        held_on=date(2026, 1, 29)))  # fmt: skip
    action = add_action(
        session, user=admin, meeting_id=last,
        values=ActionInput("Felles messestand", world.actors["C"].id, ActionKind.MEASURE),
    )  # fmt: skip
    set_action_status(session, user=admin, action_id=action, status="done")
    assert previous_actions(session, year=2026).empty
    earlier = previous_actions(session, year=2027)
    assert list(earlier["text"]) == ["Felles messestand"]
    assert list(earlier["status"]) == ["done"]
    assert earlier["lead"].iloc[0] == "Innovasjon Norge Arktis"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_write_is_audited_in_words(
    session: Session, world: World, kommune: int, lang: str
) -> None:
    admin = world.principals["admin"]
    meeting_id = save_meeting(session, user=admin, values=prepare(world))
    save_minutes(session, user=admin, meeting_id=meeting_id, minutes="Enige om felles kurs.")
    action = add_action(
        session, user=admin, meeting_id=meeting_id,
        values=ActionInput("Felles gründerkurs", world.actors["B"].id, ActionKind.MEASURE),
    )  # fmt: skip
    set_action_status(session, user=admin, action_id=action, status=ActionStatus.DONE)
    rows = session.scalars(
        select(AuditLog).where(AuditLog.entity.in_(["meeting", "meeting_action"]))
        .order_by(AuditLog.id)
    ).all()  # fmt: skip
    assert [(r.entity, r.action) for r in rows] == [
        ("meeting", "create"), ("meeting", "update"),
        ("meeting_action", "create"), ("meeting_action", "update"),
    ]  # fmt: skip
    assert rows[0].after["invited"] == sorted(a.name for a in world.actors.values())
    log = list_audit(session, user=admin, lang=lang)
    words = log[["who", "what", "thing", "which", "summary"]]
    said = " ".join(str(v) for v in words.astype(str).to_numpy().ravel())
    for code in ("meeting_action", ": tiltak", "held_on", "lead_actor_id", "2 027", "2,027"):
        assert code not in said
    expected = {
        "nb": ("Samhandlingsmøte", "Nytt tiltak", "Utført", "Klyngen Nordvest"),
        "en": ("Coordination meeting", "New measure", "Done", "Klyngen Nordvest"),
    }
    for word in expected[lang]:
        assert word in said
