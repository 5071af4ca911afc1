"""Importing a plan file: parse every row, validate all of it, then write it in
one go. A file with any error changes nothing and reports every row's error at
once; a dry run reports what would change and changes nothing.

One run (run.ImportRun) goes through the sheets in order: plan_rows (the plan, its
themes and goals), actor_rows, measure_rows (with status_rows), events, instruments;
then, if nothing was wrong, apply writes it all, events writes the Årshjul's events
and instruments the Virkemidler through their service (whose refusal of a row stops
the import like any row's problem)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tracker import i18n
from tracker.db import bump_revision
from tracker.errors import Problem, TrackerError
from tracker.planfile import actor_rows, apply, measure_rows, plan_rows, themes
from tracker.planfile.events import apply_events, parse_events
from tracker.planfile.instruments import apply_instruments, parse_instruments
from tracker.planfile.read import Layout, Tables, read_path
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import ACTORS, EVENTS, GOALS, INSTRUMENTS, MEASURES, PLAN, THEMES
from tracker.planfile.specs import MeasureSpec
from tracker.service.demo_accounts import retire_demo_accounts
from tracker.service.principal import Principal, require_admin

PREVIEW_ROWS = 5  # measures in ImportResult.preview
STEPS = (
    (THEMES, plan_rows.parse_themes),
    (ACTORS, actor_rows.parse_actors),
    (GOALS, plan_rows.parse_goals),
    (MEASURES, measure_rows.parse_measures),
)
"""The sheets after the plan's, in the order they are read (a goal names a theme, a
measure all of them), each with its parser."""


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
        session,
        user=user,
        tables=tables,
        plan=plan,
        dry_run=dry_run,
        now=now,
        keep_demo_accounts=keep_demo_accounts,
        period=period,
    )


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
    run = ImportRun(session, principal, tables, now or datetime.now(UTC))
    parse(run, plan, period)
    result.preview = [preview(run, spec) for spec in run.measures[:PREVIEW_ROWS]]
    if run.problems:
        result.problems = run.problems
        return result
    with session.begin_nested() as nested:
        write(run)
        if run.problems:  # a service refused a row while writing: nothing is kept
            nested.rollback()
            result.problems = run.problems
            return result
        try:
            retired = [] if keep_demo_accounts else retire_demo_accounts(session, user=principal)
        except TrackerError as refused:
            nested.rollback()
            result.problems = list(refused.problems)
            return result
        if dry_run:
            nested.rollback()
    result.ok = True
    result.changes = run.changes
    result.notices += run.notices
    if retired:
        key = "demo.would_retire" if dry_run else "demo.retired"
        result.notices.append(Problem(key, {"names": ", ".join(retired)}))
    result.plan_id = None if dry_run and run.new_plan else run.plan.id
    return result


def parse(run: ImportRun, plan_name: str | None, period: str | None = None) -> None:
    """Every sheet's rows into run: its values and specs, or its problems."""
    run.sheet = PLAN
    plan_rows.parse_plan(run, plan_name, period)
    if run.problems:
        return
    plan_rows.load_existing(run)
    for sheet, step in STEPS:
        run.sheet = sheet  # the sheet problems name the columns of (run.header)
        step(run)
    run.sheet = EVENTS
    run.events = parse_events(run)
    run.sheet = INSTRUMENTS
    run.instruments = parse_instruments(run)
    if not any(run.rows(s) for s in (PLAN, THEMES, GOALS, ACTORS, MEASURES, EVENTS, INSTRUMENTS)):
        run.problems.append(Problem("import.nothing"))


def write(run: ImportRun) -> None:
    """What run parsed, written (not committed); the data revision bumped if it changed."""
    apply.apply_plan(run)
    apply.apply_structure(run)
    apply.apply_measures(run)
    apply_events(run, run.events)
    apply_instruments(run, run.instruments)
    if run.changes:
        bump_revision(run.session)


def preview(run: ImportRun, spec: MeasureSpec) -> dict[str, Any]:
    """A measure as it will be stored (ImportResult.preview)."""
    existing = spec.existing
    values = spec.values
    start = values.get("start_period", existing.start_period if existing else None)
    end = values.get("end_period", existing.end_period if existing else None)
    return {
        "code": values.get("code") or (existing.code if existing else ""),
        "title": values.get("title", ""),
        "theme": themes.theme_label(run, spec.theme),
        "lead": actor_rows.actor_name(run, spec.lead),
        "partners": [actor_rows.actor_name(run, actor) for actor, _ in spec.partners.values()],
        "start": start,
        "end": end,
        "status": spec.status.status.value if spec.status else None,
    }
