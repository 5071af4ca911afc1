"""Roll-ups per plan, theme, goal and actor on the `world` plan, worked out by hand
(see the table in the `world` fixture's docstring), on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from tests.factories import World, make_actor, make_plan, make_theme
from tests.rollup_reads import actor_rollup, goal_rollup, plan_rollup, theme_rollup, trend
from tracker.models import Goal
from tracker.quarters import Quarter, quarter_range

AS_OF = "2025-Q2"
END_Q2 = datetime(2025, 6, 30, 21, 59, 59, tzinfo=UTC)  # 2025-06-30 23:59:59 Oslo
START_2024 = datetime(2023, 12, 31, 23, 0, tzinfo=UTC)  # 2024-01-01 00:00 Oslo


def linear(begin: datetime, finish: datetime, at: datetime) -> float:
    return 100 * (at - begin) / (finish - begin)


# Expected progress at the end of 2025-Q2 of 1.1 (2024-Q1..2025-Q4) and 1.2 (2024-Q1..2027-Q4).
E11 = linear(START_2024, datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC), END_Q2)
E12 = linear(START_2024, datetime(2027, 12, 31, 22, 59, 59, tzinfo=UTC), END_Q2)


def check(row: pd.Series, **expected: float | None) -> None:
    """Compare a roll-up row with hand-made numbers; None means NaN."""
    for column, value in expected.items():
        actual = row[column]
        if value is None:
            assert pd.isna(actual), f"{column}: {actual!r} should be empty"
        elif isinstance(value, float) and not value.is_integer():
            assert actual == pytest.approx(value), column
        else:
            assert actual == value, f"{column}: {actual!r} != {value!r}"


def test_hand_numbers_are_sane() -> None:
    # 1.1 is 55 % done, expected ~75 %: more than 15 points behind.
    assert 74 < E11 < 76
    assert 36 < E12 < 38


def test_plan_rollup(session: Session, world: World) -> None:
    row = plan_rollup(session, plan_id=world.plan.id, as_of=AS_OF)
    check(
        row,
        measures=5,  # not 2.2: it starts 2026-Q1, so it is not in this quarter's figures
        cancelled=1,  # 1.3
        counted=4,  # 1.1, 1.2, 2.1, 2.3
        reported=2,  # 1.1 (55), 1.2 (completed = 100)
        reported_now=2,  # 1.1 and 2.3 reported for 2025-Q2
        reported_earlier=1,  # 1.2, last reported for 2025-Q1
        overdue=0,
        coverage=0.5,
        progress=(2 * 55 + 1 * 100) / 3,  # 1.1 weighs 2
        expected=(2 * E11 + 1 * E12) / 3,
        behind=1,  # 1.1
        completed=1,
        red=1,  # 2.3
        status_in_progress=2,
        status_completed=1,
        status_cancelled=1,
        status_not_started=0,
        status_postponed=0,
        no_report=1,  # 2.1
    )


def test_plan_rollup_earlier(session: Session, world: World) -> None:
    row = plan_rollup(session, plan_id=world.plan.id, as_of="2025-Q1")
    # Known then: 1.1 at 20 (reported 2025-01-10) and 1.3 cancelled (2025-03-15).
    check(
        row,
        measures=5,
        cancelled=1,
        counted=4,
        reported=1,
        reported_now=0,  # 1.1's report then was for 2024-Q4
        reported_earlier=1,
        coverage=0.25,
        progress=20,
        completed=0,
        red=0,
        no_report=3,  # 1.2, 2.1, 2.3
    )


def test_theme_rollup(session: Session, world: World) -> None:
    frame = theme_rollup(session, plan_id=world.plan.id, as_of=AS_OF)
    assert list(frame["code"]) == ["T1", "T2"]
    assert list(frame["theme_id"]) == [world.themes["T1"].id, world.themes["T2"].id]
    t1, t2 = frame.iloc[0], frame.iloc[1]
    check(
        t1,
        measures=3,
        cancelled=1,
        counted=2,
        reported=2,
        coverage=1.0,
        progress=70.0,
        expected=(2 * E11 + E12) / 3,
        behind=1,
        completed=1,
        red=0,
    )
    check(
        t2,
        measures=2,  # 2.2 has not begun
        cancelled=0,
        counted=2,
        reported=0,
        coverage=0.0,
        progress=None,
        expected=None,
        red=1,
        no_report=1,
    )


def test_theme_without_measures_is_listed(session: Session, world: World) -> None:
    make_theme(session, world.plan, "T3", "Tomt tema", position=3)
    session.commit()
    frame = theme_rollup(session, plan_id=world.plan.id, as_of=AS_OF)
    assert list(frame["code"]) == ["T1", "T2", "T3"]
    check(frame.iloc[2], measures=0, counted=0, reported=0, coverage=None, progress=None)


def test_actor_rollup(session: Session, world: World) -> None:
    make_actor(session, "Aktør uten tiltak")
    session.commit()
    frame = actor_rollup(session, plan_id=world.plan.id, as_of=AS_OF)
    assert list(frame["name"]) == [
        "Innovasjon Norge Arktis",
        "Klyngen Nordvest",
        "Senja Næringshage",
    ]
    rows = {row["name"]: row for _, row in frame.iterrows()}
    # A leads 1.1 (55), 1.3 (cancelled), 2.3 (unknown); partner in 1.2.
    check(
        rows["Senja Næringshage"],
        measures=3,
        cancelled=1,
        counted=2,
        reported=1,
        coverage=0.5,
        progress=55,
        behind=1,
        red=1,
        partner_in=1,
    )
    # B leads 1.2 (completed) and 2.2 (not begun: not counted); partner in 1.1 and 2.1.
    check(
        rows["Klyngen Nordvest"],
        measures=1,
        counted=1,
        reported=1,
        coverage=1.0,
        progress=100,
        completed=1,
        partner_in=2,
    )
    # C leads 2.1 (never reported); funder in 1.2, partner in 2.3.
    check(
        rows["Innovasjon Norge Arktis"],
        measures=1,
        counted=1,
        reported=0,
        coverage=0.0,
        progress=None,
        partner_in=2,
    )


def test_goal_rollup(session: Session, world: World) -> None:
    goal = Goal(plan_id=world.plan.id, theme_id=world.themes["T1"].id, code="1", text="Vekst")
    empty = Goal(plan_id=world.plan.id, theme_id=None, code="2", text="Uten tiltak")
    session.add_all([goal, empty])
    session.flush()
    world.measures["1.1"].goal_id = goal.id
    world.measures["1.2"].goal_id = goal.id
    session.commit()
    frame = goal_rollup(session, plan_id=world.plan.id, as_of=AS_OF)
    assert list(frame["code"]) == ["1", "2"]
    check(frame.iloc[0], measures=2, counted=2, reported=2, progress=70.0, coverage=1.0)
    check(frame.iloc[1], measures=0, progress=None)


def test_trend(session: Session, world: World) -> None:
    quarters = quarter_range(Quarter(2024, 1), Quarter(2025, 2))
    frame = trend(session, plan_id=world.plan.id, quarters=quarters)
    assert list(frame["quarter"]) == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
        "2025-Q1",
        "2025-Q2",
    ]
    # 2.1 starts 2024-Q3, 2.3 starts 2025-Q1, 2.2 starts 2026-Q1: each counts from then.
    assert list(frame["measures"]) == [3, 3, 4, 4, 5, 5]
    assert list(frame["reported"]) == [0, 0, 0, 0, 1, 2]
    assert list(frame["cancelled"]) == [0, 0, 0, 0, 1, 1]
    progress = list(frame["progress"])
    assert all(math.isnan(p) for p in progress[:4])
    assert progress[4:] == pytest.approx([20.0, 70.0])


def test_trend_agrees_with_plan_rollup(session: Session, world: World) -> None:
    # trend computes all quarters in one pass; each row must equal the plan as of
    # that quarter's end, computed the slow way.
    quarters = [Quarter(2024, 2), Quarter(2025, 1), Quarter(2025, 2), Quarter(2026, 1)]
    frame = trend(session, plan_id=world.plan.id, quarters=quarters).set_index("quarter")
    assert list(frame.index) == [str(q) for q in quarters]
    for quarter in quarters:
        slow = plan_rollup(session, plan_id=world.plan.id, as_of=quarter)
        fast = frame.loc[str(quarter)]
        for column in slow.index:
            if pd.isna(slow[column]):
                assert pd.isna(fast[column]), (quarter, column)
            else:
                assert fast[column] == pytest.approx(slow[column]), (quarter, column)


def test_trend_default_range(session: Session, world: World) -> None:
    frame = trend(session, plan_id=world.plan.id)
    last = min(Quarter.last_finished(), Quarter(2028, 4))
    assert list(frame["quarter"]) == [str(q) for q in quarter_range(Quarter(2024, 1), last)]


def test_plan_rollup_of_an_empty_plan(session: Session) -> None:
    plan = make_plan(session, name="Ny plan")
    session.commit()
    row = plan_rollup(session, plan_id=plan.id, as_of=AS_OF)
    check(row, measures=0, counted=0, reported=0, coverage=None, progress=None)


def test_theme_and_actor_rollup_of_an_empty_plan(session: Session) -> None:
    plan = make_plan(session, name="Ny plan")
    make_theme(session, plan, "T1")
    session.commit()
    themes = theme_rollup(session, plan_id=plan.id, as_of=AS_OF)
    assert list(themes["measures"]) == [0]
    assert actor_rollup(session, plan_id=plan.id, as_of=AS_OF).empty
    assert trend(session, plan_id=plan.id, quarters=[Quarter(2024, 1)])["measures"].sum() == 0
