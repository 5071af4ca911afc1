"""The pure progress math (tracker.progress): expected values worked out by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.progress_reference import effective_progress, expected_progress, is_behind
from tracker.progress import (
    BEHIND_MARGIN,
    ROLLUP_COLUMNS,
    add_measure_metrics,
    due_in,
    group_rag,
    missing_in,
    reported_progress,
    roll_up,
    running_in,
)
from tracker.quarters import Quarter
from tracker.service.rollups import figures_of
from tracker.vocab import Rag, Status

# 2025-06-30 23:59:59 Oslo (summer time): the end of 2025-Q2.
AS_OF = datetime(2025, 6, 30, 21, 59, 59, tzinfo=UTC)


def measures(*rows: dict[str, Any]) -> pd.DataFrame:
    """A measure frame as measure_status builds it; every row due at AS_OF by default."""
    defaults: dict[str, Any] = {
        "weight": 1.0,
        "start_period": "2024-Q1",
        "end_period": "2027-Q4",
        "status": None,
        "progress": None,
        "rag": None,
    }
    return pd.DataFrame([{**defaults, **row} for row in rows])


def overall(frame: pd.DataFrame, as_of: datetime = AS_OF) -> pd.Series:
    """The one overall row (figures_of's rule: zeros and NaN when nothing has begun)."""
    rolled = roll_up(add_measure_metrics(frame, as_of))
    assert list(rolled.columns) == ROLLUP_COLUMNS
    if rolled.empty:
        return figures_of(add_measure_metrics(frame, as_of))
    assert len(rolled) == 1
    return rolled.iloc[0]


# --- effective progress ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "progress", "expected"),
    [
        (Status.IN_PROGRESS, 40, 40.0),
        (Status.NOT_STARTED, 0, 0.0),
        (Status.POSTPONED, 25, 25.0),
        (Status.COMPLETED, 30, 100.0),
        (Status.COMPLETED, None, 100.0),
        (Status.CANCELLED, 60, None),
        (Status.IN_PROGRESS, None, None),
        (Status.IN_PROGRESS, float("nan"), None),
        (Status.IN_PROGRESS, pd.NA, None),
        (None, 50, None),
    ],
)
def test_effective_progress(status: Status | None, progress: Any, expected: float | None) -> None:
    assert effective_progress(status, progress) == expected


# --- expected progress and behind schedule ----------------------------------------------


def test_expected_progress_is_linear() -> None:
    start, end = Quarter(2024, 1), Quarter(2025, 4)
    begin = datetime(2023, 12, 31, 23, 0, tzinfo=UTC)  # 2024-01-01 00:00 Oslo
    finish = Quarter(2025, 4).end()  # 2025-12-31 23:59:59.999999 Oslo
    span = finish - begin
    assert expected_progress(start, end, begin + span / 2) == pytest.approx(50.0)
    assert expected_progress(start, end, begin + span / 4) == pytest.approx(25.0)
    assert expected_progress(start, end, begin - timedelta(days=1)) == 0.0
    assert expected_progress(start, end, begin) == 0.0
    assert expected_progress(start, end, finish) == 100.0
    assert expected_progress(start, end, finish + timedelta(days=30)) == 100.0


def test_expected_progress_at_end_of_quarter() -> None:
    # One-year span 2025-Q1..2025-Q4; at the end of Q2 about half the year has gone.
    begin = datetime(2024, 12, 31, 23, 0, tzinfo=UTC)
    finish = datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC)
    by_hand = 100 * (AS_OF - begin) / (finish - begin)
    assert expected_progress(Quarter(2025, 1), Quarter(2025, 4), AS_OF) == pytest.approx(by_hand)
    assert 49.0 < by_hand < 50.0


@pytest.mark.parametrize(
    ("progress", "expected", "behind"),
    [
        (34.0, 50.0, True),
        (34.9, 50.0, True),
        (35.0, 50.0, False),  # exactly the margin below is not yet behind
        (50.0, 50.0, False),
        (90.0, 50.0, False),
        (None, 90.0, False),  # unknown is not behind (and not 0)
        (0.0, 14.0, False),
        (0.0, 16.0, True),
        (100.0, 100.0, False),
    ],
)
def test_is_behind(progress: float | None, expected: float, behind: bool) -> None:
    assert BEHIND_MARGIN == 15.0
    assert is_behind(progress, expected) is behind


def test_behind_in_metrics() -> None:
    # Span 2024-Q1..2025-Q4, as of halfway: expected 50.
    begin = datetime(2023, 12, 31, 23, 0, tzinfo=UTC)
    finish = datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC)
    halfway = begin + (finish - begin) / 2
    frame = measures(
        *(
            {"end_period": "2025-Q4", "status": Status.IN_PROGRESS, "progress": p}
            for p in (30, 34, 36, 80)
        ),
        {"end_period": "2025-Q4", "status": Status.IN_PROGRESS, "progress": None},
    )
    metrics = add_measure_metrics(frame, halfway)
    assert metrics["expected"].tolist() == pytest.approx([50.0] * 5)
    assert metrics["behind"].tolist() == [True, True, False, False, False]
    assert overall(frame, halfway)["behind"] == 2


# --- roll-ups ----------------------------------------------------------------------------


def test_unknown_is_not_zero() -> None:
    frame = measures(
        {"status": Status.IN_PROGRESS, "progress": 80},
        {"status": Status.IN_PROGRESS, "progress": None},  # reported, percentage unknown
        {},  # never reported
    )
    row = overall(frame)
    assert row["progress"] == pytest.approx(80.0)  # not (80 + 0 + 0) / 3
    assert row["measures"] == 3
    assert row["counted"] == 3
    assert row["reported"] == 1
    assert row["coverage"] == pytest.approx(1 / 3)
    assert row["no_report"] == 1
    assert row["status_in_progress"] == 2


def test_weights_normalised_over_reported_measures() -> None:
    frame = measures(
        {"weight": 3.0, "status": Status.IN_PROGRESS, "progress": 20},
        {"weight": 1.0, "status": Status.IN_PROGRESS, "progress": 60},
        {"weight": 10.0, "status": Status.IN_PROGRESS, "progress": None},
        {"weight": 7.0, "status": Status.CANCELLED, "progress": 0},
    )
    row = overall(frame)
    assert row["progress"] == pytest.approx((3 * 20 + 1 * 60) / 4)  # 30
    assert row["coverage"] == pytest.approx(2 / 3)


def test_expected_averaged_over_the_same_measures() -> None:
    # Two reported measures with different spans, plus an unknown one with a third span.
    frame = measures(
        {"weight": 1.0, "end_period": "2025-Q4", "status": Status.IN_PROGRESS, "progress": 10},
        {"weight": 3.0, "end_period": "2027-Q4", "status": Status.IN_PROGRESS, "progress": 10},
        {"weight": 5.0, "start_period": "2025-Q2", "end_period": "2025-Q2", "progress": None},
    )
    begin = datetime(2023, 12, 31, 23, 0, tzinfo=UTC)
    e1 = 100 * (AS_OF - begin) / (datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC) - begin)
    e2 = 100 * (AS_OF - begin) / (datetime(2027, 12, 31, 22, 59, 59, tzinfo=UTC) - begin)
    row = overall(frame)
    assert row["expected"] == pytest.approx((1 * e1 + 3 * e2) / 4)


def test_cancelled_excluded_and_counted_apart() -> None:
    frame = measures(
        {"status": Status.IN_PROGRESS, "progress": 40},
        {"weight": 5.0, "status": Status.CANCELLED, "progress": 0, "rag": Rag.RED},
    )
    row = overall(frame)
    assert row["progress"] == pytest.approx(40.0)
    assert row["measures"] == 2
    assert row["cancelled"] == 1
    assert row["status_cancelled"] == 1
    assert row["counted"] == 1
    assert row["reported"] == 1
    assert row["coverage"] == pytest.approx(1.0)


def test_completed_counts_as_100() -> None:
    frame = measures(
        {"status": Status.COMPLETED, "progress": 30},
        {"status": Status.COMPLETED, "progress": None},
        {"status": Status.IN_PROGRESS, "progress": 40},
    )
    row = overall(frame)
    assert row["progress"] == pytest.approx((100 + 100 + 40) / 3)
    assert row["completed"] == 2
    assert row["reported"] == 3


def test_measures_not_yet_begun_are_not_in_the_figures() -> None:
    frame = measures(
        {"status": Status.IN_PROGRESS, "progress": 40},
        # starts after AS_OF: not due, even with a (planning) report
        {"start_period": "2026-Q1", "status": Status.NOT_STARTED, "progress": 10},
        {"start_period": "2025-Q3"},  # starts the moment after AS_OF
    )
    metrics = add_measure_metrics(frame, AS_OF)
    assert metrics["begun"].tolist() == [True, False, False]
    assert metrics["expected"].tolist()[1:] == [0.0, 0.0]
    row = overall(frame)
    assert row["measures"] == 1  # a quarter's figures hold the measures begun by its end
    assert row["counted"] == 1
    assert row["reported"] == 1
    assert row["coverage"] == pytest.approx(1.0)
    assert row["progress"] == pytest.approx(40.0)


def test_missing_status_with_a_percentage_does_not_count() -> None:
    # pandas 3 stores a missing status as NaN (str dtype), not None: still "no report".
    frame = measures(
        {"status": None, "progress": 0},
        {"status": Status.IN_PROGRESS, "progress": 50},
    )
    row = overall(frame)
    assert row["reported"] == 1
    assert row["no_report"] == 1
    assert row["progress"] == pytest.approx(50.0)


def test_nothing_reported_gives_no_progress_but_zero_coverage() -> None:
    row = overall(measures({}, {"status": Status.IN_PROGRESS}))
    assert math.isnan(row["progress"])
    assert math.isnan(row["expected"])
    assert row["coverage"] == 0.0


def test_nothing_counting_gives_no_coverage() -> None:
    row = overall(measures({"status": Status.CANCELLED}, {"start_period": "2027-Q1"}))
    assert row["counted"] == 0
    assert math.isnan(row["coverage"])
    assert math.isnan(row["progress"])


def test_red_and_status_counts() -> None:
    frame = measures(
        {"status": Status.IN_PROGRESS, "progress": 10, "rag": Rag.RED},
        {"status": Status.POSTPONED, "progress": 10, "rag": Rag.RED},
        {"status": Status.NOT_STARTED, "progress": 0, "rag": Rag.GREEN},
        {"status": Status.POSTPONED, "progress": None, "rag": Rag.YELLOW},
    )
    row = overall(frame)
    assert row["red"] == 2
    assert row["status_postponed"] == 2
    assert row["status_not_started"] == 1
    assert row["status_completed"] == 0
    assert row["no_report"] == 0
    assert row["progress"] == pytest.approx((10 + 10 + 0) / 3)


def test_roll_up_by_group() -> None:
    frame = measures(
        {"theme": "T1", "weight": 2.0, "status": Status.IN_PROGRESS, "progress": 50},
        {"theme": "T1", "weight": 1.0, "status": Status.COMPLETED, "progress": None},
        {"theme": "T1", "status": Status.CANCELLED},
        {"theme": "T2", "status": Status.IN_PROGRESS, "progress": None},
        {"theme": "T2", "status": Status.IN_PROGRESS, "progress": 20},
        {"theme": "T3", "start_period": "2026-Q1"},
    )
    rolled = roll_up(add_measure_metrics(frame, AS_OF), "theme")
    assert sorted(rolled.index) == ["T1", "T2"]  # T3's one measure has not begun
    t1, t2 = rolled.loc["T1"], rolled.loc["T2"]
    assert t1["progress"] == pytest.approx((2 * 50 + 100) / 3)
    assert (t1["measures"], t1["cancelled"], t1["counted"], t1["reported"]) == (3, 1, 2, 2)
    assert t1["coverage"] == pytest.approx(1.0)
    assert t2["progress"] == pytest.approx(20.0)
    assert t2["coverage"] == pytest.approx(0.5)
    assert rolled["measures"].sum() == 5


@pytest.mark.parametrize(
    ("green", "yellow", "red", "expected"),
    [
        (0, 0, 0, None),
        (4, 0, 0, "green"),
        (4, 1, 0, "green"),  # 1 of 5 = 20 % not green
        (3, 1, 0, "yellow"),  # 25 %
        (3, 0, 1, "red"),  # 25 % red
        (7, 0, 1, "green"),  # 12.5 % red
        (5, 2, 1, "yellow"),  # 37.5 % yellow or red, 12.5 % red
        (0, 0, 1, "red"),
        (0, 3, 0, "yellow"),
    ],
)
def test_group_rag(green: int, yellow: int, red: int, expected: str | None) -> None:
    assert group_rag(green, yellow, red) == expected


# --- properties ------------------------------------------------------------------------

row_strategy = st.fixed_dictionaries(
    {
        "weight": st.floats(0.1, 10.0, allow_nan=False),
        "start_period": st.sampled_from(["2024-Q1", "2025-Q1", "2025-Q3", "2026-Q2"]),
        "end_period": st.just("2028-Q4"),
        "status": st.sampled_from([None, *Status]),
        "progress": st.one_of(st.none(), st.integers(0, 100)),
        "rag": st.sampled_from([None, *Rag]),
        "group": st.sampled_from(["a", "b", "c"]),
    }
)


def _effective_by_hand(row: dict[str, Any]) -> float | None:
    """The progress rules (tracker/progress.py's docstring, the README's «Progress
    math»), written out independently of tracker.progress."""
    due = Quarter.parse(row["start_period"]).start() <= AS_OF
    if not due or row["status"] in (None, Status.CANCELLED):
        return None
    if row["status"] == Status.COMPLETED:
        return 100.0
    return None if row["progress"] is None else float(row["progress"])


@settings(max_examples=40, deadline=None)
@given(st.lists(row_strategy, min_size=1, max_size=12))
def test_rollup_properties(rows: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(rows)
    row = overall(frame)
    known = [(r["weight"], e) for r in rows if (e := _effective_by_hand(r)) is not None]
    counted = [
        r
        for r in rows
        if Quarter.parse(r["start_period"]).start() <= AS_OF and r["status"] != Status.CANCELLED
    ]
    begun = [r for r in rows if Quarter.parse(r["start_period"]).start() <= AS_OF]
    assert row["measures"] == len(begun)
    assert row["counted"] == len(counted)
    assert row["reported"] == len(known)
    assert 0 <= row["reported"] <= row["counted"] <= row["measures"]
    if counted:
        assert 0.0 <= row["coverage"] <= 1.0
        assert row["coverage"] == pytest.approx(len(known) / len(counted))
    else:
        assert math.isnan(row["coverage"])
    if known:
        values = [e for _, e in known]
        assert min(values) - 1e-9 <= row["progress"] <= max(values) + 1e-9
        by_hand = sum(w * e for w, e in known) / sum(w for w, _ in known)
        assert row["progress"] == pytest.approx(by_hand)
        assert 0.0 <= row["expected"] <= 100.0
    else:
        assert math.isnan(row["progress"])

    groups = roll_up(add_measure_metrics(frame, AS_OF), "group")
    assert groups["measures"].sum() == len(begun)
    assert groups["reported"].sum() == len(known)
    group_progress = groups["progress"].dropna()
    if known:
        assert group_progress.min() - 1e-9 <= row["progress"] <= group_progress.max() + 1e-9


def test_a_completed_report_holds_100() -> None:
    assert reported_progress(Status.COMPLETED, None) == 100
    assert reported_progress(Status.COMPLETED, 40) == 100
    assert reported_progress(Status.IN_PROGRESS, 40) == 40
    assert reported_progress(Status.CANCELLED, None) is None
    assert reported_progress(None, 30) == 30
    status = pd.Series([Status.COMPLETED, Status.IN_PROGRESS, None], dtype=object)
    progress = pd.Series([20.0, 30.0, float("nan")])
    assert reported_progress(status, progress).tolist()[:2] == [100.0, 30.0]


def _spans() -> pd.DataFrame:
    """Measures that end before, run in, or start after 2025-Q3, with their reports."""
    rows = [
        ("ended", "2024-Q1", "2025-Q2", Status.IN_PROGRESS, "2025-Q2"),
        ("running", "2025-Q1", "2025-Q4", Status.IN_PROGRESS, "2025-Q2"),
        ("last", "2025-Q3", "2025-Q3", None, None),
        ("later", "2025-Q4", "2026-Q4", None, None),
        ("cancelled", "2025-Q1", "2025-Q4", Status.CANCELLED, "2025-Q3"),
        ("done_before", "2025-Q1", "2025-Q4", Status.COMPLETED, "2025-Q2"),
        ("done_now", "2025-Q1", "2025-Q4", Status.COMPLETED, "2025-Q3"),
    ]
    columns = ["code", "start_period", "end_period", "status", "period"]
    return pd.DataFrame(rows, columns=columns)


def test_running_in_a_quarter_is_its_span() -> None:
    running = running_in(_spans(), Quarter(2025, 3))
    assert running["code"].tolist() == ["running", "last", "cancelled", "done_before", "done_now"]


def test_due_a_report_leaves_out_cancelled_and_completed_before() -> None:
    due = due_in(_spans(), Quarter(2025, 3))
    assert due["code"].tolist() == ["running", "last", "done_now"]


def test_missing_for_a_quarter_is_due_and_not_reported_for_it() -> None:
    spans = _spans()
    assert missing_in(spans, Quarter(2025, 3))["code"].tolist() == ["running", "last"]
    spans.loc[spans["code"] == "running", "period"] = "2025-Q3"  # it reports
    assert missing_in(spans, Quarter(2025, 3))["code"].tolist() == ["last"]
