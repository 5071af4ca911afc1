"""Moving a test database to an older revision and back, as the migration tests do."""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from sqlalchemy import Engine

from tracker import db


def upgrade_to(engine: Engine, revision: str) -> None:
    """Alembic upgrade to revision ("head" for the newest), in one transaction."""
    _run(engine, command.upgrade, revision)


def downgrade_to(engine: Engine, revision: str) -> None:
    _run(engine, command.downgrade, revision)


def _run(engine: Engine, step: Callable[..., None], revision: str) -> None:
    config = db.alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        step(config, revision)
