"""Plotly figures for the dashboard: one look (palette, symbols, layout) and one
builder per chart. Builders take the DataFrames tracker.service returns plus
`lang` ("nb"/"en") and return a plotly Figure. Never imports streamlit.

RAG is never shown by colour alone: cells and hovers carry RAG_SYMBOLS or the word.
"""

from tracker.charts.groups import progress_bars, status_mix
from tracker.charts.indicators import indicator_grid
from tracker.charts.matrix import who_does_what
from tracker.charts.network import network_map
from tracker.charts.rag import rag_colorscale, rag_grid
from tracker.charts.style import (
    NO_REPORT_COLOR,
    RAG_COLORS,
    RAG_SYMBOLS,
    SEPARATORS,
    STATUS_COLORS,
    STATUS_COLUMNS,
    apply_layout,
    rag_text,
    rag_texts,
    status_texts,
)
from tracker.charts.timeline import measure_timeline
from tracker.charts.trend import trend_progress, trend_status
from tracker.charts.wheel import wheel

__all__ = [
    "NO_REPORT_COLOR",
    "RAG_COLORS",
    "RAG_SYMBOLS",
    "SEPARATORS",
    "STATUS_COLORS",
    "STATUS_COLUMNS",
    "apply_layout",
    "indicator_grid",
    "measure_timeline",
    "network_map",
    "progress_bars",
    "rag_colorscale",
    "rag_grid",
    "rag_text",
    "rag_texts",
    "status_texts",
    "status_mix",
    "trend_progress",
    "trend_status",
    "wheel",
    "who_does_what",
]
