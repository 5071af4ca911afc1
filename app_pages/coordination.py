"""Samordning: pairs of measures with different lead actors that look like the same
work, with the reasons; the admin decides a pair (it leaves the list) or takes a
decision back. Actors' users see the pairs their actor takes part in. Below, the
instruments of different actors that may overlap (read-only; everyone reads them)."""

from __future__ import annotations

import streamlit as st

from tracker import i18n
from tracker.matching.instrument_pairs import instrument_pairs
from tracker.matching.score import THRESHOLD
from tracker.service import overlaps
from tracker.vocab import OverlapVerdict, Role
from ui import coordination as view
from ui import data, save_guard, widgets
from ui.forms import done, run_write
from ui.state import lang, require_user, t, tn
from ui.text import t_md

user = require_user()
plan_id = widgets.page_start("page.coordination")
st.write(t("coord.intro"))

left, right = st.columns(2)
everything = left.radio(
    t("coord.scope"),
    [False, True],
    horizontal=True,
    key="coord_scope",
    format_func=lambda a: t("coord.scope.all" if a else "coord.scope.plan"),
)
threshold = right.select_slider(
    t("coord.threshold"),
    [step / 20 for step in range(21)],
    value=THRESHOLD,
    format_func=lambda v: i18n.format_number(v, lang(), 2),
    key="coord_threshold",
    help=t("coord.threshold_help", value=i18n.format_number(THRESHOLD, lang(), 2)),
)
scope = None if everything else plan_id
found = data.overlap_candidates(
    user=user, plan_id=scope, threshold=threshold, limit=overlaps.MAX_SHOWN
)
pairs = found.pairs
decided = data.overlap_decisions(user=user, plan_id=scope)
if user.role == Role.ACTOR:
    actors = data.actors()
    mine = actors.loc[actors["id"] == user.actor_id, "name"]
    st.caption(t_md("coord.yours", actor=mine.iloc[0] if len(mine) else "–"))


open_label = tn("coord.count", found.total)
tab_open, tab_decided = st.tabs([open_label, t("coord.decided", count=len(decided))])
with tab_open:
    if found.total > len(pairs):
        st.caption(t("coord.best_shown", shown=len(pairs)))
    if pairs.empty:
        st.info(t("coord.none"))
    else:
        labels = view.pair_labels(pairs)
        rows = dict(zip(labels, (row for _, row in pairs.iterrows()), strict=True))
        chosen = st.selectbox(
            t("coord.pick"),
            list(labels),
            format_func=labels.__getitem__,
            key="coord_pick",
            placeholder=t("choice.pick"),
        )
        view.show_pair(rows[chosen])
        if user.role == Role.ADMIN:
            # The form's keys carry the pair's two measure ids: nothing typed for one
            # pair reaches the next one, nor does a second press of this one's button.
            form = f"coord_{chosen[0]}_{chosen[1]}"
            verdict = st.radio(
                t("coord.verdict"),
                [v.value for v in OverlapVerdict],
                horizontal=True,
                index=None,  # no default: a decision is chosen, never saved by accident
                format_func=lambda v: i18n.label(OverlapVerdict(v), lang()),
                key=f"{form}_verdict",
            )
            note = st.text_area(t("coord.note"), key=f"{form}_note")  # no max_chars: see ui.text
            typed = {"verdict": verdict, "note": note}
            if save_guard.save_button(
                t("coord.save"),
                key=f"{form}_save",
                values=typed,
                empty={"verdict": None, "note": ""},
            ):
                ok, _ = run_write(
                    lambda session, who: overlaps.record_decision(
                        session,
                        user=who,
                        measure_ids=chosen,
                        verdict=verdict,
                        note=note,
                        score=float(rows[chosen]["score"]),
                    ),
                    saved=lambda _: save_guard.remember_saved(f"{form}_save", typed),
                )
                if ok:
                    done(t_md("coord.saved", pair=labels[chosen]))
        st.divider()
        view.candidates_table(pairs, with_plan=everything)

with tab_decided:
    if decided.empty:
        st.info(t("coord.no_decisions"))
    else:
        view.decided_table(decided, with_plan=everything)
    if user.role == Role.ADMIN and not decided.empty:
        taken = view.pair_labels(decided)
        back = st.selectbox(
            t("coord.reopen_pick"),
            [None, *taken],
            key="coord_reopen_pick",
            format_func=lambda p: "–" if p is None else taken[p],
            placeholder="–",
        )
        reopen = st.button(t("coord.reopen"), key="coord_reopen", disabled=back is None)
        if reopen and back is not None:
            pair: tuple[int, int] = back
            ok, _ = run_write(
                lambda session, who: overlaps.reopen_pair(session, user=who, measure_ids=pair)
            )
            if ok:
                done(t_md("coord.reopened", pair=taken[pair]))

st.subheader(t("coord.instruments"))
st.caption(t("coord.instruments_intro"))
instrument_candidates = instrument_pairs(data.instruments())
if instrument_candidates.empty:
    st.info(t("coord.instruments_none"))
else:
    view.instrument_pairs_table(instrument_candidates)
