"""Calendar feeds (.ics, RFC 5545, the icalendar library) of the annual wheel: all
events, or one actor's, or one theme's. All-day events; yearly ones as RRULE;
stable UIDs, so a re-import or the next fetch of a subscription updates an event
instead of duplicating it.

Times, as calendar clients read them: the feed is published (METHOD:PUBLISH), so
DTSTAMP is when this copy was written (now); LAST-MODIFIED is when the event was
last changed and CREATED when it was made (neither for the generated deadlines).
REFRESH-INTERVAL and X-PUBLISHED-TTL ask subscribers to fetch again every hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from tracker.i18n import label, t
from tracker.vocab import EventKind

PRODUCT = "-//Næringsplan-tracker//Årshjul//NO"
REFRESH = timedelta(hours=1)  # how often a subscriber is asked to fetch the feed again


def file_name(scope: str) -> str:
    """'arshjul-all.ics', 'arshjul-actor.ics', …"""
    return f"arshjul-{scope}.ics"


def feed(
    events: pd.DataFrame, name: str, lang: str, *, written_at: datetime | None = None
) -> bytes:
    """events: list_events / deadline_events rows (EVENT_COLUMNS). written_at: the
    DTSTAMP (default now, to the second); the same events and time make the same file."""
    stamp = (written_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # an x- name: typed by hand
    for event in events.to_dict("records"):
        calendar.add_component(_event(event, lang, stamp))
    return calendar.to_ical()


def _event(row: dict, lang: str, stamp: datetime) -> CalendarEvent:
    event = CalendarEvent()
    uid = row["id"] if row["generated"] else f"hendelse-{row['id']}"  # "frist-<plan>-<q>"
    event.add("uid", f"{uid}@naeringsplan-tracker")
    event.add("dtstamp", stamp)
    for field, moment in (
        ("created", row.get("created_at")),
        ("last-modified", row.get("changed_at")),
    ):
        if (when := _utc(moment)) is not None:
            event.add(field, when)
    event.add("summary", str(row["title"]))
    event.add("dtstart", row["starts"])
    event.add("dtend", (row["ends"] or row["starts"]) + timedelta(days=1))  # exclusive end
    if row["yearly"]:
        leap_day = row["starts"].month == 2 and row["starts"].day == 29
        # 29 February repeats on the month's last day, as the wheel shows it
        rule = (
            {"freq": "yearly", "bymonth": 2, "bymonthday": -1} if leap_day else {"freq": "yearly"}
        )
        event.add("rrule", rule)
    kind = label(EventKind(row["kind"]), lang)
    event.add("categories", [kind])
    lines = [f"{t('col.actor', lang)}: {row['actor']}", f"{t('wheel.kind', lang)}: {kind}"]
    if row["target_groups"]:
        lines.append(f"{t('wheel.group', lang)}: {', '.join(row['target_groups'])}")
    if row["link"]:
        lines.append(str(row["link"]))
        event.add("url", str(row["link"]))
    event.add("description", "\n".join(lines))
    if row["place"]:
        event.add("location", str(row["place"]))
    return event


def _utc(value: Any) -> datetime | None:
    """A stored time from a DataFrame cell (None, NaT or a Timestamp) as UTC seconds."""
    if value is None or pd.isna(value):
        return None
    moment = value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
    return moment.astimezone(UTC).replace(microsecond=0)
