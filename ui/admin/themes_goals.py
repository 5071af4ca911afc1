"""Admin tab Plan, continued: the plan's themes (satsingsområder) and goals."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.service.goals import delete_goal, save_goal
from tracker.service.themes import delete_theme, save_theme
from ui import data, save_guard
from ui.admin.pickers import keep_choice, new_or, picker, select_next
from ui.forms import (
    Slots,
    defaults,
    delete_button,
    done,
    forget,
    noting_save,
    opt_int,
    run_write,
    save_form_button,
    text,
    value,
)
from ui.state import t
from ui.text import MISSING, t_md

THEME_FIELDS = ("code", "name", "description")
GOAL_FIELDS = ("code", "text", "theme_id")
THEME_PICK = "admin_theme_pick"
GOAL_PICK = "admin_goal_pick"


def themes(plan_id: int) -> None:
    st.subheader(t("adminpage.themes"))
    frame = data.themes(plan_id)
    if frame.empty:
        st.info(t("adminpage.no_themes"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    t("col.code"): frame["code"],
                    t("adminpage.name"): frame["name"],
                    t("adminpage.description"): frame["description"],
                }
            ),
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )
    names = dict(zip(map(int, frame["id"]), frame["code"] + " " + frame["name"], strict=True))
    options = [None, *names]
    theme_id = picker(
        t("adminpage.pick_theme"),
        options,
        key=THEME_PICK,
        format_func=lambda i: new_or("adminpage.new_theme")(names.get(i)),
    )
    prefix = f"admin_theme_{theme_id}" if theme_id else save_guard.fresh_key("admin_theme_new")
    row = frame[frame["id"] == theme_id].iloc[0] if theme_id is not None else None
    start = {f: "" if row is None else text(row[f]) for f in THEME_FIELDS}
    defaults(prefix, start)
    slots = Slots()
    code_column, name_column = st.columns([1, 4])
    with code_column:
        st.text_input(t("col.code"), key=f"{prefix}_code")
        slots.add("code")
    with name_column:
        st.text_input(t("adminpage.name"), key=f"{prefix}_name")
        slots.add("name")
    st.text_area(t("adminpage.description"), key=f"{prefix}_description", height=100)
    slots.add("description")
    slots.add(None)
    submitted, typed = save_form_button(t("adminpage.save"), prefix, start)
    if submitted:
        name = value(prefix, "name").strip()
        ok, saved_id = run_write(
            lambda session, user: save_theme(
                session,
                user=user,
                plan_id=plan_id,
                theme_id=theme_id,
                code=value(prefix, "code"),
                name=value(prefix, "name"),
                description=value(prefix, "description"),
            ),
            slots=slots,
            saved=noting_save(prefix, typed, new=None if theme_id else "admin_theme_new"),
        )
        if ok:
            forget(prefix, THEME_FIELDS)
            select_next(THEME_PICK, saved_id)
            done(t_md("adminpage.saved", name=name))
    if theme_id is not None:
        delete_button(
            names[theme_id],
            key=f"{prefix}_delete",
            action=lambda session, user: delete_theme(session, user=user, theme_id=theme_id),
            message=t_md("adminpage.deleted", name=names[theme_id]),
            then=lambda: select_next(THEME_PICK, None),
        )


def goals(plan_id: int) -> None:
    st.subheader(t("adminpage.goals"))
    frame = data.goals(plan_id)
    theme_frame = data.themes(plan_id)
    theme_names = dict(
        zip(
            map(int, theme_frame["id"]),
            theme_frame["code"] + " " + theme_frame["name"],
            strict=True,
        )
    )
    theme_ids = [opt_int(i) for i in frame["theme_id"]]

    def theme_label(theme_id: int | None) -> str:
        return (
            theme_names.get(theme_id, t("adminpage.overall"))
            if theme_id
            else t("adminpage.overall")
        )

    if frame.empty:
        st.info(t("adminpage.no_goals"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    t("col.code"): frame["code"],
                    t("adminpage.goal_text"): frame["text"],
                    t("col.theme"): [theme_label(i) for i in theme_ids],
                }
            ),
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )
    labels = frame["code"] + " " + frame["text"].str.slice(0, 80)
    names = dict(zip(map(int, frame["id"]), labels, strict=True))
    goal_id = picker(
        t("adminpage.pick_goal"),
        [None, *names],
        key=GOAL_PICK,
        format_func=lambda i: new_or("adminpage.new_goal")(names.get(i)),
    )
    prefix = f"admin_goal_{goal_id}" if goal_id else save_guard.fresh_key("admin_goal_new")
    row = frame[frame["id"] == goal_id].iloc[0] if goal_id is not None else None
    start: dict[str, object] = {"code": "", "text": "", "theme_id": None}
    if row is not None:
        start = {"code": row["code"], "text": row["text"], "theme_id": opt_int(row["theme_id"])}
    defaults(prefix, start)
    slots = Slots()
    code_column, theme_column = st.columns([1, 4])
    with code_column:
        st.text_input(t("col.code"), key=f"{prefix}_code")
        slots.add("code")
    with theme_column:
        options = [None, *theme_names]
        keep_choice(f"{prefix}_theme_id", options, theme_label)
        st.selectbox(
            t("col.theme"),
            options,
            format_func=theme_label,
            placeholder=t("adminpage.overall"),
            key=f"{prefix}_theme_id",
        )
        slots.add("theme_id")
    st.text_area(t("adminpage.goal_text"), key=f"{prefix}_text", height=100)
    slots.add("text")
    slots.add(None)
    submitted, typed = save_form_button(t("adminpage.save"), prefix, start)
    if submitted:
        code = value(prefix, "code").strip()
        ok, saved_id = run_write(
            lambda session, user: save_goal(
                session,
                user=user,
                plan_id=plan_id,
                goal_id=goal_id,
                code=value(prefix, "code"),
                text=value(prefix, "text"),
                theme_id=value(prefix, "theme_id"),
            ),
            slots=slots,
            saved=noting_save(prefix, typed, new=None if goal_id else "admin_goal_new"),
        )
        if ok:
            forget(prefix, GOAL_FIELDS)
            select_next(GOAL_PICK, saved_id)
            done(t_md("adminpage.saved", name=code))
    if goal_id is not None:
        delete_button(
            str(frame.loc[frame["id"] == goal_id, "code"].iloc[0]),
            key=f"{prefix}_delete",
            action=lambda session, user: delete_goal(session, user=user, goal_id=goal_id),
            message=t_md("adminpage.deleted", name=names[goal_id]),
            then=lambda: select_next(GOAL_PICK, None),
        )
