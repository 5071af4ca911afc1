"""Per-group charts (one row per theme, goal or actor) from a roll-up frame as
tracker.service.rollups.theme_rollup / actor_rollup / goal_rollup return it."""

from __future__ import annotations

import html
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import (
    EXPECTED_COLOR,
    PROGRESS_COLOR,
    apply_layout,
    bar_height,
    floats,
    ints,
    no_data,
    percent_axis,
    plain,
    status_bar_traces,
    texts,
    wrap_label,
)
from tracker.i18n import coverage_text, format_percent, t, tn

COVERAGE_KEYS = ("reported_now", "counted", "reported_earlier")

_GROUP_TITLES = {"theme_id": "entity.theme", "goal_id": "entity.goal", "actor_id": "entity.actor"}
_SUMMARY_ROOM = 140
"""Pixels right of the plot for the '62 % / 6 av 7 rapportert' column."""


def progress_bars(rollup: pd.DataFrame, label_column: str, id_column: str, lang: str) -> go.Figure:
    """Horizontal bars of weighted progress per group, the expected progress as a
    marker, and progress · report coverage as text right of each row.

    rollup: one row per group, in display order (top first), with label_column,
    id_column, progress, expected, reported, counted. customdata of every trace is
    the group id. A group with no reports keeps its row and says so.
    """
    fig = go.Figure()
    if rollup.empty:
        return no_data(apply_layout(fig, lang, height=bar_height([]), legend=False), lang)
    labels = texts(rollup[label_column])
    rows = cast(list[dict[str, Any]], rollup.to_dict("records"))  # the keys are column names
    common: dict[str, Any] = {
        "y": labels,
        "customdata": plain(rollup[id_column]),
        "hovertext": [_hover(row, label_column, lang) for row in rows],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    _add_progress(fig, floats(rollup["progress"]), floats(rollup["expected"]), common, lang)
    # All annotations in one assignment: add_annotation per row validates the whole
    # layout each time and made a 120-actor chart take seconds.
    fig.layout.annotations = _row_notes(labels, [_summary(row, lang) for row in rows])
    apply_layout(fig, lang, height=bar_height(labels), margin={"r": _SUMMARY_ROOM, "l": 10})
    fig.update_layout(bargap=0.35)
    fig.update_xaxes(**percent_axis({"title": {"text": t("chart.progress_axis", lang)}}))
    _category_rows(fig, labels, id_column, lang)
    return fig


def _add_progress(
    fig: go.Figure,
    progress: list[float | None],
    expected: list[float | None],
    common: dict[str, Any],
    lang: str,
) -> None:
    """The progress bars, and the expected progress as a tick on each."""
    fig.add_trace(
        go.Bar(
            x=progress,
            orientation="h",
            name=t("chart.progress", lang),
            marker={"color": PROGRESS_COLOR},
            **common,
        )
    )
    tick = {"width": 3, "color": EXPECTED_COLOR}
    fig.add_trace(
        go.Scatter(
            x=expected,
            mode="markers",
            name=t("chart.expected", lang),
            marker={"symbol": "line-ns", "size": 20, "color": EXPECTED_COLOR, "line": tick},
            cliponaxis=False,
            **common,
        )
    )


def _row_notes(labels: list[str], notes: list[str]) -> list[dict[str, Any]]:
    """A text right of each row, outside the plot area."""
    return [
        {
            "x": 1,
            "xref": "paper",
            "xanchor": "left",
            "xshift": 16,
            "y": row_label,
            "yref": "y",
            "text": note,
            "showarrow": False,
            "align": "left",
        }
        for row_label, note in zip(labels, notes, strict=True)
    ]


def status_mix(rollup: pd.DataFrame, label_column: str, id_column: str, lang: str) -> go.Figure:
    """Stacked horizontal bars: how many measures per status (and not reported) in
    each group. Input as for progress_bars, with the status_… and no_report columns."""
    fig = go.Figure()
    if rollup.empty:
        return no_data(apply_layout(fig, lang, height=bar_height([]), legend=False), lang)
    labels = texts(rollup[label_column])
    for trace in status_bar_traces(
        rollup,
        labels,
        plain(rollup[id_column]),
        lang,
        orientation="h",
        category_hover="%{hovertext}",  # the name escaped (%{y} is raw)
    ):
        fig.add_trace(trace)
    apply_layout(fig, lang, height=bar_height(labels))
    fig.update_layout(barmode="stack", bargap=0.35)
    fig.update_xaxes(
        title={"text": t("chart.measure_count", lang)},
        tickformat="d",
        showgrid=True,
        rangemode="tozero",
    )
    _category_rows(fig, labels, id_column, lang)
    return fig


def _category_rows(fig: go.Figure, labels: list[str], id_column: str, lang: str) -> None:
    """Rows top-down in input order, every row kept even when it has no bar."""
    title_key = _GROUP_TITLES.get(id_column)
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        tickmode="array",
        tickvals=labels,
        ticktext=[wrap_label(text) for text in labels],
        autorange="reversed",
        showgrid=False,
        ticks="",
        title={"text": t(title_key, lang) if title_key else ""},
    )


def _summary(row: dict[str, Any], lang: str) -> str:
    """'62 %' over '6 av 7 rapportert' (two short lines fit narrow columns), or
    'ingen rapporter'."""
    if pd.isna(row["progress"]):
        return no_progress_reason(row, lang)
    reported = t(
        "chart.reported_of", lang, reported=int(row["reported_now"]), counted=int(row["counted"])
    )
    return f"<b>{format_percent(float(row['progress']), lang)}</b><br>{reported}"


def no_progress_reason(row: dict[str, Any], lang: str) -> str:
    """Why a group shows no progress: no measures in the quarter, only cancelled
    ones, reports without a percentage, or no reports at all."""
    measures, counted = ints([row.get("measures")])[0], ints([row.get("counted")])[0]
    if not measures:
        return t("chart.no_measures", lang)
    if not counted:
        return t("chart.only_cancelled", lang)
    if ints([row.get("reported_now")])[0] or ints([row.get("reported_earlier")])[0]:
        return t("chart.group_progress_unknown", lang)
    return t("chart.no_reports", lang)


def _hover(row: dict[str, Any], label_column: str, lang: str) -> str:
    lines = [f"<b>{html.escape(str(row[label_column]))}</b>"]
    if pd.isna(row["progress"]):
        lines.append(no_progress_reason(row, lang))
    else:
        lines.append(f"{t('chart.progress', lang)}: {format_percent(row['progress'], lang)}")
        lines.append(f"{t('chart.expected', lang)}: {format_percent(row['expected'], lang)}")
    lines.append(coverage_text({k: ints([row.get(k)])[0] for k in COVERAGE_KEYS}, lang))
    behind = ints([row.get("behind")])[0]
    if behind:
        lines.append(f"{t('chart.behind', lang)}: {tn('count.measures', behind, lang)}")
    return "<br>".join(lines)
