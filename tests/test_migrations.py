"""The migrations make the schema the models describe (on SQLite and PostgreSQL):
Alembic's comparison of a migrated database with tracker.models finds nothing but
the one index the first migration adds by hand for the as-of queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from tests.migration_helpers import downgrade_to, upgrade_to
from tracker import db
from tracker.models import Base

HAND_MADE = {("remove_index", "ix_status_update_measure_reported")}


def test_the_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, Base.metadata)
    found = {(d[0], d[1].name) for d in differences if isinstance(d, tuple)}
    others = [d for d in differences if not isinstance(d, tuple)]
    assert found - HAND_MADE == set() and others == [], differences


def test_partner_reports_stay_in_the_history_marked_by_the_upgrade(
    tmp_path: Path, postgres_scratch_url: str | None
) -> None:
    """0005 marks the reports a partner made (the rule then let partners report)
    and leaves the lead's, the admin's, the command line's and a former lead's (an
    actor neither lead nor partner now) as the status. Down and up again works."""
    urls = [f"sqlite:///{tmp_path / 'old.db'}", postgres_scratch_url]
    for url in [u for u in urls if u]:
        engine = db.make_engine(url)
        try:
            upgrade_to(engine, "0004")
            with engine.begin() as connection:
                _old_rows(connection)
            db.migrate(engine)
            downgrade_to(engine, "0004")  # and down and up again, data kept
            db.migrate(engine)
            with engine.connect() as connection:
                marks = dict(
                    connection.execute(text("SELECT id, by_partner FROM status_update")).all()
                )
                created = connection.execute(text("SELECT created_at FROM measure")).scalar()
            with pytest.raises(DBAPIError), engine.begin() as connection:  # still append-only
                connection.execute(text("UPDATE status_update SET progress = 0"))
        finally:
            engine.dispose()
        assert {k: bool(v) for k, v in marks.items()} == {1: False, 2: True, 3: False, 4: False}
        assert created is None  # made before creation times were kept: always there


def _old_rows(connection: Connection) -> None:
    run = connection.execute
    run(text("INSERT INTO plan (id, name, start_year, end_year, owner, description) "
             "VALUES (1, 'P', 2024, 2028, '', '')"))  # fmt: skip
    run(text("INSERT INTO theme (id, plan_id, code, name, description, position) "
             "VALUES (1, 1, '1', 'T', '', 1)"))  # fmt: skip
    run(text("INSERT INTO actor (id, name, short_name, contact) VALUES (1, 'Lead', 'L', ''), "
             "(2, 'Partner', 'P', ''), (3, 'Former lead', 'F', '')"))  # fmt: skip
    run(text("INSERT INTO measure (id, plan_id, theme_id, code, title, description, "
             "start_period, end_period, lead_actor_id, weight, budget, funding, is_example, "
             "version) VALUES (1, 1, 1, '1.1', 'M', '', '2024-Q1', '2026-Q4', 1, 1, '', '', "
             "FALSE, 1)"))  # fmt: skip
    run(text("INSERT INTO measure_partner (measure_id, actor_id, role) VALUES (1, 2, 'partner')"))
    for row, actor in ((1, "1"), (2, "2"), (3, "NULL"), (4, "3")):  # 3: neither, a former lead
        run(text(
            "INSERT INTO status_update (id, measure_id, period, status, progress, rag, comment, "
            f"next_steps, reported_by_actor_id, reported_at) VALUES ({row}, 1, '2025-Q{row}', "
            f"'in_progress', 10, 'green', '', '', {actor}, '2025-{row * 3:02d}-01 12:00:00')"
        ))  # fmt: skip


def test_login_safety_upgrades_and_downgrades(
    tmp_path: Path, postgres_scratch_url: str | None
) -> None:
    """0007 adds login_attempt and app_user.session_epoch (0 for existing users);
    down drops them and keeps the users; up again works."""
    urls = [f"sqlite:///{tmp_path / 'old.db'}", postgres_scratch_url]
    for url in [u for u in urls if u]:
        engine = db.make_engine(url)
        try:
            upgrade_to(engine, "0005")
            with engine.begin() as connection:
                connection.execute(text(
                    "INSERT INTO app_user (id, username, display_name, role, active, "
                    "failed_logins, created_at) VALUES (1, 'kari', 'Kari', 'leader', TRUE, 0, "
                    "CURRENT_TIMESTAMP)"))  # fmt: skip
            db.migrate(engine)
            with engine.connect() as connection:
                epoch = connection.execute(text("SELECT session_epoch FROM app_user")).scalar()
                attempts = connection.execute(text("SELECT COUNT(*) FROM login_attempt")).scalar()
            downgrade_to(engine, "0005")
            with engine.connect() as connection:
                columns = {c["name"] for c in inspect(connection).get_columns("app_user")}
                tables = set(inspect(connection).get_table_names())
                users = connection.execute(text("SELECT username FROM app_user")).scalars().all()
            db.migrate(engine)
        finally:
            engine.dispose()
        assert (epoch, attempts) == (0, 0)
        assert "session_epoch" not in columns and "login_attempt" not in tables
        assert users == ["kari"]
