"""Booking ahead: a number for a later open day (or for today before the poli opens), with a doctor
when the patient chooses one. The rules (docs/queue_core.md "Booking ahead"):

- a booked ticket takes its number and a place of that day's quota at once (the day's counter,
  as a walk-in's), and the chosen doctor's schedule quota when it has one; cancelling gives both
  back; one active ticket per patient per service per day;
- it waits as status "booked", in no queue, until its holder checks in on the day (the kiosk or
  counter, or the chat's "Saya sudah tiba"): within `booking.checkin_minutes` of the session's
  start it enters the first queue as if it had come when the session started (ahead of walk-ins
  of its level who came later); later, at the end of its level (queue_core/booking_duties.py).
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import select

from . import errors
from .booking_advice import booked_advice
from .booking_days import (
    DayPlan,
    DoctorNotAvailable,
    bookable,
    check_doctor,
    checkin_deadline,
    day_plans,
    days_ahead,
    doctor_payload,
)
from .booking_duties import run_duties
from .doctor_rooms import DoctorPlace, doctor_places
from .outbox import add_notice, ticket_payload
from .patient_ops import ISSUED, PatientOperations
from .policy import derive_conditions, level_for
from .rows import BOOKED, TICKET_COLUMNS, TicketRow, insert_visit, ticket_by_id, update_ticket
from .service_base import TicketView
from .tx import INTEGRITY_ERRORS, Tx, tickets


class DayOutOfRange(errors.QueueError):
    """A booking for a day before today or further ahead than `booking.days_ahead`."""

    code = "day_out_of_range"


class NotBookedDay(errors.QueueError):
    """A booked ticket checked in on another day than its own."""

    code = "not_booked_day"


class BookingOperations(PatientOperations):
    async def booking_duties(self) -> dict[str, int]:
        """Reminders and check-in windows of booked tickets that fell due (queue_core/booking_duties.py)."""
        return await self._tx(lambda tx, now: run_duties(tx, self.settings, now, self.estimator, self.policy))

    async def issue(  # type: ignore[override]  # the same call, with a day and a doctor added
        self,
        *,
        service: str,
        user_id: int | None,
        patient_id: int | None = None,
        conditions: Iterable[str] = (),
        age: int | None = None,
        day: dt.date | None = None,
        doctor: int | None = None,
    ) -> TicketView:
        """Take a number for `day` (default today) and `doctor` (default any doctor): today while the
        service is open it enters the queue at once; a later open day, or today before the session
        starts, is a booking."""
        if day is None and doctor is None:
            return await super().issue(service=service, user_id=user_id, patient_id=patient_id,
                                       conditions=conditions, age=age)
        svc = self.settings.services.get(service)
        if svc is None:
            raise errors.UnknownService(service=service, known=sorted(self.settings.services))
        derived = derive_conditions(conditions, age, self.settings.conditions)
        level = level_for(derived, self.settings.conditions, self.settings.default_level)

        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            target = day or now.date()
            last = now.date() + dt.timedelta(days=self.settings.booking.days_ahead)
            if not now.date() <= target <= last:
                raise DayOutOfRange(day=target.isoformat(), first=now.date().isoformat(), last=last.isoformat())
            if target == now.date() and svc.hours.is_open(now):
                return await self._issue_now(tx, now, service, user_id, patient_id, derived, level, age, doctor)
            plan = (await day_plans(tx, self.settings, target, [service]))[service]
            if not bookable(plan, now) or (target == now.date() and plan.start is not None and now.time() >= plan.start):
                raise errors.ServiceClosed(service=service, hours=svc.hours.describe(), holiday=plan.reason == "holiday",
                                           closure=plan.closure, hours_today=_hours(plan), day=target.isoformat(),
                                           reason=plan.reason or "hours")
            return await self._book(tx, now, plan, user_id, patient_id, derived, level, age, doctor)

        return await self._tx(fn)

    async def _book(self, tx: Tx, now: dt.datetime, plan: DayPlan, user_id: int | None, patient_id: int | None,
                    derived: list[str], level: int, age: int | None, doctor: int | None) -> TicketView:
        svc = self.settings.services[plan.service]
        if doctor is not None and plan.doctor(doctor) is None:
            raise DoctorNotAvailable(service=svc.code, doctor=doctor, day=plan.day.isoformat(),
                                     doctors=[d.id for d in plan.doctors])
        if patient_id is not None:
            await self._expire_or_refuse_existing(tx, patient_id, svc.code, now, plan.day)
        seq, returned = await self._next_seq(tx, plan.day, svc.code)
        if seq - returned - 1 >= svc.daily_quota:
            raise errors.QuotaFull(service=svc.code, quota=svc.daily_quota, day=plan.day.isoformat())
        if doctor is not None:
            await check_doctor(tx, self.settings, svc.code, plan.day, doctor)
        ticket = TicketRow(0, plan.day, svc.code, f"{svc.prefix}-{seq:03d}", patient_id, user_id, level,
                           "+".join(derived), age, ",".join(svc.route), BOOKED, svc.route[0])
        try:
            ticket.id = await tx.scalar(tickets.insert().values(
                day=plan.day, service=svc.code, seq=seq, number=ticket.number, patient_id=patient_id,
                user_id=user_id, level=level, conditions=ticket.conditions, age=age, route=ticket.route,
                status=BOOKED, phase=ticket.phase, created_at=now, updated_at=now, doctor_id=doctor)
                .returning(tickets.c.id))
        except INTEGRITY_ERRORS:
            raise errors.AlreadyHasTicket(service=svc.code, day=plan.day.isoformat()) from None
        start = plan.session_start(doctor)
        assert start is not None  # a bookable plan has a session
        # "Datang jam ...": the advice the reminders give, as the day's bookings stand now
        advice = await booked_advice(tx, self.settings, self.estimator, self.policy, ticket, doctor, plan)
        await add_notice(tx, user_id, ISSUED, now, ticket_payload(
            ticket, ticket_id=ticket.id, patient_id=patient_id, phase=ticket.phase, position=None, minutes=None,
            day=plan.day.isoformat(), issued_at=now.isoformat(timespec="seconds"), near=False, booked=True,
            start=f"{start:%H:%M}", checkin_by=f"{checkin_deadline(start, self.settings.booking.checkin_minutes):%H:%M}",
            **({"advice": advice.as_payload()} if advice else {}),
            **await doctor_payload(tx, self.settings, svc.code, plan.day, doctor)), ticket.id)
        return await self._view(tx, ticket, None, now)

    async def _enter_booked(self, tx: Tx, ticket: TicketRow, now: dt.datetime) -> TicketView:
        """A booked ticket's holder is here on its day: it enters its first queue, keyed at the
        session's start within the check-in window, else at now (the end of its level)."""
        if ticket.day != now.date():
            raise NotBookedDay(number=ticket.number, day=ticket.day.isoformat())
        row = await tx.one(select(tickets.c.doctor_id, tickets.c.missed_checkin_at).where(tickets.c.id == ticket.id))
        doctor, missed = (row[0], row[1]) if row is not None else (None, None)
        plan = (await day_plans(tx, self.settings, ticket.day, [ticket.service]))[ticket.service]
        start = plan.session_start(doctor) or now
        deadline = checkin_deadline(start, self.settings.booking.checkin_minutes)
        anchor = start if missed is None and now <= deadline else now
        rank, effective = self.policy.sort_key(ticket.level, anchor)
        visit = await insert_visit(tx, ticket, ticket.phase, ticket.service, rank, effective, now)
        await update_ticket(tx, ticket, now, status="waiting")
        await self._after_change(tx, visit.phase, [ticket.service], now)
        return await self._view(tx, ticket, visit, now)

    async def check_in_own(self, ticket_id: int, user_id: int) -> TicketView:
        """The chat's "Saya sudah tiba" on a booked ticket of today (the holder's own account)."""
        async def fn(tx: Tx, now: dt.datetime) -> TicketView:
            ticket = await ticket_by_id(tx, ticket_id, lock=True)
            if ticket.user_id != user_id:
                raise errors.TicketNotFound(ticket_id=ticket_id)
            if ticket.status != BOOKED:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="checkin")
            view = await self._enter_booked(tx, ticket, now)
            await tx.run(tickets.update().where(tickets.c.id == ticket.id, tickets.c.checked_in_at.is_(None))
                         .values(checked_in_at=now))
            return view

        return await self._tx(fn)

    async def booking_calendar(self, codes: Iterable[str] | None = None) -> list[dict[str, DayPlan]]:
        """Today and the next `booking.days_ahead` days: every service's plan of each day."""
        async def fn(tx: Tx, now: dt.datetime) -> list[dict[str, DayPlan]]:
            return await days_ahead(tx, self.settings, now, list(codes or self.settings.services))

        return await self._tx(fn)

    async def day_plan(self, service: str, day: dt.date) -> DayPlan:
        """One service on one day (queue_core/booking_days.py)."""
        async def fn(tx: Tx, now: dt.datetime) -> DayPlan:
            return (await day_plans(tx, self.settings, day, [service]))[service]

        return await self._tx(fn)

    async def doctor_of(self, ticket_id: int) -> int | None:
        async def fn(tx: Tx, now: dt.datetime) -> int | None:
            return await tx.scalar(select(tickets.c.doctor_id).where(tickets.c.id == ticket_id))

        return await self._tx(fn)

    async def chosen_doctors(self, ticket_ids: Iterable[int]) -> dict[int, DoctorPlace]:
        """Ticket id -> the doctor its holder chose and their room on its day (none: any doctor)."""
        ids = sorted(set(ticket_ids))

        async def fn(tx: Tx, now: dt.datetime) -> dict[int, DoctorPlace]:
            rows = await tx.all(select(tickets.c.id, tickets.c.service, tickets.c.day, tickets.c.doctor_id)
                                .where(tickets.c.id.in_(ids), tickets.c.doctor_id.is_not(None))) if ids else []
            out = {}
            for day in {r[2] for r in rows}:
                places = await doctor_places(tx, self.settings, day, [(r[1], r[3]) for r in rows if r[2] == day])
                out.update({r[0]: places[(r[1], r[3])] for r in rows if r[2] == day and (r[1], r[3]) in places})
            return out

        return await self._tx(fn)

    async def booked_tickets(self, day: dt.date, service: str | None = None) -> list[TicketRow]:
        """Tickets booked for `day` and not yet checked in (one service, or all)."""
        async def fn(tx: Tx, now: dt.datetime) -> list[TicketRow]:
            statement = select(*TICKET_COLUMNS).where(tickets.c.day == day, tickets.c.status == BOOKED)
            if service is not None:
                statement = statement.where(tickets.c.service == service)
            return [TicketRow.of(r) for r in await tx.all(statement.order_by(tickets.c.id))]

        return await self._tx(fn)


def _hours(plan: DayPlan) -> str:
    return f"{plan.start:%H:%M}-{plan.end:%H:%M}" if plan.start and plan.end else "-"


def next_open(calendar: list[dict[str, DayPlan]], now: dt.datetime) -> tuple[dt.date, list[DayPlan]] | None:
    """The first day of `calendar` with a service still bookable at `now` and places left."""
    for plans in calendar:
        found = [p for p in plans.values() if bookable(p, now) and not p.full
                 and not (p.day == now.date() and p.start is not None and now.time() >= p.start)]
        if found:
            return found[0].day, found
    return None
