"""demo accounts are marked, so a real deployment can see and close the demo's door

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The demo's accounts and published passwords as `tracker demo` made them until now.
# A database that got them is marked where the password still works: that is the door.
OLD_DEMO_PASSWORDS = {
    "admin": "demo-admin-2024",
    "ordforer": "demo-ordforer-2024",
    "naeringssjef": "demo-naeringssjef-2024",
    "sjomatklyngen": "demo-sjomatklyngen-2024",
    "naeringshagen": "demo-naeringshagen-2024",
    "kupa": "demo-kupa-2024",
    "studiesenteret": "demo-studiesenteret-2024",
    "bkn": "demo-bkn-2024",
}


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(
            sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, username, password_hash FROM app_user WHERE password_hash IS NOT NULL")
    ).all()
    demo_ids = [
        row.id
        for row in rows
        if row.username in OLD_DEMO_PASSWORDS
        and _verifies(row.password_hash, OLD_DEMO_PASSWORDS[row.username])
    ]
    if demo_ids:
        marked = sa.text("UPDATE app_user SET is_demo = TRUE WHERE id IN :ids").bindparams(
            sa.bindparam("ids", expanding=True)
        )
        connection.execute(marked, {"ids": demo_ids})


def _verifies(stored: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("is_demo")
