"""Importing a plan file: parse every row, validate all of it, then write it in
one go. A file with any error changes nothing and reports every row's error at
once; a dry run reports what would change and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker import i18n
from tracker.cleaning import clean_text
from tracker.db import bump_revision
from tracker.errors import NotFound, Problem, TrackerError
from tracker.limits import MAX_WEIGHT, column_limit
from tracker.models import Actor, Goal, Measure, MeasurePartner, Plan, Theme
from tracker.planfile import themes
from tracker.planfile.changes import field_labels
from tracker.planfile.checks import (
    actor_problems,
    report_problems,
    span_problems,
    weight_problems,
)
from tracker.planfile.events import EventSpec, apply_events, parse_events
from tracker.planfile.new_plan import find_plan, new_plan_values, period_kept, period_years
from tracker.planfile.read import Layout, Tables, normalise, read_path, row_spans
from tracker.planfile.resolve import Lookup, theme_names
from tracker.planfile.sheets import ACTORS, EVENTS, GOALS, MEASURES, PLAN, THEMES, Sheet
from tracker.planfile.values import (
    parse_actor_kind,
    parse_bound,
    parse_period,
    parse_progress,
    parse_quarter,
    parse_rag,
    parse_status,
    parse_weight,
    parse_yes,
    split_names,
)
from tracker.quarters import Quarter
from tracker.service.audit import record
from tracker.service.checks import Checks, too_long
from tracker.service.demo_accounts import retire_demo_accounts
from tracker.service.edits import REQUIRED, save_values
from tracker.service.plans import check_plan_name_free, plan_fields
from tracker.service.principal import Principal, require_admin
from tracker.service.status import (
    Report,
    append_status,
    latest_status,
    newest_periods,
    status_values,
)
from tracker.service.structure import get_plan
from tracker.vocab import ActorKind, Entity, PartnerRole, Rag, Status

SPAN_COLUMNS = {"period", "start", "end"}
VALUE_COLUMNS: dict[str, set[str]] = {
    "description": {"description"},
    "start_period": SPAN_COLUMNS,
    "end_period": SPAN_COLUMNS,
    "weight": {"weight"},
    "budget": {"budget"},
    "funding": {"funding"},
    "is_example": {"example"},
}
"""Measure fields and the file columns they come from (code and title always come)."""
ROLE_COLUMNS = {PartnerRole.PARTNER: "partners", PartnerRole.FUNDER: "funders"}
REPORT_FIELDS = ("status", "progress", "rag", "status_period")
REPORT_TEXTS = ("comment", "next_steps")
"""A row's status report columns: without a status, the fields are an error, the texts
a notice (a kept spreadsheet's «Merknad» is often there without one)."""
PREVIEW_ROWS = 5  # measures in ImportResult.preview
KNOWN_LISTED = 12  # themes named in an unknown theme's message
THEME_NEAR = 0.6  # a looser match than NEAR_MISS: it is only a suggestion, never taken


@dataclass
class ImportResult:
    """What an import found and did. ok is False when problems stopped it."""

    ok: bool
    dry_run: bool
    plan_id: int | None = None
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    changes: list[Problem] = field(default_factory=list)
    layouts: list[Layout] = field(default_factory=list)  # how the file was read
    preview: list[dict[str, Any]] = field(default_factory=list)
    """The first measures as they will be stored: code, title, theme («3 Nyskapende»),
    lead (a name), partners (names), start and end (quarters), status (a code or None)."""

    def lines(self, lang: str = i18n.DEFAULT_LANG) -> list[str]:
        return [p.text(lang) for p in self.problems or self.changes]


@dataclass
class StatusSpec:
    period: Quarter | None
    status: Status
    progress: int | None
    rag: Any
    comment: str
    next_steps: str


@dataclass
class MeasureSpec:
    row: int
    existing: Measure | None
    values: dict[str, Any]
    theme: Theme
    goal: Goal | None
    lead: Actor
    partners: dict[int, tuple[Actor, PartnerRole]]
    status: StatusSpec | None
    columns: frozenset[str]  # the file's columns: an existing measure keeps the rest


def import_path(
    session: Session,
    *,
    user: Principal,
    path: Path,
    plan: str | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
    keep_demo_accounts: bool = False,
    period: str | None = None,
    sheet: str | None = None,
    columns: dict[str, str] | None = None,
) -> ImportResult:
    """Read and import a .xlsx, .csv or folder of .csv files (see tracker.planfile.sheets);
    sheet and columns: the user's choices, as read.read_bytes takes them."""
    tables = read_path(Path(path), sheet=sheet, columns=columns)
    return import_tables(
        session, user=user, tables=tables, plan=plan, dry_run=dry_run, now=now,
        keep_demo_accounts=keep_demo_accounts, period=period,
    )  # fmt: skip


def import_tables(
    session: Session,
    *,
    user: Principal,
    tables: Tables,
    plan: str | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
    keep_demo_accounts: bool = False,
    period: str | None = None,
) -> ImportResult:
    """Validate all of tables, then (unless dry_run or any problem) write them.

    A plan name that is not in the database (and a file with no Plan sheet) creates
    that plan: its years from period ('2024-2028') or from the name (new_plan).

    Raises PermissionDenied for a non-admin. File and row errors never raise:
    they come back in ImportResult.problems, and nothing is written.
    An import is real use: it deactivates the demo's accounts (their passwords are
    published), and a demo account may not import. Only the demo loader keeps them.
    """
    principal = require_admin(session, user)
    result = ImportResult(ok=False, dry_run=dry_run, notices=list(tables.notices))
    result.layouts = list(tables.layouts)
    if tables.problems:
        result.problems = list(tables.problems)
        return result
    job = _Job(session, principal, tables, now or datetime.now(UTC))
    job.parse(plan, period)
    result.preview = job.preview()
    if job.problems:
        result.problems = job.problems
        return result
    with session.begin_nested() as nested:
        job.apply()
        try:
            retired = [] if keep_demo_accounts else retire_demo_accounts(session, user=principal)
        except TrackerError as refused:
            nested.rollback()
            result.problems = list(refused.problems)
            return result
        if dry_run:
            nested.rollback()
    result.ok = True
    result.changes = job.changes
    result.notices += job.notices
    if retired:
        key = "demo.would_retire" if dry_run else "demo.retired"
        result.notices.append(Problem(key, {"names": ", ".join(retired)}))
    result.plan_id = None if dry_run and job.new_plan else job.plan.id
    return result


class _Job:
    """One import: parse() collects problems, apply() writes."""

    def __init__(self, session: Session, principal: Principal, tables: Tables, now: datetime):
        self.session, self.principal, self.tables, self.now = session, principal, tables, now
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.changes: list[Problem] = []
        self.plan: Plan = Plan()
        self.new_plan = False
        self.plan_values: dict[str, Any] = {}
        self.themes: Lookup[Theme] = Lookup()
        self.theme_values: dict[int, dict[str, Any]] = {}
        self.goals: Lookup[Goal] = Lookup()
        self.goal_values: dict[int, dict[str, Any]] = {}
        self.actors: Lookup[Actor] = Lookup()
        self.actor_values: dict[int, dict[str, Any]] = {}
        self.measures: list[MeasureSpec] = []
        self.existing_measures: list[Measure] = []
        self.measure_codes: set[str] = set()  # normalised: the plan's and the file's
        self.next_number: dict[int, int] = {}  # id(theme) -> the next number to try
        self.latest: dict[int, Any] = {}
        self.newest: dict[int, str] = {}  # measure id -> the newest quarter reported
        self.events: list[EventSpec] = []
        self.plan_themes = False  # the plan had themes before this import
        self.not_begun_rows: list[int] = []  # «Ikke startet» on measures not begun
        self.theme_hints: dict[str, str] | None = None  # themes.named_themes
        self.known: tuple[str, ...] | None = None  # actor names lists split on (names)
        self.sheet: Sheet = MEASURES  # the sheet being read

    # ---- parsing ---------------------------------------------------------

    def rows(self, sheet: Sheet) -> list[tuple[int, dict[str, str]]]:
        table = self.tables.tables.get(sheet.key)
        return table.rows if table else []

    def problem(self, key: str, row: int, column: str | None = None, **params: Any) -> None:
        self.problems.append(Problem(key, params, self.header(column), row))

    def notice(self, key: str, row: int | None, field: str | None = None, **params: Any) -> None:
        self.notices.append(Problem(key, params, self.header(field), row))

    def header(self, column: str | None) -> str | None:
        """A column key as the file being read writes it («Nr.», «Hovedansvar»: its
        Layout), else as the sheet's canonical header ('lead' -> 'Ansvarlig')."""
        for layout in self.tables.layouts:
            if layout.table == self.sheet.key:
                written = next((h for h, key in layout.columns if key == column), None)
                if written is not None:
                    return written
        canonical = next((c.header for c in self.sheet.columns if c.key == column), None)
        return canonical or _header(column)

    def has_column(self, sheet: Sheet, key: str) -> bool:
        """The file's table for sheet has a column read as key."""
        return any(
            layout.table == sheet.key and any(k == key for _, k in layout.columns)
            for layout in self.tables.layouts
        )

    def numbers_per_theme(self) -> None:
        """Whole numbers that start again under each group row («1, 2 / 1, 2») are
        «theme.number»: the group's own number, else its place among the groups."""
        rows = self.rows(MEASURES)
        grouped = any(layout.theme_rows for layout in self.tables.layouts)
        codes = [values.get("code", "").strip() for _, values in rows]
        written = [code for code in codes if code]
        if (
            not grouped
            or not all(c.isdecimal() for c in written)
            or len(set(written)) == len(written)
        ):
            return
        groups: dict[str, str] = {}
        for _, values in rows:
            theme = values.get("theme", "")
            number = themes.split_theme(theme).code or str(len(groups) + 1)
            groups.setdefault(theme, number)
            if values.get("code", "").strip():
                values["code"] = f"{groups[theme]}.{values['code'].strip()}"
        example = next(values["code"] for _, values in rows if values.get("code"))
        self.notice("import.numbers_per_theme", None, None, example=example)

    def comments_without_status_column(self) -> None:
        """Comments are stored with a status report: a file with a comment column and no
        status column imports its measures and says, once, that the comments are not."""
        if self.has_column(MEASURES, "status"):
            return
        for layout in self.tables.layouts:
            for header, key in layout.columns:
                if layout.table == MEASURES.key and key in REPORT_TEXTS:
                    self.notice("import.comments_without_status_column", None, None, column=header)

    def text(
        self, values: dict[str, str], key: str, row: int, column: Any = None,
        required: bool = False,
    ) -> str:  # fmt: skip
        """A cell cleaned and, when it goes into column, checked for it as the
        services check it (Checks.text: tracker.cleaning, the column's size)."""
        if column is None:
            value = clean_text(values.get(key, ""))
            if required and not value:
                self.problem(REQUIRED, row, key)
            return value
        checks = Checks()
        value = checks.text(
            key, values.get(key, ""), column, required=REQUIRED if required else None
        )
        self.refuse(checks.problems, row)
        return value

    def refuse(self, problems: list[Problem], row: int) -> None:
        """A service check's problems, tied to row (their fields are column keys)."""
        for problem in problems:
            self.problem(problem.key, row, problem.field, **problem.params)

    def fits(self, text: str, column: Any, row: int, key: str) -> bool:
        """True when text fits column; else a row problem (the services' message)."""
        problem = too_long(text, column)
        if problem is not None:
            self.problem(problem.key, row, key, **problem.params)
        return problem is None

    def parse(self, plan_name: str | None, period: str | None = None) -> None:
        self.sheet = PLAN
        self.parse_plan(plan_name, period)
        if self.problems:
            return
        self.load_existing()
        steps = ((THEMES, self.parse_themes), (ACTORS, self.parse_actors),
                 (GOALS, self.parse_goals), (MEASURES, self.parse_measures))  # fmt: skip
        for sheet, step in steps:
            self.sheet = sheet  # the sheet problems name the columns of (header)
            step()
        self.sheet = EVENTS
        self.events = parse_events(self)
        if not any(self.rows(s) for s in (PLAN, THEMES, GOALS, ACTORS, MEASURES, EVENTS)):
            self.problems.append(Problem("import.nothing"))

    def parse_plan(self, plan_name: str | None, period: str | None = None) -> None:
        rows = self.rows(PLAN)
        if not rows:
            self.plan_by_name(plan_name, period)
            return
        row, values = rows[0]
        for ignored, _ in rows[1:]:  # one file, one plan
            self.notices.append(Problem("import.plan_rows_ignored", {"first": row}, None, ignored))
        years: list[object] = []
        for key in ("start_year", "end_year"):
            text = self.text(values, key, row, required=True)
            years.append(int(text) if text.isdecimal() else text)  # not isdigit: "²"
        checks = Checks()  # the admin form's rules for a plan (plans.plan_fields)
        start_year, end_year = years
        self.plan_values = plan_fields(
            checks,
            values.get("name", ""),
            start_year,
            end_year,
            values.get("owner", ""),
            values.get("description", ""),
        )
        name = self.plan_values["name"]
        found = self.session.scalar(select(Plan).where(Plan.name == name))
        check_plan_name_free(self.session, checks, name, found.id if found else None)
        empty = {
            key for key, year in zip(("start_year", "end_year"), years, strict=True) if year == ""
        }
        self.refuse([p for p in checks.problems if p.field not in empty], row)
        self.new_plan = found is None
        self.plan = found or Plan()

    def plan_by_name(self, plan_name: str | None, period: str | None) -> None:
        """The plan named (case and spaces aside), or the only one; a name not yet
        known is a new plan (new_plan)."""
        found = find_plan(self.session, plan_name) if plan_name and plan_name.strip() else None
        if found is None and not (plan_name or "").strip():
            try:
                found = get_plan(self.session, None)
            except NotFound:
                self.problems.append(Problem("import.plan_name_needed"))
                return
        if found is not None:
            self.plan = found
            if period and period_years(period) != (found.start_year, found.end_year):
                self.notices.append(period_kept(found, period))
            return
        titles = [t for layout in self.measure_layouts() for t in layout.title_rows]
        values, problems, notices = new_plan_values(self.session, plan_name or "", period, titles)
        self.problems += problems
        self.notices += notices
        self.plan_values, self.new_plan, self.plan = values, True, Plan()

    def measure_layouts(self) -> list[Layout]:
        return [layout for layout in self.tables.layouts if layout.table == MEASURES.key]

    def load_existing(self) -> None:
        if self.plan.id is not None:
            for theme in self.session.scalars(select(Theme).where(Theme.plan_id == self.plan.id)):
                self.themes.add(theme, *theme_names(theme.code, theme.name))
                self.plan_themes = True
            for goal in self.session.scalars(select(Goal).where(Goal.plan_id == self.plan.id)):
                self.goals.add(goal, goal.code, goal.text)
        for actor in self.session.scalars(select(Actor)):
            self.actors.add(actor, actor.name, actor.short_name)
        if self.plan.id is not None:
            current = latest_status(self.session, self.plan.id, self.now)
            self.latest = {int(r.measure_id): r for r in current.itertuples()}  # type: ignore[arg-type]
            self.newest = newest_periods(self.session, self.plan.id)

    @property
    def years(self) -> tuple[int, int]:
        if self.plan_values:
            return self.plan_values["start_year"], self.plan_values["end_year"]
        return self.plan.start_year, self.plan.end_year

    def parse_themes(self) -> None:
        for position, (row, values) in enumerate(self.rows(THEMES), start=1):
            code = self.text(values, "code", row, Theme.code, required=True)
            name = self.text(values, "name", row, Theme.name, required=True)
            theme = self.themes.find(code) or Theme()
            if id(theme) in self.theme_values:
                self.problem("import.duplicate", row, "code", value=code)
                continue
            self.theme_values[id(theme)] = {
                "code": code,
                "name": name,
                "description": self.text(values, "description", row, Theme.description),
                "position": position,
            }
            self.themes.add(theme, *theme_names(code, name))

    def parse_actors(self) -> None:
        """The Aktører sheet, checked as the admin form checks an actor (admin.
        actor_fields, check_actor_names) against every other actor, the file's too."""
        rows = []
        for row, values in self.rows(ACTORS):
            name, short = (
                clean_text(values.get("name", "")),
                clean_text(values.get("short_name", "")),
            )
            actor = self.actors.find(name) or Actor()
            if id(actor) in self.actor_values:
                self.problem("import.duplicate", row, "name", value=name)
                continue
            wanted = {
                "name": values.get("name", ""),
                "short_name": values.get("short_name", ""),
                "kind": self.actor_kind(values.get("kind", ""), row),
                "contact": values.get("contact", ""),
            }
            self.actor_values[id(actor)] = {"name": name, "short_name": short}
            self.actors.add(actor, name, short)
            rows.append((row, actor, wanted))
        taken = self.actor_names()
        position = {id(actor): n for n, actor in enumerate(self.actors.items)}
        for row, actor, wanted in rows:
            cleaned, problems = actor_problems(wanted, taken, position[id(actor)])
            self.refuse(problems, row)
            self.actor_values[id(actor)] = cleaned

    def actor_names(self) -> dict[str, list[tuple[int, str]]]:
        """Every actor's name and short name (casefolded) -> [(its position, its
        name)], as the import leaves them: the file's values, else the stored ones."""
        taken: dict[str, list[tuple[int, str]]] = {}
        for position, actor in enumerate(self.actors.items):
            values = self.actor_values.get(id(actor)) or {
                "name": actor.name,
                "short_name": actor.short_name or "",
            }
            for key in {values["name"].casefold(), values["short_name"].casefold()} - {""}:
                taken.setdefault(key, []).append((position, values["name"]))
        return taken

    def actor_kind(self, text: str, row: int) -> ActorKind | None:
        if not text.strip():
            return None
        try:
            return parse_actor_kind(text)
        except ValueError:
            self.problem("import.bad_kind", row, "kind", value=text)
            return None

    def parse_goals(self) -> None:
        for row, values in self.rows(GOALS):
            code = self.text(values, "code", row, Goal.code, required=True)
            text = self.text(values, "text", row, Goal.text, required=True)
            theme_name = values.get("theme", "").strip()
            theme = self.themes.find(theme_name) if theme_name else None
            if theme_name and theme is None:
                self.unknown_theme(theme_name, row, "theme")
            goal = self.goals.find(code) or Goal()
            if id(goal) in self.goal_values:
                self.problem("import.duplicate", row, "code", value=code)
                continue
            self.goal_values[id(goal)] = {"code": code, "text": text, "_theme": theme}
            self.goals.add(goal, code, text)

    def parse_measures(self) -> None:
        """Every measure row: leads first (Job.leads), then the rest; the rows'
        problems said in row order."""
        first = len(self.problems)
        self.comments_without_status_column()
        self.numbers_per_theme()
        query = select(Measure).where(Measure.plan_id == self.plan.id)
        existing = list(self.session.scalars(query.options(selectinload(Measure.partners))))
        self.existing_measures = existing
        by_code = {normalise(m.code): m for m in existing}
        by_title = {normalise(m.title): m for m in existing}
        written = {normalise(values.get("code", "")) for _, values in self.rows(MEASURES)}
        self.measure_codes = set(by_code) | written - {""}
        seen: set[str] = set()
        todo = []
        for row, values in self.rows(MEASURES):
            code = self.text(values, "code", row, Measure.code)
            title = self.text(values, "title", row, Measure.title, required=True)
            identity = normalise(code) or "title:" + normalise(title)
            if identity in seen:
                self.problem(
                    "import.duplicate", row, "code" if code else "title", value=code or title
                )
                continue
            seen.add(identity)
            measure = by_code.get(normalise(code)) if code else by_title.get(normalise(title))
            todo.append((row, values, measure, code, title))
        leads = self.leads([(row, values) for row, values, *_ in todo])
        self.known = tuple(self.actors.spelling.values())  # partners split on these
        for row, values, measure, code, title in todo:
            spec = self.measure_spec(row, values, measure, code, title, leads.get(row))
            if spec is not None:
                self.measures.append(spec)
        self.known = None
        self.problems[first:] = sorted(self.problems[first:], key=lambda p: p.row or 0)
        if self.not_begun_rows:
            self.notice("import.not_started_not_begun", None, rows=row_spans(self.not_begun_rows))

    def leads(self, rows: list[tuple[int, dict[str, str]]]) -> dict[int, Actor | None]:
        """Every row's lead, before any row's partners, so that no row's order changes
        what a cell means: names alone first, then cells that may be lists
        («Kupa og NAV»), each split on the names known after the names alone."""
        cells = {row: values.get("lead", "") for row, values in rows}
        self.known = tuple(self.actors.spelling.values())
        lists = {row: cell for row, cell in cells.items() if len(self.names(cell)) > 1}
        found = {
            row: self.find_one_actor(cell, row, "lead", required=True)
            for row, cell in cells.items()
            if row not in lists
        }
        self.known = tuple(self.actors.spelling.values())
        listed = {row: self.is_list(cell) for row, cell in lists.items()}
        for row, cell in lists.items():
            found[row] = self.find_one_actor(cell, row, "lead", True, listed[row])
        return found

    def measure_spec(
        self, row: int, values: dict[str, str], measure: Measure | None, code: str, title: str,
        lead: Actor | None,
    ) -> MeasureSpec | None:  # fmt: skip
        """A row's measure (its lead already found, Job.leads), or None with its problems."""
        before = len(self.problems)
        theme = self.find_or_new_theme(values.get("theme", ""), row, code)
        goal = self.find_or_new_goal(values.get("goal", ""), row)
        partners: dict[int, tuple[Actor, PartnerRole]] = {}
        for key, role in (("partners", PartnerRole.PARTNER), ("funders", PartnerRole.FUNDER)):
            for name in self.names(values.get(key, "")):
                actor = self.find_or_new_actor(name, row, key)
                if actor is not None and actor is not lead:
                    partners[id(actor)] = (actor, role)
        start, end = self.span(values, row)
        if measure is not None and not values.keys() & SPAN_COLUMNS:
            start, end = Quarter.parse(measure.start_period), Quarter.parse(measure.end_period)
        if start is not None and end is not None:
            self.refuse(span_problems(values, self.years, start, end), row)
        weight = self.parse_cell(
            parse_weight, values.get("weight", ""), row, "weight", max=MAX_WEIGHT
        )
        if weight is not None:
            self.refuse(weight_problems(weight), row)
        measure_values = {
            "code": code,
            "title": title,
            "description": self.text(values, "description", row, Measure.description),
            "start_period": str(start) if start else None,
            "end_period": str(end) if end else None,
            "weight": weight if weight is not None else 1.0,
            "budget": self.text(values, "budget", row, Measure.budget),
            "funding": self.text(values, "funding", row, Measure.funding),
            "is_example": parse_yes(values.get("example", "")),
        }
        status = self.status_spec(values, row, start, end, measure)
        if len(self.problems) > before or theme is None or lead is None:
            return None
        if not code:  # matched by title, it keeps its code; a new one gets the next free
            measure_values["code"] = measure.code if measure else self.new_code(theme)
        if measure is not None:  # a column missing from the file changes nothing
            measure_values = {
                k: v
                for k, v in measure_values.items()
                if not VALUE_COLUMNS.get(k) or values.keys() & VALUE_COLUMNS[k]
            }
        columns = frozenset(values)
        return MeasureSpec(
            row, measure, measure_values, theme, goal, lead, partners, status, columns
        )

    def preview(self) -> list[dict[str, Any]]:
        """ImportResult.preview: the first PREVIEW_ROWS measures parsed."""
        return [self.stored(spec) for spec in self.measures[:PREVIEW_ROWS]]

    def stored(self, spec: MeasureSpec) -> dict[str, Any]:
        existing = spec.existing
        values = spec.values
        start = values.get("start_period", existing.start_period if existing else None)
        end = values.get("end_period", existing.end_period if existing else None)
        return {
            "code": values.get("code") or (existing.code if existing else ""),
            "title": values.get("title", ""),
            "theme": self.theme_label(spec.theme),
            "lead": self.actor_name(spec.lead),
            "partners": [self.actor_name(actor) for actor, _ in spec.partners.values()],
            "start": start,
            "end": end,
            "status": spec.status.status.value if spec.status else None,
        }

    def actor_name(self, actor: Actor) -> str:
        """An actor's name as the import leaves it: the file's, else the stored one."""
        return (self.actor_values.get(id(actor)) or {}).get("name") or actor.name

    def names(self, text: str) -> list[str]:
        """A list of actors; a whole cell naming one known actor is that one, even if
        the name has a comma in it. Known: the names known when the measures' leads
        (then partners) began to be read, so that no row changes another's split."""
        return split_names(
            text, self.actors.spelling.values() if self.known is None else self.known
        )

    def is_list(self, name: str) -> bool:
        """A cell of a one-actor column names several: split hard, or all known."""
        parts = self.names(name)
        return ";" in name or "\n" in name or all(self.actors.find(p) for p in parts)

    def new_code(self, theme: Theme) -> str:
        """'<theme code>.<n>', n after the theme's highest ('T1.4' after 1.1–1.3),
        skipping codes the plan or the file already uses."""
        prefix = self.theme_values.get(id(theme), {}).get("code") or theme.code
        number = self.next_number.get(id(theme)) or self.first_number(theme)
        while normalise(code := _measure_code(prefix, number)) in self.measure_codes:
            number += 1
        self.next_number[id(theme)] = number + 1
        self.measure_codes.add(normalise(code))
        return code

    def first_number(self, theme: Theme) -> int:
        codes = [m.code for m in self.existing_measures if m.theme_id == theme.id]
        tails = [code.rsplit(".", 1)[-1] for code in codes]
        return max((int(t) for t in tails if t.isdecimal()), default=0) + 1  # not isdigit: "²"

    def parse_cell(self, parser: Any, text: str, row: int, column: str, **params: Any) -> Any:
        try:
            return parser(text)
        except ValueError as error:
            self.problem(_message_key(error), row, column, value=text, **params)
            return None

    def span(self, values: dict[str, str], row: int) -> tuple[Quarter | None, Quarter | None]:
        first_year, last_year = self.years
        try:
            start, end = parse_period(values.get("period", ""), first_year, last_year)
        except ValueError as error:
            self.problem(_message_key(error), row, "period", value=values.get("period", ""))
            return None, None
        if values.get("start", "").strip():
            start = self.parse_cell(
                lambda t: parse_bound(t, end=False, plan=self.years), values["start"], row, "start"
            )
        if values.get("end", "").strip():
            end = self.parse_cell(
                lambda t: parse_bound(t, end=True, plan=self.years), values["end"], row, "end"
            )
        if start is None or end is None:
            return None, None
        return start, end  # checked by the service's rules in measure_spec

    def status_spec(
        self,
        values: dict[str, str],
        row: int,
        start: Quarter | None,
        end: Quarter | None,
        measure: Measure | None,
    ) -> StatusSpec | None:
        if not any(values.get(k, "").strip() for k in (*REPORT_FIELDS, *REPORT_TEXTS)):
            return None
        if not values.get("status", "").strip():
            if any(values.get(k, "").strip() for k in REPORT_FIELDS):
                self.problem("import.status_missing", row, "status")
            elif self.has_column(MEASURES, "status"):  # else said once for the file
                self.notice("import.comment_without_status", row, "comment")
            return None
        status = self.parse_cell(parse_status, values["status"], row, "status")
        progress = self.parse_cell(parse_progress, values.get("progress", ""), row, "progress")
        rag = self.parse_cell(parse_rag, values.get("rag", ""), row, "rag")
        period = self.status_period(values.get("status_period", ""), row, start, end)
        if status == Status.COMPLETED:
            progress = 100
        if status is None or start is None or end is None:
            return None
        comment = clean_text(values.get("comment", ""), multiline=True)
        next_steps = clean_text(values.get("next_steps", ""), multiline=True)
        if not values.get("status_period", "").strip() and start > self.quarter:
            self.not_begun(row, status, progress, comment or next_steps, start)
            return None
        spec = StatusSpec(period, status, progress, rag, comment, next_steps)
        latest = self.latest.get(measure.id) if measure is not None else None
        spec = _fill_missing_columns(spec, values, latest)
        if not _status_changed(spec, latest):
            return None
        if period is not None:
            self.check_report(spec, row, (start, end), measure)
        return spec

    @property
    def quarter(self) -> Quarter:
        return Quarter.current(self.now)

    def not_begun(
        self, row: int, status: Status, progress: int | None, text: str, start: Quarter
    ) -> None:
        """A status on a measure that begins after this quarter is no report (none can be
        for a quarter outside the span): «Ikke startet» alone is what the measure is until
        it begins, said once for all such rows; anything more is said for its row."""
        if status == Status.NOT_STARTED and not progress and not text:
            self.not_begun_rows.append(row)
        else:
            self.notice("import.status_not_begun", row, "status", start=str(start))

    def check_report(
        self, spec: StatusSpec, row: int, span: tuple[Quarter, Quarter], measure: Measure | None
    ) -> None:
        """The report form's rules on a row's status (as status.report_status checks)."""
        assert spec.period is not None
        report = Report(
            str(spec.period), spec.status, spec.progress, spec.rag, spec.comment, spec.next_steps
        )
        newest = self.newest.get(measure.id) if measure is not None else None
        problems = report_problems(
            self.session, report=report, span=span, plan_id=self.plan.id, newest=newest,
            now=self.now,
        )  # fmt: skip
        self.refuse(problems, row)

    def status_period(
        self, text: str, row: int, start: Quarter | None, end: Quarter | None
    ) -> Quarter | None:
        """The quarter a status is for: as written, or the current quarter within the span."""
        if start is None or end is None:
            return None
        if text.strip():
            period = self.parse_cell(parse_quarter, text, row, "status_period")
        else:
            period = max(start, min(self.quarter, end))
        return period

    def find_or_new_theme(self, name: str, row: int, measure_code: str = "") -> Theme | None:
        """A known theme (the plan's, or the Satsingsområder sheet's), or one the
        measures define while the plan has none (tracker.planfile.themes)."""
        return themes.find_or_new_theme(self, name, row, measure_code)

    def unknown_theme(self, name: str, row: int, column: str) -> None:
        """The problem of a theme not known, with the nearest known one and the list."""
        known = [self.theme_label(theme) for theme in self.themes.items]
        listed = ", ".join(known[:KNOWN_LISTED]) + (", …" if len(known) > KNOWN_LISTED else "")
        params = {"value": name.strip(), "known": listed or "–"}
        if (near := self.themes.near_miss(name, cutoff=THEME_NEAR)) is not None:
            self.problem("import.unknown_theme_near", row, column, near=near, **params)
        else:
            self.problem("import.unknown_theme", row, column, **params)

    def theme_label(self, theme: Theme) -> str:
        """'T1 Næringsutvikling': as the file gives it, else as stored."""
        values = self.theme_values.get(id(theme)) or {"code": theme.code, "name": theme.name}
        return f"{values['code']} {values['name']}"

    def find_one_actor(
        self, name: str, row: int, column: str, required: bool = False,
        listed: bool | None = None,
    ) -> Actor | None:  # fmt: skip
        """The actor of a column that takes one: a cell with a list in it ('Kupa;Kupa',
        'Kupa; NAV') is refused, not made a new actor of that name. listed: whether
        the cell is a list, when the caller decided it (Job.leads)."""
        parts = self.names(name)
        if listed is None:
            listed = self.is_list(name)
        if len(parts) < 2 or not listed:
            return self.find_or_new_actor(name, row, column, required)
        if len({normalise(p) for p in parts}) == 1:
            known = self.actors.find(parts[0])
            near = known.name if known is not None and known.name else parts[0]
            self.problem("import.one_actor_repeated", row, column, value=name.strip(), near=near)
        else:
            self.problem("import.one_actor", row, column, value=name.strip())
        return None

    def find_or_new_actor(
        self, name: str, row: int, column: str, required: bool = False
    ) -> Actor | None:
        name = clean_text(name)
        if not name:
            if required:
                self.problem(REQUIRED, row, column)
            return None
        found = self.actors.find(name)
        if found is not None:
            return found
        if (near := self.actors.near_miss(name)) is not None:
            self.problem("import.near_miss", row, column, value=name, near=near)
            return None
        if not self.fits(name, Actor.name, row, column):
            return None
        actor = Actor()
        self.actor_values[id(actor)] = {
            "name": name.strip(),
            "short_name": "",
            "kind": None,
            "contact": "",
        }
        self.actors.add(actor, name)
        return actor

    def find_or_new_goal(self, text: str, row: int) -> Goal | None:
        text = clean_text(text, multiline=True)
        if not text:
            return None
        found = self.goals.find(text)
        if found is not None:
            return found
        if not self.fits(text, Goal.text, row, "goal"):
            return None
        goal = Goal()
        code = f"M{len(self.goals.items) + 1}"
        self.goal_values[id(goal)] = {"code": code, "text": text.strip(), "_theme": None}
        self.goals.add(goal, code, text)
        return goal

    # ---- writing ---------------------------------------------------------

    def apply(self) -> None:
        self.apply_plan()
        self.apply_all(self.themes.items, self.theme_values, Entity.THEME, "name", plan=True)
        self.apply_all(self.actors.items, self.actor_values, Entity.ACTOR, "name", plan=False)
        for goal in self.goals.items:
            values = self.goal_values.get(id(goal))
            if values is not None:
                theme = values.pop("_theme")
                values["theme_id"] = theme.id if theme is not None else None
        self.apply_all(self.goals.items, self.goal_values, Entity.GOAL, "code", plan=True)
        self.apply_measures()
        apply_events(self, self.events)
        if self.changes:
            bump_revision(self.session)

    def apply_plan(self) -> None:
        if self.plan_values:
            self.sync(self.plan, self.plan_values, Entity.PLAN, self.plan_values["name"])
            if self.new_plan:  # «Ny plan: … (2024–2028)» says which years it was given
                self.changes[-1] = Problem("import.change_new_plan", self.plan_values)
        self.session.flush()

    def apply_all(
        self,
        items: list[Any],
        values: dict[int, dict[str, Any]],
        entity: Entity,
        key: str,
        plan: bool,
    ) -> None:
        for item in items:
            if id(item) in values:
                wanted = dict(values[id(item)])
                if plan:
                    wanted["plan_id"] = self.plan.id
                self.sync(item, wanted, entity, wanted[key])
        self.session.flush()

    def sync(
        self, item: Any, wanted: dict[str, Any], entity: Entity, name: str,
        period_column: bool = False,
    ) -> list[str]:  # fmt: skip
        """Write through the admin services' writer (edits.save_values: set what
        differs, add the item if new, audit it) and say what changed (period_column:
        a measure's span came from a Periode column). The caller flushes: many items
        go in one INSERT."""
        is_new = item.id is None
        changed = save_values(
            self.session, self.principal, item, wanted, entity=entity, label=name,
            action="import", bump=False, flush=False,
        )  # fmt: skip
        if not changed:
            return []
        if is_new:
            self.changes.append(Problem("import.change_new", {"entity": entity, "name": name}))
        else:
            fields = field_labels(entity, changed, period_column=period_column)
            params = {"entity": entity, "name": name, "fields": fields}
            self.changes.append(Problem("import.change_updated", params))
        return changed

    def apply_measures(self) -> None:
        """Measures first, flushed at once (their ids), then partners and reports."""
        written = [(spec, self.write_measure(spec)) for spec in self.measures]
        self.session.flush()
        for spec, (measure, changed) in written:
            changed += self.sync_partners(measure, spec)
            if spec.status is not None:
                self.append(measure, spec.status)
                changed.append("status")
            if changed and spec.existing is not None:
                measure.version += 1
        self.session.flush()

    def write_measure(self, spec: MeasureSpec) -> tuple[Measure, list[str]]:
        measure = spec.existing or Measure(created_at=self.now)
        values = dict(spec.values)
        values |= {
            "plan_id": self.plan.id,
            "theme_id": spec.theme.id,
            "lead_actor_id": spec.lead.id,
        }
        if spec.existing is None or "goal" in spec.columns:
            values["goal_id"] = spec.goal.id if spec.goal else None
        if spec.existing is None:
            values["version"] = 1
        period = "period" in spec.columns
        changed = self.sync(measure, values, Entity.MEASURE, values["code"], period)
        return measure, changed

    def sync_partners(self, measure: Measure, spec: MeasureSpec) -> list[str]:
        new = spec.existing is None  # has none yet: not loaded, added as rows
        have = {} if new else {p.actor_id: p.role for p in measure.partners}
        # A role whose column is missing from the file keeps the actors it has.
        kept = {
            actor_id: role
            for actor_id, role in have.items()
            if ROLE_COLUMNS[role] not in spec.columns
        }
        wanted = kept | {actor.id: role for actor, role in spec.partners.values()}
        if wanted == have:
            return []
        links = [
            MeasurePartner(measure_id=measure.id, actor_id=a, role=r) for a, r in wanted.items()
        ]
        if new:
            self.session.add_all(links)
        else:
            measure.partners = links
        params = {
            "entity": Entity.MEASURE,
            "name": measure.code,
            "fields": field_labels(Entity.MEASURE, ["partners"]),
        }
        if spec.existing is not None:
            self.changes.append(Problem("import.change_updated", params))
        record(
            self.session,
            self.principal,
            action="import",
            entity="measure",
            entity_id=measure.code,
            before={"partners": sorted(have)},
            after={"partners": sorted(wanted)},
            bump=False,
        )
        return ["partners"]

    def append(self, measure: Measure, spec: StatusSpec) -> None:
        assert spec.period is not None
        row = append_status(
            self.session,
            measure,
            period=spec.period,
            status=spec.status,
            progress=spec.progress,
            rag=spec.rag,
            comment=spec.comment,
            next_steps=spec.next_steps,
            user_id=self.principal.user_id,
            actor_id=None,
            reported_at=self.now,
            flush=False,
        )
        params = {"code": measure.code, "status": spec.status, "period": row.period}
        self.changes.append(Problem("import.change_status", params))
        record(
            self.session,
            self.principal,
            action="report",
            entity="measure",
            entity_id=measure.code,
            after=status_values(row),
            bump=False,
        )


def _header(column: str | None) -> str | None:
    """A field key as the file's canonical header ('lead' -> 'Ansvarlig')."""
    sheets = (MEASURES, THEMES, GOALS, ACTORS, PLAN)
    return next((c.header for s in sheets for c in s.columns if c.key == column), column)


def _message_key(error: ValueError) -> str:
    """The catalogue key a parser raised, or a plain one for any other ValueError
    (whose text is Python's, and English)."""
    key = str(error)
    return key if key in i18n.CATALOGUE else "import.bad_value"


def _measure_code(prefix: str, number: int) -> str:
    """'<prefix>.<number>', the prefix cut short if need be to fit Measure.code."""
    tail = f".{number}"
    return prefix[: column_limit(Measure.code) - len(tail)] + tail


def _fill_missing_columns(spec: StatusSpec, values: dict[str, str], latest: Any) -> StatusSpec:
    """A status field whose column the file lacks keeps the latest report's value
    (a file with only a Status column does not wipe progress and comments)."""
    if latest is None:
        return spec
    kept: dict[str, Any] = {}
    if "progress" not in values and spec.status != Status.COMPLETED:
        kept["progress"] = None if pd.isna(latest.progress) else int(latest.progress)
    if "rag" not in values and latest.rag:
        kept["rag"] = Rag(latest.rag)
    for name in ("comment", "next_steps"):
        if name not in values:
            kept[name] = _text(getattr(latest, name))
    return replace(spec, **kept)


def _status_changed(spec: StatusSpec, latest: Any) -> bool:
    """A row's status differs from the measure's latest report (Kvartal aside)."""
    if latest is None:
        return True
    # A completed report counts as 100 %, and a row saying completed is read as 100.
    progress = 100 if latest.status == Status.COMPLETED.value else latest.progress
    same = (
        latest.status == spec.status.value
        and _same_progress(progress, spec.progress)
        and (latest.rag or None) == (spec.rag.value if spec.rag else None)
        and _text(latest.comment) == spec.comment
        and _text(latest.next_steps) == spec.next_steps
    )
    return not same


def _text(value: Any) -> str:
    return "" if pd.isna(value) else str(value)


def _same_progress(stored: Any, wanted: int | None) -> bool:
    if pd.isna(stored):
        return wanted is None
    return wanted is not None and int(stored) == wanted
