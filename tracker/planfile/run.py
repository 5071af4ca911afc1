"""What one import run holds: the session and the admin importing, the file's tables,
the lookups of themes, goals and actors (the plan's and the file's), the values each
is to be given, the specs parsed from the rows, and the problems, notices and changes
found on the way. The row modules (plan_rows, actor_rows, measure_rows, status_rows,
events, instruments) fill it; apply writes it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker import i18n
from tracker.cleaning import clean_text
from tracker.errors import Problem
from tracker.models import Actor, Goal, Measure, Plan, Theme
from tracker.planfile.read import Tables
from tracker.planfile.resolve import Lookup
from tracker.planfile.sheets import ACTORS, GOALS, MEASURES, PLAN, THEMES, Sheet
from tracker.planfile.specs import EventSpec, InstrumentSpec, MeasureSpec
from tracker.quarters import Quarter
from tracker.service.checks import Checks, too_long
from tracker.service.edits import REQUIRED
from tracker.service.principal import Principal


class ImportRun:
    """One import's state, and the ways a row's problem or notice is said."""

    def __init__(self, session: Session, principal: Principal, tables: Tables, now: datetime):
        self.session, self.principal, self.tables, self.now = session, principal, tables, now
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.changes: list[Problem] = []
        self.plan: Plan = Plan()
        self.new_plan = False
        self.plan_values: dict[str, Any] = {}
        self.themes: Lookup[Theme] = Lookup()
        self.theme_values: dict[int, dict[str, Any]] = {}  # id(theme) -> its values
        self.goals: Lookup[Goal] = Lookup()
        self.goal_values: dict[int, dict[str, Any]] = {}
        self.actors: Lookup[Actor] = Lookup()
        self.actor_values: dict[int, dict[str, Any]] = {}
        self.measures: list[MeasureSpec] = []
        self.existing_measures: list[Measure] = []
        self.measure_codes: set[str] = set()  # normalised: the plan's and the file's
        self.next_number: dict[int, int] = {}  # id(theme) -> the next number to try
        self.latest: dict[int, Any] = {}  # measure id -> its latest status report
        self.newest: dict[int, str] = {}  # measure id -> the newest quarter reported
        self.events: list[EventSpec] = []
        self.instruments: list[InstrumentSpec] = []
        self.plan_themes = False  # the plan had themes before this import
        self.not_begun_rows: list[int] = []  # «Ikke startet» on measures not begun
        self.theme_hints: dict[str, str] | None = None  # themes.named_themes
        self.known: tuple[str, ...] | None = None  # actor names lists split on (names)
        self.sheet: Sheet = MEASURES  # the sheet being read

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

    def text(
        self,
        values: dict[str, str],
        key: str,
        row: int,
        column: Any = None,
        required: bool = False,
    ) -> str:
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

    def parse_cell(self, parser: Any, text: str, row: int, column: str, **params: Any) -> Any:
        """parser(text), or None with the row's problem (the parser's message)."""
        try:
            return parser(text)
        except ValueError as error:
            self.problem(message_key(error), row, column, value=text, **params)
            return None

    @property
    def quarter(self) -> Quarter:
        return Quarter.current(self.now)

    @property
    def years(self) -> tuple[int, int]:
        """The plan's first and last year, as the import leaves them."""
        if self.plan_values:
            return self.plan_values["start_year"], self.plan_values["end_year"]
        return self.plan.start_year, self.plan.end_year


def message_key(error: ValueError) -> str:
    """The catalogue key a parser raised, or a plain one for any other ValueError
    (whose text is Python's, and English)."""
    key = str(error)
    return key if key in i18n.CATALOGUE else "import.bad_value"


def _header(column: str | None) -> str | None:
    """A field key as the file's canonical header ('lead' -> 'Ansvarlig')."""
    sheets = (MEASURES, THEMES, GOALS, ACTORS, PLAN)
    return next((c.header for s in sheets for c in s.columns if c.key == column), column)
