"""emergency alerts: one row per emergency reported to the bot, with its staff messages and ack

Revision ID: 0005_emergency_alerts
Revises: 0004_queue_indexes
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_emergency_alerts"
down_revision = "0004_queue_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "emergency_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("registered", sa.Boolean(), nullable=False),
        sa.Column("escalate_at", sa.DateTime(), nullable=False),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("acked_by", sa.BigInteger(), nullable=True),
        sa.Column("acked_name", sa.String(length=128), nullable=True),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.Column("messages", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_emergency_user", "emergency_alerts", ["user_id", "created_at"])
    op.create_index("ix_emergency_open", "emergency_alerts", ["acked_at", "escalated_at"])


def downgrade() -> None:
    op.drop_index("ix_emergency_open", table_name="emergency_alerts")
    op.drop_index("ix_emergency_user", table_name="emergency_alerts")
    op.drop_table("emergency_alerts")
