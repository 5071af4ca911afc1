"""`python -m tracker backup` while reports are being written: the copy, restored
into a new file, is the source as it was at one moment during the backup: every
report saved before the backup began, none torn, and the rest of the data equal."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

from tests.conftest import build_world, load_world, utc
from tracker import db
from tracker.db import ROOT
from tracker.models import Measure
from tracker.service.status import Report, report_status
from tracker.vocab import Rag, Status

NOW = utc(2026, 11, 15, 12)
GROWING = ("status_update", "audit_log", "data_revision", "measure")  # what reports change


def rows(path: Path, table: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608


def tables(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        query = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        return [name for (name,) in connection.execute(query)]


def test_a_backup_during_writes_restores_to_a_consistent_moment(
    tmp_path: Path, sqlite_template: Path
) -> None:
    source = tmp_path / "tracker.db"
    shutil.copy(sqlite_template, source)
    engine = db.make_engine(f"sqlite:///{source}")
    with db.transaction(engine) as session:
        build_world(session)
        world = load_world(session)
    admin, measure_id = world.principals["admin"], world.measure_id("2.1")
    with db.read_session(engine) as session:
        start_version = session.get_one(Measure, measure_id).version
        start_revision = db.data_revision(session)
    committed: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        number = 0
        while not stop.is_set():
            comment = f"under sikkerhetskopi {number}"
            with db.transaction(engine) as session:
                version = session.get_one(Measure, measure_id).version
                report_status(
                    session, user=admin, measure_id=measure_id, seen_version=version, now=NOW,
                    report=Report(period="2026-Q4", status=Status.IN_PROGRESS,
                                  progress=number % 100, rag=Rag.GREEN, comment=comment),
                )  # fmt: skip
            committed.append(comment)
            number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(committed) < 20:
            time.sleep(0.01)
        before = len(committed)
        target = tmp_path / "backup.db"
        env = {**os.environ, db.URL_VARIABLE: f"sqlite:///{source}"}
        result = subprocess.run(
            [sys.executable, "-m", "tracker", "backup", str(target)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        after = len(committed)
        while len(committed) < after + 20:  # the writes go on after the backup
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(timeout=60)
    engine.dispose()
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout

    restored = tmp_path / "restored.db"
    shutil.copy(target, restored)  # restoring is putting the copy where the database goes
    with closing(sqlite3.connect(restored)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    assert tables(restored) == tables(source)
    for table in tables(source):
        if table not in GROWING:
            assert rows(restored, table) == rows(source, table), table
    # Appended rows: the copy holds the source's first rows, complete, up to one moment.
    reports, copied = rows(source, "status_update"), rows(restored, "status_update")
    assert copied == reports[: len(copied)]
    audit, copied_audit = rows(source, "audit_log"), rows(restored, "audit_log")
    assert copied_audit == audit[: len(copied_audit)]
    written = [r for r in copied if str(r).find("under sikkerhetskopi") >= 0]
    assert before <= len(written) <= after
    # Within the copy, everything agrees with that moment: the measure's version and
    # the data revision moved on once per report in it.
    restored_engine = db.make_engine(f"sqlite:///{restored}")
    with db.read_session(restored_engine) as session:
        version = session.get_one(Measure, measure_id).version
        revision = db.data_revision(session)
    restored_engine.dispose()
    assert version - start_version == len(written)
    assert revision - start_revision == len(written)
