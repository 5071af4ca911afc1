"""The theme × quarter RAG grid: colour and a symbol in every cell."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from tracker.charts.style import (
    RAG_COLORS,
    RAG_ORDER,
    RAG_SYMBOLS,
    apply_layout,
    no_data,
    quarter_axis,
    rag_text,
    row_height,
    texts,
    wrap_label,
)
from tracker.i18n import quarter_label, t
from tracker.quarters import Quarter
from tracker.vocab import Rag

RAG_VALUES: dict[Rag, int] = {rag: index for index, rag in enumerate(RAG_ORDER)}
"""z value per RAG: green 0, yellow 1, red 2."""


def rag_colorscale() -> list[list[float | str]]:
    """A discrete scale: z 0/1/2 (with zmin -0.5, zmax 2.5) → green/yellow/red bands."""
    scale: list[list[float | str]] = []
    bands = len(RAG_ORDER)
    for index, rag in enumerate(RAG_ORDER):
        scale.append([index / bands, RAG_COLORS[rag]])
        scale.append([(index + 1) / bands, RAG_COLORS[rag]])
    return scale


def rag_grid(grid: pd.DataFrame, lang: str) -> go.Figure:
    """A heatmap with one row per theme (input order, top first) and one column per
    quarter (sorted). grid: columns theme_label, quarter, rag (a Rag code or None),
    text (an optional line for the hover). Cells without a RAG stay empty."""
    fig = go.Figure()
    if grid.empty:
        return no_data(apply_layout(fig, lang, height=200, legend=False), lang)
    themes = list(dict.fromkeys(texts(grid["theme_label"])))
    quarters = sorted(set(texts(grid["quarter"])))
    z, symbols, hover = _cells(grid, themes, quarters, lang)
    fig.add_trace(
        go.Heatmap(
            z=z,
            x=quarters,
            y=themes,
            text=symbols,
            texttemplate="%{text}",
            textfont={"size": 17},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            hoverongaps=False,
            colorscale=rag_colorscale(),
            zmin=-0.5,
            zmax=len(RAG_ORDER) - 0.5,
            xgap=3,
            ygap=3,
            showscale=False,
            name=t("chart.rag", lang),
        )
    )
    for rag in RAG_ORDER:
        fig.add_trace(_key_trace(rag, lang))
    _layout(fig, themes, quarters, lang)
    return fig


Rows = list[list[str]]


def _cells(
    grid: pd.DataFrame, themes: list[str], quarters: list[str], lang: str
) -> tuple[list[list[int | None]], Rows, Rows]:
    """The heatmap's z values, symbols and hovers, one row per theme, one column per
    quarter."""
    notes = texts(grid["text"]) if "text" in grid.columns else [""] * len(grid)
    cells = {
        (theme, quarter): (_rag(rag), note)
        for theme, quarter, rag, note in zip(
            texts(grid["theme_label"]), texts(grid["quarter"]), grid["rag"], notes, strict=True
        )
    }
    z: list[list[int | None]] = []
    symbols: Rows = []
    hover: Rows = []
    for theme in themes:
        row_z, row_symbols, row_hover = [], [], []
        for quarter in quarters:
            rag, note = cells.get((theme, quarter), (None, ""))
            row_z.append(None if rag is None else RAG_VALUES[rag])
            row_symbols.append("" if rag is None else RAG_SYMBOLS[rag])
            row_hover.append(_hover(theme, quarter, rag, note, lang))
        z.append(row_z)
        symbols.append(row_symbols)
        hover.append(row_hover)
    return z, symbols, hover


def _layout(fig: go.Figure, themes: list[str], quarters: list[str], lang: str) -> None:
    apply_layout(fig, lang, height=max(240, 100 + row_height(themes) * len(themes)))
    fig.update_layout(legend_title_text=t("chart.rag", lang) + ":")
    fig.update_xaxes(**quarter_axis(quarters, lang), showgrid=False, ticks="")
    fig.update_yaxes(
        type="category",
        autorange="reversed",
        showgrid=False,
        ticks="",
        title={"text": t("entity.theme", lang)},
        tickmode="array",
        tickvals=themes,
        ticktext=[wrap_label(theme) for theme in themes],
    )
    fig.update_layout(xaxis_showline=False, yaxis_showline=False)


def _key_trace(rag: Rag, lang: str) -> go.Scatter:
    """A legend entry (no data): colour swatch plus symbol and word."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=rag_text(rag, lang),
        marker={"symbol": "square", "size": 14, "color": RAG_COLORS[rag]},
        hoverinfo="skip",
        showlegend=True,
    )


def _rag(value: object) -> Rag | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]  # pandas-stubs: isna takes any object
        return None
    return Rag(str(getattr(value, "value", value)))


def _hover(theme: str, quarter: str, rag: Rag | None, note: str, lang: str) -> str:
    lines = [f"<b>{html.escape(theme)}</b>", quarter_label(Quarter.parse(quarter), lang)]
    if rag is not None:
        lines.append(rag_text(rag, lang))
    if note:
        lines.append(html.escape(note))
    return "<br>".join(lines)
