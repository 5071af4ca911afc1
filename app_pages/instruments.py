"""Virkemidler: what the network's actors offer, searchable — «what can a seafood
start-up get, from whom, before which date?»: a search field and filters, the hits
with their next deadline, one instrument in detail, and for an actor's users (the
admin: any actor) the form that adds, changes and deletes their instruments."""

from __future__ import annotations

import streamlit as st

from tracker import i18n
from tracker.service import instruments as catalogue
from tracker.vocab import InstrumentKind, Stage, TargetGroup
from ui import browser_texts, data, widgets
from ui.forms import id_labels
from ui.instrument_form import for_whom, instrument_form, pick, show_instrument
from ui.state import lang, require_user, t, tn
from ui.text import MISSING

user = require_user()
widgets.page_start("page.instruments")
st.write(t("instruments.intro"))

everything = data.instruments(today=catalogue.today_in_oslo())
actors = data.actors()
actor_names = id_labels(actors["id"], actors["name"])

words = st.text_input(
    t("instruments.search"), key="instruments_search", help=t("instruments.search_help")
)
columns = st.columns(5)
group = pick(
    columns[0], "field.instrument.target_groups", list(TargetGroup), lambda g: i18n.label(g, lang())
)
stage = pick(columns[1], "field.instrument.stages", list(Stage), lambda s: i18n.label(s, lang()))
kind = pick(
    columns[2], "field.instrument.kind", list(InstrumentKind), lambda k: i18n.label(k, lang())
)
owners = sorted(set(map(int, everything["actor_id"])), key=actor_names.__getitem__)
actor_id = pick(columns[3], "col.actor", owners, actor_names.get)
before = columns[4].date_input(
    t("instruments.deadline_before"),
    value=None,
    key="instruments_before",
    format=browser_texts.date_format(),
    help=t("instruments.deadline_before_help"),
)
hits = catalogue.search(
    everything,
    text=words,
    target_group=group,
    stage=stage,
    kind=kind,
    actor_id=actor_id,
    deadline_before=before,
)
st.caption(tn("instruments.count", len(hits)))

if hits.empty:
    st.info(t("instruments.none"))
else:
    records = hits.to_dict("records")
    st.dataframe(
        {
            t("instruments.col.name"): hits["name"],
            t("col.actor"): hits["actor"],
            t("instruments.col.kind"): [
                i18n.label(InstrumentKind(k), lang()) for k in hits["kind"]
            ],
            t("instruments.col.for"): [for_whom(r) for r in records],
            t("instruments.col.amount"): hits["amount"],
            t("instruments.col.next_deadline"): [
                widgets.date_text(d) if d else t("instruments.open") for d in hits["next_deadline"]
            ],
            t("instruments.col.link"): hits["link"],
        },
        hide_index=True,
        width="stretch",
        key="instruments_table",
        placeholder=MISSING,
        column_config={t("instruments.col.link"): st.column_config.LinkColumn()},
    )
    by_id = {int(r["id"]): r for r in records}
    chosen = st.selectbox(
        t("instruments.pick"),
        list(by_id),
        format_func=lambda i: f"{by_id[i]['name']} ({by_id[i]['actor']})",
        key="instruments_detail",
        placeholder=t("choice.pick"),
    )
    shown = by_id.get(chosen, records[0])
    show_instrument(shown, for_whom(shown))

keepable = data.keepable_actor_ids(user)
if keepable is None or keepable:
    mine = everything if keepable is None else everything[everything["actor_id"].isin(keepable)]
    instrument_form(
        mine,
        keepable if keepable is not None else sorted(actor_names, key=actor_names.__getitem__),
        actor_names,
    )
