"""The Tiltak sheet of a plan file: every measure row parsed into a MeasureSpec (its
values checked by the services' rules, its theme, goal, lead and partners found or
made new, its status report), matched to the plan's measure by code, else by title."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.code_lists import MEASURE_LISTS, joined
from tracker.limits import MAX_WEIGHT, column_limit
from tracker.models import Actor, Measure, Theme
from tracker.planfile import actor_rows, plan_rows, themes
from tracker.planfile.checks import span_problems, weight_problems
from tracker.planfile.read import normalise, row_spans
from tracker.planfile.run import ImportRun, message_key
from tracker.planfile.sheets import MEASURES
from tracker.planfile.specs import MeasureSpec
from tracker.planfile.status_rows import REPORT_TEXTS, status_spec
from tracker.planfile.values import (
    parse_bound,
    parse_code_list,
    parse_period,
    parse_weight,
    parse_yes,
)
from tracker.quarters import Quarter
from tracker.vocab import PartnerRole

SPAN_COLUMNS = {"period", "start", "end"}
VALUE_COLUMNS: dict[str, set[str]] = {
    "description": {"description"},
    "start_period": SPAN_COLUMNS,
    "end_period": SPAN_COLUMNS,
    "weight": {"weight"},
    "budget": {"budget"},
    "funding": {"funding"},
    "is_example": {"example"},
    "target_groups": {"target_groups"},
    "work_kinds": {"work_kinds"},
}
"""Measure fields and the file columns they come from (code and title always come)."""
ROLES = (("partners", PartnerRole.PARTNER), ("funders", PartnerRole.FUNDER))
Row = tuple[int, dict[str, str], Measure | None, str, str]  # row, values, match, code, title


def parse_measures(run: ImportRun) -> None:
    """Every measure row: leads first (actor_rows.leads), then the rest; the rows'
    problems said in row order."""
    first = len(run.problems)
    comments_without_status_column(run)
    numbers_per_theme(run)
    todo = _matched_rows(run)
    leads = actor_rows.leads(run, [(row, values) for row, values, *_ in todo])
    run.known = tuple(run.actors.spelling.values())  # partners split on these
    for row, values, measure, code, title in todo:
        spec = measure_spec(run, (row, values, measure, code, title), leads.get(row))
        if spec is not None:
            run.measures.append(spec)
    run.known = None
    run.problems[first:] = sorted(run.problems[first:], key=lambda p: p.row or 0)
    if run.not_begun_rows:
        run.notice("import.not_started_not_begun", None, rows=row_spans(run.not_begun_rows))


def _matched_rows(run: ImportRun) -> list[Row]:
    """The rows that are not a duplicate, each with the plan's measure it updates."""
    query = select(Measure).where(Measure.plan_id == run.plan.id)
    existing = list(run.session.scalars(query.options(selectinload(Measure.partners))))
    run.existing_measures = existing
    by_code = {normalise(m.code): m for m in existing}
    by_title = {normalise(m.title): m for m in existing}
    written = {normalise(values.get("code", "")) for _, values in run.rows(MEASURES)}
    run.measure_codes = set(by_code) | written - {""}
    seen: set[str] = set()
    todo: list[Row] = []
    for row, values in run.rows(MEASURES):
        code = run.text(values, "code", row, Measure.code)
        title = run.text(values, "title", row, Measure.title, required=True)
        identity = normalise(code) or "title:" + normalise(title)
        if identity in seen:
            run.problem("import.duplicate", row, "code" if code else "title", value=code or title)
            continue
        seen.add(identity)
        measure = by_code.get(normalise(code)) if code else by_title.get(normalise(title))
        todo.append((row, values, measure, code, title))
    return todo


def numbers_per_theme(run: ImportRun) -> None:
    """Whole numbers that start again under each group row («1, 2 / 1, 2») are
    «theme.number»: the group's own number, else its place among the groups."""
    rows = run.rows(MEASURES)
    grouped = any(layout.theme_rows for layout in run.tables.layouts)
    codes = [values.get("code", "").strip() for _, values in rows]
    written = [code for code in codes if code]
    if not grouped or not all(c.isdecimal() for c in written) or len(set(written)) == len(written):
        return
    groups: dict[str, str] = {}
    for _, values in rows:
        theme = values.get("theme", "")
        number = themes.split_theme(theme).code or str(len(groups) + 1)
        groups.setdefault(theme, number)
        if values.get("code", "").strip():
            values["code"] = f"{groups[theme]}.{values['code'].strip()}"
    example = next(values["code"] for _, values in rows if values.get("code"))
    run.notice("import.numbers_per_theme", None, None, example=example)


def comments_without_status_column(run: ImportRun) -> None:
    """Comments are stored with a status report: a file with a comment column and no
    status column imports its measures and says, once, that the comments are not."""
    if run.has_column(MEASURES, "status"):
        return
    for layout in run.tables.layouts:
        for header, key in layout.columns:
            if layout.table == MEASURES.key and key in REPORT_TEXTS:
                run.notice("import.comments_without_status_column", None, None, column=header)


def measure_spec(run: ImportRun, matched: Row, lead: Actor | None) -> MeasureSpec | None:
    """A row's measure (its lead already found, actor_rows.leads), or None with its
    problems."""
    row, values, measure, code, title = matched
    before = len(run.problems)
    theme = themes.find_or_new_theme(run, values.get("theme", ""), row, code)
    goal = plan_rows.find_or_new_goal(run, values.get("goal", ""), row)
    partners = _partners(run, values, row, lead)
    start, end = span(run, values, row)
    if measure is not None and not values.keys() & SPAN_COLUMNS:
        start, end = Quarter.parse(measure.start_period), Quarter.parse(measure.end_period)
    if start is not None and end is not None:
        run.refuse(span_problems(values, run.years, start, end), row)
    measure_values = _measure_values(run, values, row, code, title, (start, end))
    status = status_spec(run, values, row, (start, end), measure)
    if len(run.problems) > before or theme is None or lead is None:
        return None
    if not code:  # matched by title, it keeps its code; a new one gets the next free
        measure_values["code"] = measure.code if measure else new_code(run, theme)
    if measure is not None:  # a column missing from the file changes nothing
        measure_values = {
            k: v
            for k, v in measure_values.items()
            if not VALUE_COLUMNS.get(k) or values.keys() & VALUE_COLUMNS[k]
        }
    columns = frozenset(values)
    return MeasureSpec(row, measure, measure_values, theme, goal, lead, partners, status, columns)


def _partners(
    run: ImportRun, values: dict[str, str], row: int, lead: Actor | None
) -> dict[int, tuple[Actor, PartnerRole]]:
    """The row's partners and funders (id(actor) -> actor and role), the lead aside."""
    partners: dict[int, tuple[Actor, PartnerRole]] = {}
    for key, role in ROLES:
        for name in actor_rows.names(run, values.get(key, "")):
            actor = actor_rows.find_or_new_actor(run, name, row, key)
            if actor is not None and actor is not lead:
                partners[id(actor)] = (actor, role)
    return partners


def _measure_values(
    run: ImportRun,
    values: dict[str, str],
    row: int,
    code: str,
    title: str,
    span: tuple[Quarter | None, Quarter | None],
) -> dict[str, Any]:
    """The row's values for the measure's columns, each checked (problems on run)."""
    start, end = span
    weight = run.parse_cell(parse_weight, values.get("weight", ""), row, "weight", max=MAX_WEIGHT)
    if weight is not None:
        run.refuse(weight_problems(weight), row)
    return {
        "code": code,
        "title": title,
        "description": run.text(values, "description", row, Measure.description),
        "start_period": str(start) if start else None,
        "end_period": str(end) if end else None,
        "weight": weight if weight is not None else 1.0,
        "budget": run.text(values, "budget", row, Measure.budget),
        "funding": run.text(values, "funding", row, Measure.funding),
        "is_example": parse_yes(values.get("example", "")),
        **{
            key: _code_list(run, values, row, key, vocabulary)
            for key, vocabulary in MEASURE_LISTS.items()
        },
    }


def _code_list(
    run: ImportRun, values: dict[str, str], row: int, key: str, vocabulary: type[StrEnum]
) -> str:
    """A cell of labels (or codes) of a controlled list, as the column holds them; a
    word that is not on the list is the row's problem, naming the list."""
    found, unknown = parse_code_list(values.get(key, ""), vocabulary)
    if unknown:
        words = ", ".join(f"«{w}»" for w in unknown)
        run.problem("import.not_on_list", row, key, words=words, choices=tuple(vocabulary))
    return joined(found)


def span(run: ImportRun, values: dict[str, str], row: int) -> tuple[Quarter | None, Quarter | None]:
    """The row's start and end quarters (Periode, or Start and Slutt), or None, None
    with the row's problem; checked by the service's rules in measure_spec."""
    first_year, last_year = run.years
    try:
        start, end = parse_period(values.get("period", ""), first_year, last_year)
    except ValueError as error:
        run.problem(message_key(error), row, "period", value=values.get("period", ""))
        return None, None
    if values.get("start", "").strip():
        start = run.parse_cell(
            lambda t: parse_bound(t, end=False, plan=run.years), values["start"], row, "start"
        )
    if values.get("end", "").strip():
        end = run.parse_cell(
            lambda t: parse_bound(t, end=True, plan=run.years), values["end"], row, "end"
        )
    if start is None or end is None:
        return None, None
    return start, end


def new_code(run: ImportRun, theme: Theme) -> str:
    """'<theme code>.<n>', n after the theme's highest ('T1.4' after 1.1–1.3),
    skipping codes the plan or the file already uses."""
    prefix = run.theme_values.get(id(theme), {}).get("code") or theme.code
    number = run.next_number.get(id(theme)) or first_number(run, theme)
    while normalise(code := _measure_code(prefix, number)) in run.measure_codes:
        number += 1
    run.next_number[id(theme)] = number + 1
    run.measure_codes.add(normalise(code))
    return code


def first_number(run: ImportRun, theme: Theme) -> int:
    codes = [m.code for m in run.existing_measures if m.theme_id == theme.id]
    tails = [code.rsplit(".", 1)[-1] for code in codes]
    return max((int(t) for t in tails if t.isdecimal()), default=0) + 1  # not isdigit: "²"


def _measure_code(prefix: str, number: int) -> str:
    """'<prefix>.<number>', the prefix cut short if need be to fit Measure.code."""
    tail = f".{number}"
    return prefix[: column_limit(Measure.code) - len(tail)] + tail
