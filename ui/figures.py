"""Charts on a page: the figures from tracker.charts, cached as plain dicts so a
rerun with the same data does not build them again (plotly figure building is
the slowest part of a page run; see docs/BENCHMARKS.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from tracker import db
from ui.data import current_revision

Builder = Callable[..., go.Figure]
"""A tracker.charts builder: builder(frame, *args) -> Figure."""


@st.cache_data(show_spinner=False, max_entries=256, ttl=3600)  # as ui.data's reads
def _figure(
    name: str,
    args: tuple[Any, ...],
    token: tuple[Any, ...],
    _builder: Builder,
    _frame: pd.DataFrame,
) -> dict[str, Any]:
    # `_builder` and `_frame` are not hashed (leading underscore): `name` and `token`
    # name them instead.
    return _builder(_frame, *args).to_dict()


def chart(
    builder: Builder,
    frame: pd.DataFrame,
    *args: Any,
    key: str,
    scope: tuple[Any, ...],
    clickable: bool = False,
) -> Any:
    """Show builder(frame, *args), a tracker.charts builder. `scope` must name what frame holds
    (e.g. plan, quarter, filters); with the database and its data revision it keys
    the cache (two databases in one process both start at revision 0).
    A clickable chart reruns on a click and returns the selection event."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    token = (db.database_url(), current_revision(), key, scope)
    figure = _figure(name, args, token, builder, frame)
    if clickable:
        return st.plotly_chart(
            figure, key=key, theme=None, on_select="rerun", selection_mode="points"
        )
    return st.plotly_chart(figure, key=key, theme=None)
