"""Admin: keep the plan (themes, goals, measures), the actors and the users, import
and export the plan, close quarters, read the audit log. Only the open tab runs."""

from __future__ import annotations

import streamlit as st

from tracker.vocab import Role
from ui import first_plan, widgets
from ui.admin import actors, audit, import_tab, measures, plan, quarters, reminders, users
from ui.admin.tabs import NEW_PLAN_KEY, OPEN_KEY, TAB_KEY
from ui.state import require_role, t

TABS = {
    "plan": plan.render,
    "measures": measures.render,
    "actors": actors.render,
    "users": users.render,
    "import": import_tab.render,
    "quarters": quarters.render,
    "reminders": reminders.render,
    "audit": audit.render,
}


user = require_role(Role.ADMIN, message_key="perm.admin_only")
if (chosen := st.session_state.pop(NEW_PLAN_KEY, None)) is not None:
    st.session_state[widgets.PLAN_KEY] = chosen
plan_id = widgets.plan_picker()
st.title(t("page.admin"))

# The open tab is remembered by its code too, so that it stays open when the
# language (and with it the tab's label) changes.
labels = {t(f"adminpage.tab.{code}"): code for code in TABS}
if (open_label := st.session_state.get(TAB_KEY)) in labels:
    st.session_state[OPEN_KEY] = labels[open_label]
elif OPEN_KEY in st.session_state:
    st.session_state[TAB_KEY] = t(f"adminpage.tab.{st.session_state[OPEN_KEY]}")
if plan_id is None and st.session_state.get(OPEN_KEY) != "import":
    first_plan.offer(on_admin_page=True)  # a fresh install: import the plan, or the demo
tabs = st.tabs(list(labels), key=TAB_KEY, on_change="rerun")
for tab, render in zip(tabs, TABS.values(), strict=True):
    if tab.open:
        with tab:
            render(plan_id)
