"""per-doctor queues: the room a schedule names (a poli room of its service; null: the service's
only room, or no room in particular), and an index for the tickets waiting for one doctor

Revision ID: 0012_doctor_rooms
Revises: 0011_booking
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_doctor_rooms"
down_revision = "0011_booking"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("doctor_schedules", sa.Column("room", sa.String(length=64), nullable=True))
    op.create_index("ix_ticket_doctor", "tickets", ["doctor_id", "day"])


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: see 0007_counter
    op.drop_index("ix_ticket_doctor", table_name="tickets")
    op.drop_column("doctor_schedules", "room")
