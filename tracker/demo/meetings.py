"""The demo's coordination meetings: this year's, held in late January, with two
agreed actions (one done, one still open), and next year's, prepared for late
January with every actor invited — so the page and the pack show a meeting that
starts from last year's actions. Written through the service, as the admin would."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Actor
from tracker.service.meetings import (
    ActionInput,
    MeetingInput,
    add_action,
    save_meeting,
    save_minutes,
    set_action_status,
)
from tracker.service.principal import SYSTEM
from tracker.service.structure import find_actor
from tracker.vocab import ActionKind, ActionStatus

PLACE = "Finnsnes"
MINUTES = (
    "Eksempel: Aktørene la fram sine årshjul og virkemidler. Enige om et felles "
    "gründerkurs høsten og om å avklare rollene i rekrutteringsarbeidet mot havbruk."
)
ACTIONS = (
    (
        "Felles gründerkurs for hele Senja, med kurs hos Studiesenteret",
        "Kupa",
        ActionKind.MEASURE,
        ActionStatus.DONE,
    ),
    (
        "Avklare roller i rekrutteringen til havbruk mellom klyngen og BKN",
        "Sjømatklyngen Senja",
        ActionKind.CLARIFICATION,
        ActionStatus.OPEN,
    ),
)


def add_demo_meetings(session: Session, year: int) -> int:
    """This year's meeting (held) and next year's (prepared); returns how many."""
    everyone = tuple(session.scalars(select(Actor.id).order_by(Actor.id)))
    held = save_meeting(
        session,
        user=SYSTEM,
        values=MeetingInput(year, date(year, 1, 29), PLACE, everyone),
    )
    for text, lead, kind, status in ACTIONS:
        action = add_action(
            session,
            user=SYSTEM,
            meeting_id=held,
            values=ActionInput(text, find_actor(session, lead).id, kind),
        )
        set_action_status(session, user=SYSTEM, action_id=action, status=status)
    save_minutes(session, user=SYSTEM, meeting_id=held, minutes=MINUTES)
    save_meeting(
        session,
        user=SYSTEM,
        values=MeetingInput(year + 1, date(year + 1, 1, 28), PLACE, everyone),
    )
    return 2
