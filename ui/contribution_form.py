"""The contribution form of the Rapporter page: a partner tells what it did on a
measure in a quarter (text and an optional link). After a save the form shows
the saved contribution and starts empty for the next one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import db
from tracker.quarters import Quarter
from tracker.service.contributions import ContributionInput, add_contribution
from tracker.service.principal import Principal
from ui import forms, save_guard
from ui.report_form import show_contributions
from ui.state import t
from ui.text import t_md


def key(measure_id: int, quarter: Quarter, field: str) -> str:
    """A field's key: the measure, the quarter and how many were saved, so a saved
    contribution's text never stays in the form for the next one."""
    round_ = st.session_state.get(f"contribution_{measure_id}_{quarter}_round", 0)
    return f"contribution_{measure_id}_{quarter}_{round_}_{field}"


def contribution_form(measure: pd.Series, quarter: Quarter, contributions: pd.DataFrame) -> None:
    measure_id = int(measure["id"])
    show_contributions(contributions, quarter)
    # No max_chars (it cuts a paste without a word): the service checks the lengths
    # on save and says so, and the text stays in the field.
    text = st.text_area(t("report.contribution_text"), key=key(measure_id, quarter, "text"))
    link = st.text_input(
        t("report.contribution_link"),
        key=key(measure_id, quarter, "link"),
        placeholder=t("report.contribution_link_placeholder"),
    )
    values = {"text": text.strip(), "link": link.strip()}
    save_key = key(measure_id, quarter, "save")
    empty = {"text": "", "link": ""}  # nothing typed: nothing to save
    if save_guard.save_button(
        t("report.contribution_save"), key=save_key, values=values, empty=empty
    ):
        _save(measure, quarter, values)


def _save(measure: pd.Series, quarter: Quarter, values: dict[str, str]) -> None:
    measure_id = int(measure["id"])

    def write(session: db.Session, user: Principal) -> None:
        contribution = ContributionInput(str(quarter), values["text"], values["link"])
        add_contribution(session, user=user, measure_id=measure_id, contribution=contribution)

    ok, _ = forms.run_write(write)
    if ok:
        round_key = f"contribution_{measure_id}_{quarter}_round"
        st.session_state[round_key] = st.session_state.get(round_key, 0) + 1
        forms.done(t_md("report.contribution_saved", code=measure["code"]), "success")
