"""When a booked patient should come: the advice a ticket in the queue gets (queue_core/advice.py,
the estimator's windows), for a ticket that is in no queue yet.

Booked tickets checked in within their window enter the queue as if they came when the session
started (queue_core/booking.py), so the day's bookings of the poli (of the chosen doctor, when
there is one) are the head of its queue at the session's start, in the ordering policy's order
(priority level, then the order they were booked). The advice is the estimator's window for the
ticket's place there: the configured durations (the poli's mean per patient, shared by its rooms,
or one doctor) or the model. "Come at" is never later than the check-in deadline: a booked patient
who comes later loses the booked place (docs/queue_core.md "Booking ahead").
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Sequence

from sqlalchemy import select

from .advice import Advice, advice_at, safe_windows
from .booking_days import DayPlan, checkin_deadline
from .policy import OrderingPolicy
from .rows import TicketRow
from .rules import Rules
from .snapshot import QueueSnapshot, WaitingTicket
from .tx import Tx, tickets


def own_phase(rules: Rules, service: str) -> str:
    """The phase a booking is for: the service's poli (its rooms and doctors), else its first phase."""
    route = rules.services[service].route
    return "poli" if "poli" in route else route[0]


async def day_bookings(tx: Tx, policy: OrderingPolicy, ticket: TicketRow, doctor: int | None,
                       start: dt.datetime) -> list[Sequence[Any]]:
    """The bookings of the ticket's day and service (and doctor) in calling order: (id, number,
    level, conditions, age)."""
    where = [tickets.c.day == ticket.day, tickets.c.service == ticket.service, tickets.c.status != "cancelled",
             tickets.c.created_at < start]  # numbers taken before the session: the bookings
    if doctor is not None:
        where.append(tickets.c.doctor_id == doctor)
    rows = await tx.all(select(tickets.c.id, tickets.c.number, tickets.c.level, tickets.c.conditions, tickets.c.age)
                        .where(*where))
    return sorted(rows, key=lambda r: (*policy.sort_key(r[2], start), r[0]))


async def booked_advice(tx: Tx, rules: Rules, estimator: Any, policy: OrderingPolicy, ticket: TicketRow,
                        doctor: int | None, plan: DayPlan, seen: dict | None = None) -> Advice | None:
    """The advice of booked `ticket` (for `doctor`, of `plan`'s day and service); None when the day
    has no session or the ticket is not among its bookings. `seen`: the bookings read already in
    this transaction (a scan advises every booking of a day)."""
    start = plan.session_start(doctor)
    if start is None or ticket.service not in rules.services:
        return None
    key = (ticket.day, ticket.service, doctor)
    rows = (seen or {}).get(key)
    if rows is None:
        rows = await day_bookings(tx, policy, ticket, doctor, start)
        if seen is not None:
            seen[key] = rows
    ids = [r[0] for r in rows]
    if ticket.id not in ids:
        return None
    position = ids.index(ticket.id) + 1
    phase = own_phase(rules, ticket.service)
    channels = 1 if doctor is not None else len(plan.doctors) or len(rules.channels_for(phase, ticket.service)) or 1
    snapshot = QueueSnapshot(
        at=start, phase=phase, service=ticket.service, channels_open=channels, busy=(),
        waiting=tuple(WaitingTicket(ticket=r[1], service=ticket.service, level=r[2],
                                    conditions=tuple(c for c in (r[3] or "").split("+") if c), age=r[4],
                                    entered_at=start, position=i) for i, r in enumerate(rows, start=1)),
        config_mean_minutes=rules.phase_mean_minutes(phase, ticket.service))
    windows = safe_windows(estimator, snapshot, rules.notifications.advice_margin_minutes)
    if len(windows) < position:
        return None
    advice = advice_at(start, windows[position - 1], str(getattr(estimator, "name", "?")))
    latest = checkin_deadline(start, rules.booking.checkin_minutes)
    return dataclasses.replace(advice, come_at=min(advice.come_at, latest))
