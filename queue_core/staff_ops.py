"""Operations staff perform at a channel, and the read side for staff, the board and the predictor."""
from __future__ import annotations

import datetime as dt

from . import errors
from .notices import add_notice, ticket_payload
from .queries import build_snapshot, scope_filter, scope_services
from .rows import (TICKET_COLUMNS, VISIT_COLUMNS, TicketRow, VisitRow, current_at_channel, latest_visit, ticket_by_id,
                   update_ticket, update_visit)
from .service_base import FINAL, ServiceBase, TicketView
from .snapshot import QueueSnapshot
from .sql import INTEGRITY_ERRORS, Sql


class StaffOperations(ServiceBase):
    # ------------------------------------------------------------------ staff side

    async def call_next(self, channel_name: str) -> TicketView | None:
        """Call the next patient for a channel; None when nobody waits. Atomic across processes."""
        channel = self._channel(channel_name)
        scope, scope_params = scope_filter(self.settings, channel.services, "v.service")

        async def fn(sql: Sql, now: dt.datetime) -> TicketView | None:
            if await self._lock_channel(sql, channel):
                raise errors.ChannelPaused(channel=channel.name)
            busy = await current_at_channel(sql, channel.name)
            if busy is not None:
                raise errors.ChannelBusy(channel=channel.name, number=busy[1].number)
            head = await sql.one(
                f"SELECT {VISIT_COLUMNS} FROM visits v WHERE v.phase = :phase AND v.status = 'waiting'"
                + scope + " ORDER BY v.rank, v.effective_at, v.entered_at, v.id LIMIT 1" + sql.lock(skip=True),
                {**scope_params, "phase": channel.phase},
            )
            if head is None:
                return None
            visit = VisitRow.of(head)
            ticket = await ticket_by_id(sql, visit.ticket_id, lock=True)
            await update_visit(sql, visit, status="called", channel=channel.name, called_at=now)
            await update_ticket(sql, ticket, now, status="called", phase=visit.phase)
            await add_notice(sql, ticket.user_id, "called", now, ticket_payload(ticket, phase=visit.phase, channel=channel.name), ticket.id)
            await self._after_change(sql, channel.phase, channel.services, now)
            return await self._view(sql, ticket, visit, now)

        return await self._tx(fn)

    async def recall(self, channel_name: str) -> TicketView:
        channel = self._channel(channel_name)

        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(sql, channel)
            await update_visit(sql, visit, recalls=visit.recalls + 1)
            await add_notice(sql, ticket.user_id, "called", now,
                             ticket_payload(ticket, phase=visit.phase, channel=channel.name, recall=visit.recalls), ticket.id)
            return await self._view(sql, ticket, visit, now)

        return await self._tx(fn)

    async def start(self, channel_name: str) -> TicketView:
        """The called patient arrived: service starts (optional; finish assumes it otherwise)."""
        channel = self._channel(channel_name)

        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(sql, channel)
            if visit.status != "called":
                raise errors.InvalidTransition(number=ticket.number, status=visit.status, action="start")
            await update_visit(sql, visit, status="serving", started_at=now)
            await update_ticket(sql, ticket, now, status="serving")
            return await self._view(sql, ticket, visit, now)

        return await self._tx(fn)

    async def finish(self, channel_name: str) -> TicketView:
        """Service ends: on to the next phase of the route (same number and level), or done."""
        channel = self._channel(channel_name)

        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(sql, channel)
            await update_visit(sql, visit, status="done", finished_at=now, started_at=visit.started_at or visit.called_at)
            route = ticket.route_list
            following = route[route.index(visit.phase) + 1:] if visit.phase in route else []
            if not following:
                await update_ticket(sql, ticket, now, status="done")
                await add_notice(sql, ticket.user_id, "finished", now, ticket_payload(ticket), ticket.id)
                return await self._view(sql, ticket, None, now)
            new = await self._new_visit(sql, ticket, following[0], now)
            await update_ticket(sql, ticket, now, status="waiting", phase=new.phase)
            view = await self._view(sql, ticket, new, now)
            near = await self._after_change(sql, new.phase, [new.service], now, entered=ticket.id)
            await add_notice(
                sql, ticket.user_id, "next_phase", now,
                ticket_payload(ticket, phase=new.phase, position=view.position, near=near,
                               minutes=None if view.estimate_minutes is None else round(view.estimate_minutes)),
                ticket.id,
            )
            return view

        return await self._tx(fn)

    async def skip(self, channel_name: str) -> TicketView:
        """Called but did not come: may rejoin within the grace period."""
        channel = self._channel(channel_name)

        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(sql, channel)
            await update_visit(sql, visit, status="skipped", skipped_at=now)
            await update_ticket(sql, ticket, now, status="skipped")
            await add_notice(
                sql, ticket.user_id, "skipped", now,
                ticket_payload(ticket, phase=visit.phase, ticket_id=ticket.id,
                               grace_minutes=self.settings.notifications.skip_grace_minutes),
                ticket.id,
            )
            return await self._view(sql, ticket, visit, now)

        return await self._tx(fn)

    async def transfer(self, ticket_id: int, to_service: str) -> TicketView:
        """Send a ticket to another service's poli (keeps number and level)."""
        svc = self.settings.services.get(to_service)
        if svc is None:
            raise errors.UnknownService(service=to_service, known=sorted(self.settings.services))

        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(sql, ticket_id, lock=True)
            if ticket.status in FINAL or ticket.service == to_service:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="transfer")
            visit = await latest_visit(sql, ticket_id, lock=True)
            if visit is not None and visit.status in ("called", "serving"):
                await update_visit(sql, visit, status="done", finished_at=now, started_at=visit.started_at or visit.called_at)
            elif visit is not None and visit.status in ("waiting", "skipped"):
                await update_visit(sql, visit, status="cancelled", cancelled_at=now)
            old_phase, old_service = (visit.phase, visit.service) if visit else (None, None)
            phase = "poli" if "poli" in svc.route else svc.route[0]
            try:
                await update_ticket(sql, ticket, now, service=to_service, route=",".join(svc.route), status="waiting", phase=phase)
            except INTEGRITY_ERRORS:
                raise errors.AlreadyHasTicket(service=to_service) from None
            new = await self._new_visit(sql, ticket, phase, now)
            view = await self._view(sql, ticket, new, now)
            await add_notice(sql, ticket.user_id, "transferred", now,
                             ticket_payload(ticket, phase=phase, position=view.position), ticket.id)
            if old_phase:
                await self._after_change(sql, old_phase, [old_service], now)
            await self._after_change(sql, phase, [to_service], now)
            return view

        return await self._tx(fn)

    async def set_paused(self, channel_name: str, paused: bool) -> None:
        channel = self._channel(channel_name)

        async def fn(sql: Sql, now: dt.datetime) -> None:
            await self._lock_channel(sql, channel)
            await sql.run("UPDATE channel_states SET paused = :paused, updated_at = :now WHERE name = :name",
                          {"paused": paused, "now": now, "name": channel.name})
            if not paused:
                await self._after_change(sql, channel.phase, channel.services, now)

        await self._tx(fn)

    async def close_day(self, day: dt.date | None = None) -> int:
        """End of the day: every unfinished ticket is cancelled and its holder told."""
        async def fn(sql: Sql, now: dt.datetime) -> int:
            target = day or now.date()
            tickets = [TicketRow.of(r) for r in await sql.all(
                f"SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.day = :day AND t.status NOT IN ('done', 'cancelled')"
                + sql.lock(), {"day": target})]
            for t in tickets:
                if t.status != "skipped":
                    await add_notice(sql, t.user_id, "cancelled", now, ticket_payload(t, reason="day_closed"), t.id)
            if tickets:
                await sql.run(
                    "UPDATE tickets SET status = 'cancelled', cancel_reason = 'day_closed', updated_at = :now "
                    "WHERE day = :day AND status NOT IN ('done', 'cancelled')", {"now": now, "day": target})
                await sql.run(
                    "UPDATE visits SET status = 'cancelled', cancelled_at = :now WHERE status IN ('waiting', 'called', 'serving') "
                    "AND ticket_id IN (SELECT id FROM tickets WHERE day = :day AND cancel_reason = 'day_closed')",
                    {"now": now, "day": target})
            return len(tickets)

        return await self._tx(fn)

    # ------------------------------------------------------------------ read side for staff/board/predictor

    async def snapshot(self, phase: str, service: str) -> QueueSnapshot:
        async def fn(sql: Sql, now: dt.datetime) -> QueueSnapshot:
            return await build_snapshot(sql, self.settings, phase, service, now)

        return await self._tx(fn)

    async def current(self, channel_name: str) -> TicketView | None:
        channel = self._channel(channel_name)

        async def fn(sql: Sql, now: dt.datetime) -> TicketView | None:
            row = await current_at_channel(sql, channel.name)
            return None if row is None else await self._view(sql, row[1], row[0], now)

        return await self._tx(fn)

    async def waiting_count(self, phase: str, service: str) -> int:
        scope, params = scope_filter(self.settings, scope_services(self.settings, phase, service))

        async def fn(sql: Sql, now: dt.datetime) -> int:
            return int(await sql.scalar(
                "SELECT count(*) FROM visits WHERE phase = :phase AND status = 'waiting'" + scope,
                {**params, "phase": phase}) or 0)

        return await self._tx(fn)
