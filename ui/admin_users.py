"""Admin tab Brukere: the accounts, a new account, a new password, deactivate or
reactivate."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from tracker import i18n, service
from tracker.service.passwords import MIN_PASSWORD_LENGTH
from tracker.vocab import Role
from ui import data, save_guard, widgets
from ui.admin_choice import keep_choice, picker
from ui.admin_common import Slots, defaults, done, run_write, save_form_button, value
from ui.auth import keep_own_session
from ui.state import lang, require_user, t
from ui.text import MISSING, t_md

PICK = "admin_user_pick"
NEW = "admin_user_new"
FIELDS = ("username", "display_name", "email", "role", "actor_id", "password")


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
        manage(users)


def locked_text(until: object) -> str:
    if until is None or pd.isna(until):
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


def create_form(actor_names: dict[int, str]) -> None:
    start = dict.fromkeys(FIELDS, "") | {"role": Role.ACTOR.value, "actor_id": None}
    if note := save_guard.saved_note(NEW):  # the user created last, above a fresh form
        st.success(note, icon=":material/check_circle:")
    new = save_guard.fresh_key(NEW)
    defaults(new, start)

    def actor_label(actor_id: int | None) -> str:
        return (
            actor_names.get(actor_id, t("adminpage.no_actor"))
            if actor_id
            else t("adminpage.no_actor")
        )

    slots = Slots()
    left, right = st.columns(2)
    with left:
        st.text_input(t("login.username"), key=f"{new}_username")
        slots.add("username")
        st.text_input(t("adminpage.email"), key=f"{new}_email")
        slots.add("email")
        roles = [r.value for r in Role]
        keep_choice(f"{new}_role", roles, role_text)
        st.selectbox(
            t("login.role"),
            roles,
            format_func=role_text,
            key=f"{new}_role",
            placeholder=t("choice.one"),
        )
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
        actors = [None, *actor_names]
        keep_choice(f"{new}_actor_id", actors, actor_label)
        st.selectbox(
            t("col.actor"),
            actors,
            format_func=actor_label,
            placeholder=t("adminpage.no_actor"),
            key=f"{new}_actor_id",
            help=t("adminpage.actor_help"),
        )
        slots.add("actor_id")
    slots.add(None)
    submitted, _ = save_form_button(t("adminpage.create_user"), new, start)
    if not submitted:
        return
    username = value(new, "username").strip().lower()
    created = t_md("adminpage.user_created", name=username)
    ok, _ = run_write(
        lambda session, user: service.create_user(
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


def manage(users: pd.DataFrame) -> None:
    usernames = users["username"].tolist()
    labels = dict(zip(usernames, users["display_name"], strict=True))
    username = picker(
        t("adminpage.pick_user"),
        usernames,
        key=PICK,
        format_func=lambda u: f"{u} – {labels[u]}" if labels.get(u) else u,
    )
    row = users[users["username"] == username].iloc[0]
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
                lambda session, user: service.set_password(
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
            lambda session, user: service.set_active(
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
