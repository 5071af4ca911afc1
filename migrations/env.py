"""Alembic environment: runs on the connection tracker.db.migrate hands over,
or on the URL from TRACKER_DATABASE_URL when called as `alembic upgrade head`."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from tracker.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    from tracker.db import database_url

    config.set_main_option("sqlalchemy.url", database_url())
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        run(conn)
