"""The Årshjul sheet of a plan file: rows parsed into event values (problems by row
and column, like every sheet), then written; an event is matched by actor, title
and start date, so a re-import changes it instead of adding it again."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from tracker.cleaning import clean_text
from tracker.models import Event
from tracker.planfile import actor_rows, themes
from tracker.planfile.apply import sync
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import EVENTS
from tracker.planfile.specs import EventSpec
from tracker.planfile.values import parse_date, parse_event_kind, parse_yes
from tracker.service.events import match_key, split_groups
from tracker.vocab import Entity, EventKind

LINK = re.compile(r"^https?://\S+$")
HEADER = {c.key: c.header for c in EVENTS.columns}  # problems name the sheet's own columns


def parse_events(run: ImportRun) -> list[EventSpec]:
    specs: list[EventSpec] = []
    for row, values in run.rows(EVENTS):
        actor = actor_rows.find_one_actor(run, values.get("actor", ""), row, HEADER["actor"], True)
        title = clean_text(values.get("title", ""))
        if not title:
            run.problem("import.required", row, HEADER["title"])
        else:
            run.fits(title, Event.title, row, HEADER["title"])
        starts = _date(run, values.get("starts", ""), row, HEADER["starts"], required=True)
        ends = _date(run, values.get("ends", ""), row, HEADER["ends"])
        if starts and ends and ends < starts:
            run.problem("wheel.ends_before_starts", row, HEADER["ends"])
        theme_name = values.get("theme", "").strip()
        theme = run.themes.find(theme_name) if theme_name else None
        if theme_name and theme is None:
            themes.unknown_theme(run, theme_name, row, HEADER["theme"])
        groups = "; ".join(split_groups(clean_text(values.get("groups", ""))))
        place = clean_text(values.get("place", ""))
        link = clean_text(values.get("link", ""))
        texts = (
            ("groups", groups, Event.target_groups),
            ("place", place, Event.place),
            ("link", link, Event.link),
        )
        fits = [run.fits(text, column, row, HEADER[key]) for key, text, column in texts]
        if link and fits[-1] and not LINK.match(link):
            run.problem("wheel.link_invalid", row, HEADER["link"])
        if actor is None or not title or starts is None or not all(fits):
            continue
        event = {
            "title": title,
            "kind": _kind(run, values.get("kind", ""), row),
            "starts": starts,
            "ends": ends if ends != starts else None,
            "yearly": parse_yes(values.get("yearly", "")),
            "target_groups": groups,
            "place": place,
            "link": link,
        }
        specs.append(EventSpec(row, actor, theme, event))
    return specs


def apply_events(run: ImportRun, specs: list[EventSpec]) -> None:
    existing = {
        match_key(event.actor_id, event.title, event.starts): event
        for event in run.session.scalars(select(Event))
    }
    for spec in specs:
        key = match_key(spec.actor.id, spec.values["title"], spec.values["starts"])
        event = existing.get(key) or Event()
        wanted = {
            **spec.values,
            "actor_id": spec.actor.id,
            "theme_id": spec.theme.id if spec.theme else None,
        }
        if event.id is not None:
            wanted["measure_id"] = event.measure_id
        sync(run, event, wanted, Entity.EVENT, spec.values["title"])
    run.session.flush()


def _date(run: ImportRun, text: str, row: int, column: str, required: bool = False) -> date | None:
    if not text.strip():
        if required:
            run.problem("import.required", row, column)
        return None
    try:
        return parse_date(text)
    except ValueError:
        run.problem("import.bad_date", row, column, value=text)
        return None


def _kind(run: ImportRun, text: str, row: int) -> EventKind:
    if not text.strip():
        return EventKind.OTHER
    try:
        return parse_event_kind(text)
    except ValueError:
        run.problem("import.bad_event_kind", row, HEADER["kind"], value=text)
        return EventKind.OTHER
