"""The services' rules for one row of a plan file. Every check here is the
service's own (tracker.service.checks, admin, status): the importer keeps no copy
of a limit or a rule, and a value the admin form or the report form refuses is
refused with the same message (catalogue key and params). Only the field a
problem is tied to changes: from the form's field to the file's column key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker.errors import Problem
from tracker.quarters import Quarter
from tracker.service.actors import actor_fields, check_actor_names
from tracker.service.checks import Checks
from tracker.service.measure_edits import check_span, check_weight
from tracker.service.status import Report, check_report_period, check_report_values

REPORT_COLUMNS = {"period": "status_period"}
"""A status report's fields that the file names otherwise (the rest are alike)."""


def on_columns(problems: Iterable[Problem], columns: Mapping[str, str]) -> list[Problem]:
    """problems with their fields renamed to the file's columns, each (key, column) once."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for problem in problems:
        column = columns.get(problem.field or "", problem.field)
        if (problem.key, column) not in seen:
            seen.add((problem.key, column))
            out.append(Problem(problem.key, problem.params, column))
    return out


def span_problems(
    values: Mapping[str, str], years: tuple[int, int], start: Quarter, end: Quarter
) -> list[Problem]:
    """measure_edits.check_span on a row's span, tied to the column it came from."""
    checks = Checks()
    check_span(checks, years, str(start), str(end))
    columns = {
        "start_period": "start" if values.get("start", "").strip() else "period",
        "end_period": "end" if values.get("end", "").strip() else "period",
    }
    return on_columns(checks.problems, columns)


def weight_problems(weight: float) -> list[Problem]:
    """measure_edits.check_weight on a row's weight (column "weight", as the form's field)."""
    checks = Checks()
    check_weight(checks, weight)
    return checks.problems


def actor_problems(
    values: Mapping[str, Any], taken: Mapping[str, list[tuple[int, str]]], position: int
) -> tuple[dict[str, Any], list[Problem]]:
    """actors.actor_fields and check_actor_names on an Aktører row: its values
    cleaned, and what is wrong. taken maps each name and short name (casefolded)
    of every actor, in the database or the file, to its (position, name); as if
    the actors were saved one by one in that order, an actor clashes only with
    those before it."""
    checks = Checks()
    cleaned = actor_fields(
        checks, values["name"], values["short_name"], values["kind"], values["contact"]
    )
    wanted = {cleaned[f].casefold() for f in ("name", "short_name")} - {""}
    others = {key: name for key in wanted for other, name in taken.get(key, []) if other < position}
    check_actor_names(checks, cleaned, others)
    return cleaned, checks.problems


def report_problems(
    session: Session,
    *,
    report: Report,
    span: tuple[Quarter, Quarter],
    plan_id: int | None,
    newest: str | None,
    now: datetime,
) -> list[Problem]:
    """The report form's rules (status.check_report_values, check_report_period)
    on a row's status, tied to the file's columns."""
    problems: list[Problem] = []
    check_report_values(report, problems)
    check_report_period(session, report.period, span, plan_id, newest, now, problems)
    return on_columns(problems, REPORT_COLUMNS)
