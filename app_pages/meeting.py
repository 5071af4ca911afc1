"""Samhandlingsmøte: the year's coordination meeting — its date, place and invited
actors (its event is in the Årshjul), the meeting pack to download (DOCX, PDF), the
actions agreed last year and this year with their status, and the minutes. Everyone
reads; the admin prepares the meeting and records the actions and the minutes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.reports.meeting_pack import pack_file_name
from tracker.service.instruments import today_in_oslo
from tracker.vocab import ActionKind, ActionStatus, Role
from ui import data, widgets
from ui.forms import id_labels
from ui.meeting_form import action_form, follow_up_form, minutes_form, prepare_form, status_form
from ui.state import lang, require_user, t
from ui.text import MISSING, plain

user = require_user()
plan_id = widgets.page_start("page.meeting")
st.write(t("meetings.intro"))

actors = data.actors()
actor_names = id_labels(actors["id"], actors["name"])
this_year = today_in_oslo().year
held = data.meeting_years()
years = sorted({*held, this_year, this_year + 1, max(held, default=this_year) + 1})
default = max(held) if held else this_year + 1
year = st.selectbox(
    t("meetings.year"),
    years,
    index=years.index(default),
    key="meeting_year",
    placeholder=t("choice.pick"),
)
meeting = data.meeting(year=year)


def actions_table(actions: pd.DataFrame, key: str) -> None:
    if actions.empty:
        st.caption(t("meetings.no_actions"))
        return
    st.dataframe(
        {
            t("field.meeting_action.text"): actions["text"],
            t("col.lead"): actions["lead"],
            t("field.meeting_action.kind"): [
                i18n.label(ActionKind(k), lang()) for k in actions["kind"]
            ],
            t("col.status"): [i18n.label(ActionStatus(s), lang()) for s in actions["status"]],
            t("field.meeting_action.measure"): actions["measure_code"].fillna(""),
        },
        hide_index=True,
        width="stretch",
        key=key,
        placeholder=MISSING,
    )


if meeting is None:
    st.info(t("meetings.not_prepared", year=year))
else:
    invited = ", ".join(sorted(actor_names[a] for a in meeting.actor_ids)) or MISSING
    st.markdown(plain(f"{widgets.date_text(meeting.held_on)} · {meeting.place or MISSING}"))
    st.caption(plain(f"{t('field.meeting.invited')}: {invited}"))
    left, right = st.columns(2)
    for column, pdf in ((left, False), (right, True)):
        column.download_button(
            t("meetings.download_pdf" if pdf else "meetings.download_docx"),
            data=data.meeting_pack_maker(user, year, plan_id, lang(), pdf),
            file_name=pack_file_name(year, lang(), pdf=pdf),
            key=f"meeting_pack_{'pdf' if pdf else 'docx'}",
        )

st.subheader(t("pack.previous"))
actions_table(data.previous_meeting_actions(year=year), "meeting_previous")
if meeting is not None:
    st.subheader(t("meetings.agreed"))
    actions = data.meeting_actions(year=year)
    actions_table(actions, "meeting_actions")
    if meeting.minutes and user.role != Role.ADMIN:
        st.subheader(t("field.meeting.minutes"))
        st.text(meeting.minutes)

if user.role == Role.ADMIN:
    prepare_form(year, meeting, actor_names)
    if meeting is not None:
        status_form(actions)
        pairs = data.overlap_candidates(user=user, plan_id=plan_id, limit=50).pairs
        follow_up_form(actions, plan_id, data.themes(plan_id), pairs)
        action_form(meeting, actor_names)
        minutes_form(meeting)
