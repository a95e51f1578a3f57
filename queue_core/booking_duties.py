"""What booked tickets are owed as time passes, found by scanning the database (so a restart loses
nothing): the evening-before and morning reminders, the check-in window's end, and a closure of
their day. Each one writes its outbox row and its mark on the ticket in the same transaction, so a
reminder is written once, however often the scan runs and whichever process runs it.

The no-show rule (docs/queue_core.md "Booking ahead"): a booked patient not checked in within
`booking.checkin_minutes` of the session's start loses the booked place: the first miss (none in
the last NO_SHOW_MEMORY_DAYS days) keeps the number, which joins the end of its priority level at
check-in; a repeated miss cancels the ticket as a no-show and gives its place back to the quota.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update

from .advice import ConfiguredEstimator
from .booking_advice import booked_advice
from .booking_days import DayPlan, checkin_deadline, day_plans
from .booking_void import return_place
from .outbox import add_notice, ticket_payload
from .policy import OrderingPolicy
from .rows import BOOKED, TICKET_COLUMNS, TicketRow
from .rules import Rules
from .tx import Tx, tickets

NO_SHOW_MEMORY_DAYS = 90
REMINDER = "booking_reminder"      # outbox kinds, rendered by handlers/booking_notices.py
CHECKIN_MISSED = "checkin_missed"
NO_SHOW = "no_show"
EXTRA = (tickets.c.doctor_id, tickets.c.created_at)


class Plans:
    """Day plans read once per (day, service) in one scan, and what the queue advises with them
    (`estimator`: the queue's, the model or the configured durations; `policy`: its ordering)."""

    def __init__(self, tx: Tx, rules: Rules, estimator: Any = None, policy: OrderingPolicy | None = None) -> None:
        self.tx, self.rules = tx, rules
        self.estimator = estimator or ConfiguredEstimator(rules.notifications.advice_margin_minutes)
        self.policy = policy or OrderingPolicy.from_config(rules.policy)
        self.cache: dict[tuple[dt.date, str], DayPlan] = {}
        self.bookings: dict = {}  # a day's bookings of a service (and doctor), read once per scan

    async def get(self, day: dt.date, service: str) -> DayPlan:
        key = (day, service)
        if key not in self.cache:
            self.cache[key] = (await day_plans(self.tx, self.rules, day, [service]))[service]
        return self.cache[key]


def _details(plan: DayPlan, doctor: int | None, rules: Rules) -> dict:
    start = plan.session_start(doctor) or dt.datetime.combine(plan.day, dt.time(0, 0))
    slot = plan.doctor(doctor) if doctor is not None else None
    return {"day": plan.day.isoformat(), "start": f"{start:%H:%M}",
            "checkin_by": f"{checkin_deadline(start, rules.booking.checkin_minutes):%H:%M}",
            **({"doctor": slot.name, "doctor_id": slot.id, "room": slot.room} if slot else {})}


async def _booked(tx: Tx, *where) -> list[tuple[TicketRow, int | None, dt.datetime]]:
    rows = await tx.all(tx.locked(select(*TICKET_COLUMNS, *EXTRA).where(tickets.c.status == BOOKED, *where)
                                  .order_by(tickets.c.id)))
    return [(TicketRow.of(r), r[-2], r[-1]) for r in rows]


async def reminders(tx: Tx, rules: Rules, now: dt.datetime, plans: Plans) -> int:
    """The evening-before reminder from `booking.evening_reminder` on the day before, and the
    morning one from `booking.morning_reminder` on the day (until the check-in window ends);
    not for a ticket booked after that moment (its ticket message was the reminder). Each says
    when to come, as the bookings stand when it is written (queue_core/booking_advice.py)."""
    written = 0
    evening = dt.datetime.combine(now.date(), rules.booking.evening_reminder)
    morning = dt.datetime.combine(now.date(), rules.booking.morning_reminder)
    jobs = []
    if now >= evening:
        jobs.append(("evening", tickets.c.reminded_evening_at, now.date() + dt.timedelta(days=1), evening))
    if now >= morning:
        jobs.append(("morning", tickets.c.reminded_morning_at, now.date(), morning))
    for which, mark, day, moment in jobs:
        for ticket, doctor, _created in await _booked(tx, tickets.c.day == day, mark.is_(None), tickets.c.created_at < moment):
            plan = await plans.get(day, ticket.service)
            details = _details(plan, doctor, rules)
            if which == "morning" and now > dt.datetime.combine(day, dt.time.fromisoformat(details["checkin_by"])):
                continue
            advice = await booked_advice(tx, rules, plans.estimator, plans.policy, ticket, doctor, plan,
                                          plans.bookings)
            await add_notice(tx, ticket.user_id, REMINDER, now, ticket_payload(
                ticket, ticket_id=ticket.id, which=which, **details,
                **({"advice": advice.as_payload()} if advice else {})), ticket.id)
            await tx.run(update(tickets).where(tickets.c.id == ticket.id).values({mark: now}))
            written += 1
    return written


async def missed_checkins(tx: Tx, rules: Rules, now: dt.datetime, plans: Plans) -> tuple[int, int]:
    """Today's booked tickets whose check-in window has ended: (moved to the end, no-shows)."""
    moved = cancelled = 0
    for ticket, doctor, _created in await _booked(tx, tickets.c.day == now.date(), tickets.c.missed_checkin_at.is_(None)):
        plan = await plans.get(ticket.day, ticket.service)
        start = plan.session_start(doctor)
        if start is None or now < checkin_deadline(start, rules.booking.checkin_minutes):
            continue
        details = _details(plan, doctor, rules)
        missed_before = ticket.patient_id is not None and bool(await tx.scalar(
            select(func.count()).select_from(tickets).where(
                tickets.c.patient_id == ticket.patient_id, tickets.c.id != ticket.id,
                tickets.c.missed_checkin_at.is_not(None),
                tickets.c.day >= now.date() - dt.timedelta(days=NO_SHOW_MEMORY_DAYS))))
        if missed_before:
            await tx.run(update(tickets).where(tickets.c.id == ticket.id).values(
                status="cancelled", cancel_reason="no_show", missed_checkin_at=now, updated_at=now))
            await return_place(tx, ticket)
            await add_notice(tx, ticket.user_id, NO_SHOW, now, ticket_payload(ticket, **details), ticket.id)
            cancelled += 1
        else:
            await tx.run(update(tickets).where(tickets.c.id == ticket.id).values(missed_checkin_at=now, updated_at=now))
            await add_notice(tx, ticket.user_id, CHECKIN_MISSED, now,
                             ticket_payload(ticket, ticket_id=ticket.id, **details), ticket.id)
            moved += 1
    return moved, cancelled


async def run_duties(tx: Tx, rules: Rules, now: dt.datetime, estimator: Any = None,
                     policy: OrderingPolicy | None = None) -> dict[str, int]:
    plans = Plans(tx, rules, estimator, policy)
    written = await reminders(tx, rules, now, plans)
    moved, no_show = await missed_checkins(tx, rules, now, plans)
    return {"reminders": written, "moved": moved, "no_show": no_show}
