"""The annual coordination meeting (samhandlingsmøte): one a year, with its date and
place (its event in the Årshjul, of the municipality's actor, kept in step), the
invited actors, the minutes, and the actions agreed there. An action has a lead actor
and becomes a new measure («tiltak», through measure_edits.save_measure) or a decision
on an overlap pair («avklaring», through overlaps.record_decision); it is open until
done. Next year's meeting starts from them. Only the admin keeps meetings; everyone
reads. Every write is audited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound, ValidationError
from tracker.i18n import t
from tracker.models import Actor, Event, Measure, Meeting, MeetingAction, MeetingActor
from tracker.service import overlaps
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.events import EventInput, save_event
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.principal import Principal, require_admin
from tracker.vocab import (
    ActionKind,
    ActionStatus,
    ActorKind,
    AuditAction,
    Entity,
    EventKind,
    OverlapVerdict,
)

ACTION_COLUMNS = [
    "id",
    "meeting_id",
    "year",
    "text",
    "lead_actor_id",
    "lead",
    "kind",
    "status",
    "measure_id",
    "measure_code",
    "pair_a_id",
    "pair_b_id",
]


@dataclass(frozen=True)
class MeetingInput:
    """What the «prepare the meeting» form sends."""

    year: int
    held_on: date
    place: str = ""
    actor_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ActionInput:
    text: str
    lead_actor_id: int | None
    kind: ActionKind | str


@dataclass(frozen=True)
class MeetingView:
    """A meeting as the page and the pack show it."""

    id: int
    year: int
    held_on: date
    place: str
    minutes: str
    actor_ids: tuple[int, ...]
    event_id: int | None


def save_meeting(session: Session, *, user: Principal, values: MeetingInput) -> int:
    """Prepare (or change) the year's meeting and its Årshjul event; returns its id.
    Raises PermissionDenied (not the admin), ValidationError."""
    current = require_admin(session, user)
    cleaned = _validated(session, values)
    meeting = session.scalar(select(Meeting).where(Meeting.year == cleaned.year))
    before = None if meeting is None else _audit_values(session, _view(session, meeting))
    if meeting is None:
        meeting = Meeting(year=cleaned.year, held_on=cleaned.held_on, minutes="")
        session.add(meeting)
    meeting.held_on, meeting.place = cleaned.held_on, cleaned.place
    session.flush()
    _replace_invited(session, meeting.id, cleaned.actor_ids)
    meeting.event_id = _keep_event(session, current, meeting)
    after = _audit_values(session, _view(session, meeting))
    if before != after:
        record(
            session,
            current,
            action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
            entity=Entity.MEETING,
            entity_id=meeting.year,
            before=before,
            after=after,
        )
    session.flush()
    return meeting.id


def save_minutes(session: Session, *, user: Principal, meeting_id: int, minutes: str) -> None:
    """The meeting's minutes (referat), replacing what was written before."""
    current = require_admin(session, user)
    meeting = _get(session, meeting_id)
    checks = Checks()
    text = checks.text("minutes", minutes, Meeting.minutes)
    checks.raise_if_any()
    if text == meeting.minutes:
        return
    record(
        session,
        current,
        action=AuditAction.UPDATE,
        entity=Entity.MEETING,
        entity_id=meeting.year,
        before={"minutes": meeting.minutes},
        after={"minutes": text},
    )
    meeting.minutes = text
    session.flush()


def add_action(session: Session, *, user: Principal, meeting_id: int, values: ActionInput) -> int:
    """An agreed action (open); the same text twice at one meeting is refused."""
    current = require_admin(session, user)
    meeting = _get(session, meeting_id)
    checks = Checks()
    text = checks.text("text", values.text, MeetingAction.text, required="meetings.text_required")
    kind = checks.member("kind", values.kind, ActionKind, MeetingAction.kind)
    if values.lead_actor_id is None or session.get(Actor, values.lead_actor_id) is None:
        checks.add("meetings.lead_required", "lead_actor_id")
    checks.raise_if_any()
    assert kind is not None and values.lead_actor_id is not None
    if _twin(session, meeting.id, text):
        raise ValidationError.of("meetings.action_twin", "text", text=text)
    action = MeetingAction(
        meeting_id=meeting.id,
        text=text,
        lead_actor_id=values.lead_actor_id,
        kind=kind,
        status=ActionStatus.OPEN,
    )
    session.add(action)
    session.flush()
    after = {"text": text, "lead_actor_id": values.lead_actor_id, "kind": kind.value}
    record(
        session,
        current,
        action=AuditAction.CREATE,
        entity=Entity.MEETING_ACTION,
        entity_id=_action_label(action),
        after={**after, "status": ActionStatus.OPEN.value},
    )
    return action.id


def set_action_status(
    session: Session, *, user: Principal, action_id: int, status: ActionStatus | str
) -> None:
    current = require_admin(session, user)
    action = _get_action(session, action_id)
    checks = Checks()
    wanted = checks.member("status", status, ActionStatus, MeetingAction.status)
    checks.raise_if_any()
    assert wanted is not None
    _set_status(session, current, action, wanted)


def action_to_measure(
    session: Session, *, user: Principal, action_id: int, plan_id: int, values: MeasureInput
) -> int:
    """A «tiltak» action becomes a new measure (its lead the action's, unless the form
    names another); the action is then done and names the measure. Returns its id."""
    current = require_admin(session, user)
    action = _get_action(session, action_id)
    if action.kind != ActionKind.MEASURE:
        raise ValidationError.of("meetings.not_a_measure")
    if action.measure_id is not None:
        raise ValidationError.of("meetings.measure_made")
    if values.lead_actor_id is None:
        values = replace(values, lead_actor_id=action.lead_actor_id)
    measure_id = save_measure(
        session, user=user, plan_id=plan_id, measure_id=None, seen_version=None, values=values
    )
    action.measure_id = measure_id
    record(
        session,
        current,
        action=AuditAction.UPDATE,
        entity=Entity.MEETING_ACTION,
        entity_id=_action_label(action),
        after={"measure_id": measure_id},
    )
    _set_status(session, current, action, ActionStatus.DONE)
    return measure_id


def settle_pair(
    session: Session,
    *,
    user: Principal,
    action_id: int,
    measure_ids: tuple[int, int],
    verdict: OverlapVerdict | str | None,
    note: str = "",
) -> None:
    """An «avklaring» action decides an overlap pair; the action is then done."""
    current = require_admin(session, user)
    action = _get_action(session, action_id)
    if action.kind != ActionKind.CLARIFICATION:
        raise ValidationError.of("meetings.not_a_clarification")
    overlaps.record_decision(
        session, user=user, measure_ids=measure_ids, verdict=verdict, note=note or action.text
    )
    action.pair_a_id, action.pair_b_id = sorted(measure_ids)
    record(
        session,
        current,
        action=AuditAction.UPDATE,
        entity=Entity.MEETING_ACTION,
        entity_id=_action_label(action),
        after={"pair_a_id": action.pair_a_id, "pair_b_id": action.pair_b_id},
    )
    _set_status(session, current, action, ActionStatus.DONE)


def get_meeting(session: Session, *, year: int) -> MeetingView | None:
    """The year's meeting, or None when it is not prepared."""
    meeting = session.scalar(select(Meeting).where(Meeting.year == year))
    return None if meeting is None else _view(session, meeting)


def meeting_years(session: Session) -> list[int]:
    return list(session.scalars(select(Meeting.year).order_by(Meeting.year)))


def list_actions(session: Session, *, year: int) -> pd.DataFrame:
    """The actions agreed at the year's meeting (ACTION_COLUMNS), in the order agreed."""
    query = (
        select(
            MeetingAction,
            Meeting.year,
            Actor.name.label("lead"),
            Measure.code.label("measure_code"),
        )
        .join(Meeting, MeetingAction.meeting_id == Meeting.id)
        .join(Actor, MeetingAction.lead_actor_id == Actor.id)
        .outerjoin(Measure, MeetingAction.measure_id == Measure.id)
        .where(Meeting.year == year)
        .order_by(MeetingAction.id)
    )
    rows = [
        {
            **{c: getattr(action, c) for c in ACTION_COLUMNS if hasattr(action, c)},
            "kind": action.kind.value,
            "status": action.status.value,
            "year": meeting_year,
            "lead": lead,
            "measure_code": code,
        }
        for action, meeting_year, lead, code in session.execute(query)
    ]
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def previous_actions(session: Session, *, year: int) -> pd.DataFrame:
    """What the last meeting before `year` agreed: where this year's starts."""
    earlier = session.scalar(
        select(Meeting.year).where(Meeting.year < year).order_by(Meeting.year.desc()).limit(1)
    )
    if earlier is None:
        return pd.DataFrame(columns=ACTION_COLUMNS)
    return list_actions(session, year=earlier)


def municipality_actor_id(session: Session) -> int | None:
    """The actor whose event the meeting is: the first of kind «kommune»."""
    return session.scalar(
        select(Actor.id).where(Actor.kind == ActorKind.MUNICIPALITY).order_by(Actor.id).limit(1)
    )


def _set_status(
    session: Session, current: Principal, action: MeetingAction, wanted: ActionStatus
) -> None:
    if action.status == wanted:
        return
    record(
        session,
        current,
        action=AuditAction.UPDATE,
        entity=Entity.MEETING_ACTION,
        entity_id=_action_label(action),
        before={"status": action.status.value},
        after={"status": wanted.value},
    )
    action.status = wanted
    session.flush()


def _keep_event(session: Session, current: Principal, meeting: Meeting) -> int | None:
    """The meeting's Årshjul event, made or moved to the meeting's date and place."""
    owner = municipality_actor_id(session)
    if owner is None:
        return None
    values = EventInput(
        actor_id=owner,
        title=t("meetings.event_title", year=meeting.year),
        kind=EventKind.MEETING,
        starts=meeting.held_on,
        place=meeting.place,
    )
    event = session.get(Event, meeting.event_id) if meeting.event_id else None
    if event is not None:
        unchanged = (event.starts, event.place, event.title) == (
            values.starts,
            values.place,
            values.title,
        )
        if unchanged:
            return event.id
        values = replace(values, actor_id=event.actor_id)
    return save_event(
        session, user=current, values=values, event_id=None if event is None else event.id
    )


def _validated(session: Session, values: MeetingInput) -> MeetingInput:
    checks = Checks()
    place = checks.text("place", values.place, Meeting.place)
    if values.held_on.year != values.year:
        checks.add("meetings.date_in_year", "held_on", year=values.year)
    known = set(session.scalars(select(Actor.id).where(Actor.id.in_(values.actor_ids))))
    if set(values.actor_ids) - known:
        checks.add("meetings.actor_unknown", "actor_ids")
    checks.raise_if_any()
    return replace(values, place=place, actor_ids=tuple(sorted(set(values.actor_ids))))


def _replace_invited(session: Session, meeting_id: int, actor_ids: tuple[int, ...]) -> None:
    have = set(
        session.scalars(select(MeetingActor.actor_id).where(MeetingActor.meeting_id == meeting_id))
    )
    for gone in have - set(actor_ids):
        session.delete(session.get(MeetingActor, (meeting_id, gone)))
    for actor_id in set(actor_ids) - have:
        session.add(MeetingActor(meeting_id=meeting_id, actor_id=actor_id))
    session.flush()


def _view(session: Session, meeting: Meeting) -> MeetingView:
    invited = session.scalars(
        select(MeetingActor.actor_id)
        .join(Actor, MeetingActor.actor_id == Actor.id)
        .where(MeetingActor.meeting_id == meeting.id)
        .order_by(Actor.name)
    )
    return MeetingView(
        id=meeting.id,
        year=meeting.year,
        held_on=meeting.held_on,
        place=meeting.place,
        minutes=meeting.minutes,
        actor_ids=tuple(invited),
        event_id=meeting.event_id,
    )


def _audit_values(session: Session, view: MeetingView) -> dict[str, object]:
    names = session.scalars(select(Actor.name).where(Actor.id.in_(view.actor_ids)))
    return {
        "year": view.year,
        "held_on": view.held_on,
        "place": view.place,
        "invited": sorted(names),
    }


def _action_label(action: MeetingAction) -> str:
    """What the audit log names an action by: the first words of what was agreed."""
    text = action.text if len(action.text) <= 80 else action.text[:79] + "…"
    return text


def _twin(session: Session, meeting_id: int, text: str) -> bool:
    texts = session.scalars(
        select(MeetingAction.text).where(MeetingAction.meeting_id == meeting_id)
    )
    return any(stored.strip().casefold() == text.strip().casefold() for stored in texts)


def _get(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound.of("meetings.unknown")
    return meeting


def _get_action(session: Session, action_id: int) -> MeetingAction:
    action = session.get(MeetingAction, action_id)
    if action is None:
        raise NotFound.of("meetings.action_unknown")
    return action
