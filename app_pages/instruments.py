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
from ui.instrument_form import instrument_form, show_instrument
from ui.state import lang, require_user, t, tn
from ui.text import MISSING

user = require_user()
widgets.page_start("page.instruments")
st.write(t("instruments.intro"))

everything = data.instruments(today=catalogue.today_in_oslo())
actors = data.actors()
actor_names = id_labels(actors["id"], actors["name"])


def _pick(column: st.delta_generator.DeltaGenerator, key: str, options: list, name) -> object:
    return column.selectbox(
        t(key),
        [None, *options],
        format_func=lambda o: t("filter.all") if o is None else name(o),
        key=f"instruments_{key.rsplit('.', 1)[-1]}",
        placeholder=t("filter.all"),
    )


words = st.text_input(t("instruments.search"), key="instruments_search",
                      help=t("instruments.search_help"))  # fmt: skip
columns = st.columns(5)
group = _pick(columns[0], "field.instrument.target_groups", list(TargetGroup),
              lambda g: i18n.label(g, lang()))  # fmt: skip
stage = _pick(columns[1], "field.instrument.stages", list(Stage), lambda s: i18n.label(s, lang()))
kind = _pick(columns[2], "field.instrument.kind", list(InstrumentKind),
             lambda k: i18n.label(k, lang()))  # fmt: skip
owners = sorted(set(map(int, everything["actor_id"])), key=actor_names.get)
actor_id = _pick(columns[3], "col.actor", owners, actor_names.get)
before = columns[4].date_input(
    t("instruments.deadline_before"),
    value=None,
    key="instruments_before",
    format=browser_texts.date_format(),
    help=t("instruments.deadline_before_help"),
)
hits = catalogue.search(everything, text=words, target_group=group, stage=stage, kind=kind,
                        actor_id=actor_id, deadline_before=before)  # fmt: skip
st.caption(tn("instruments.count", len(hits)))


def _for_whom(row: dict) -> str:
    codes = [TargetGroup(g) for g in row["target_groups"]] + [Stage(s) for s in row["stages"]]
    return ", ".join([*(i18n.label(c, lang()) for c in codes), *row["industries"]])


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
            t("instruments.col.for"): [_for_whom(r) for r in records],
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
    chosen = st.selectbox(
        t("instruments.pick"),
        list(range(len(records))),
        format_func=lambda i: f"{records[i]['name']} ({records[i]['actor']})",
        key="instruments_detail",
        placeholder=t("choice.pick"),
    )
    show_instrument(records[chosen or 0], _for_whom(records[chosen or 0]))

keepable = data.keepable_actor_ids(user)
if keepable is None or keepable:
    mine = everything if keepable is None else everything[everything["actor_id"].isin(keepable)]
    instrument_form(mine, keepable if keepable is not None else sorted(actor_names,
                    key=actor_names.get), actor_names)  # fmt: skip
