"""Status reports through the service layer, on SQLite and PostgreSQL: the latest
status as of a moment, measure lists and filters, and reporting (validated, locked,
audited, append-only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from tests.factories import World, add_status, make_measure, make_plan, make_theme
from tracker import db
from tracker.db import transaction
from tracker.errors import ConflictError, NotFound, ValidationError
from tracker.models import AuditLog, Measure, StatusUpdate
from tracker.quarters import Quarter
from tracker.service.asof import AsOf
from tracker.service.measures import NEVER_REPORTED, MeasureFilter, list_measures, measure_status
from tracker.service.principal import SYSTEM
from tracker.service.quarter_closing import close_quarter
from tracker.service.status import Report, latest_status, measure_history, report_status
from tracker.vocab import Rag, Status

NOW = datetime(2026, 2, 15, 12, tzinfo=UTC)  # in 2026-Q1


def by_code(world: World, frame_ids: list[int]) -> set[str]:
    codes = {m.id: code for code, m in world.measures.items()}
    return {codes[i] for i in frame_ids}


def latest_by_code(session: Session, world: World, as_of: AsOf = None) -> dict[str, dict]:
    frame = latest_status(session, world.plan.id, as_of)
    codes = {m.id: code for code, m in world.measures.items()}
    return {codes[row["measure_id"]]: row for row in frame.to_dict("records")}


def snapshot(session: Session, measure_id: int) -> tuple[int, int, int, int]:
    """(status updates, audit rows, data revision, measure version) as stored now."""
    return (
        session.scalar(select(func.count(StatusUpdate.id))) or 0,
        session.scalar(select(func.count(AuditLog.id))) or 0,
        db.data_revision(session),
        session.scalar(select(Measure.version).where(Measure.id == measure_id)) or 0,
    )


# --- latest status and as-of -----------------------------------------------------------


def test_latest_status_now(session: Session, world: World) -> None:
    latest = latest_by_code(session, world)
    assert set(latest) == {"1.1", "1.2", "1.3", "2.3"}
    m1 = latest["1.1"]
    assert (m1["period"], m1["status"], m1["progress"], m1["rag"]) == (
        "2025-Q2",
        "in_progress",
        55,
        "yellow",
    )
    assert m1["reported_by"] == world.users["actor_a"].display_name
    assert m1["reported_by_actor"] == "Senja Næringshage"
    assert m1["reported_at"] == datetime(2025, 6, 20, 9, tzinfo=UTC)
    assert latest["1.2"]["status"] == "completed"
    assert latest["2.3"]["rag"] == "red"
    assert pd.isna(latest["2.3"]["progress"])


def test_as_of_a_quarter_sees_only_what_was_reported_by_then(
    session: Session, world: World
) -> None:
    latest = latest_by_code(session, world, "2025-Q1")
    # 1.2 completed (reported 2025-04-05) and 2.3 (2025-06-25) came later.
    assert set(latest) == {"1.1", "1.3"}
    assert latest["1.1"]["progress"] == 20
    assert latest["1.3"]["status"] == "cancelled"
    assert latest_by_code(session, world, "2024-Q4") == {}


def test_as_of_is_the_last_second_of_the_quarter_in_oslo(session: Session, world: World) -> None:
    m4 = world.measures["2.1"]
    last_second = datetime(2025, 9, 30, 21, 59, 59, tzinfo=UTC)  # 23:59:59 Oslo
    add_status(session, m4, "2025-Q3", Status.IN_PROGRESS, 30, Rag.GREEN, last_second)
    next_second = last_second + timedelta(seconds=1)
    add_status(session, m4, "2025-Q3", Status.IN_PROGRESS, 35, Rag.GREEN, next_second)
    session.commit()
    for as_of in ("2025-Q3", Quarter(2025, 3), date(2025, 9, 30), last_second):
        assert latest_by_code(session, world, as_of)["2.1"]["progress"] == 30, as_of
    for as_of in ("2025-Q4", date(2025, 10, 1), last_second + timedelta(seconds=1)):
        assert latest_by_code(session, world, as_of)["2.1"]["progress"] == 35, as_of


def test_same_moment_the_later_row_wins(session: Session, world: World) -> None:
    m4 = world.measures["2.1"]
    moment = datetime(2025, 8, 1, 10, tzinfo=UTC)
    add_status(session, m4, "2025-Q3", Status.IN_PROGRESS, 10, None, moment)
    add_status(session, m4, "2025-Q3", Status.IN_PROGRESS, 12, None, moment)
    session.commit()
    assert latest_by_code(session, world, "2025-Q3")["2.1"]["progress"] == 12


def test_a_report_made_after_the_as_of_moment_is_not_seen(session: Session, world: World) -> None:
    m2 = world.measures["1.2"]
    report = Report("2026-Q1", Status.IN_PROGRESS, 90, Rag.GREEN, "Gjenåpnet")
    report_status(
        session,
        user=world.principals["admin"],
        measure_id=m2.id,
        report=report,
        seen_version=1,
        now=NOW,
    )
    session.commit()
    assert latest_by_code(session, world, "2025-Q4")["1.2"]["status"] == "completed"
    assert pd.isna(latest_by_code(session, world, NOW - timedelta(seconds=1))["1.2"]["progress"])
    assert latest_by_code(session, world, NOW)["1.2"]["progress"] == 90
    assert latest_by_code(session, world)["1.2"]["progress"] == 90


def test_latest_status_is_per_plan(session: Session, world: World) -> None:
    other = make_plan(session, name="Midt-Troms", start_year=2025, end_year=2029)
    theme = make_theme(session, other, "A")
    measure = make_measure(session, other, theme, world.actors["A"], code="1.1", start="2025-Q1")
    add_status(session, measure, "2025-Q1", Status.IN_PROGRESS, 5, None, NOW)
    session.commit()
    assert set(latest_by_code(session, world)) == {"1.1", "1.2", "1.3", "2.3"}
    assert latest_by_code(session, world)["1.1"]["progress"] == 55
    assert len(latest_status(session, other.id)) == 1


# --- measure_status and list_measures ----------------------------------------------------


def test_measure_status_one_row_per_measure(session: Session, world: World) -> None:
    frame = measure_status(session, plan_id=world.plan.id, as_of="2025-Q2")
    assert len(frame) == 6
    rows = {row["code"]: row for row in frame.to_dict("records")}
    assert list(frame["code"]) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert rows["1.1"]["effective"] == 55.0
    assert rows["1.1"]["partner_ids"] == [world.actors["B"].id]
    assert rows["1.2"]["effective"] == 100.0  # completed, percentage not given
    assert rows["1.2"]["funder_ids"] == [world.actors["C"].id]
    assert not rows["1.3"]["counts"]  # cancelled
    assert rows["2.1"]["status"] is None and rows["2.1"]["counts"] and not rows["2.1"]["known"]
    assert not rows["2.2"]["begun"]
    assert rows["2.3"]["counts"] and not rows["2.3"]["known"]


ALL_CODES = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3"}
FILTERS: list[tuple[str, Callable[[World], MeasureFilter], set[str]]] = [
    ("none", lambda w: MeasureFilter(), ALL_CODES),
    ("theme", lambda w: MeasureFilter(theme_id=w.themes["T2"].id), {"2.1", "2.2", "2.3"}),
    (
        "actor lead or partner",
        lambda w: MeasureFilter(actor_id=w.actors["A"].id),
        {"1.1", "1.2", "1.3", "2.3"},
    ),
    (
        "actor lead only",
        lambda w: MeasureFilter(actor_id=w.actors["A"].id, lead_only=True),
        {"1.1", "1.3", "2.3"},
    ),
    (
        "funder counts as taking part",
        lambda w: MeasureFilter(actor_id=w.actors["C"].id),
        {"1.2", "2.1", "2.3"},
    ),
    ("status", lambda w: MeasureFilter(status="in_progress"), {"1.1", "2.3"}),
    ("status enum", lambda w: MeasureFilter(status=Status.CANCELLED), {"1.3"}),
    ("never reported", lambda w: MeasureFilter(status=NEVER_REPORTED), {"2.1", "2.2"}),
    ("rag", lambda w: MeasureFilter(rag="red"), {"2.3"}),
    ("rag yellow", lambda w: MeasureFilter(rag=Rag.YELLOW), {"1.1"}),
    (
        "theme and status",
        lambda w: MeasureFilter(theme_id=w.themes["T1"].id, status="completed"),
        {"1.2"},
    ),
    ("search title", lambda w: MeasureFilter(search="  sjømat "), {"1.1"}),
    ("search æøå upper case", lambda w: MeasureFilter(search="BLÅ ØKONOMI"), {"2.2"}),
    ("search æ", lambda w: MeasureFilter(search="LÆRLING"), {"2.3"}),
    ("search code", lambda w: MeasureFilter(search="2.2"), {"2.2"}),
    (
        "search actor name",
        lambda w: MeasureFilter(search="næringshage"),
        {"1.1", "1.2", "1.3", "2.3"},
    ),
    ("search nothing", lambda w: MeasureFilter(search="finnes ikke"), set()),
    ("blank search", lambda w: MeasureFilter(search="   "), ALL_CODES),
]


@pytest.mark.parametrize(
    ("build", "expected"), [(b, e) for _, b, e in FILTERS], ids=[name for name, _, _ in FILTERS]
)
def test_list_measures_filter(
    session: Session,
    world: World,
    build: Callable[[World], MeasureFilter],
    expected: set[str],
) -> None:
    frame = list_measures(session, plan_id=world.plan.id, as_of="2025-Q2", where=build(world))
    assert set(frame["code"]) == expected


def test_filter_follows_as_of(session: Session, world: World) -> None:
    where = MeasureFilter(status=NEVER_REPORTED)
    early = list_measures(session, plan_id=world.plan.id, as_of="2025-Q1", where=where)
    assert set(early["code"]) == {"1.2", "2.1", "2.2", "2.3"}


# --- reporting ---------------------------------------------------------------------------


def test_report_happy_path(session: Session, world: World) -> None:
    m2 = world.measures["1.2"]
    user = world.users["actor_b"]  # actor B leads 1.2
    before = snapshot(session, m2.id)
    saved = report_status(
        session,
        user=world.principals["actor_b"],
        measure_id=m2.id,
        report=Report("2026-Q1", "in_progress", 40, "yellow", "  Godt i gang ", " Søke midler "),
        seen_version=1,
        now=NOW,
    )
    session.commit()
    after = snapshot(session, m2.id)
    assert after == (before[0] + 1, before[1] + 1, before[2] + 1, 2)
    assert saved.version == 2

    row = session.get(StatusUpdate, saved.status_id)
    assert row is not None
    assert row.measure_id == m2.id
    assert row.period == "2026-Q1"
    assert row.status == Status.IN_PROGRESS
    assert row.progress == 40
    assert row.rag == Rag.YELLOW
    assert row.comment == "Godt i gang"
    assert row.next_steps == "Søke midler"
    assert row.reported_by_user_id == user.id
    assert row.reported_by_actor_id == world.actors["B"].id
    assert row.reported_at == NOW

    audit = session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert (audit.action, audit.entity, audit.entity_id) == ("report", "measure", "1.2")
    assert (audit.user_id, audit.username) == (user.id, "aktor.b")
    assert audit.after is not None
    assert audit.after["progress"] == 40
    assert audit.after["status"] == "in_progress"
    assert audit.after["period"] == "2026-Q1"


def test_report_is_seen_by_another_session(
    session: Session, other_session: Session, world: World
) -> None:
    m2 = world.measures["1.2"]
    report = Report("2026-Q1", Status.POSTPONED, 70, Rag.YELLOW)
    report_status(
        session,
        user=world.principals["actor_b"],
        measure_id=m2.id,
        report=report,
        seen_version=1,
        now=NOW,
    )
    session.commit()
    latest = latest_by_code(other_session, world)["1.2"]
    assert (latest["status"], latest["progress"]) == ("postponed", 70)
    assert latest["reported_by_actor"] == "Klyngen Nordvest"


def test_reports_are_appended_never_replaced(session: Session, world: World) -> None:
    m2 = world.measures["1.2"]
    admin = world.principals["admin"]
    first = report_status(
        session,
        user=admin,
        measure_id=m2.id,
        report=Report("2025-Q4", "in_progress", 60, None),
        seen_version=1,
        now=NOW,
    )
    second = report_status(
        session,
        user=admin,
        measure_id=m2.id,
        report=Report("2026-Q1", "in_progress", 65, None),
        seen_version=first.version,
        now=NOW + timedelta(minutes=5),
    )
    session.commit()
    assert second.version == 3
    history = measure_history(session, m2.id)
    assert list(history["progress"].astype("float64").fillna(-1)) == [-1.0, 60.0, 65.0]
    assert list(history["period"]) == ["2025-Q1", "2025-Q4", "2026-Q1"]
    assert row_for(session, first.status_id).reported_by_actor_id is None  # admin, no actor


def row_for(session: Session, status_id: int) -> StatusUpdate:
    row = session.get(StatusUpdate, status_id)
    assert row is not None
    return row


@pytest.mark.parametrize("progress", [None, 100])
def test_completed_stores_100(session: Session, world: World, progress: int | None) -> None:
    m4 = world.measures["2.1"]
    saved = report_status(
        session,
        user=world.principals["admin"],
        measure_id=m4.id,
        report=Report("2026-Q1", "completed", progress, "green"),
        seen_version=1,
        now=NOW,
    )
    session.commit()
    assert row_for(session, saved.status_id).progress == 100


def test_comment_of_exactly_the_limit_is_accepted(session: Session, world: World) -> None:
    m4 = world.measures["2.1"]
    saved = report_status(
        session,
        user=world.principals["admin"],
        measure_id=m4.id,
        report=Report("2026-Q1", "in_progress", 0, None, "x" * 4000, "y" * 4000),
        seen_version=1,
        now=NOW,
    )
    assert len(row_for(session, saved.status_id).comment) == 4000


def test_current_quarter_is_accepted(session: Session, world: World) -> None:
    m4 = world.measures["2.1"]
    first_second = datetime(2025, 6, 30, 22, 0, tzinfo=UTC)  # 2025-07-01 00:00 Oslo
    saved = report_status(
        session,
        user=world.principals["admin"],
        measure_id=m4.id,
        report=Report("2025-Q3", "in_progress", 5, None),
        seen_version=1,
        now=first_second,
    )
    assert row_for(session, saved.status_id).period == "2025-Q3"


BEFORE_LATEST = "report.period_before_latest"
OUTSIDE = "report.period_outside_span"
LONG = "field.too_long"
INVALID: list[tuple[str, Report, set[str]]] = [
    ("progress 101", Report("2026-Q1", "in_progress", 101, None), {"report.progress_range"}),
    ("progress -1", Report("2026-Q1", "in_progress", -1, None), {"report.progress_range"}),
    ("progress bool", Report("2026-Q1", "in_progress", True, None), {"report.progress_range"}),
    ("progress float", Report("2026-Q1", "in_progress", 50.5, None), {"report.progress_range"}),
    ("completed with 50", Report("2026-Q1", "completed", 50, None), {"report.completed_is_100"}),
    ("before span", Report("2023-Q4", "in_progress", 5, None), {OUTSIDE, BEFORE_LATEST}),
    ("after span", Report("2028-Q1", "in_progress", 5, None), {OUTSIDE, "report.period_in_future"}),
    ("future", Report("2026-Q2", "in_progress", 5, None), {"report.period_in_future"}),
    ("not a quarter", Report("2026-3", "in_progress", 5, None), {"report.period_invalid"}),
    ("comment", Report("2026-Q1", "in_progress", 5, None, "x" * 4001), {LONG}),
    ("next steps", Report("2026-Q1", "in_progress", 5, None, "", "x" * 4001), {LONG}),
    ("status", Report("2026-Q1", "ferdig", 5, None), {"report.status_invalid"}),
    ("rag", Report("2026-Q1", "in_progress", 5, "purple"), {"report.rag_invalid"}),
]


@pytest.mark.parametrize(
    ("report", "keys"), [(r, k) for _, r, k in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_invalid_report_is_refused_and_writes_nothing(
    session: Session, world: World, report: Report, keys: set[str]
) -> None:
    m2 = world.measures["1.2"]  # span 2024-Q1..2027-Q4
    before = snapshot(session, m2.id)
    with pytest.raises(ValidationError) as caught:
        report_status(
            session,
            user=world.principals["admin"],
            measure_id=m2.id,
            report=report,
            seen_version=1,
            now=NOW,
        )
    assert {p.key for p in caught.value.problems} == keys
    assert snapshot(session, m2.id) == before
    session.commit()
    assert snapshot(session, m2.id) == before


def test_every_problem_is_listed_at_once(session: Session, world: World) -> None:
    m2 = world.measures["1.2"]
    before = snapshot(session, m2.id)
    report = Report("2031-Q1", "done", 101, "purple", "x" * 4001, "y" * 4001)
    with pytest.raises(ValidationError) as caught:
        report_status(
            session,
            user=world.principals["actor_b"],
            measure_id=m2.id,
            report=report,
            seen_version=1,
            now=NOW,
        )
    error = caught.value
    assert {p.key for p in error.problems} == {
        "report.status_invalid",
        "report.rag_invalid",
        "report.progress_range",
        "field.too_long",
        "report.period_outside_span",
        "report.period_in_future",
    }
    assert set(error.by_field()) == {"status", "rag", "progress", "comment", "next_steps", "period"}
    assert "2031-Q1" in error.text("nb") and "2031-Q1" in error.text("en")
    assert snapshot(session, m2.id) == before


def test_future_follows_now(session: Session, world: World) -> None:
    m2 = world.measures["1.2"]
    spring = datetime(2025, 5, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as caught:
        report_status(
            session,
            user=world.principals["admin"],
            measure_id=m2.id,
            report=Report("2025-Q3", "in_progress", 5, None),
            seen_version=1,
            now=spring,
        )
    assert [p.key for p in caught.value.problems] == ["report.period_in_future"]


def test_closed_quarter_is_refused(session: Session, world: World) -> None:
    close_quarter(session, user=SYSTEM, plan_id=world.plan.id, period=Quarter(2025, 4), now=NOW)
    session.commit()
    m2 = world.measures["1.2"]
    before = snapshot(session, m2.id)
    with pytest.raises(ValidationError) as caught:
        report_status(
            session,
            user=world.principals["admin"],
            measure_id=m2.id,
            report=Report("2025-Q4", "in_progress", 5, None),
            seen_version=1,
            now=NOW,
        )
    assert [p.key for p in caught.value.problems] == ["report.period_closed"]
    assert snapshot(session, m2.id) == before


def test_unknown_measure(session: Session, world: World) -> None:
    with pytest.raises(NotFound):
        report_status(
            session,
            user=world.principals["admin"],
            measure_id=99999,
            report=Report("2026-Q1", "in_progress", 5, None),
            seen_version=1,
            now=NOW,
        )


# --- optimistic lock ------------------------------------------------------------------------


def test_second_report_on_the_same_version_conflicts(
    session: Session, other_session: Session, world: World
) -> None:
    m2 = world.measures["1.2"]
    first = report_status(
        session,
        user=world.principals["actor_b"],
        measure_id=m2.id,
        report=Report("2026-Q1", "in_progress", 45, "green", "Fra aktør B"),
        seen_version=1,
        now=NOW,
    )
    session.commit()
    before = snapshot(other_session, m2.id)
    with pytest.raises(ConflictError) as caught:
        report_status(
            other_session,
            user=world.principals["admin"],
            measure_id=m2.id,
            report=Report("2026-Q1", "postponed", 10, "red", "Fra admin"),
            seen_version=1,
            now=NOW + timedelta(minutes=1),
        )
    current = caught.value.current
    assert current["status_id"] == first.status_id
    assert current["progress"] == 45
    assert current["status"] == "in_progress"
    assert current["comment"] == "Fra aktør B"
    assert current["reported_by_actor"] == "Klyngen Nordvest"
    assert [p.key for p in caught.value.problems] == ["report.conflict"]
    assert "1.2" in caught.value.text("nb")
    other_session.rollback()
    assert snapshot(other_session, m2.id) == before
    assert before[3] == 2
    comments = other_session.scalars(
        select(StatusUpdate.comment).where(StatusUpdate.measure_id == m2.id)
    ).all()
    assert "Fra admin" not in comments


def test_conflict_while_the_other_session_is_reading(
    engine: Engine,
    session: Session,
    other_session: Session,
    world: World,
) -> None:
    """B has read (the form is open) when A's report commits; B's report, written the
    way the app writes (its own write transaction, tracker.db.transaction), is then a
    ConflictError, not a database error. (On SQLite a transaction that read before
    another commit cannot be upgraded to a write; the app never does that.)"""
    m2 = world.measures["1.2"]
    seen = list_measures(other_session, plan_id=world.plan.id)  # B opens the form
    other_session.close()
    version = int(seen.loc[seen["code"] == "1.2", "version"].iloc[0])
    report_status(
        session,
        user=world.principals["admin"],
        measure_id=m2.id,
        report=Report("2026-Q1", "in_progress", 45, None),
        seen_version=version,
        now=NOW,
    )
    session.commit()
    with pytest.raises(ConflictError) as caught, transaction(engine) as writer:
        report_status(
            writer,
            user=world.principals["actor_b"],
            measure_id=m2.id,
            report=Report("2026-Q1", "postponed", 10, None),
            seen_version=version,
            now=NOW,
        )
    assert caught.value.current["progress"] == 45


def test_report_on_the_new_version_after_a_conflict_succeeds(
    session: Session, world: World
) -> None:
    m2 = world.measures["1.2"]
    admin = world.principals["admin"]
    first = report_status(
        session,
        user=admin,
        measure_id=m2.id,
        report=Report("2026-Q1", "in_progress", 45, None),
        seen_version=1,
        now=NOW,
    )
    session.commit()
    with pytest.raises(ConflictError):
        report_status(
            session,
            user=admin,
            measure_id=m2.id,
            report=Report("2026-Q1", "in_progress", 50, None),
            seen_version=1,
            now=NOW,
        )
    session.rollback()
    again = report_status(
        session,
        user=admin,
        measure_id=m2.id,
        report=Report("2026-Q1", "in_progress", 50, None),
        seen_version=first.version,
        now=NOW,
    )
    session.commit()
    assert again.version == 3
    assert latest_by_code(session, world)["1.2"]["progress"] == 50


def test_a_quarter_older_than_the_latest_report_is_refused(session: Session, world: World) -> None:
    """A report for an older quarter saved after a newer one would become the current
    status and hide the newer quarter's report: refused, nothing written."""
    measure = world.measures["1.2"]
    admin = world.principals["admin"]
    session.refresh(measure)
    saved = report_status(
        session,
        user=admin,
        measure_id=measure.id,
        report=Report("2026-Q1", "in_progress", 40, None),
        seen_version=measure.version,
        now=NOW,
    )
    session.commit()
    before = session.scalar(select(func.count(StatusUpdate.id)))
    with pytest.raises(ValidationError) as caught:
        report_status(
            session,
            user=admin,
            measure_id=measure.id,
            report=Report("2025-Q4", "in_progress", 30, None),
            seen_version=saved.version,
            now=NOW,
        )
    assert {p.key for p in caught.value.problems} == {BEFORE_LATEST}
    session.rollback()
    assert session.scalar(select(func.count(StatusUpdate.id))) == before
