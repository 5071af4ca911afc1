"""The Samhandlingsmøte page (AppTest, the demo): leadership reads next year's
meeting, last year's actions and downloads the pack, with no form; the admin
prepares a meeting (a double click stores it once, and its event is in the Årshjul)
and records an agreed action once on a double click."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    double_click,
    frame,
    no_exception,
    nothing_to_save,
    on_page,
    shown,
    table_with,
)
from tracker.models import AuditLog, Event, Measure, MeetingAction, Theme
from tracker.service.instruments import today_in_oslo
from tracker.service.structure import find_actor
from tracker.vocab import ActionStatus, EventKind

PAGE = "app_pages/meeting.py"
NEXT = today_in_oslo().year + 1


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "meeting") as database:
        yield database


def test_leadership_reads_the_meeting_and_gets_the_pack_but_no_form(demo: AppDatabase) -> None:
    at = app(demo.principal("ordforer"), page=PAGE)
    no_exception(at)
    assert on_page(at, PAGE)
    assert at.selectbox(key="meeting_year").value == NEXT
    assert f"28.01.{NEXT} · Finnsnes" in [shown(m.value) for m in at.markdown]
    earlier = table_with(at, "Hva er avtalt")
    assert earlier["Status"].tolist() == ["Utført", "Åpen"]
    assert earlier["Blir til"].tolist() == ["Nytt tiltak", "Avklaring av overlapp"]
    downloads = list(at.get("download_button"))
    assert len(downloads) == 2
    assert not [b for b in at.button if b.key and b.key.startswith("meeting_")]
    assert not at.text_area


def test_the_admin_prepares_a_meeting_once_on_a_double_click(demo: AppDatabase) -> None:
    year = NEXT + 1
    at = app(demo.principal("admin"), page=PAGE, state={"meeting_year": year})
    no_exception(at)
    assert at.date_input(key=f"meeting_{year}_held_on").value == date(year, 1, 28)
    at.text_input(key=f"meeting_{year}_place").input("Silsand")
    double_click(at, f"meeting_{year}_save")
    no_exception(at)
    assert not at.error
    with demo.session() as session:
        made = session.scalars(select(AuditLog).where(
            AuditLog.entity == "meeting", AuditLog.entity_id == str(year))).all()  # fmt: skip
        events = session.scalars(select(Event).where(
            Event.kind == EventKind.MEETING, Event.starts == date(year, 1, 28))).all()  # fmt: skip
    assert [a.action for a in made] == ["create"]
    assert [e.place for e in events] == ["Silsand"]
    assert nothing_to_save(at, f"meeting_{year}_save")


def test_the_admin_records_an_action_once_on_a_double_click(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"), page=PAGE)
    no_exception(at)
    assert nothing_to_save(at, "meeting_action_save")  # nothing typed: nothing to save
    at.text_area(key="meeting_action_text").input("Felles stand på sjømatmessa")
    with demo.session() as session:
        lead = find_actor(session, "Sjømatklyngen Senja").id
    at.selectbox(key="meeting_action_lead").set_value(lead).run()
    double_click(at, "meeting_action_save")
    no_exception(at)
    assert not at.error
    with demo.session() as session:
        stored = session.scalars(select(MeetingAction).where(
            MeetingAction.text == "Felles stand på sjømatmessa")).all()  # fmt: skip
    assert [a.lead_actor_id for a in stored] == [lead]
    agreed = frame(at.dataframe[1])  # the first is last year's
    assert agreed["Hva er avtalt"].tolist() == ["Felles stand på sjømatmessa"]


def test_the_admin_makes_an_agreed_action_a_measure(demo: AppDatabase) -> None:
    with demo.session() as session:
        lead = find_actor(session, "Kupa").id
        theme = session.scalars(select(Theme).order_by(Theme.id)).first()
        assert theme is not None
        theme_id = theme.id
    at = app(demo.principal("admin"), page=PAGE)
    at.text_area(key="meeting_action_text").input("Mentorordning for unge gründere")
    at.selectbox(key="meeting_action_lead").set_value(lead).run()
    at.button(key="meeting_action_save").click().run()
    no_exception(at)
    with demo.session() as session:
        action = session.scalars(select(MeetingAction).where(
            MeetingAction.text == "Mentorordning for unge gründere")).one()  # fmt: skip
    prefix = f"meeting_measure_{action.id}"
    at.text_input(key=f"{prefix}_code").input("9.9")
    at.selectbox(key=f"{prefix}_theme").set_value(theme_id).run()
    double_click(at, f"{prefix}_save")
    no_exception(at)
    assert not at.error
    with demo.session() as session:
        made = session.scalars(select(Measure).where(Measure.code == "9.9")).all()
        done = session.get(MeetingAction, action.id)
        assert done is not None
        assert [m.lead_actor_id for m in made] == [lead]
        assert [m.title for m in made] == ["Mentorordning for unge gründere"]
        assert (done.measure_id, done.status) == (made[0].id, ActionStatus.DONE)
