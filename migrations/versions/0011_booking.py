"""booking ahead: a ticket's chosen doctor, its reminders, a missed check-in; one active ticket
per patient per service per day (a booking for Wednesday does not block today's number)

Revision ID: 0011_booking
Revises: 0010_clinicadmin
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_booking"
down_revision = "0010_clinicadmin"
branch_labels = None
depends_on = None

ACTIVE = sa.text("status NOT IN ('done', 'cancelled')")


def upgrade() -> None:
    op.add_column("tickets", sa.Column("doctor_id", sa.Integer(), nullable=True))
    op.add_column("tickets", sa.Column("reminded_evening_at", sa.DateTime(), nullable=True))
    op.add_column("tickets", sa.Column("reminded_morning_at", sa.DateTime(), nullable=True))
    op.add_column("tickets", sa.Column("missed_checkin_at", sa.DateTime(), nullable=True))
    op.drop_index("uq_ticket_active_per_patient", table_name="tickets", sqlite_where=ACTIVE, postgresql_where=ACTIVE)
    op.create_index("uq_ticket_active_per_patient_day", "tickets", ["patient_id", "service", "day"], unique=True,
                    sqlite_where=ACTIVE, postgresql_where=ACTIVE)
    op.create_index("ix_ticket_booked", "tickets", ["status", "day"])


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: see 0007_counter
    op.drop_index("ix_ticket_booked", table_name="tickets")
    op.drop_index("uq_ticket_active_per_patient_day", table_name="tickets", sqlite_where=ACTIVE, postgresql_where=ACTIVE)
    op.create_index("uq_ticket_active_per_patient", "tickets", ["patient_id", "service"], unique=True,
                    sqlite_where=ACTIVE, postgresql_where=ACTIVE)
    for column in ("missed_checkin_at", "reminded_morning_at", "reminded_evening_at", "doctor_id"):
        op.drop_column("tickets", column)
