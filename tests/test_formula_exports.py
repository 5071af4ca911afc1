"""No formula from stored data in any CSV or XLSX the app writes (the open issue's
probe): OWASP's payloads stored through the service functions in every text field
users fill, then every export read back (csv module, openpyxl): no cell, and no part
of one after a `;` or `,`, starts with a formula sign; and the plan export reads back
to exactly the stored values."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import make_user
from tracker.models import Actor, Measure
from tracker.planfile.export import export_plan, plan_xlsx_bytes
from tracker.planfile.importer import import_path
from tracker.planfile.read import read_path
from tracker.quarters import Quarter
from tracker.reports import Format, build_summary, render
from tracker.reports.final import stored_file
from tracker.service.actors import save_actor
from tracker.service.contributions import ContributionInput, add_contribution
from tracker.service.events import EventInput, save_event
from tracker.service.goals import save_goal
from tracker.service.indicators import IndicatorInput, report_value, save_indicator
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.plans import save_plan
from tracker.service.principal import SYSTEM, Principal
from tracker.service.quarter_closing import close_quarter
from tracker.service.reminders import reminder_csv, reminders
from tracker.service.status import Report, report_status
from tracker.service.themes import save_theme
from tracker.vocab import EventKind, PartnerRole, Rag, Role, Status

PAYLOADS = (
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://x","y")',
    "ok;=1+1",
    "ok,=1+1",
    "ok;@x",
    "=cmd|' /C calc'!A0",
)
QUARTER = Quarter(2025, 2)
PLAN_ENTERED = datetime(2024, 1, 2, tzinfo=UTC)
NOW = datetime(2025, 11, 3, 9, tzinfo=UTC)  # after QUARTER: it can be closed
CODE_LIMIT = 20
SIGNS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass
class Stored:
    plan_id: int
    text: str  # the payload as the service stores it (trimmed)
    code: str  # the reported measure's code: the payload, cut to a code's length
    event_groups: list[str]


def store_everywhere(session: Session, payload: str) -> Stored:
    """The payload in every text field users fill, through the service functions."""
    plan_id = save_plan(
        session, user=SYSTEM, plan_id=None, name=payload, start_year=2024, end_year=2028,
        owner=payload, description=payload,
    )  # fmt: skip
    theme_id = save_theme(
        session, user=SYSTEM, plan_id=plan_id, theme_id=None, code="1", name=payload,
        description=payload,
    )  # fmt: skip
    goal_id = save_goal(
        session, user=SYSTEM, plan_id=plan_id, goal_id=None, code="1.1", text=payload,
        theme_id=theme_id,
    )  # fmt: skip
    lead = save_actor(session, user=SYSTEM, actor_id=None, name=payload, contact=payload)
    partner = save_actor(session, user=SYSTEM, actor_id=None, name="Partner AS")
    fields = {"theme_id": theme_id, "lead_actor_id": lead, "start_period": "2024-Q1",
              "end_period": "2026-Q4", "description": payload, "goal_id": goal_id,
              "partners": ((partner, PartnerRole.PARTNER),), "budget": payload,
              "funding": payload}  # fmt: skip
    reported = save_measure(
        session, user=SYSTEM, plan_id=plan_id, measure_id=None, seen_version=None,
        values=MeasureInput(code=payload[:CODE_LIMIT], title=payload, **fields),
    )  # fmt: skip
    save_measure(  # no report: its lead is reminded
        session, user=SYSTEM, plan_id=plan_id, measure_id=None, seen_version=None,
        values=MeasureInput(code="2", title=payload, **fields),
    )  # fmt: skip
    report = Report(
        period=str(QUARTER), status=Status.IN_PROGRESS, progress=40, rag=Rag.GREEN,
        comment=payload, next_steps=payload,
    )  # fmt: skip
    report_status(session, user=SYSTEM, measure_id=reported, report=report, seen_version=1,
                  now=datetime(2025, 6, 20, tzinfo=UTC))  # fmt: skip
    partner_user = Principal.of(make_user(session, Role.ACTOR, session.get(Actor, partner)))
    add_contribution(
        session, user=partner_user, measure_id=reported,
        contribution=ContributionInput(period=str(QUARTER), text=payload),
        now=datetime(2025, 6, 21, tzinfo=UTC),
    )  # fmt: skip
    indicator = save_indicator(
        session, user=SYSTEM, plan_id=plan_id,
        values=IndicatorInput(name=payload, unit=payload, baseline_year=2024, baseline_value=10,
                              target_year=2028, target_value=20, actor_id=lead,
                              theme_id=theme_id, source=payload),
    )  # fmt: skip
    report_value(session, user=SYSTEM, indicator_id=indicator, period="2025", value=12,
                 comment=payload, now=datetime(2025, 6, 22, tzinfo=UTC))  # fmt: skip
    save_event(
        session, user=SYSTEM,
        values=EventInput(actor_id=lead, title=payload, kind=EventKind.MEETING,
                          starts=date(2025, 5, 6), theme_id=theme_id, target_groups=payload,
                          place=payload),
    )  # fmt: skip
    for measure in session.scalars(select(Measure).where(Measure.plan_id == plan_id)):
        measure.created_at = PLAN_ENTERED  # so the quarter's summary holds them
    session.commit()
    groups = [g.strip() for g in re.split(r"[;,]", payload.strip()) if g.strip()]
    return Stored(plan_id, payload.strip(), payload.strip()[:CODE_LIMIT], groups)


@pytest.fixture(params=PAYLOADS, ids=repr)
def stored(request: pytest.FixtureRequest, session: Session) -> Iterator[Stored]:
    yield store_everywhere(session, request.param)


# --- reading the files back ---------------------------------------------------------------


def csv_cells(data: bytes, delimiter: str) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            for cell in row]  # fmt: skip


def xlsx_cells(data: bytes) -> list[object]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert all(c.data_type != "f" for s in book.worksheets for r in s.iter_rows() for c in r)
    return [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]


def runnable(value: object) -> bool:
    """A text cell a spreadsheet could run, whole or split on `;` or `,`."""
    if not isinstance(value, str) or _NUMBER.match(value):
        return False  # a number, e.g. a CSV's 12,5 or -3
    return any(part.lstrip(" ").startswith(SIGNS) for part in re.split(r"[;,]", value))


def every_file(session: Session, plan_id: int, tmp_path: Path) -> dict[str, list[object]]:
    """Each CSV and XLSX the app writes, as its cells."""
    export_plan(session, plan_id, tmp_path / "plan.csv")
    summary = build_summary(
        session, plan_id=plan_id, quarter=QUARTER, produced_by=session.info["payload"], now=NOW
    )
    found = reminders(session, user=SYSTEM, plan_id=plan_id, quarter=QUARTER, now=NOW)
    files: dict[str, list[object]] = {
        "plan.xlsx": xlsx_cells(plan_xlsx_bytes(session, plan_id)),
        "plan.csv": csv_cells((tmp_path / "plan.csv").read_bytes(), ";"),
        "reminders.csv": csv_cells(reminder_csv(found, "nb")[1], ";"),
    }
    for lang in ("nb", "en"):
        files[f"summary-{lang}.xlsx"] = xlsx_cells(render(summary, Format.XLSX, lang))
        files[f"summary-{lang}.csv"] = csv_cells(render(summary, Format.CSV, lang), ";")
        files[f"summary-{lang}-plain.csv"] = csv_cells(render(summary, Format.CSV_PLAIN, lang), ",")
    close_quarter(session, user=SYSTEM, plan_id=plan_id, period=QUARTER, now=NOW)
    for fmt, read in ((Format.XLSX, xlsx_cells), (Format.CSV, None)):
        content = stored_file(session, plan_id=plan_id, quarter=QUARTER, fmt=fmt, lang="nb")
        assert content is not None
        files[f"final.{fmt.value}"] = read(content) if read else csv_cells(content, ";")
    return files


# --- the tests -----------------------------------------------------------------------------------


def test_no_export_holds_a_formula_from_stored_data(
    session: Session, stored: Stored, tmp_path: Path
) -> None:
    session.info["payload"] = stored.text  # the summary's author, too
    files = every_file(session, stored.plan_id, tmp_path)
    for name, cells in files.items():  # the payload is in every file, made safe
        texts = [str(c).replace("'", "") for c in cells if c is not None]
        assert any(stored.text.replace("'", "") in text for text in texts), name
    found = {name: [c for c in cells if runnable(c)] for name, cells in files.items()}
    assert {name: cells for name, cells in found.items() if cells} == {}


@pytest.mark.parametrize("suffix", (".xlsx", ".csv"))
def test_the_plan_export_reads_back_to_the_stored_values(
    session: Session, stored: Stored, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"plan{suffix}"
    export_plan(session, stored.plan_id, path)

    measures = {row["code"]: row for _, row in read_path(path).tables["measures"].rows}
    assert measures.keys() == {stored.code, "2"}
    for row in measures.values():
        for key in ("title", "description", "lead", "budget", "funding"):
            assert row[key] == stored.text, (key, row[key])
    reported = measures[stored.code]
    assert (reported["comment"], reported["next_steps"]) == (stored.text, stored.text)
    result = import_path(session, user=SYSTEM, path=path, dry_run=True)
    assert result.ok, [p.text("en") for p in result.problems]
    assert result.changes == [], [c.text("en") for c in result.changes]


def test_the_whole_plan_file_reads_back_to_the_stored_values(
    session: Session, stored: Stored, tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    export_plan(session, stored.plan_id, path)
    tables = read_path(path).tables
    plan = tables["plan"].rows[0][1]
    assert (plan["name"], plan["owner"], plan["description"]) == (stored.text,) * 3
    assert tables["themes"].rows[0][1]["name"] == stored.text
    assert tables["goals"].rows[0][1]["text"] == stored.text
    names = {row["name"]: row.get("contact", "") for _, row in tables["actors"].rows}
    assert names[stored.text] == stored.text
    event = tables["events"].rows[0][1]
    assert (event["actor"], event["title"], event["place"]) == (stored.text,) * 3
    assert [g.strip() for g in re.split(r"[;,]", event["groups"])] == stored.event_groups
