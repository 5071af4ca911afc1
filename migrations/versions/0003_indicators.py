"""indicators and their reported values

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("baseline_year", sa.Integer(), nullable=False),
        sa.Column("baseline_value", sa.Float(), nullable=False),
        sa.Column("target_year", sa.Integer(), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("up", "down", name="direction", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("is_example", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"]),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_indicator_plan_id", "indicator", ["plan_id"])
    op.create_table(
        "indicator_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reported_by_user_id", sa.Integer(), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reported_by_user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_indicator_value_indicator_id", "indicator_value", ["indicator_id"])
    _append_only_trigger()


def _append_only_trigger() -> None:
    """The database itself refuses UPDATE and DELETE on indicator_value, as on
    status_update (0001)."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER indicator_value_no_{verb.lower()} BEFORE {verb} "
                "ON indicator_value BEGIN SELECT RAISE(ABORT, 'indicator_value is append-only'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION indicator_value_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'indicator_value is append-only'; END; $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER indicator_value_append_only BEFORE UPDATE OR DELETE ON indicator_value "
        "FOR EACH ROW EXECUTE FUNCTION indicator_value_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS indicator_value_append_only ON indicator_value")
        op.execute("DROP FUNCTION IF EXISTS indicator_value_append_only()")
    op.drop_index("ix_indicator_value_indicator_id", table_name="indicator_value")
    op.drop_table("indicator_value")
    op.drop_index("ix_indicator_plan_id", table_name="indicator")
    op.drop_table("indicator")
