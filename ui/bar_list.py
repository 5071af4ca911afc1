"""A chart's bar, clicked, narrows a list right below the chart (Oversikt): the
list says what it is narrowed to and has a button that clears it. Clearing starts
the chart anew under a fresh key (Streamlit lets no one set a chart's selection):
`key` itself first, then `key`_1, `key`_2 …"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import pandas as pd
import streamlit as st

from ui import widgets
from ui.state import t, tn
from ui.text import t_md

ROW_HEIGHT = 35  # st.dataframe's rows and header, in pixels
MAX_ROWS = 6
"""The narrowed list shows this many rows at once (it scrolls for more), so the
list stays in view right under the chart in a 768 px high window."""


def chart_key(key: str) -> str:
    """The chart's key this round: `key` until the first «clear», then a new one."""
    round_ = st.session_state.get(_round(key), 0)
    return f"{key}_{round_}" if round_ else key


CHART_BOX = 430
"""A chart of more than BOX_BARS bars scrolls inside a box this high (pixels), so
that the list under it comes into view whichever bar is clicked."""
BOX_BARS = 8


def clickable_chart(key: str, draw: Callable[[str], Any], *, bars: int) -> int | None:
    """Draw a clickable chart of `bars` bars (draw(chart key) returns its selection
    event); the id of the clicked bar, or None."""
    height: int | Literal["content"] = CHART_BOX if bars > BOX_BARS else "content"
    with st.container(key=f"{key}_box", height=height, border=height != "content"):
        return widgets.clicked_id(draw(chart_key(key)))


def narrowed_list(
    measures: pd.DataFrame, *, column: str, group_id: int | None, name: str, what: str, key: str
) -> None:
    """The measures whose `column` is group_id, in a box under the chart `key` with
    «Avgrenset til …» (what: the catalogue key of that sentence) and a clear button.
    Nothing when no bar is clicked."""
    if group_id is None:
        return
    listed = measures[measures[column] == group_id]
    with st.container(border=True, key=f"{key}_narrowed"):
        said, clear = st.columns([5, 1], vertical_alignment="center")
        said.markdown(t_md(what, name=name, measures=tn("count.measures", len(listed))))
        if clear.button(t("tables.clear"), key=f"{key}_clear", icon=":material/close:"):
            st.session_state[_round(key)] = st.session_state.get(_round(key), 0) + 1
            st.rerun()
        height = ROW_HEIGHT * (min(len(listed), MAX_ROWS) + 1) + 3
        widgets.show_measure_table(listed, key=f"{key}_list", height=height)


def _round(key: str) -> str:
    return f"{key}_round"
