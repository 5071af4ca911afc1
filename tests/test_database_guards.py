"""The database itself keeps the append-only tables (status reports, indicator
values, contributions) and the audit log as written: raw SQL on either database
cannot rewrite, delete, replace or truncate a row, with or without the app."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.conftest import _reset_postgres
from tests.factories import World
from tests.migration_helpers import downgrade_to, upgrade_to
from tracker import db
from tracker.db import AppendOnlyError
from tracker.models import AuditLog

GUARDED = ("status_update", "indicator_value", "contribution", "audit_log")
ROW_ID = 1001
# The text column each test rewrites, per table.
CHANGED = {
    "status_update": "comment",
    "indicator_value": "comment",
    "contribution": "text",
    "audit_log": "action",
}
NOW = "'2025-05-01 12:00:00'"


def _inserts(world: World) -> list[str]:
    """One row per guarded table (id ROW_ID), and the indicator it needs."""
    plan, actor = world.plan.id, world.actors["A"].id
    measure, user = world.measures["1.1"].id, world.users["admin"].id
    return [
        "INSERT INTO indicator (id, plan_id, name, unit, baseline_year, baseline_value, "
        "target_year, target_value, direction, source, is_example) "
        f"VALUES ({ROW_ID}, {plan}, 'Sysselsatte', 'personer', 2023, 1, 2028, 2, 'up', '', "
        "FALSE)",
        "INSERT INTO status_update (id, measure_id, period, status, progress, comment, "
        "next_steps, reported_by_user_id, reported_at, by_partner) "
        f"VALUES ({ROW_ID}, {measure}, '2025-Q2', 'in_progress', 30, 'skrevet', '', {user}, "
        f"{NOW}, FALSE)",
        "INSERT INTO indicator_value (id, indicator_id, period, value, comment, "
        f"reported_by_user_id, reported_at) VALUES ({ROW_ID}, {ROW_ID}, '2025', 3, 'skrevet', "
        f"{user}, {NOW})",
        "INSERT INTO contribution (id, measure_id, period, text, link, actor_id, user_id, "
        f"created_at) VALUES ({ROW_ID}, {measure}, '2025-Q2', 'skrevet', '', {actor}, {user}, "
        f"{NOW})",
        "INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id) "
        f"VALUES ({ROW_ID}, {NOW}, {user}, 'admin', 'skrevet', 'measure', '1.1')",
    ]


@pytest.fixture
def guarded(engine: Engine, session: Session, world: World) -> Engine:
    """The world plus one row in each guarded table, written with plain INSERTs."""
    statements = _inserts(world)
    session.rollback()  # its reads hold locks a TRUNCATE would wait for
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    return engine


def _written(engine: Engine, table: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT {CHANGED[table]} FROM {table} WHERE id = {ROW_ID}"
        )
        return [tuple(row) for row in rows]


def _refused(engine: Engine, table: str, *statements: str) -> None:
    """The last statement is refused, and the row stays as written."""
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    assert _written(engine, table) == [("skrevet",)]


def test_plain_inserts_are_allowed(guarded: Engine) -> None:
    assert [_written(guarded, table) for table in GUARDED] == [[("skrevet",)]] * len(GUARDED)


@pytest.mark.parametrize("table", GUARDED)
def test_update_refused(guarded: Engine, table: str) -> None:
    _refused(guarded, table, f"UPDATE {table} SET {CHANGED[table]} = 'endret' WHERE id = {ROW_ID}")


@pytest.mark.parametrize("table", GUARDED)
@pytest.mark.parametrize("where", [f"WHERE id = {ROW_ID}", ""], ids=["one", "all"])
def test_delete_refused(guarded: Engine, table: str, where: str) -> None:
    _refused(guarded, table, f"DELETE FROM {table} {where}")


@pytest.mark.parametrize("table", GUARDED)
def test_upsert_refused(guarded: Engine, table: str) -> None:
    column = CHANGED[table]
    _refused(
        guarded,
        table,
        f"INSERT INTO {table} SELECT * FROM {table} WHERE id = {ROW_ID} "
        f"ON CONFLICT (id) DO UPDATE SET {column} = 'endret'",
    )


# --- SQLite: REPLACE -------------------------------------------------------------------


def _replacing(table: str, verb: str) -> list[str]:
    """A REPLACE of the row by a changed copy of it."""
    return [
        f"CREATE TEMP TABLE copy AS SELECT * FROM {table} WHERE id = {ROW_ID}",
        f"UPDATE copy SET {CHANGED[table]} = 'endret'",
        f"{verb} INTO {table} SELECT * FROM copy",
    ]


@pytest.fixture
def sqlite_guarded(guarded: Engine) -> Path:
    if guarded.dialect.name != "sqlite":
        pytest.skip("REPLACE is SQLite's")
    assert guarded.url.database
    return Path(guarded.url.database)


@pytest.fixture(params=[False, True], ids=["plain", "recursive_triggers"])
def raw_sqlite(
    request: pytest.FixtureRequest, sqlite_guarded: Path
) -> Iterator[sqlite3.Connection]:
    """Someone with the file and the sqlite3 module, not the app."""
    with closing(sqlite3.connect(sqlite_guarded, timeout=15, isolation_level=None)) as raw:
        raw.execute(f"PRAGMA recursive_triggers = {'ON' if request.param else 'OFF'}")
        yield raw


@pytest.mark.parametrize("table", GUARDED)
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_replace_refused_on_a_raw_sqlite_connection(
    raw_sqlite: sqlite3.Connection, table: str, verb: str
) -> None:
    *prepare, replace = _replacing(table, verb)
    for statement in prepare:
        raw_sqlite.execute(statement)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw_sqlite.execute(replace)
    written = raw_sqlite.execute(f"SELECT {CHANGED[table]} FROM {table} WHERE id = {ROW_ID}")
    assert written.fetchall() == [("skrevet",)]


@pytest.mark.parametrize("table", GUARDED)
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_replace_refused_through_the_app(sqlite_guarded: Path, table: str, verb: str) -> None:
    engine = db.make_engine(f"sqlite:///{sqlite_guarded}")
    try:
        _refused(engine, table, *_replacing(table, verb))
    finally:
        engine.dispose()


def test_the_app_turns_recursive_triggers_on(sqlite_guarded: Path) -> None:
    # So a REPLACE that meets any unique key, not just the id, fires the delete guards.
    engine = db.make_engine(f"sqlite:///{sqlite_guarded}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA recursive_triggers").scalar() == 1
    finally:
        engine.dispose()


# --- PostgreSQL: TRUNCATE --------------------------------------------------------------


@pytest.fixture
def postgres_guarded(guarded: Engine) -> Engine:
    if guarded.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    return guarded


@pytest.mark.parametrize("table", GUARDED)
def test_truncate_refused(postgres_guarded: Engine, table: str) -> None:
    _refused(postgres_guarded, table, f"TRUNCATE {table}")


@pytest.mark.parametrize(
    ("table", "reached"),
    [("measure", "status_update"), ("indicator", "indicator_value"), ("app_user", "audit_log")],
)
def test_truncate_cascading_into_a_guarded_table_refused(
    postgres_guarded: Engine, table: str, reached: str
) -> None:
    _refused(postgres_guarded, reached, f"TRUNCATE {table} CASCADE")


def test_the_test_reset_empties_them_and_the_guards_stay(
    postgres_guarded: Engine, postgres_tables: list[str]
) -> None:
    _reset_postgres(postgres_guarded, postgres_tables)
    with postgres_guarded.connect() as connection:
        counts = [
            connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in GUARDED
        ]
        role = connection.exec_driver_sql("SHOW session_replication_role").scalar()
    assert counts == [0] * len(GUARDED) and role == "origin"
    with pytest.raises(DBAPIError, match="append-only"), postgres_guarded.begin() as connection:
        connection.exec_driver_sql("TRUNCATE audit_log")


# --- the migration ---------------------------------------------------------------------


def _guards_hold(engine: Engine) -> bool:
    """Whether the audit log refuses an UPDATE (what is tried here is rolled back)."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            connection.execute(
                text(
                    "INSERT INTO audit_log (id, at, username, action, entity, entity_id) "
                    f"VALUES ({ROW_ID}, {NOW}, 'admin', 'skrevet', 'measure', '1')"
                )
            )
            connection.execute(text(f"UPDATE audit_log SET action = 'endret' WHERE id = {ROW_ID}"))
        except DBAPIError:
            return True
        finally:
            transaction.rollback()
    return False


def _triggers(engine: Engine) -> set[str]:
    sqlite = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    postgres = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    with engine.connect() as connection:
        found = connection.exec_driver_sql(sqlite if engine.dialect.name == "sqlite" else postgres)
        return set(found.scalars())


ADDED = {
    "sqlite": {f"{t}_no_replace" for t in GUARDED} | {"audit_log_no_update", "audit_log_no_delete"},
    "postgresql": {f"{t}_no_truncate" for t in GUARDED} | {"audit_log_append_only"},
}


def test_the_guards_go_down_and_come_up_again(
    tmp_path: Path, postgres_scratch_url: str | None
) -> None:
    urls = [f"sqlite:///{tmp_path / 'guards.db'}", postgres_scratch_url]
    for url in [u for u in urls if u]:
        engine = db.make_engine(url)
        try:
            held, triggers = [], []
            for target in ("head", "0005", "head"):
                if target == "head":
                    upgrade_to(engine, target)
                else:
                    downgrade_to(engine, target)
                held.append(_guards_hold(engine))
                triggers.append(_triggers(engine))
            kind = engine.dialect.name
        finally:
            engine.dispose()
        assert held == [True, False, True], url
        assert triggers[0] - triggers[1] == ADDED[kind] and triggers[0] == triggers[2], url
        assert (
            "status_update_append_only" in triggers[1] or "status_update_no_update" in triggers[1]
        )


# --- the ORM says so first ---------------------------------------------------------------


@pytest.mark.parametrize("verb", ["update", "delete"])
def test_the_orm_refuses_changing_an_audit_row(session: Session, world: World, verb: str) -> None:
    row = AuditLog(username="admin", action="skrevet", entity="measure", entity_id="1.1")
    session.add(row)
    session.commit()
    if verb == "update":
        row.action = "endret"
    else:
        session.delete(row)
    with pytest.raises(AppendOnlyError):
        session.flush()
    session.rollback()
    assert session.scalars(select(AuditLog.action).where(AuditLog.id == row.id)).all() == [
        "skrevet"
    ]
