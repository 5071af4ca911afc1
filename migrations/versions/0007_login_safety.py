"""login safety: login attempts (throttling per client address and per account), and
a session stamp on users that a password change bumps

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_attempt_attempted_at", "login_attempt", ["attempted_at"])
    op.create_index("ix_login_attempt_client_at", "login_attempt", ["client", "attempted_at"])
    op.create_index("ix_login_attempt_username_client", "login_attempt", ["username", "client"])
    op.add_column(
        "app_user",
        sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    # SQLite (3.35+) drops a column in place (see 0005: no batch rebuild of the table).
    op.execute("ALTER TABLE app_user DROP COLUMN session_epoch")
    op.drop_index("ix_login_attempt_username_client", table_name="login_attempt")
    op.drop_index("ix_login_attempt_client_at", table_name="login_attempt")
    op.drop_index("ix_login_attempt_attempted_at", table_name="login_attempt")
    op.drop_table("login_attempt")
