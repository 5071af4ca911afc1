"""Many reports at once through the service, on SQLite (WAL, busy timeout, BEGIN
IMMEDIATE) and PostgreSQL: 8 threads × 50 reports on three shared measures. Every
report is stored or refused with a reason in the user's words; the stored rows are
exactly the successes; "database is locked" never reaches anyone."""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tests.conftest import utc
from tests.factories import World
from tracker import db
from tracker.errors import ConflictError, TrackerError
from tracker.models import Measure, StatusUpdate
from tracker.service.status import Report, report_status
from tracker.vocab import Rag, Status

THREADS, REPORTS = 8, 50
NOW = utc(2026, 11, 15, 12)  # inside 2026-Q4
CODES = ("1.2", "2.1", "2.2")  # all running in 2026-Q4


def test_many_reports_at_once_are_each_stored_or_refused_with_a_reason(
    engine: Engine, session: Session, world: World
) -> None:
    admin = world.principals["admin"]
    measures = [world.measure_id(code) for code in CODES]
    session.rollback()  # the fixture's session holds no transaction while the threads run
    with db.read_session(engine) as session:
        start = {m: session.get_one(Measure, m).version for m in measures}
    outcomes: list[tuple[str, str, str]] = []  # (kind, comment, message)
    lock = threading.Lock()

    def reporter(number: int) -> None:
        for i in range(REPORTS):
            measure_id = measures[(number + i) % len(measures)]
            comment = f"tråd {number} rapport {i}"
            kind, message = "stored", ""
            try:
                with db.read_session(engine) as session:  # the view the user reports from
                    seen = session.get_one(Measure, measure_id).version
                with db.transaction(engine) as session:
                    report_status(
                        session, user=admin, measure_id=measure_id, seen_version=seen, now=NOW,
                        report=Report(period="2026-Q4", status=Status.IN_PROGRESS,
                                      progress=i * 2, rag=Rag.GREEN, comment=comment),
                    )  # fmt: skip
            except ConflictError as refused:
                kind, message = "conflict", refused.text("nb")
            except TrackerError as refused:
                kind, message = "refused", refused.text("nb")
            except Exception as failed:  # e.g. sqlite3.OperationalError: database is locked
                kind, message = "error", repr(failed)
            with lock:
                outcomes.append((kind, comment, message))

    threads = [threading.Thread(target=reporter, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads), "reports still running after 3 min"

    kinds = Counter(kind for kind, _, _ in outcomes)
    assert len(outcomes) == THREADS * REPORTS
    assert kinds["error"] == 0, [m for k, _, m in outcomes if k == "error"][:3]
    assert kinds["stored"] > 0
    assert all(message.strip() for kind, _, message in outcomes if kind != "stored")
    assert all("locked" not in message for _, _, message in outcomes)

    stored = {comment for kind, comment, _ in outcomes if kind == "stored"}
    with db.read_session(engine) as session:
        query = select(StatusUpdate.comment).where(StatusUpdate.comment.like("tråd %"))
        in_database = list(session.scalars(query))
        versions = {m: session.get_one(Measure, m).version for m in measures}
    assert len(in_database) == kinds["stored"]  # no success lost, nothing stored twice
    assert set(in_database) == stored
    # Each stored report moved its measure's version on by one, no more.
    with db.read_session(engine) as session:
        counts = Counter(
            session.scalars(
                select(StatusUpdate.measure_id).where(StatusUpdate.comment.like("tråd %"))
            )
        )
    for measure_id in measures:
        assert versions[measure_id] - start[measure_id] == counts[measure_id]
