"""the admin's counters are the queue's channels: a counter can be deactivated, and can serve
every service ("*" in config.yaml, also a service added later)

Revision ID: 0013_counters_channels
Revises: 0012_doctor_rooms
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_counters_channels"
down_revision = "0012_doctor_rooms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clinic_counters", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("clinic_counters", sa.Column("every_service", sa.Boolean(), nullable=False,
                                               server_default=sa.false()))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: see 0007_counter
    op.drop_column("clinic_counters", "every_service")
    op.drop_column("clinic_counters", "active")
