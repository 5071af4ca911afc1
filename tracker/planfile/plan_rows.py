"""The Plan, Satsingsområder and Mål sheets of a plan file, parsed into a run's values
(checked by the admin form's rules), and what the plan already holds, loaded first."""

from __future__ import annotations

from sqlalchemy import select

from tracker.cleaning import clean_text
from tracker.errors import NotFound, Problem
from tracker.models import Actor, Goal, Plan, Theme
from tracker.planfile import themes
from tracker.planfile.new_plan import find_plan, new_plan_values, period_kept, period_years
from tracker.planfile.read import Layout
from tracker.planfile.resolve import theme_names
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import GOALS, MEASURES, PLAN, THEMES
from tracker.service.checks import Checks
from tracker.service.plans import check_plan_name_free, plan_fields
from tracker.service.status import latest_status, newest_periods
from tracker.service.structure import get_plan


def parse_plan(run: ImportRun, plan_name: str | None, period: str | None = None) -> None:
    """The Plan sheet's first row, checked as the admin form checks a plan; without
    one, the plan named (plan_by_name)."""
    rows = run.rows(PLAN)
    if not rows:
        plan_by_name(run, plan_name, period)
        return
    row, values = rows[0]
    for ignored, _ in rows[1:]:  # one file, one plan
        run.notices.append(Problem("import.plan_rows_ignored", {"first": row}, None, ignored))
    years: list[object] = []
    for key in ("start_year", "end_year"):
        text = run.text(values, key, row, required=True)
        years.append(int(text) if text.isdecimal() else text)  # not isdigit: "²"
    checks = Checks()  # the admin form's rules for a plan (admin.plan_fields)
    start_year, end_year = years
    run.plan_values = plan_fields(
        checks,
        values.get("name", ""),
        start_year,
        end_year,
        values.get("owner", ""),
        values.get("description", ""),
    )
    name = run.plan_values["name"]
    found = run.session.scalar(select(Plan).where(Plan.name == name))
    check_plan_name_free(run.session, checks, name, found.id if found else None)
    empty = {key for key, year in zip(("start_year", "end_year"), years, strict=True) if year == ""}
    run.refuse([p for p in checks.problems if p.field not in empty], row)
    run.new_plan = found is None
    run.plan = found or Plan()


def plan_by_name(run: ImportRun, plan_name: str | None, period: str | None) -> None:
    """The plan named (case and spaces aside), or the only one; a name not yet
    known is a new plan (new_plan)."""
    found = find_plan(run.session, plan_name) if plan_name and plan_name.strip() else None
    if found is None and not (plan_name or "").strip():
        try:
            found = get_plan(run.session, None)
        except NotFound:
            run.problems.append(Problem("import.plan_name_needed"))
            return
    if found is not None:
        run.plan = found
        if period and period_years(period) != (found.start_year, found.end_year):
            run.notices.append(period_kept(found, period))
        return
    titles = [t for layout in measure_layouts(run) for t in layout.title_rows]
    values, problems, notices = new_plan_values(run.session, plan_name or "", period, titles)
    run.problems += problems
    run.notices += notices
    run.plan_values, run.new_plan, run.plan = values, True, Plan()


def measure_layouts(run: ImportRun) -> list[Layout]:
    return [layout for layout in run.tables.layouts if layout.table == MEASURES.key]


def load_existing(run: ImportRun) -> None:
    """The plan's themes and goals, every actor, and the measures' latest reports."""
    if run.plan.id is not None:
        for theme in run.session.scalars(select(Theme).where(Theme.plan_id == run.plan.id)):
            run.themes.add(theme, *theme_names(theme.code, theme.name))
            run.plan_themes = True
        for goal in run.session.scalars(select(Goal).where(Goal.plan_id == run.plan.id)):
            run.goals.add(goal, goal.code, goal.text)
    for actor in run.session.scalars(select(Actor)):
        run.actors.add(actor, actor.name, actor.short_name)
    if run.plan.id is not None:
        current = latest_status(run.session, run.plan.id, run.now)
        run.latest = {int(r.measure_id): r for r in current.itertuples()}  # type: ignore[arg-type]
        run.newest = newest_periods(run.session, run.plan.id)


def parse_themes(run: ImportRun) -> None:
    for position, (row, values) in enumerate(run.rows(THEMES), start=1):
        code = run.text(values, "code", row, Theme.code, required=True)
        name = run.text(values, "name", row, Theme.name, required=True)
        theme = run.themes.find(code) or Theme()
        if id(theme) in run.theme_values:
            run.problem("import.duplicate", row, "code", value=code)
            continue
        run.theme_values[id(theme)] = {
            "code": code,
            "name": name,
            "description": run.text(values, "description", row, Theme.description),
            "position": position,
        }
        run.themes.add(theme, *theme_names(code, name))


def parse_goals(run: ImportRun) -> None:
    for row, values in run.rows(GOALS):
        code = run.text(values, "code", row, Goal.code, required=True)
        text = run.text(values, "text", row, Goal.text, required=True)
        theme_name = values.get("theme", "").strip()
        theme = run.themes.find(theme_name) if theme_name else None
        if theme_name and theme is None:
            themes.unknown_theme(run, theme_name, row, "theme")
        goal = run.goals.find(code) or Goal()
        if id(goal) in run.goal_values:
            run.problem("import.duplicate", row, "code", value=code)
            continue
        run.goal_values[id(goal)] = {"code": code, "text": text, "_theme": theme}
        run.goals.add(goal, code, text)


def find_or_new_goal(run: ImportRun, text: str, row: int) -> Goal | None:
    """A measure row's goal: a known one (by code or text), else a new one."""
    text = clean_text(text, multiline=True)
    if not text:
        return None
    found = run.goals.find(text)
    if found is not None:
        return found
    if not run.fits(text, Goal.text, row, "goal"):
        return None
    goal = Goal()
    code = f"M{len(run.goals.items) + 1}"
    run.goal_values[id(goal)] = {"code": code, "text": text.strip(), "_theme": None}
    run.goals.add(goal, code, text)
    return goal
