"""What the forms take: progress typed as a whole number 0–100 (58 % is 58, which a
slider in steps of 5 could not say), and a text over its limit refused on save with
both numbers while the text stays in the field (Streamlit's max_chars cut a paste
without a word, so no form has one). The service's checks are the one rule: the
service tests run on SQLite and PostgreSQL, the page tests through AppTest."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from tests.apptest_helpers import AppDatabase, app, fresh_database, no_exception, on_page
from tests.factories import World
from tracker import i18n
from tracker.errors import ValidationError
from tracker.limits import PROGRESS_MAX, PROGRESS_MIN, column_limit, is_progress
from tracker.models import Contribution, StatusUpdate
from tracker.service.contributions import (
    ContributionInput,
    add_contribution,
    list_contributions,
)
from tracker.service.status import Report, report_status
from tracker.service.structure import list_plans
from ui import report_form

ROOT = Path(__file__).resolve().parent.parent
REPORT = "app_pages/report.py"
NOW = datetime(2026, 2, 15, 12, tzinfo=UTC)  # in 2026-Q1
LIMIT = column_limit(StatusUpdate.comment)


# --- the service: the one rule --------------------------------------------------------


def test_progress_is_a_whole_number_from_0_to_100() -> None:
    assert (PROGRESS_MIN, PROGRESS_MAX) == (0, 100)
    assert all(is_progress(v) for v in (0, 1, 58, 99, 100))
    assert not any(is_progress(v) for v in (-1, 101, 58.5, 58.0, True, "58", None))


def test_58_percent_is_stored_as_58(session: Session, world: World) -> None:
    measure = world.measures["1.2"]
    saved = report_status(
        session, user=world.principals["actor_b"], measure_id=measure.id, seen_version=1,
        report=Report("2026-Q1", "in_progress", 58, "green"), now=NOW,
    )  # fmt: skip
    session.commit()
    row = session.get(StatusUpdate, saved.status_id)
    assert row is not None and row.progress == 58


@pytest.mark.parametrize("field", ["comment", "next_steps"])
def test_a_text_over_its_limit_is_refused_with_both_numbers(
    session: Session, world: World, field: str
) -> None:
    measure = world.measures["1.2"]
    before = session.query(StatusUpdate).count()
    texts = {"comment": "", "next_steps": "", field: "x" * (LIMIT + 7)}
    with pytest.raises(ValidationError) as refused:
        report_status(
            session, user=world.principals["actor_b"], measure_id=measure.id, seen_version=1,
            report=Report("2026-Q1", "in_progress", 40, "green", **texts), now=NOW,
        )  # fmt: skip
    [problem] = refused.value.problems
    assert (problem.key, problem.field) == ("field.too_long", field)
    assert (problem.params["length"], problem.params["limit"]) == (LIMIT + 7, LIMIT)
    assert session.query(StatusUpdate).count() == before
    # exactly the limit goes through whole: nothing is cut
    texts[field] = "y" * LIMIT
    saved = report_status(
        session, user=world.principals["actor_b"], measure_id=measure.id, seen_version=1,
        report=Report("2026-Q1", "in_progress", 40, "green", **texts), now=NOW,
    )  # fmt: skip
    row = session.get(StatusUpdate, saved.status_id)
    assert row is not None and getattr(row, field) == "y" * LIMIT


def test_a_contribution_over_its_limit_is_refused(session: Session, world: World) -> None:
    limit = column_limit(Contribution.text)
    measure = world.measures["1.2"]  # led by B, A a partner
    with pytest.raises(ValidationError) as refused:
        add_contribution(
            session, user=world.principals["actor_a"], measure_id=measure.id, now=NOW,  # a partner
            contribution=ContributionInput("2026-Q1", "z" * (limit + 1), ""),
        )  # fmt: skip
    assert [p.key for p in refused.value.problems] == ["field.too_long"]


# --- no form cuts a paste ----------------------------------------------------------------


def test_no_form_has_max_chars() -> None:
    """max_chars makes the browser drop what goes past it: a paste is cut with no
    word. The service's check says it instead (ui.text.error_text)."""
    found = []
    for path in [*ROOT.glob("ui/*.py"), *ROOT.glob("app_pages/*.py"), ROOT / "dashboard.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "max_chars":
                found.append(f"{path.name}:{node.value.lineno}")
    assert found == []


# --- the report form, as a person uses it ---------------------------------------------


@pytest.fixture
def demo(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppDatabase:
    return fresh_database(tmp_path_factory, tmp_path, monkeypatch)


def open_form(demo: AppDatabase, lang: str = "nb") -> tuple[object, int, str]:
    at = app(demo.principal("sjomatklyngen"), lang, page=REPORT)
    no_exception(at)
    assert on_page(at, REPORT, lang)
    # from the state: a selectbox's shown value is formatted in the test's language
    quarter, measure_id = at.session_state["report_quarter"], at.session_state["report_measure"]
    at.checkbox(key=report_form.key(measure_id, "unknown", quarter)).uncheck().run()
    return at, measure_id, quarter


def test_the_form_takes_58_percent_as_a_whole_number(demo: AppDatabase) -> None:
    at, measure_id, quarter = open_form(demo)
    progress = at.number_input(key=report_form.key(measure_id, "progress", quarter))
    assert (progress.min, progress.max, progress.step) == (PROGRESS_MIN, PROGRESS_MAX, 1)
    progress.set_value(58)
    at.text_area(key=report_form.key(measure_id, "comment", quarter)).input("58 % nå").run()
    before = demo.last_status_id()
    at.button(key=report_form.key(measure_id, "save", quarter)).click().run()
    no_exception(at)
    rows = demo.status_rows(after_id=before)
    assert [(r.measure_id, r.progress, r.comment) for r in rows] == [(measure_id, 58, "58 % nå")]


def test_a_comment_over_the_limit_says_so_and_stays_in_the_field(demo: AppDatabase) -> None:
    lang = "nb"  # (AppTest formats a selectbox's options in the test's own language)
    at, measure_id, quarter = open_form(demo, lang)
    pasted = "Lang rapport. " * (LIMIT // 14 + 10)
    box = at.text_area(key=report_form.key(measure_id, "comment", quarter))
    assert not box.proto.max_chars  # nothing cut in the browser
    box.input(pasted).run()
    before = demo.last_status_id()
    at.button(key=report_form.key(measure_id, "save", quarter)).click().run()
    no_exception(at)
    assert demo.status_rows(after_id=before) == []  # nothing saved
    said = i18n.t(
        "tables.too_long", lang, name=i18n.t("field.status_update.comment", lang),
        length=i18n.format_number(len(pasted.strip()), lang),
        limit=i18n.format_number(LIMIT, lang),
    )  # fmt: skip
    assert said in [e.value for e in at.error]
    assert at.text_area(key=report_form.key(measure_id, "comment", quarter)).value == pasted


def test_a_contribution_over_the_limit_says_so_and_stays_in_the_field(demo: AppDatabase) -> None:
    kupa = demo.principal("kupa")
    at = app(kupa, page=REPORT)
    no_exception(at)
    quarter = at.selectbox(key="report_quarter").value
    measure_id = at.selectbox(key="report_partner_measure").value
    fields = f"contribution_{measure_id}_{quarter}_0"
    limit = column_limit(Contribution.text)
    pasted = "B" * (limit + 3)
    at.text_area(key=f"{fields}_text").input(pasted).run()
    with demo.session() as session:
        plan_id = int(list_plans(session)["id"].iloc[0])
    at.button(key=f"{fields}_save").click().run()
    no_exception(at)
    with demo.session() as session:
        stored = list_contributions(session, plan_id=plan_id, measure_id=measure_id)
    assert pasted not in set(pd.Series(stored["text"], dtype="object"))
    said = i18n.t(
        "tables.too_long", name=i18n.t("field.contribution.text"),
        length=i18n.format_number(limit + 3), limit=i18n.format_number(limit),
    )  # fmt: skip
    assert said in [e.value for e in at.error]
    assert at.text_area(key=f"{fields}_text").value == pasted
