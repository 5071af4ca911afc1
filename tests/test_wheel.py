"""The annual wheel (årshjul): events kept by their actor's users (service, SQLite
and PostgreSQL), yearly events and clashes, the plan's reporting deadlines, and the
calendar feed read back with icalendar; the page (AppTest, demo data)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from icalendar import Calendar
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    double_click,
    no_exception,
    nothing_to_save,
    on_page,
    shown,
)
from tests.factories import World
from tracker import charts
from tracker.adapters import calendar_feed
from tracker.charts.wheel import MAX_RINGS
from tracker.errors import PermissionDenied, ValidationError
from tracker.models import AuditLog, Event
from tracker.service.events import (
    EventInput,
    clashes,
    deadline_events,
    delete_event,
    filter_events,
    list_events,
    occurrences,
    save_event,
)
from tracker.vocab import EventKind


def add(session: Session, world: World, who: str, actor: str, title: str, **fields: object) -> int:
    values = EventInput(
        actor_id=world.actors[actor].id,
        title=title,
        kind=fields.pop("kind", EventKind.EVENT),
        starts=fields.pop("starts", date(2025, 3, 12)),
        **fields,  # type: ignore[arg-type]
    )
    return save_event(session, user=world.principals[who], values=values)


def test_an_actor_keeps_its_own_events_and_only_those(session: Session, world: World) -> None:
    event_id = add(session, world, "actor_a", "A", "Gründerkveld", target_groups="gründere")
    assert session.get_one(Event, event_id).target_groups == "gründere"
    with pytest.raises(PermissionDenied) as refused:
        add(session, world, "actor_a", "B", "Ikke vårt")
    assert refused.value.text("nb").startswith("Du kan bare legge inn")
    with pytest.raises(PermissionDenied):
        add(session, world, "leader", "A", "Ledelsen legger ikke inn")
    with pytest.raises(PermissionDenied):
        delete_event(session, user=world.principals["actor_b"], event_id=event_id)
    add(session, world, "admin", "B", "Admin kan alle")  # the admin keeps every actor's
    delete_event(session, user=world.principals["actor_a"], event_id=event_id)
    assert session.get(Event, event_id) is None
    actions = session.scalars(select(AuditLog.action).where(AuditLog.entity == "event")).all()
    assert actions == ["create", "create", "delete"]


def test_bad_input_is_refused_field_by_field_in_norwegian(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        add(session, world, "actor_a", "A", "  ", starts=date(2025, 3, 12),
            ends=date(2025, 3, 1), link="www.uten-skjema.no")  # fmt: skip
    texts = {p.field: p.text("nb") for p in refused.value.problems}
    assert texts == {
        "title": "Skriv en tittel.",
        "ends": "Til-datoen er før fra-datoen.",
        "link": "Lenken må begynne med https:// eller http://.",
    }
    assert session.scalars(select(Event)).all() == []


def test_an_event_is_tied_only_to_a_measure_its_actor_takes_part_in(
    session: Session, world: World
) -> None:
    # 1.1 is led by A with B as partner; 2.2 is B's alone (conftest.build_world)
    add(session, world, "actor_a", "A", "Egen", measure_id=world.measures["1.1"].id)
    add(session, world, "actor_b", "B", "Som partner", measure_id=world.measures["1.1"].id)
    for who in ("actor_a", "admin"):
        with pytest.raises(ValidationError) as refused:
            add(session, world, who, "A", "Andres", measure_id=world.measures["2.2"].id)
        assert refused.value.text("nb") == (
            "Hendelsen kan bare knyttes til et tiltak aktøren er ansvarlig for eller partner i."
        )
    assert len(session.scalars(select(Event)).all()) == 2


def test_tags_are_tidied(session: Session, world: World) -> None:
    event_id = add(session, world, "admin", "A", "Messe", target_groups="Skoler; ungdom,skoler; ")
    assert session.get_one(Event, event_id).target_groups == "Skoler; ungdom"


def test_yearly_events_repeat_and_clashes_are_found(session: Session, world: World) -> None:
    add(session, world, "admin", "A", "Gründerkveld", starts=date(2025, 3, 12), yearly=True,
        target_groups="gründere")  # fmt: skip
    add(session, world, "admin", "B", "Søknadsfrist inkubator", starts=date(2026, 3, 14),
        kind=EventKind.APPLICATION_DEADLINE, target_groups="Gründere")  # fmt: skip
    add(session, world, "admin", "C", "Skoledag", starts=date(2026, 3, 13), target_groups="skoler")
    add(session, world, "admin", "A", "Samme aktør", starts=date(2026, 3, 11),
        target_groups="gründere")  # fmt: skip
    happening = occurrences(list_events(session), 2026)
    assert happening["title"].tolist() == [
        "Samme aktør", "Gründerkveld", "Skoledag", "Søknadsfrist inkubator",
    ]  # fmt: skip
    assert happening.set_index("title").loc["Gründerkveld", "date"] == date(2026, 3, 12)
    found = clashes(happening)
    # Week 11 of 2026: A's two events and B's deadline share "gründere"; A with A is no clash.
    pairs = {
        frozenset((a, b)) for a, b in zip(found["first_title"], found["second_title"], strict=True)
    }
    assert pairs == {
        frozenset(("Samme aktør", "Søknadsfrist inkubator")),
        frozenset(("Gründerkveld", "Søknadsfrist inkubator")),
    }
    assert set(found["week"]) == {"2026-U11"}
    assert occurrences(list_events(session), 2025)["title"].tolist() == ["Gründerkveld"]


def test_the_plans_reporting_deadlines(session: Session, world: World) -> None:
    deadlines = deadline_events(session, plan_id=world.plan.id, lang="nb")
    assert len(deadlines) == 20  # 2024–2028, four quarters a year
    first = deadlines.iloc[0]
    assert first["starts"] == date(2024, 4, 14)  # two weeks after 2024-Q1 ends
    assert first["title"] == "Frist: statusrapport for 1. kvartal 2024"
    assert filter_events(deadlines, group="Alle aktører").shape[0] == 20


def test_the_calendar_feed_reads_back(session: Session, world: World) -> None:
    add(session, world, "admin", "A", "Sjømatkonferansen på Finnsnes", starts=date(2025, 10, 20),
        ends=date(2025, 10, 21), yearly=True, place="Finnsnes", link="https://x.no/konf",
        target_groups="sjømatbedrifter")  # fmt: skip
    events = pd.concat([list_events(session), deadline_events(session, plan_id=world.plan.id,
                                                               lang="nb")])  # fmt: skip
    written = datetime(2026, 12, 1, 9, 30, 15, tzinfo=UTC)
    raw = calendar_feed.feed(events, "Årshjul – alt", "nb", written_at=written)
    # same events and time, same file
    assert raw == calendar_feed.feed(events, "Årshjul – alt", "nb", written_at=written)
    parsed = Calendar.from_ical(raw)
    assert str(parsed["method"]) == "PUBLISH"
    assert parsed["refresh-interval"].dt == timedelta(hours=1)
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in raw  # Outlook's refresh hint
    assert str(parsed["x-wr-calname"]) == "Årshjul – alt"
    items = list(parsed.walk("VEVENT"))
    assert len(items) == 21
    conference = next(e for e in items if str(e["summary"]) == "Sjømatkonferansen på Finnsnes")
    assert conference["dtstart"].dt == date(2025, 10, 20)
    assert conference["dtend"].dt == date(2025, 10, 22)  # the day after: all-day, inclusive
    assert conference["rrule"]["FREQ"] == ["YEARLY"]
    assert str(conference["location"]) == "Finnsnes"
    assert "Senja Næringshage" in str(conference["description"])
    assert len({str(e["uid"]) for e in items}) == 21
    # DTSTAMP: when this copy was written; LAST-MODIFIED and CREATED: the stored event's
    stored = session.scalars(select(Event)).one()
    assert {e["dtstamp"].dt for e in items} == {written}
    assert conference["created"].dt == stored.created_at.replace(microsecond=0)
    assert conference["last-modified"].dt == stored.created_at.replace(microsecond=0)
    deadline = next(e for e in items if str(e["uid"]).startswith("frist-"))
    assert "last-modified" not in deadline and "created" not in deadline


def test_a_changed_event_tells_when_in_the_feed(session: Session, world: World) -> None:
    """LAST-MODIFIED moves with an edit (through the wheel or the importer: the ORM
    sets updated_at); the UID stays, so a subscriber's calendar changes the event."""
    event_id = add(session, world, "admin", "A", "Gründerkveld", starts=date(2025, 3, 12))
    session.commit()
    month_ago = datetime.now(UTC) - timedelta(days=30)
    session.execute(update(Event).values(created_at=month_ago, updated_at=None))
    session.commit()
    before = Calendar.from_ical(calendar_feed.feed(list_events(session), "x", "nb"))
    values = EventInput(actor_id=world.actors["A"].id, title="Gründerkveld på Finnsnes",
                        kind=EventKind.EVENT, starts=date(2025, 3, 12))  # fmt: skip
    save_event(session, user=world.principals["admin"], values=values, event_id=event_id)
    session.commit()
    after = Calendar.from_ical(calendar_feed.feed(list_events(session), "x", "nb"))
    [old], [new] = before.walk("VEVENT"), after.walk("VEVENT")
    assert str(old["uid"]) == str(new["uid"]) == f"hendelse-{event_id}@naeringsplan-tracker"
    assert str(new["summary"]) == "Gründerkveld på Finnsnes"
    assert new["last-modified"].dt - old["last-modified"].dt > timedelta(days=29)
    assert new["created"].dt == old["created"].dt


# --- the page ------------------------------------------------------------------------

PAGE = "app_pages/wheel.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "wheel") as database:
        yield database


def test_the_page_shows_the_demo_wheel_and_its_clash(demo: AppDatabase) -> None:
    at = app(demo.principal("ordforer"), page=PAGE)
    no_exception(at)
    assert on_page(at, PAGE)
    clash = next(d for d in at.dataframe if "Uke" in d.value.columns).value
    assert clash["Målgruppe"].tolist() == ["gründere"]
    assert [b.key for b in at.button if b.key and b.key.startswith("wheel_f")] == []


def test_an_actor_adds_an_event_on_the_page(demo: AppDatabase) -> None:
    at = app(demo.principal("kupa"), page=PAGE)
    at.text_input(key="wheel_f_title").input("Pitchekveld for gründere")
    at.text_input(key="wheel_f_groups").input("gründere")
    at.date_input(key="wheel_f_starts").set_value(date(2026, 5, 20)).run()
    at.button(key="wheel_f_save").click().run()
    no_exception(at)
    with demo.session() as session:
        event = session.scalars(
            select(Event).where(Event.title == "Pitchekveld for gründere")
        ).one()
        assert event.actor_id == demo.principal("kupa").actor_id


def test_a_double_click_stores_one_event_and_starts_an_empty_form(demo: AppDatabase) -> None:
    at = app(demo.principal("kupa"), page=PAGE)
    assert nothing_to_save(at, "wheel_f_save")  # nothing typed: nothing to save
    at.text_input(key="wheel_f_title").input("Frokostmøte for gründere")
    at.text_input(key="wheel_f_groups").input("gründere")
    at.date_input(key="wheel_f_starts").set_value(date(2026, 6, 3)).run()
    double_click(at, "wheel_f_save")
    no_exception(at)
    with demo.session() as session:
        stored = session.scalars(
            select(Event).where(Event.title == "Frokostmøte for gründere")
        ).all()
        created = session.scalars(
            select(AuditLog).where(AuditLog.entity == "event", AuditLog.action == "create")
        ).all()
    assert [(e.starts, e.actor_id) for e in stored] == [
        (date(2026, 6, 3), demo.principal("kupa").actor_id)
    ]
    assert len([a for a in created if a.after["title"] == "Frokostmøte for gründere"]) == 1
    assert not at.error  # the second press did nothing at all, not even a refusal
    # The saved event is shown; the form below it is empty, under new keys.
    assert [shown(s.value) for s in at.success] == [
        "Lagret i årshjulet: «Frokostmøte for gründere», 03.06.2026, Kupa."
    ]
    assert not [w for w in at.text_input if w.key == "wheel_f_title"]
    assert at.text_input(key="wheel_f1_title").value == ""
    assert at.text_input(key="wheel_f1_groups").value == ""
    assert nothing_to_save(at, "wheel_f1_save")


def rows(*events: dict) -> pd.DataFrame:
    """Events as list_events gives them, for the pure functions."""
    base = {"kind": "arrangement", "ends": None, "yearly": False, "theme_id": None,
            "measure_id": None, "target_groups": [], "place": "", "link": "",
            "generated": False}  # fmt: skip
    return pd.DataFrame([{**base, **event} for event in events])


def test_events_over_new_year_and_yearly_ones_before_they_begin() -> None:
    events = rows(
        {"id": 1, "actor_id": 1, "actor": "A", "title": "Nyttårsseminar",
         "starts": date(2025, 12, 30), "ends": date(2026, 1, 2)},
        {"id": 2, "actor_id": 1, "actor": "A", "title": "Julemarked hvert år",
         "starts": date(2025, 12, 30), "ends": date(2026, 1, 2), "yearly": True},
        {"id": 3, "actor_id": 2, "actor": "B", "title": "Fra 2027", "starts": date(2027, 5, 1),
         "yearly": True},
    )  # fmt: skip
    in_2026 = occurrences(events, 2026)
    seminar = in_2026[in_2026["title"] == "Nyttårsseminar"].iloc[0]
    assert (seminar["date"], seminar["until"]) == (date(2026, 1, 1), date(2026, 1, 2))
    market = in_2026[in_2026["title"] == "Julemarked hvert år"]
    assert market["date"].tolist() == [date(2026, 1, 1), date(2026, 12, 30)]  # both ends
    assert "Fra 2027" not in in_2026["title"].tolist()
    assert "Fra 2027" in occurrences(events, 2027)["title"].tolist()


def test_a_fair_over_several_days_clashes_with_an_event_in_any_of_its_weeks() -> None:
    events = rows(
        {"id": 1, "actor_id": 1, "actor": "A", "title": "Messe", "starts": date(2026, 3, 1),
         "ends": date(2026, 3, 5), "target_groups": ["gründere"]},
        {"id": 2, "actor_id": 2, "actor": "B", "title": "Frokost", "starts": date(2026, 3, 3),
         "target_groups": ["Gründere"]},
    )  # fmt: skip
    found = clashes(occurrences(events, 2026))
    assert found[["week", "first_title", "second_title"]].values.tolist() == [
        ["2026-U10", "Messe", "Frokost"]
    ]


def test_leap_day_events_repeat_on_the_last_day_of_february() -> None:
    events = rows({"id": 1, "actor_id": 1, "actor": "A", "title": "Skuddårsfest",
                   "starts": date(2024, 2, 29), "yearly": True})  # fmt: skip
    assert occurrences(events, 2025)["date"].tolist() == [date(2025, 2, 28)]
    [event] = Calendar.from_ical(calendar_feed.feed(events, "x", "nb")).walk("VEVENT")
    assert event["rrule"]["BYMONTHDAY"] == [-1] and event["rrule"]["BYMONTH"] == [2]


# --- one event, however many times it is sent --------------------------------------


def test_an_identical_event_of_the_same_actor_is_refused(session: Session, world: World) -> None:
    """A double click sends the form twice: the second one stores nothing."""
    first = add(session, world, "actor_a", "A", "Gründerkveld", kind=EventKind.EVENT)
    with pytest.raises(ValidationError) as refused:
        add(session, world, "actor_a", "A", " gründerkveld ", kind=EventKind.EVENT)
    assert refused.value.text("nb") == (
        "Aktøren har allerede hendelsen «Gründerkveld» som starter 12.03.2025."
    )
    assert refused.value.text("en") == (
        "The actor already has the event “Gründerkveld” starting 2025-03-12."
    )
    assert [p.field for p in refused.value.problems] == ["title"]
    assert session.scalars(select(Event.id)).all() == [first]
    # Another actor, another kind or another day is another event; so is saving itself.
    add(session, world, "admin", "B", "Gründerkveld", kind=EventKind.EVENT)
    add(session, world, "actor_a", "A", "Gründerkveld", kind=EventKind.MEETING)
    add(session, world, "actor_a", "A", "Gründerkveld", starts=date(2025, 3, 13))
    values = EventInput(
        actor_id=world.actors["A"].id, title="Gründerkveld", kind=EventKind.EVENT,
        starts=date(2025, 3, 12), place="Silsand",
    )  # fmt: skip
    changed = save_event(session, user=world.principals["actor_a"], values=values, event_id=first)
    assert changed == first
    assert len(session.scalars(select(Event.id)).all()) == 4


def test_the_importer_and_the_wheel_match_events_by_one_rule() -> None:
    from tracker.planfile import events as event_rows
    from tracker.service import events

    assert event_rows.match_key is events.match_key
    assert events.match_key(3, " Gründerkveld ", date(2025, 3, 12)) == events.match_key(
        3, "gründerkveld", date(2025, 3, 12)
    )


def test_a_typed_actor_name_is_text_in_the_wheels_legend() -> None:
    typed = '<a href="https://evil.example/">Klikk</a><b>x</b>'
    events = rows({"id": 1, "actor_id": 1, "actor": typed, "title": "Kurs",
                   "starts": date(2026, 3, 1)})  # fmt: skip
    fig = charts.wheel(occurrences(events, 2026), 2026, "actor", "nb")
    names = [trace.name for trace in fig.data if trace.name]
    assert names and all("<a" not in n and "<b>" not in n for n in names)
    assert "&lt;a href=" in " ".join(names)


def test_a_wheel_of_many_actors_keeps_the_busiest_rings_and_gathers_the_rest() -> None:
    """A wheel holds a ring per actor up to MAX_RINGS; more would be unreadable (and
    one plotly trace each: 1.7 s at 100x). The rest share one ring, «Andre»."""
    busy = [
        {"id": i, "actor_id": 1, "actor": "Kupa", "title": f"Kurs {i}", "starts": date(2026, 3, i)}
        for i in range(1, 4)
    ]
    many = [
        {"id": 100 + i, "actor_id": 10 + i, "actor": f"Aktør {i:02}", "title": "Møte",
         "starts": date(2026, 5, 1 + i % 27)}
        for i in range(40)
    ]  # fmt: skip
    fig = charts.wheel(occurrences(rows(*busy, *many), 2026), 2026, "actor", "nb")
    names = [trace.name for trace in fig.data if trace.name]
    assert len(names) == MAX_RINGS
    assert "Kupa" in names  # the busiest keep their own ring
    gathered = MAX_RINGS - 1
    assert names[-1] == f"Andre ({40 - gathered + 1} aktører)"
    assert sum(len(trace.r) for trace in fig.data if trace.name) == 43  # every event shown
