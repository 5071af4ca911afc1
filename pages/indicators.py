"""Indikatorer: the plan's key figures against the straight path to their targets,
with a form for the responsible actor's users (and the admin) to report a value."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.service import indicators as kpi
from tracker.vocab import Direction, Role
from ui import data, figures, widgets
from ui.admin_common import done, run_write
from ui.state import lang, require_user, t

user = require_user()
plan_id = widgets.page_start("page.indicators")
st.write(t("indicators.intro"))
table, values = data.indicators(plan_id)


def new_indicator_form() -> None:
    """The admin adds an indicator: name, unit, baseline, target, direction, who."""
    actors = data.actors()
    names = dict(zip(actors["id"], actors["name"], strict=True))
    with st.expander(t("indicators.add"), expanded=table.empty):
        with st.form("indicators_new"):
            left, right = st.columns(2)
            name = left.text_input(t("indicators.col.name"), key="indicators_new_name")
            unit = right.text_input(t("indicators.unit"), key="indicators_new_unit")
            base_year = left.number_input(
                t("indicators.baseline_year"), 1900, 2200, value=2023, key="indicators_new_by"
            )
            base_value = right.number_input(
                t("indicators.baseline_value"), value=0.0, key="indicators_new_bv"
            )
            target_year = left.number_input(
                t("indicators.target_year"), 1900, 2200, value=2028, key="indicators_new_ty"
            )
            target_value = right.number_input(
                t("indicators.target_value"), value=0.0, key="indicators_new_tv"
            )
            direction = left.radio(
                t("indicators.direction"), [d.value for d in Direction], horizontal=True,
                format_func=lambda d: i18n.label(Direction(d), lang()),
                key="indicators_new_direction",
            )  # fmt: skip
            actor = right.selectbox(
                t("col.actor"), [None, *sorted(names, key=names.get)], key="indicators_new_actor",
                format_func=lambda a: "–" if a is None else names[a],
            )  # fmt: skip
            source = st.text_input(t("indicators.col.source"), key="indicators_new_source")
            added = st.form_submit_button(t("indicators.add_save"), key="indicators_new_save")
        if added:
            values = kpi.IndicatorInput(
                name=name, unit=unit, baseline_year=int(base_year), baseline_value=base_value,
                target_year=int(target_year), target_value=target_value, direction=direction,
                actor_id=actor, source=source,
            )  # fmt: skip
            ok, _ = run_write(lambda session, who: kpi.save_indicator(
                session, user=who, plan_id=plan_id, values=values))  # fmt: skip
            if ok:
                done(t("indicators.added", name=name.strip()))


if user.role == Role.ADMIN:
    new_indicator_form()
if table.empty:
    st.info(t("indicators.none"))
    st.stop()

figures.chart("indicator_grid", table, values, lang(), key="indicators_chart", scope=(plan_id,))


def shown(value: object) -> str:
    return i18n.format_value(None if pd.isna(value) else float(value), lang())  # type: ignore[arg-type]


def state(row: pd.Series) -> str:
    if pd.isna(row["on_track"]):
        return t("indicators.no_value")
    return t("indicators.on_track" if row["on_track"] else "indicators.off_track")


st.dataframe(
    pd.DataFrame({
        t("indicators.col.name"): table["name"] + [
            f" ({t('indicators.example')})" if e else "" for e in table["is_example"]
        ],
        t("indicators.col.baseline"): [
            f"{shown(v)} ({y})" for v, y in zip(table["baseline_value"],
                                                         table["baseline_year"], strict=True)
        ],
        t("indicators.col.target"): [
            f"{shown(v)} ({y})" for v, y in zip(table["target_value"],
                                                         table["target_year"], strict=True)
        ],
        t("indicators.col.latest"): [
            "–" if pd.isna(v) else f"{shown(v)} ({p})"
            for v, p in zip(table["value"], table["period"], strict=True)
        ],
        t("indicators.col.expected"): [shown(v) for v in table["expected"]],
        t("indicators.col.state"): [state(row) for _, row in table.iterrows()],
        t("col.actor"): table["actor"].fillna("–"),
        t("indicators.col.source"): table["source"],
    }),
    hide_index=True, width="stretch", key="indicators_table",
)  # fmt: skip

mine = table if user.role == Role.ADMIN else table[table["actor_id"] == user.actor_id]
if user.role not in (Role.ADMIN, Role.ACTOR) or mine.empty:
    st.stop()
st.subheader(t("indicators.report"))
names = dict(zip(mine["id"], mine["name"], strict=True))
with st.form("indicators_report"):
    chosen = st.selectbox(t("indicators.pick"), list(names), format_func=names.get,
                          key="indicators_pick")  # fmt: skip
    period = st.text_input(t("indicators.period"), key="indicators_period")
    value = st.number_input(t("indicators.value"), value=None, key="indicators_value")
    comment = st.text_input(t("col.comment"), key="indicators_comment")
    submitted = st.form_submit_button(t("indicators.save"), type="primary",
                                      key="indicators_save")  # fmt: skip
if submitted:
    ok, _ = run_write(lambda session, who: kpi.report_value(
        session, user=who, indicator_id=int(chosen), period=period,
        value=float("nan") if value is None else value, comment=comment,
    ))  # fmt: skip
    if ok:
        done(t("indicators.saved", period=period.strip().upper()))
