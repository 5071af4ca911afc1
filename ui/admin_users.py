"""Admin tab Brukere: the accounts, a new account, a new password, deactivate or
reactivate."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from tracker import i18n, service
from tracker.vocab import Role
from ui import data, widgets
from ui.admin_choice import keep_choice, picker
from ui.admin_common import Slots, defaults, done, forget, run_write, value
from ui.state import lang, require_user, t

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
    )


def create_form(actor_names: dict[int, str]) -> None:
    start = dict.fromkeys(FIELDS, "") | {"role": Role.ACTOR.value, "actor_id": None}
    defaults(NEW, start)

    def actor_label(actor_id: int | None) -> str:
        return (
            actor_names.get(actor_id, t("adminpage.no_actor"))
            if actor_id
            else t("adminpage.no_actor")
        )

    slots = Slots()
    with st.form(f"{NEW}_form"):
        left, right = st.columns(2)
        with left:
            st.text_input(t("login.username"), key=f"{NEW}_username")
            slots.add("username")
            st.text_input(t("adminpage.email"), key=f"{NEW}_email")
            slots.add("email")
            roles = [r.value for r in Role]
            keep_choice(f"{NEW}_role", roles, role_text)
            st.selectbox(
                t("login.role"),
                roles,
                format_func=role_text,
                key=f"{NEW}_role",
            )
            slots.add("role")
        with right:
            st.text_input(t("adminpage.display_name"), key=f"{NEW}_display_name")
            slots.add("display_name")
            st.text_input(
                t("adminpage.initial_password"),
                type="password",
                key=f"{NEW}_password",
                help=t("adminpage.password_help"),
            )
            slots.add("password")
            actors = [None, *actor_names]
            keep_choice(f"{NEW}_actor_id", actors, actor_label)
            st.selectbox(
                t("col.actor"),
                actors,
                format_func=actor_label,
                placeholder=t("adminpage.no_actor"),
                key=f"{NEW}_actor_id",
                help=t("adminpage.actor_help"),
            )
            slots.add("actor_id")
        slots.add(None)
        submitted = st.form_submit_button(
            t("adminpage.create_user"), type="primary", key=f"{NEW}_save"
        )
    if not submitted:
        return
    username = value(NEW, "username").strip().lower()
    ok, _ = run_write(
        lambda session, user: service.create_user(
            session,
            user=user,
            username=value(NEW, "username"),
            role=value(NEW, "role"),
            password=value(NEW, "password"),
            display_name=value(NEW, "display_name"),
            actor_id=value(NEW, "actor_id"),
            email=value(NEW, "email"),
        ),
        slots=slots,
    )
    if ok:
        forget(NEW, FIELDS)
        done(t("adminpage.user_created", name=username))


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
    prefix = f"admin_user_{username}"
    defaults(prefix, {"password": "", "repeat": ""})
    slots = Slots()
    with st.form(f"{prefix}_form"):
        left, right = st.columns(2)
        with left:
            st.text_input(t("adminpage.new_password"), type="password", key=f"{prefix}_password")
            slots.add("password")
        with right:
            st.text_input(t("adminpage.repeat_password"), type="password", key=f"{prefix}_repeat")
            slots.add("repeat")
        slots.add(None)
        submitted = st.form_submit_button(t("adminpage.set_password"), key=f"{prefix}_save")
    if submitted:
        if value(prefix, "password") != value(prefix, "repeat"):
            slots.show_text("repeat", t("adminpage.passwords_differ"))
        else:
            ok, _ = run_write(
                lambda session, user: service.set_password(
                    session, user=user, username=username, password=value(prefix, "password")
                ),
                slots=slots,
            )
            if ok:
                forget(prefix, ("password", "repeat"))
                done(t("adminpage.password_set", name=username))
    active = bool(row["active"])
    if username == require_user().username:
        st.caption(t("adminpage.not_yourself"))
        return
    label = t("adminpage.deactivate") if active else t("adminpage.reactivate")
    if st.button(label, key=f"{prefix}_active", icon=":material/person_off:" if active else None):
        ok, _ = run_write(
            lambda session, user: service.set_active(
                session, user=user, username=username, active=not active
            )
        )
        if ok:
            key = "adminpage.deactivated" if active else "adminpage.reactivated"
            done(t(key, name=username))
