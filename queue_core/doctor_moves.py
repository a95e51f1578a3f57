"""Nothing lost when a doctor or a schedule goes away (docs/queue_core.md "A doctor's queue").

A doctor is not deactivated or deleted while patients wait for them (a number of today not yet
past the poli, or one booked for a later day): the admin is told how many, or chooses where they
go: another active doctor of their service, or "any doctor". A doctor's schedule is not deleted
while numbers are booked for them on that weekday (from today on), unless they go to "any doctor".

A move changes only the ticket's doctor: each keeps its number, level and place in the queue (its
visit keeps its rank and arrival), so the moved patients keep their order; each is told by an
outbox notice ("doctor_changed": the new doctor and room, or any doctor). A move to a doctor whose
schedule of a moved ticket's day has a quota is refused when that day's count would pass it
(`TargetQuotaFull`: the admin may choose "any doctor", which has no quota of its own). The count
is taken under the lock of that day's number counter, the row every issue and booking bumps first,
so a booking made at the same moment is either counted or waits for the move.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Union

from sqlalchemy import select, update

from .clinic_checks import BadFields, problem
from .doctor_rooms import doctor_load, doctor_places, doctors, schedule_quota
from .outbox import add_notice, ticket_payload
from .rows import BOOKED, TICKET_COLUMNS, TicketRow
from .rules import Rules
from .tx import ADD_TO_DAY_COUNTER, Tx, tickets

ANY_DOCTOR = "any"
MoveTo = Union[int, str]  # a doctor's id, or ANY_DOCTOR
DOCTOR_CHANGED = "doctor_changed"  # outbox kind, rendered by handlers/booking_notices.py
ROOM_PHASE = "poli"  # the phase of the rooms, where a ticket's doctor sees it (queue_core.service_catalog.with_services)
WAITING = (BOOKED, "waiting", "skipped")


class DoctorHasTickets(Exception):
    """`count` patients wait for the doctor (of one schedule's weekday when `schedule_id` is set)
    and nothing was chosen to move them to."""

    def __init__(self, doctor_id: int, count: int, schedule_id: int | None = None) -> None:
        super().__init__(f"doctor {doctor_id}: {count} waiting tickets")
        self.doctor_id, self.count, self.schedule_id = doctor_id, count, schedule_id


class TargetQuotaFull(Exception):
    """Moving `count` patients of `day` to doctor `target` would pass that doctor's schedule quota
    of the day: `taken` of `quota` places are used already."""

    def __init__(self, target: int, name: str, day: dt.date, service: str, quota: int, taken: int, count: int) -> None:
        super().__init__(f"doctor {target} on {day}: {taken} + {count} > quota {quota}")
        self.target, self.name, self.day, self.service = target, name, day, service
        self.quota, self.taken, self.count = quota, taken, count


def move_to_of(value: Any) -> MoveTo | None:
    """The `move_to` of a request ("any", a doctor's id, or its digits), None when not given;
    anything else is a bad field."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().lower() == ANY_DOCTOR:
        return ANY_DOCTOR
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 9:
        return int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31:
        return value
    raise BadFields({"move_to": problem("move_to", "move_to harus \"any\" atau nomor dokter.",
                                        "move_to must be \"any\" or a doctor's id.")})


def waits_for_doctor(ticket: TicketRow) -> bool:
    """Booked, or waiting (or skipped, may rejoin) in a queue up to the poli: the doctor still matters."""
    if ticket.status not in WAITING:
        return False
    route = ticket.route.split(",")
    return ROOM_PHASE not in route or ticket.phase not in route or route.index(ticket.phase) <= route.index(ROOM_PHASE)


async def waiting_for(tx: Tx, doctor_id: int, today: dt.date, service: str | None = None,
                      weekday: int | None = None, lock: bool = False) -> list[TicketRow]:
    """The tickets that wait for a doctor from `today` on (of one service and weekday if given), by id."""
    statement = select(*TICKET_COLUMNS).where(tickets.c.doctor_id == doctor_id, tickets.c.day >= today,
                                              tickets.c.status.in_(WAITING))
    if service is not None:
        statement = statement.where(tickets.c.service == service)
    rows = [TicketRow.of(r) for r in await tx.all((tx.locked(statement) if lock else statement).order_by(tickets.c.id))]
    return [t for t in rows if waits_for_doctor(t) and (weekday is None or t.day.isoweekday() == weekday)]


async def _check_target(tx: Tx, doctor_id: int, target: int, services: set[str]) -> None:
    row = await tx.one(select(doctors.c.active, doctors.c.services).where(doctors.c.id == target))
    if target == doctor_id or row is None or not row[0]:
        raise BadFields({"move_to": problem("bad_doctor", "Dokter tujuan harus dokter aktif yang lain.",
                                            "The doctor to move to must be another active doctor.")})
    missing = sorted(services - set(row[1] or []))
    if missing:
        raise BadFields({"move_to": problem("not_doctors_service", "Dokter tujuan tidak melayani layanan pasien ini.",
                                            "The doctor to move to does not serve these patients' service.",
                                            services=missing)})


async def _check_quota(tx: Tx, target: int, rows: list[TicketRow]) -> None:
    """Refuse (TargetQuotaFull) when the moved tickets of a day would pass the target doctor's
    schedule quota that day (the same count a booking checks: tickets that hold their place)."""
    moving: dict[tuple[dt.date, str], int] = {}
    for t in rows:
        moving[(t.day, t.service)] = moving.get((t.day, t.service), 0) + 1
    for (day, service), count in sorted(moving.items()):
        quota = await schedule_quota(tx, service, target, day)
        if quota is None:
            continue
        await _lock_day(tx, day, service)
        taken = await doctor_load(tx, day, service, target)
        if taken + count > quota:
            name = await tx.scalar(select(doctors.c.name).where(doctors.c.id == target))
            raise TargetQuotaFull(target, str(name), day, service, int(quota), taken, count)


async def _lock_day(tx: Tx, day: dt.date, service: str) -> None:
    """Hold the day's number counter of `service` (made at 0 when no number was given yet) until
    the transaction ends: an issue or a booking of that day bumps it first, so it waits."""
    await tx.one(ADD_TO_DAY_COUNTER[tx.pg], {"day": day, "service": service, "last_seq": 0})


async def move_doctor_tickets(tx: Tx, rules: Rules, doctor_id: int, move_to: MoveTo | None, now: dt.datetime,
                              service: str | None = None, weekday: int | None = None,
                              schedule_id: int | None = None) -> list[str]:
    """Empty a doctor's queue (of one service and weekday if given) before they or their schedule
    go: refused with the count when nothing was chosen, else every ticket waiting for them goes to
    `move_to` (a doctor's id, or ANY_DOCTOR), each holder told. Returns the numbers moved, in order."""
    rows = await waiting_for(tx, doctor_id, now.date(), service, weekday, lock=True)
    if not rows:
        return []
    if move_to is None:
        raise DoctorHasTickets(doctor_id, len(rows), schedule_id)
    target = None if move_to == ANY_DOCTOR else int(move_to)
    if target is not None:
        await _check_target(tx, doctor_id, target, {t.service for t in rows})
        await _check_quota(tx, target, rows)
    await tx.run(update(tickets).where(tickets.c.id.in_([t.id for t in rows])).values(doctor_id=target, updated_at=now))
    for day in sorted({t.day for t in rows}):
        places = await doctor_places(tx, rules, day, [(t.service, target) for t in rows] if target else [])
        for t in (t for t in rows if t.day == day):
            place = places.get((t.service, target)) if target else None
            await add_notice(tx, t.user_id, DOCTOR_CHANGED, now, ticket_payload(
                t, ticket_id=t.id, day=day.isoformat(), doctor=place.name if place else None,
                room=place.room if place else None), t.id)
    return [t.number for t in rows]
