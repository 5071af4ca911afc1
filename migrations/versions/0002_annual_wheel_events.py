"""annual wheel events (årshjul)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_KINDS = (
    "samhandlingsmote",
    "arrangement",
    "soknadsfrist",
    "rapporteringsfrist",
    "styremote",
    "kurs",
    "annet",
)


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*EVENT_KINDS, name="event_kind", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=True),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("target_groups", sa.String(length=500), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["measure_id"], ["measure.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_event_actor_id", "event", ["actor_id"])
    op.create_index("ix_event_starts", "event", ["starts"])


def downgrade() -> None:
    op.drop_index("ix_event_starts", table_name="event")
    op.drop_index("ix_event_actor_id", table_name="event")
    op.drop_table("event")
