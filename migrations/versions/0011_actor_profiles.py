"""actor profiles: what each actor tells the network about itself (what it is, its
strategy and focus areas, target groups, kinds of work, cooperation wishes), the plan
themes it names, and its contact persons

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor_profile",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("about", sa.Text(), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("area", sa.String(length=300), nullable=False),
        sa.Column("strategy", sa.Text(), nullable=False),
        sa.Column("focus_areas", sa.Text(), nullable=False),
        sa.Column("target_groups", sa.String(length=500), nullable=False),
        sa.Column("work_kinds", sa.String(length=500), nullable=False),
        sa.Column("cooperation", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id"),
    )
    op.create_table(
        "actor_profile_theme",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", "theme_id"),
    )
    op.create_table(
        "actor_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_actor_contact_actor_id", "actor_contact", ["actor_id"])


def downgrade() -> None:
    op.drop_index("ix_actor_contact_actor_id", table_name="actor_contact")
    op.drop_table("actor_contact")
    op.drop_table("actor_profile_theme")
    op.drop_table("actor_profile")
