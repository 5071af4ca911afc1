"""Admin tab Brukere: the accounts, a new account; for a chosen account its name,
e-mail, role and actor, a new password, deactivate or reactivate."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.service.passwords import MIN_PASSWORD_LENGTH
from tracker.service.users import create_user, set_active, set_password, update_user
from tracker.vocab import Role
from ui import data, save_guard, widgets
from ui.admin.pickers import keep_choice, picker
from ui.auth import keep_own_session
from ui.forms import (
    Slots,
    defaults,
    done,
    opt_int,
    run_write,
    save_form_button,
    text,
    value,
)
from ui.state import lang, require_user, t
from ui.text import MISSING, t_md

PICK = "admin_user_pick"
NEW = "admin_user_new"
EDIT = "admin_profile"
FIELDS = ("username", "display_name", "email", "role", "actor_id", "password")
CHANGE_LABELS = {
    "display_name": "adminpage.display_name",
    "email": "adminpage.email",
    "role": "login.role",
    "actor_id": "col.actor",
}
"""The label of each field update_user changes (service.users.USER_FIELDS)."""


def render(plan_id: int | None) -> None:
    users = data.users()
    actors = data.actors()
    actor_names = dict(zip(map(int, actors["id"]), actors["name"], strict=True))
    if users.empty:
        st.info(t("adminpage.no_users"))
    else:
        user_table(users)
    st.subheader(t("adminpage.new_user"))
    create_form(actor_names)
    if not users.empty:
        st.divider()
        st.subheader(t("adminpage.manage_user"))
        manage(users, actor_names)


def locked_text(until: object) -> str:
    if not isinstance(until, datetime) or pd.isna(until):  # None, NaN or NaT
        return "–"
    moment = pd.Timestamp(until)
    moment = moment.tz_localize(UTC) if moment.tzinfo is None else moment
    return widgets.datetime_text(moment) if moment > datetime.now(UTC) else "–"


def role_text(code: str) -> str:
    return i18n.label(Role(code), lang())


def user_table(users: pd.DataFrame) -> None:
    st.dataframe(
        pd.DataFrame(
            {
                t("login.username"): users["username"],
                t("adminpage.display_name"): users["display_name"],
                t("adminpage.email"): users["email"].fillna(""),
                t("login.role"): [role_text(r) for r in users["role"]],
                t("col.actor"): users["actor_name"],
                t("adminpage.active"): [
                    t("adminpage.yes") if a else t("adminpage.no") for a in users["active"]
                ],
                t("adminpage.locked_until"): [locked_text(v) for v in users["locked_until"]],
            }
        ),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )


def role_select(prefix: str, *, disabled: bool = False, help: str | None = None) -> None:
    roles = [r.value for r in Role]
    keep_choice(f"{prefix}_role", roles, role_text)
    st.selectbox(
        t("login.role"),
        roles,
        format_func=role_text,
        key=f"{prefix}_role",
        disabled=disabled,
        help=help,
        placeholder=t("choice.pick"),
    )


def actor_select(prefix: str, actor_names: dict[int, str]) -> None:
    """The actor of an actor user; for another role none, and the field is off (call
    after role_select: the role chosen in this run decides)."""
    key = f"{prefix}_actor_id"
    actor_role = value(prefix, "role") == Role.ACTOR.value
    if not actor_role:
        st.session_state[key] = None

    def actor_label(actor_id: int | None) -> str:
        no_actor = t("adminpage.no_actor")
        return actor_names.get(actor_id, no_actor) if actor_id else no_actor

    actors = [None, *actor_names]
    keep_choice(key, actors, actor_label)
    st.selectbox(
        t("col.actor"),
        actors,
        format_func=actor_label,
        placeholder=t("adminpage.no_actor"),
        key=key,
        disabled=not actor_role,
        help=t("adminpage.actor_help"),
    )


def create_form(actor_names: dict[int, str]) -> None:
    start = dict.fromkeys(FIELDS, "") | {"role": Role.ACTOR.value, "actor_id": None}
    if note := save_guard.saved_note(NEW):  # the user created last, above a fresh form
        st.success(note, icon=":material/check_circle:")
    new = save_guard.fresh_key(NEW)
    defaults(new, start)

    slots = Slots()
    left, right = st.columns(2)
    with left:
        st.text_input(t("login.username"), key=f"{new}_username")
        slots.add("username")
        st.text_input(t("adminpage.email"), key=f"{new}_email")
        slots.add("email")
        role_select(new)
        slots.add("role")
    with right:
        st.text_input(t("adminpage.display_name"), key=f"{new}_display_name")
        slots.add("display_name")
        st.text_input(
            t("adminpage.initial_password"),
            type="password",
            key=f"{new}_password",
            help=t("adminpage.password_help", length=MIN_PASSWORD_LENGTH),
        )
        slots.add("password")
        actor_select(new, actor_names)
        slots.add("actor_id")
    slots.add(None)
    submitted, _ = save_form_button(t("adminpage.create_user"), new, start)
    if not submitted:
        return
    username = value(new, "username").strip().lower()
    created = t_md("adminpage.user_created", name=username)
    ok, _ = run_write(
        lambda session, user: create_user(
            session,
            user=user,
            username=value(new, "username"),
            role=value(new, "role"),
            password=value(new, "password"),
            display_name=value(new, "display_name"),
            actor_id=value(new, "actor_id"),
            email=value(new, "email"),
        ),
        slots=slots,
        saved=lambda _: save_guard.start_fresh(NEW, created),  # no password kept in state
    )
    if ok:
        done(created)


def manage(users: pd.DataFrame, actor_names: dict[int, str]) -> None:
    usernames = users["username"].tolist()
    labels = dict(zip(usernames, users["display_name"], strict=True))
    username = picker(
        t("adminpage.pick_user"),
        usernames,
        key=PICK,
        format_func=lambda u: f"{u} – {labels[u]}" if labels.get(u) else u,
    )
    row = users[users["username"] == username].iloc[0]
    edit_form(row, actor_names)
    st.markdown(f"**{t('adminpage.new_password')}**")
    # A new key after each new password: the fields start empty, a second press of
    # the button reaches nothing (what was typed is never kept in session_state).
    prefix = save_guard.fresh_key(f"admin_user_{username}")
    empty = {"password": "", "repeat": ""}
    defaults(prefix, empty)
    slots = Slots()
    left, right = st.columns(2)
    with left:
        st.text_input(t("adminpage.new_password"), type="password", key=f"{prefix}_password")
        slots.add("password")
    with right:
        st.text_input(t("adminpage.repeat_password"), type="password", key=f"{prefix}_repeat")
        slots.add("repeat")
    slots.add(None)
    typed = {field: value(prefix, field) for field in empty}
    submitted = save_guard.save_button(
        t("adminpage.set_password"), key=f"{prefix}_save", values=typed, empty=empty
    )
    if submitted:
        if value(prefix, "password") != value(prefix, "repeat"):
            slots.show_text("repeat", t("adminpage.passwords_differ"))
        else:
            ok, _ = run_write(
                lambda session, user: set_password(
                    session, user=user, username=username, password=value(prefix, "password")
                ),
                slots=slots,
                saved=lambda epoch: _password_saved(username, epoch),
            )
            if ok:
                done(t_md("adminpage.password_set", name=username))
    active = bool(row["active"])
    if username == require_user().username:
        st.caption(t("adminpage.not_yourself"))
        return
    label = t("adminpage.deactivate") if active else t("adminpage.reactivate")
    icon = ":material/person_off:" if active else None
    if st.button(label, key=f"admin_user_{username}_active", icon=icon):
        ok, _ = run_write(
            lambda session, user: set_active(
                session, user=user, username=username, active=not active
            )
        )
        if ok:
            key = "adminpage.deactivated" if active else "adminpage.reactivated"
            done(t_md(key, name=username))


def _password_saved(username: str, epoch: int) -> None:
    # The password change ends the user's other sessions, not this one.
    keep_own_session(username, epoch)
    save_guard.start_fresh(f"admin_user_{username}")


def profile_form(username: str) -> str:
    """The edit form's name: its key prefix is this and a round number after a save
    (ui.save_guard.fresh_key). A username has no ":", so no user's prefix is another
    user's after a save (kupa's second round is not kupa1's first)."""
    return f"{EDIT}:{username}:"


def edit_form(row: pd.Series, actor_names: dict[int, str]) -> None:
    """The chosen account's name, e-mail, role and actor. The form starts from what is
    stored; a press stores nothing while it holds that, and after a save it starts
    anew under a new key (so a double click's second press reaches nothing), with
    what was saved shown above it."""
    username = str(row["username"])
    name = profile_form(username)
    st.markdown(f"**{t('adminpage.user_details')}**")
    if note := save_guard.saved_note(name):
        st.success(note, icon=":material/check_circle:")
    prefix = save_guard.fresh_key(name)
    start = {
        "display_name": text(row["display_name"]),
        "email": text(row["email"]),
        "role": str(row["role"]),
        "actor_id": opt_int(row["actor_id"]),
    }
    defaults(prefix, start)
    own = username == require_user().username
    slots = Slots()
    left, right = st.columns(2)
    with left:
        st.text_input(t("adminpage.display_name"), key=f"{prefix}_display_name")
        slots.add("display_name")
        st.text_input(t("adminpage.email"), key=f"{prefix}_email")
        slots.add("email")
    with right:
        role_select(
            prefix, disabled=own, help=t("adminpage.own_role" if own else "adminpage.role_help")
        )
        slots.add("role")
        actor_select(prefix, actor_names)
        slots.add("actor_id")
    slots.add(None)
    submitted, _ = save_form_button(t("adminpage.save_user"), prefix, start)
    if not submitted:
        return
    ok, changes = run_write(
        lambda session, user: update_user(
            session,
            user=user,
            username=username,
            display_name=value(prefix, "display_name"),
            email=value(prefix, "email"),
            role=value(prefix, "role"),
            actor_id=value(prefix, "actor_id"),
        ),
        slots=slots,
        saved=lambda changes: save_guard.start_fresh(
            name, saved_text(username, changes, actor_names) if changes else None
        ),
    )
    if ok:
        done(t_md("adminpage.saved", name=username))


def saved_text(username: str, changes: dict[str, tuple[Any, Any]], actors: dict[int, str]) -> str:
    """What a save changed, in the user's language: «Lagret for «kupa»: Rolle: Aktør →
    Leder; …»."""

    def shown(field: str, stored: Any) -> str:
        if stored is None or stored == "":
            return "–"
        if field == "role":
            return role_text(stored)
        if field == "actor_id":
            return actors.get(int(stored), str(stored))
        return str(stored)

    parts = [
        t(
            "adminpage.user_change",
            field=t(CHANGE_LABELS[field]),
            before=shown(field, before),
            after=shown(field, after),
        )
        for field, (before, after) in changes.items()
    ]
    return t_md("adminpage.user_saved", name=username, changes="; ".join(parts))
