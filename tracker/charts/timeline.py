"""One measure's reports over time against its expected progress."""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import (
    EXPECTED_COLOR,
    GRID_COLOR,
    PROGRESS_COLOR,
    STATUS_COLORS,
    apply_layout,
    rag_text,
)
from tracker.i18n import format_date, format_percent, label, t
from tracker.progress import reported_progress
from tracker.quarters import OSLO, Quarter, quarter_range
from tracker.vocab import Status

TIMELINE_HEIGHT = 340
UNKNOWN_COLOR = "#7F7F7F"
_COMMENT_LIMIT = 120
_HALO = "0 0 2px white, 0 0 3px white, 0 0 4px white"
"""A white glow so status words stay readable where they cross a line."""


def measure_timeline(
    history: pd.DataFrame, start_period: Quarter | str, end_period: Quarter | str, lang: str
) -> go.Figure:
    """Reported progress per report at the end of its quarter (x = the end of the
    report's period, whenever it was saved: a late report for Q2 shows at Q2, and it
    meets the expected progress as of that quarter's end, as every figure counts it)
    with markers coloured and labelled by status (the label is written where the
    status changes; the hover has it, and the date it was saved), and the expected
    progress: a straight line from 0 at the start of start_period to 100 at the end
    of end_period. The axis is labelled by quarter at each quarter's end.

    history: as tracker.service.status.measure_history returns it (columns period,
    status, progress, rag, comment, reported_at), oldest first.
    """
    first, last = _quarter(start_period), _quarter(end_period)
    begin, finish = _local(first.start()), _local(last.end())
    fig = go.Figure()
    fig.add_trace(_expected_line(begin, finish, lang))
    points = _points(history, lang)
    known = [p for p in points if p["y"] is not None]
    unknown = [p for p in points if p["y"] is None]
    if known:
        fig.add_trace(_progress_line(known, lang))
        for status in dict.fromkeys(p["status"] for p in known):
            fig.add_trace(_status_markers([p for p in known if p["status"] == status], lang))
    if unknown:
        fig.add_trace(_unknown_trace(unknown, lang))
    apply_layout(fig, lang, height=TIMELINE_HEIGHT)
    quarters = sorted({first, last, *(Quarter.parse(str(p)) for p in history.get("period", []))})
    _axes(fig, [begin, finish, *(p["x"] for p in points)], quarters[0], quarters[-1], lang)
    return fig


def _expected_line(begin: datetime, finish: datetime, lang: str) -> go.Scatter:
    """The expected progress: 0 at the span's start, 100 at its end."""
    return go.Scatter(
        x=[begin, finish],
        y=[0.0, 100.0],
        mode="lines",
        name=t("chart.expected", lang),
        line={"color": EXPECTED_COLOR, "dash": "dash", "width": 2},
        hovertext=[f"{t('chart.expected', lang)}: {format_percent(v, lang)}" for v in (0, 100)],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _axes(fig: go.Figure, xs: list[datetime], first: Quarter, last: Quarter, lang: str) -> None:
    """A date axis over every point (with some room), labelled by quarter from first
    to last, and the progress axis."""
    pad = timedelta(days=20)
    tickvals, ticktext = _ticks(first, last)
    fig.update_xaxes(
        type="date",
        range=[min(xs) - pad, max(xs) + pad],
        tickvals=tickvals,
        ticktext=ticktext,
        showgrid=True,
        gridcolor=GRID_COLOR,
        minor={
            "tickvals": [_local(q.end()) for q in quarter_range(first, last)],
            "showgrid": True,
            "gridcolor": GRID_COLOR,
        },
        title={"text": t("col.period", lang)},
    )
    fig.update_yaxes(
        range=[-4, 112],
        tickvals=[0, 25, 50, 75, 100],
        ticksuffix=" %",
        showgrid=True,
        title={"text": t("chart.progress", lang)},
    )


def _points(history: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """The reports in quarter order (saved order within a quarter), each at its
    quarter's end."""
    points: list[dict[str, Any]] = []
    previous: str | None = None
    history = history.sort_values("period", kind="stable")  # "2025-Q2" sorts as text
    for _, row in history.iterrows():
        status = None if pd.isna(row.get("status")) else str(row["status"])
        y = _progress(status, row.get("progress"))
        label_text = label(Status(status), lang) if status else ""
        points.append(
            {
                "x": _when(row),
                "y": y,
                "status": status,
                "label": label_text if status != previous else "",
                "hover": _hover(row, status, y, lang),
            }
        )
        previous = status
    return points


def _progress_line(points: list[dict[str, Any]], lang: str) -> go.Scatter:
    """The line through the reports; the markers are drawn per status on top."""
    return go.Scatter(
        x=[p["x"] for p in points],
        y=[p["y"] for p in points],
        mode="lines",
        name=t("chart.progress", lang),
        line={"color": PROGRESS_COLOR, "width": 2},
        hoverinfo="skip",
    )


def _status_markers(points: list[dict[str, Any]], lang: str) -> go.Scatter:
    """The reports with one status: coloured markers, a legend entry with the
    status word, and the word written where the status changes."""
    status = points[0]["status"]
    return go.Scatter(
        x=[p["x"] for p in points],
        y=[p["y"] for p in points],
        mode="markers+text",
        name=label(Status(status), lang) if status else t("chart.status", lang),
        text=[p["label"] for p in points],
        textposition="top center",
        textfont={"size": 12, "shadow": _HALO},
        marker={
            "size": 11,
            "color": _status_color(status),
            "line": {"width": 1.5, "color": "white"},
        },
        hovertext=[p["hover"] for p in points],
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
        meta=status,
    )


def _unknown_trace(points: list[dict[str, Any]], lang: str) -> go.Scatter:
    """Reports without a percentage: open markers on the time axis, never a 0 %."""
    return go.Scatter(
        x=[p["x"] for p in points],
        y=[0.0] * len(points),
        mode="markers",
        name=t("chart.progress_unknown", lang),
        marker={"symbol": "circle-open", "size": 11, "color": UNKNOWN_COLOR, "line": {"width": 2}},
        hovertext=[p["hover"] for p in points],
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
    )


def _quarter(value: Quarter | str) -> Quarter:
    return value if isinstance(value, Quarter) else Quarter.parse(value)


def _progress(status: str | None, progress: Any) -> float | None:
    progress = reported_progress(status, progress)
    if progress is None or pd.isna(progress):
        return None
    return float(progress)


def _when(row: pd.Series) -> datetime:
    """Where a report stands: the end of its quarter (not the day it was saved)."""
    return _local(Quarter.parse(str(row["period"])).end())


def _local(moment: datetime) -> datetime:
    """Oslo wall-clock time without tzinfo: what the axis should show."""
    return moment.astimezone(OSLO).replace(tzinfo=None)


MAX_TICKS = 9
"""At most this many quarters are named on the axis (every quarter has a grid line)."""


def _ticks(first: Quarter, last: Quarter) -> tuple[list[datetime], list[str]]:
    """Quarter ends labelled '2025-Q1'; on a longer span only the Q2 and Q4 ends, or
    only the years' ends (Q4), every n-th year, so that at most MAX_TICKS are named."""
    quarters = quarter_range(first, last)
    step = next(
        s
        for s in (1, 2, *range(4, 4 * len(quarters) + 5, 4))
        if -(-len(quarters) // s) <= MAX_TICKS
    )
    if step < 4:
        named = [q for q in quarters if q.number % step == 0]
    else:
        every = step // 4
        named = [q for q in quarters if q.number == 4 and (last.year - q.year) % every == 0]
    named = named or quarters[-1:]
    return [_local(q.end()) for q in named], [str(q) for q in named]


def _status_color(status: str | None) -> str:
    return STATUS_COLORS[Status(status)] if status else UNKNOWN_COLOR


def _hover(row: pd.Series, status: str | None, y: float | None, lang: str) -> str:
    when = row.get("reported_at")
    lines = [f"<b>{html.escape(str(row.get('period', '')))}</b>"]
    if when is not None and not pd.isna(when):
        lines[0] += f" · {format_date(pd.Timestamp(when).to_pydatetime(), lang)}"
    if status:
        lines.append(f"{t('chart.status', lang)}: {label(Status(status), lang)}")
    progress = format_percent(y, lang) if y is not None else t("chart.progress_unknown", lang)
    lines.append(f"{t('chart.progress', lang)}: {progress}")
    rag = row.get("rag")
    if rag is not None and not pd.isna(rag):
        lines.append(f"{t('chart.rag', lang)}: {rag_text(rag, lang)}")
    comment = row.get("comment")
    if isinstance(comment, str) and comment.strip():
        short = comment.strip()
        if len(short) > _COMMENT_LIMIT:
            short = short[: _COMMENT_LIMIT - 1] + "…"
        lines.append(f"<i>{html.escape(short)}</i>")
    return "<br>".join(lines)
