"""Calendar feeds (.ics, RFC 5545, the icalendar library) of the annual wheel: all
events, or one actor's, or one theme's. All-day events; yearly ones as RRULE;
stable UIDs, so a re-import updates instead of duplicating."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from tracker.i18n import label, t
from tracker.vocab import EventKind

PRODUCT = "-//Næringsplan-tracker//Årshjul//NO"
STAMP = datetime(2024, 1, 1, tzinfo=UTC)  # a fixed DTSTAMP: same events, same file


def file_name(scope: str) -> str:
    """'arshjul-all.ics', 'arshjul-actor.ics', …"""
    return f"arshjul-{scope}.ics"


def feed(events: pd.DataFrame, name: str, lang: str) -> bytes:
    """events: list_events / deadline_events rows (EVENT_COLUMNS)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    for event in events.to_dict("records"):
        calendar.add_component(_event(event, lang))
    return calendar.to_ical()


def _event(row: dict, lang: str) -> CalendarEvent:
    event = CalendarEvent()
    uid = row["id"] if row["generated"] else f"hendelse-{row['id']}"  # "frist-<plan>-<q>"
    event.add("uid", f"{uid}@naeringsplan-tracker")
    event.add("dtstamp", STAMP)
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
