"""The plan over quarters, from tracker.service.rollups.trend (columns quarter +
ROLLUP_COLUMNS, one row per quarter, oldest first)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import (
    COVERAGE_COLOR,
    EXPECTED_COLOR,
    PROGRESS_COLOR,
    apply_layout,
    floats,
    no_data,
    percent_axis,
    quarter_axis,
    status_bar_traces,
    texts,
)
from tracker.i18n import format_percent, quarter_label, t
from tracker.quarters import Quarter

TREND_HEIGHT = 340


def trend_progress(trend: pd.DataFrame, lang: str) -> go.Figure:
    """Weighted progress (solid), expected progress (dashed) and report coverage
    (dotted) per quarter, all on one 0–100 % axis. The line styles tell the
    series apart without colour."""
    fig = go.Figure()
    if trend.empty:
        return no_data(apply_layout(fig, lang, height=TREND_HEIGHT, legend=False), lang)
    quarters = texts(trend["quarter"])
    labels = [quarter_label(Quarter.parse(q), lang) for q in quarters]
    coverage = [None if c is None else 100.0 * c for c in floats(trend["coverage"])]
    series = [
        ("chart.progress", floats(trend["progress"]), PROGRESS_COLOR, "solid", 3),
        ("chart.expected", floats(trend["expected"]), EXPECTED_COLOR, "dash", 2),
        ("chart.coverage", coverage, COVERAGE_COLOR, "dot", 2),
    ]
    for key, values, color, dash, width in series:
        name = t(key, lang)
        fig.add_trace(
            go.Scatter(
                x=quarters,
                y=values,
                name=name,
                mode="lines+markers",
                line={"color": color, "dash": dash, "width": width},
                marker={"size": 6 if key == "chart.progress" else 4, "color": color},
                customdata=labels,
                hovertext=[f"{name}: {format_percent(v, lang)}" for v in values],
                hovertemplate="%{hovertext}<extra></extra>",
                cliponaxis=False,
            )
        )
    apply_layout(fig, lang, height=TREND_HEIGHT)
    fig.update_layout(hovermode="x unified")
    fig.update_xaxes(**quarter_axis(quarters, lang))
    # The unified hover title would show the tick text ("Q3"); show "3. kvartal 2025".
    fig.update_xaxes(unifiedhovertitle={"text": "<b>%{customdata}</b>"})
    fig.update_yaxes(**percent_axis({"title": {"text": t("chart.percent_axis", lang)}}))
    return fig


def trend_status(trend: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars of measure counts per status (and not reported) per quarter."""
    fig = go.Figure()
    if trend.empty:
        return no_data(apply_layout(fig, lang, height=TREND_HEIGHT, legend=False), lang)
    quarters = texts(trend["quarter"])
    labels = [quarter_label(Quarter.parse(q), lang) for q in quarters]
    for trace in status_bar_traces(
        trend, quarters, labels, lang, orientation="v", category_hover="%{customdata}"
    ):
        fig.add_trace(trace)
    apply_layout(fig, lang, height=TREND_HEIGHT)
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_xaxes(**quarter_axis(quarters, lang))
    fig.update_yaxes(
        title={"text": t("chart.measure_count", lang)},
        tickformat="d",
        showgrid=True,
        rangemode="tozero",
    )
    return fig
