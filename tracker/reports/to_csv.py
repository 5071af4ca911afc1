"""The measure table as CSV: for Norwegian Excel (UTF-8 with BOM, `;`, decimal
comma) or plain (UTF-8, `,`, decimal point)."""

from __future__ import annotations

import pandas as pd

from tracker.cells_safe import neutralised
from tracker.i18n import round_half_up
from tracker.reports.cells import missing, number
from tracker.reports.document import Column, measure_table
from tracker.reports.summary import Summary


def summary_csv(summary: Summary, lang: str, *, plain: bool = False) -> bytes:
    table = measure_table(summary, lang)
    columns = table.columns_for("data")
    out = pd.DataFrame({c.title: [_cell(v, c, plain) for v in table.rows[c.key]] for c in columns})
    text = out.to_csv(index=False, sep="," if plain else ";", lineterminator="\r\n")
    return text.encode("utf-8" if plain else "utf-8-sig")


def _cell(value: object, column: Column, plain: bool) -> object:
    if column.kind == "text":
        return "" if missing(value) else neutralised(str(value))
    value = number(value, column)
    if value is None:
        return ""
    rounded = round_half_up(value, 1)  # one decimal, the one rounding: 12.25 -> 12.3
    text = str(int(rounded)) if float(rounded).is_integer() else str(rounded)
    return text if plain else text.replace(".", ",")
