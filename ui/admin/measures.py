"""Admin tab Tiltak: one measure (or a new one) in a form, saved with an optimistic
lock: the version the form started from stays in session_state until a save or a
fresh start, and a conflict shows both versions without losing what was typed."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from tracker.service.measure_edits import MeasureInput, delete_measure, save_measure
from ui import data, save_guard
from ui.admin import conflict, measure_fields
from ui.admin.pickers import new_or, picker, select_next
from ui.forms import (
    Slots,
    defaults,
    delete_button,
    done,
    forget,
    id_labels,
    noting_save,
    run_write,
    save_form_button,
)
from ui.state import t
from ui.text import t_md

PICK = "admin_measure_pick"
NEW = "admin_m_new"


def prefix_of(measure_id: int | None) -> str:
    """The form's key prefix: the measure's id, or for a new one a key that is new
    after each save (an empty form, and a second press reaches nothing)."""
    return f"admin_m_{measure_id}" if measure_id else save_guard.fresh_key(NEW)


def render(plan_id: int | None) -> None:
    if plan_id is None:
        st.info(t("adminpage.plan_first"))
        return
    themes = data.themes(plan_id)
    if themes.empty:
        st.info(t("adminpage.themes_first"))
        return
    measures = data.measure_status(plan_id=plan_id, as_of=None)
    labels = id_labels(measures["id"], measures["code"] + " " + measures["title"])
    measure_id = picker(
        t("adminpage.pick_measure"),
        [None, *labels],
        key=PICK,
        format_func=lambda i: new_or("adminpage.new_measure")(labels.get(i)),
    )
    row = measures[measures["id"] == measure_id].iloc[0] if measure_id is not None else None
    measure_form(plan_id, measure_id, row, themes)


def measure_form(plan_id: int, measure_id: int | None, row: pd.Series | None, themes: Any) -> None:
    prefix = prefix_of(measure_id)
    start = measure_fields.start_values(plan_id, row)
    if defaults(prefix, start) or f"{prefix}_seen" not in st.session_state:
        st.session_state[f"{prefix}_seen"] = None if row is None else int(row["version"])
        conflict.forget(measure_id)
    goals, actors = data.goals(plan_id), data.actors()
    names = {
        "theme_id": id_labels(themes["id"], themes["code"] + " " + themes["name"]),
        "goal_id": id_labels(goals["id"], goals["code"] + " " + goals["text"].str[:70]),
        "lead_actor_id": id_labels(actors["id"], actors["name"]),
    }
    names["partners"] = names["lead_actor_id"]
    slots = Slots()
    measure_fields.fields(plan_id, prefix, names, slots)
    label = t("adminpage.save") if measure_id else t("adminpage.create_measure")
    submitted, typed = save_form_button(label, prefix, start)
    mine = measure_fields.form_input(prefix)
    if submitted:
        save(plan_id, measure_id, mine, st.session_state[f"{prefix}_seen"], slots, typed)
    if measure_id is None or row is None:
        return
    conflict.show(
        measure_id,
        mine,
        names,
        resave=lambda seen: save(plan_id, measure_id, mine, seen, slots, typed),
    )
    if pd.isna(row["status"]):
        delete_button(
            labels_of(row),
            key=f"{prefix}_delete",
            action=lambda session, user: delete_measure(session, user=user, measure_id=measure_id),
            message=t_md("adminpage.deleted", name=labels_of(row)),
            then=lambda: forget(prefix, (*measure_fields.FIELDS, "seen")),
        )
    else:
        st.caption(t("adminpage.measure_keeps_history"))


def labels_of(row: pd.Series) -> str:
    return f"{row['code']} {row['title']}"


def save(
    plan_id: int,
    measure_id: int | None,
    mine: MeasureInput,
    seen: int | None,
    slots: Slots,
    typed: dict[str, Any],
) -> None:
    prefix = prefix_of(measure_id)
    ok, saved_id = run_write(
        lambda session, user: save_measure(
            session,
            user=user,
            plan_id=plan_id,
            measure_id=measure_id,
            seen_version=seen,
            values=mine,
        ),
        slots=slots,
        on_conflict=lambda error: conflict.remember(measure_id, error),
        saved=noting_save(prefix, typed, new=None if measure_id else NEW),
    )
    if ok:
        forget(prefix, (*measure_fields.FIELDS, "seen"))
        conflict.forget(measure_id)
        select_next(PICK, saved_id)
        done(t_md("adminpage.saved", name=f"{mine.code.strip()} {mine.title.strip()}"))
