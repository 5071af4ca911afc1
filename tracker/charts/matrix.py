"""The who-does-what matrix as a heatmap: target groups down, kinds of work across, the
number of actors written in every cell (a crowded one marked ▲), the actors in the hover."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import MATRIX_SCALE, apply_layout, wrap_label
from tracker.i18n import label, t
from tracker.vocab import TargetGroup, WorkKind

CROWDED_MARK = "▲"


def who_does_what(cells: pd.DataFrame, lang: str, crowded: int) -> go.Figure:
    """cells: tracker.service.matrix CELL_COLUMNS, every target group × kind of work;
    crowded: its CROWDED."""
    groups = [TargetGroup(g) for g in dict.fromkeys(cells["target_group"])]
    kinds = [WorkKind(k) for k in dict.fromkeys(cells["work_kind"])]
    by_cell = {(r["target_group"], r["work_kind"]): r for r in cells.to_dict("records")}
    rows = [[by_cell[(g.value, k.value)] for k in kinds] for g in groups]
    fig = go.Figure(
        go.Heatmap(
            z=[[r["actors"] for r in row] for row in rows],
            x=[label(k, lang) for k in kinds],
            y=[wrap_label(label(g, lang), 22) for g in groups],
            text=[[_mark(r, crowded) for r in row] for row in rows],
            texttemplate="%{text}",
            hovertext=[[_hover(r, lang, crowded) for r in row] for row in rows],
            hovertemplate="%{hovertext}<extra></extra>",
            colorscale=MATRIX_SCALE,
            zmin=0,
            zmax=max(crowded + 1, int(cells["actors"].max() or 0)),
            xgap=2,
            ygap=2,
            showscale=False,
            name=t("matrix.tab", lang),
        )
    )
    apply_layout(fig, lang, height=120 + 44 * len(groups), legend=False, margin={"b": 90})
    # slanted: a dozen kinds of work side by side leave a label some 60 px, less than
    # one long word («Førstelinjetjeneste») needs, so level labels ran into each other
    fig.update_xaxes(side="top", tickangle=-40, automargin=True)
    fig.update_yaxes(autorange="reversed")
    fig.add_annotation(
        text=html.escape(
            f"{CROWDED_MARK} {t('matrix.crowded_note', lang, least=crowded)} · "
            f"0 {t('matrix.gap_note', lang)}"
        ),
        x=0,
        y=-0.02,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        showarrow=False,
    )
    return fig


def _mark(cell: dict[Any, Any], crowded: int) -> str:
    count = int(str(cell["actors"]))
    return f"{count} {CROWDED_MARK}" if count >= crowded else str(count)


def _hover(cell: dict[Any, Any], lang: str, crowded: int) -> str:
    names = str(cell["actor_names"]) or t("matrix.gap_note", lang)
    text = t(
        "matrix.hover",
        lang,
        group=html.escape(label(TargetGroup(str(cell["target_group"])), lang)),
        kind=html.escape(label(WorkKind(str(cell["work_kind"])), lang)),
        actors=html.escape(names),
    )
    if int(str(cell["actors"])) >= crowded:
        text += "<br>" + html.escape(t("matrix.crowded_note", lang, least=crowded))
    return text
