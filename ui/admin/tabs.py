"""Which Admin tab is open: its session-state keys, and opening one from elsewhere
(the first-plan offer opens Import)."""

from __future__ import annotations

import streamlit as st

from ui.state import t

NEW_PLAN_KEY = "admin_plan__show"
"""A plan id to show in the plan picker on the next run (after creating a plan)."""
TAB_KEY = "admin_tab"
OPEN_KEY = "admin_tab_open"
"""The Admin page's tabs (their label) and the open tab's code."""


def open_admin_tab(code: str) -> None:
    """Open the Admin tab `code` (e.g. "import") on the Admin page's next run."""
    st.session_state[OPEN_KEY] = code
    st.session_state[TAB_KEY] = t(f"adminpage.tab.{code}")
