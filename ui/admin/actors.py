"""Admin tab Aktører: the actors of the network (add, edit, delete)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.service.actors import delete_actor, save_actor
from tracker.vocab import ActorKind
from ui import data, save_guard
from ui.admin.pickers import keep_choice, new_or, picker, select_next
from ui.forms import (
    Slots,
    defaults,
    delete_button,
    done,
    forget,
    noting_save,
    run_write,
    save_form_button,
    text,
    value,
)
from ui.state import lang, t
from ui.text import MISSING, t_md

PICK = "admin_actor_pick"
FIELDS = ("name", "short_name", "kind", "contact")


def kind_text(code: object) -> str:
    if not code or (isinstance(code, float) and pd.isna(code)):
        return "–"
    return i18n.label(ActorKind(str(code)), lang())


def render(plan_id: int | None) -> None:
    actors = data.actors()
    if actors.empty:
        st.info(t("adminpage.no_actors"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    t("adminpage.name"): actors["name"],
                    t("adminpage.short_name"): actors["short_name"],
                    t("adminpage.kind"): [kind_text(k) for k in actors["kind"]],
                    t("adminpage.contact"): actors["contact"],
                }
            ),
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )
    names = dict(zip(map(int, actors["id"]), actors["name"], strict=True))
    actor_id = picker(
        t("adminpage.pick_actor"),
        [None, *names],
        key=PICK,
        format_func=lambda i: new_or("adminpage.new_actor")(names.get(i)),
    )
    prefix = f"admin_actor_{actor_id}" if actor_id else save_guard.fresh_key("admin_actor_new")
    row = actors[actors["id"] == actor_id].iloc[0] if actor_id is not None else None
    start: dict[str, str | None] = dict.fromkeys(FIELDS, "") | {"kind": None}
    if row is not None:
        start = {**{f: text(row[f]) for f in FIELDS}, "kind": text(row["kind"]) or None}
    defaults(prefix, start)
    slots = Slots()
    left, right = st.columns([3, 1])
    with left:
        st.text_input(t("adminpage.name"), key=f"{prefix}_name")
        slots.add("name")
    with right:
        st.text_input(t("adminpage.short_name"), key=f"{prefix}_short_name")
        slots.add("short_name")
    left, right = st.columns(2)
    with left:
        kinds = [None, *(k.value for k in ActorKind)]
        keep_choice(f"{prefix}_kind", kinds, kind_text)
        st.selectbox(
            t("adminpage.kind"),
            kinds,
            format_func=kind_text,
            placeholder="–",
            key=f"{prefix}_kind",
        )
        slots.add("kind")
    with right:
        st.text_input(t("adminpage.contact"), key=f"{prefix}_contact")
        slots.add("contact")
    slots.add(None)
    label = t("adminpage.save") if actor_id else t("adminpage.create_actor")
    submitted, typed = save_form_button(label, prefix, start)
    if submitted:
        name = value(prefix, "name").strip()
        ok, saved_id = run_write(
            lambda session, user: save_actor(
                session,
                user=user,
                actor_id=actor_id,
                name=value(prefix, "name"),
                short_name=value(prefix, "short_name"),
                kind=value(prefix, "kind"),
                contact=value(prefix, "contact"),
            ),
            slots=slots,
            saved=noting_save(prefix, typed, new=None if actor_id else "admin_actor_new"),
        )
        if ok:
            forget(prefix, FIELDS)
            select_next(PICK, saved_id)
            done(t_md("adminpage.saved", name=name))
    if actor_id is not None:
        delete_button(
            names[actor_id],
            key=f"{prefix}_delete",
            action=lambda session, user: delete_actor(session, user=user, actor_id=actor_id),
            message=t_md("adminpage.deleted", name=names[actor_id]),
            then=lambda: forget(prefix, FIELDS),
        )
