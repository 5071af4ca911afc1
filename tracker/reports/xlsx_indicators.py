"""The indicators' native Excel charts: one scatter chart per indicator, the
straight path from baseline to target and the values reported, drawn from a block of
cells below the indicator table (so a user can restyle or re-plot them)."""

from __future__ import annotations

from typing import Any

import pandas as pd
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from tracker.cells_safe import neutralised
from tracker.i18n import t
from tracker.quarters import year_position

CHARTS_PER_ROW = 2
CHART_SIZE = {"width": 480, "height": 300}
CHART_ROWS = 16  # sheet rows a chart takes, with a gap


def indicator_charts(
    book: Workbook,
    sheet: Worksheet,
    indicators: pd.DataFrame,
    values: pd.DataFrame,
    row: int,
    lang: str,
    styles: dict[str, Any],
) -> None:
    """Write the charts' data from `row` on (below the table), the charts to its right."""
    top = row
    sheet.write_string(row, 0, t("summary.xlsx.chart_data", lang), styles["heading"])
    row += 1
    headers = (
        "indicators.col.name",
        "summary.xlsx.series",
        "summary.xlsx.year",
        "indicators.value",
    )
    for col, key in enumerate(headers):
        sheet.write_string(row, col, t(key, lang), styles["header"])
    row += 1
    at_col = len(headers) + 1
    for index, indicator in enumerate(indicators.to_dict("records")):
        mine = values[values["indicator_id"] == indicator["id"]].sort_values("period")
        path = [
            (indicator["baseline_year"], indicator["baseline_value"]),
            (indicator["target_year"], indicator["target_value"]),
        ]
        actual = [(year_position(p), v) for p, v in zip(mine["period"], mine["value"], strict=True)]
        chart = book.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
        name_row = row  # the path's first point: a row always there
        for series, points in (("indicators.path", path), ("indicators.actual", actual)):
            first = row
            name = str(neutralised(indicator["name"]))
            row = _write_points(sheet, row, (name, t(series, lang)), points, styles)
            chart.add_series(
                {
                    "name": t(series, lang),
                    "categories": [sheet.name, first, 2, row - 1, 2],
                    "values": [sheet.name, first, 3, row - 1, 3],
                    "marker": {"type": "circle" if series == "indicators.actual" else "none"},
                    **({"line": {"dash_type": "dash"}} if series == "indicators.path" else {}),
                }
            )
        # The indicator's name cell, not its text: xlsxwriter reads a text title like
        # `x!A1` as a reference. The unit is in the table above.
        chart.set_title({"name": [sheet.name, name_row, 0]})
        chart.set_x_axis({"num_format": "0", "major_unit": 1})
        chart.set_legend({"position": "bottom"})
        chart.set_size(CHART_SIZE)
        sheet.insert_chart(
            top + (index // CHARTS_PER_ROW) * CHART_ROWS,
            at_col + (index % CHARTS_PER_ROW) * 8,
            chart,
            {"object_position": 3},
        )


def _write_points(
    sheet: Worksheet,
    row: int,
    names: tuple[str, str],
    points: list[tuple[Any, Any]],
    styles: dict[str, Any],
) -> int:
    """One series' points as rows (indicator, series, x, y) from `row`; the next free row."""
    for x, y in points:
        sheet.write_string(row, 0, names[0], styles["text"])
        sheet.write_string(row, 1, names[1], styles["text"])
        sheet.write_number(row, 2, float(x), styles["text"])  # 2025, 2025.625
        whole = float(y).is_integer()
        sheet.write_number(row, 3, float(y), styles["whole" if whole else "number"])
        row += 1
    return row
