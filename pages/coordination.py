"""Samordning: pairs of measures with different lead actors that look like the same
work, with the reasons; the admin decides a pair (it leaves the list) or takes a
decision back. Actors' users see the pairs their actor takes part in."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.overlap_score import THRESHOLD, reasons
from tracker.service import overlaps
from tracker.vocab import OverlapVerdict, Role
from ui import data, widgets
from ui.admin_common import done, run_write
from ui.state import lang, require_user, t

user = require_user()
plan_id = widgets.page_start("page.coordination")
st.write(t("coord.intro"))

left, right = st.columns(2)
everything = left.radio(
    t("coord.scope"), [False, True], horizontal=True, key="coord_scope",
    format_func=lambda a: t("coord.scope.all" if a else "coord.scope.plan"),
)  # fmt: skip
threshold = right.select_slider(
    t("coord.threshold"), [step / 20 for step in range(21)], value=THRESHOLD,
    format_func=lambda v: i18n.format_number(v, lang(), 2), key="coord_threshold",
    help=t("coord.threshold_help", value=i18n.format_number(THRESHOLD, lang(), 2)),
)  # fmt: skip
scope = None if everything else plan_id
found = data.overlap_candidates(
    user=user, plan_id=scope, threshold=threshold, limit=overlaps.MAX_SHOWN
)
pairs = found.pairs
if user.role == Role.ACTOR:
    actors = data.actors()
    mine = actors.loc[actors["id"] == user.actor_id, "name"]
    st.caption(t("coord.yours", actor=mine.iloc[0] if len(mine) else "–"))


def measure_text(frame: pd.DataFrame, side: str) -> pd.Series:
    """«3.3 Inkubatortilbud i Senja (Kupa)», with the plan across plans."""
    text = frame[f"{side}_code"] + " " + frame[f"{side}_title"] + " (" + frame[f"{side}_lead_short"]
    if everything:
        text = text + " · " + frame[f"{side}_plan_name"]
    return text + ")"


def pair_labels(frame: pd.DataFrame) -> dict[tuple[int, int], str]:
    codes = frame["a_code"] + " ↔ " + frame["b_code"] + " " + frame["a_title"] + " / "
    return dict(zip(zip(frame["a_id"], frame["b_id"], strict=True), codes + frame["b_title"],
                    strict=True))  # fmt: skip


st.subheader(t("coord.count", count=found.total))
if found.total > len(pairs):
    st.caption(t("coord.best_shown", shown=len(pairs)))
if pairs.empty:
    st.info(t("coord.none"))
else:
    # A static table: the reasons wrap instead of being cut off.
    st.table(
        pd.DataFrame({
            t("coord.col.score"): [i18n.format_number(s, lang(), 2) for s in pairs["score"]],
            t("coord.col.first"): measure_text(pairs, "a").map(widgets.plain),
            t("coord.col.second"): measure_text(pairs, "b").map(widgets.plain),
            t("coord.col.why"): [reasons(row, lang()) for _, row in pairs.iterrows()],
        }),
        hide_index=True, border="horizontal",
    )  # fmt: skip

if user.role == Role.ADMIN and not pairs.empty:
    st.subheader(t("coord.decide"))
    labels = pair_labels(pairs)
    scores = dict(zip(labels, pairs["score"], strict=True))
    with st.form("coord_decide"):
        chosen = st.selectbox(t("coord.pick"), list(labels), format_func=labels.get,
                              key="coord_pick")  # fmt: skip
        verdict = st.radio(
            t("coord.verdict"), [v.value for v in OverlapVerdict], key="coord_verdict",
            format_func=lambda v: i18n.label(OverlapVerdict(v), lang()),
        )  # fmt: skip
        note = st.text_area(t("coord.note"), key="coord_note", max_chars=overlaps.NOTE_LIMIT)
        saved = st.form_submit_button(t("coord.save"), type="primary", key="coord_save")
    if saved and chosen is not None:
        ok, _ = run_write(lambda session, who: overlaps.record_decision(
            session, user=who, measure_ids=chosen, verdict=verdict, note=note,
            score=float(scores[chosen]),
        ))  # fmt: skip
        if ok:
            done(t("coord.saved", pair=labels[chosen]))

decided = data.overlap_decisions(user=user, plan_id=scope)
st.subheader(t("coord.decided", count=len(decided)))
if decided.empty:
    st.info(t("coord.no_decisions"))
    st.stop()
st.dataframe(
    pd.DataFrame({
        t("coord.col.first"): measure_text(decided, "a"),
        t("coord.col.second"): measure_text(decided, "b"),
        t("coord.col.verdict"): [i18n.label(OverlapVerdict(v), lang()) for v in decided["verdict"]],
        t("coord.col.note"): decided["note"],
        t("coord.col.decided_by"): decided["decided_by"],
        t("coord.col.decided_at"): [widgets.datetime_text(v) for v in decided["decided_at"]],
    }),
    hide_index=True, width="stretch", key="coord_decided",
)  # fmt: skip
if user.role == Role.ADMIN:
    taken = pair_labels(decided)
    back = st.selectbox(t("coord.reopen_pick"), [None, *taken], key="coord_reopen_pick",
                        format_func=lambda p: "–" if p is None else taken[p])  # fmt: skip
    if st.button(t("coord.reopen"), key="coord_reopen", disabled=back is None):
        ok, _ = run_write(lambda session, who: overlaps.reopen_pair(
            session, user=who, measure_ids=back))  # fmt: skip
        if ok:
            done(t("coord.reopened", pair=taken[back]))
