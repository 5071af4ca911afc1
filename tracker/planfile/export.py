"""Plan export in the same format import reads (tracker.planfile.sheets): an XLSX
workbook with every sheet (the network's årshjul and virkemidler included), or a CSV of the Tiltak
sheet."""

from __future__ import annotations

import io
from collections.abc import Hashable
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from tracker import i18n
from tracker.cells_safe import neutralised
from tracker.code_lists import members
from tracker.planfile.instruments import deadline_cell
from tracker.planfile.sheets import (
    ACTORS,
    EVENTS,
    GOALS,
    INSTRUMENTS,
    LANG,
    MEASURES,
    PLAN,
    THEMES,
    Sheet,
)
from tracker.service.events import list_events
from tracker.service.instruments import list_instruments
from tracker.service.measures import measure_status
from tracker.service.structure import get_plan, list_actors, list_goals, list_themes
from tracker.vocab import (
    ActorKind,
    EventKind,
    InstrumentKind,
    Rag,
    Stage,
    Status,
    TargetGroup,
    WorkKind,
)

Row = dict[Hashable, Any]  # a DataFrame row as to_dict("records") gives it
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
ALL_SHEETS = (PLAN, THEMES, GOALS, ACTORS, MEASURES, EVENTS, INSTRUMENTS)


def plan_book(session: Session, plan_id: int) -> dict[str, pd.DataFrame]:
    """Every sheet of the plan file as a DataFrame with the canonical headers."""
    plan = get_plan(session, plan_id)
    themes = list_themes(session, plan_id)
    theme_code = dict(zip(themes["id"], themes["code"], strict=True))
    goals = list_goals(session, plan_id)
    actors = list_actors(session)
    measures = measure_status(session, plan_id=plan_id)
    book = {
        PLAN.key: [[plan.name, plan.start_year, plan.end_year, plan.owner, plan.description]],
        THEMES.key: themes[["code", "name", "description"]].values.tolist(),
        GOALS.key: [
            [
                g["code"],
                g["text"],
                theme_code.get(g["theme_id"], "") if pd.notna(g["theme_id"]) else "",
            ]
            for g in goals.to_dict("records")
        ],
        ACTORS.key: [
            [a["name"], a["short_name"], _word(ActorKind, a["kind"]), a["contact"]]
            for a in actors.to_dict("records")
        ],
        MEASURES.key: [_measure_row(m) for m in measures.to_dict("records")],
        EVENTS.key: [_event_row(e, theme_code) for e in list_events(session).to_dict("records")],
        INSTRUMENTS.key: [_instrument_row(i) for i in list_instruments(session).to_dict("records")],
    }
    sheets = {s.key: s for s in ALL_SHEETS}
    return {key: pd.DataFrame(rows, columns=sheets[key].headers()) for key, rows in book.items()}


def _measure_row(m: Row) -> list[object]:
    row = {
        "code": m["code"],
        "title": m["title"],
        "description": m["description"],
        "theme": m["theme_code"],
        "goal": m["goal_code"] or "",
        "lead": m["lead_name"],
        "partners": "; ".join(_names(m, funders=False)),
        "funders": "; ".join(_names(m, funders=True)),
        "period": "",
        "start": m["start_period"],
        "end": m["end_period"],
        "weight": _weight(m["weight"]),
        "budget": m["budget"],
        "funding": m["funding"],
        "example": _yes(m["is_example"]),
        "target_groups": _words(TargetGroup, m["target_groups"]),
        "work_kinds": _words(WorkKind, m["work_kinds"]),
        "status": _word(Status, m["status"]),
        "progress": "" if pd.isna(m["progress"]) else int(m["progress"]),
        "rag": _word(Rag, m["rag"]),
        "status_period": _text(m["period"]),
        "comment": _text(m["comment"]),
        "next_steps": _text(m["next_steps"]),
    }
    return [row[c.key] for c in MEASURES.columns]


def _event_row(e: Row, theme_code: dict[int, str]) -> list[object]:
    """An årshjul event as the Årshjul sheet's row (dates as text: 28.01.2026)."""
    row = {
        "actor": e["actor"],
        "title": e["title"],
        "kind": _word(EventKind, e["kind"]),
        "starts": e["starts"].strftime("%d.%m.%Y"),
        "ends": e["ends"].strftime("%d.%m.%Y") if e["ends"] else "",
        "yearly": _yes(e["yearly"]),
        "theme": theme_code.get(e["theme_id"], "") if pd.notna(e["theme_id"]) else "",
        "groups": "; ".join(e["target_groups"]),
        "place": e["place"],
        "link": e["link"],
    }
    return [row[c.key] for c in EVENTS.columns]


def _instrument_row(i: Row) -> list[object]:
    """An instrument as the Virkemidler sheet's row (lists as labels «a; b»)."""
    row = {
        "actor": i["actor"],
        "name": i["name"],
        "kind": _word(InstrumentKind, i["kind"]),
        "description": i["description"],
        "groups": "; ".join(_word(TargetGroup, g) for g in i["target_groups"]),
        "stages": "; ".join(_word(Stage, s) for s in i["stages"]),
        "industries": "; ".join(i["industries"]),
        "amount": i["amount"],
        "link": i["link"],
        "deadlines": deadline_cell(i["deadlines"]),
    }
    return [row[c.key] for c in INSTRUMENTS.columns]


def _word(vocabulary: type[StrEnum], code: str | float | None) -> str:
    """A vocabulary code as the file's word for it (its label in LANG); '' for none."""
    if code is None or (not isinstance(code, str) and pd.isna(code)) or code == "":
        return ""
    return i18n.label(vocabulary(str(code)), LANG)


def _words(vocabulary: type[StrEnum], codes: str) -> str:
    """A list of codes as the file's words for them: «Gründere; Kurs og utdanning»."""
    return "; ".join(i18n.label(m, LANG) for m in members(codes, vocabulary))


def _yes(value: object) -> str:
    return i18n.t("adminpage.yes", LANG) if value else ""


def _text(value: str | float | None) -> str:
    return "" if pd.isna(value) else str(value)


def _names(m: Row, *, funders: bool) -> list[str]:
    pairs = zip(m["partner_ids"], m["partner_names"], strict=True)
    return [name for actor_id, name in pairs if (actor_id in m["funder_ids"]) == funders]


def _weight(value: float) -> object:
    return int(value) if float(value).is_integer() else value


def write_xlsx(book: dict[str, pd.DataFrame], path: Path | io.BytesIO) -> None:
    sheets = {s.key: s for s in ALL_SHEETS}
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for key, frame in book.items():
            safe = frame.map(lambda v: neutralised(_cleaned(v)))
            safe.to_excel(writer, sheet_name=sheets[key].title, index=False)
            _style(writer.sheets[sheets[key].title], frame, sheets[key])


def _cleaned(value: object) -> object:
    """Text without the control characters an XLSX cell cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _style(worksheet: Worksheet, frame: pd.DataFrame, sheet: Sheet) -> None:
    for cell in worksheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    worksheet.freeze_panes = "A2"
    for index, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
        worksheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 60)


def write_csv(book: dict[str, pd.DataFrame], path: Path) -> None:
    """The Tiltak sheet, `;`-separated with a BOM: opens straight in Norwegian Excel."""
    safe = book[MEASURES.key].map(neutralised)
    safe.to_csv(path, sep=";", index=False, encoding="utf-8-sig")


def export_plan(session: Session, plan_id: int, path: Path) -> None:
    """Write the plan to path: .xlsx (every sheet) or .csv (the Tiltak sheet)."""
    book = plan_book(session, plan_id)
    if Path(path).suffix.lower() == ".csv":
        write_csv(book, Path(path))
    else:
        write_xlsx(book, Path(path))


def plan_xlsx_bytes(session: Session, plan_id: int) -> bytes:
    """The plan as an XLSX workbook (every sheet) in memory, e.g. for a download."""
    buffer = io.BytesIO()
    write_xlsx(plan_book(session, plan_id), buffer)
    return buffer.getvalue()
