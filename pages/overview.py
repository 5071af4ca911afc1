"""Oversikt: key figures for the chosen quarter, progress and status per theme
and lead actor, the trend over quarters and a theme × quarter RAG grid. Clicking
a bar narrows the measure list below the charts."""

from __future__ import annotations

import streamlit as st

from tracker import charts, service
from ui import data, widgets
from ui.state import lang, require_user, t

require_user()
plan_id = widgets.plan_picker()
st.title(t("page.overview"))
if plan_id is None:
    st.info(t("empty.no_plan"))
    st.stop()
st.caption(widgets.plan_name(plan_id))
widgets.example_banner()

quarter = widgets.quarter_picker(plan_id, container=st.sidebar)
metrics = data.measure_status(plan_id=plan_id, as_of=widgets.as_of(quarter))
if metrics.empty:
    st.info(t("empty.no_plan"))
    st.stop()
where = widgets.measure_filters(plan_id, key="overview", only_groups=True)
narrowed = service.filter_measures(
    metrics, service.MeasureFilter(theme_id=where.theme_id, actor_id=where.actor_id)
)

figures = service.figures_of(narrowed)
cells = st.columns(5, border=True)
cells[0].metric(t("kpi.measures"), widgets.number(figures["measures"]))
cells[1].metric(
    t("kpi.completed"),
    widgets.percent(
        100 * figures["completed"] / figures["measures"] if figures["measures"] else None
    ),
    t("kpi.completed_count", count=int(figures["completed"])),
    delta_color="off",
    delta_arrow="off",
)
cells[2].metric(
    t("kpi.progress"),
    widgets.percent(figures["progress"]),
    t("kpi.coverage", reported=int(figures["reported"]), counted=int(figures["counted"])),
    delta_color="off",
    delta_arrow="off",
    help=t("kpi.progress_help"),
)
cells[3].metric(t("kpi.behind"), widgets.number(figures["behind"]), help=t("kpi.behind_help"))
cells[4].metric(t("kpi.red"), widgets.number(figures["red"]))

themes = service.themes_of(narrowed, data.themes(plan_id))
themes["label"] = [
    widgets.short_theme(c, n) for c, n in zip(themes["code"], themes["name"], strict=True)
]
actors = service.actors_of(narrowed, data.actors())
actors = actors[actors["measures"] > 0]

left, right = st.columns(2)
with left:
    st.subheader(t("overview.progress_by_theme"))
    theme_click = st.plotly_chart(
        charts.progress_bars(themes, "label", "theme_id", lang()),
        key="overview_theme_progress",
        on_select="rerun",
        selection_mode="points",
    )
with right:
    st.subheader(t("overview.status_by_theme"))
    st.plotly_chart(
        charts.status_mix(themes, "label", "theme_id", lang()), key="overview_theme_status"
    )
st.subheader(t("overview.progress_by_actor"))
actor_click = st.plotly_chart(
    charts.progress_bars(actors, "name", "actor_id", lang()),
    key="overview_actor_progress",
    on_select="rerun",
    selection_mode="points",
)

quarters = tuple(widgets.selectable_quarters(plan_id)[::-1])
quarterly = service.filter_measures(
    data.quarterly_metrics(plan_id=plan_id, quarters=quarters),
    service.MeasureFilter(theme_id=where.theme_id, actor_id=where.actor_id),
)
trend = service.trend_of(quarterly)
left, right = st.columns(2)
with left:
    st.subheader(t("overview.trend_progress"))
    st.plotly_chart(charts.trend_progress(trend, lang()), key="overview_trend_progress")
with right:
    st.subheader(t("overview.trend_status"))
    st.plotly_chart(charts.trend_status(trend, lang()), key="overview_trend_status")
st.subheader(t("overview.rag_grid"))
grid = service.rag_grid_of(quarterly, data.themes(plan_id), list(quarters))
grid["theme_label"] = [
    widgets.short_theme(c, n) for c, n in zip(grid["theme_code"], grid["theme_name"], strict=True)
]
grid["text"] = [
    t("overview.rag_counts", green=g, yellow=y, red=r)
    for g, y, r in zip(grid["green"], grid["yellow"], grid["red"], strict=True)
]
st.plotly_chart(charts.rag_grid(grid, lang()), key="overview_rag_grid")

st.subheader(t("overview.measures"))
picked = widgets.clicked_id(theme_click), widgets.clicked_id(actor_click)
listed = narrowed
if picked[0] is not None:
    listed = listed[listed["theme_id"] == picked[0]]
if picked[1] is not None:
    listed = listed[listed["lead_actor_id"] == picked[1]]
if any(p is not None for p in picked):
    st.caption(t("overview.narrowed"))
widgets.show_measure_table(listed, key="overview_measures")
