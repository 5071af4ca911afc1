"""The fields of the measure form: their starting values, the widgets (each with
its error slot right under it), and the MeasureInput they make."""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from tracker.code_lists import MEASURE_LISTS, SEPARATOR, members
from tracker.matching.suggestions import suggested
from tracker.quarters import Quarter, plan_quarters
from tracker.service.measure_edits import MeasureInput
from tracker.vocab import PartnerRole
from ui import data
from ui.admin.pickers import keep_choice
from ui.forms import Slots, opt_int, text, value
from ui.state import t
from ui.widgets import code_text
from ui.widgets import period_text as quarter_text

FIELDS = (
    *("code", "title", "description", "theme_id", "goal_id", "lead_actor_id", "partners"),
    *("funders", "start_period", "end_period", "weight", "budget", "funding", "is_example"),
    *("target_groups", "work_kinds"),
)


def start_values(plan_id: int, row: pd.Series | None) -> dict[str, Any]:
    if row is None:
        plan = data.plan_details(plan_id)
        first, last = Quarter(plan["start_year"], 1), Quarter(plan["end_year"], 4)
        start = min(max(Quarter.current(), first), last)
        return {
            **dict.fromkeys(("code", "title", "description", "budget", "funding"), ""),
            **dict.fromkeys(("theme_id", "goal_id", "lead_actor_id"), None),
            **{"partners": [], "funders": [], "weight": 1.0, "is_example": False},
            **{"start_period": str(start), "end_period": str(last)},
            **{name: [] for name in MEASURE_LISTS},
        }
    funders = [int(i) for i in row["funder_ids"]]
    return {
        **{f: text(row[f]) for f in ("code", "title", "description", "budget", "funding")},
        **{f: opt_int(row[f]) for f in ("theme_id", "goal_id", "lead_actor_id")},
        "partners": [int(i) for i in row["partner_ids"] if int(i) not in funders],
        "funders": funders,
        "start_period": str(row["start_period"]),
        "end_period": str(row["end_period"]),
        "weight": float(row["weight"]),
        "is_example": bool(row["is_example"]),
        **{name: codes_of(row[name], kind) for name, kind in MEASURE_LISTS.items()},
    }


def fields(plan_id: int, prefix: str, names: dict[str, dict[int, str]], slots: Slots) -> None:
    """The form's fields, each with its error slot right under it."""
    plan = data.plan_details(plan_id)
    quarters = [str(q) for q in plan_quarters(plan["start_year"], plan["end_year"])]
    quarters += [value(prefix, f) for f in ("start_period", "end_period")]
    quarters = list(dict.fromkeys(quarters))  # a stored span outside the plan stays choosable
    actors = names["lead_actor_id"]

    def field(widget: Any, label: str, name: str, *, slot: bool = True, **options: Any) -> None:
        if "format_func" in options:
            multi = widget is st.multiselect
            keep_choice(f"{prefix}_{name}", options["options"], options["format_func"], multi=multi)
        widget(t(label), key=f"{prefix}_{name}", **options)
        if slot:
            slots.add(name)

    def choose(name: str, empty: str) -> dict[str, Any]:
        return {
            "options": [None, *names[name]],
            "format_func": lambda i: names[name].get(i, t(empty)),
            "placeholder": t(empty),  # what a selectbox whose state is None shows
        }

    periods: dict[str, Any] = {
        "options": quarters,
        "format_func": quarter_text,
        "placeholder": t("choice.pick"),
    }
    left, right = st.columns([1, 4])
    with left:
        field(st.text_input, "col.code", "code")
    with right:
        field(st.text_input, "adminpage.measure_title", "title")
    field(st.text_area, "adminpage.description", "description", height=100)
    lists(prefix, slots)
    left, right = st.columns(2)
    with left:
        field(st.selectbox, "col.theme", "theme_id", **choose("theme_id", "adminpage.choose"))
        field(
            st.selectbox, "col.lead", "lead_actor_id", **choose("lead_actor_id", "adminpage.choose")
        )
        field(st.selectbox, "adminpage.start", "start_period", **periods)
        field(st.number_input, "col.weight", "weight", min_value=0.0, step=0.5)
        field(st.text_input, "col.budget", "budget")
    with right:
        field(st.selectbox, "adminpage.goal", "goal_id", **choose("goal_id", "adminpage.no_goal"))
        partner_options: dict[str, Any] = {
            "options": list(actors),
            "format_func": actors.get,
            "placeholder": t("adminpage.choose_actors"),
        }
        field(st.multiselect, "col.partners", "partners", slot=False, **partner_options)
        field(st.multiselect, "adminpage.funders", "funders", slot=False, **partner_options)
        slots.add("partners")
        field(st.selectbox, "adminpage.end", "end_period", **periods)
        field(st.text_input, "col.funding", "funding")
    field(st.checkbox, "adminpage.is_example", "is_example")
    slots.add(None)


def lists(prefix: str, slots: Slots) -> None:
    """Whom the measure is for and what kind of work it does, from the controlled
    lists; what its text suggests is offered, and only stored once chosen."""
    for column, (name, kind) in zip(st.columns(2), MEASURE_LISTS.items(), strict=True):
        with column:
            key = f"{prefix}_{name}"
            options = [m.value for m in kind]
            words = partial(code_text, kind)
            keep_choice(key, options, words, multi=True)
            st.multiselect(
                t(f"field.measure.{name}"),
                options,
                key=key,
                format_func=words,
                placeholder=t("adminpage.choose_from_list"),
            )
            slots.add(name)
    offer_suggestions(prefix)


def offer_suggestions(prefix: str) -> None:
    """«Forslag ut fra teksten: Gründere, Kurs og utdanning» and a button that adds
    them to the choices (the save stores them; nothing is stored unasked)."""
    title, description = value(prefix, "title"), value(prefix, "description")
    found = dict(zip(MEASURE_LISTS, suggested(title, description), strict=True))
    new = {
        name: [m.value for m in found[name] if m.value not in value(prefix, name)]
        for name in MEASURE_LISTS
    }
    if not any(new.values()):
        return
    words = [code_text(MEASURE_LISTS[name], code) for name in MEASURE_LISTS for code in new[name]]
    text, button = st.columns([4, 1], vertical_alignment="center")
    text.caption(t("adminpage.suggested", words=", ".join(words)))
    button.button(
        t("adminpage.use_suggestions"),
        key=f"{prefix}_use_suggestions",
        on_click=use_suggestions,
        args=(prefix, new),
    )


def use_suggestions(prefix: str, new: dict[str, list[str]]) -> None:
    for name, wanted in new.items():
        chosen = SEPARATOR.join([*value(prefix, name), *wanted])
        st.session_state[f"{prefix}_{name}"] = codes_of(chosen, MEASURE_LISTS[name])


def codes_of(text: str, kind: type[StrEnum]) -> list[str]:
    """The codes a stored list holds, in the list's order (what the widget holds)."""
    return [m.value for m in members(text, kind)]


def form_input(prefix: str) -> MeasureInput:
    partners = [(int(i), PartnerRole.PARTNER) for i in value(prefix, "partners")]
    funders = [(int(i), PartnerRole.FUNDER) for i in value(prefix, "funders")]
    return MeasureInput(
        code=value(prefix, "code"),
        title=value(prefix, "title"),
        description=value(prefix, "description"),
        theme_id=value(prefix, "theme_id"),
        goal_id=value(prefix, "goal_id"),
        lead_actor_id=value(prefix, "lead_actor_id"),
        partners=(*partners, *funders),
        start_period=value(prefix, "start_period"),
        end_period=value(prefix, "end_period"),
        weight=float(value(prefix, "weight")),
        budget=value(prefix, "budget"),
        funding=value(prefix, "funding"),
        is_example=bool(value(prefix, "is_example")),
        target_groups=tuple(value(prefix, "target_groups")),
        work_kinds=tuple(value(prefix, "work_kinds")),
    )
