"""Rapporter status: for a quarter, the measures the user's actor leads (a status
form per measure, and a quick mode to confirm several unchanged at once), and apart
the measures it is a partner in (a contribution form). A past quarter reads as it
stood at its end; a closed quarter is read-only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.progress import missing_in, running_in
from tracker.quarters import Quarter
from tracker.vocab import Role
from ui import contribution_form, data, report_form, widgets
from ui.state import require_role, t
from ui.text import MISSING, t_md

user = require_role(Role.ADMIN, Role.ACTOR)
report_form.keep_drafts()
plan_id = widgets.page_start("page.report")

# Closed quarters stay in the list (marked), so a quarter closed while a form is
# open is refused by the service with its message, not silently swapped for another.
closed = set(data.closed_quarters(plan_id))
options = [str(q) for q in widgets.selectable_quarters(plan_id)]
if not options:
    st.info(t("report.none"))
    st.stop()
open_options = [q for q in options if q not in closed]
widgets.quarter_from_link("report_quarter", options)
if st.session_state.get("report_quarter") not in options:
    st.session_state["report_quarter"] = open_options[0] if open_options else options[0]
quarter = Quarter.parse(
    st.selectbox(
        t("filter.quarter"),
        options,
        format_func=lambda q: (
            widgets.quarter_label(q) + (f" – {t('report.closed_mark')}" if q in closed else "")
        ),
        key="report_quarter",
        placeholder=t("choice.pick"),
    )
)
is_closed = str(quarter) in closed
label = widgets.quarter_label(str(quarter))
as_of = widgets.as_of(quarter)  # a past quarter as it stood at its end
if is_closed:
    st.warning(t("report.quarter_closed", quarter=label))
elif as_of is not None:
    st.info(t("report.as_of_past", quarter=label))

measures = running_in(data.measure_status(plan_id=plan_id, as_of=as_of), quarter)
# The tables show the quarter as it stood at its end; an open quarter's forms start
# from what is stored now (a late report included), a closed one shows it as it was.
as_stored = as_of is None or is_closed
live = measures if as_stored else data.measure_status(plan_id=plan_id, as_of=None)
allowed = data.reportable_measure_ids(user)
led = measures if allowed is None else measures[measures["id"].isin(allowed)]
partnered = measures[measures["id"].isin(data.contributable_measure_ids(user))]
if user.role == Role.ADMIN:
    st.caption(t("report.intro_admin", quarter=label))
else:
    actors = data.actors()
    name = actors.loc[actors["id"] == user.actor_id, "name"]
    actor = name.iloc[0] if not name.empty else user.display_name
    st.caption(t_md("report.intro", actor=actor, quarter=label))
contributions = data.contributions(plan_id=plan_id, period=quarter)


NOT_DUE = t("report.not_due")  # completed in an earlier quarter, or cancelled


def overview(frame: pd.DataFrame, key: str) -> None:
    """The measures we lead: reported for the quarter or missing."""
    missing = frame.index.isin(missing_in(frame, quarter).index)
    reported = frame["period"] == str(quarter)
    table = widgets.measure_table(frame, compact=True)
    marks = [
        "✓ " + t("report.reported")
        if r
        else "○ " + t("report.missing")
        if m
        else "– " + t("report.not_due")
        for r, m in zip(reported, missing, strict=True)
    ]
    table.insert(0, t("report.this_quarter"), marks)
    compact_table(table, key)


def compact_table(table: pd.DataFrame, key: str) -> None:
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key=key,
        column_config=widgets.measure_column_config(compact=True),
        placeholder=MISSING,
    )


def partner_overview(frame: pd.DataFrame, key: str) -> None:
    """The measures we are a partner in: their status (the lead's), and whether we
    have given a contribution this quarter (nothing is missing if we have not)."""
    ours = contributions[contributions["actor_id"] == user.actor_id]["measure_id"]
    given = frame["id"].isin(set(ours))
    table = widgets.measure_table(frame, compact=True)
    table.insert(
        0,
        t("report.our_contribution"),
        ["✓ " + t("report.contribution_given") if g else "–" for g in given],
    )
    compact_table(table, key)


def pick(frame: pd.DataFrame, label_key: str, key: str) -> pd.Series:
    """The chosen measure (one of frame's), as its form starts from (see `live`)."""
    labels = dict(zip(frame["id"], frame["code"] + " " + frame["title"], strict=True))
    if st.session_state.get(key) not in labels:
        st.session_state.pop(key, None)  # never another actor's measure, nor a stale one
    chosen = st.selectbox(
        t(label_key),
        list(labels),
        format_func=labels.__getitem__,
        key=key,
        placeholder=t("choice.pick"),
    )
    return live[live["id"] == chosen].iloc[0]


def of_measure(measure: pd.Series) -> pd.DataFrame:
    return contributions[contributions["measure_id"] == int(measure["id"])]


st.subheader(t("report.we_lead") if user.role == Role.ACTOR else t("report.all_measures"))
if led.empty:
    st.info(t("report.we_lead_none") if user.role == Role.ACTOR else t("report.none"))
else:
    overview(led, "report_overview")
    measure = pick(led, "report.pick", "report_measure")
    if measure["status"] is None:
        st.caption(t("report.first"))
    else:
        st.caption(
            t_md(
                "report.last",
                status=widgets.status_text(measure["status"]),
                progress=widgets.percent(measure["progress"]),
                rag=widgets.rag_text(measure["rag"]),
                period=widgets.period_text(measure["period"]),
                who=measure["reported_by_actor"]
                if isinstance(measure["reported_by_actor"], str)
                else "–",
            )
        )
    if is_closed:
        report_form.show_contributions(of_measure(measure), quarter)
        report_form.show_stored(measure, quarter)
    else:
        report_form.report_form(measure, quarter, of_measure(measure))
        st.divider()
        st.subheader(t("report.quick"))
        st.caption(t("report.quick_help"))
        report_form.confirm_unchanged(led, quarter)

if user.role == Role.ACTOR:
    st.divider()
    st.subheader(t("report.we_partner"))
    if partnered.empty:
        st.info(t("report.we_partner_none"))
    else:
        st.caption(t("report.partner_help"))
        partner_overview(partnered, "report_partner_overview")
        measure = pick(partnered, "report.pick_partner", "report_partner_measure")
        if is_closed:
            report_form.show_contributions(of_measure(measure), quarter)
        else:
            contribution_form.contribution_form(measure, quarter, of_measure(measure))
