"""The measure list as every page shows it (Tiltak, Oversikt, Aktører, Rapporter):
its columns in one order, each with its width, and the partners shortened. Plain
data; ui.widgets turns it into st.dataframe's column_config.

The order puts what a leader reads at a glance first: the measure, then its status
columns (status, progress, rating, last reported), then who leads it, its theme,
and the partners last, so a long partner list never pushes the status off the
screen. The widths (pixels) are chosen so that the columns up to «Sist rapportert»
fit the list's width beside the sidebar in a 1366 px wide browser
(tests/e2e/test_tables.py holds that)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ListColumn:
    """One column of the measure list: its catalogue label and width in pixels."""

    label: str  # catalogue key of the header
    width: int
    compact: bool = True  # shown in the compact list (Rapporter) too


MEASURE_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("col.code", 50),
    ListColumn("col.title", 270),
    ListColumn("col.status", 130),
    ListColumn("col.progress", 110),
    ListColumn("col.rag", 125),
    ListColumn("col.last_reported", 115),
    ListColumn("col.lead", 170),
    ListColumn("col.theme", 200, compact=False),
    ListColumn("col.partners", 200, compact=False),
)
"""The measure list's columns, in the order shown: the one place for that order."""

ACTOR_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("col.actor", 178),
    ListColumn("actors.leads", 58),
    ListColumn("actors.partner_in", 72),
    ListColumn("col.progress", 105),
    ListColumn("kpi.behind", 88),
    ListColumn("actors.reported", 168),
    ListColumn("label.reported_earlier", 160),
    ListColumn("kpi.overdue", 66),
)
"""Aktører's table of all actors, in the order shown: every column fits beside the
sidebar at 1366 px."""

STATUS_COLUMNS = ("col.status", "col.progress", "col.rag", "col.last_reported")
"""The columns a leader reads at a glance: never off the screen."""

PARTNERS_SHOWN = 2
"""How many partners the list names before «+ N»."""


def short_list(names: Sequence[str], shown: int = PARTNERS_SHOWN) -> str:
    """«Kupa, Næringshagen + 3»: the first `shown` names and how many more."""
    names = [str(name) for name in names if str(name).strip()]
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} + {len(names) - shown}"
