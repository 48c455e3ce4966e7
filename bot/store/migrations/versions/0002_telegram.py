"""Telegram: invites, extension requests, approved extensions, and finding a reminder by its message.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the invites and extensions tables, occurrences.extended_due and an index on message ids."""
    with op.batch_alter_table("occurrences") as batch:
        batch.add_column(sa.Column("extended_due", sa.Date(), nullable=True))
    op.create_index("ix_reminders_message", "reminders", ["address", "message_id"])
    op.create_table(
        "invites",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("agency_id", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_chat", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_invites"),
        sa.UniqueConstraint("code_hash", name="uq_invites_code_hash"),
    )
    op.create_table(
        "extensions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("requested_due", sa.Date(), nullable=False),
        sa.Column("requested_text", sa.Text(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["occurrence_id"], ["occurrences.id"],
                                name="fk_extensions_occurrence_id_occurrences"),
        sa.PrimaryKeyConstraint("id", name="pk_extensions"),
    )
    op.create_index("ix_extensions_occurrence_id", "extensions", ["occurrence_id"])


def downgrade() -> None:
    """Remove what upgrade added."""
    op.drop_index("ix_extensions_occurrence_id", "extensions")
    op.drop_table("extensions")
    op.drop_table("invites")
    op.drop_index("ix_reminders_message", "reminders")
    with op.batch_alter_table("occurrences") as batch:
        batch.drop_column("extended_due")
