"""Changing an account (update_user): display name, e-mail, role and actor, with the
checks of create_user, audited before → after, and acting at the user's next click."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World, make_user
from tracker import db
from tracker.errors import NotFound, PermissionDenied, ValidationError
from tracker.models import AuditLog, User
from tracker.service.principal import SYSTEM, Principal, reportable_measure_ids
from tracker.service.sessions import check_session
from tracker.service.users import principal_by_email, update_user
from tracker.vocab import Role


def account(session: Session, username: str) -> User:
    return session.scalars(select(User).where(User.username == username)).one()


def audit_rows(session: Session) -> list[AuditLog]:
    return list(session.scalars(select(AuditLog).order_by(AuditLog.id)))


def as_stored(session: Session, username: str) -> dict[str, Any]:
    """What the form shows of an account: the four fields update_user changes."""
    user = account(session, username)
    return {
        "display_name": user.display_name,
        "email": user.email,
        "role": user.role,
        "actor_id": user.actor_id,
    }


def change(session: Session, principal: Principal, username: str, **fields: Any) -> Any:
    """update_user with the account's stored values, but for `fields`."""
    return update_user(
        session, user=principal, username=username, **(as_stored(session, username) | fields)
    )


def keys(error: pytest.ExceptionInfo[Any]) -> list[str]:
    return [problem.key for problem in error.value.problems]


def test_changing_every_field_is_one_audited_write(session: Session, world: World) -> None:
    revision = db.data_revision(session)
    before = len(audit_rows(session))
    changes = update_user(
        session,
        user=world.principals["admin"],
        username="aktor.a",
        display_name="  Kari  Nordmann ",
        email=" Kari@Example.ORG ",
        role="leader",
        actor_id=None,
    )
    session.commit()
    a = world.actors["A"].id
    assert changes == {
        "display_name": ("Aktor.A", "Kari  Nordmann"),
        "email": (None, "kari@example.org"),
        "role": ("actor", "leader"),
        "actor_id": (a, None),
    }
    assert as_stored(session, "aktor.a") == {
        "display_name": "Kari  Nordmann",
        "email": "kari@example.org",
        "role": Role.LEADER,
        "actor_id": None,
    }
    rows = audit_rows(session)[before:]
    assert [(r.action, r.entity, r.entity_id, r.username) for r in rows] == [
        ("update", "user", "aktor.a", "admin")
    ]
    assert rows[0].before == {
        "display_name": "Aktor.A", "email": None, "role": "actor", "actor_id": a,
    }  # fmt: skip
    assert rows[0].after == {
        "display_name": "Kari  Nordmann", "email": "kari@example.org", "role": "leader",
        "actor_id": None,
    }  # fmt: skip
    assert db.data_revision(session) == revision + 1


def test_the_audit_row_holds_only_what_changed(session: Session, world: World) -> None:
    before = len(audit_rows(session))
    changes = change(session, world.principals["admin"], "leder", email="leder@example.org")
    assert changes == {"email": (None, "leder@example.org")}
    [row] = audit_rows(session)[before:]
    assert (row.before, row.after) == ({"email": None}, {"email": "leder@example.org"})


def test_nothing_changed_writes_nothing(session: Session, world: World) -> None:
    change(session, world.principals["admin"], "leder", email="leder@example.org")
    session.commit()
    revision, rows = db.data_revision(session), len(audit_rows(session))
    # The same values again, as typed: spaces and capitals are cleaned away first.
    again = change(
        session,
        world.principals["admin"],
        "leder",
        display_name=" Leder ",
        email=" LEDER@example.org",
        role="leader",
    )
    session.commit()
    assert again == {}
    assert (db.data_revision(session), len(audit_rows(session))) == (revision, rows)


def test_an_empty_display_name_is_the_username(session: Session, world: World) -> None:
    changes = change(session, world.principals["admin"], "leder", display_name="  ")
    assert changes == {"display_name": ("Leder", "leder")}


def test_an_email_can_be_taken_away(session: Session, world: World) -> None:
    change(session, world.principals["admin"], "leder", email="leder@example.org")
    assert change(session, world.principals["admin"], "leder", email="") == {
        "email": ("leder@example.org", None)
    }
    assert account(session, "leder").email is None


def test_every_problem_at_once_and_nothing_written(session: Session, world: World) -> None:
    session.commit()
    stored, rows = as_stored(session, "aktor.a"), len(audit_rows(session))
    with pytest.raises(ValidationError) as refused:
        update_user(
            session,
            user=world.principals["admin"],
            username="aktor.a",
            display_name="x" * 201,
            email="ikke en adresse",
            role="actor",
            actor_id=None,
        )
    assert set(refused.value.by_field()) == {"display_name", "email", "actor_id"}
    assert set(keys(refused)) == {"field.too_long", "field.email_invalid", "user.actor_required"}
    session.rollback()
    assert as_stored(session, "aktor.a") == stored
    assert len(audit_rows(session)) == rows


@pytest.mark.parametrize(
    ("username", "role", "actor", "key"),
    [
        ("leder", "leader", "A", "user.actor_only_for_actor_role"),
        ("aktor.a", "admin", "A", "user.actor_only_for_actor_role"),
        ("leder", "actor", None, "user.actor_required"),
        ("aktor.a", "actor", 999_999, "notfound.actor"),
        ("aktor.a", "actor", "1", "notfound.actor"),  # an id as text is no id
        ("leder", "superuser", None, "field.not_one_of"),
    ],
)
def test_the_account_rules_of_create_user(
    session: Session, world: World, username: str, role: str, actor: object, key: str
) -> None:
    actor_id = world.actors[actor].id if actor in world.actors else actor
    with pytest.raises(ValidationError) as refused:
        change(session, world.principals["admin"], username, role=role, actor_id=actor_id)
    assert keys(refused) == [key]


def test_an_email_in_use_by_another_account_is_refused(session: Session, world: World) -> None:
    change(session, world.principals["admin"], "leder", email="leder@example.org")
    with pytest.raises(ValidationError) as refused:
        change(session, world.principals["admin"], "aktor.b", email="Leder@Example.org")
    assert keys(refused) == ["user.email_exists"]
    assert refused.value.problems[0].field == "email"
    # Its own address is no clash.
    assert change(session, world.principals["admin"], "leder", display_name="Ny leder")


def test_an_actor_user_moves_to_another_actor(session: Session, world: World) -> None:
    b = world.actors["B"].id
    changes = change(session, world.principals["admin"], "aktor.a", actor_id=b)
    assert changes == {"actor_id": (world.actors["A"].id, b)}


def test_only_an_admin_changes_accounts(session: Session, world: World) -> None:
    for role in ("leader", "actor_a"):
        with pytest.raises(PermissionDenied) as refused:
            change(session, world.principals[role], "aktor.b", display_name="Ny")
        assert keys(refused) == ["perm.admin_only"]
    with pytest.raises(NotFound):
        update_user(
            session,
            user=world.principals["admin"],
            username="finnes.ikke",
            display_name="",
            email=None,
            role="leader",
            actor_id=None,
        )


# --- the administrators ---------------------------------------------------------------


def test_the_last_active_admin_keeps_the_role(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        change(session, SYSTEM, "admin", role="leader")
    assert keys(refused) == ["user.last_admin_role"]
    assert refused.value.problems[0].field == "role"
    assert account(session, "admin").role == Role.ADMIN
    make_user(session, Role.ADMIN, username="admin2")
    assert change(session, SYSTEM, "admin", role="leader") == {"role": ("admin", "leader")}


def test_an_inactive_admin_counts_for_nothing(session: Session, world: World) -> None:
    make_user(session, Role.ADMIN, username="admin2")
    account(session, "admin2").active = False
    with pytest.raises(ValidationError) as refused:
        change(session, SYSTEM, "admin", role="leader")
    assert keys(refused) == ["user.last_admin_role"]


def test_an_admin_cannot_take_the_role_from_itself(session: Session, world: World) -> None:
    make_user(session, Role.ADMIN, username="admin2")
    with pytest.raises(ValidationError) as refused:
        change(session, world.principals["admin"], "admin", role="leader")
    assert keys(refused) == ["user.own_admin_role"]
    # Another admin may; and the admin may change its own name and e-mail.
    admin2 = Principal.of(account(session, "admin2"))
    assert change(session, admin2, "admin", role="leader") == {"role": ("admin", "leader")}
    assert change(session, admin2, "admin2", email="admin2@example.org")


# --- the demo's accounts (published passwords) -----------------------------------------


def test_a_demo_account_is_never_made_admin(session: Session, world: World) -> None:
    account(session, "leder").is_demo = True
    with pytest.raises(ValidationError) as refused:
        change(session, world.principals["admin"], "leder", role="admin")
    assert keys(refused) == ["demo.no_admin"]
    # Anything else about it may change: an address for the demo's reminders.
    assert change(session, world.principals["admin"], "leder", email="leder@example.org")


def test_a_demo_admin_cannot_change_a_real_account(session: Session, world: World) -> None:
    """Its password is published: it could point a real admin's e-mail (the single
    sign-on identity) at an address of its own."""
    make_user(session, Role.ADMIN, username="demo.admin")
    account(session, "demo.admin").is_demo = True
    demo_admin = Principal.of(account(session, "demo.admin"))
    with pytest.raises(PermissionDenied) as refused:
        change(session, demo_admin, "admin", email="someone@example.org")
    assert keys(refused) == ["demo.edit_real"]
    account(session, "leder").is_demo = True
    assert change(session, demo_admin, "leder", display_name="Demo-leder")


# --- acting at once --------------------------------------------------------------------


def test_a_new_role_acts_at_the_users_next_click(
    session: Session, other_session: Session, world: World
) -> None:
    """The user's browser keeps its Principal; every run checks it anew."""
    kept = world.principals["actor_a"]
    change(session, world.principals["admin"], "aktor.a", role="leader", actor_id=None)
    session.commit()
    now = check_session(other_session, kept)
    assert (now.role, now.actor_id) == (Role.LEADER, None)
    assert reportable_measure_ids(other_session, now) == set()
    other_session.rollback()
    change(
        session, world.principals["admin"], "aktor.a", role="actor", actor_id=world.actors["B"].id
    )
    session.commit()
    again = check_session(other_session, kept)  # no new login: the session stamp holds
    assert (again.role, again.actor_id) == (Role.ACTOR, world.actors["B"].id)
    led_by_b = {world.measures[code].id for code in ("1.2", "2.2")}
    assert reportable_measure_ids(other_session, again) == led_by_b


def test_single_sign_on_follows_a_new_email(session: Session, world: World) -> None:
    change(session, world.principals["admin"], "leder", email="leder@example.org")
    change(session, world.principals["admin"], "leder", email="ny.leder@example.org")
    assert principal_by_email(session, "leder@example.org") is None
    found = principal_by_email(session, "ny.leder@example.org")
    assert found is not None and found.username == "leder"
