"""The import report a user downloads: every rejected row with its row, column and
message, every notice, the changes, and a summary (what was read, how it went), as
XLSX or CSV in the user's language. Every text cell is neutralised: the messages
carry the file's own text, and a spreadsheet must not run it."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import pandas as pd

from tracker import i18n
from tracker.cells_safe import neutralised
from tracker.errors import Problem

LINE_COLUMNS = ("row", "column", "message")
SHEETS = {
    "problems": "importreport.sheet_problems",
    "notices": "importreport.sheet_notices",
    "changes": "importreport.sheet_changes",
}
"""The result's lists, each a sheet of its own, and the sheet's name."""
KINDS = {
    "problems": "importreport.problem",
    "notices": "importreport.notice",
    "changes": "importreport.change",
}
"""The word for one line of each list (the CSV's first column)."""


def import_report(result: Any, lang: str) -> bytes:
    """An XLSX workbook: a summary sheet, then problems, notices and changes.
    result is an ImportResult (its layouts, when it has them, name what was read)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        summary = pd.DataFrame(summary_rows(result, lang))
        summary.to_excel(
            writer, sheet_name=i18n.t("importreport.sheet_summary", lang), index=False, header=False
        )
        for kind, title in SHEETS.items():
            frame = _lines(getattr(result, kind), lang)
            frame.to_excel(writer, sheet_name=i18n.t(title, lang), index=False)
    return buffer.getvalue()


def import_report_csv(result: Any, lang: str) -> bytes:
    """What the XLSX's sheets hold: the problems, the notices, then the changes, one
    line each (`;`, UTF-8 with BOM, for Norwegian Excel), with a first column saying
    which."""
    parts = []
    for kind, word in KINDS.items():
        frame = _lines(getattr(result, kind), lang)
        frame.insert(0, i18n.t("importreport.kind", lang), i18n.t(word, lang))
        parts.append(frame)
    text = pd.concat(parts).to_csv(index=False, sep=";", lineterminator="\r\n")
    return text.encode("utf-8-sig")


MADE = {
    "import.change_new_plan": "plan",
    "import.change_status": "report",
    "import.change_updated": "updated",
}
"""What a change line counts as (import.change_new: its entity, e.g. "theme")."""


def made(result: Any) -> dict[str, int]:
    """What an import made, counted from its changes: {"plan": 1, "theme": 3,
    "actor": 12, "measure": 40, "report": 10, "updated": 2} (an item updated in
    several lines counts once; kinds with none are left out)."""
    seen: dict[str, set[object]] = {}
    for number, change in enumerate(result.changes):
        kind = MADE.get(change.key)
        if change.key == "import.change_new":
            kind = str(change.params["entity"])
        if kind is None:
            continue
        item = (change.params.get("entity"), change.params["name"]) if kind == "updated" else number
        seen.setdefault(kind, set()).add(item)
    return {kind: len(items) for kind, items in seen.items()}


def summary_rows(result: Any, lang: str) -> list[tuple[str, object]]:
    """(label, value) pairs: how it went, the counts, each sheet read and its header row."""
    rows: list[tuple[str, object]] = [
        (i18n.t("importreport.outcome", lang), i18n.t(_outcome(result), lang))
    ]
    rows += [(i18n.t(f"importreport.{kind}", lang), len(getattr(result, kind))) for kind in SHEETS]
    for layout in getattr(result, "layouts", []):
        rows.append((i18n.t("importreport.sheet_read", lang), neutralised(layout.sheet)))
        rows.append((i18n.t("importreport.header_row", lang), layout.header_row))
    return rows


def _outcome(result: Any) -> str:
    if not result.ok:
        return "importreport.refused"
    return "importreport.would_import" if result.dry_run else "importreport.imported"


def _lines(problems: list[Problem], lang: str) -> pd.DataFrame:
    """Row, column and message of each problem (the message without its «Rad 4»)."""
    rows = [
        (problem.row, neutralised(problem.field), neutralised(_message(problem, lang)))
        for problem in problems
    ]
    columns = [i18n.t(f"importreport.{c}", lang) for c in LINE_COLUMNS]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({columns[0]: "Int64"})


def _message(problem: Problem, lang: str) -> str:
    return replace(problem, row=None, field=None).text(lang)
