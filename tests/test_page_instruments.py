"""The Virkemidler page (AppTest, the demo): everyone searches the catalogue, leadership
gets no form, an actor adds an instrument with a deadline (a double click stores it
once) that then shows in the Årshjul, and changes its own — only its own."""

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
from tracker.models import AuditLog, Instrument
from tracker.service.instruments import get_instrument
from tracker.vocab import Stage, TargetGroup

PAGE = "app_pages/instruments.py"


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "instruments") as database:
        yield database


def hits(at) -> list[str]:
    return table_with(at, "Virkemiddel")["Virkemiddel"].tolist()


def test_leadership_searches_what_a_seafood_start_up_can_get_and_gets_no_form(
    demo: AppDatabase,
) -> None:
    at = app(demo.principal("ordforer"), page=PAGE)
    no_exception(at)
    assert on_page(at, PAGE)
    assert len(hits(at)) == 7
    at.selectbox(key="instruments_target_groups").set_value(TargetGroup.SEAFOOD)
    at.selectbox(key="instruments_stages").set_value(Stage.START_UP).run()
    no_exception(at)
    found = hits(at)
    assert "Kommunalt næringsfond" in found and "Lån til vekst" not in found
    table = table_with(at, "Virkemiddel")
    fund = table[table["Virkemiddel"] == "Kommunalt næringsfond"].iloc[0]
    assert fund["Aktør"] == "Senja kommune" and fund["Neste frist"].startswith("01.03.")
    at.text_input(key="instruments_search").input("finnes ikke").run()
    assert "Ingen virkemidler passer søket." in [i.value for i in at.info]
    assert not [b for b in at.button if b.key and b.key.startswith("instr_")]


def test_an_actor_adds_an_instrument_once_on_a_double_click_and_it_shows_in_the_wheel(
    demo: AppDatabase,
) -> None:
    kupa = demo.principal("kupa")
    at = app(kupa, page=PAGE)
    no_exception(at)
    assert nothing_to_save(at, "instr_new_save")  # nothing typed: nothing to save
    at.text_input(key="instr_new_name").input("Pitchetrening")
    at.selectbox(key="instr_new_kind").set_value("kurs")
    at.multiselect(key="instr_new_groups").set_value(["grundere", "sjomat"])
    at.text_input(key="instr_new_link").input("https://example.org/pitch")
    at.date_input(key="instr_new_due0").set_value(date(2026, 12, 20))
    at.checkbox(key="instr_new_yearly0").check().run()
    double_click(at, "instr_new_save")
    no_exception(at)
    assert not at.error  # the second press did nothing, not even a refusal
    with demo.session() as session:
        stored = session.scalars(select(Instrument).where(Instrument.name == "Pitchetrening")).all()
        created = session.scalars(
            select(AuditLog).where(AuditLog.entity == "instrument", AuditLog.action == "create")
        ).all()
        values = get_instrument(session, stored[0].id)
    assert [i.actor_id for i in stored] == [kupa.actor_id]
    assert len([a for a in created if a.entity_id == "Pitchetrening"]) == 1
    assert values.deadlines[0].due == date(2026, 12, 20) and values.deadlines[0].yearly
    assert [shown(s.value) for s in at.success] == ["«Pitchetrening» er lagret."]
    assert at.text_input(key="instr_new1_name").value == ""  # a fresh, empty form
    wheel = app(kupa, page="app_pages/wheel.py", state={"wheel_year": 2026})
    no_exception(wheel)
    titles = [t for d in wheel.dataframe for t in frame(d).get("Hendelse", [])]
    assert "Søknadsfrist: Pitchetrening" in titles


def test_an_actor_changes_only_its_own_instruments(demo: AppDatabase) -> None:
    kupa = demo.principal("kupa")
    with demo.session() as session:
        own = session.scalars(select(Instrument).where(Instrument.actor_id == kupa.actor_id)).one()
    at = app(kupa, page=PAGE)
    options = at.selectbox(key="instruments_edit").options
    assert options == ["Nytt virkemiddel", "Inkubatorprogram (Kupa)"]  # only its own
    at.selectbox(key="instruments_edit").set_value(own.id).run()
    prefix = f"instr_{own.id}"
    assert at.text_input(key=f"{prefix}_name").value == "Inkubatorprogram"
    at.text_input(key=f"{prefix}_amount").input("Eksempel: etter avtale").run()
    at.button(key=f"{prefix}_save").click().run()
    no_exception(at)
    assert not at.error
    with demo.session() as session:
        assert get_instrument(session, own.id).amount == "Eksempel: etter avtale"
        assert get_instrument(session, own.id).deadlines  # the deadlines kept
