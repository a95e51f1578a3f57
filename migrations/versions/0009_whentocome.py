"""when to come (branch whentocome): a patient's trip to the clinic, the "time to leave now" state

patients.trip_minutes: minutes from home to the clinic, set in the chat (NULL: the configured
default). tickets.leave_told_for / leave_sends: the "come at" time the last "time to leave now"
message told, and how many were sent (at most two: the first, and one when the queue sped up), so
a restart neither repeats nor loses one (docs/notifications.md).

Revision ID: 0009_whentocome
Revises: 0008_counterpage
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_whentocome"
down_revision = "0008_counterpage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("patients", sa.Column("trip_minutes", sa.Integer(), nullable=True))
    op.add_column("tickets", sa.Column("leave_told_for", sa.DateTime(), nullable=True))
    op.add_column("tickets", sa.Column("leave_sends", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+), as in 0007: a batch rebuild of `tickets` would cascade to visits
    op.drop_column("tickets", "leave_sends")
    op.drop_column("tickets", "leave_told_for")
    op.drop_column("patients", "trip_minutes")
