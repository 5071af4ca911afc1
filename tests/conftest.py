"""Shared fixtures: databases (SQLite always, PostgreSQL when asked for), sessions,
cheap password hashing, and a small `world` plan to test the service layer on.

PostgreSQL runs when TRACKER_TEST_POSTGRES_URL is set, e.g.
`TRACKER_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test`.
The database named there is wiped (schema public dropped) once per test session.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import argon2
import pytest
from sqlalchemy import Engine, Table, insert, inspect, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

import tracker.service.passwords as passwords
from tests.browser import CHROMIUM, CHROMIUM_ARGS, UI_TIMEOUT
from tests.factories import (
    World,
    add_status,
    make_actor,
    make_measure,
    make_plan,
    make_theme,
    make_user,
)
from tracker import db
from tracker.models import Actor, Base, Measure, Plan, Theme, User
from tracker.service.principal import Principal
from tracker.settings import TEST_POSTGRES_URL
from tracker.vocab import ActorKind, PartnerRole, Rag, Role, Status

POSTGRES_ENV = TEST_POSTGRES_URL.name


# --- real-browser tests (pytest-playwright, Debian's Chromium) -------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "locale": "nb-NO",
        "viewport": {"width": 1400, "height": 1000},
        "accept_downloads": True,
    }


@pytest.fixture
def page(page: Any) -> Any:
    """pytest-playwright's page (a fresh context per test), patient on busy machines."""
    page.set_default_timeout(UI_TIMEOUT)
    return page


def pytest_configure(config: pytest.Config) -> None:
    # For the AppTest page tests: no "magic" st.write of bare expressions.
    try:
        from streamlit import config as streamlit_config
    except ImportError:  # pragma: no cover - streamlit is a runtime dependency
        return
    streamlit_config.set_option("runner.magicEnabled", False)
    # The app shows no error detail (.streamlit/config.toml); a failing page test
    # should show all of it (tests.apptest_helpers.no_exception prints it).
    streamlit_config.set_option("client.showErrorDetails", "full")


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """argon2id still, but with the smallest cost, so tests with logins stay fast."""
    original = passwords.hasher
    passwords.hasher = argon2.PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1, type=argon2.Type.ID
    )
    yield
    passwords.hasher = original


# --- databases ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test session; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        db.migrate(engine)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    """A freshly migrated PostgreSQL database. Fails (never skips) when unreachable."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    engine = db.make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    except SQLAlchemyError as exc:
        engine.dispose()
        raise RuntimeError(
            f"{POSTGRES_ENV} is set but PostgreSQL at {engine.url!r} cannot be used: {exc}"
        ) from exc
    db.migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_scratch_url() -> Iterator[str | None]:
    """An empty PostgreSQL database of its own (for migrating from an old revision),
    dropped afterwards; None when the PostgreSQL tests are not asked for."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        yield None
        return
    server = db.make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    # Named after the test database, so runs on different test databases never meet;
    # quoted, as such a name may hold a hyphen (test_h-validate).
    name = f"{server.url.database}_scratch"
    quoted = server.dialect.identifier_preparer.quote(name)  # e.g. test_h-formula_scratch
    try:
        with server.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {quoted}"))
        yield server.url.set(database=name).render_as_string(hide_password=False)
        with server.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
    finally:
        server.dispose()


@pytest.fixture(scope="session")
def postgres_tables(postgres_engine: Engine) -> list[str]:
    names = inspect(postgres_engine).get_table_names()
    return sorted(name for name in names if name != "alembic_version")


def _reset_postgres(engine: Engine, tables: list[str]) -> None:
    quoted = ", ".join(f'"{name}"' for name in tables)
    with engine.begin() as connection:
        # The guards (0006) refuse TRUNCATE. Replica mode skips the triggers for this
        # transaction only (the test role is a superuser): one statement, where
        # ALTER TABLE … DISABLE TRIGGER would be catalogue DDL on every table, twice.
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        connection.execute(text("INSERT INTO data_revision (id, revision) VALUES (1, 0)"))


@pytest.fixture(params=["sqlite", "postgres"])
def engine(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[Engine]:
    """An empty, migrated database: a copied SQLite file, or a truncated PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "t.db"
        shutil.copyfile(sqlite_template, path)
        sqlite_engine = db.make_engine(f"sqlite:///{path}")
        yield sqlite_engine
        sqlite_engine.dispose()
        return
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(
            f"PostgreSQL tests need {POSTGRES_ENV} "
            "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    postgres = request.getfixturevalue("postgres_engine")
    _reset_postgres(postgres, request.getfixturevalue("postgres_tables"))
    yield postgres


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session as the edge of the app opens one; the test commits like a caller."""
    with db.session_factory(engine)() as opened:
        yield opened
        opened.rollback()


@pytest.fixture
def other_session(engine: Engine) -> Iterator[Session]:
    """A second, independent session (another user, another server)."""
    with db.session_factory(engine)() as opened:
        yield opened
        opened.rollback()


# --- the world: a small plan ---------------------------------------------------------


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def build_world(session: Session) -> None:
    """Plan 2024-2028, two themes, three actors, six measures, four users, some reports.

    Actors: A "Senja Næringshage", B "Klyngen Nordvest", C "Innovasjon Norge Arktis".

    code theme lead partners          span             weight  reports (reported at, UTC)
    1.1  T1    A    B (partner)       2024-Q1..2025-Q4  2       2024-Q4 in_progress 20 green
                                                                  (2025-01-10);
                                                                2025-Q2 in_progress 55 yellow
                                                                  (2025-06-20)
    1.2  T1    B    A (p), C (funder) 2024-Q1..2027-Q4  1       2025-Q1 completed, progress
                                                                  unknown, green (2025-04-05)
    1.3  T1    A    -                 2024-Q1..2027-Q4  1       2025-Q1 cancelled 10 (2025-03-15)
    2.1  T2    C    B (partner)       2024-Q3..2026-Q4  1       none
    2.2  T2    B    -                 2026-Q1..2028-Q4  1       none (not due before 2026)
    2.3  T2    A    C (partner)       2025-Q1..2025-Q4  1       2025-Q2 in_progress unknown red
                                                                  (2025-06-25)

    Users: admin, leder (leader), aktor.a (actor A), aktor.b (actor B).
    """
    plan = make_plan(session)
    t1 = make_theme(session, plan, "T1", "Næringsutvikling", position=1)
    t2 = make_theme(session, plan, "T2", "Kompetanse og rekruttering", position=2)
    a = make_actor(session, "Senja Næringshage", "SNH", ActorKind.BUSINESS_GARDEN)
    b = make_actor(session, "Klyngen Nordvest", "KN", ActorKind.CLUSTER)
    c = make_actor(session, "Innovasjon Norge Arktis", "IN", ActorKind.FUNDING_AGENCY)
    measures = {
        "1.1": make_measure(
            session,
            plan,
            t1,
            a,
            code="1.1",
            title="Etablere inkubatorprogram for sjømat",
            end="2025-Q4",
            weight=2.0,
            partners=[(b, PartnerRole.PARTNER)],
        ),
        "1.2": make_measure(
            session,
            plan,
            t1,
            b,
            code="1.2",
            title="Felles markedsføring av regionen",
            partners=[(a, PartnerRole.PARTNER), (c, PartnerRole.FUNDER)],
        ),
        "1.3": make_measure(session, plan, t1, a, code="1.3", title="Næringsareal på Finnsnes"),
        "2.1": make_measure(
            session,
            plan,
            t2,
            c,
            code="2.1",
            title="Kompetanseløft i reiselivet",
            start="2024-Q3",
            end="2026-Q4",
            partners=[(b, PartnerRole.PARTNER)],
        ),
        "2.2": make_measure(
            session,
            plan,
            t2,
            b,
            code="2.2",
            title="Rekruttering til havbruk – «Blå økonomi»",
            start="2026-Q1",
            end="2028-Q4",
        ),
        "2.3": make_measure(
            session,
            plan,
            t2,
            a,
            code="2.3",
            title="Lærlingordning for små bedrifter",
            start="2025-Q1",
            end="2025-Q4",
            partners=[(c, PartnerRole.PARTNER)],
        ),
    }
    users = {
        "admin": make_user(session, Role.ADMIN, username="admin"),
        "leader": make_user(session, Role.LEADER, username="leder"),
        "actor_a": make_user(session, Role.ACTOR, actor=a, username="aktor.a"),
        "actor_b": make_user(session, Role.ACTOR, actor=b, username="aktor.b"),
    }
    ua, ub = users["actor_a"], users["actor_b"]
    add_status(
        session, measures["1.1"], "2024-Q4", Status.IN_PROGRESS, 20, Rag.GREEN,
        utc(2025, 1, 10, 9), user=ua,
    )  # fmt: skip
    add_status(
        session, measures["1.1"], "2025-Q2", Status.IN_PROGRESS, 55, Rag.YELLOW,
        utc(2025, 6, 20, 9), user=ua,
    )  # fmt: skip
    add_status(
        session, measures["1.2"], "2025-Q1", Status.COMPLETED, None, Rag.GREEN,
        utc(2025, 4, 5, 9), user=ub,
    )  # fmt: skip
    add_status(
        session, measures["1.3"], "2025-Q1", Status.CANCELLED, 10, None,
        utc(2025, 3, 15, 9), user=ua,
    )  # fmt: skip
    add_status(
        session, measures["2.3"], "2025-Q2", Status.IN_PROGRESS, None, Rag.RED,
        utc(2025, 6, 25, 9), user=ua,
    )  # fmt: skip
    session.flush()


WORLD_USERS = {"admin": "admin", "leder": "leader", "aktor.a": "actor_a", "aktor.b": "actor_b"}
WORLD_ACTORS = {"SNH": "A", "KN": "B", "IN": "C"}

Snapshot = list[tuple[Table, list[dict[str, Any]]]]


@pytest.fixture(scope="session")
def world_snapshots() -> dict[str, Snapshot]:
    """The world's rows per database kind, taken after building it once."""
    return {}


def take_snapshot(session: Session) -> Snapshot:
    return [
        (table, [dict(row) for row in session.execute(select(table)).mappings()])
        for table in Base.metadata.sorted_tables
    ]


def restore_snapshot(session: Session, snapshot: Snapshot) -> None:
    """Insert the rows again (the database is empty but for data_revision)."""
    for table, rows in snapshot:
        if table.name == "data_revision":
            session.execute(update(table).values(revision=rows[0]["revision"]))
        elif rows:
            session.execute(insert(table), rows)
    if session.get_bind().dialect.name == "postgresql":
        for table, rows in snapshot:
            if rows and "id" in table.c and table.name != "data_revision":
                session.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :top)"),
                    {"top": max(row["id"] for row in rows)},
                )


def load_world(session: Session) -> World:
    plan = session.scalars(select(Plan)).one()
    users = {WORLD_USERS[u.username]: u for u in session.scalars(select(User))}
    return World(
        plan=plan,
        themes={t.code: t for t in session.scalars(select(Theme))},
        actors={WORLD_ACTORS[a.short_name]: a for a in session.scalars(select(Actor))},
        measures={m.code: m for m in session.scalars(select(Measure))},
        users=users,
        principals={name: Principal.of(user) for name, user in users.items()},
    )


@pytest.fixture
def world(session: Session, world_snapshots: dict[str, Snapshot]) -> World:
    """The small plan described in build_world, committed. Built once per database
    kind, then copied in as rows (much faster than building it for every test)."""
    kind = session.get_bind().dialect.name
    if kind not in world_snapshots:
        build_world(session)
        session.commit()
        world_snapshots[kind] = take_snapshot(session)
        session.expunge_all()
    else:
        restore_snapshot(session, world_snapshots[kind])
        session.commit()
    return load_world(session)
