"""What a row becomes once parsed: a measure's values to write, the theme, goal and
actors it names (found or new), and its status report, if it gives one; an event's;
an instrument's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tracker.models import Actor, Goal, Measure, Theme
from tracker.quarters import Quarter
from tracker.service.instruments import InstrumentInput
from tracker.vocab import PartnerRole, Status


@dataclass
class StatusSpec:
    period: Quarter | None
    status: Status
    progress: int | None
    rag: Any
    comment: str
    next_steps: str


@dataclass
class MeasureSpec:
    row: int
    existing: Measure | None
    values: dict[str, Any]
    theme: Theme
    goal: Goal | None
    lead: Actor
    partners: dict[int, tuple[Actor, PartnerRole]]
    status: StatusSpec | None
    columns: frozenset[str]  # the file's columns: an existing measure keeps the rest


@dataclass
class EventSpec:
    row: int
    actor: Actor
    theme: Theme | None
    values: dict[str, Any]


@dataclass
class InstrumentSpec:
    row: int
    actor: Actor  # found, or new in this import (its id comes with the write)
    values: InstrumentInput  # its actor_id is set when written
