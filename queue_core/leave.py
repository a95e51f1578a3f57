"""When to leave home: the rules of the "time to leave now" notices (kind `leave_now`), written to
the outbox like every other notice. The operations are in leave_ops.py.

A ticket still in the first queue of its route, not checked in at the clinic, is owed one
"time to leave now" when the clock reaches its advised time minus the patient's trip, and one more
(with the new time) if the advised time later moves `notifications.leave_again_minutes` or more
earlier. What was told is kept on the ticket (`leave_told_for`, `leave_sends`) in the transaction
that writes the notice, so a restart neither repeats nor loses one. docs/notifications.md.
"""
from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, select

from .advice import Advice, CallWindow, advice_at
from .models import Patient
from .outbox import add_notice
from .rows import UPDATE_TICKET, TicketRow, update_ticket
from .rules import Rules
from .tx import Tx

LEAVE_NOW = "leave_now"  # the notice's outbox kind
TRIP_CHOICES = (5, 15, 30, 60)  # the buttons in the chat
MAX_LEAVE_SENDS = 2             # the first, and once more when the queue sped up
patients = cast(Table, Patient.__table__)


def first_phase(settings: Rules, service: str) -> str | None:
    svc = settings.services.get(service)
    return svc.route[0] if svc else None


def leave_due(advice: Advice, trip: int, now: dt.datetime) -> bool:
    return advice.come_at - dt.timedelta(minutes=trip) <= now


def trip_or_default(settings: Rules, trip: int | None) -> int:
    return settings.notifications.default_trip_minutes if trip is None else int(trip)


def near_minutes(settings: Rules, trip: int | None) -> float:
    """Turn-near minutes of a patient whose trip is `trip` (None: at the clinic, or the default
    trip): a trip longer than the default moves the turn-near earlier by the difference."""
    rules = settings.notifications
    if trip is None:
        return rules.turn_near_minutes
    return rules.turn_near_minutes + max(0, trip - rules.default_trip_minutes)


async def leave_before_near(tx: Tx, settings: Rules, row, now: dt.datetime, wait: float | None, estimator) -> None:
    """The "time to leave now" a patient still away was not sent yet (the queue moved faster than
    the look that sends them): now, before the turn-near, telling them to come at once."""
    minutes = 0.0 if wait is None else max(wait, 0.0)
    advice = advice_at(now, CallWindow(0.0, 0.0, minutes, minutes), str(getattr(estimator, "name", "?")))
    await write_leave_notice(tx, row[3], row[2], row[4], row[5], advice, trip_or_default(settings, row[12]), 0, now)


async def write_leave_notice(tx: Tx, user_id: int | None, ticket_id: int, number: str, service: str, advice: Advice,
                             trip: int, sends: int, now: dt.datetime) -> None:
    """One "time to leave now" and its record on the ticket, in the caller's transaction."""
    await tx.run(UPDATE_TICKET, {"leave_told_for": advice.come_at, "leave_sends": sends + 1, "ticket_id": ticket_id})
    await add_notice(tx, user_id, LEAVE_NOW, now, {
        "number": number, "service": service, "ticket_id": ticket_id, "trip": trip, "again": sends > 0,
        "advice": advice.as_payload(), "at": now.isoformat(timespec="seconds")}, ticket_id)


async def leave_on_issue(tx: Tx, settings: Rules, ticket: TicketRow, advice: Advice | None,
                         now: dt.datetime) -> tuple[int, bool]:
    """A new ticket's trip, and whether the ticket message itself says "leave now" (then recorded
    as told: no second message for it)."""
    trip = trip_or_default(settings, None if ticket.patient_id is None else await tx.scalar(
        select(patients.c.trip_minutes).where(patients.c.id == ticket.patient_id)))
    leave_now = advice is not None and leave_due(advice, trip, now)
    if leave_now and advice is not None:
        await update_ticket(tx, ticket, now, leave_told_for=advice.come_at, leave_sends=1)
    return trip, leave_now
