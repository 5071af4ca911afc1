"""Admin tab Tiltak: one measure (or a new one) in a form, saved with an optimistic
lock: the version the form started from stays in session_state until a save or a
fresh start, and a conflict shows both versions without losing what was typed."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from tracker import service
from tracker.quarters import Quarter, plan_quarters
from tracker.service import MeasureInput
from tracker.vocab import PartnerRole
from ui import admin_conflict, data
from ui.admin_common import (
    Slots,
    defaults,
    delete_button,
    done,
    forget,
    id_labels,
    new_or,
    opt_int,
    picker,
    run_write,
    select_next,
    text,
    value,
)
from ui.state import t

PICK = "admin_measure_pick"
FIELDS = (
    *("code", "title", "description", "theme_id", "goal_id", "lead_actor_id", "partners"),
    *("funders", "start_period", "end_period", "weight", "budget", "funding", "is_example"),
)


def prefix_of(measure_id: int | None) -> str:
    return f"admin_m_{measure_id or 'new'}"


def render(plan_id: int | None) -> None:
    if plan_id is None:
        st.info(t("adminpage.plan_first"))
        return
    themes = data.themes(plan_id)
    if themes.empty:
        st.info(t("adminpage.themes_first"))
        return
    measures = data.measure_status(plan_id=plan_id, as_of=None)
    labels = id_labels(measures["id"], measures["code"] + " " + measures["title"])
    measure_id = picker(
        t("adminpage.pick_measure"),
        [None, *labels],
        key=PICK,
        format_func=lambda i: new_or("adminpage.new_measure")(labels.get(i)),
    )
    row = measures[measures["id"] == measure_id].iloc[0] if measure_id is not None else None
    measure_form(plan_id, measure_id, row, themes)


def start_values(plan_id: int, row: pd.Series | None) -> dict[str, Any]:
    if row is None:
        plan = data.plan_details(plan_id)
        first, last = Quarter(plan["start_year"], 1), Quarter(plan["end_year"], 4)
        start = min(max(Quarter.current(), first), last)
        return {
            **dict.fromkeys(("code", "title", "description", "budget", "funding"), ""),
            **dict.fromkeys(("theme_id", "goal_id", "lead_actor_id"), None),
            **{"partners": [], "funders": [], "weight": 1.0, "is_example": False},
            **{"start_period": str(start), "end_period": str(last)},
        }
    funders = [int(i) for i in row["funder_ids"]]
    return {
        **{f: text(row[f]) for f in ("code", "title", "description", "budget", "funding")},
        **{f: opt_int(row[f]) for f in ("theme_id", "goal_id", "lead_actor_id")},
        "partners": [int(i) for i in row["partner_ids"] if int(i) not in funders],
        "funders": funders,
        "start_period": str(row["start_period"]),
        "end_period": str(row["end_period"]),
        "weight": float(row["weight"]),
        "is_example": bool(row["is_example"]),
    }


def measure_form(plan_id: int, measure_id: int | None, row: pd.Series | None, themes: Any) -> None:
    prefix = prefix_of(measure_id)
    if defaults(prefix, start_values(plan_id, row)) or f"{prefix}_seen" not in st.session_state:
        st.session_state[f"{prefix}_seen"] = None if row is None else int(row["version"])
        admin_conflict.forget(measure_id)
    goals, actors = data.goals(plan_id), data.actors()
    names = {
        "theme_id": id_labels(themes["id"], themes["code"] + " " + themes["name"]),
        "goal_id": id_labels(goals["id"], goals["code"] + " " + goals["text"].str[:70]),
        "lead_actor_id": id_labels(actors["id"], actors["name"]),
    }
    names["partners"] = names["lead_actor_id"]
    slots = Slots()
    with st.form(f"{prefix}_form"):
        widgets(plan_id, prefix, names, slots)
        label = t("adminpage.save") if measure_id else t("adminpage.create_measure")
        submitted = st.form_submit_button(label, type="primary", key=f"{prefix}_save")
    mine = form_input(prefix)
    if submitted:
        save(plan_id, measure_id, mine, st.session_state[f"{prefix}_seen"], slots)
    if measure_id is None or row is None:
        return
    admin_conflict.show(
        measure_id, mine, names, resave=lambda seen: save(plan_id, measure_id, mine, seen, slots)
    )
    if pd.isna(row["status"]):
        delete_button(
            labels_of(row),
            key=f"{prefix}_delete",
            action=lambda session, user: service.delete_measure(
                session, user=user, measure_id=measure_id
            ),
            message=t("adminpage.deleted", name=labels_of(row)),
            then=lambda: forget(prefix, (*FIELDS, "seen")),
        )
    else:
        st.caption(t("adminpage.measure_keeps_history"))


def widgets(plan_id: int, prefix: str, names: dict[str, dict[int, str]], slots: Slots) -> None:
    """The form's fields, each with its error slot right under it."""
    plan = data.plan_details(plan_id)
    quarters = [str(q) for q in plan_quarters(plan["start_year"], plan["end_year"])]
    quarters += [value(prefix, f) for f in ("start_period", "end_period")]
    quarters = list(dict.fromkeys(quarters))  # a stored span outside the plan stays choosable
    actors = names["lead_actor_id"]

    def field(widget: Any, label: str, name: str, *, slot: bool = True, **options: Any) -> None:
        widget(t(label), key=f"{prefix}_{name}", **options)
        if slot:
            slots.add(name)

    def choose(name: str, empty: str) -> dict[str, Any]:
        return {
            "options": [None, *names[name]],
            "format_func": lambda i: names[name].get(i, t(empty)),
        }

    left, right = st.columns([1, 4])
    with left:
        field(st.text_input, "col.code", "code")
    with right:
        field(st.text_input, "adminpage.measure_title", "title")
    field(st.text_area, "adminpage.description", "description", height=100)
    left, right = st.columns(2)
    with left:
        field(st.selectbox, "col.theme", "theme_id", **choose("theme_id", "adminpage.choose"))
        field(
            st.selectbox, "col.lead", "lead_actor_id", **choose("lead_actor_id", "adminpage.choose")
        )
        field(st.selectbox, "adminpage.start", "start_period", options=quarters)
        field(st.number_input, "col.weight", "weight", min_value=0.0, step=0.5)
        field(st.text_input, "col.budget", "budget")
    with right:
        field(st.selectbox, "adminpage.goal", "goal_id", **choose("goal_id", "adminpage.no_goal"))
        partner_options = {"options": list(actors), "format_func": actors.get}
        field(st.multiselect, "col.partners", "partners", slot=False, **partner_options)
        field(st.multiselect, "adminpage.funders", "funders", slot=False, **partner_options)
        slots.add("partners")
        field(st.selectbox, "adminpage.end", "end_period", options=quarters)
        field(st.text_input, "col.funding", "funding")
    field(st.checkbox, "adminpage.is_example", "is_example")
    slots.add(None)


def labels_of(row: pd.Series) -> str:
    return f"{row['code']} {row['title']}"


def form_input(prefix: str) -> MeasureInput:
    partners = [(int(i), PartnerRole.PARTNER) for i in value(prefix, "partners")]
    funders = [(int(i), PartnerRole.FUNDER) for i in value(prefix, "funders")]
    return MeasureInput(
        code=value(prefix, "code"),
        title=value(prefix, "title"),
        description=value(prefix, "description"),
        theme_id=value(prefix, "theme_id"),
        goal_id=value(prefix, "goal_id"),
        lead_actor_id=value(prefix, "lead_actor_id"),
        partners=(*partners, *funders),
        start_period=value(prefix, "start_period"),
        end_period=value(prefix, "end_period"),
        weight=float(value(prefix, "weight")),
        budget=value(prefix, "budget"),
        funding=value(prefix, "funding"),
        is_example=bool(value(prefix, "is_example")),
    )


def save(
    plan_id: int, measure_id: int | None, mine: MeasureInput, seen: int | None, slots: Slots
) -> None:
    prefix = prefix_of(measure_id)
    ok, saved_id = run_write(
        lambda session, user: service.save_measure(
            session,
            user=user,
            plan_id=plan_id,
            measure_id=measure_id,
            seen_version=seen,
            values=mine,
        ),
        slots=slots,
        on_conflict=lambda error: admin_conflict.remember(measure_id, error),
    )
    if ok:
        forget(prefix, (*FIELDS, "seen"))
        admin_conflict.forget(measure_id)
        select_next(PICK, saved_id)
        done(t("adminpage.saved", name=f"{mine.code.strip()} {mine.title.strip()}"))
