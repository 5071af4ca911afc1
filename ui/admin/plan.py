"""Admin tab Plan: the plan itself (or a new one), then its themes and goals."""

from __future__ import annotations

import streamlit as st

from tracker.limits import MAX_YEAR, MIN_YEAR
from tracker.quarters import Quarter
from tracker.service.plans import save_plan
from ui import data, save_guard
from ui.admin import themes_goals
from ui.admin.tabs import NEW_PLAN_KEY
from ui.forms import (
    Slots,
    defaults,
    done,
    forget,
    noting_save,
    run_write,
    save_form_button,
    text,
    value,
)
from ui.state import t
from ui.text import t_md

FIELDS = ("name", "start_year", "end_year", "owner", "description")


def render(plan_id: int | None) -> None:
    if plan_id is None:
        st.info(t("adminpage.no_plan"))
        plan_form(None)
        return
    st.subheader(t("adminpage.plan"))
    plan_form(plan_id)
    with st.expander(t("adminpage.new_plan"), icon=":material/add:"):
        plan_form(None)
    st.divider()
    themes_goals.themes(plan_id)
    st.divider()
    themes_goals.goals(plan_id)


def plan_form(plan_id: int | None) -> None:
    prefix = f"admin_plan_{plan_id}" if plan_id else save_guard.fresh_key("admin_plan_new")
    if plan_id is None:
        year = Quarter.current().year
        start = {"name": "", "start_year": year, "end_year": year + 4, "owner": ""}
        start["description"] = ""
    else:
        plan = data.plan_details(plan_id)
        start = {field: plan[field] for field in FIELDS}
        start["owner"], start["description"] = text(plan["owner"]), text(plan["description"])
    defaults(prefix, start)
    slots = Slots()
    st.text_input(t("adminpage.plan_name"), key=f"{prefix}_name")
    slots.add("name")
    left, right = st.columns(2)
    with left:
        st.number_input(
            t("adminpage.start_year"), MIN_YEAR, MAX_YEAR, step=1, key=f"{prefix}_start_year"
        )
        slots.add("start_year")
    with right:
        st.number_input(
            t("adminpage.end_year"), MIN_YEAR, MAX_YEAR, step=1, key=f"{prefix}_end_year"
        )
        slots.add("end_year")
    st.text_input(t("adminpage.owner"), key=f"{prefix}_owner")
    slots.add("owner")
    st.text_area(t("adminpage.description"), key=f"{prefix}_description")
    slots.add("description")
    slots.add(None)
    label = t("adminpage.save") if plan_id else t("adminpage.create_plan")
    submitted, typed = save_form_button(label, prefix, start)
    if not submitted:
        return
    name = value(prefix, "name")
    ok, saved_id = run_write(
        lambda session, user: save_plan(
            session,
            user=user,
            plan_id=plan_id,
            name=name,
            start_year=int(value(prefix, "start_year")),
            end_year=int(value(prefix, "end_year")),
            owner=value(prefix, "owner"),
            description=value(prefix, "description"),
        ),
        slots=slots,
        saved=noting_save(prefix, typed, new=None if plan_id else "admin_plan_new"),
    )
    if ok:
        forget(prefix, FIELDS)
        if plan_id is None:
            st.session_state[NEW_PLAN_KEY] = saved_id
        done(t_md("adminpage.saved", name=name.strip()))
