"""queue indexes for the queue operations' own queries (queue_core/queries.py, rows.py)

- ix_visit_queue gains `service` at the end: counting the patients ahead and finding the head of
  a poli queue read the index alone, without a table lookup per row;
- (channel, called_at): which channels called someone lately;
- (phase, finished_at): the last services finished in a shared (loket/apotek) queue;
- tickets (day, phase, status, service, level): patients in earlier phases of a route.

Revision ID: 0004_queue_indexes
Revises: 0003_staff
"""
from alembic import op

revision = "0004_queue_indexes"
down_revision = "0003_staff"
branch_labels = None
depends_on = None

QUEUE = ["phase", "status", "rank", "effective_at", "entered_at", "id"]


def upgrade() -> None:
    op.drop_index("ix_visit_queue", table_name="visits")
    op.create_index("ix_visit_queue", "visits", QUEUE + ["service"])
    op.create_index("ix_visit_channel_called", "visits", ["channel", "called_at"])
    op.create_index("ix_visit_phase_finished", "visits", ["phase", "finished_at"])
    op.create_index("ix_ticket_phase", "tickets", ["day", "phase", "status", "service", "level"])


def downgrade() -> None:
    op.drop_index("ix_ticket_phase", table_name="tickets")
    op.drop_index("ix_visit_phase_finished", table_name="visits")
    op.drop_index("ix_visit_channel_called", table_name="visits")
    op.drop_index("ix_visit_queue", table_name="visits")
    op.create_index("ix_visit_queue", "visits", QUEUE)
