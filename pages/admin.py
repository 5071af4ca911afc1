"""Admin: keep the plan (themes, goals, measures), the actors and the users, import
and export the plan, close quarters, read the audit log. Only the open tab runs."""

from __future__ import annotations

import streamlit as st

from tracker.vocab import Role
from ui import (
    admin_actors,
    admin_audit,
    admin_common,
    admin_import,
    admin_measures,
    admin_plan,
    admin_quarters,
    admin_users,
    widgets,
)
from ui.state import require_user, t

TAB_KEY = "admin_tab"
OPEN_KEY = "admin_tab_open"
TABS = {
    "plan": admin_plan.render,
    "measures": admin_measures.render,
    "actors": admin_actors.render,
    "users": admin_users.render,
    "import": admin_import.render,
    "quarters": admin_quarters.render,
    "audit": admin_audit.render,
}


def remember_tab() -> None:
    """Keep which tab is open by its code, so a language switch keeps it open."""
    labels = {t(f"adminpage.tab.{code}"): code for code in TABS}
    st.session_state[OPEN_KEY] = labels.get(st.session_state.get(TAB_KEY), "plan")


user = require_user()
if user.role != Role.ADMIN:
    st.error(t("perm.admin_only"))
    st.stop()
if (chosen := st.session_state.pop(admin_common.NEW_PLAN_KEY, None)) is not None:
    st.session_state[widgets.PLAN_KEY] = chosen
plan_id = widgets.plan_picker()
st.title(t("page.admin"))
admin_common.show_flash()

open_code = st.session_state.get(OPEN_KEY, "plan")
tabs = st.tabs(
    [t(f"adminpage.tab.{code}") for code in TABS],
    default=t(f"adminpage.tab.{open_code}"),
    key=TAB_KEY,
    on_change=remember_tab,
)
for tab, render in zip(tabs, TABS.values(), strict=True):
    if tab.open:
        with tab:
            render(plan_id)
