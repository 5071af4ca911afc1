"""Usernames that cannot pass for another: normalised (NFKC, no invisible characters,
lower case), plain ASCII only, and no new name whose skeleton equals an existing one's."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tests.factories import PASSWORD, make_user
from tracker.errors import ValidationError
from tracker.models import User
from tracker.service.login import authenticate
from tracker.service.principal import SYSTEM
from tracker.service.usernames import normalise_username, skeleton
from tracker.service.users import create_user
from tracker.vocab import Role


def test_normalise() -> None:
    assert normalise_username("  Kari.Nordmann ") == "kari.nordmann"
    assert normalise_username("admin\u200b") == "admin"  # zero-width space
    assert normalise_username("\u202eadmin\u2066") == "admin"  # bidi controls
    assert normalise_username("ａｄｍｉｎ") == "admin"  # full-width, by NFKC
    assert normalise_username("\u0430dmin") == "\u0430dmin"  # Cyrillic а stays itself


def test_skeleton() -> None:
    assert skeleton("\u0430dmin") == skeleton("admin") == "admin"  # Cyrillic а
    assert skeleton("\u03bfla") == skeleton("0la") == skeleton("ola")  # Greek ο, zero
    assert skeleton("kar1") == skeleton("karl")
    assert skeleton("bkn") != skeleton("bkm")


@pytest.mark.parametrize(
    "username",
    ["\u0430dmin", "ädmin", "kåre", "to ord", "x", "a" * 81, "ad\u0301min", "kari!"],
)
def test_only_plain_characters(session: Session, username: str) -> None:
    with pytest.raises(ValidationError) as caught:
        create_user(session, user=SYSTEM, username=username, role="leader", password=PASSWORD)
    assert [p.key for p in caught.value.problems] == ["user.username_invalid"]


def test_invisible_characters_make_the_same_name(session: Session) -> None:
    make_user(session, Role.ADMIN, username="admin")
    with pytest.raises(ValidationError) as caught:
        make_user(session, Role.ADMIN, username="admin\u200b")
    assert [p.key for p in caught.value.problems] == ["user.exists"]
    session.commit()
    assert authenticate(session, "Admin\u200b", PASSWORD).username == "admin"


@pytest.mark.parametrize(
    ("lookalike", "existing"), [("0la.nordmann", "ola.nordmann"), ("kar1", "karl")]
)
def test_a_lookalike_of_an_existing_name_is_refused(
    session: Session, lookalike: str, existing: str
) -> None:
    make_user(session, Role.LEADER, username=existing)
    with pytest.raises(ValidationError) as caught:
        make_user(session, Role.LEADER, username=lookalike)
    assert [p.key for p in caught.value.problems] == ["user.username_lookalike"]
    assert caught.value.problems[0].params == {"name": lookalike, "existing": existing}


def test_a_lookalike_of_an_old_non_ascii_name_is_refused(session: Session) -> None:
    """Names made before this rule may hold Cyrillic letters; a plain twin is refused."""
    session.execute(
        insert(User).values(
            username="\u0430dmin",
            display_name="",
            role=Role.ADMIN,
            active=True,
            failed_logins=0,
            session_epoch=0,
        )
    )
    with pytest.raises(ValidationError) as caught:
        make_user(session, Role.ADMIN, username="admin")
    assert [p.key for p in caught.value.problems] == ["user.username_lookalike"]
    assert caught.value.problems[0].params == {"name": "admin", "existing": "\u0430dmin"}
    assert session.scalars(select(User.username)).all() == ["\u0430dmin"]


def test_plain_names_pass(session: Session) -> None:
    for name in ["kari.nordmann", "ola_n", "per-olav", "bkn", "k2", "ola@senja.kommune.no"]:
        make_user(session, Role.LEADER, username=name)
