"""Instruments (tracker.service.instruments): who keeps which, what is refused (in
Norwegian), the twin a double click makes, the lock, the audit trail, the search
«what can a seafood start-up get, from whom, before which date?», the next deadline
of yearly ones and the deadlines as Årshjul events. SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World
from tracker.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tracker.models import AuditLog, InstrumentDeadline
from tracker.service.instruments import (
    Deadline,
    InstrumentInput,
    delete_instrument,
    find_instruments,
    get_instrument,
    instrument_deadline_events,
    list_instruments,
    may_keep_instruments,
    next_deadline,
    save_instrument,
)
from tracker.vocab import EventKind, InstrumentKind, Stage, TargetGroup

TODAY = date(2026, 12, 1)


def grant(world: World, actor: str = "C", **changes) -> InstrumentInput:
    values = InstrumentInput(
        actor_id=world.actors[actor].id,
        name="Etableringstilskudd",
        kind=InstrumentKind.GRANT,
        description="Eksempel: tilskudd til nye bedrifter.",
        target_groups=(TargetGroup.SEAFOOD, TargetGroup.ENTREPRENEURS, "sjomat"),
        stages=(Stage.START_UP, Stage.IDEA),
        industries="sjømat; havbruk; Sjømat",
        amount="inntil 500 000 kr",
        link="https://example.org/soknad",
        deadlines=(Deadline(date(2027, 3, 1)), Deadline(date(2025, 10, 15), yearly=True)),
    )
    return replace(values, **changes)


def save(session: Session, world: World, who: str, values: InstrumentInput, **kw) -> int:
    return save_instrument(session, user=world.principals[who], values=values, **kw)


def test_an_actor_keeps_its_own_instruments_and_the_admin_any(
    session: Session, world: World
) -> None:
    new = save(session, world, "actor_a", grant(world, "A"))
    session.commit()
    stored = get_instrument(session, new)
    assert stored.target_groups == (TargetGroup.ENTREPRENEURS, TargetGroup.SEAFOOD)  # list order
    assert stored.stages == (Stage.IDEA, Stage.START_UP)
    assert stored.industries == "sjømat; havbruk"
    assert stored.deadlines[0] == Deadline(date(2025, 10, 15), yearly=True)
    with pytest.raises(PermissionDenied) as refused:
        save(session, world, "actor_b", grant(world, "A", name="Annet"))
    assert refused.value.text("nb") == "Du kan bare endre virkemidlene til din egen aktør."
    with pytest.raises(PermissionDenied):  # nor move one to its own actor
        save(session, world, "actor_b", grant(world, "B"), instrument_id=new)
    with pytest.raises(PermissionDenied):
        save(session, world, "leader", grant(world, "A", name="Annet"))
    with pytest.raises(PermissionDenied):
        delete_instrument(session, user=world.principals["actor_b"], instrument_id=new)
    assert not may_keep_instruments(session, world.principals["leader"], world.actors["A"].id)
    assert save(session, world, "admin", grant(world, "B")) != new
    delete_instrument(session, user=world.principals["actor_a"], instrument_id=new)
    with pytest.raises(NotFound):
        get_instrument(session, new)
    assert session.scalars(select(InstrumentDeadline).where(
        InstrumentDeadline.instrument_id == new)).all() == []  # fmt: skip


def test_bad_input_is_refused_in_norwegian_all_at_once(session: Session, world: World) -> None:
    bad = grant(world, name=" ", kind="gave", link="ftp://x", stages=("senil",),
                target_groups=("katter",))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        save(session, world, "admin", bad)
    text = refused.value.text("nb")
    for expected in ("trenger et navn", "http:// eller https://", "«senil» er ikke en av fasene",
                     "«katter» er ikke en av målgruppene", "Type"):  # fmt: skip
        assert expected in text, text
    many = tuple(Deadline(date(2027, 1, day)) for day in range(1, 15))
    with pytest.raises(ValidationError) as refused:
        save(session, world, "admin", grant(world, deadlines=many))
    assert refused.value.text("nb") == "Høyst 12 søknadsfrister per virkemiddel."


def test_a_second_with_the_same_name_is_refused_but_a_change_is_not(
    session: Session, world: World
) -> None:
    first = save(session, world, "admin", grant(world))
    with pytest.raises(ValidationError) as twin:  # a double click
        save(session, world, "admin", grant(world, name="  ETABLERINGSTILSKUDD "))
    assert "har allerede et virkemiddel som heter «Etableringstilskudd»" in twin.value.text("nb")
    assert save(session, world, "admin", grant(world, "B")) != first  # another actor's: fine
    again = save(session, world, "admin", grant(world, amount="inntil 1 mill."),
                 instrument_id=first, seen_version=1)  # fmt: skip
    assert again == first and get_instrument(session, first).amount == "inntil 1 mill."


def test_a_change_against_an_older_version_is_refused(session: Session, world: World) -> None:
    first = save(session, world, "admin", grant(world))
    save(session, world, "admin", grant(world, amount="a"), instrument_id=first, seen_version=1)
    with pytest.raises(ConflictError) as refused:
        save(session, world, "admin", grant(world, amount="b"), instrument_id=first,
             seen_version=1)  # fmt: skip
    assert "mens du skrev" in refused.value.text("nb")


def test_saves_and_deletes_are_audited_with_what_changed(session: Session, world: World) -> None:
    first = save(session, world, "actor_a", grant(world, "A"))
    save(session, world, "actor_a", grant(world, "A", amount="inntil 1 mill."),
         instrument_id=first, seen_version=1)  # fmt: skip
    delete_instrument(session, user=world.principals["admin"], instrument_id=first)
    rows = session.scalars(
        select(AuditLog).where(AuditLog.entity == "instrument").order_by(AuditLog.id)
    ).all()
    assert [r.action for r in rows] == ["create", "update", "delete"]
    assert rows[0].entity_id == "Etableringstilskudd" and rows[0].before is None
    assert rows[1].before == {"amount": "inntil 500 000 kr"}
    assert rows[1].after == {"amount": "inntil 1 mill."}
    assert rows[2].before["deadlines"] == ["2025-10-15 yearly", "2027-03-01"]


def test_the_next_deadline_of_one_off_and_yearly_ones() -> None:
    yearly = Deadline(date(2025, 10, 15), yearly=True)
    assert next_deadline([yearly], date(2026, 12, 1)) == date(2027, 10, 15)
    assert next_deadline([yearly], date(2026, 10, 15)) == date(2026, 10, 15)  # today counts
    assert next_deadline([Deadline(date(2028, 1, 1), yearly=True)], TODAY) == date(2028, 1, 1)
    assert next_deadline([Deadline(date(2026, 11, 30))], TODAY) is None  # passed
    leap = Deadline(date(2024, 2, 29), yearly=True)
    assert next_deadline([leap], TODAY) == date(2027, 2, 28)
    assert next_deadline([yearly, Deadline(date(2027, 3, 1))], TODAY) == date(2027, 3, 1)
    assert next_deadline([], TODAY) is None


def test_the_search_answers_what_a_seafood_start_up_can_get_by_when(
    session: Session, world: World
) -> None:
    save(session, world, "admin", grant(world))  # C: next deadline 2027-03-01
    save(session, world, "admin", grant(world, "A", name="Inkubator", kind=InstrumentKind.ADVICE,
         deadlines=(), industries="", description="Oppfølging i 12 måneder"))  # fmt: skip
    save(session, world, "admin", grant(world, "B", name="Vekstlån", kind=InstrumentKind.LOAN,
         stages=(Stage.GROWTH,), deadlines=(Deadline(date(2027, 6, 1)),)))  # fmt: skip
    save(session, world, "admin", grant(world, "B", name="Reiselivskurs", kind="kurs",
         target_groups=(TargetGroup.TOURISM,), deadlines=(Deadline(date(2027, 1, 10)),),
         industries="reiseliv"))  # fmt: skip

    def names(**filters) -> list[str]:
        return find_instruments(session, today=TODAY, **filters)["name"].tolist()

    seafood_start = names(target_group=TargetGroup.SEAFOOD, stage=Stage.START_UP)
    assert seafood_start == ["Etableringstilskudd", "Inkubator"]  # soonest first, open last
    assert names(target_group="sjomat", stage="oppstart", deadline_before=date(2027, 2, 1)) == [
        "Inkubator"  # no deadline: applications all year
    ]
    assert names(text="sjømat LÅN") == ["Vekstlån"]  # industry + the kind's label
    assert names(text="seafood start-up") == ["Etableringstilskudd", "Inkubator"]  # English labels
    assert names(text="klyngen") == ["Reiselivskurs", "Vekstlån"]  # the actor's name
    assert names(kind=InstrumentKind.LOAN) == ["Vekstlån"]
    assert names(actor_id=world.actors["A"].id) == ["Inkubator"]
    assert names(text="finnes ikke") == []
    hit = find_instruments(session, today=TODAY, kind="tilskudd").iloc[0]
    assert hit["actor"] == "Innovasjon Norge Arktis" and hit["next_deadline"] == date(2027, 3, 1)
    everything = list_instruments(session, today=TODAY)
    assert everything["actor"].tolist()[0] == "Innovasjon Norge Arktis"  # by actor, then name


def test_deadlines_are_read_only_wheel_events_of_the_actor_with_stable_ids(
    session: Session, world: World
) -> None:
    first = save(session, world, "actor_a", grant(world, "A"))
    events = instrument_deadline_events(session, lang="nb")
    assert events["id"].tolist() == [
        f"virkemiddel-{first}-2025-10-15",
        f"virkemiddel-{first}-2027-03-01",
    ]
    assert set(events["kind"]) == {EventKind.APPLICATION_DEADLINE.value}
    assert events["generated"].all() and events["actor"].iloc[0] == "Senja Næringshage"
    assert events["title"].iloc[0] == "Søknadsfrist: Etableringstilskudd"
    assert events["yearly"].tolist() == [True, False]
    assert events["target_groups"].iloc[0] == ["Gründere", "Sjømatbedrifter"]
    save(session, world, "actor_a", grant(world, "A", amount="x"), instrument_id=first)
    assert instrument_deadline_events(session, lang="nb")["id"].tolist() == events["id"].tolist()


def test_an_empty_catalogue_searches_to_nothing(session: Session, world: World) -> None:
    assert find_instruments(session, text="sjømat", target_group="sjomat", today=TODAY).empty
    assert list_instruments(session).empty
    assert instrument_deadline_events(session, lang="en").empty
