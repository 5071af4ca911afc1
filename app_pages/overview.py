"""Oversikt: key figures for the chosen quarter, progress and status per theme
and lead actor, the trend over quarters and a theme × quarter RAG grid. Clicking
a bar narrows a measure list right below that chart."""

from __future__ import annotations

import streamlit as st

from tracker import charts, progress
from ui import bar_list, data, figures, widgets
from ui.state import lang, require_user, t, tn

require_user()
plan_id = widgets.page_start("page.overview")

quarter = widgets.quarter_picker(plan_id, container=st.sidebar)
where = widgets.measure_filters(plan_id, key="overview", only_groups=True)
with_partners = False
if where.actor_id is not None:
    with_partners = st.toggle(t("overview.with_partner_measures"), key="overview_with_partners")
    st.caption(t("overview.actor_scope_partners" if with_partners else "overview.actor_scope_lead"))
quarters = tuple(widgets.selectable_quarters(plan_id)[::-1])
narrowing = {
    "theme_id": where.theme_id,
    "actor_id": where.actor_id,
    "with_partner_measures": with_partners,
}
# A closed quarter shows its final report's figures (stored when it was closed).
final = data.final_overview(plan_id=plan_id, quarter=quarter, quarters=quarters, **narrowing)
view = final or data.overview(
    plan_id=plan_id, as_of=widgets.as_of(quarter), quarters=quarters, **narrowing
)
if final is not None:
    st.caption(t("overview.from_final"))
if view.measures.empty:
    st.info(t("empty.no_plan") if where == type(where)() else t("measures.none_match"))
    st.stop()
scope = (plan_id, str(quarter), where.theme_id, where.actor_id, with_partners)

totals = view.totals
widgets.key_figures(totals)
in_figures = progress.in_figures(view.measures)
if not_begun := len(view.measures) - len(in_figures):
    st.caption(tn("kpi.not_begun", not_begun))
overdue = in_figures[in_figures["overdue"].astype(bool)]
if not overdue.empty:
    with st.expander(f"⚠ {t('kpi.overdue_list')} ({len(overdue)})"):
        widgets.show_measure_table(overdue, key="overview_overdue")

left, right = st.columns(2)
with left:
    st.subheader(t("overview.progress_by_theme"))
    theme_id = bar_list.clickable_chart(
        "overview_theme_progress",
        lambda key: figures.chart(
            charts.progress_bars,
            view.themes,
            "label",
            "theme_id",
            lang(),
            key=key,
            scope=scope,
            clickable=True,
        ),
        bars=len(view.themes),
    )
with right:
    st.subheader(t("overview.status_by_theme"))
    figures.chart(
        charts.status_mix,
        view.themes,
        "label",
        "theme_id",
        lang(),
        key="overview_theme_status",
        scope=scope,
    )
themes = dict(zip(view.themes["theme_id"], view.themes["name"], strict=True))
bar_list.narrowed_list(
    view.measures,
    column="theme_id",
    group_id=theme_id,
    name=themes.get(theme_id, ""),
    what="tables.narrowed_theme",
    key="overview_theme_progress",
)
st.subheader(t("overview.progress_by_actor"))
if view.actors_leading > len(view.actors):
    st.caption(t("overview.actors_limited", shown=len(view.actors), total=view.actors_leading))
actor_id = bar_list.clickable_chart(
    "overview_actor_progress",
    lambda key: figures.chart(
        charts.progress_bars,
        view.actors,
        "name",
        "actor_id",
        lang(),
        key=key,
        scope=scope,
        clickable=True,
    ),
    bars=len(view.actors),
)
actors = dict(zip(view.actors["actor_id"], view.actors["name"], strict=True))
bar_list.narrowed_list(
    view.measures,
    column="lead_actor_id",
    group_id=actor_id,
    name=actors.get(actor_id, ""),
    what="tables.narrowed_actor",
    key="overview_actor_progress",
)

left, right = st.columns(2)
with left:
    st.subheader(t("overview.trend_progress"))
    figures.chart(charts.trend_progress, view.trend, lang(), key="overview_trend", scope=scope)
with right:
    st.subheader(t("overview.trend_status"))
    figures.chart(charts.trend_status, view.trend, lang(), key="overview_trend_mix", scope=scope)
st.subheader(t("overview.rag_grid"))
grid = view.grid.assign(
    text=[
        t("overview.rag_counts", green=g, yellow=y, red=r)
        for g, y, r in zip(view.grid["green"], view.grid["yellow"], view.grid["red"], strict=True)
    ]
)
figures.chart(charts.rag_grid, grid, lang(), key="overview_rag_grid", scope=scope)

# The indicators as reported by the quarter's end (as in its summary); now while it runs.
reported_by = widgets.as_of(quarter)
indicator_table, indicator_values = data.indicators(
    plan_id, None if reported_by is None else reported_by.end()
)
if not indicator_table.empty:
    st.subheader(t("page.indicators"))
    figures.chart(
        charts.indicator_grid,
        indicator_table,
        indicator_values,
        lang(),
        key="overview_indicators",
        scope=(plan_id, str(quarter)),
    )

st.subheader(t("overview.measures"))
widgets.show_measure_table(view.measures, key="overview_measures")
