"""Operations a patient (or the bot on their behalf) performs on their tickets."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from . import errors
from .notices import add_notice, alert_staff, ticket_payload
from .policy import derive_conditions, level_for
from .rows import TICKET_COLUMNS, TicketRow, latest_visit, ticket_by_id, update_ticket, update_visit
from .service_base import FINAL, ServiceBase, TicketView
from .sql import INTEGRITY_ERRORS, Sql

TICKET_INSERT = (
    "INSERT INTO tickets (day, service, seq, number, patient_id, user_id, level, conditions, age, route, status, phase, "
    "created_at, updated_at) VALUES (:day, :service, :seq, :number, :patient_id, :user_id, :level, :conditions, :age, "
    ":route, 'waiting', :phase, :now, :now) RETURNING id"
)

ISSUED = "issued"  # outbox kind of the ticket message (rendered by handlers/ticket_notice.py)


class PatientOperations(ServiceBase):
    # ------------------------------------------------------------------ patients' side

    async def issue(
        self,
        *,
        service: str,
        user_id: int | None,
        patient_id: int | None = None,
        conditions: Iterable[str] = (),
        age: int | None = None,
    ) -> TicketView:
        """Take a ticket: opening hours and quota checked, number = prefix + daily sequence."""
        svc = self.settings.services.get(service)
        if svc is None:
            raise errors.UnknownService(service=service, known=sorted(self.settings.services))
        derived = derive_conditions(conditions, age, self.settings.conditions)
        level = level_for(derived, self.settings.conditions, self.settings.default_level)

        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            day = now.date()
            if day in self.settings.clinic.holidays or not svc.hours.is_open(now):
                raise errors.ServiceClosed(service=service, hours=svc.hours.describe(), holiday=day in self.settings.clinic.holidays)
            if patient_id is not None:
                await self._expire_or_refuse_existing(sql, patient_id, service, now)
            seq = await self._next_seq(sql, day, service)
            if seq > svc.daily_quota:
                raise errors.QuotaFull(service=service, quota=svc.daily_quota)
            ticket = TicketRow(0, day, service, f"{svc.prefix}-{seq:03d}", patient_id, user_id, level,
                               "+".join(derived), age, ",".join(svc.route), "waiting", svc.route[0])
            try:
                ticket.id = await sql.scalar(TICKET_INSERT, {
                    "day": day, "service": service, "seq": seq, "number": ticket.number, "patient_id": patient_id,
                    "user_id": user_id, "level": level, "conditions": ticket.conditions, "age": age,
                    "route": ticket.route, "phase": ticket.phase, "now": now})
            except INTEGRITY_ERRORS:
                raise errors.AlreadyHasTicket(service=service) from None
            visit = await self._new_visit(sql, ticket, svc.route[0], now)
            if level == 0:
                await alert_staff(sql, self.settings, "staff_emergency", now, ticket_payload(ticket, conditions=derived), ticket.id)
            view = await self._view(sql, ticket, visit, now)
            near = await self._after_change(sql, visit.phase, [service], now, entered=ticket.id)
            # the ticket message itself goes through the outbox, so a crash after this commit cannot
            # lose it; near the head already, it says so itself
            await add_notice(sql, user_id, ISSUED, now, ticket_payload(
                ticket, ticket_id=ticket.id, patient_id=patient_id, phase=view.phase, position=view.position,
                minutes=view.estimate_minutes, day=day.isoformat(), issued_at=now.isoformat(timespec="seconds"),
                near=near,
            ), ticket.id)
            return view

        return await self._tx(fn)

    async def _expire_or_refuse_existing(self, sql: Sql, patient_id: int, service: str, now: dt.datetime) -> None:
        row = await sql.one(
            f"SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.patient_id = :patient_id AND t.service = :service "
            "AND t.status NOT IN ('done', 'cancelled')", {"patient_id": patient_id, "service": service})
        if row is None:
            return
        existing = TicketRow.of(row)
        visit = await latest_visit(sql, existing.id)
        grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
        stale_day = existing.day < now.date()
        expired_skip = existing.status == "skipped" and visit is not None and visit.skipped_at and now - visit.skipped_at > grace
        if stale_day or expired_skip:
            await update_ticket(sql, existing, now, status="cancelled", cancel_reason="expired")
            return
        raise errors.AlreadyHasTicket(service=service, number=existing.number, ticket_id=existing.id)

    async def _next_seq(self, sql: Sql, day: dt.date, service: str) -> int:
        """Bump the day's counter in this transaction: a rollback un-issues the number, leaving no gap."""
        return int(await sql.scalar(
            "INSERT INTO daily_counters (day, service, last_seq) VALUES (:day, :service, 1) "
            "ON CONFLICT (day, service) DO UPDATE SET last_seq = daily_counters.last_seq + 1 RETURNING last_seq",
            {"day": day, "service": service}))

    async def view(self, ticket_id: int) -> TicketView:
        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(sql, ticket_id)
            return await self._view(sql, ticket, await latest_visit(sql, ticket_id), now)

        return await self._tx(fn)

    async def tickets_of_user(self, user_id: int, active_only: bool = True) -> list[TicketView]:
        async def fn(sql: Sql, now: dt.datetime) -> list[TicketView]:
            rows = await sql.all(
                f"SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.user_id = :user_id AND t.day = :day"
                + (" AND t.status NOT IN ('done', 'cancelled')" if active_only else "") + " ORDER BY t.id",
                {"user_id": user_id, "day": now.date()})
            tickets = [TicketRow.of(r) for r in rows]
            return [await self._view(sql, t, await latest_visit(sql, t.id), now) for t in tickets]

        return await self._tx(fn)

    async def find(self, number: str, day: dt.date | None = None) -> TicketView:
        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            row = await sql.one(f"SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.number = :number AND t.day = :day",
                                {"number": number.upper(), "day": day or now.date()})
            if row is None:
                raise errors.TicketNotFound(number=number)
            ticket = TicketRow.of(row)
            return await self._view(sql, ticket, await latest_visit(sql, ticket.id), now)

        return await self._tx(fn)

    async def cancel(self, ticket_id: int, *, by: str = "patient", reason: str = "patient") -> TicketView:
        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(sql, ticket_id, lock=True)
            if ticket.status in FINAL:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="cancel")
            visit = await latest_visit(sql, ticket_id, lock=True)
            await update_ticket(sql, ticket, now, status="cancelled", cancel_reason=reason)
            if visit is not None:
                await update_visit(sql, visit, status="cancelled", cancelled_at=now)
            if by != "patient":
                await add_notice(sql, ticket.user_id, "cancelled", now, ticket_payload(ticket, reason=reason), ticket.id)
            if visit is not None:
                await self._after_change(sql, visit.phase, [visit.service], now)
            return await self._view(sql, ticket, visit, now)

        return await self._tx(fn)

    async def rejoin(self, ticket_id: int) -> TicketView:
        """A skipped patient who turns up within the grace period joins the back of their level."""
        async def fn(sql: Sql, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(sql, ticket_id, lock=True)
            visit = await latest_visit(sql, ticket_id, lock=True)
            if ticket.status != "skipped" or visit is None or visit.status != "skipped":
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="rejoin")
            grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
            if now - visit.skipped_at > grace or ticket.day != now.date():
                raise errors.RejoinExpired(number=ticket.number, grace_minutes=grace.total_seconds() / 60)
            new = await self._new_visit(sql, ticket, visit.phase, now, service=visit.service)
            await update_ticket(sql, ticket, now, status="waiting")
            await self._after_change(sql, new.phase, [new.service], now)
            return await self._view(sql, ticket, new, now)

        return await self._tx(fn)
