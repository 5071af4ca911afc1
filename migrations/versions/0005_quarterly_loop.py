"""the quarterly loop: partner contributions, partner reports marked, measures'
creation time, closed quarters' stored summaries

Reports a partner made before only the lead could report stay in the history,
marked by_partner: made for an actor that is a partner (or funder) of the measure
and not its lead. Reports of the admin, the command line and the importer (no
actor), the lead, and an actor that is neither (a former lead) stay the status.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MARK_PARTNER_REPORTS = (
    "UPDATE status_update SET by_partner = TRUE WHERE reported_by_actor_id IS NOT NULL "
    "AND reported_by_actor_id <> "
    "(SELECT lead_actor_id FROM measure WHERE measure.id = status_update.measure_id) "
    "AND EXISTS (SELECT 1 FROM measure_partner WHERE measure_partner.measure_id = "
    "status_update.measure_id AND measure_partner.actor_id = status_update.reported_by_actor_id)"
)


def upgrade() -> None:
    op.add_column(
        "status_update",
        sa.Column("by_partner", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _with_updates_allowed(MARK_PARTNER_REPORTS)
    op.add_column("measure", sa.Column("created_at", sa.DateTime(), nullable=True))
    op.add_column("closed_period", sa.Column("snapshot", sa.LargeBinary(), nullable=True))
    op.create_table(
        "contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["measure_id"], ["measure.id"]),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contribution_measure_id", "contribution", ["measure_id"])
    _append_only("contribution")
    op.create_table(
        "closed_summary_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("closed_period_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["closed_period_id"], ["closed_period.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("closed_period_id", "lang", "format"),
    )
    op.create_index(
        "ix_closed_summary_file_closed_period_id", "closed_summary_file", ["closed_period_id"]
    )


def _with_updates_allowed(statement: str) -> None:
    """Run one UPDATE on status_update past its append-only trigger (this once)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER status_update_no_update")
        op.execute(statement)
        op.execute(
            "CREATE TRIGGER status_update_no_update BEFORE UPDATE ON status_update "
            "BEGIN SELECT RAISE(ABORT, 'status_update is append-only'); END"
        )
        return
    op.execute("ALTER TABLE status_update DISABLE TRIGGER status_update_append_only")
    op.execute(statement)
    op.execute("ALTER TABLE status_update ENABLE TRIGGER status_update_append_only")


def _append_only(table: str) -> None:
    """The database itself refuses UPDATE and DELETE on the table."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        return
    op.execute(
        f"CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql"
    )
    op.execute(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS contribution_append_only ON contribution")
        op.execute("DROP FUNCTION IF EXISTS contribution_append_only()")
    op.drop_index("ix_closed_summary_file_closed_period_id", table_name="closed_summary_file")
    op.drop_table("closed_summary_file")
    op.drop_index("ix_contribution_measure_id", table_name="contribution")
    op.drop_table("contribution")
    # SQLite (3.35+) drops a column in place: rebuilding the table as batch mode does
    # would lose status_update's triggers and trip the foreign keys into measure.
    for table, column in (("closed_period", "snapshot"), ("measure", "created_at"),
                          ("status_update", "by_partner")):  # fmt: skip
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
