"""The Virkemidler sheet of a plan file: rows parsed into instruments (problems by
row and column, like every sheet), then written through the instruments' service,
so the file meets the rules the form meets (a refusal there is the row's problem
and nothing is written). An instrument is matched by its actor and name (case-blind),
so a re-import changes it instead of adding it again."""

from __future__ import annotations

import re
from dataclasses import replace
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select

from tracker import i18n
from tracker.errors import Problem, ValidationError
from tracker.limits import column_limit
from tracker.models import Instrument
from tracker.planfile import actor_rows
from tracker.planfile.changes import field_labels
from tracker.planfile.read import normalise
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import INSTRUMENTS, LANG
from tracker.planfile.specs import InstrumentSpec
from tracker.planfile.values import parse_date
from tracker.service.events import split_groups
from tracker.service.instruments import (
    LINK,
    MAX_DEADLINES,
    Deadline,
    InstrumentInput,
    get_instrument,
    save_instrument,
)
from tracker.vocab import Entity, InstrumentKind, Stage, TargetGroup

E = TypeVar("E", bound=StrEnum)
YEARLY = re.compile(r"\(?\s*(hvert år|hvert ar|årlig|arlig|årleg|yearly|every year)\s*\)?", re.I)
TEXTS = {
    "description": Instrument.description,
    "industries": Instrument.industries,
    "amount": Instrument.amount,
    "link": Instrument.link,
}


def parse_instruments(run: ImportRun) -> list[InstrumentSpec]:
    specs: list[InstrumentSpec] = []
    seen: set[tuple[int, str]] = set()
    for row, values in run.rows(INSTRUMENTS):
        actor = actor_rows.find_one_actor(run, values.get("actor", ""), row, "actor", True)
        name = run.text(values, "name", row, Instrument.name, required=True)
        kind = _code(run, InstrumentKind, values.get("kind", ""), row, "kind")
        groups = [
            _code(run, TargetGroup, g, row, "groups")
            for g in split_groups(values.get("groups", ""))
        ]
        stages = [
            _code(run, Stage, s, row, "stages") for s in split_groups(values.get("stages", ""))
        ]
        texts = {key: run.text(values, key, row, column) for key, column in TEXTS.items()}
        deadlines = _deadlines(run, values.get("deadlines", ""), row)
        link = texts["link"]
        if link and len(link) <= column_limit(Instrument.link) and not LINK.match(link):
            run.problem("instruments.link_invalid", row, "link")  # as the service says
        if actor is None or not name or kind is None or None in groups or None in stages:
            continue
        if (id(actor), name.casefold()) in seen:
            run.problem("import.duplicate", row, "name", value=name)
            continue
        seen.add((id(actor), name.casefold()))
        spec = InstrumentInput(
            actor_id=0,
            name=name,
            kind=kind,
            target_groups=tuple(g for g in groups if g is not None),
            stages=tuple(s for s in stages if s is not None),
            deadlines=deadlines,
            **texts,
        )
        specs.append(InstrumentSpec(row, actor, spec))
    return specs


def apply_instruments(run: ImportRun, specs: list[InstrumentSpec]) -> None:
    """Each row saved through the service (new, or the actor's instrument of that
    name changed); a refusal becomes the row's problem (the importer then writes
    nothing). Rows equal to what is stored change nothing."""
    run.sheet = INSTRUMENTS
    run.session.flush()  # the new actors' ids
    stored = {
        (actor_id, name.strip().casefold()): instrument_id
        for instrument_id, actor_id, name in run.session.execute(
            select(Instrument.id, Instrument.actor_id, Instrument.name)
        )
    }
    for spec in specs:
        values = replace(spec.values, actor_id=spec.actor.id)
        found = stored.get((spec.actor.id, values.name.casefold()))
        changed = [] if found is None else _changed(get_instrument(run.session, found), values)
        if found is not None and not changed:
            continue
        try:
            save_instrument(run.session, user=run.principal, values=values, instrument_id=found)
        except ValidationError as refused:
            run.refuse(list(refused.problems), spec.row)
            continue
        key = "import.change_new" if found is None else "import.change_updated"
        params: dict[str, Any] = {"entity": Entity.INSTRUMENT, "name": values.name}
        if found is not None:
            params["fields"] = field_labels(Entity.INSTRUMENT, changed)
        run.changes.append(Problem(key, params))


def _changed(stored: InstrumentInput, wanted: InstrumentInput) -> list[str]:
    """The fields the row changes (codes compared as codes, lists as sets)."""

    def plain(values: InstrumentInput) -> dict[str, Any]:
        return {
            "name": values.name,
            "kind": str(values.kind),
            "description": values.description,
            "target_groups": sorted(map(str, values.target_groups)),
            "stages": sorted(map(str, values.stages)),
            "industries": values.industries,
            "amount": values.amount,
            "link": values.link,
            "deadlines": sorted(set(values.deadlines), key=lambda d: (d.due, d.yearly)),
        }

    before, after = plain(stored), plain(wanted)
    return [name for name in after if before[name] != after[name]]


def _code(run: ImportRun, enum: type[E], text: str, row: int, column: str) -> E | None:
    """A code of enum by its code or its label in either language; None (and the
    row's problem) when it is none of them."""
    wanted = normalise(text)
    if not wanted:
        run.problem("import.required", row, column)
        return None
    for member in enum:
        names = (member.value, *(i18n.label(member, lang) for lang in i18n.LANGUAGES))
        if wanted in {normalise(n) for n in names}:
            return member
    choices = ", ".join(i18n.label(member, LANG) for member in enum)
    run.problem("import.bad_choice", row, column, value=text.strip(), choices=choices)
    return None


def _deadlines(run: ImportRun, text: str, row: int) -> tuple[Deadline, ...]:
    """«01.03.2026 (hvert år); 15.09.2026» -> the deadlines; a bad date is a problem."""
    found: list[Deadline] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        yearly = YEARLY.search(part) is not None
        day = run.parse_cell(parse_date, YEARLY.sub("", part).strip(), row, "deadlines")
        if day is not None:
            found.append(Deadline(day, yearly))
    if len(found) > MAX_DEADLINES:
        run.problem("instruments.too_many_deadlines", row, "deadlines", most=MAX_DEADLINES)
    return tuple(found)


def deadline_cell(deadlines: list[Deadline]) -> str:
    """The Frister cell export writes, as _deadlines reads it."""
    yearly = i18n.t("instruments.yearly", LANG)
    return "; ".join(
        d.due.strftime("%d.%m.%Y") + (f" ({yearly})" if d.yearly else "") for d in deadlines
    )
