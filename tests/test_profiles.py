"""Actor profiles (tracker.service.profiles): who keeps which, what is refused, the
lock against a save over someone else's, the audit trail with the replaced text.
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World
from tracker.audit_words import field_text, value_text
from tracker.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tracker.models import ActorContact, AuditLog
from tracker.service.profiles import (
    MAX_CONTACTS,
    Contact,
    ProfileInput,
    get_profile,
    may_keep_profile,
    save_profile,
)
from tracker.vocab import TargetGroup, WorkKind

SNH = ProfileInput(
    about="Næringshage for Midt-Troms.",
    members="Eid av kommunene og 12 bedrifter",
    area="Senja og Midt-Troms",
    strategy="Vekst i gründerbedrifter",
    focus_areas="Gründere\nReiseliv",
    target_groups=(TargetGroup.COMPANIES, TargetGroup.ENTREPRENEURS, TargetGroup.COMPANIES),
    work_kinds=(WorkKind.ADVICE, WorkKind.SKILLS),
    cooperation="Felles kursrekke med Kupa",
    contacts=(Contact("Kari Nordmann", "Daglig leder", "Kari@Example.org"),),
)


def save(session: Session, world: World, who: str, actor: str, values: ProfileInput, seen=0):
    return save_profile(
        session,
        user=world.principals[who],
        actor_id=world.actors[actor].id,
        values=values,
        seen_version=seen,
    )


def test_an_actor_keeps_its_own_profile_and_everyone_reads_it(
    session: Session, world: World
) -> None:
    actor_a = world.actors["A"].id
    empty = get_profile(session, user=world.principals["leader"], actor_id=actor_a)
    assert empty.is_empty and empty.version == 0 and not empty.may_keep
    themes = (world.themes["T2"].id, world.themes["T1"].id)
    values = ProfileInput(**{**SNH.__dict__, "theme_ids": themes})
    assert save(session, world, "actor_a", "A", values) == 1
    session.commit()
    shown = get_profile(session, user=world.principals["leader"], actor_id=actor_a)
    assert shown.values.about == "Næringshage for Midt-Troms."
    assert shown.values.focus_areas == "Gründere\nReiseliv"  # lines kept
    # each once, in the list's order
    assert shown.values.target_groups == (TargetGroup.ENTREPRENEURS, TargetGroup.COMPANIES)
    assert shown.themes == ("Næringsutvikling", "Kompetanse og rekruttering")  # plan order
    assert shown.values.contacts == (Contact("Kari Nordmann", "Daglig leder", "kari@example.org"),)
    assert shown.version == 1 and shown.updated_at is not None
    assert get_profile(session, user=world.principals["actor_a"], actor_id=actor_a).may_keep


def test_no_one_keeps_another_actors_profile_but_the_admin(session: Session, world: World) -> None:
    with pytest.raises(PermissionDenied) as refused:
        save(session, world, "actor_b", "A", SNH)
    assert refused.value.text("nb") == "Du kan bare endre profilen til din egen aktør."
    with pytest.raises(PermissionDenied):
        save(session, world, "leader", "A", SNH)
    assert not may_keep_profile(session, world.principals["leader"], world.actors["A"].id)
    assert save(session, world, "admin", "B", SNH) == 1
    with pytest.raises(NotFound):
        save_profile(
            session, user=world.principals["admin"], actor_id=99999, values=SNH, seen_version=0
        )


def test_a_save_over_someone_elses_newer_save_is_refused(session: Session, world: World) -> None:
    save(session, world, "actor_a", "A", SNH)
    session.commit()
    later = ProfileInput(**{**SNH.__dict__, "about": "Skrevet av admin"})
    save(session, world, "admin", "A", later, seen=1)
    session.commit()
    stale = ProfileInput(**{**SNH.__dict__, "about": "Skrevet fra en gammel side"})
    with pytest.raises(ConflictError) as refused:
        save(session, world, "actor_a", "A", stale, seen=1)
    assert "Noen andre lagret profilen til Senja Næringshage" in refused.value.text("nb")
    session.rollback()
    kept = get_profile(session, user=world.principals["actor_a"], actor_id=world.actors["A"].id)
    assert kept.values.about == "Skrevet av admin" and kept.version == 2


def test_bad_input_is_refused_with_nothing_stored(session: Session, world: World) -> None:
    bad = ProfileInput(
        about="x" * 4001,
        theme_ids=(123456,),
        contacts=(Contact("", "Rådgiver", ""), Contact("Ola", "", "ikke-en-adresse")),
    )
    with pytest.raises(ValidationError) as refused:
        save(session, world, "actor_a", "A", bad)
    text = refused.value.text("nb")
    assert "Hva vi er" in text and "4000" in text
    assert "Et av de valgte satsingsområdene finnes ikke lenger." in text
    assert "Kontaktperson 1 mangler navn." in text
    assert "ikke-en-adresse" in text
    session.rollback()
    assert session.scalars(select(ActorContact)).all() == []
    many = ProfileInput(contacts=tuple(Contact(f"P{i}") for i in range(MAX_CONTACTS + 1)))
    with pytest.raises(ValidationError, match="At most 10 contact persons"):
        save(session, world, "actor_a", "A", many)


def test_empty_contact_rows_are_dropped_and_the_order_kept(session: Session, world: World) -> None:
    values = ProfileInput(contacts=(Contact("B"), Contact("", "", ""), Contact("A", "Leder")))
    save(session, world, "actor_a", "A", values)
    shown = get_profile(session, user=world.principals["admin"], actor_id=world.actors["A"].id)
    assert shown.values.contacts == (Contact("B"), Contact("A", "Leder"))


def test_each_save_is_audited_with_the_text_it_replaced(session: Session, world: World) -> None:
    save(session, world, "actor_a", "A", SNH)
    changed = ProfileInput(**{**SNH.__dict__, "strategy": "Flere gründere i hele Senja"})
    save(session, world, "actor_a", "A", changed, seen=1)
    session.commit()
    rows = session.scalars(
        select(AuditLog).where(AuditLog.entity == "actor_profile").order_by(AuditLog.id)
    ).all()
    assert [(r.action, r.entity_id) for r in rows] == [("update", "Senja Næringshage")] * 2
    assert rows[1].before == {"strategy": "Vekst i gründerbedrifter"}
    assert rows[1].after == {"strategy": "Flere gründere i hele Senja"}
    assert rows[0].after["contacts"] == ["Kari Nordmann, Daglig leder, kari@example.org"]
    assert field_text("actor_profile", "strategy", "nb") == "Strategi"
    assert field_text("actor_profile", "target_groups", "en") == "Target groups"


def test_target_groups_and_kinds_of_work_come_from_the_controlled_lists(
    session: Session, world: World
) -> None:
    with pytest.raises(ValidationError) as refused:
        save(session, world, "actor_a", "A", ProfileInput(target_groups=("romvesen",)))
    assert refused.value.text("nb").startswith("Målgrupper må være en av: Gründere")
    session.rollback()
    codes = ProfileInput(target_groups=("ungdom",), work_kinds=("kompetanse",))  # as a form sends
    save(session, world, "actor_a", "A", codes)
    session.commit()
    row = session.scalars(select(AuditLog).where(AuditLog.entity == "actor_profile")).one()
    assert row.after["target_groups"] == "ungdom"
    assert value_text("actor_profile", "target_groups", "ungdom", {}, "nb") == "Skoler og ungdom"
