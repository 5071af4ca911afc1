"""The open issue's edge cases, through the service functions on SQLite and
PostgreSQL: every text field a user writes, too long or with NUL, zero-width and
bidi characters; numbers that are text, NaN or infinite; bad directions, years,
weights and e-mail addresses. Each is stored cleaned or refused with a
ValidationError whose Norwegian message names the field, never a database error."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tests.factories import World
from tests.rollup_reads import plan_rollup
from tracker import i18n
from tracker.errors import ValidationError
from tracker.limits import MAX_WEIGHT, column_limit
from tracker.models import (
    Actor,
    Contribution,
    Event,
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    OverlapDecision,
    Plan,
    StatusUpdate,
    Theme,
    User,
)
from tracker.planfile.importer import import_tables
from tracker.planfile.read import read_bytes
from tracker.service.actors import save_actor
from tracker.service.contributions import ContributionInput, add_contribution
from tracker.service.events import EventInput, save_event
from tracker.service.goals import save_goal
from tracker.service.indicators import IndicatorInput, report_value, save_indicator
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.overlaps import record_decision
from tracker.service.plans import save_plan
from tracker.service.status import Report, report_status
from tracker.service.themes import save_theme
from tracker.service.users import create_user
from tracker.vocab import EventKind, Role

NOW = datetime(2026, 2, 15, 12, tzinfo=UTC)
Writer = Callable[[Session, World, str], Any]


@dataclass(frozen=True)
class Field:
    """One text field a user writes: the service call that writes it (the text in
    that field, the others valid), and the column it lands in."""

    name: str
    column: InstrumentedAttribute[Any]
    write: Writer
    prefix: str = ""  # a valid start the bad text is appended to (a link's scheme)

    @property
    def model(self) -> type[Any]:
        return self.column.class_


def _admin(world: World) -> Any:
    return world.principals["admin"]


def _plan(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = {"name": "Ny plan", "owner": "", "description": ""} | {field: text}
        return save_plan(session, user=_admin(world), plan_id=None, start_year=2024,
                         end_year=2028, **values)  # fmt: skip

    return write


def _theme(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = {"code": "T9", "name": "Nytt tema", "description": ""} | {field: text}
        return save_theme(session, user=_admin(world), plan_id=world.plan.id, theme_id=None,
                          **values)  # fmt: skip

    return write


def _goal(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = {"code": "M9", "text": "Et nytt mål"} | {field: text}
        return save_goal(session, user=_admin(world), plan_id=world.plan.id, goal_id=None,
                         theme_id=None, **values)  # fmt: skip

    return write


def _actor(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = {"name": "Ny aktør", "short_name": "", "contact": ""} | {field: text}
        return save_actor(session, user=_admin(world), actor_id=None, **values)

    return write


def _measure_input(world: World, **values: Any) -> MeasureInput:
    start = MeasureInput(
        code="9.1", title="Nytt tiltak", theme_id=world.themes["T1"].id,
        lead_actor_id=world.actors["A"].id, start_period="2025-Q1", end_period="2026-Q4",
    )  # fmt: skip
    return replace(start, **values)


def _measure(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = _measure_input(world, **{field: text})
        return save_measure(session, user=_admin(world), plan_id=world.plan.id, measure_id=None,
                            seen_version=None, values=values)  # fmt: skip

    return write


def _status(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        measure = world.measures["1.1"]
        report = replace(Report("2025-Q4", "in_progress", 60, "green"), **{field: text})
        saved = report_status(session, user=world.principals["actor_a"], measure_id=measure.id,
                              report=report, seen_version=measure.version, now=NOW)  # fmt: skip
        return saved.status_id

    return write


def _contribution(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        given = replace(ContributionInput("2025-Q4", "Vi holdt et kurs."), **{field: text})
        return add_contribution(session, user=world.principals["actor_b"],
                                measure_id=world.measure_id("1.1"), contribution=given,
                                now=NOW)  # fmt: skip

    return write


def _user(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = {"display_name": "Ola Nordmann", "email": None} | {field: text}
        return create_user(session, user=_admin(world), username="ola", role=Role.LEADER,
                           password=None, **values)  # fmt: skip

    return write


def _event(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        values = EventInput(world.actors["A"].id, "Gründerfrokost", EventKind.EVENT,
                            date(2026, 3, 9))  # fmt: skip
        return save_event(session, user=_admin(world), values=replace(values, **{field: text}))

    return write


def _indicator_input(**values: Any) -> IndicatorInput:
    start = IndicatorInput(name="Sysselsatte", unit="personer", baseline_year=2024,
                           baseline_value=100, target_year=2028, target_value=140)  # fmt: skip
    return replace(start, **values)


def _indicator(field: str) -> Writer:
    def write(session: Session, world: World, text: str) -> int:
        return save_indicator(session, user=_admin(world), plan_id=world.plan.id,
                              values=_indicator_input(**{field: text}))  # fmt: skip

    return write


def _indicator_value(session: Session, world: World, text: str) -> int:
    indicator_id = _indicator("source")(session, world, "")
    return report_value(session, user=_admin(world), indicator_id=indicator_id, period="2025",
                        value=110, comment=text)  # fmt: skip


def _overlap_note(session: Session, world: World, text: str) -> int:
    pair = (world.measure_id("1.1"), world.measure_id("1.2"))
    record_decision(session, user=_admin(world), measure_ids=pair, verdict="samarbeid", note=text)
    return session.scalars(select(OverlapDecision.id)).one()


FIELDS = [
    Field("name", Plan.name, _plan("name")),
    Field("owner", Plan.owner, _plan("owner")),
    Field("description", Plan.description, _plan("description")),
    Field("code", Theme.code, _theme("code")),
    Field("name", Theme.name, _theme("name")),
    Field("description", Theme.description, _theme("description")),
    Field("code", Goal.code, _goal("code")),
    Field("text", Goal.text, _goal("text")),
    Field("name", Actor.name, _actor("name")),
    Field("short_name", Actor.short_name, _actor("short_name")),
    Field("contact", Actor.contact, _actor("contact")),
    Field("code", Measure.code, _measure("code")),
    Field("title", Measure.title, _measure("title")),
    Field("description", Measure.description, _measure("description")),
    Field("budget", Measure.budget, _measure("budget")),
    Field("funding", Measure.funding, _measure("funding")),
    Field("comment", StatusUpdate.comment, _status("comment")),
    Field("next_steps", StatusUpdate.next_steps, _status("next_steps")),
    Field("text", Contribution.text, _contribution("text")),
    Field("link", Contribution.link, _contribution("link"), prefix="https://senja.no/"),
    Field("display_name", User.display_name, _user("display_name")),
    Field("title", Event.title, _event("title")),
    Field("target_groups", Event.target_groups, _event("target_groups")),
    Field("place", Event.place, _event("place")),
    Field("link", Event.link, _event("link"), prefix="https://senja.no/"),
    Field("name", Indicator.name, _indicator("name")),
    Field("unit", Indicator.unit, _indicator("unit")),
    Field("source", Indicator.source, _indicator("source")),
    Field("comment", IndicatorValue.comment, _indicator_value),
    Field("note", OverlapDecision.note, _overlap_note),
]
IDS = [f"{f.model.__tablename__}.{f.column.key}" for f in FIELDS]


def refusal(call: Callable[[], Any], field: str) -> str:
    """The Norwegian text of the problem the call was refused for on `field`."""
    with pytest.raises(ValidationError) as refused:
        call()
    problems = refused.value.by_field().get(field)
    assert problems, f"no problem on {field}: {refused.value.text()}"
    return "\n".join(p.text("nb") for p in problems)


def stored(session: Session, field: Field, row_id: int) -> str:
    session.flush()
    session.expire_all()
    return getattr(session.get(field.model, row_id), field.column.key)


def label(field: Field) -> str:
    return i18n.t(f"field.{field.model.__tablename__}.{field.column.key}", "nb")


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_a_text_longer_than_its_column_is_refused_naming_field_and_limit(
    session: Session, world: World, field: Field
) -> None:
    limit = column_limit(field.column)
    text = field.prefix + "x" * (limit + 1 - len(field.prefix))
    message = refusal(lambda: field.write(session, world, text), field.name)
    assert message == f"{label(field)} kan være høyst {limit} tegn (du skrev {limit + 1}).", message


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_a_text_as_long_as_its_column_is_stored_whole(
    session: Session, world: World, field: Field
) -> None:
    limit = column_limit(field.column)
    # The longest a multi-byte text can be: PostgreSQL counts characters, not bytes.
    text = field.prefix + "ø" * (limit - len(field.prefix))
    if field.column.key == "target_groups":
        text = "ø" * limit  # one group, so the tidied list is the text itself
    row_id = field.write(session, world, text)
    assert stored(session, field, row_id) == text


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Finns\x00nes", "Finnsnes"),
        (f"{INVISIBLE}Finn{INVISIBLE}snes{INVISIBLE}", "Finnsnes"),
        ("Finnsnes\x07\x1b\x7f\x9f", "Finnsnes"),
        ("Cafe\u0301 Finnsnes", "Café Finnsnes"),  # NFC: one é, as the column counts it
        ("  Finnsnes \u200b ", "Finnsnes"),
        ("Finnsnes\ud800", "Finnsnes"),  # a lone surrogate cannot be stored as UTF-8
    ],
    ids=["nul", "zero-width-and-bidi", "control", "nfc", "trim", "surrogate"],
)
@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_invisible_and_control_characters_are_stripped_before_storing(
    session: Session, world: World, field: Field, written: str, kept: str
) -> None:
    if field.prefix:  # a link has no spaces
        written, kept = written.replace(" ", ""), kept.replace(" ", "")
    row_id = field.write(session, world, field.prefix + written)
    assert stored(session, field, row_id) == field.prefix + kept


@pytest.mark.parametrize("field", [f for f in FIELDS if f.column.type.python_type is str
                                   and getattr(f.column.type, "length", None) is None],
                         ids=lambda f: f"{f.model.__tablename__}.{f.column.key}")  # fmt: skip
def test_a_multi_line_field_keeps_its_lines_and_tabs(
    session: Session, world: World, field: Field
) -> None:
    row_id = field.write(session, world, "Linje 1\r\n\tLinje\x00 2")
    assert stored(session, field, row_id) == "Linje 1\n\tLinje 2"


@pytest.mark.parametrize("field", [f for f in FIELDS if getattr(f.column.type, "length", None)],
                         ids=lambda f: f"{f.model.__tablename__}.{f.column.key}")  # fmt: skip
def test_a_one_line_field_gets_spaces_for_line_breaks_and_tabs(
    session: Session, world: World, field: Field
) -> None:
    if field.prefix:  # a link with a space in it is no link: refused, see the link tests
        return
    row_id = field.write(session, world, "Finn\nsnes\ttorg")
    assert stored(session, field, row_id) == "Finn snes torg"


# --- numbers ------------------------------------------------------------------------

NOT_FINITE = ["mye", "12", float("nan"), float("inf"), float("-inf"), None, True]


@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
def test_an_indicator_value_must_be_a_finite_number(
    session: Session, world: World, value: Any
) -> None:
    indicator_id = _indicator("source")(session, world, "")
    message = refusal(
        lambda: report_value(
            session, user=_admin(world), indicator_id=indicator_id, period="2025", value=value
        ),  # fmt: skip
        "value",
    )
    assert message == "Verdi må være et endelig tall.", message
    assert session.scalars(select(IndicatorValue)).all() == []


@pytest.mark.parametrize("field", ["baseline_value", "target_value"])
@pytest.mark.parametrize("value", NOT_FINITE[:-2], ids=repr)
def test_an_indicators_baseline_and_target_must_be_finite(
    session: Session, world: World, field: str, value: Any
) -> None:
    values = _indicator_input(**{field: value})
    message = refusal(
        lambda: save_indicator(session, user=_admin(world), plan_id=world.plan.id, values=values),
        field,
    )
    assert message.endswith("må være et endelig tall."), message
    assert message.split()[0] in ("Utgangsverdi", "Målverdi"), message


@pytest.mark.parametrize("direction", ["sideways", "", None, "UP "])
def test_an_indicators_direction_is_up_or_down(
    session: Session, world: World, direction: Any
) -> None:
    values = _indicator_input(direction=direction)
    message = refusal(
        lambda: save_indicator(session, user=_admin(world), plan_id=world.plan.id, values=values),
        "direction",
    )
    assert "Retning" in message, message


@pytest.mark.parametrize(
    ("field", "year"),
    [("baseline_year", -5), ("baseline_year", 1899), ("baseline_year", "2024"),
     ("target_year", 10**9), ("target_year", 2201), ("baseline_year", 2024.5)],
)  # fmt: skip
def test_an_indicators_years_are_years(
    session: Session, world: World, field: str, year: Any
) -> None:
    values = _indicator_input(**{field: year})
    message = refusal(
        lambda: save_indicator(session, user=_admin(world), plan_id=world.plan.id, values=values),
        field,
    )
    assert "er ikke et årstall fra 1900 til 2200" in message, message


@pytest.mark.parametrize(
    "weight", [1e308, float("inf"), float("nan"), 0, -1, MAX_WEIGHT + 0.5, "2", None], ids=repr
)
def test_a_measure_weight_is_finite_positive_and_at_most_the_maximum(
    session: Session, world: World, weight: Any
) -> None:
    values = _measure_input(world, weight=weight)
    message = refusal(
        lambda: save_measure(
            session,
            user=_admin(world),
            plan_id=world.plan.id,
            measure_id=None,
            seen_version=None,
            values=values,
        ),  # fmt: skip
        "weight",
    )
    assert f"høyst {MAX_WEIGHT}" in message, message


def test_at_the_largest_weight_the_plans_progress_stays_a_number(
    session: Session, world: World
) -> None:
    measure = world.measures["1.1"]
    values = _measure_input(world, code="1.1", title=measure.title, start_period="2024-Q1",
                            end_period="2025-Q4", weight=MAX_WEIGHT)  # fmt: skip
    values = replace(values, partners=tuple((p.actor_id, p.role) for p in measure.partners))
    save_measure(session, user=_admin(world), plan_id=world.plan.id, measure_id=measure.id,
                 seen_version=measure.version, values=values)  # fmt: skip
    figures = plan_rollup(session, plan_id=world.plan.id, as_of=NOW)
    assert math.isfinite(figures["progress"]) and 0 <= figures["progress"] <= 100


# --- e-mail addresses ---------------------------------------------------------------

BAD_EMAILS = [
    "ola", "ola@", "@senja.kommune.no", "ola@@senja.no", "ola@senja@kommune.no",
    "ola nordmann@senja.no", "ola@senja", "ola@senja.", "ola@.senja.no", "ola@senja..no",
    "o" * 250 + "@senja.no",
]  # fmt: skip


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_a_bad_email_is_refused(session: Session, world: World, email: str) -> None:
    message = refusal(lambda: _user("email")(session, world, email), "email")
    assert "E-post" in message, message
    assert session.scalars(select(User).where(User.username == "ola")).all() == []


def test_a_good_email_is_stored_tidied(session: Session, world: World) -> None:
    user_id = _user("email")(session, world, " \u200bOla.Nordmann+plan@Senja.Kommune.no ")
    assert session.get(User, user_id).email == "ola.nordmann+plan@senja.kommune.no"


# --- the importer -------------------------------------------------------------------


def _wheel_file(groups: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Årshjul"
    sheet.append(["Aktør", "Hendelse", "Type", "Fra", "Målgrupper", "Sted"])
    sheet.append(["Senja Næringshage", "Gründeruka", "Arrangement", "09.03.2026", groups, "x"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_the_importer_gives_a_row_error_for_a_too_long_target_group_cell(
    session: Session, world: World, dry_run: bool
) -> None:
    groups = "; ".join(f"gruppe {n}" for n in range(80))  # 80 groups, over 500 characters
    result = import_tables(session, user=_admin(world), plan=world.plan.name, dry_run=dry_run,
                           tables=read_bytes(_wheel_file(groups), "arshjul.xlsx"))  # fmt: skip
    assert not result.ok
    assert result.lines() == [
        f"Rad 2, kolonne «Målgrupper»: Målgrupper kan være høyst 500 tegn (du skrev {len(groups)})."
    ]
    assert session.scalars(select(Event)).all() == []
