"""The password policy: one place (tracker.service.passwords), used by every way a
password is set: create_user, set_password (Admin page, command line, demo)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.factories import make_user
from tracker import i18n
from tracker.errors import ValidationError
from tracker.service.passwords import (
    MIN_PASSWORD_LENGTH,
    common_passwords,
    password_problems,
)
from tracker.service.principal import SYSTEM
from tracker.service.users import create_user, set_password
from tracker.vocab import Role


def keys(password: str, username: str = "kari.nordmann") -> list[str]:
    return [p.key for p in password_problems(password, username)]


def test_a_long_uncommon_password_passes() -> None:
    assert MIN_PASSWORD_LENGTH == 12
    assert keys("fjord-måke-lys-pære") == []
    assert keys("x" * 11 + "y") == []


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("elleve-tegn", ["user.password_short"]),  # 11
        (" " * 14, ["user.password_blank"]),
        ("\t \u00a0\u2003" * 4, ["user.password_blank"]),
        ("KARI.NORDMANN", ["user.password_username"]),
        ("mitt-kari.nordmann-passord", ["user.password_username"]),
        ("passord12345", ["user.password_common"]),
        ("Sommer2024!!", ["user.password_common"]),
        ("  qwertyuiop123 ", ["user.password_common"]),
        ("kort", ["user.password_short"]),
        (" " * 11 + "x", ["user.password_short"]),  # what is seen: «x»
        ("\u200b" * 12, ["user.password_blank"]),  # invisible
        ("\x00" * 12, ["user.password_blank"]),
        ("kort\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b", ["user.password_short"]),
    ],
)
def test_refused(password: str, expected: list[str]) -> None:
    assert keys(password) == expected


def test_a_short_username_may_be_part_of_a_password() -> None:
    assert keys("kolaflaske-og-brus", username="ola") == []
    assert keys("OLA", username="ola") == ["user.password_short", "user.password_username"]


def test_the_list_ships_with_the_package_and_is_lower_case() -> None:
    listed = common_passwords()
    assert len(listed) >= 2000
    assert all(entry == entry.lower() and entry.strip() == entry for entry in listed)
    assert {"passord123456", "qwertyuiopå", "sommerferie2024"} & listed
    assert all(len(entry) >= MIN_PASSWORD_LENGTH for entry in listed)  # only what can matter


def test_every_message_in_both_languages() -> None:
    for problem in password_problems(" " * 3, "kari"):
        assert problem.text("nb") != problem.text("en")
    assert "12" in i18n.t("adminpage.password_help", length=MIN_PASSWORD_LENGTH)


def test_create_user_and_set_password_apply_the_policy(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        create_user(session, user=SYSTEM, username="kari", role="leader", password="kari-passord!")
    assert [p.key for p in caught.value.problems] == ["user.password_username"]
    assert caught.value.by_field().keys() == {"password"}
    make_user(session, Role.LEADER, username="kari")
    for password, key in [
        ("passord12345", "user.password_common"),
        ("1" * 11, "user.password_short"),
    ]:
        with pytest.raises(ValidationError) as caught:
            set_password(session, user=SYSTEM, username="kari", password=password)
        assert [p.key for p in caught.value.problems] == [key]
