"""The shared annual wheel (årshjul): the actors' events, kept by each actor's users
(the admin keeps all), the quarterly reporting deadlines the plan generates, the
events of one year (yearly ones repeated), and clashes: events by different actors
for the same target group in the same week."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cleaning import clean_text
from tracker.errors import NotFound, PermissionDenied, Problem, ValidationError
from tracker.i18n import quarter_label, t
from tracker.limits import column_limit
from tracker.models import Actor, Event, Measure, Theme
from tracker.quarters import OSLO, plan_quarters
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, acting_user, actor_takes_part
from tracker.service.structure import get_plan
from tracker.vocab import AuditAction, Entity, EventKind, Role

REPORT_DEADLINE_DAYS = 14  # a quarter's status report is due two weeks after it ends
EVENT_COLUMNS = [
    "id",
    "actor_id",
    "actor",
    "title",
    "kind",
    "starts",
    "ends",
    "yearly",
    "theme_id",
    "measure_id",
    "target_groups",
    "place",
    "link",
    "generated",
    "created_at",
    "changed_at",
]
"""changed_at: when the event was last changed (made, if never since); the calendar
feed's LAST-MODIFIED. Both times are empty for the generated deadlines."""


@dataclass(frozen=True)
class EventInput:
    actor_id: int
    title: str
    kind: EventKind | str
    starts: date
    ends: date | None = None
    yearly: bool = False
    theme_id: int | None = None
    measure_id: int | None = None
    target_groups: str = ""  # free tags, separated by ; or ,
    place: str = ""
    link: str = ""


def match_key(actor_id: int, title: str, starts: date) -> tuple[int, str, date]:
    """What makes two events the same one: the actor, the title (trimmed, case-blind)
    and the start date. The importer matches stored events by it, and the wheel
    refuses a second one with it (and the same kind)."""
    return actor_id, title.strip().casefold(), starts


def save_event(
    session: Session, *, user: Principal, values: EventInput, event_id: int | None = None
) -> int:
    """Create (event_id None) or change an event; returns its id."""
    current = _may_keep(session, user, values.actor_id)
    cleaned = _validated(session, values)
    _refuse_twin(session, cleaned, event_id)
    if event_id is None:
        event = Event(**asdict(cleaned))
        session.add(event)
        session.flush()
        record(
            session,
            current,
            action=AuditAction.CREATE,
            entity=Entity.EVENT,
            entity_id=event.id,
            after=asdict(cleaned),
        )
        return event.id
    event = _get(session, event_id)
    _may_keep(session, user, event.actor_id)
    before = {field: getattr(event, field) for field in asdict(cleaned)}
    for field, value in asdict(cleaned).items():
        setattr(event, field, value)
    record(
        session,
        current,
        action=AuditAction.UPDATE,
        entity=Entity.EVENT,
        entity_id=event.id,
        before=before,
        after=asdict(cleaned),
    )
    return event.id


def delete_event(session: Session, *, user: Principal, event_id: int) -> None:
    event = _get(session, event_id)
    current = _may_keep(session, user, event.actor_id)
    record(
        session,
        current,
        action=AuditAction.DELETE,
        entity=Entity.EVENT,
        entity_id=event.id,
        before={"title": event.title, "starts": event.starts},
    )
    session.delete(event)
    session.flush()


def list_events(session: Session) -> pd.DataFrame:
    """Every stored event (EVENT_COLUMNS; target_groups as a list), by date."""
    query = (
        select(Event, Actor.name.label("actor"))
        .join(Actor, Event.actor_id == Actor.id)
        .order_by(Event.starts, Event.id)
    )
    rows = [
        {
            **{c: getattr(event, c) for c in EVENT_COLUMNS if hasattr(event, c)},
            "kind": event.kind.value,
            "actor": actor,
            "target_groups": split_groups(event.target_groups),
            "generated": False,
            "changed_at": event.updated_at or event.created_at,
        }
        for event, actor in session.execute(query)
    ]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def deadline_events(session: Session, *, plan_id: int, lang: str) -> pd.DataFrame:
    """The plan's quarterly reporting deadlines as events (never stored)."""
    plan = get_plan(session, plan_id)
    rows = []
    for quarter in plan_quarters(plan.start_year, plan.end_year):
        due = quarter.end().astimezone(OSLO).date() + timedelta(days=REPORT_DEADLINE_DAYS)
        label = quarter_label(quarter, lang)
        rows.append(
            {
                "id": f"frist-{plan.id}-{quarter}",
                "actor_id": None,
                "actor": t("wheel.plan_deadlines", lang),
                "title": t("wheel.deadline", lang, quarter=label),
                "kind": EventKind.REPORTING_DEADLINE.value,
                "starts": due,
                "ends": None,
                "yearly": False,
                "theme_id": None,
                "measure_id": None,
                "target_groups": [t("wheel.all_actors", lang)],
                "place": "",
                "link": "",
                "generated": True,
                "created_at": None,
                "changed_at": None,
            }
        )
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def joined(*frames: pd.DataFrame) -> pd.DataFrame:
    """Event frames (EVENT_COLUMNS) as one; empty ones are left out (pandas warns
    about them)."""
    kept = [frame for frame in frames if not frame.empty]
    return pd.concat(kept, ignore_index=True) if kept else frames[0]


def filter_events(
    events: pd.DataFrame,
    *,
    actor_id: int | None = None,
    kind: str | None = None,
    theme_id: int | None = None,
    group: str | None = None,
) -> pd.DataFrame:
    """Narrow events (pure); None means no narrowing. A group matches case-blind."""
    keep = pd.Series(True, index=events.index)
    if actor_id is not None:
        keep &= events["actor_id"] == actor_id
    if kind is not None:
        keep &= events["kind"] == kind
    if theme_id is not None:
        keep &= events["theme_id"] == theme_id
    if group is not None:
        wanted = group.casefold()
        keep &= events["target_groups"].map(lambda groups: wanted in {g.casefold() for g in groups})
    return events[keep]


def target_groups(events: pd.DataFrame) -> list[str]:
    """Every target group used, case-blind, in alphabetical order."""
    seen: dict[str, str] = {}
    for groups in events["target_groups"]:
        for group in groups:
            seen.setdefault(group.casefold(), group)
    return sorted(seen.values(), key=str.casefold)


def occurrences(events: pd.DataFrame, year: int) -> pd.DataFrame:
    """The events that happen in `year` (pure), with `date` (the first day in the
    year) and `until` (its last day). A yearly event happens from the year it starts,
    moved into each year (29 February becomes the 28th; a span over New Year also
    shows in January); others when they touch the year. Sorted by date."""
    first_day = date(year, 1, 1)
    rows = []
    for event in events.to_dict("records"):
        length = timedelta(days=(event["ends"] - event["starts"]).days if event["ends"] else 0)
        if event["yearly"]:
            starts = [
                _in_year(event["starts"], y) for y in (year - 1, year) if y >= event["starts"].year
            ]
        else:
            starts = [event["starts"]]
        for start in starts:
            end = start + length
            if start.year <= year <= end.year:
                rows.append({**event, "date": max(start, first_day), "until": end})
    out = pd.DataFrame(rows, columns=[*EVENT_COLUMNS, "date", "until"])
    return out.sort_values(["date", "actor", "title"], kind="stable").reset_index(drop=True)


def clashes(happening: pd.DataFrame) -> pd.DataFrame:
    """Pairs of events by different actors for the same target group in the same
    ISO week (pure; from occurrences): every week an event covers counts, so a fair
    over several days clashes with a breakfast in any of them. One row per pair, at
    the first week they share. Columns: week, group, first, second (ids),
    first_title, second_title, first_actor, second_actor."""
    columns = [
        "week",
        "group",
        "first",
        "second",
        "first_title",
        "second_title",
        "first_actor",
        "second_actor",
    ]
    by_week: dict[tuple[int, int, str], list[dict]] = {}
    for event in happening[~happening["generated"]].to_dict("records"):
        groups = {g.casefold(): g for g in event["target_groups"]}.values()
        for year_week in _weeks(event["date"], event["until"]):
            for group in groups:
                entry = {**event, "group": group}
                by_week.setdefault((*year_week, group.casefold()), []).append(entry)
    rows, seen = [], set()
    for (year, week, _), events in sorted(by_week.items()):
        for i, first in enumerate(events):
            for second in events[i + 1 :]:
                pair = (frozenset((first["id"], second["id"])), first["group"].casefold())
                if first["actor_id"] == second["actor_id"] or pair in seen:
                    continue
                seen.add(pair)
                rows.append(
                    (
                        f"{year}-U{week:02d}",
                        first["group"],
                        first["id"],
                        second["id"],
                        first["title"],
                        second["title"],
                        first["actor"],
                        second["actor"],
                    )
                )
    return pd.DataFrame(rows, columns=columns)


def _weeks(first: date, last: date) -> list[tuple[int, int]]:
    """The ISO (year, week) of every week from first to last (at most a year)."""
    weeks: list[tuple[int, int]] = []
    day = first
    while day <= min(last, first + timedelta(days=366)):
        week = tuple(day.isocalendar()[:2])
        if week not in weeks:
            weeks.append(week)  # type: ignore[arg-type]
        day += timedelta(days=1)
    return weeks


def split_groups(text: str) -> list[str]:
    """'Gründere; skoler, gründere' -> ['Gründere', 'skoler'] (case-blind, in order)."""
    seen: dict[str, str] = {}
    for part in re.split(r"[;,]", text or ""):
        tag = part.strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def keepable_actor_ids(session: Session, user: Principal) -> list[int] | None:
    """The actors whose events the user may keep: None for all (admin)."""
    current = acting_user(session, user)
    if current.role == Role.ADMIN:
        return None
    return [current.actor_id] if current.role == Role.ACTOR and current.actor_id else []


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without it
        return date(year, 2, 28)


def _may_keep(session: Session, user: Principal, actor_id: int) -> Principal:
    current = acting_user(session, user)
    allowed = keepable_actor_ids(session, user)
    if allowed is not None and actor_id not in allowed:
        raise PermissionDenied.of("wheel.not_yours")
    return current


def _get(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound.of("wheel.not_found", id=event_id)
    return event


def _refuse_twin(session: Session, values: EventInput, event_id: int | None) -> None:
    """A second event like an existing one of the same actor (match_key, same kind),
    as a double click or a form sent twice would make, is refused."""
    wanted = match_key(values.actor_id, values.title, values.starts)
    query = select(Event).where(
        Event.actor_id == values.actor_id, Event.starts == values.starts, Event.kind == values.kind
    )
    for event in session.scalars(query):
        if event.id != event_id and match_key(event.actor_id, event.title, event.starts) == wanted:
            raise ValidationError(
                Problem(
                    "wheel.duplicate", {"title": event.title, "starts": event.starts}, field="title"
                )
            )


def _validated(session: Session, values: EventInput) -> EventInput:
    checks = Checks()
    problems = checks.problems
    title = checks.text("title", values.title, Event.title, required="wheel.title_required")
    groups = "; ".join(split_groups(clean_text(values.target_groups)))
    groups = checks.cleaned("target_groups", groups, Event.target_groups)
    place = checks.text("place", values.place, Event.place)
    try:
        kind = EventKind(values.kind)
    except ValueError:
        problems.append(Problem("wheel.kind_unknown", field="kind"))
        kind = EventKind.OTHER
    if values.ends is not None and values.ends < values.starts:
        problems.append(Problem("wheel.ends_before_starts", field="ends"))
    link = checks.text("link", values.link, Event.link)
    if link and len(link) <= column_limit(Event.link) and not re.match(r"^https?://\S+$", link):
        problems.append(Problem("wheel.link_invalid", field="link"))
    if session.get(Actor, values.actor_id) is None:
        problems.append(Problem("wheel.actor_unknown", field="actor_id"))
    if values.theme_id is not None and session.get(Theme, values.theme_id) is None:
        problems.append(Problem("wheel.theme_unknown", field="theme_id"))
    measure = None if values.measure_id is None else session.get(Measure, values.measure_id)
    if values.measure_id is not None and measure is None:
        problems.append(Problem("wheel.measure_unknown", field="measure_id"))
    elif measure is not None and not actor_takes_part(session, values.actor_id, measure):
        # An event tells about its actor's own work; its target groups also count
        # for the measure in the overlap finder.
        problems.append(Problem("wheel.measure_not_actors", field="measure_id"))
    if problems:
        raise ValidationError(*problems)
    return EventInput(
        actor_id=values.actor_id,
        title=title,
        kind=kind,
        starts=values.starts,
        ends=values.ends if values.ends != values.starts else None,
        yearly=values.yearly,
        theme_id=values.theme_id,
        measure_id=values.measure_id,
        target_groups=groups,
        place=place,
        link=link,
    )
