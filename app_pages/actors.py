"""Aktører: every actor's measures (led and as partner), their status, and its
reporting for the chosen quarter (reported / missing); the chosen actor's profile
above its measures, with the form its own users (or the admin) keep it in."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.i18n import round_half_up
from tracker.service.events import joined
from tracker.tables import ACTOR_COLUMNS
from ui import data, widgets
from ui.profile import profile_form, show_profile, show_year_and_offers
from ui.state import lang, require_user, t, tn
from ui.text import MISSING

user = require_user()
plan_id = widgets.page_start("page.actors")

quarter = widgets.quarter_picker(plan_id, container=st.sidebar)
final = data.final_actor_table(plan_id=plan_id, quarter=quarter)  # a closed quarter
table, metrics = final or data.actor_table(
    plan_id=plan_id, as_of=widgets.as_of(quarter), quarter=quarter
)
if final is not None:
    st.caption(t("overview.from_final"))
if metrics.empty:
    st.info(t("empty.no_plan"))
    st.stop()
st.subheader(t("actors.all", quarter=widgets.quarter_label(str(quarter))))
columns = {
    "col.actor": table["name"],
    "actors.leads": table["measures"],
    "actors.partner_in": table["partner_in"],
    # rounded here, the one way (the column's own format would round in the browser)
    "col.progress": table["progress"].map(round_half_up, na_action="ignore"),
    "kpi.behind": table["behind"],
    "actors.reported": [
        t("actors.reported_of", reported=int(r), due=int(d)) if d else "–"
        for r, d in zip(table["quarter_reported"], table["quarter_due"], strict=True)
    ],
    "label.reported_earlier": table["reported_earlier"],
    "kpi.overdue": table["overdue"],
}
st.dataframe(
    pd.DataFrame({t(c.label): columns[c.label] for c in ACTOR_COLUMNS}),
    hide_index=True,
    width="stretch",
    column_config=widgets.column_config(ACTOR_COLUMNS),
    key="actors_table",
    placeholder=MISSING,
)

names = dict(zip(table["actor_id"], table["name"], strict=True))
ids = list(names)
default = ids.index(user.actor_id) if user.actor_id in ids else 0
actor_id = st.selectbox(
    t("actors.pick"),
    ids,
    index=default,
    format_func=names.__getitem__,
    key="actors_pick",
    placeholder=t("choice.pick"),
)
profile = data.actor_profile(user=user, actor_id=actor_id)
show_profile(profile)
# the year in the Årshjul: its events and its instruments' deadlines (as the wheel shows)
year_events = joined(data.events(), data.instrument_deadlines(lang=lang()))
show_year_and_offers(actor_id, year_events, data.instruments())
if profile.may_keep:
    themes = data.themes(plan_id)
    profile_form(profile, dict(zip(map(int, themes["id"]), themes["name"], strict=True)))

led = metrics[metrics["lead_actor_id"] == actor_id]
partner = metrics[metrics["partner_ids"].map(lambda ids: actor_id in ids)]
row = table[table["actor_id"] == actor_id]
if not row.empty and row.iloc[0]["quarter_due"]:
    done, due = int(row.iloc[0]["quarter_reported"]), int(row.iloc[0]["quarter_due"])
    message = tn("actors.quarter_status", due, reported=done)
    (st.success if done == due else st.warning)(message)

st.subheader(t("actors.led", count=len(led)))
if led.empty:
    st.caption(t("actors.none"))
else:
    widgets.show_measure_table(led, key="actors_led")
st.subheader(t("actors.partner", count=len(partner)))
if partner.empty:
    st.caption(t("actors.none"))
else:
    widgets.show_measure_table(partner, key="actors_partner")
