"""the counter (issue 22): check-in time of a ticket, cancelled places back in the daily quota

Walk-in patients (no Telegram) need no schema change: they belong to the reserved account 0
(queue_core/counter.py), so (owner_id, nik) keeps one walk-in record per NIK.

Revision ID: 0007_counter
Revises: 0006_clinic_data
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_counter"
down_revision = "0006_clinic_data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tickets", sa.Column("checked_in_at", sa.DateTime(), nullable=True))
    op.add_column("daily_counters", sa.Column("returned", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): rebuilding `tickets` in batch mode would
    # drop the table, and with foreign keys on that deletes every visit (ON DELETE CASCADE)
    op.drop_column("daily_counters", "returned")
    op.drop_column("tickets", "checked_in_at")
