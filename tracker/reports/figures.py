"""The dashboard's charts for the summary, as the same plotly figures Oversikt
shows (tracker.charts), and as PNG images for the PDF and DOCX."""

from __future__ import annotations

import plotly.graph_objects as go

from tracker.charts import indicator_grid, progress_bars, trend_progress
from tracker.reports.images import png_images
from tracker.reports.summary import Summary

IMAGE_WIDTH = 900  # CSS pixels; drawn at twice that for print
IMAGE_SCALE = 2


def summary_figures(summary: Summary, lang: str) -> dict[str, go.Figure]:
    """Keyed as the Table.chart of tracker.reports.document."""
    figures = {
        "themes": progress_bars(summary.themes, "label", "theme_id", lang),
        "actors": progress_bars(summary.chart_actors, "name", "actor_id", lang),
        "trend": trend_progress(summary.trend, lang),
    }
    if not summary.indicators.empty:
        figures["indicators"] = indicator_grid(summary.indicators, summary.indicator_values, lang)
    return figures


def chart_images(summary: Summary, lang: str) -> dict[str, tuple[bytes, int, int]]:
    """Each figure as (PNG bytes, width, height in CSS pixels)."""
    figures = summary_figures(summary, lang)
    sizes = {key: (IMAGE_WIDTH, int(fig.layout.height or 400)) for key, fig in figures.items()}
    images = png_images(list(figures.values()), list(sizes.values()), scale=IMAGE_SCALE)
    return {key: (png, *sizes[key]) for key, png in zip(figures, images, strict=True)}
