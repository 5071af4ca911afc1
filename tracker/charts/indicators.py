"""Indicators as small multiples: for each, the reported values (solid, marked)
against the straight path from baseline to target (dashed), its title saying on
track or not in words (✓ / ✕), never by colour alone."""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tracker.charts.style import EXPECTED_COLOR, PROGRESS_COLOR, apply_layout, no_data
from tracker.i18n import t
from tracker.quarters import year_position

COLUMNS = 2
ROW_HEIGHT = 260


def indicator_grid(indicators: pd.DataFrame, values: pd.DataFrame, lang: str) -> go.Figure:
    """indicators and values: list_indicators' two frames."""
    if indicators.empty:
        return no_data(apply_layout(go.Figure(), lang, height=200, legend=False), lang)
    rows = math.ceil(len(indicators) / COLUMNS)
    titles = [_title(row, lang) for row in indicators.to_dict("records")]
    fig = make_subplots(rows=rows, cols=COLUMNS, subplot_titles=titles, vertical_spacing=0.16)
    for index, row in enumerate(indicators.to_dict("records")):
        at = {"row": index // COLUMNS + 1, "col": index % COLUMNS + 1}
        mine = values[values["indicator_id"] == row["id"]]
        fig.add_trace(
            go.Scatter(
                x=[row["baseline_year"], row["target_year"]],
                y=[row["baseline_value"], row["target_value"]],
                mode="lines",
                line={"dash": "dash", "color": EXPECTED_COLOR, "width": 2},
                name=t("indicators.path", lang),
                showlegend=index == 0,
                hovertemplate="%{x}: %{y:,.1~f}<extra></extra>",
            ),
            **at,
        )
        fig.add_trace(
            go.Scatter(
                x=[year_position(p) for p in mine["period"]],
                y=mine["value"].tolist(),
                mode="lines+markers",
                customdata=mine["period"].tolist(),
                line={"color": PROGRESS_COLOR, "width": 3},
                marker={"size": 8},
                name=t("indicators.actual", lang),
                showlegend=index == 0,
                hovertemplate="%{customdata}: %{y:,.1~f}<extra></extra>",
            ),
            **at,
        )
        fig.update_xaxes(dtick=1, tickformat="d", **at)
        fig.update_yaxes(tickformat=",.1~f", **at)  # 7 400, and 4,5 where it matters
    apply_layout(fig, lang, height=ROW_HEIGHT * rows + 90, margin={"t": 40, "b": 70})
    fig.update_layout(legend={"y": -0.06, "yanchor": "top", "x": 0})
    fig.update_annotations(font={"size": 13})
    return fig


def _title(row: dict, lang: str) -> str:
    if pd.isna(row["on_track"]):
        state = t("indicators.no_value", lang)
    else:
        state = t("indicators.on_track" if row["on_track"] else "indicators.off_track", lang)
    unit = f" ({html.escape(str(row['unit']))})" if row["unit"] else ""
    return f"<b>{html.escape(str(row['name']))}</b>{unit} · {state}"
