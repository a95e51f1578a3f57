"""Operations a patient (or the bot on their behalf) performs on their tickets."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import or_, select

from . import errors
from .booking_days import check_doctor, doctor_payload
from .clinic_data import closure_for
from .intake import closed_reason, hours_today, quota_reached, return_to_quota
from .leave import leave_on_issue
from .notices import alert_staff
from .outbox import add_notice, ticket_payload
from .policy import derive_conditions, level_for
from .rows import TICKET_COLUMNS, TicketRow, latest_visit, ticket_by_id, update_ticket, update_visit
from .service_base import FINAL, ServiceBase, TicketView
from .tx import ADD_TO_DAY_COUNTER, INTEGRITY_ERRORS, Tx, tickets

ISSUED = "issued"  # outbox kind of the ticket message (rendered by handlers/ticket_notice.py)
INSERT_TICKET = tickets.insert().returning(tickets.c.id)


class PatientOperations(ServiceBase):
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

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            return await self._issue_now(tx, now, service, user_id, patient_id, derived, level, age)

        return await self._tx(fn)

    async def _issue_now(self, tx: Tx, now: dt.datetime, service: str, user_id: int | None, patient_id: int | None,
                         derived: list[str], level: int, age: int | None, doctor: int | None = None) -> TicketView:
        """A number for today while the service is open: it enters its first queue at once."""
        svc = self.settings.services[service]
        day = now.date()
        closed = closed_reason(self.settings, svc, now)
        closure = await closure_for(tx, day, service)  # an admin's closure of today counts at once
        if closed or closure is not None:
            raise errors.ServiceClosed(service=service, hours=svc.hours.describe(), holiday=closed == "holiday",
                                       closure=closure, hours_today=hours_today(svc, day))
        if patient_id is not None:
            await self._expire_or_refuse_existing(tx, patient_id, service, now, day)
        seq, returned = await self._next_seq(tx, day, service)
        if quota_reached(svc, seq - returned - 1):
            raise errors.QuotaFull(service=service, quota=svc.daily_quota)
        if doctor is not None:  # after the counter's bump: its row lock orders the day's issuing
            await check_doctor(tx, self.settings, service, day, doctor)
        ticket = TicketRow(0, day, service, f"{svc.prefix}-{seq:03d}", patient_id, user_id, level,
                           "+".join(derived), age, ",".join(svc.route), "waiting", svc.route[0])
        try:
            ticket.id = await tx.scalar(INSERT_TICKET, dict(
                day=day, service=service, seq=seq, number=ticket.number, patient_id=patient_id, user_id=user_id,
                level=level, conditions=ticket.conditions, age=age, route=ticket.route, status="waiting",
                phase=ticket.phase, created_at=now, updated_at=now, doctor_id=doctor))
        except INTEGRITY_ERRORS:
            raise errors.AlreadyHasTicket(service=service) from None
        visit = await self._new_visit(tx, ticket, svc.route[0], now)
        if level == 0:
            await alert_staff(tx, self.settings, "staff_emergency", now, ticket_payload(ticket, conditions=derived), ticket.id)
        view = await self._view(tx, ticket, visit, now)
        near = await self._after_change(tx, visit.phase, [service], now, entered=ticket.id)
        trip, leave_now = await leave_on_issue(tx, self.settings, ticket, view.advice, now)
        # the ticket message itself goes through the outbox, so a crash after this commit cannot
        # lose it; near the head already, it says so itself
        await add_notice(tx, user_id, ISSUED, now, ticket_payload(
            ticket, ticket_id=ticket.id, patient_id=patient_id, phase=view.phase, position=view.position,
            minutes=view.estimate_minutes, day=day.isoformat(), issued_at=now.isoformat(timespec="seconds"),
            near=near, advice=view.advice.as_payload() if view.advice else None, trip=trip, leave_now=leave_now,
            **await doctor_payload(tx, self.settings, service, day, doctor)), ticket.id)
        return view

    async def _expire_or_refuse_existing(self, tx: Tx, patient_id: int, service: str, now: dt.datetime,
                                         day: dt.date) -> None:
        """One active ticket per patient per service per day: the patient's ticket of `day` refuses
        a second one, unless it is a skipped ticket past its grace; tickets of past days expire."""
        rows = await tx.all(select(*TICKET_COLUMNS).where(
            tickets.c.patient_id == patient_id, tickets.c.service == service, tickets.c.status.not_in(FINAL),
            or_(tickets.c.day == day, tickets.c.day < now.date())))
        grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
        for row in rows:
            existing = TicketRow.of(row)
            visit = await latest_visit(tx, existing.id)
            stale_day = existing.day < now.date()
            expired_skip = (existing.status == "skipped" and visit is not None and visit.skipped_at
                            and now - visit.skipped_at > grace)
            if stale_day or expired_skip:
                await update_ticket(tx, existing, now, status="cancelled", cancel_reason="expired")
                continue
            raise errors.AlreadyHasTicket(service=service, number=existing.number, ticket_id=existing.id,
                                          day=existing.day.isoformat())

    async def _next_seq(self, tx: Tx, day: dt.date, service: str) -> tuple[int, int]:
        """Bump the day's counter in this transaction: a rollback un-issues the number, leaving no gap.
        Returns the new sequence and how many of the day's tickets were cancelled (back in the quota)."""
        row = await tx.one(ADD_TO_DAY_COUNTER[tx.pg], {"day": day, "service": service, "last_seq": 1})
        assert row is not None  # an upsert returns its row
        return int(row[0]), int(row[1] or 0)

    async def view(self, ticket_id: int) -> TicketView:
        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(tx, ticket_id)
            return await self._view(tx, ticket, await latest_visit(tx, ticket_id), now)

        return await self._tx(fn)

    async def tickets_of_user(self, user_id: int, active_only: bool = True) -> list[TicketView]:
        async def fn(tx: Tx, now: dt.datetime) -> list[TicketView]:
            # today's tickets and the ones booked for a later day
            statement = select(*TICKET_COLUMNS).where(tickets.c.user_id == user_id, tickets.c.day >= now.date())
            if active_only:
                statement = statement.where(tickets.c.status.not_in(FINAL))
            found = [TicketRow.of(r) for r in await tx.all(statement.order_by(tickets.c.day, tickets.c.id))]
            return [await self._view(tx, t, await latest_visit(tx, t.id), now) for t in found]

        return await self._tx(fn)

    async def find(self, number: str, day: dt.date | None = None) -> TicketView:
        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            row = await tx.one(select(*TICKET_COLUMNS).where(
                tickets.c.number == number.upper(), tickets.c.day == (day or now.date())))
            if row is None:
                raise errors.TicketNotFound(number=number)
            ticket = TicketRow.of(row)
            return await self._view(tx, ticket, await latest_visit(tx, ticket.id), now)

        return await self._tx(fn)

    async def cancel(self, ticket_id: int, *, by: str = "patient", reason: str = "patient",
                     note: str | None = None) -> TicketView:
        """Cancel an unfinished ticket; its place goes back to the day's quota. Staff cancellations
        tell the holder, with `note` (the staff's own words) when given."""
        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(tx, ticket_id, lock=True)
            if ticket.status in FINAL:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="cancel")
            visit = await latest_visit(tx, ticket_id, lock=True)
            await update_ticket(tx, ticket, now, status="cancelled", cancel_reason=reason)
            if visit is not None:
                await update_visit(tx, visit, status="cancelled", cancelled_at=now)
            await return_to_quota(tx, self.settings, ticket)
            if by != "patient":
                extra = {"note": note} if note else {}
                await add_notice(tx, ticket.user_id, "cancelled", now, ticket_payload(ticket, reason=reason, **extra),
                                 ticket.id)
            if visit is not None:
                await self._after_change(tx, visit.phase, [visit.service], now)
            return await self._view(tx, ticket, visit, now)

        return await self._tx(fn)

    async def rejoin(self, ticket_id: int) -> TicketView:
        """A skipped patient who turns up within the grace period joins the back of their level."""
        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(tx, ticket_id, lock=True)
            visit = await latest_visit(tx, ticket_id, lock=True)
            return await self._rejoin(tx, ticket, visit, now)

        return await self._tx(fn)

    async def _rejoin(self, tx: Tx, ticket: TicketRow, visit, now: dt.datetime) -> TicketView:
        if ticket.status != "skipped" or visit is None or visit.status != "skipped":
            raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="rejoin")
        grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
        if now - visit.skipped_at > grace or ticket.day != now.date():
            raise errors.RejoinExpired(number=ticket.number, grace_minutes=grace.total_seconds() / 60)
        new = await self._new_visit(tx, ticket, visit.phase, now, service=visit.service)
        await update_ticket(tx, ticket, now, status="waiting")
        await self._after_change(tx, new.phase, [new.service], now)
        return await self._view(tx, ticket, new, now)
