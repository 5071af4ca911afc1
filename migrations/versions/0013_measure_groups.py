"""measures say whom they are for and what kind of work they do: target groups and
kinds of work from the controlled lists (codes, «grundere;ungdom»)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("target_groups", "work_kinds")


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column(
            "measure", sa.Column(column, sa.String(length=300), nullable=False, server_default="")
        )


def downgrade() -> None:
    # SQLite (3.35+) drops a column in place: batch mode's rebuild of the table would
    # trip the foreign keys into measure (as in 0005).
    for column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE measure DROP COLUMN {column}")
