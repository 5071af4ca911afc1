"""the annual coordination meeting (samhandlingsmøte): one a year with its date,
place, minutes and its event in the Årshjul; the invited actors; the agreed actions
(a new measure or a decision on an overlap pair, with a lead actor, open or done)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year"),
    )
    op.create_table(
        "meeting_actor",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "actor_id"),
    )
    op.create_table(
        "meeting_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lead_actor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("pair_a_id", sa.Integer(), nullable=True),
        sa.Column("pair_b_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lead_actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["measure_id"], ["measure.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["pair_a_id"], ["measure.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["pair_b_id"], ["measure.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meeting_action_meeting_id", "meeting_action", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_meeting_action_meeting_id", table_name="meeting_action")
    op.drop_table("meeting_action")
    op.drop_table("meeting_actor")
    op.drop_table("meeting")
