"""A closure of a day cancels the numbers booked for it (called by clinic_data in the closure's own
transaction, so no booked patient is left holding a number for a closed day, and none is told
twice)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from .outbox import add_notice, ticket_payload
from .rows import BOOKED, TICKET_COLUMNS, TicketRow
from .tx import Tx, daily_counters, tickets

BOOKING_CLOSED = "booking_closed"  # outbox kind, rendered by handlers/booking_notices.py


async def return_place(tx: Tx, ticket: TicketRow) -> None:
    """A cancelled booking's place goes back to its day's quota (a booked ticket is never transferred)."""
    await tx.run(update(daily_counters).where(daily_counters.c.day == ticket.day,
                                              daily_counters.c.service == ticket.service)
                 .values(returned=daily_counters.c.returned + 1))


async def void_bookings(tx: Tx, day: dt.date, service: str | None, reason: str,
                        now: dt.datetime) -> int:
    """A closure of `day` (one service, or the whole clinic with None) cancels the numbers booked
    for it; each holder is told, with the reason, and may book another day."""
    where = [tickets.c.day == day] + ([tickets.c.service == service] if service is not None else [])
    booked = [TicketRow.of(r) for r in await tx.all(tx.locked(
        select(*TICKET_COLUMNS).where(tickets.c.status == BOOKED, *where).order_by(tickets.c.id)))]
    for ticket in booked:
        await tx.run(update(tickets).where(tickets.c.id == ticket.id).values(
            status="cancelled", cancel_reason="closure", updated_at=now))
        await return_place(tx, ticket)
        await add_notice(tx, ticket.user_id, BOOKING_CLOSED, now, ticket_payload(
            ticket, day=day.isoformat(), reason=reason), ticket.id)
    return len(booked)


