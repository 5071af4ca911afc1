"""Charts on a page: the figures from tracker.charts, cached as plain dicts so a
rerun with the same data does not build them again (plotly figure building is
the slowest part of a page run; see docs/BENCHMARKS.md)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from tracker import charts, db
from ui.data import current_revision


@st.cache_data(show_spinner=False, max_entries=256, ttl=3600)  # as ui.data's reads
def _figure(
    builder: str, args: tuple[Any, ...], token: tuple[Any, ...], _frame: pd.DataFrame
) -> dict[str, Any]:
    # `_frame` is not hashed (leading underscore): `token` names the data instead.
    return getattr(charts, builder)(_frame, *args).to_dict()


def chart(
    builder: str,
    frame: pd.DataFrame,
    *args: Any,
    key: str,
    scope: tuple[Any, ...],
    clickable: bool = False,
) -> Any:
    """Show charts.<builder>(frame, *args). `scope` must name what frame holds
    (e.g. plan, quarter, filters); with the database and its data revision it keys
    the cache (two databases in one process both start at revision 0).
    A clickable chart reruns on a click and returns the selection event."""
    figure = _figure(builder, args, (db.database_url(), current_revision(), key, scope), frame)
    if clickable:
        return st.plotly_chart(
            figure, key=key, theme=None, on_select="rerun", selection_mode="points"
        )
    return st.plotly_chart(figure, key=key, theme=None)
