"""A fresh install's first step (no plan yet, after `init` only): import your plan,
beside the demo. What the admin sees first (Oversikt) and the Admin page offer it;
«Importer planen din» opens Admin → Import with the new plan's name and period.
The demo is not loaded here: its accounts have published passwords, so it lives in
a database of its own (tracker.demo.seed refuses one in real use); the offer says how."""

from __future__ import annotations

import streamlit as st

from ui.admin.tabs import open_admin_tab
from ui.state import t

ADMIN_PAGE = "app_pages/admin.py"
DEMO_SHOWN_KEY = "first_plan_demo_shown"


def offer(*, on_admin_page: bool) -> None:
    st.subheader(t("firstplan.heading"))
    st.write(t("firstplan.intro"))
    left, right = st.columns(2, border=True)
    with left:
        st.markdown(t("firstplan.import_text"))
        if (
            st.button(
                t("firstplan.import"),
                type="primary",
                icon=":material/upload:",
                key="first_plan_import",
                on_click=open_admin_tab,
                args=("import",),
            )
            and not on_admin_page
        ):
            st.switch_page(ADMIN_PAGE)
    with right:
        st.markdown(t("firstplan.demo_text"))
        if st.button(t("firstplan.demo"), icon=":material/science:", key="first_plan_demo"):
            st.session_state[DEMO_SHOWN_KEY] = True
        if st.session_state.get(DEMO_SHOWN_KEY):
            st.info(t("firstplan.demo_how"))
            st.code(t("firstplan.demo_commands"), language="bash")
