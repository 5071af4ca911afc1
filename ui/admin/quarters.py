"""Admin tab Kvartaler: the plan's finished quarters, each closed or open for
reporting, with a button to close or reopen it (the service audits both)."""

from __future__ import annotations

import streamlit as st

from tracker.quarters import Quarter
from tracker.service.quarter_closing import close_quarter, reopen_quarter
from ui import data, widgets
from ui.forms import done, run_write
from ui.state import t


def render(plan_id: int | None) -> None:
    if plan_id is None:
        st.info(t("adminpage.plan_first"))
        return
    quarters = list(reversed(data.plan_quarters_so_far(plan_id)))
    if not quarters:
        st.info(t("adminpage.no_finished_quarters"))
        return
    closed = set(data.closed_quarters(plan_id))
    st.caption(t("adminpage.quarters_help"))
    with st.container(border=True):
        for quarter in quarters:
            row(plan_id, quarter, str(quarter) in closed)


def row(plan_id: int, quarter: Quarter, is_closed: bool) -> None:
    name, state, action = st.columns([3, 2, 2], vertical_alignment="center")
    label = widgets.quarter_label(str(quarter))
    name.markdown(f"**{label}**")
    if is_closed:
        state.markdown(f":material/lock: {t('adminpage.closed')}")
        clicked = action.button(
            t("adminpage.reopen"), key=f"admin_q_{quarter}_reopen", icon=":material/lock_open:"
        )
        write, message = reopen_quarter, t("adminpage.reopened", quarter=label)
    else:
        state.markdown(f":material/edit_note: {t('adminpage.open')}")
        clicked = action.button(
            t("adminpage.close"), key=f"admin_q_{quarter}_close", icon=":material/lock:"
        )
        write, message = close_quarter, t("adminpage.closed_now", quarter=label)
    if clicked:
        ok, _ = run_write(
            lambda session, user: write(session, user=user, plan_id=plan_id, period=quarter)
        )
        if ok:
            done(message)
