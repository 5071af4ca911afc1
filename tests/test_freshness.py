"""Data freshness across sessions: a report saved by one user shows in another
user's session at its next rerun (reads are cached, keyed by the data revision
that every write bumps), with no global cache clear."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tests.apptest_helpers import AppDatabase, app, demo_database
from tracker.quarters import Quarter
from tracker.service.measures import measure_status
from tracker.service.status import Report, report_status
from tracker.service.structure import list_plans


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "freshness") as database:
        yield database


def metric(at: object, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_a_report_from_another_session_shows_at_the_next_rerun(demo: AppDatabase) -> None:
    leader = app(demo.principal("ordforer"), page="app_pages/overview.py")
    before = metric(leader, "Fullført")
    with demo.session() as session:
        plan_id = int(list_plans(session)["id"].iloc[0])
        open_measures = measure_status(session, plan_id=plan_id)
        running = open_measures[
            (open_measures["status"] == "in_progress")
            & (open_measures["end_period"] >= str(Quarter.current()))
        ].iloc[0]
    with demo.transaction() as session:  # another user, in another session
        report_status(
            session,
            user=demo.principal("admin"),
            measure_id=int(running["id"]),
            report=Report(str(Quarter.current()), "completed", 100, "green"),
            seen_version=int(running["version"]),
            now=datetime.now(UTC),
        )
    leader.run()
    after = metric(leader, "Fullført")
    assert after != before, "the leader's next rerun must show the new completed measure"
