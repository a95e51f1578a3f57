"""Operations staff perform at a channel, and the read side for staff, the board and the predictor."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from . import errors
from .models import Ticket, Visit
from .notices import add_notice, ticket_payload
from .queries import QUEUE_ORDER, build_snapshot, current_at_channel, scope_services, waiting_in_scope
from .service_base import FINAL, ServiceBase, TicketView
from .snapshot import QueueSnapshot


class StaffOperations(ServiceBase):
    # ------------------------------------------------------------------ staff side

    async def call_next(self, channel_name: str) -> TicketView | None:
        """Call the next patient for a channel; None when nobody waits. Atomic across processes."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView | None:
            state = await self._lock_channel(session, channel)
            if state.paused:
                raise errors.ChannelPaused(channel=channel.name)
            busy = await current_at_channel(session, channel.name)
            if busy is not None:
                raise errors.ChannelBusy(channel=channel.name, number=busy[1].number)
            visit = await session.scalar(
                select(Visit)
                .where(waiting_in_scope(channel.phase, channel.services))
                .order_by(*QUEUE_ORDER)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if visit is None:
                return None
            ticket = await self._ticket(session, visit.ticket_id, lock=True)
            visit.status, visit.channel, visit.called_at = "called", channel.name, now
            ticket.status, ticket.phase, ticket.updated_at = "called", visit.phase, now
            add_notice(session, ticket.user_id, "called", now, ticket_payload(ticket, phase=visit.phase, channel=channel.name), ticket.id)
            await session.flush()
            await self._after_change(session, channel.phase, channel.services, now)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def recall(self, channel_name: str) -> TicketView:
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            visit.recalls += 1
            add_notice(session, ticket.user_id, "called", now, ticket_payload(ticket, phase=visit.phase, channel=channel.name, recall=visit.recalls), ticket.id)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def start(self, channel_name: str) -> TicketView:
        """The called patient arrived: service starts (optional; finish assumes it otherwise)."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            if visit.status != "called":
                raise errors.InvalidTransition(number=ticket.number, status=visit.status, action="start")
            visit.status, visit.started_at = "serving", now
            ticket.status, ticket.updated_at = "serving", now
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def finish(self, channel_name: str) -> TicketView:
        """Service ends: on to the next phase of the route (same number and level), or done."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            visit.status, visit.finished_at = "done", now
            visit.started_at = visit.started_at or visit.called_at
            route = ticket.route_list
            following = route[route.index(visit.phase) + 1:] if visit.phase in route else []
            ticket.updated_at = now
            if not following:
                ticket.status = "done"
                add_notice(session, ticket.user_id, "finished", now, ticket_payload(ticket), ticket.id)
                return await self._view(session, ticket, None, now)
            new = self._new_visit(ticket, following[0], now)
            session.add(new)
            ticket.status, ticket.phase = "waiting", new.phase
            await session.flush()
            view = await self._view(session, ticket, new, now)
            add_notice(
                session, ticket.user_id, "next_phase", now,
                ticket_payload(ticket, phase=new.phase, position=view.position,
                               minutes=None if view.estimate_minutes is None else round(view.estimate_minutes)),
                ticket.id,
            )
            await self._after_change(session, new.phase, [new.service], now)
            return view

        return await self._tx(fn)

    async def skip(self, channel_name: str) -> TicketView:
        """Called but did not come: may rejoin within the grace period."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            visit.status, visit.skipped_at = "skipped", now
            ticket.status, ticket.updated_at = "skipped", now
            add_notice(
                session, ticket.user_id, "skipped", now,
                ticket_payload(ticket, phase=visit.phase, ticket_id=ticket.id,
                               grace_minutes=self.settings.notifications.skip_grace_minutes),
                ticket.id,
            )
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def transfer(self, ticket_id: int, to_service: str) -> TicketView:
        """Send a ticket to another service's poli (keeps number and level)."""
        svc = self.settings.services.get(to_service)
        if svc is None:
            raise errors.UnknownService(service=to_service, known=sorted(self.settings.services))

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id, lock=True)
            if ticket.status in FINAL or ticket.service == to_service:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="transfer")
            visit = await self._latest_visit(session, ticket_id, lock=True)
            if visit is not None and visit.status in ("called", "serving"):
                visit.status, visit.finished_at = "done", now
                visit.started_at = visit.started_at or visit.called_at
            elif visit is not None and visit.status in ("waiting", "skipped"):
                visit.status, visit.cancelled_at = "cancelled", now
            old_phase, old_service = (visit.phase, visit.service) if visit else (None, None)
            ticket.service, ticket.route, ticket.updated_at = to_service, ",".join(svc.route), now
            phase = "poli" if "poli" in svc.route else svc.route[0]
            new = self._new_visit(ticket, phase, now)
            session.add(new)
            ticket.status, ticket.phase = "waiting", phase
            try:
                await session.flush()
            except IntegrityError:
                raise errors.AlreadyHasTicket(service=to_service) from None
            view = await self._view(session, ticket, new, now)
            add_notice(session, ticket.user_id, "transferred", now,
                       ticket_payload(ticket, phase=phase, position=view.position), ticket.id)
            if old_phase:
                await self._after_change(session, old_phase, [old_service], now)
            await self._after_change(session, phase, [to_service], now)
            return view

        return await self._tx(fn)

    async def set_paused(self, channel_name: str, paused: bool) -> None:
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> None:
            state = await self._lock_channel(session, channel)
            state.paused, state.updated_at = paused, now
            if not paused:
                await self._after_change(session, channel.phase, channel.services, now)

        await self._tx(fn)

    async def close_day(self, day: dt.date | None = None) -> int:
        """End of the day: every unfinished ticket is cancelled and its holder told."""
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            target = day or now.date()
            tickets = list(await session.scalars(select(Ticket).where(Ticket.day == target, Ticket.status.not_in(FINAL))))
            for t in tickets:
                was_skipped = t.status == "skipped"
                t.status, t.cancel_reason, t.updated_at = "cancelled", "day_closed", now
                if not was_skipped:
                    add_notice(session, t.user_id, "cancelled", now, ticket_payload(t, reason="day_closed"), t.id)
            if tickets:
                await session.execute(
                    update(Visit)
                    .where(Visit.ticket_id.in_([t.id for t in tickets]), Visit.status.in_(("waiting", "called", "serving")))
                    .values(status="cancelled", cancelled_at=now)
                )
            return len(tickets)

        return await self._tx(fn)

    # ------------------------------------------------------------------ read side for staff/board/predictor

    async def snapshot(self, phase: str, service: str) -> QueueSnapshot:
        async def fn(session: AsyncSession, now: dt.datetime) -> QueueSnapshot:
            return await build_snapshot(session, self.settings, phase, service, now)

        return await self._tx(fn)

    async def current(self, channel_name: str) -> TicketView | None:
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView | None:
            row = await current_at_channel(session, channel.name)
            return None if row is None else await self._view(session, row[1], row[0], now)

        return await self._tx(fn)

    async def waiting_count(self, phase: str, service: str) -> int:
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            return int(await session.scalar(
                select(func.count()).select_from(Visit).where(waiting_in_scope(phase, scope_services(self.settings, phase, service)))
            ) or 0)

        return await self._tx(fn)
