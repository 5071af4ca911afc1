"""The only place that creates engines and sessions, and runs migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker import settings
from tracker.errors import Problem, WriteRefused
from tracker.models import AuditLog, Contribution, IndicatorValue, StatusUpdate

ROOT = Path(__file__).resolve().parent.parent
URL_VARIABLE = settings.DATABASE_URL.name


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete a row of an append-only table."""


DATABASE_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, AppendOnlyError)
"""What a failing read or write raises: the UI's last resort (ui.failsafe) shows a
plain message for these, so the UI never imports SQLAlchemy."""

WRITE_REFUSALS: tuple[type[Exception], ...] = (IntegrityError, OperationalError)
"""What a correct write can still meet: a unique value or a reference another
write took or removed a moment before (IntegrityError), the database locked or out
of reach (OperationalError). The transaction is rolled back; say refusal(error)."""


def refusal(error: Exception) -> WriteRefused:
    """Why the database refused a write (one of WRITE_REFUSALS), in words."""
    return WriteRefused(
        Problem("db.clash" if isinstance(error, IntegrityError) else "db.unavailable")
    )


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else TRACKER_DATABASE_URL, else data/tracker.db.

    `postgresql://` and `postgres://` are read as psycopg 3 URLs.
    """
    url = url or settings.DATABASE_URL.read()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide where transactions begin, so that
    # SAVEPOINTs (dry-run imports) and consistent reads work (SQLAlchemy's recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    # A REPLACE then fires the delete guards of the append-only tables (migration 0006).
    cursor.execute("PRAGMA recursive_triggers=ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A write transaction takes the write lock at BEGIN (IMMEDIATE): two writers then
    # queue on busy_timeout instead of one failing with "database is locked" when
    # its read turns into a write.
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One unit of work: commits at the end, rolls back on any error."""
    if engine.dialect.name == "sqlite":
        engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    with session_factory(engine).begin() as session:
        yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading; nothing it does is committed."""
    with session_factory(engine)() as session:
        yield session


@event.listens_for(Session, "before_flush")
def _refuse_status_update_changes(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.dirty, *session.deleted):
        appended = isinstance(obj, StatusUpdate | IndicatorValue | Contribution | AuditLog)
        if appended and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError(
                "status reports, contributions, indicator values and the audit log are append-only"
            )


def alembic_config(url: str | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest Alembic revision (safe to run again)."""
    from alembic import command

    if engine.url.get_backend_name() == "sqlite" and engine.url.database:
        Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def schema_ready(engine: Engine) -> bool:
    return inspect(engine).has_table("data_revision")


def data_revision(session: Session) -> int:
    return session.execute(text("SELECT revision FROM data_revision WHERE id = 1")).scalar_one()


def bump_revision(session: Session) -> None:
    session.execute(text("UPDATE data_revision SET revision = revision + 1 WHERE id = 1"))
