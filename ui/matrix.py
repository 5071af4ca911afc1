"""The tab «Hvem gjør hva» on Samarbeid: the who-does-what matrix as a heatmap with the
count in every cell, the crowded and the empty cells said in words, one cell's measures
and instruments, and theme × actor (tracker.service.matrix)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import charts
from tracker.i18n import label
from tracker.service.matrix import CROWDED, CROWDED_STATE, Matrix, cell_items, gaps_by_group
from tracker.vocab import TargetGroup, WorkKind
from ui import data, figures
from ui.state import lang, t
from ui.text import MISSING

CELL_KEY = "matrix_cell"


def show(plan_id: int) -> None:
    matrix: Matrix = data.who_does_what(plan_id=plan_id)
    st.write(t("matrix.intro"))
    st.caption(t("matrix.rule", least=CROWDED))
    figures.chart(
        charts.who_does_what, matrix.cells, lang(), CROWDED, key="matrix_chart", scope=(plan_id,)
    )
    left, right = st.columns(2)
    with left:
        _crowded(matrix.cells)
    with right:
        _gaps(matrix.cells)
    _one_cell(matrix)
    _themes(matrix.themes)


def _cell_name(group: str, kind: str) -> tuple[str, str]:
    return label(TargetGroup(group), lang()), label(WorkKind(kind), lang())


def _table(columns: dict[str, list[object]], key: str) -> None:
    """A table, or «Ingen her.» (an empty table would say Streamlit's «empty»)."""
    if not next(iter(columns.values())):
        st.caption(t("matrix.none"))
        return
    st.dataframe(
        pd.DataFrame(columns), hide_index=True, width="stretch", key=key, placeholder=MISSING
    )


def _crowded(cells: pd.DataFrame) -> None:
    crowded = cells[cells["state"] == CROWDED_STATE]
    st.subheader(t("matrix.crowded", count=len(crowded)))
    if crowded.empty:
        st.caption(t("matrix.crowded_none"))
        return
    names = [
        _cell_name(g, k) for g, k in zip(crowded["target_group"], crowded["work_kind"], strict=True)
    ]
    _table(
        {
            t("matrix.col.target_group"): [g for g, _ in names],
            t("matrix.col.work_kind"): [k for _, k in names],
            t("matrix.col.actors"): crowded["actors"].tolist(),
            t("matrix.col.who"): crowded["actor_names"].tolist(),
        },
        "matrix_crowded",
    )


def _gaps(cells: pd.DataFrame) -> None:
    st.subheader(t("matrix.gaps"))
    rows = [
        (
            label(TargetGroup(group), lang()),
            t("matrix.gaps_all") if every else ", ".join(label(WorkKind(k), lang()) for k in kinds),
        )
        for group, kinds, every in gaps_by_group(cells)
    ]
    _table(
        {
            t("matrix.col.target_group"): [g for g, _ in rows],
            t("matrix.col.gaps"): [k for _, k in rows],
        },
        "matrix_gaps",
    )


def _one_cell(matrix: Matrix) -> None:
    filled = matrix.cells[matrix.cells["actors"] > 0]
    options = [f"{g}|{k}" for g, k in zip(filled["target_group"], filled["work_kind"], strict=True)]
    counts = dict(zip(options, filled["actors"], strict=True))

    def option_text(option: str) -> str:
        group, kind = _cell_name(*option.split("|"))
        count = int(counts[option])
        actors = str(count) + (f" ({t('matrix.crowded_word')})" if count >= CROWDED else "")
        return t("matrix.cell_option", group=group, kind=kind, actors=actors)

    chosen = st.selectbox(
        t("matrix.cell"),
        [None, *options],
        format_func=lambda o: "–" if o is None else option_text(o),
        key=CELL_KEY,
        placeholder="–",
    )
    if chosen is None:
        return
    items = cell_items(matrix.presence, *chosen.split("|"))
    measures = items[items["source"] == "measure"]
    offers = items[items["source"] == "instrument"]
    st.subheader(t("matrix.items"))
    _table(
        {
            t("col.code"): measures["code"].tolist(),
            t("col.title"): measures["title"].tolist(),
            t("matrix.col.who"): [
                _roles(a, r) for a, r in zip(measures["actors"], measures["roles"], strict=True)
            ],
        },
        "matrix_measures",
    )
    st.subheader(t("matrix.offers"))
    _table(
        {
            t("col.actor"): [a[0] for a in offers["actors"]],
            t("matrix.col.instrument"): offers["title"].tolist(),
        },
        "matrix_instruments",
    )


def _roles(actors: list[str], roles: list[str]) -> str:
    return ", ".join(f"{a} ({t(f'matrix.role.{r}')})" for a, r in zip(actors, roles, strict=True))


def _themes(themes: pd.DataFrame) -> None:
    st.subheader(t("matrix.themes"))
    _table(
        {
            t("col.theme"): (themes["theme_code"] + " " + themes["theme_name"]).tolist(),
            t("col.actor"): themes["actor"].tolist(),
            t("matrix.col.led"): [", ".join(c) for c in themes["led"]],
            t("matrix.col.partner_in"): [", ".join(c) for c in themes["partner_in"]],
        },
        "matrix_themes",
    )
