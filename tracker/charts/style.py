"""The one place for chart look: palette, RAG symbols, the common layout, and
small helpers shared by the figure builders. Never imports streamlit."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from tracker.i18n import label, t, tn
from tracker.vocab import Rag, Status

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# colour-vision deficiencies. Completed is a darker shade of the bluish green so
# that no status shares a colour with a RAG value.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

STATUS_COLORS: dict[Status, str] = {
    Status.NOT_STARTED: OKABE_ITO["sky_blue"],
    Status.IN_PROGRESS: OKABE_ITO["blue"],
    Status.COMPLETED: "#00684C",  # bluish green, darkened
    Status.POSTPONED: OKABE_ITO["orange"],
    Status.CANCELLED: OKABE_ITO["reddish_purple"],
}
NO_REPORT_COLOR = "#D9D9D9"
"""Measures without a report: light grey, hatched (see NO_REPORT_PATTERN)."""
NO_REPORT_PATTERN: dict[str, Any] = {"shape": "/", "fgcolor": "#7F7F7F", "solidity": 0.25}

RAG_COLORS: dict[Rag, str] = {
    Rag.GREEN: OKABE_ITO["bluish_green"],
    Rag.YELLOW: OKABE_ITO["yellow"],
    Rag.RED: OKABE_ITO["vermillion"],
}
RAG_SYMBOLS: dict[Rag, str] = {Rag.GREEN: "✓", Rag.YELLOW: "!", Rag.RED: "✕"}
"""RAG is never colour alone: every chart showing RAG shows the symbol or word too."""
RAG_ORDER: tuple[Rag, ...] = (Rag.GREEN, Rag.YELLOW, Rag.RED)

MATRIX_SCALE: list[list[float | str]] = [
    [0.0, "#FFFFFF"],
    [0.35, "#CFE8F7"],
    [0.7, OKABE_ITO["sky_blue"]],
    [1.0, OKABE_ITO["blue"]],
]
"""The who-does-what matrix: white (no actor) to blue (many); no RAG colour, as a full
cell is neither good nor bad, and the count is written in every cell."""

PROGRESS_COLOR = OKABE_ITO["blue"]
EXPECTED_COLOR = "#333333"
COVERAGE_COLOR = OKABE_ITO["orange"]
TEXT_COLOR = "#262730"  # Streamlit's body text
GRID_COLOR = "#E6E6E6"
AXIS_COLOR = "#444444"
FONT_FAMILY = '"Source Sans Pro", "Source Sans 3", "Helvetica Neue", Arial, sans-serif'

SEPARATORS = {"nb": ", ", "en": ".,"}
"""plotly `separators`: decimal mark then thousands mark (Norwegian: 1 234,5)."""

ROW_HEIGHT = 38
WRAPPED_ROW_HEIGHT = 48
BASE_HEIGHT = 60
LEGEND_HEIGHT = 30

STATUS_COLUMNS: tuple[str, ...] = (*(f"status_{s.value}" for s in Status), "no_report")
"""The count columns of a roll-up, in the fixed order every status chart uses."""


def rag_text(rag: Rag | str, lang: str) -> str:
    """'✓ I rute': the symbol and the word, readable without colour."""
    member = Rag(rag)
    return f"{RAG_SYMBOLS[member]} {label(member, lang)}"


def status_texts(codes: pd.Series, lang: str) -> pd.Series:
    """Status labels for a column of codes; a missing status reads 'Ikke rapportert'."""
    labels = {s.value: label(s, lang) for s in Status}
    return codes.map(labels).fillna(t("label.no_report", lang))


def rag_texts(codes: pd.Series, lang: str) -> pd.Series:
    """rag_text for a column of codes; a missing rating reads '–'."""
    labels = {r.value: rag_text(r, lang) for r in Rag}
    return codes.map(labels).fillna("–")


def status_column_label(column: str, lang: str) -> str:
    """The legend label of a roll-up count column (status_… or no_report)."""
    if column == "no_report":
        return t("chart.no_report", lang)
    return label(Status(column.removeprefix("status_")), lang)


def status_column_color(column: str) -> str:
    if column == "no_report":
        return NO_REPORT_COLOR
    return STATUS_COLORS[Status(column.removeprefix("status_"))]


def row_height(labels: Sequence[str]) -> int:
    """Room per row: more when some label is wrapped onto two lines."""
    wrapped = any("<br>" in wrap_label(text) for text in labels)
    return WRAPPED_ROW_HEIGHT if wrapped else ROW_HEIGHT


def bar_height(labels: Sequence[str], legend: bool = True) -> int:
    """A height that gives every horizontal bar row the same room
    (60 + 38 per row, 48 per row when labels wrap, plus the legend)."""
    rows = max(len(labels), 1)
    return BASE_HEIGHT + row_height(labels) * rows + (LEGEND_HEIGHT if legend else 0)


def apply_layout(
    fig: go.Figure,
    lang: str,
    *,
    height: int,
    legend: bool = True,
    margin: dict[str, int] | None = None,
) -> go.Figure:
    """The common look: font, white background, number format, margins, no title."""
    fig.update_layout(
        # An empty template: the "simple_white" one is copied into every figure and
        # makes building and validating each chart ~10x slower (see docs/BENCHMARKS.md).
        template="none",
        height=height,
        separators=SEPARATORS.get(lang, SEPARATORS["en"]),
        font={"family": FONT_FAMILY, "size": 13, "color": TEXT_COLOR},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 10, "r": 20, "t": 40 if legend else 10, "b": 40, **(margin or {})},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 13}, "bgcolor": "white"},
        showlegend=legend,
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "traceorder": "normal",
            "font": {"size": 12},
        },
        uniformtext={"minsize": 10, "mode": "hide"},
    )
    axes = {
        "automargin": True,
        "gridcolor": GRID_COLOR,
        "title_standoff": 8,
        "showline": True,
        "linecolor": AXIS_COLOR,
        "ticks": "outside",
        "tickcolor": AXIS_COLOR,
        "zeroline": False,
    }
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    return fig


def no_data(fig: go.Figure, lang: str) -> go.Figure:
    """Say so in the plot area when there is nothing to draw."""
    fig.add_annotation(
        text=t("chart.no_data", lang),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 14},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def percent_axis(axis: dict[str, Any] | None = None) -> dict[str, Any]:
    """A 0–100 % axis with a tick every 25."""
    return {
        "range": [0, 100],
        "tickvals": [0, 25, 50, 75, 100],
        "ticksuffix": " %",
        "tickangle": 0,
        "showgrid": True,
        **(axis or {}),
    }


def wrap_label(text: str, width: int = 24) -> str:
    """Break a long axis label once, at a space near `width`, so it fits narrow columns.
    The label is stored text: escaped, as plotly reads <b>, <a href> and the like."""
    if len(text) <= width or " " not in text:
        return html.escape(text)
    cut = text.rfind(" ", 0, width + 1)
    if cut <= 0:
        cut = text.find(" ")
    return f"{html.escape(text[:cut].rstrip())}<br>{html.escape(text[cut:].strip())}"


def quarter_axis(quarters: Sequence[str], lang: str) -> dict[str, Any]:
    """A category axis of 'YYYY-Qn' quarters (never read as dates), ticks written
    'Q1' over '2024', the year only where it changes, so 20 quarters fit flat."""
    ticktext = []
    year = None
    for quarter in quarters:
        head, _, tail = quarter.partition("-")
        ticktext.append(tail if head == year else f"{tail}<br>{head}")
        year = head
    return {
        "type": "category",
        "tickmode": "array",
        "tickvals": list(quarters),
        "ticktext": ticktext,
        "tickangle": 0,
        "title": {"text": t("chart.quarter", lang)},
    }


def floats(values: Iterable[Any]) -> list[float | None]:
    """Numbers for plotly: NaN/NA become None (a gap), everything else float."""
    return [None if _missing(v) else float(v) for v in values]


def ints(values: Iterable[Any]) -> list[int]:
    return [0 if _missing(v) else int(v) for v in values]


def texts(values: Iterable[Any]) -> list[str]:
    return ["" if _missing(v) else str(v) for v in values]


def plain(values: Iterable[Any]) -> list[Any]:
    """Ids for customdata as plain Python values (numpy ints serialise, but plainly)."""
    out: list[Any] = []
    for value in values:
        if _missing(value):
            out.append(None)
        elif hasattr(value, "item"):
            out.append(value.item())
        else:
            out.append(value)
    return out


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def status_bar_traces(
    frame: pd.DataFrame,
    categories: Sequence[Any],
    customdata: Sequence[Any],
    lang: str,
    *,
    orientation: str,
    category_hover: str,
) -> list[go.Bar]:
    """One stacked bar trace per status column (STATUS_COLUMNS order) with the
    palette colours; the counts axis is x for orientation 'h', y for 'v'."""
    traces = []
    for column in STATUS_COLUMNS:
        counts = ints(frame[column]) if column in frame.columns else [0] * len(frame)
        name = status_column_label(column, lang)
        marker: dict[str, Any] = {"color": status_column_color(column), "line": {"width": 0}}
        if column == "no_report":
            marker["pattern"] = NO_REPORT_PATTERN
        axes = {"x": counts, "y": list(categories)}
        if orientation == "v":
            axes = {"x": list(categories), "y": counts}
        traces.append(
            go.Bar(
                **axes,
                name=name,
                orientation=orientation,
                marker=marker,
                customdata=list(customdata),
                hovertext=[html.escape(str(c)) for c in categories],  # %{hovertext}: stored names
                text=[str(c) if c else "" for c in counts],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                hovertemplate=[  # one per bar: the count says "1 measure", "2 measures"
                    f"<b>{category_hover}</b><br>{name}: "
                    f"{tn('count.measures', count, lang)}<extra></extra>"
                    for count in counts
                ],
                meta=column,
            )
        )
    return traces
