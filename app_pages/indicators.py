"""Indikatorer: the plan's key figures against the straight path to their targets,
with a form for the responsible actor's users (and the admin) to report a value."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import charts, i18n
from tracker.service import indicators as kpi
from tracker.vocab import Direction, Role
from ui import data, figures, save_guard, widgets
from ui.forms import defaults, done, run_write, value
from ui.state import lang, require_user, t
from ui.text import MISSING, t_md

user = require_user()
plan_id = widgets.page_start("page.indicators")
st.write(t("indicators.intro"))
table, values = data.indicators(plan_id)
NEW = "indicators_new"


def new_indicator_form() -> None:
    """The admin adds an indicator: name, unit, baseline, target, direction, who."""
    actors = data.actors()
    names = dict(zip(actors["id"], actors["name"], strict=True))
    empty = {
        "name": "",
        "unit": "",
        "by": 2023,
        "bv": 0.0,
        "ty": 2028,
        "tv": 0.0,
        "direction": next(iter(Direction)).value,
        "actor": None,
        "source": "",
    }
    with st.expander(t("indicators.add"), expanded=table.empty):
        if note := save_guard.saved_note(NEW):
            st.success(note, icon=":material/check_circle:")
        form = save_guard.fresh_key(NEW)  # a new key after each save: an empty form
        defaults(form, empty)
        left, right = st.columns(2)
        left.text_input(t("indicators.col.name"), key=f"{form}_name")
        right.text_input(t("indicators.unit"), key=f"{form}_unit")
        left.number_input(t("indicators.baseline_year"), 1900, 2200, key=f"{form}_by")
        right.number_input(t("indicators.baseline_value"), key=f"{form}_bv")
        left.number_input(t("indicators.target_year"), 1900, 2200, key=f"{form}_ty")
        right.number_input(t("indicators.target_value"), key=f"{form}_tv")
        left.radio(
            t("indicators.direction"),
            [d.value for d in Direction],
            horizontal=True,
            format_func=lambda d: i18n.label(Direction(d), lang()),
            key=f"{form}_direction",
        )
        right.selectbox(
            t("col.actor"),
            [None, *sorted(names, key=names.__getitem__)],
            key=f"{form}_actor",
            format_func=lambda a: "–" if a is None else names[a],
            placeholder="–",
        )
        st.text_input(t("indicators.col.source"), key=f"{form}_source")
        typed = {field: value(form, field) for field in empty}
        if save_guard.save_button(
            t("indicators.add_save"), key=f"{form}_save", values=typed, empty=empty
        ):
            values = kpi.IndicatorInput(
                name=typed["name"],
                unit=typed["unit"],
                baseline_year=int(typed["by"]),
                baseline_value=typed["bv"],
                target_year=int(typed["ty"]),
                target_value=typed["tv"],
                direction=typed["direction"],
                actor_id=typed["actor"],
                source=typed["source"],
            )
            added = t_md("indicators.added", name=typed["name"].strip())
            ok, _ = run_write(
                lambda session, who: kpi.save_indicator(
                    session, user=who, plan_id=plan_id, values=values
                ),
                saved=lambda _: save_guard.start_fresh(NEW, added),
            )
            if ok:
                done(added)


if user.role == Role.ADMIN:
    new_indicator_form()
if table.empty:
    st.info(t("indicators.none"))
    st.stop()

figures.chart(
    charts.indicator_grid, table, values, lang(), key="indicators_chart", scope=(plan_id,)
)


def shown(value: float | None) -> str:
    return i18n.format_value(None if pd.isna(value) else float(value), lang())


def state(row: pd.Series) -> str:
    if pd.isna(row["on_track"]):
        return t("indicators.no_value")
    return t("indicators.on_track" if row["on_track"] else "indicators.off_track")


st.dataframe(
    pd.DataFrame(
        {
            t("indicators.col.name"): table["name"]
            + [f" ({t('indicators.example')})" if e else "" for e in table["is_example"]],
            t("indicators.col.baseline"): [
                f"{shown(v)} ({y})"
                for v, y in zip(table["baseline_value"], table["baseline_year"], strict=True)
            ],
            t("indicators.col.target"): [
                f"{shown(v)} ({y})"
                for v, y in zip(table["target_value"], table["target_year"], strict=True)
            ],
            t("indicators.col.latest"): [
                "–" if pd.isna(v) else f"{shown(v)} ({p})"
                for v, p in zip(table["value"], table["period"], strict=True)
            ],
            t("indicators.col.expected"): [shown(v) for v in table["expected"]],
            t("indicators.col.state"): [state(row) for _, row in table.iterrows()],
            t("col.actor"): table["actor"].fillna("–"),
            t("indicators.col.source"): table["source"],
        }
    ),
    hide_index=True,
    width="stretch",
    key="indicators_table",
    placeholder=MISSING,
)

mine = table if user.role == Role.ADMIN else table[table["actor_id"] == user.actor_id]
if user.role not in (Role.ADMIN, Role.ACTOR) or mine.empty:
    st.stop()
st.subheader(t("indicators.report"))
names = dict(zip(mine["id"], mine["name"], strict=True))
chosen = st.selectbox(
    t("indicators.pick"),
    list(names),
    format_func=names.__getitem__,
    key="indicators_pick",
    placeholder=t("choice.pick"),
)
# The form's keys carry the indicator's id: nothing typed for one reaches another.
form = f"indicators_{int(chosen)}"
if note := st.session_state.get(f"{form}_note"):
    st.success(note, icon=":material/check_circle:")
period = st.text_input(t("indicators.period"), key=f"{form}_period")
amount = st.number_input(t("indicators.value"), value=None, key=f"{form}_value")
comment = st.text_input(t("col.comment"), key=f"{form}_comment")
typed = {"period": period, "value": amount, "comment": comment}
if save_guard.save_button(
    t("indicators.save"),
    key=f"{form}_save",
    values=typed,
    empty={"period": "", "value": None, "comment": ""},
):
    reported = t_md(
        "indicators.saved_note",
        value=i18n.format_value(amount, lang()),
        period=period.strip().upper(),
        comment=comment.strip() or "–",
    )

    def keep(_: object) -> None:  # the form keeps what was saved, with nothing new to save
        save_guard.remember_saved(f"{form}_save", typed)
        st.session_state[f"{form}_note"] = reported

    ok, _ = run_write(
        lambda session, who: kpi.report_value(
            session,
            user=who,
            indicator_id=int(chosen),
            period=period,
            value=float("nan") if amount is None else amount,
            comment=comment,
        ),
        saved=keep,
    )
    if ok:
        done(t_md("indicators.saved", period=period.strip().upper()))
