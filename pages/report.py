"""Rapporter status: an actor's own measures for a quarter, a form per measure,
and a quick mode to confirm several unchanged measures at once."""

from __future__ import annotations

import streamlit as st

from tracker.quarters import Quarter
from tracker.vocab import Role
from ui import data, report_form, widgets
from ui.state import require_role, t

user = require_role(Role.ADMIN, Role.ACTOR)
report_form.keep_drafts()
plan_id = widgets.page_start("page.report")

if message := st.session_state.pop("report_saved", None):
    st.success(message)
for problem in st.session_state.pop("report_problems", []):
    st.error(problem)

# Closed quarters stay in the list (marked), so a quarter closed while a form is
# open is refused by the service with its message, not silently swapped for another.
closed = set(data.closed_quarters(plan_id))
options = [str(q) for q in widgets.selectable_quarters(plan_id)]
if not options:
    st.info(t("report.none"))
    st.stop()
open_options = [q for q in options if q not in closed]
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
    )
)
if str(quarter) in closed:
    st.warning(t("report.quarter_closed", quarter=widgets.quarter_label(str(quarter))))

measures = data.measure_status(plan_id=plan_id, as_of=None)
allowed = data.reportable_measure_ids(user)
if allowed is not None:
    measures = measures[measures["id"].isin(allowed)]
in_span = (measures["start_period"] <= str(quarter)) & (measures["end_period"] >= str(quarter))
measures = measures[in_span]
if user.role == Role.ADMIN:
    st.caption(t("report.intro_admin", quarter=widgets.quarter_label(str(quarter))))
else:
    actors = data.actors()
    name = actors.loc[actors["id"] == user.actor_id, "name"]
    actor = name.iloc[0] if not name.empty else user.display_name
    st.caption(t("report.intro", actor=actor, quarter=widgets.quarter_label(str(quarter))))
if measures.empty:
    st.info(t("report.none"))
    st.stop()

reported = measures["period"] == str(quarter)
overview = widgets.measure_table(measures, compact=True)
overview.insert(
    0,
    t("report.this_quarter"),
    ["✓ " + t("report.reported") if r else "○ " + t("report.missing") for r in reported],
)
st.dataframe(overview, hide_index=True, width="stretch", key="report_overview")

labels = dict(zip(measures["id"], measures["code"] + " " + measures["title"], strict=True))
measure_id = st.selectbox(
    t("report.pick"), list(labels), format_func=labels.get, key="report_measure"
)
measure = measures[measures["id"] == measure_id].iloc[0]
if measure["status"] is None:
    st.caption(t("report.first"))
else:
    st.caption(
        t(
            "report.last",
            status=widgets.status_text(measure["status"]),
            progress=widgets.percent(measure["progress"]),
            rag=widgets.rag_text(measure["rag"]),
            period=measure["period"],
            who=measure["reported_by_actor"]
            if isinstance(measure["reported_by_actor"], str)
            else "–",
        )
    )
report_form.report_form(measure, quarter)

st.divider()
st.subheader(t("report.quick"))
st.caption(t("report.quick_help"))
report_form.confirm_unchanged(measures, quarter)
