"""QueueService: every queue state change, each one transaction with the notices it owes.

Each method opens one transaction (BEGIN IMMEDIATE on SQLite, row locks on PostgreSQL), changes
the state and writes the outbox rows the change owes, so a crash loses neither.
"""
from .clinic_data import ClosureQueries
from .counter_ops import CounterOperations
from .intake import Availability, IntakeQueries, Preview
from .leave_ops import LeaveOperations
from .service_base import FINAL, TicketView
from .staff_ops import StaffOperations

__all__ = ["QueueService", "TicketView", "FINAL", "Availability", "Preview"]


class QueueService(ClosureQueries, IntakeQueries, CounterOperations, LeaveOperations, StaffOperations):
    """The one entry point to the queue for the bot, the web API, the simulator and the tests."""
