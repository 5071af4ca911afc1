"""database guards: the append-only tables and the audit log refuse REPLACE and
TRUNCATE too, and the audit log refuses UPDATE and DELETE

SQLite: a REPLACE (INSERT OR REPLACE, REPLACE INTO) deletes the row it meets
without firing its DELETE trigger unless the connection has PRAGMA
recursive_triggers on (tracker.db turns it on; someone else's sqlite3 may not), so
a BEFORE INSERT trigger refuses an insert whose id is already there.
PostgreSQL: TRUNCATE fires no row triggers, so a statement trigger refuses it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("status_update", "indicator_value", "contribution")
AUDIT = "audit_log"
GUARDED = (*APPEND_ONLY, AUDIT)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _raise(table: str) -> str:
    return f"SELECT RAISE(ABORT, '{table} is append-only')"


def upgrade() -> None:
    if _sqlite():
        for table in GUARDED:
            op.execute(
                f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
                f"WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id) "
                f"BEGIN {_raise(table)}; END"
            )
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {AUDIT}_no_{verb.lower()} BEFORE {verb} ON {AUDIT} "
                f"BEGIN {_raise(AUDIT)}; END"
            )
        return
    # Same function and message as the row triggers of 0001, 0003 and 0005.
    op.execute(
        f"CREATE FUNCTION {AUDIT}_append_only() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{AUDIT} is append-only'; END; $$ LANGUAGE plpgsql"
    )
    op.execute(
        f"CREATE TRIGGER {AUDIT}_append_only BEFORE UPDATE OR DELETE ON {AUDIT} "
        f"FOR EACH ROW EXECUTE FUNCTION {AUDIT}_append_only()"
    )
    for table in GUARDED:
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
        )


def downgrade() -> None:
    if _sqlite():
        for name in (
            *(f"{t}_no_replace" for t in GUARDED),
            f"{AUDIT}_no_update",
            f"{AUDIT}_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for table in GUARDED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.execute(f"DROP TRIGGER IF EXISTS {AUDIT}_append_only ON {AUDIT}")
    op.execute(f"DROP FUNCTION IF EXISTS {AUDIT}_append_only()")
