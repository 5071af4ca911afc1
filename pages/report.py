"""Rapporter status: an actor's own measures for a quarter, a form per measure,
and a quick mode to confirm several unchanged measures at once."""

from __future__ import annotations

import streamlit as st

from tracker.quarters import Quarter
from tracker.vocab import Role
from ui import data, report_form, widgets
from ui.state import require_user, t

user = require_user()
plan_id = widgets.plan_picker()
st.title(t("page.report"))
if plan_id is None:
    st.info(t("empty.no_plan"))
    st.stop()
widgets.example_banner()

if message := st.session_state.pop("report_saved", None):
    st.success(message)
for problem in st.session_state.pop("report_problems", []):
    st.error(problem)

closed = set(data.closed_quarters(plan_id))
quarters = [q for q in widgets.selectable_quarters(plan_id) if str(q) not in closed]
if not quarters:
    st.info(t("report.none"))
    st.stop()
quarter = Quarter.parse(
    st.selectbox(
        t("filter.quarter"),
        [str(q) for q in quarters],
        format_func=widgets.quarter_label,
        key="report_quarter",
    )
)
if closed:
    st.caption(", ".join(t("report.quarter_closed", quarter=q) for q in sorted(closed)))

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
overview = widgets.measure_table(measures)
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
