"""Operations staff perform at a channel, and the read side for staff, the board and the predictor."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, bindparam, select, update

from . import errors
from .doctor_rooms import NotWaitingHere, callable_here, doctors_elsewhere
from .outbox import add_notice, ticket_payload
from .queries import QUEUE_ORDER, build_snapshot, made_once, waiting_in_scope
from .rows import (
    TICKET_COLUMNS,
    VISIT_COLUMNS,
    TicketRow,
    VisitRow,
    current_at_channel,
    latest_visit,
    ticket_by_id,
    update_ticket,
    update_visit,
)
from .service_base import FINAL, ServiceBase, TicketView
from .snapshot import QueueSnapshot
from .tx import INTEGRITY_ERRORS, Tx, channel_states, tickets, visits


class StaffOperations(ServiceBase):
    async def call_next(self, channel_name: str, number: str | None = None) -> TicketView | None:
        """Call the next patient for a channel; None when nobody waits. Atomic across processes.

        In a poli room the next is the first ticket the room may call (queue_core/doctor_rooms.py:
        "any doctor", this room's doctors now, doctors in no room now). `number`: call that waiting
        number of the channel's queue instead, whichever doctor it waits for."""
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView | None:
            paused, busy = await self._channel_state(tx, channel)
            if paused:
                raise errors.ChannelPaused(channel=channel.name)
            if busy is not None:
                raise errors.ChannelBusy(channel=channel.name, number=busy[1].number)
            elsewhere = () if number is not None else tuple(await doctors_elsewhere(tx, self.settings, channel, now))

            def head() -> Select:  # the first visit the channel may call, with its ticket
                where = [waiting_in_scope(self.settings, channel.phase, channel.services)]
                if number is not None:
                    where += [tickets.c.day == bindparam("day"), tickets.c.number == bindparam("number")]
                elif elsewhere:
                    where.append(callable_here(elsewhere))
                return tx.locked(select(*VISIT_COLUMNS, *TICKET_COLUMNS).join_from(
                    visits, tickets, tickets.c.id == visits.c.ticket_id).where(*where).order_by(*QUEUE_ORDER).limit(1))

            key = (channel.name, number is not None, elsewhere, tx.pg)
            head_row = await tx.one(made_once(self.settings, "call_head", key, head),
                                    {"day": now.date(), "number": (number or "").strip().upper()})
            if head_row is None:
                if number is not None:
                    raise NotWaitingHere(number=number.strip().upper(), channel=channel.name)
                return None
            visit, ticket = VisitRow.of(head_row[:13]), TicketRow.of(head_row[13:])
            await update_visit(tx, visit, status="called", channel=channel.name, called_at=now)
            await update_ticket(tx, ticket, now, status="called", phase=visit.phase)
            await add_notice(tx, ticket.user_id, "called", now, ticket_payload(ticket, phase=visit.phase, channel=channel.name), ticket.id)
            await self._after_change(tx, channel.phase, channel.services, now)
            return await self._view(tx, ticket, visit, now)

        return await self._tx(fn)

    async def recall(self, channel_name: str) -> TicketView:
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(tx, channel)
            await update_visit(tx, visit, recalls=visit.recalls + 1)
            await add_notice(tx, ticket.user_id, "called", now,
                             ticket_payload(ticket, phase=visit.phase, channel=channel.name, recall=visit.recalls), ticket.id)
            return await self._view(tx, ticket, visit, now)

        return await self._tx(fn)

    async def start(self, channel_name: str) -> TicketView:
        """The called patient arrived: service starts (optional; finish assumes it otherwise)."""
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(tx, channel)
            if visit.status != "called":
                raise errors.InvalidTransition(number=ticket.number, status=visit.status, action="start")
            await update_visit(tx, visit, status="serving", started_at=now)
            await update_ticket(tx, ticket, now, status="serving")
            return await self._view(tx, ticket, visit, now)

        return await self._tx(fn)

    async def finish(self, channel_name: str) -> TicketView:
        """Service ends: on to the next phase of the route (same number and level), or done."""
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(tx, channel)
            await update_visit(tx, visit, status="done", finished_at=now, started_at=visit.started_at or visit.called_at)
            route = ticket.route.split(",")
            following = route[route.index(visit.phase) + 1:] if visit.phase in route else []
            if not following:
                await update_ticket(tx, ticket, now, status="done")
                await add_notice(tx, ticket.user_id, "finished", now, ticket_payload(ticket), ticket.id)
                return await self._view(tx, ticket, None, now)
            new = await self._new_visit(tx, ticket, following[0], now)
            await update_ticket(tx, ticket, now, status="waiting", phase=new.phase)
            view = await self._view(tx, ticket, new, now)
            near = await self._after_change(tx, new.phase, [new.service], now, entered=ticket.id)
            await add_notice(
                tx, ticket.user_id, "next_phase", now,
                ticket_payload(ticket, phase=new.phase, position=view.position, near=near,
                               minutes=None if view.estimate_minutes is None else round(view.estimate_minutes)),
                ticket.id,
            )
            return view

        return await self._tx(fn)

    async def skip(self, channel_name: str) -> TicketView:
        """Called but did not come: may rejoin within the grace period."""
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(tx, channel)
            await update_visit(tx, visit, status="skipped", skipped_at=now)
            await update_ticket(tx, ticket, now, status="skipped")
            await add_notice(
                tx, ticket.user_id, "skipped", now,
                ticket_payload(ticket, phase=visit.phase, ticket_id=ticket.id,
                               grace_minutes=self.settings.notifications.skip_grace_minutes),
                ticket.id,
            )
            return await self._view(tx, ticket, visit, now)

        return await self._tx(fn)

    async def transfer(self, ticket_id: int, to_service: str) -> TicketView:
        """Send a ticket to another service's poli (keeps number and level)."""
        svc = self.settings.services.get(to_service)
        if svc is None:
            raise errors.UnknownService(service=to_service, known=sorted(self.settings.services))

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(tx, ticket_id, lock=True)
            if ticket.status in FINAL or ticket.service == to_service:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="transfer")
            visit = await latest_visit(tx, ticket_id, lock=True)
            if visit is not None and visit.status in ("called", "serving"):
                await update_visit(tx, visit, status="done", finished_at=now, started_at=visit.started_at or visit.called_at)
            elif visit is not None and visit.status in ("waiting", "skipped"):
                await update_visit(tx, visit, status="cancelled", cancelled_at=now)
            old_phase, old_service = (visit.phase, visit.service) if visit else (None, None)
            phase = "poli" if "poli" in svc.route else svc.route[0]
            try:
                await update_ticket(tx, ticket, now, service=to_service, route=",".join(svc.route), status="waiting", phase=phase)
            except INTEGRITY_ERRORS:
                raise errors.AlreadyHasTicket(service=to_service) from None
            new = await self._new_visit(tx, ticket, phase, now)
            view = await self._view(tx, ticket, new, now)
            await add_notice(tx, ticket.user_id, "transferred", now,
                             ticket_payload(ticket, phase=phase, position=view.position), ticket.id)
            if old_phase and old_service:
                await self._after_change(tx, old_phase, [old_service], now)
            await self._after_change(tx, phase, [to_service], now)
            return view

        return await self._tx(fn)

    async def set_paused(self, channel_name: str, paused: bool) -> None:
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> None:
            await self._channel_state(tx, channel)  # the state row locked (PostgreSQL)
            await tx.run(update(channel_states).where(channel_states.c.name == channel.name)
                         .values(paused=paused, updated_at=now))
            if not paused:
                await self._after_change(tx, channel.phase, channel.services, now)

        await self._tx(fn)

    async def close_day(self, day: dt.date | None = None) -> int:
        """End of the day: every unfinished ticket is cancelled and its holder told."""
        async def fn(tx: Tx, now: dt.datetime) -> int:
            target = day or now.date()
            unfinished = (tickets.c.day == target, tickets.c.status.not_in(FINAL))
            closing = [TicketRow.of(r) for r in await tx.all(tx.locked(select(*TICKET_COLUMNS).where(*unfinished)))]
            for t in closing:
                if t.status != "skipped":
                    await add_notice(tx, t.user_id, "cancelled", now, ticket_payload(t, reason="day_closed"), t.id)
            if closing:
                await tx.run(update(tickets).where(*unfinished)
                             .values(status="cancelled", cancel_reason="day_closed", updated_at=now))
                closed_today = select(tickets.c.id).where(tickets.c.day == target, tickets.c.cancel_reason == "day_closed")
                await tx.run(update(visits).where(visits.c.status.in_(("waiting", "called", "serving")),
                                                  visits.c.ticket_id.in_(closed_today))
                             .values(status="cancelled", cancelled_at=now))
            return len(closing)

        return await self._tx(fn)

    # ------------------------------------------------------------------ read side for staff/board/predictor

    async def snapshot(self, phase: str, service: str) -> QueueSnapshot:
        return await self._tx(lambda tx, now: build_snapshot(tx, self.settings, phase, service, now))

    async def current(self, channel_name: str) -> TicketView | None:
        channel = self._channel(channel_name)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView | None:
            row = await current_at_channel(tx, channel.name)
            return None if row is None else await self._view(tx, row[1], row[0], now)

        return await self._tx(fn)
