"""The actor profile on the Aktører page (AppTest, the demo): an actor writes its own,
a double click stores it once, leadership reads it and gets no form, a save over a
newer one is refused in Norwegian and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    double_click,
    no_exception,
    nothing_to_save,
    shown,
)
from tracker.models import AuditLog
from tracker.service.instruments import list_instruments
from tracker.service.profiles import ProfileInput, get_profile, save_profile
from tracker.vocab import TargetGroup

PAGE = "app_pages/actors.py"


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "profiles") as database:
        yield database


def bkn_page(demo: AppDatabase):
    at = app(demo.principal("bkn"), page=PAGE)
    no_exception(at)
    return at, f"profile_{demo.principal('bkn').actor_id}"


def test_an_actor_writes_its_profile_and_a_double_click_stores_it_once(
    demo: AppDatabase,
) -> None:
    at, prefix = bkn_page(demo)
    assert "Blått kompetansesenter Nord har ikke skrevet en profil ennå." in [
        shown(c.value) for c in at.caption
    ]
    assert nothing_to_save(at, f"{prefix}_save")
    at.text_area(key=f"{prefix}_about").input("Inkubator for nye bedrifter i Senja.")
    at.multiselect(key=f"{prefix}_target_groups").select("grundere").select("ungdom")
    at.text_input(key=f"{prefix}_contact0_name").input("Ola Nordmann")
    at.text_input(key=f"{prefix}_contact0_email").input("ola@example.org").run()
    double_click(at, f"{prefix}_save")
    no_exception(at)
    assert not at.error
    with demo.session() as session:
        bkn = demo.principal("bkn")
        profile = get_profile(session, user=bkn, actor_id=bkn.actor_id)
        saves = session.scalars(
            select(AuditLog).where(
                AuditLog.entity == "actor_profile",
                AuditLog.entity_id == "Blått kompetansesenter Nord",
            )
        ).all()
    assert profile.values.about == "Inkubator for nye bedrifter i Senja."
    assert profile.values.target_groups == (TargetGroup.ENTREPRENEURS, TargetGroup.YOUNG)
    assert [c.email for c in profile.values.contacts] == ["ola@example.org"]
    assert [s.username for s in saves] == ["bkn"]  # one save for the double click
    body = " ".join(shown(m.value) for m in at.markdown)
    assert "Ola Nordmann (ola@example.org)" in body
    assert at.text_area(key=f"{prefix}_about").value == "Inkubator for nye bedrifter i Senja."


def test_leadership_reads_the_profile_and_gets_no_form(demo: AppDatabase) -> None:
    bkn = demo.principal("bkn")
    with demo.session() as session:
        save_profile(
            session,
            user=bkn,
            actor_id=bkn.actor_id,
            values=ProfileInput(about="Inkubator", cooperation="Kurs med Næringshagen"),
            seen_version=0,
        )
        session.commit()
    at = app(demo.principal("ordforer"), page=PAGE)
    at.selectbox(key="actors_pick").set_value(bkn.actor_id).run()
    no_exception(at)
    body = " ".join(shown(m.value) for m in at.markdown)
    assert "Kurs med Næringshagen" in body and "Inkubator" in body
    assert not [w for w in at.text_area if w.key and w.key.startswith("profile_")]
    assert not [b for b in at.button if b.key and b.key.startswith("profile_")]


def test_a_save_over_a_newer_one_is_refused_and_the_typing_kept(demo: AppDatabase) -> None:
    at, prefix = bkn_page(demo)
    at.text_area(key=f"{prefix}_about").input("Min tekst").run()
    bkn = demo.principal("bkn")
    with demo.session() as session:  # the admin saves meanwhile
        save_profile(
            session,
            user=demo.principal("admin"),
            actor_id=bkn.actor_id,
            values=ProfileInput(about="Adminens tekst"),
            seen_version=0,
        )
        session.commit()
    at.button(key=f"{prefix}_save").click().run()
    no_exception(at)
    assert any(
        "Noen andre lagret profilen til Blått kompetansesenter Nord" in shown(e.value)
        for e in at.error
    )
    assert at.text_area(key=f"{prefix}_about").value == "Min tekst"
    with demo.session() as session:
        stored = get_profile(session, user=bkn, actor_id=bkn.actor_id)
    assert stored.values.about == "Adminens tekst"


def test_beside_the_profile_the_actors_year_and_what_it_offers(demo: AppDatabase) -> None:
    kupa = demo.principal("kupa")
    at = app(demo.principal("ordforer"), page=PAGE)
    at.selectbox(key="actors_pick").set_value(kupa.actor_id).run()
    no_exception(at)
    body = " ".join(shown(m.value) for m in at.markdown)
    assert "**I årshjulet" in body and "**Virkemidler**" in body
    with demo.session() as session:
        offered = list_instruments(session)
    mine = offered[offered["actor_id"] == kupa.actor_id]["name"].tolist()
    assert mine and all(name in body for name in mine)  # the demo's instruments of Kupa
