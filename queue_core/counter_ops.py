"""Queue operations of the counter (issue 22): check-in, and clearing a service's queue."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update

from . import errors
from .booking import BookingOperations
from .intake import return_to_quota
from .outbox import add_notice, ticket_payload
from .rows import BOOKED, TICKET_COLUMNS, TicketRow, latest_visit, update_ticket, update_visit
from .service_base import FINAL, TicketView
from .tx import Tx, tickets

CLEARED = "queue_cleared"  # cancel_reason of the tickets of a cleared queue


def ticket_qr_payload(ticket_id: int, number: str, day: dt.date) -> str:
    """What a ticket's QR code holds (the chat's ticket image, the printed ticket): enough for the
    counter to find the ticket, no personal data."""
    return f"PUSQUE:{day.isoformat()}:{number}:{ticket_id}"


class CounterOperations(BookingOperations):
    """Built on the patients' operations: a check-in rejoins as they do, a cleared place returns to the quota."""

    async def check_in(self, number: str) -> tuple[TicketView, dt.datetime]:
        """The holder of today's ticket `number` is at the clinic: the time is kept (the first one),
        and a skipped ticket rejoins its queue as with the chat's "I am here" button (same grace).
        Returns the ticket and the check-in time."""
        async def fn(tx: Tx, now: dt.datetime) -> tuple[TicketView, dt.datetime]:
            row = await tx.one(tx.locked(select(*TICKET_COLUMNS, tickets.c.checked_in_at).where(
                tickets.c.number == number.upper(), tickets.c.day == now.date())))
            if row is None:
                raise errors.TicketNotFound(number=number)
            ticket, checked_in = TicketRow.of(row), row[-1]
            if ticket.status in FINAL:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="checkin")
            visit = await latest_visit(tx, ticket.id, lock=True)
            if ticket.status == BOOKED:
                view = await self._enter_booked(tx, ticket, now)
            elif ticket.status == "skipped":
                view = await self._rejoin(tx, ticket, visit, now)
            else:
                view = await self._view(tx, ticket, visit, now)
            if checked_in is None:
                checked_in = now
                await tx.run(update(tickets).where(tickets.c.id == ticket.id).values(checked_in_at=now))
            return view, checked_in

        return await self._tx(fn)

    def clear_phases(self, service: str) -> list[str]:
        """The phases a cleared service's queue covers: its route up to its own poli, so patients
        already examined keep their place at the pharmacy."""
        route = list(self.settings.services[service].route)
        return route[: route.index("poli") + 1] if "poli" in route else route

    def _clearable(self, service: str, day: dt.date):
        return (tickets.c.day == day, tickets.c.service == service, tickets.c.status.in_(("waiting", "skipped")),
                tickets.c.phase.in_(self.clear_phases(service)))

    async def clearable(self, service: str) -> int:
        """How many tickets `clear_service` would cancel now."""
        async def fn(tx: Tx, now: dt.datetime) -> int:
            count = select(func.count()).select_from(tickets).where(*self._clearable(service, now.date()))
            return int(await tx.scalar(count))

        return await self._tx(fn)

    async def clear_service(self, service: str, note: str) -> list[str]:
        """Cancel every ticket of `service` today still waiting (or skipped) in `clear_phases`;
        each holder is told, with the staff's `note`. Tickets at a counter or in a room stay.
        Their places go back to the quota. Returns the numbers cancelled."""
        if service not in self.settings.services:
            raise errors.UnknownService(service=service, known=sorted(self.settings.services))

        async def fn(tx: Tx, now: dt.datetime) -> list[str]:
            rows = await tx.all(tx.locked(
                select(*TICKET_COLUMNS).where(*self._clearable(service, now.date())).order_by(tickets.c.id)))
            cleared = [TicketRow.of(r) for r in rows]
            touched: set[str] = set()
            for ticket in cleared:
                visit = await latest_visit(tx, ticket.id, lock=True)
                await update_ticket(tx, ticket, now, status="cancelled", cancel_reason=CLEARED)
                if visit is not None and visit.status in ("waiting", "skipped"):
                    await update_visit(tx, visit, status="cancelled", cancelled_at=now)
                    touched.add(visit.phase)
                await return_to_quota(tx, self.settings, ticket)
                await add_notice(tx, ticket.user_id, "cancelled", now,
                                 ticket_payload(ticket, reason=CLEARED, note=note), ticket.id)
            for phase in sorted(touched):
                await self._after_change(tx, phase, [service], now)
            return [t.number for t in cleared]

        return await self._tx(fn)
