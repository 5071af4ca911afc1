"""The annual wheel (årshjul): the year as a circle of twelve months, January at
the top, clockwise; each event a mark at its date, on a ring of its own per actor
or kind, coloured (and shaped) by it; from tracker.service.events.occurrences."""

from __future__ import annotations

import calendar
import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import OKABE_ITO, apply_layout
from tracker.i18n import format_date, label, t, tn
from tracker.vocab import EventKind

WHEEL_HEIGHT = 640
PALETTE = [c for name, c in OKABE_ITO.items() if name not in ("yellow", "black")]
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "star", "hexagon", "cross"]
MONTH_FILLS = ("#F4F6F9", "#FFFFFF")
MAX_RINGS = 12
"""Rings a wheel draws, one per actor (or kind): more cannot be told apart, and each is
a plotly trace (530 actors took 1.7 s). The busiest keep their own; the rest share one."""


def wheel(happening: pd.DataFrame, year: int, color_by: str, lang: str) -> go.Figure:
    """color_by: "actor" or "kind". customdata of each mark is the event id."""
    days = 366 if calendar.isleap(year) else 365
    fig = go.Figure()
    starts = [date(year, m, 1).timetuple().tm_yday - 1 for m in range(1, 13)]
    widths = [calendar.monthrange(year, m)[1] * 360 / days for m in range(1, 13)]
    groups = _groups(happening, color_by, lang)
    rings = max(len(groups), 1) + 1
    fig.add_trace(
        go.Barpolar(
            theta=[(s * 360 / days) + w / 2 for s, w in zip(starts, widths, strict=True)],
            width=widths,
            r=[rings] * 12,
            marker={"color": [MONTH_FILLS[m % 2] for m in range(12)], "line": {"width": 0}},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for index, (name, rows) in enumerate(groups):
        angle = [(d.timetuple().tm_yday - 0.5) * 360 / days for d in rows["date"]]
        fig.add_trace(
            go.Scatterpolar(
                theta=angle,
                r=[index + 1] * len(rows),
                mode="markers",
                name=name,
                marker={
                    "size": 12,
                    "color": PALETTE[index % len(PALETTE)],
                    "symbol": SYMBOLS[(index // len(PALETTE)) % len(SYMBOLS)],
                    "line": {"width": 1, "color": "white"},
                },
                customdata=[str(i) for i in rows["id"]],
                hovertext=[_hover(row, lang) for row in rows.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    apply_layout(fig, lang, height=WHEEL_HEIGHT, legend=True, margin={"t": 30, "b": 30})
    fig.update_layout(
        legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"},
        polar={
            "bgcolor": "white",
            "angularaxis": {
                "rotation": 90,
                "direction": "clockwise",
                "tickmode": "array",
                "tickvals": [(s * 360 / days) + w / 2 for s, w in zip(starts, widths, strict=True)],
                "ticktext": [t(f"wheel.month.{m}", lang) for m in range(1, 13)],
                "showgrid": False,
            },
            "radialaxis": {"visible": False, "range": [0, rings]},
        },
    )
    return fig


def _groups(happening: pd.DataFrame, color_by: str, lang: str) -> list[tuple[str, pd.DataFrame]]:
    if happening.empty:
        return []
    if color_by == "kind":
        names = happening["kind"].map(lambda k: label(EventKind(k), lang))
    else:
        names = happening["actor"].astype(str).map(html.escape)  # legend names: stored text
    order = sorted(names.unique(), key=str.casefold)
    if len(order) <= MAX_RINGS:
        return [(name, happening[names == name]) for name in order]
    counts = names.value_counts()
    busiest = sorted(order, key=lambda name: (-counts[name], name.casefold()))[: MAX_RINGS - 1]
    kept = [name for name in order if name in busiest]  # in the legend's order
    rest = ~names.isin(kept)
    gathered = tn("wheel.others", len(order) - len(kept), lang)
    return [(name, happening[names == name]) for name in kept] + [(gathered, happening[rest])]


def _hover(row: dict, lang: str) -> str:
    when = format_date(row["date"], lang)
    if row["until"] != row["date"]:
        when += f"–{format_date(row['until'], lang)}"
    lines = [f"<b>{html.escape(str(row['title']))}</b>", when, html.escape(str(row["actor"]))]
    if row["target_groups"]:
        lines.append(html.escape(", ".join(row["target_groups"])))
    return "<br>".join(lines)
