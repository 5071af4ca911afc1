"""calendar feeds: one secret token per feed (the plan's whole wheel, an actor's
events, a theme's events) for subscribing in Outlook or Google Calendar, and the
time an event was last changed (LAST-MODIFIED in the feed)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE_SCOPE = (
    "(CASE WHEN plan_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN actor_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN theme_id IS NULL THEN 0 ELSE 1 END) = 1"
)


def upgrade() -> None:
    op.create_table(
        "calendar_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(ONE_SCOPE, name="ck_calendar_feed_one_scope"),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token"),
        sa.UniqueConstraint("plan_id"),
        sa.UniqueConstraint("actor_id"),
        sa.UniqueConstraint("theme_id"),
    )
    op.add_column("event", sa.Column("updated_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # SQLite (3.35+) drops a column in place (see 0005: no batch rebuild of the table).
    op.execute("ALTER TABLE event DROP COLUMN updated_at")
    op.drop_table("calendar_feed")
