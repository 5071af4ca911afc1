"""overlap decisions (page Samordning)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERDICTS = ("ikke_overlapp", "samarbeid", "sla_sammen", "avklar_roller")


def upgrade() -> None:
    op.create_table(
        "overlap_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_a_id", sa.Integer(), nullable=False),
        sa.Column("measure_b_id", sa.Integer(), nullable=False),
        sa.Column(
            "verdict",
            sa.Enum(*VERDICTS, name="overlap_verdict", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("measure_a_id < measure_b_id", name="ck_overlap_decision_order"),
        sa.ForeignKeyConstraint(["measure_a_id"], ["measure.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["measure_b_id"], ["measure.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["decided_by_user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("measure_a_id", "measure_b_id"),
    )
    op.create_index("ix_overlap_decision_measure_a_id", "overlap_decision", ["measure_a_id"])
    op.create_index("ix_overlap_decision_measure_b_id", "overlap_decision", ["measure_b_id"])


def downgrade() -> None:
    op.drop_index("ix_overlap_decision_measure_b_id", table_name="overlap_decision")
    op.drop_index("ix_overlap_decision_measure_a_id", table_name="overlap_decision")
    op.drop_table("overlap_decision")
