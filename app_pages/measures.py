"""Tiltak: a filterable, searchable list of measures and one measure in detail."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from tracker import charts, i18n
from tracker.links import MEASURE_PARAM
from tracker.quarters import Quarter, span_text
from tracker.service.measures import filter_measures
from tracker.vocab import OverlapVerdict, TargetGroup, WorkKind
from ui import data, figures, widgets
from ui.state import lang, require_user, t, tn
from ui.text import MISSING, plain, t_md

user = require_user()
plan_id = widgets.page_start("page.measures")

quarter = widgets.quarter_picker(plan_id, container=st.sidebar)
measures = data.measure_status(plan_id=plan_id, as_of=widgets.as_of(quarter))
if measures.empty:
    st.info(t("empty.no_plan"))
    st.stop()
where = replace(
    widgets.measure_filters(plan_id, key="measures"), **widgets.list_filters("measures")
)
shown = filter_measures(measures, where)
st.caption(tn("measures.count", len(measures), shown=len(shown)))
widgets.show_measure_table(shown, key="measures_table")

st.divider()
if shown.empty:
    st.info(t("measures.none_match"))
    st.stop()
labels = dict(zip(shown["id"], shown["code"] + " " + shown["title"], strict=True))
asked = widgets.from_link(MEASURE_PARAM)
linked = shown.loc[shown["code"] == asked, "id"]
if not linked.empty:
    st.session_state["measure_detail"] = linked.iloc[0]
measure_id = st.selectbox(
    t("measures.pick"),
    list(labels),
    format_func=labels.get,
    key="measure_detail",
    placeholder=t("choice.pick"),
)
measure = shown[shown["id"] == measure_id].iloc[0]

st.subheader(plain(f"{measure['code']} {measure['title']}"))
if measure["description"]:
    st.markdown(plain(measure["description"]))
left, middle, right = st.columns(3)
left.metric(t("col.progress"), widgets.percent(measure["effective"]))
middle.metric(t("col.expected"), widgets.percent(measure["expected"]))
right.metric(
    t("col.status"),
    widgets.status_text(measure["status"]),
    widgets.rag_text(measure["rag"]),
    delta_color="off",
    delta_arrow="off",
)
facts = {
    t("col.theme"): measure["theme_name"],
    t("col.lead"): measure["lead_name"],
    t("col.partners"): measure["partners"] or "–",
    t("col.span"): span_text(measure["start_period"], measure["end_period"]),
    t("col.weight"): widgets.number(measure["weight"], 1),
    t("col.budget"): measure["budget"] or "–",
    t("col.funding"): measure["funding"] or "–",
    t("field.measure.target_groups"): widgets.code_list_text(TargetGroup, measure["target_groups"]),
    t("field.measure.work_kinds"): widgets.code_list_text(WorkKind, measure["work_kinds"]),
}
st.markdown("  \n".join(f"**{name}:** {plain(value)}" for name, value in facts.items()))

decisions = data.measure_decisions(user=user, measure_id=int(measure_id))
if not decisions.empty:
    st.subheader(t("measures.coordination"))
    for decision in decisions.itertuples():
        st.markdown(
            t_md(
                "measures.decision",
                verdict=i18n.label(OverlapVerdict(decision.verdict), lang()),
                code=decision.other_code,
                title=decision.other_title,
                lead=decision.other_lead_name,
            )
        )
        if decision.note:
            st.markdown(plain(decision.note))
        st.caption(
            t_md(
                "measures.decided_by",
                who=decision.decided_by,
                when=widgets.datetime_text(decision.decided_at),
            )
        )


def reporter(who: object, actor: object, by_partner: bool) -> str:
    """Who reported: the user · the actor, and a partner's old report marked."""
    text = " · ".join(str(v) for v in (who, actor) if isinstance(v, str) and v)
    return t("report.partner_report", actor=text) if by_partner else text


history = data.measure_history(int(measure_id))
official = history[~history["by_partner"].astype(bool)]  # a partner's old report: not status
st.subheader(t("measures.history"))
if history.empty:
    st.info(t("measures.no_history"))
else:
    figures.chart(
        charts.measure_timeline,
        official,
        Quarter.parse(measure["start_period"]),
        Quarter.parse(measure["end_period"]),
        lang(),
        key="measure_timeline",
        scope=(int(measure_id),),
    )
    timeline = history.iloc[::-1]
    st.dataframe(
        pd.DataFrame(
            {
                t("col.period"): timeline["period"],
                t("col.status"): [widgets.status_text(s) for s in timeline["status"]],
                t("col.progress"): [widgets.percent(p) for p in timeline["progress"]],
                t("col.rag"): [widgets.rag_text(r) for r in timeline["rag"]],
                t("col.comment"): timeline["comment"],
                t("col.next_steps"): timeline["next_steps"],
                t("col.reported_by"): [
                    reporter(who, actor, by_partner)
                    for who, actor, by_partner in zip(
                        timeline["reported_by"],
                        timeline["reported_by_actor"],
                        timeline["by_partner"],
                        strict=True,
                    )
                ],
                t("col.reported_at"): [widgets.datetime_text(v) for v in timeline["reported_at"]],
            }
        ),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )

contributions = data.contributions(plan_id=plan_id, measure_id=int(measure_id))
if not contributions.empty:
    st.subheader(t("measures.contributions"))
    latest_first = contributions.iloc[::-1]
    st.dataframe(
        pd.DataFrame(
            {
                t("col.period"): latest_first["period"],
                t("summary.col.partner"): latest_first["actor"],
                t("report.contribution_text"): latest_first["text"],
                t("summary.col.link"): latest_first["link"],
                t("col.reported_at"): [
                    widgets.datetime_text(v) for v in latest_first["created_at"]
                ],
            }
        ),
        hide_index=True,
        width="stretch",
        key="measure_contributions",
        placeholder=MISSING,
    )
