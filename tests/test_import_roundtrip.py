"""One set of rules for every write (hypothesis, SQLite and PostgreSQL).

Whatever the services accept survives export -> import into an empty database
(after init only) -> export as the same plan, and importing the same file again
changes nothing («Ingen endringer»). Whatever the services refuse, the import
refuses with the same message: the same catalogue key and params, tied to the
file's row and column. Each example is rolled back, so each starts empty."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tests import test_export_roundtrip
from tests.factories import World
from tests.test_export_roundtrip import plan_state
from tracker import db
from tracker.errors import Problem, ValidationError
from tracker.limits import MAX_WEIGHT, column_limit
from tracker.models import Actor, Measure, Plan, Theme
from tracker.planfile.export import plan_book, plan_xlsx_bytes
from tracker.planfile.importer import ImportResult, import_tables
from tracker.planfile.read import read_bytes
from tracker.quarters import Quarter
from tracker.service.actors import save_actor
from tracker.service.goals import save_goal
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.plans import save_plan
from tracker.service.principal import SYSTEM
from tracker.service.status import Report, report_status
from tracker.service.themes import save_theme
from tracker.vocab import ActorKind, PartnerRole, Rag, Status

fresh_engine = test_export_roundtrip.fresh_engine  # a second, empty database

NOW = datetime(2026, 8, 15, 10, tzinfo=UTC)
EXAMPLES = int(os.environ.get("TRACKER_ROUNDTRIP_EXAMPLES", "0"))
ROUNDTRIP = settings(
    max_examples=EXAMPLES or 30,
    deadline=None,
    derandomize=not EXAMPLES,  # the same examples every run unless asked for more
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

LETTERS = "abcdefghijklmnopqrstuvwxyzæøåéABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
WORD = st.text(LETTERS, min_size=1, max_size=12).filter(lambda w: w.casefold() not in {"og", "and"})


def sentence(limit: int, max_words: int = 6) -> st.SearchStrategy[str]:
    """Words (no list separators), up to limit characters; now and then a run of
    letters that fills the column to its very limit."""
    words = st.lists(WORD, min_size=1, max_size=max_words).map(" ".join)
    full = st.integers(max(1, limit - 5), limit).map(lambda n: ("Lang" + "x" * n)[:n])
    return st.one_of(words, full).map(lambda text: text[:limit].strip() or "x")


def lines(limit: int) -> st.SearchStrategy[str]:
    """Multi-line text (a description, a comment), or none."""
    text = st.lists(sentence(80), min_size=1, max_size=3).map("\n".join)
    return st.one_of(st.just(""), text.map(lambda t: t[:limit].strip()))


def named(prefix: str, limit: int) -> Callable[[int, str], str]:
    """A name unique by its index (a letter after the prefix), within limit."""
    return lambda index, text: f"{prefix} {chr(65 + index)} {text}"[:limit].strip()


QUARTERS = [Quarter(year, q) for year in range(2024, 2031) for q in range(1, 5)]


@dataclass
class MeasurePlan:
    theme: int
    title: str
    description: str
    lead: int
    partners: dict[int, PartnerRole]
    span: tuple[Quarter, Quarter]
    weight: float
    budget: str
    goal: int | None
    example: bool
    report: tuple[Quarter, Status, int | None, Rag | None, str, str] | None


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A plan as the admin forms and the report form would take it."""
    end_year = draw(st.integers(2024, 2030))
    years = [q for q in QUARTERS if q.year <= end_year]
    actors = draw(st.integers(1, 4))
    themes = draw(st.integers(1, 3))
    goals = draw(st.integers(0, 2))
    measures = []
    for _ in range(draw(st.integers(1, 6))):
        start, end = sorted(draw(st.lists(st.sampled_from(years), min_size=2, max_size=2)))
        lead = draw(st.integers(0, actors - 1))
        others = [a for a in range(actors) if a != lead]
        roles = st.dictionaries(st.sampled_from(others), st.sampled_from(PartnerRole), max_size=3)
        partners = draw(roles) if others else {}
        begun = [q for q in years if start <= q <= end and q.start() <= NOW]
        report = None
        if begun and draw(st.booleans()):
            status = draw(st.sampled_from(Status))
            progress = draw(st.one_of(st.none(), st.integers(0, 100)))
            if status == Status.COMPLETED:
                progress = draw(st.sampled_from([None, 100]))
            rag = draw(st.one_of(st.none(), st.sampled_from(Rag)))
            report = (
                draw(st.sampled_from(begun)), status, progress, rag,
                draw(lines(2000)), draw(lines(2000)),
            )  # fmt: skip
        measures.append(
            MeasurePlan(
                theme=draw(st.integers(0, themes - 1)),
                title=draw(sentence(column_limit(Measure.title))),
                description=draw(lines(3000)),
                lead=lead,
                partners=partners,
                span=(start, end),
                weight=draw(st.integers(1, MAX_WEIGHT * 100)) / 100,
                budget=draw(st.one_of(st.just(""), sentence(column_limit(Measure.budget)))),
                goal=draw(st.one_of(st.none(), st.integers(0, goals - 1))) if goals else None,
                example=draw(st.booleans()),
                report=report,
            )
        )
    return {
        "plan": (
            named("Plan", column_limit(Plan.name))(0, draw(sentence(280))),
            end_year,
            draw(st.one_of(st.just(""), sentence(column_limit(Plan.owner)))),
            draw(lines(2000)),
        ),
        "themes": [
            (named("Tema", column_limit(Theme.name))(i, draw(sentence(300))), draw(lines(500)))
            for i in range(themes)
        ],
        "goals": [(draw(sentence(200)), draw(st.integers(-1, themes - 1))) for _ in range(goals)],
        "actors": [
            (
                named("Aktør", column_limit(Actor.name))(i, draw(sentence(200))),
                draw(st.one_of(st.just(""), st.text(LETTERS, max_size=50).map(
                    lambda t, i=i: f"S{chr(65 + i)}{t}"[: column_limit(Actor.short_name)]
                ))),
                draw(st.one_of(st.none(), st.sampled_from(ActorKind))),
                draw(st.one_of(st.just(""), sentence(column_limit(Actor.contact)))),
            )
            for i in range(actors)
        ],
        "measures": measures,
    }  # fmt: skip


def build(session: Session, spec: dict[str, Any]) -> int:
    """The plan written through the services, as the admin and the reporters would."""
    name, end_year, owner, description = spec["plan"]
    plan_id = save_plan(
        session, user=SYSTEM, plan_id=None, name=name, start_year=2024, end_year=end_year,
        owner=owner, description=description,
    )  # fmt: skip
    themes = [
        save_theme(
            session,
            user=SYSTEM,
            plan_id=plan_id,
            theme_id=None,
            code=str(i + 1),
            name=n,
            description=d,
        )  # fmt: skip
        for i, (n, d) in enumerate(spec["themes"])
    ]
    goals = [
        save_goal(
            session,
            user=SYSTEM,
            plan_id=plan_id,
            goal_id=None,
            code=f"M{i + 1}",
            text=text,
            theme_id=themes[theme] if theme >= 0 else None,
        )  # fmt: skip
        for i, (text, theme) in enumerate(spec["goals"])
    ]
    actors = [
        save_actor(session, user=SYSTEM, actor_id=None, name=n, short_name=s, kind=k, contact=c)
        for n, s, k, c in spec["actors"]
    ]
    counts: dict[int, int] = {}
    for m in spec["measures"]:
        counts[m.theme] = counts.get(m.theme, 0) + 1
        values = MeasureInput(
            code=f"{m.theme + 1}.{counts[m.theme]}", title=m.title, theme_id=themes[m.theme],
            lead_actor_id=actors[m.lead], start_period=str(m.span[0]), end_period=str(m.span[1]),
            description=m.description,
            goal_id=goals[m.goal] if m.goal is not None else None,
            partners=tuple((actors[a], role) for a, role in m.partners.items()),
            weight=m.weight, budget=m.budget, funding=m.budget[:40], is_example=m.example,
        )  # fmt: skip
        measure_id = save_measure(
            session, user=SYSTEM, plan_id=plan_id, measure_id=None, seen_version=None,
            values=values,
        )  # fmt: skip
        if m.report is not None:
            period, status, progress, rag, comment, next_steps = m.report
            report = Report(str(period), status, progress, rag, comment, next_steps)
            report_status(
                session, user=SYSTEM, measure_id=measure_id, report=report, seen_version=1,
                now=NOW,
            )  # fmt: skip
    session.flush()
    return plan_id


@contextmanager
def rolled_back(engine: Engine) -> Iterator[Session]:
    with db.session_factory(engine)() as session:
        try:
            yield session
        finally:
            session.rollback()


def load(session: Session, data: bytes, name: str = "plan.xlsx", plan: str | None = None) -> Any:
    tables = read_bytes(data, name)
    return import_tables(session, user=SYSTEM, tables=tables, plan=plan, now=NOW)


def frames(session: Session, plan_id: int) -> dict[str, list[list[object]]]:
    return {key: frame.values.tolist() for key, frame in plan_book(session, plan_id).items()}


@ROUNDTRIP
@given(spec=plans())
def test_what_the_services_accept_survives_export_and_import(
    engine: Engine, fresh_engine: Engine, spec: dict[str, Any]
) -> None:
    with rolled_back(engine) as source, rolled_back(fresh_engine) as target:
        plan_id = build(source, spec)
        data = plan_xlsx_bytes(source, plan_id)

        result = load(target, data)
        assert result.ok, result.lines("en")
        assert result.plan_id is not None
        assert plan_state(target, result.plan_id) == plan_state(source, plan_id)
        assert frames(target, result.plan_id) == frames(source, plan_id)

        again = load(target, data)
        assert again.ok and again.changes == [], again.lines("en")  # «Ingen endringer»


# --- what the services refuse, the import refuses alike ---------------------------------------


def xlsx(sheet: str, rows: list[list[object]]) -> bytes:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


MEASURE_HEADER = ["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Start", "Slutt", "Vekt"]


def measure_case(world: World, title: str, start: str, end: str, weight: float) -> Any:
    """A new measure through the admin form, and the same as a row of a file."""

    def service(session: Session) -> Any:
        values = MeasureInput(
            code="9.1", title=title, theme_id=world.themes["T1"].id,
            lead_actor_id=world.actors["A"].id, start_period=start, end_period=end, weight=weight,
        )  # fmt: skip
        return save_measure(
            session, user=SYSTEM, plan_id=world.plan.id, measure_id=None, seen_version=None,
            values=values,
        )  # fmt: skip

    row = ["9.1", title, "T1", "SNH", start, end, weight]
    return service, xlsx("Tiltak", [MEASURE_HEADER, row])


@st.composite
def refused_cases(draw: st.DrawFn, world: World, kind: str) -> tuple[Any, bytes]:
    """A value of kind the services may refuse: (the service call, the same as a file)."""
    if kind == "actor":
        limit = column_limit(Actor.name)
        name = "Aktør " + "x" * draw(st.integers(limit - 5, limit + 50))
        short = draw(st.sampled_from(["", "KN", "SNH", "Klyngen Nordvest"]))

        def actor(session: Session) -> Any:
            return save_actor(session, user=SYSTEM, actor_id=None, name=name, short_name=short)

        return actor, xlsx("Aktører", [["Navn", "Kortnavn"], [name, short]])
    if kind == "theme":
        name = "Tema " + "x" * draw(st.integers(column_limit(Theme.name) - 4, 400))

        def theme(session: Session) -> Any:
            return save_theme(
                session, user=SYSTEM, plan_id=world.plan.id, theme_id=None, code="T3", name=name
            )

        return theme, xlsx("Satsingsområder", [["Kode", "Navn"], ["T3", name]])
    title, start, end, weight = "Nytt tiltak", "2025-Q1", "2025-Q4", 1.0
    if kind == "title":
        title = "T" * draw(st.integers(column_limit(Measure.title) + 1, 700))
    elif kind == "span":
        start, end = (
            str(q) for q in draw(st.lists(st.sampled_from(ALL_QUARTERS), min_size=2, max_size=2))
        )
    elif kind == "weight":
        cents = st.one_of(st.integers(-100_000, 0), st.integers(MAX_WEIGHT * 100 + 1, 10**11))
        weight = draw(cents) / 100
    if kind != "report":
        return measure_case(world, title, start, end, weight)
    measure = world.measures["1.1"]  # span 2024-Q1..2025-Q4, reported for 2025-Q2
    period = draw(st.sampled_from([str(q) for q in QUARTERS if q.year <= 2026]))
    progress = draw(st.one_of(st.integers(-50, 200), st.none()))

    def report(session: Session) -> Any:
        return report_status(
            session, user=SYSTEM, measure_id=measure.id,
            report=Report(period, Status.IN_PROGRESS, progress, None), seen_version=measure.version,
            now=NOW,
        )  # fmt: skip

    header = ["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Status", "Fremdrift", "Kvartal"]
    cells = [
        "1.1",
        measure.title,
        "T1",
        "SNH",
        "Pågår",
        "" if progress is None else progress,
        period,
    ]
    return report, xlsx("Tiltak", [header, cells])


ALL_QUARTERS = [Quarter(year, q) for year in range(2022, 2031) for q in (1, 4)]


REFUSED_KINDS = ["actor", "theme", "title", "span", "weight", "report"]


@pytest.mark.parametrize("kind", REFUSED_KINDS)
@settings(ROUNDTRIP, max_examples=EXAMPLES or 10)
@given(data=st.data())
def test_what_the_services_refuse_the_import_refuses_with_the_same_message(
    session: Session, world: World, kind: str, data: st.DataObject
) -> None:
    service, file = data.draw(refused_cases(world, kind))
    expected = None
    try:
        service(session)
    except ValidationError as refused:
        expected = [(p.key, p.params) for p in refused.problems]
    finally:
        session.rollback()
    assume(expected is not None)  # the service took it (a span inside the plan): no case
    result: ImportResult = load(session, file, plan=world.plan.name)
    session.rollback()
    assert not result.ok, kind
    assert [(p.key, p.params) for p in result.problems] == expected, kind
    assert all(p.row == 2 and p.field for p in result.problems), kind


def test_the_import_ties_a_refused_value_to_its_row_and_column(
    session: Session, world: World
) -> None:
    _, data = measure_case(world, "Nytt tiltak", "2025-Q1", "2025-Q4", 1000.5)
    result = load(session, data, plan=world.plan.name)
    problems: list[Problem] = result.problems
    assert [(p.key, p.row, p.field) for p in problems] == [("admin.weight_invalid", 2, "Vekt")]
    assert problems[0].text("nb").startswith("Rad 2, kolonne «Vekt»: ")
