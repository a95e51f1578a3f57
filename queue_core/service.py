"""QueueService: every queue state change, each one transaction with the notices it owes.

Each method opens one transaction (BEGIN IMMEDIATE on SQLite, row locks on PostgreSQL), changes
the state and writes the outbox rows the change owes, so a crash loses neither.
"""
import datetime as dt

from .booking_duties import run_duties
from .counter_ops import CounterOperations
from .intake import Availability, IntakeQueries, Preview
from .leave_ops import LeaveOperations
from .service_base import FINAL, TicketView
from .staff_ops import StaffOperations
from .tx import Tx

__all__ = ["QueueService", "TicketView", "FINAL", "Availability", "Preview"]


class QueueService(IntakeQueries, CounterOperations, LeaveOperations, StaffOperations):
    """The one entry point to the queue for the bot, the web API, the simulator and the tests."""

    async def booking_duties(self) -> dict[str, int]:
        """Reminders and check-in windows of booked tickets that fell due (queue_core/booking_duties.py)."""
        async def fn(tx: Tx, now: dt.datetime) -> dict[str, int]:
            return await run_duties(tx, self.settings, now, self.estimator, self.policy)

        return await self._tx(fn)
