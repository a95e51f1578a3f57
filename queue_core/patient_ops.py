"""Operations a patient (or the bot on their behalf) performs on their tickets."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from . import errors
from .models import DailyCounter, Ticket
from .notices import add_notice, alert_staff, ticket_payload
from .policy import derive_conditions, level_for
from .service_base import FINAL, ServiceBase, TicketView

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

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            day = now.date()
            if day in self.settings.clinic.holidays or not svc.hours.is_open(now):
                raise errors.ServiceClosed(service=service, hours=svc.hours.describe(), holiday=day in self.settings.clinic.holidays)
            if patient_id is not None:
                await self._expire_or_refuse_existing(session, patient_id, service, now)
            seq = await self._next_seq(session, day, service)
            if seq > svc.daily_quota:
                raise errors.QuotaFull(service=service, quota=svc.daily_quota)
            ticket = Ticket(
                day=day, service=service, seq=seq, number=f"{svc.prefix}-{seq:03d}",
                patient_id=patient_id, user_id=user_id, level=level, conditions="+".join(derived),
                age=age, route=",".join(svc.route), status="waiting", phase=svc.route[0],
                created_at=now, updated_at=now,
            )
            visit = self._new_visit(ticket, svc.route[0], now)
            session.add_all([ticket, visit])
            try:
                await session.flush()
            except IntegrityError:
                raise errors.AlreadyHasTicket(service=service) from None
            if level == 0:
                await alert_staff(session, self.settings, "staff_emergency", now, ticket_payload(ticket, conditions=derived), ticket.id)
            view = await self._view(session, ticket, visit, now)
            # the ticket message itself goes through the outbox, so a crash after this commit cannot
            # lose it; written before turn-near so the patient reads the ticket first
            add_notice(session, user_id, ISSUED, now, ticket_payload(
                ticket, ticket_id=ticket.id, patient_id=patient_id, phase=view.phase, position=view.position,
                minutes=view.estimate_minutes, day=day.isoformat(), issued_at=now.isoformat(timespec="seconds"),
            ), ticket.id)
            await self._after_change(session, visit.phase, [service], now)
            return view

        return await self._tx(fn)

    async def _expire_or_refuse_existing(self, session: AsyncSession, patient_id: int, service: str, now: dt.datetime) -> None:
        existing = await session.scalar(
            select(Ticket).where(Ticket.patient_id == patient_id, Ticket.service == service, Ticket.status.not_in(FINAL))
        )
        if existing is None:
            return
        visit = await self._latest_visit(session, existing.id)
        grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
        stale_day = existing.day < now.date()
        expired_skip = existing.status == "skipped" and visit is not None and visit.skipped_at and now - visit.skipped_at > grace
        if stale_day or expired_skip:
            existing.status, existing.cancel_reason, existing.updated_at = "cancelled", "expired", now
            return
        raise errors.AlreadyHasTicket(service=service, number=existing.number, ticket_id=existing.id)

    async def _next_seq(self, session: AsyncSession, day: dt.date, service: str) -> int:
        """Bump the day's counter in this transaction: a rollback un-issues the number, leaving no gap."""
        dialect = session.bind.dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = insert(DailyCounter).values(day=day, service=service, last_seq=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[DailyCounter.day, DailyCounter.service],
            set_={"last_seq": DailyCounter.last_seq + 1},
        ).returning(DailyCounter.last_seq)
        return int(await session.scalar(stmt))

    async def view(self, ticket_id: int) -> TicketView:
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id)
            return await self._view(session, ticket, await self._latest_visit(session, ticket_id), now)

        return await self._tx(fn)

    async def tickets_of_user(self, user_id: int, active_only: bool = True) -> list[TicketView]:
        async def fn(session: AsyncSession, now: dt.datetime) -> list[TicketView]:
            stmt = select(Ticket).where(Ticket.user_id == user_id, Ticket.day == now.date()).order_by(Ticket.id)
            if active_only:
                stmt = stmt.where(Ticket.status.not_in(FINAL))
            return [await self._view(session, t, await self._latest_visit(session, t.id), now) for t in await session.scalars(stmt)]

        return await self._tx(fn)

    async def find(self, number: str, day: dt.date | None = None) -> TicketView:
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await session.scalar(select(Ticket).where(Ticket.number == number.upper(), Ticket.day == (day or now.date())))
            if ticket is None:
                raise errors.TicketNotFound(number=number)
            return await self._view(session, ticket, await self._latest_visit(session, ticket.id), now)

        return await self._tx(fn)

    async def cancel(self, ticket_id: int, *, by: str = "patient", reason: str = "patient") -> TicketView:
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id, lock=True)
            if ticket.status in FINAL:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="cancel")
            visit = await self._latest_visit(session, ticket_id, lock=True)
            ticket.status, ticket.cancel_reason, ticket.updated_at = "cancelled", reason, now
            if visit is not None:
                visit.status, visit.cancelled_at = "cancelled", now
            if by != "patient":
                add_notice(session, ticket.user_id, "cancelled", now, ticket_payload(ticket, reason=reason), ticket.id)
            if visit is not None:
                await self._after_change(session, visit.phase, [visit.service], now)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def rejoin(self, ticket_id: int) -> TicketView:
        """A skipped patient who turns up within the grace period joins the back of their level."""
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id, lock=True)
            visit = await self._latest_visit(session, ticket_id, lock=True)
            if ticket.status != "skipped" or visit is None or visit.status != "skipped":
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="rejoin")
            grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
            if now - visit.skipped_at > grace or ticket.day != now.date():
                raise errors.RejoinExpired(number=ticket.number, grace_minutes=grace.total_seconds() / 60)
            new = self._new_visit(ticket, visit.phase, now)
            new.service = visit.service
            session.add(new)
            ticket.status, ticket.updated_at = "waiting", now
            await session.flush()
            await self._after_change(session, new.phase, [new.service], now)
            return await self._view(session, ticket, new, now)

        return await self._tx(fn)

