"""Instruments (virkemidler): what each actor of the næringsarena offers — grants,
loans, advice, courses … — whom for (target groups, stages, industries), how much,
how to apply and by when. An actor's users keep their own actor's, the admin any;
everyone logged in reads and searches them. Saves and deletes are audited; a second
instrument of the same name at the same actor (a double click) is refused, and a
change made against an older view of the instrument too.

A deadline is a date, once or every year on that day; the next one is counted from
today in Oslo. The deadlines show in the Årshjul (instrument_deadline_events)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.errors import ConflictError, NotFound, PermissionDenied
from tracker.i18n import label, t
from tracker.limits import column_limit
from tracker.models import (
    Actor,
    Instrument,
    InstrumentDeadline,
    InstrumentStage,
    InstrumentTargetGroup,
)
from tracker.quarters import OSLO
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.events import EVENT_COLUMNS, keepable_actor_ids, split_groups
from tracker.service.principal import Principal, acting_user
from tracker.vocab import AuditAction, Entity, EventKind, InstrumentKind, Stage, TargetGroup

MAX_DEADLINES = 12
"""Deadlines one instrument lists: a monthly intake at most."""

LINK = re.compile(r"^https?://\S+$")

COLUMNS = [
    "id",
    "actor_id",
    "actor",
    "name",
    "kind",
    "description",
    "target_groups",
    "stages",
    "industries",
    "amount",
    "link",
    "deadlines",
    "next_deadline",
    "version",
]
"""list_instruments' columns: kind a code; target_groups and stages lists of codes;
industries a list; deadlines a list of Deadline; next_deadline a date or None."""


@dataclass(frozen=True)
class Deadline:
    due: date
    yearly: bool = False


@dataclass(frozen=True)
class InstrumentInput:
    """What the form, the importer or the demo sends."""

    actor_id: int
    name: str
    kind: InstrumentKind | str
    description: str = ""
    target_groups: tuple[TargetGroup | str, ...] = ()
    stages: tuple[Stage | str, ...] = ()
    industries: str = ""  # free text, «sjømat; havbruk»
    amount: str = ""  # «inntil 500 000 kr»
    link: str = ""  # how to apply: http(s) only
    deadlines: tuple[Deadline, ...] = ()


def today_in_oslo() -> date:
    return datetime.now(OSLO).date()


def next_deadline(deadlines: list[Deadline] | tuple[Deadline, ...], today: date) -> date | None:
    """The first deadline on or after today: a one-off's date, a yearly one's day this
    year or next (never before its first date; 29 February is the 28th in other years)."""
    upcoming = [_next(deadline, today) for deadline in deadlines]
    found = [day for day in upcoming if day is not None]
    return min(found) if found else None


def _next(deadline: Deadline, today: date) -> date | None:
    if not deadline.yearly or deadline.due >= today:
        return deadline.due if deadline.due >= today else None
    this_year = _in_year(deadline.due, today.year)
    return this_year if this_year >= today else _in_year(deadline.due, today.year + 1)


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without it
        return date(year, 2, 28)


def may_keep_instruments(session: Session, user: Principal, actor_id: int) -> bool:
    """The admin keeps any actor's instruments, an actor's users their own; leadership reads."""
    allowed = keepable_actor_ids(session, user)
    return allowed is None or actor_id in allowed


def save_instrument(
    session: Session,
    *,
    user: Principal,
    values: InstrumentInput,
    instrument_id: int | None = None,
    seen_version: int | None = None,
) -> int:
    """Create (instrument_id None) or change an instrument; returns its id. Refuses
    another actor's (PermissionDenied), bad input and a twin (ValidationError), and
    a change against an older version than the stored one (ConflictError)."""
    current = acting_user(session, user)
    if not may_keep_instruments(session, current, values.actor_id):
        raise PermissionDenied.of("instruments.not_yours")
    stored = None if instrument_id is None else _get(session, instrument_id)
    if stored is not None and not may_keep_instruments(session, current, stored.actor_id):
        raise PermissionDenied.of("instruments.not_yours")
    cleaned = _validated(session, values, instrument_id)
    if stored is None:
        stored = Instrument(version=0)
        session.add(stored)
        before: dict[str, Any] = {}
    else:
        if seen_version is not None and stored.version != seen_version:
            raise ConflictError.of("instruments.changed_meanwhile", name=stored.name)
        before = _audit_values(_stored_input(session, stored))
    _write(session, stored, cleaned)
    after = _audit_values(cleaned)
    changed = [name for name in after if before.get(name) != after[name]]
    record(
        session,
        current,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        entity=Entity.INSTRUMENT,
        entity_id=cleaned.name,
        before={name: before[name] for name in changed} if before else None,
        after={name: after[name] for name in changed},
    )
    return stored.id


def delete_instrument(session: Session, *, user: Principal, instrument_id: int) -> None:
    current = acting_user(session, user)
    stored = _get(session, instrument_id)
    if not may_keep_instruments(session, current, stored.actor_id):
        raise PermissionDenied.of("instruments.not_yours")
    record(
        session,
        current,
        action=AuditAction.DELETE,
        entity=Entity.INSTRUMENT,
        entity_id=stored.name,
        before=_audit_values(_stored_input(session, stored)),
    )
    for table in (InstrumentTargetGroup, InstrumentStage, InstrumentDeadline):
        session.execute(delete(table).where(table.instrument_id == stored.id))
    session.delete(stored)
    session.flush()


def get_instrument(session: Session, instrument_id: int) -> InstrumentInput:
    """The stored instrument as the form edits it; NotFound when it is gone."""
    return _stored_input(session, _get(session, instrument_id))


def list_instruments(session: Session, *, today: date | None = None) -> pd.DataFrame:
    """Every instrument (COLUMNS), by actor and name."""
    day = today or today_in_oslo()
    groups = _lists(session, InstrumentTargetGroup.target_group)
    stages = _lists(session, InstrumentStage.stage)
    deadlines: dict[int, list[Deadline]] = {}
    for row in session.scalars(
        select(InstrumentDeadline).order_by(InstrumentDeadline.due, InstrumentDeadline.id)
    ):
        deadlines.setdefault(row.instrument_id, []).append(Deadline(row.due, row.yearly))
    query = select(Instrument, Actor.name).join(Actor, Instrument.actor_id == Actor.id)
    rows = [
        {
            **{c: getattr(item, c) for c in COLUMNS if hasattr(item, c)},
            "actor": actor,
            "kind": item.kind.value,
            "target_groups": groups.get(item.id, []),
            "stages": stages.get(item.id, []),
            "industries": split_groups(item.industries),
            "deadlines": deadlines.get(item.id, []),
            "next_deadline": next_deadline(deadlines.get(item.id, []), day),
        }
        for item, actor in session.execute(query)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    key = frame["actor"].str.casefold() + "\n" + frame["name"].str.casefold()
    return frame.iloc[key.argsort(kind="stable")].reset_index(drop=True)


def find_instruments(
    session: Session,
    *,
    text: str = "",
    target_group: TargetGroup | str | None = None,
    stage: Stage | str | None = None,
    kind: InstrumentKind | str | None = None,
    actor_id: int | None = None,
    deadline_before: date | None = None,
    today: date | None = None,
) -> pd.DataFrame:
    """The instruments that answer «what can a seafood start-up get, from whom, before
    which date?» (list_instruments' columns), soonest deadline first."""
    return search(
        list_instruments(session, today=today),
        text=text,
        target_group=target_group,
        stage=stage,
        kind=kind,
        actor_id=actor_id,
        deadline_before=deadline_before,
    )


def search(
    instruments: pd.DataFrame,
    *,
    text: str = "",
    target_group: TargetGroup | str | None = None,
    stage: Stage | str | None = None,
    kind: InstrumentKind | str | None = None,
    actor_id: int | None = None,
    deadline_before: date | None = None,
) -> pd.DataFrame:
    """Narrow list_instruments' rows (pure); None or "" means no narrowing.

    text: every word must be in the name, description, industries, amount, the
    actor's name or a label of its kind, groups or stages (case-blind, either language).
    deadline_before: a next deadline on or before that day, or none at all (an
    instrument without deadlines takes applications all year)."""
    keep = pd.Series(True, index=instruments.index)
    if target_group:
        keep &= instruments["target_groups"].map(lambda groups: str(target_group) in groups)
    if stage:
        keep &= instruments["stages"].map(lambda stages: str(stage) in stages)
    if kind:
        keep &= instruments["kind"] == str(kind)
    if actor_id is not None:
        keep &= instruments["actor_id"] == actor_id
    if deadline_before is not None:
        keep &= instruments["next_deadline"].map(lambda day: day is None or day <= deadline_before)
    words = text.casefold().split()
    if words:
        haystacks = instruments.apply(_haystack, axis=1) if len(instruments) else keep
        keep &= haystacks.map(lambda hay: all(word in hay for word in words))
    found = instruments[keep]
    soonest = found["next_deadline"].map(lambda day: (day is None, day or date.max))
    return found.iloc[soonest.argsort(kind="stable")] if len(found) else found


def _haystack(row: pd.Series) -> str:
    codes: list[StrEnum] = [InstrumentKind(row["kind"])]
    codes += [TargetGroup(g) for g in row["target_groups"]] + [Stage(s) for s in row["stages"]]
    labels = [label(code, lang) for code in codes for lang in ("nb", "en")]
    parts = [row["name"], row["description"], row["amount"], row["actor"], *row["industries"]]
    return "\n".join([*parts, *labels]).casefold()


def instrument_deadline_events(
    session: Session, *, lang: str, instruments: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every instrument's deadlines as Årshjul events (EVENT_COLUMNS) of its actor,
    kind «Søknadsfrist»; generated (kept on the instrument, read-only in the wheel),
    with the stable id «virkemiddel-<instrument>-<date>» the calendar feeds' UIDs use."""
    frame = list_instruments(session) if instruments is None else instruments
    rows = []
    for item in frame.to_dict("records"):
        groups = [label(TargetGroup(g), lang) for g in item["target_groups"]]
        for deadline in item["deadlines"]:
            rows.append(
                {
                    "id": f"virkemiddel-{item['id']}-{deadline.due.isoformat()}",
                    "actor_id": item["actor_id"],
                    "actor": item["actor"],
                    "title": t("instruments.deadline_title", lang, name=item["name"]),
                    "kind": EventKind.APPLICATION_DEADLINE.value,
                    "starts": deadline.due,
                    "ends": None,
                    "yearly": deadline.yearly,
                    "theme_id": None,
                    "measure_id": None,
                    "target_groups": groups,
                    "place": "",
                    "link": item["link"],
                    "generated": True,
                    "created_at": None,
                    "changed_at": None,
                }
            )
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _lists(session: Session, column: Any) -> dict[int, list[str]]:
    """instrument id -> its codes in one link table, in the vocabulary's order."""
    order = {member.value: i for i, member in enumerate(column.type.enum_class)}
    found: dict[int, list[str]] = {}
    for instrument_id, code in session.execute(select(column.class_.instrument_id, column)):
        found.setdefault(instrument_id, []).append(code.value)
    return {key: sorted(codes, key=order.__getitem__) for key, codes in found.items()}


def _get(session: Session, instrument_id: int) -> Instrument:
    stored = session.get(Instrument, instrument_id)
    if stored is None:
        raise NotFound.of("instruments.not_found", id=instrument_id)
    return stored


def _stored_input(session: Session, stored: Instrument) -> InstrumentInput:
    groups = _lists(session, InstrumentTargetGroup.target_group).get(stored.id, [])
    stages = _lists(session, InstrumentStage.stage).get(stored.id, [])
    deadlines = session.scalars(
        select(InstrumentDeadline)
        .where(InstrumentDeadline.instrument_id == stored.id)
        .order_by(InstrumentDeadline.due, InstrumentDeadline.id)
    )
    return InstrumentInput(
        actor_id=stored.actor_id,
        name=stored.name,
        kind=stored.kind,
        description=stored.description,
        target_groups=tuple(TargetGroup(g) for g in groups),
        stages=tuple(Stage(s) for s in stages),
        industries=stored.industries,
        amount=stored.amount,
        link=stored.link,
        deadlines=tuple(Deadline(d.due, d.yearly) for d in deadlines),
    )


def _write(session: Session, stored: Instrument, values: InstrumentInput) -> None:
    for name in ("actor_id", "name", "kind", "description", "industries", "amount", "link"):
        setattr(stored, name, getattr(values, name))
    stored.version += 1
    session.flush()
    for table in (InstrumentTargetGroup, InstrumentStage, InstrumentDeadline):
        session.execute(delete(table).where(table.instrument_id == stored.id))
    session.add_all(
        InstrumentTargetGroup(instrument_id=stored.id, target_group=g) for g in values.target_groups
    )
    session.add_all(InstrumentStage(instrument_id=stored.id, stage=s) for s in values.stages)
    session.add_all(
        InstrumentDeadline(instrument_id=stored.id, due=d.due, yearly=d.yearly)
        for d in values.deadlines
    )
    session.flush()


def _validated(
    session: Session, values: InstrumentInput, instrument_id: int | None
) -> InstrumentInput:
    checks = Checks()
    name = checks.text("name", values.name, Instrument.name, required="instruments.name_required")
    kind = checks.member("kind", values.kind, InstrumentKind, Instrument.kind)
    groups = _members(checks, "target_groups", values.target_groups, TargetGroup)
    stages = _members(checks, "stages", values.stages, Stage)
    industries = "; ".join(
        split_groups(checks.text("industries", values.industries, Instrument.industries))
    )
    industries = checks.cleaned("industries", industries, Instrument.industries)
    link = checks.text("link", values.link, Instrument.link)
    if link and len(link) <= column_limit(Instrument.link) and not LINK.match(link):
        checks.add("instruments.link_invalid", "link")
    deadlines = tuple(sorted(set(values.deadlines), key=lambda d: (d.due, d.yearly)))
    if len(deadlines) > MAX_DEADLINES:
        checks.add("instruments.too_many_deadlines", "deadlines", most=MAX_DEADLINES)
    if session.get(Actor, values.actor_id) is None:
        checks.add("instruments.actor_unknown", "actor_id")
    elif name and (twin := _twin(session, values.actor_id, name, instrument_id)) is not None:
        checks.add("instruments.duplicate", "name", name=twin)
    checks.raise_if_any()
    return InstrumentInput(
        actor_id=values.actor_id,
        name=name,
        kind=kind or InstrumentKind.GRANT,
        description=checks.text("description", values.description, Instrument.description),
        target_groups=groups,
        stages=stages,
        industries=industries,
        amount=checks.text("amount", values.amount, Instrument.amount),
        link=link,
        deadlines=deadlines,
    )


def _members(checks: Checks, field: str, values: tuple[Any, ...], enum: type[Any]) -> tuple:
    """The codes, each once, in the vocabulary's order; an unknown one is a problem."""
    wanted = set()
    for value in values:
        try:
            wanted.add(enum(value))
        except ValueError:
            checks.add(f"instruments.{field}_unknown", field, value=str(value))
    return tuple(member for member in enum if member in wanted)


def _twin(session: Session, actor_id: int, name: str, instrument_id: int | None) -> str | None:
    """The stored name of another instrument of the actor with this name (case-blind)."""
    query = select(Instrument.id, Instrument.name).where(Instrument.actor_id == actor_id)
    for found_id, found_name in session.execute(query):
        if found_id != instrument_id and found_name.strip().casefold() == name.casefold():
            return found_name
    return None


def _audit_values(values: InstrumentInput) -> dict[str, Any]:
    """The instrument as the audit log keeps it: texts and codes, deadlines in words."""
    return {
        "actor_id": values.actor_id,
        "name": values.name,
        "kind": str(values.kind),
        "description": values.description,
        "target_groups": [str(g) for g in values.target_groups],
        "stages": [str(s) for s in values.stages],
        "industries": values.industries,
        "amount": values.amount,
        "link": values.link,
        "deadlines": [
            d.due.isoformat() + (" yearly" if d.yearly else "") for d in values.deadlines
        ],
    }
