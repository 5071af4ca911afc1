"""Admin → Brukere with AppTest, on a copy of the demo: changing a user's name,
e-mail, role and actor (a double click stores once, what was saved is shown, an
error stands under its field), and a new role acting in the user's own browser at
its next click, without logging out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
    AppDatabase,
    app,
    double_click,
    fresh_database,
    no_exception,
    nothing_to_save,
    registered_pages,
    shown,
    texts,
)
from tests.test_page_admin import node_after
from tracker import i18n
from tracker.models import Actor, AuditLog, User
from tracker.service.principal import SYSTEM
from tracker.service.users import USER_FIELDS, create_user
from ui.admin.users import CHANGE_LABELS, profile_form

ADMIN_PAGE = "app_pages/admin.py"


@pytest.fixture
def demo(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppDatabase:
    return fresh_database(tmp_path_factory, tmp_path, monkeypatch)


def nb(key: str, **params: Any) -> str:
    return i18n.t(key, "nb", **params)


def users_tab(
    demo: AppDatabase, username: str, *, as_user: str = "admin", lang: str = "nb"
) -> AppTest:
    """Admin → Brukere with `username` chosen."""
    state = {"admin_tab": i18n.t("adminpage.tab.users", lang), "admin_user_pick": username}
    at = app(demo.principal(as_user), lang, page=ADMIN_PAGE, state=state)
    no_exception(at)
    assert at.selectbox(key="admin_user_pick").value == username
    return at


def key(username: str, field: str, round: int = 0) -> str:
    return f"{profile_form(username)}{round or ''}_{field}"


def stored(demo: AppDatabase, username: str) -> User:
    with demo.session() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        session.expunge(user)
        return user


def user_updates(demo: AppDatabase, username: str) -> list[AuditLog]:
    with demo.session() as session:
        query = select(AuditLog).where(
            AuditLog.action == "update", AuditLog.entity == "user", AuditLog.entity_id == username
        )
        return list(session.scalars(query.order_by(AuditLog.id)))


def kupa_id(demo: AppDatabase) -> int:
    with demo.session() as session:
        return session.scalars(select(Actor.id).where(Actor.short_name == "Kupa")).one()


def test_every_field_a_change_reports_has_a_label() -> None:
    assert tuple(CHANGE_LABELS) == USER_FIELDS
    assert all(label in i18n.CATALOGUE for label in CHANGE_LABELS.values())


def test_the_form_starts_from_what_is_stored(demo: AppDatabase) -> None:
    at = users_tab(demo, "kupa")
    assert at.text_input(key=key("kupa", "display_name")).value == "Kupa (demo)"
    assert at.text_input(key=key("kupa", "email")).value == "kupa@example.org"
    assert at.selectbox(key=key("kupa", "role")).value == "actor"
    assert at.selectbox(key=key("kupa", "actor_id")).value == kupa_id(demo)
    assert nothing_to_save(at, key("kupa", "save"))
    assert user_updates(demo, "kupa") == []


def test_a_double_click_saves_once_and_shows_what_was_saved(demo: AppDatabase) -> None:
    at = users_tab(demo, "kupa")
    at.text_input(key=key("kupa", "display_name")).input("Kari Kupa")
    at.text_input(key=key("kupa", "email")).input(" Kari@Kupa.example.org ")
    at.selectbox(key=key("kupa", "role")).set_value("leader").run()
    # A leader has no actor: the field is emptied and off.
    actor = at.selectbox(key=key("kupa", "actor_id"))
    assert (actor.value, actor.disabled) == (None, True)
    double_click(at, key("kupa", "save"))
    no_exception(at)
    assert not at.error
    [row] = user_updates(demo, "kupa")
    assert row.after == {
        "display_name": "Kari Kupa", "email": "kari@kupa.example.org", "role": "leader",
        "actor_id": None,
    }  # fmt: skip
    user = stored(demo, "kupa")
    assert (user.display_name, user.email, user.role.value, user.actor_id) == (
        "Kari Kupa", "kari@kupa.example.org", "leader", None,
    )  # fmt: skip
    changes = "; ".join(
        nb("adminpage.user_change", field=nb(label), before=before, after=after)
        for label, before, after in [
            ("adminpage.display_name", "Kupa (demo)", "Kari Kupa"),
            ("adminpage.email", "kupa@example.org", "kari@kupa.example.org"),
            ("login.role", nb("role.actor"), nb("role.leader")),
            ("col.actor", "Kupa", "–"),
        ]
    )
    assert texts(at.success) == [nb("adminpage.user_saved", name="kupa", changes=changes)]
    # The form shows what is stored now, under a new key; nothing more to save.
    assert not [w for w in at.text_input if w.key == key("kupa", "display_name")]
    assert at.text_input(key=key("kupa", "email", 1)).value == "kari@kupa.example.org"
    assert at.selectbox(key=key("kupa", "role", 1)).value == "leader"
    assert nothing_to_save(at, key("kupa", "save", 1))
    assert len(user_updates(demo, "kupa")) == 1
    # and the table above says it too
    table = next(d.value for d in at.dataframe if nb("login.role") in d.value.columns)
    kupa = table[table[nb("login.username")] == "kupa"].iloc[0]
    assert (kupa[nb("login.role")], kupa[nb("col.actor")]) == (nb("role.leader"), "")


def test_a_bad_email_is_refused_under_its_field_and_nothing_is_written(
    demo: AppDatabase,
) -> None:
    at = users_tab(demo, "kupa")
    at.text_input(key=key("kupa", "email")).input("kupa(at)example.org").run()
    at.button(key=key("kupa", "save")).click().run()
    no_exception(at)
    assert shown(node_after(at, key("kupa", "email")).value) == nb(
        "field.email_invalid", value="kupa(at)example.org"
    )
    assert at.text_input(key=key("kupa", "email")).value == "kupa(at)example.org"  # kept
    assert user_updates(demo, "kupa") == []
    assert stored(demo, "kupa").email == "kupa@example.org"


def test_an_email_another_user_has_is_refused(demo: AppDatabase) -> None:
    at = users_tab(demo, "kupa")
    at.text_input(key=key("kupa", "email")).input("bkn@example.org").run()
    at.button(key=key("kupa", "save")).click().run()
    assert shown(node_after(at, key("kupa", "email")).value) == nb(
        "user.email_exists", email="bkn@example.org"
    )
    assert user_updates(demo, "kupa") == []


def test_an_actor_user_gets_another_actor(demo: AppDatabase) -> None:
    with demo.session() as session:
        nav = session.scalars(select(Actor.id).where(Actor.short_name == "NAV")).one()
    at = users_tab(demo, "kupa")
    at.selectbox(key=key("kupa", "actor_id")).set_value(nav).run()
    at.button(key=key("kupa", "save")).click().run()
    no_exception(at)
    assert stored(demo, "kupa").actor_id == nav
    [row] = user_updates(demo, "kupa")
    assert (row.before, row.after) == ({"actor_id": kupa_id(demo)}, {"actor_id": nav})


def test_the_admins_own_role_is_not_in_its_hands(demo: AppDatabase) -> None:
    at = users_tab(demo, "admin")
    role = at.selectbox(key=key("admin", "role"))
    assert role.disabled
    assert role.help == nb("adminpage.own_role")
    # Its own name it may change.
    at.text_input(key=key("admin", "display_name")).input("Næringsavdelingen").run()
    at.button(key=key("admin", "save")).click().run()
    no_exception(at)
    assert stored(demo, "admin").display_name == "Næringsavdelingen"


def test_a_demo_account_is_not_made_admin(demo: AppDatabase) -> None:
    at = users_tab(demo, "ordforer")
    at.selectbox(key=key("ordforer", "role")).set_value("admin").run()
    at.button(key=key("ordforer", "save")).click().run()
    no_exception(at)
    assert shown(node_after(at, key("ordforer", "role")).value) == nb(
        "demo.no_admin", username="ordforer"
    )
    assert stored(demo, "ordforer").role.value == "leader"


def test_the_demo_admin_cannot_change_a_real_account(demo: AppDatabase) -> None:
    with demo.transaction() as session:
        create_user(session, user=SYSTEM, username="kari", role="admin", password=None)
    at = users_tab(demo, "kari")
    at.text_input(key=key("kari", "email")).input("kari@example.org").run()
    at.button(key=key("kari", "save")).click().run()
    no_exception(at)
    assert texts(at.error) == [nb("demo.edit_real", username="kari")]
    assert stored(demo, "kari").email is None


def test_a_new_user_form_turns_the_actor_off_for_a_leader(demo: AppDatabase) -> None:
    at = users_tab(demo, "kupa")
    assert not at.selectbox(key="admin_user_new_actor_id").disabled
    at.selectbox(key="admin_user_new_role").set_value("leader").run()
    actor = at.selectbox(key="admin_user_new_actor_id")
    assert (actor.value, actor.disabled) == (None, True)


def test_the_form_speaks_english(demo: AppDatabase) -> None:
    # (Only read: AppTest formats a choice in the test's thread, where the language
    # of the session is not known, so it cannot send an English page's choices.)
    at = users_tab(demo, "kupa", lang="en")
    assert "**Name, e-mail, role and actor**" in [m.value for m in at.markdown]
    assert at.button(key=key("kupa", "save")).label == "Save the changes"
    assert at.selectbox(key=key("kupa", "role")).help == i18n.t("adminpage.role_help", "en")
    assert at.text_input(key=key("kupa", "email")).label == "E-mail"


# --- a new role acts at once -----------------------------------------------------------


def pages_of(at: AppTest) -> set[str]:
    return {path.removeprefix("app_pages/").removesuffix(".py") for path in registered_pages(at)}


def set_role(demo: AppDatabase, username: str, role: str, actor_id: int | None = None) -> None:
    """Through the admin's form, in a browser of its own."""
    at = users_tab(demo, username)
    at.selectbox(key=key(username, "role")).set_value(role).run()
    if actor_id is not None:
        at.selectbox(key=key(username, "actor_id")).set_value(actor_id).run()
    at.button(key=key(username, "save")).click().run()
    no_exception(at)
    assert not at.error


def test_a_new_role_changes_the_users_pages_at_its_next_click(demo: AppDatabase) -> None:
    kupa = app(demo.principal("kupa"))
    assert {"report", "export", "admin"} & pages_of(kupa) == {"report"}
    set_role(demo, "kupa", "leader")
    kupa.run()  # the next click in kupa's own browser: no new login
    no_exception(kupa)
    assert kupa.session_state["principal"].username == "kupa"
    assert kupa.session_state["principal"].role.value == "leader"
    assert {"report", "export", "admin"} & pages_of(kupa) == {"export"}
    set_role(demo, "kupa", "actor", kupa_id(demo))
    kupa.run()
    no_exception(kupa)
    assert kupa.session_state["principal"].actor_id == kupa_id(demo)
    assert {"report", "export", "admin"} & pages_of(kupa) == {"report"}
