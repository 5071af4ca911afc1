"""instruments (virkemidler): what each actor offers the network, whom it is for
(target groups, stages), and its application deadlines; the codes are stored as text
(length 30) like every vocabulary column

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "instrument",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("industries", sa.String(length=500), nullable=False),
        sa.Column("amount", sa.String(length=300), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_instrument_actor_id", "instrument", ["actor_id"])
    op.create_table(
        "instrument_target_group",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("target_group", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(["instrument_id"], ["instrument.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("instrument_id", "target_group"),
    )
    op.create_table(
        "instrument_stage",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(["instrument_id"], ["instrument.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("instrument_id", "stage"),
    )
    op.create_table(
        "instrument_deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["instrument_id"], ["instrument.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_instrument_deadline_instrument_id", "instrument_deadline", ["instrument_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_instrument_deadline_instrument_id", table_name="instrument_deadline")
    op.drop_table("instrument_deadline")
    op.drop_table("instrument_stage")
    op.drop_table("instrument_target_group")
    op.drop_index("ix_instrument_actor_id", table_name="instrument")
    op.drop_table("instrument")
