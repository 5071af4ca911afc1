"""Samarbeid: the network of actors that take part in the same measures, by plan
and theme; click an actor (or pick it) to see its links; the actors without a
shared measure and the measures with one actor only; and the tab «Hvem gjør hva»,
the who-does-what matrix (ui.matrix)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import charts
from tracker.service.network import links_of
from ui import data, figures, matrix, widgets
from ui.state import lang, require_user, t, tn
from ui.text import MISSING, t_md

MAP_KEY, PICK_KEY = "network_map", "network_pick"

require_user()
plan_id = widgets.page_start("page.collaboration")
tab_network, tab_matrix = st.tabs([t("network.tab"), t("matrix.tab")])

with tab_matrix:
    matrix.show(plan_id)

with tab_network:
    st.write(t("network.intro"))

    themes = data.themes(plan_id)
    theme_names = dict(zip(themes["id"], themes["name"], strict=True))
    theme_id = st.selectbox(
        t("filter.theme"),
        [None, *themes["id"].tolist()],
        format_func=lambda i: t("filter.all") if i is None else theme_names.get(i, "?"),
        key="network_theme",
        placeholder=t("filter.all"),
    )
    net = data.collaboration(plan_id=plan_id, theme_id=theme_id)
    names = dict(zip(net.nodes["actor_id"], net.nodes["name"], strict=True))

    # A click on the map picks the actor in the list below (set before the list is drawn).
    clicked = widgets.clicked_id(st.session_state.get(MAP_KEY))
    if clicked in names and st.session_state.get("network_clicked") != clicked:
        st.session_state[PICK_KEY] = st.session_state["network_clicked"] = clicked
    if st.session_state.get(PICK_KEY) not in names:
        st.session_state[PICK_KEY] = None
    chosen = st.session_state[PICK_KEY]

    measures = data.measures_frame(plan_id)
    if theme_id is not None:
        measures = measures[measures["theme_id"] == theme_id]
    st.caption(
        tn(
            "network.summary",
            len(measures) - len(net.solo_measures),
            actors=tn("count.actors", len(net.nodes)),
            links=tn("count.links", len(net.edges)),
            measures=tn("count.measures", len(measures)),
        )
    )
    figures.chart(
        charts.network_map,
        net.nodes,
        net.edges,
        lang(),
        chosen,
        key=MAP_KEY,
        scope=(plan_id, theme_id, chosen),
        clickable=True,
    )

    st.selectbox(
        t("network.pick"),
        [None, *sorted(names, key=lambda a: str(names[a]).casefold())],
        format_func=lambda a: "–" if a is None else names[a],
        key=PICK_KEY,
        placeholder="–",
    )
    if chosen is not None:
        links = links_of(net, chosen)
        st.subheader(t_md("network.links", actor=names[chosen]))
        if links.empty:
            st.info(t_md("network.no_links", actor=names[chosen]))
        else:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("col.actor"): links["name"],
                        t("network.col.shared"): links["weight"],
                        t("network.col.codes"): links["codes"],
                    }
                ),
                hide_index=True,
                width="stretch",
                key="network_links",
                placeholder=MISSING,
            )

    left, right = st.columns(2)
    with left:
        st.subheader(t("network.lonely", count=len(net.lonely_actors)))
        if net.lonely_actors.empty:  # an empty table would say Streamlit's «empty»
            st.caption(t("network.lonely_none"))
        else:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("col.actor"): net.lonely_actors["name"],
                        t("network.col.led"): net.lonely_actors["led"],
                    }
                ),
                hide_index=True,
                width="stretch",
                key="network_lonely",
                placeholder=MISSING,
            )
    with right:
        st.subheader(t("network.solo", count=len(net.solo_measures)))
        solo = net.solo_measures
        if solo.empty:
            st.caption(t("network.solo_none"))
        else:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("col.code"): solo["code"],
                        t("col.title"): solo["title"],
                        t("col.lead"): solo["lead_name"],
                    }
                ),
                hide_index=True,
                width="stretch",
                key="network_solo",
                placeholder=MISSING,
            )
