"""When to come and when to leave home: the advice for one ticket, the patient's trip, and the
sweep that writes the "time to leave now" notices that are due (rules: leave.py)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from sqlalchemy import and_, or_, select, update

from . import errors
from .advice import Advice, CallWindow, advice_at, safe_windows
from .booking_advice import booked_advice
from .booking_days import day_plans
from .doctor_rooms import rooms_now
from .leave import (
    MAX_LEAVE_SENDS,
    TRIP_CHOICES,
    first_phase,
    leave_due,
    near_minutes,
    patients,
    trip_or_default,
    write_leave_notice,
)
from .notices import add_turn_near
from .patient_ops import PatientOperations
from .queries import build_snapshot, scope_services
from .rows import BOOKED, latest_visit, ticket_by_id
from .tx import Tx, tickets, visits


class LeaveOperations(PatientOperations):
    async def advice(self, ticket_id: int, now: dt.datetime | None = None) -> Advice | None:
        """When the holder of `ticket_id` should be here and when they will likely be called, as
        the queue stands (at `now`, default the clock's now); a booked one as the day's bookings
        stand (queue_core/booking_advice.py); None when the ticket is neither waiting nor booked.
        The one function every message that says "datang jam" uses: the ticket, /status, the trip
        reply, the leave-now notice, reminders. TicketNotFound for an unknown id."""
        async def fn(tx: Tx, clock_now: dt.datetime) -> Advice | None:
            ticket = await ticket_by_id(tx, ticket_id)
            if ticket.status == BOOKED:
                if ticket.service not in self.settings.services:
                    return None
                doctor = await tx.scalar(select(tickets.c.doctor_id).where(tickets.c.id == ticket_id))
                plan = (await day_plans(tx, self.settings, ticket.day, [ticket.service]))[ticket.service]
                return await booked_advice(tx, self.settings, self.estimator, self.policy, ticket, doctor, plan)
            return (await self._view(tx, ticket, await latest_visit(tx, ticket_id), now or clock_now)).advice

        return await self._tx(fn)

    async def trip_of_ticket(self, ticket_id: int) -> int:
        """Minutes from home to the clinic of the ticket's patient (the default when unknown)."""
        async def fn(tx: Tx, now: dt.datetime) -> int:
            trip = await tx.scalar(select(patients.c.trip_minutes).select_from(
                tickets.join(patients, patients.c.id == tickets.c.patient_id)).where(tickets.c.id == ticket_id))
            return trip_or_default(self.settings, trip)

        return await self._tx(fn)

    async def set_trip(self, ticket_id: int, minutes: int) -> int:
        """Remember the trip of the ticket's patient (for this and later tickets); returns how many
        "time to leave now" notices the ticket has had. One that is due with the new trip is
        written at the next look (`send_leave_notices`)."""
        if minutes not in TRIP_CHOICES and not 0 <= minutes <= 180:
            raise ValueError("trip minutes must be between 0 and 180")

        async def fn(tx: Tx, now: dt.datetime) -> int:
            ticket = await ticket_by_id(tx, ticket_id)
            if ticket.patient_id is None:
                raise errors.TicketNotFound(number=ticket.number)
            await tx.run(update(patients).where(patients.c.id == ticket.patient_id).values(trip_minutes=minutes))
            return int(await tx.scalar(select(tickets.c.leave_sends).where(tickets.c.id == ticket_id)) or 0)

        return await self._tx(fn)

    async def send_leave_notices(self) -> int:
        """Write every "time to leave now" that is due at this moment, and the turn-near of a long
        trip that queue changes do not reach; returns how many notices. Run often
        (bot/leave_watch.py): one estimator call per first-phase queue with someone still away."""
        async def fn(tx: Tx, now: dt.datetime) -> int:
            rows = await tx.all(select(tickets.c.id, tickets.c.user_id, tickets.c.number, tickets.c.service,
                                       tickets.c.phase, tickets.c.leave_told_for, tickets.c.leave_sends,
                                       patients.c.trip_minutes, visits.c.id, visits.c.turn_near_sent)
                                .select_from(tickets.outerjoin(patients, patients.c.id == tickets.c.patient_id)
                                             .join(visits, and_(visits.c.ticket_id == tickets.c.id,
                                                                visits.c.status == "waiting")))
                                .where(tickets.c.day == now.date(), tickets.c.status == "waiting",
                                       tickets.c.checked_in_at.is_(None), tickets.c.user_id.is_not(None),
                                       or_(tickets.c.leave_sends < MAX_LEAVE_SENDS,
                                           and_(patients.c.trip_minutes > self.settings.notifications.default_trip_minutes,
                                                visits.c.turn_near_sent.is_(False)))))
            away = [r for r in rows if r[4] == first_phase(self.settings, r[3])]
            windows = await self._windows_by_number(tx, away, now)
            sent = 0
            for ticket_id, user_id, number, service, phase, told, sends, trip_minutes, visit_id, near_sent in away:
                if number not in windows:
                    continue
                window, position = windows[number]
                trip = trip_or_default(self.settings, trip_minutes)
                advice = advice_at(now, window, self.estimator_name)
                if sends == 0:
                    due = leave_due(advice, trip, now)
                else:
                    again = dt.timedelta(minutes=self.settings.notifications.leave_again_minutes)
                    due = sends < MAX_LEAVE_SENDS and told is not None and advice.come_at <= told - again
                if due:
                    await write_leave_notice(tx, user_id, ticket_id, number, service, advice, trip, sends, now)
                    sent += 1
                    sends += 1
                # a long trip is near beyond the head that queue changes read (notices.check_turn_near)
                if not near_sent and window.median <= near_minutes(self.settings, trip_minutes):
                    if sends == 0:
                        await write_leave_notice(tx, user_id, ticket_id, number, service, advice, trip, sends, now)
                        sent += 1
                    claimed = await tx.run(update(visits).where(visits.c.id == visit_id, visits.c.turn_near_sent.is_(False))
                                           .values(turn_near_sent=True))
                    if claimed:
                        await add_turn_near(tx, user_id, ticket_id, number, service, phase, position, window.median, now)
                        sent += 1
            return sent

        return await self._tx(fn)

    async def _windows_by_number(self, tx: Tx, rows: Sequence[Sequence[Any]],
                                 now: dt.datetime) -> dict[str, tuple[CallWindow, int]]:
        """The call window and position of every waiting ticket in the queues these tickets wait in,
        by number."""
        out: dict[str, tuple[CallWindow, int]] = {}
        done: set[tuple[str, frozenset[str]]] = set()
        margin = self.settings.notifications.advice_margin_minutes
        doctor_of: dict[str, int] = {str(n): int(d) for n, d in await tx.all(
            select(tickets.c.number, tickets.c.doctor_id).where(tickets.c.id.in_([r[0] for r in rows]),
                                                              tickets.c.doctor_id.is_not(None)))} if rows else {}
        for row in rows:
            phase, service = row[4], row[3]
            key = (phase, scope_services(self.settings, phase, service))
            if key in done:
                continue
            done.add(key)
            # a patient whose doctor practises in a room now: the part of the queue that room calls
            rooms = await rooms_now(tx, self.settings, phase, service, now)
            for room in [None, *dict.fromkeys(rooms.values())]:
                snapshot = await build_snapshot(tx, self.settings, phase, service, now, room=room)
                out.update((w.ticket, (win, w.position))
                           for w, win in zip(snapshot.waiting, safe_windows(self.estimator, snapshot, margin))
                           if (rooms.get(doctor_of[w.ticket]) if w.ticket in doctor_of else None) == room)
        return out
