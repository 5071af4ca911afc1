"""The admin's forms on the Samhandlingsmøte page: prepare the year's meeting (date,
place, invited actors), record an agreed action, carry one out (a new measure, or a
decision on an overlap pair), mark one done, and write the minutes. Each save button
stores once however often it is pressed (ui.save_guard)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.service import meetings
from tracker.service.measure_edits import MeasureInput
from tracker.service.meetings import ActionInput, MeetingInput, MeetingView
from tracker.vocab import ActionKind, ActionStatus, OverlapVerdict
from ui import browser_texts, save_guard
from ui.forms import Slots, defaults, done, forget, noting_save, run_write, value
from ui.state import lang, t
from ui.text import t_md

NEW_ACTION = "meeting_action"


def prepare_form(year: int, meeting: MeetingView | None, actor_names: dict[int, str]) -> None:
    """Date, place and invited actors; a new meeting starts late in January with
    every actor invited."""
    st.subheader(t("meetings.prepare"))
    prefix = f"meeting_{year}"
    start: dict[str, Any] = {
        "held_on": meeting.held_on if meeting else date(year, 1, 28),
        "place": meeting.place if meeting else "",
        "actors": list(meeting.actor_ids) if meeting else sorted(actor_names),
    }
    defaults(prefix, start)
    slots = Slots()
    st.date_input(
        t("field.meeting.held_on"), key=f"{prefix}_held_on", format=browser_texts.date_format()
    )
    slots.add("held_on")
    st.text_input(t("field.meeting.place"), key=f"{prefix}_place")
    slots.add("place")
    st.multiselect(
        t("field.meeting.invited"),
        sorted(actor_names, key=actor_names.__getitem__),
        format_func=actor_names.__getitem__,
        key=f"{prefix}_actors",
        placeholder=t("choice.pick"),
    )
    slots.add("actor_ids")
    slots.add(None)
    typed = {field: value(prefix, field) for field in start}
    baseline = start if meeting else None
    if save_guard.save_button(
        t("meetings.save"), key=f"{prefix}_save", values=typed, baseline=baseline
    ):
        values = MeetingInput(
            year=year,
            held_on=typed["held_on"],
            place=typed["place"] or "",
            actor_ids=tuple(int(a) for a in typed["actors"]),
        )
        ok, _ = run_write(
            lambda session, user: meetings.save_meeting(session, user=user, values=values),
            slots=slots,
            saved=noting_save(prefix, typed),
        )
        if ok:
            forget(prefix, start)
            done(t("meetings.saved", year=year))


def action_form(meeting: MeetingView, actor_names: dict[int, str]) -> None:
    """A new agreed action: what, who leads it, what it becomes."""
    st.subheader(t("meetings.new_action"))
    prefix = save_guard.fresh_key(NEW_ACTION)
    if note := save_guard.saved_note(NEW_ACTION):
        st.success(note, icon=":material/check_circle:")
    empty: dict[str, Any] = {"text": "", "lead": None, "kind": ActionKind.MEASURE.value}
    defaults(prefix, empty)
    slots = Slots()
    st.text_area(t("field.meeting_action.text"), key=f"{prefix}_text")
    slots.add("text")
    st.selectbox(
        t("col.lead"),
        sorted(actor_names, key=actor_names.__getitem__),
        format_func=actor_names.__getitem__,
        key=f"{prefix}_lead",
        index=None,
        placeholder=t("choice.pick"),
    )
    slots.add("lead_actor_id")
    st.radio(
        t("field.meeting_action.kind"),
        [k.value for k in ActionKind],
        format_func=lambda k: i18n.label(ActionKind(k), lang()),
        key=f"{prefix}_kind",
        horizontal=True,
    )
    slots.add(None)
    typed = {field: value(prefix, field) for field in empty}
    if save_guard.save_button(
        t("meetings.save_action"), key=f"{prefix}_save", values=typed, empty=empty
    ):
        values = ActionInput(typed["text"] or "", typed["lead"], typed["kind"])
        shown = t_md("meetings.action_saved", text=values.text.strip())
        ok, _ = run_write(
            lambda session, user: meetings.add_action(
                session, user=user, meeting_id=meeting.id, values=values
            ),
            slots=slots,
            saved=lambda _: save_guard.start_fresh(NEW_ACTION, shown),
        )
        if ok:
            done(shown)


def status_form(actions: pd.DataFrame) -> None:
    """Mark an agreed action done (or open again)."""
    if actions.empty:
        return
    by_id = {int(r["id"]): r for r in actions.to_dict("records")}
    picked = st.selectbox(
        t("meetings.pick_action"),
        list(by_id),
        format_func=lambda i: str(by_id[i]["text"]),
        key="meeting_status_pick",
        placeholder=t("choice.pick"),
    )
    row = by_id[int(picked)]
    wanted = ActionStatus.OPEN if row["status"] == ActionStatus.DONE else ActionStatus.DONE
    label = t("meetings.mark", status=i18n.label(wanted, lang()))
    if st.button(label, key=f"meeting_status_{picked}_{wanted.value}"):
        ok, _ = run_write(
            lambda session, user: meetings.set_action_status(
                session, user=user, action_id=int(picked), status=wanted
            )
        )
        if ok:
            done(t("meetings.status_saved"))


def minutes_form(meeting: MeetingView) -> None:
    st.subheader(t("field.meeting.minutes"))
    prefix = f"meeting_minutes_{meeting.id}"
    start = {"text": meeting.minutes}
    defaults(prefix, start)
    slots = Slots()
    st.text_area(t("field.meeting.minutes"), key=f"{prefix}_text", height=200)
    slots.add(None)
    typed = {"text": value(prefix, "text")}
    if save_guard.save_button(
        t("meetings.save_minutes"), key=f"{prefix}_save", values=typed, baseline=start
    ):
        ok, _ = run_write(
            lambda session, user: meetings.save_minutes(
                session, user=user, meeting_id=meeting.id, minutes=typed["text"] or ""
            ),
            slots=slots,
            saved=noting_save(prefix, typed),
        )
        if ok:
            forget(prefix, start)
            done(t("meetings.minutes_saved"))


def follow_up_form(
    actions: pd.DataFrame, plan_id: int, themes: pd.DataFrame, pairs: pd.DataFrame
) -> None:
    """Carry out an open action: a «tiltak» becomes a measure of the plan, an
    «avklaring» a decision on one of the open overlap pairs."""
    todo = actions[(actions["status"] == ActionStatus.OPEN.value) & actions["measure_id"].isna()]
    if todo.empty:
        return
    st.subheader(t("meetings.follow_up"))
    by_id = {int(r["id"]): r for r in todo.to_dict("records")}
    picked = st.selectbox(
        t("meetings.pick_action"),
        list(by_id),
        format_func=lambda i: str(by_id[i]["text"]),
        key="meeting_follow_pick",
        placeholder=t("choice.pick"),
    )
    row = by_id[int(picked)]
    if row["kind"] == ActionKind.MEASURE.value:
        _measure_form(row, plan_id, themes)
    else:
        _pair_form(row, pairs)


def _measure_form(row: dict[Any, Any], plan_id: int, themes: pd.DataFrame) -> None:
    prefix = f"meeting_measure_{row['id']}"
    year = int(row["year"])
    start = {"code": "", "theme": None, "start": f"{year}-Q1", "end": f"{year}-Q4"}
    defaults(prefix, start)
    slots = Slots()
    st.text_input(t("col.code"), key=f"{prefix}_code")
    slots.add("code")
    names = dict(zip(themes["id"], themes["name"], strict=True))
    st.selectbox(
        t("col.theme"),
        list(names),
        format_func=lambda i: str(names[i]),
        key=f"{prefix}_theme",
        index=None,
        placeholder=t("choice.pick"),
    )
    slots.add("theme_id")
    st.text_input(t("adminpage.start"), key=f"{prefix}_start")
    slots.add("start_period")
    st.text_input(t("adminpage.end"), key=f"{prefix}_end")
    slots.add("end_period")
    slots.add(None)
    if st.button(t("meetings.make_measure"), type="primary", key=f"{prefix}_save"):
        values = MeasureInput(
            code=value(prefix, "code") or "",
            title=str(row["text"])[:300],
            theme_id=value(prefix, "theme"),
            lead_actor_id=int(row["lead_actor_id"]),
            start_period=value(prefix, "start") or "",
            end_period=value(prefix, "end") or "",
        )
        ok, _ = run_write(
            lambda session, user: meetings.action_to_measure(
                session, user=user, action_id=int(row["id"]), plan_id=plan_id, values=values
            ),
            slots=slots,
        )
        if ok:
            forget(prefix, start)
            done(t("meetings.measure_made_note"))


def _pair_form(row: dict[Any, Any], pairs: pd.DataFrame) -> None:
    if pairs.empty:
        st.caption(t("meetings.no_pairs"))
        return
    prefix = f"meeting_pair_{row['id']}"
    records = pairs.to_dict("records")
    labels = {
        index: f"{p['a_code']} {p['a_title']} ↔ {p['b_code']} {p['b_title']}"
        for index, p in enumerate(records)
    }
    chosen = st.selectbox(
        t("field.meeting_action.pair"),
        list(labels),
        format_func=labels.__getitem__,
        key=f"{prefix}_pair",
        placeholder=t("choice.pick"),
    )
    verdict = st.radio(
        t("coord.verdict"),
        [v.value for v in OverlapVerdict],
        format_func=lambda v: i18n.label(OverlapVerdict(v), lang()),
        key=f"{prefix}_verdict",
        horizontal=True,
    )
    if st.button(t("meetings.settle"), type="primary", key=f"{prefix}_save"):
        pair = records[int(chosen)]
        ok, _ = run_write(
            lambda session, user: meetings.settle_pair(
                session,
                user=user,
                action_id=int(row["id"]),
                measure_ids=(int(pair["a_id"]), int(pair["b_id"])),
                verdict=verdict,
            )
        )
        if ok:
            done(t("meetings.settled"))
