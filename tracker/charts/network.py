"""The collaboration map: actors as circles sized by the measures they lead, a line
between two actors for each shared measure count (thicker: more measures), from
tracker.service.network. Clicking an actor selects it (customdata is its id)."""

from __future__ import annotations

import html
from typing import cast

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import GRID_COLOR, OKABE_ITO, apply_layout, no_data
from tracker.i18n import t, tn

MAP_HEIGHT = 620
LINE_COLOR = "rgba(130, 142, 156, 0.45)"
FADED_LINE_COLOR = "rgba(130, 142, 156, 0.15)"
NODE_COLOR = OKABE_ITO["blue"]
CHOSEN_COLOR = OKABE_ITO["vermillion"]


def network_map(
    nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, chosen: int | None = None
) -> go.Figure:
    fig = go.Figure()
    apply_layout(fig, lang, height=MAP_HEIGHT, legend=False, margin={"l": 10, "r": 10, "t": 10})
    if nodes.empty:
        return no_data(fig, lang)
    where = {a: (x, y) for a, x, y in zip(nodes["actor_id"], nodes["x"], nodes["y"], strict=True)}
    mine = (edges["source"] == chosen) | (edges["target"] == chosen)
    others = FADED_LINE_COLOR if chosen is not None else LINE_COLOR
    _add_lines(fig, edges[~mine], where, others)
    _add_lines(fig, edges[mine], where, CHOSEN_COLOR)  # the chosen actor's links on top
    sizes = [12 + 8 * min(int(led), 25) ** 0.5 for led in nodes["led"]]  # area ~ measures led
    colors = [CHOSEN_COLOR if a == chosen else NODE_COLOR for a in nodes["actor_id"]]
    fig.add_trace(
        go.Scatter(
            x=nodes["x"].tolist(),
            y=nodes["y"].tolist(),
            mode="markers+text",
            text=[html.escape(str(n)) for n in nodes["name"]],
            textposition="top center",
            textfont={"size": 11},
            marker={"size": sizes, "color": colors, "line": {"width": 1, "color": "white"}},
            customdata=nodes["actor_id"].tolist(),
            hovertext=[_hover(row, lang) for row in nodes.to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    hidden = {"visible": False, "range": [-1.15, 1.15], "gridcolor": GRID_COLOR}
    fig.update_xaxes(**hidden)
    fig.update_yaxes(**hidden)
    return fig


def _add_lines(
    fig: go.Figure, edges: pd.DataFrame, where: dict[int, tuple[float, float]], color: str
) -> None:
    """One trace per line width: a few traces, whatever the number of links."""
    for weight, group in edges.groupby("weight"):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for source, target in zip(group["source"], group["target"], strict=True):
            xs += [where[source][0], where[target][0], None]
            ys += [where[source][1], where[target][1], None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"width": 1 + 1.5 * min(cast(int, weight), 6), "color": color},
            )
        )


def _hover(row: dict, lang: str) -> str:
    name = html.escape(str(row["name"]))
    return f"<b>{name}</b><br>" + t(
        "network.hover",
        lang,
        led=tn("count.measures", row["led"], lang),
        shared=tn("count.measures", row["shared"], lang),
        links=tn("count.partners", row["links"], lang),
    )
