"""Per-doctor queues within a poli: which doctor practises in which room now, and which waiting
tickets a room may call (docs/queue_core.md "A doctor's queue").

A poli queue stays one queue in one order (QUEUE_ORDER, the policy's); a room calls the first of
the tickets it may take:
- every "any doctor" ticket (no doctor chosen): each room may call it, so it is the fastest;
- the tickets of the doctors on duty in this room now (a schedule of today's weekday whose hours
  hold the clinic's time, and whose room is this one);
- the tickets of a doctor who is on duty in no room now (not in yet, gone home, a schedule with no
  room): any room of the service may call them, so nobody is stranded.
So a room never calls the patient of a doctor practising in another room at that moment.

A schedule's room is one of its service's rooms; a schedule with no room, of a service with one
room, is in that room (`effective_room`), and a room since removed from the service counts as none.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import ColumnElement, bindparam, func, or_, select

from . import errors
from .clinic_tables import Doctor, DoctorSchedule
from .rules import Channel, Rules
from .tx import Tx, tickets

doctors = Doctor.__table__
schedules = DoctorSchedule.__table__
ACTIVE = ("done", "cancelled")  # not these: a ticket that still holds its place


class NotWaitingHere(errors.QueueError):
    """A number called by name that does not wait in the channel's queue today."""

    code = "not_waiting_here"


def effective_room(rules: Rules, service: str, room: str | None) -> str | None:
    """The room a schedule puts its doctor in: its own, else the service's only room, else none."""
    svc = rules.services.get(service)
    rooms = svc.rooms if svc is not None else ()
    if room in rooms:
        return room
    return rooms[0] if len(rooms) == 1 else None


ON_DUTY = (select(schedules.c.doctor_id, schedules.c.room).join_from(schedules, doctors, doctors.c.id == schedules.c.doctor_id)
           .where(doctors.c.active.is_(True), schedules.c.service == bindparam("service"),
                  schedules.c.weekday == bindparam("weekday"), schedules.c.start <= bindparam("hhmm"),
                  schedules.c.end > bindparam("hhmm"))
           .order_by(schedules.c.start, schedules.c.id))


async def on_duty(tx: Tx, rules: Rules, service: str, now: dt.datetime) -> dict[int, str | None]:
    """The active doctors practising in `service` at `now`, each with their room (None: no room);
    read once per transaction."""
    cache = tx.info.setdefault("doctor_rooms.on_duty", {})
    if (service, now) in cache:
        return cache[(service, now)]
    rows = await tx.all(ON_DUTY, {"service": service, "weekday": now.isoweekday(), "hhmm": f"{now:%H:%M}"})
    out: dict[int, str | None] = {}
    for doctor_id, room in rows:
        placed = effective_room(rules, service, room)
        if out.get(int(doctor_id)) is None:
            out[int(doctor_id)] = placed
    cache[(service, now)] = out
    return out


def _elsewhere(duty: dict[int, str | None], room: str) -> tuple[int, ...]:
    return tuple(sorted(d for d, placed in duty.items() if placed is not None and placed != room))


async def doctors_elsewhere(tx: Tx, rules: Rules, channel: Channel, now: dt.datetime) -> list[int]:
    """The doctors practising now in another room of the channel's service (none for a channel that
    is not a poli room): their patients are not called from this channel."""
    if channel.room_of is None:
        return []
    return list(_elsewhere(await on_duty(tx, rules, channel.room_of, now), channel.name))


def callable_here(elsewhere: Iterable[int]) -> ColumnElement[bool]:
    """The tickets a room may call, given the doctors practising elsewhere now."""
    return or_(tickets.c.doctor_id.is_(None), tickets.c.doctor_id.not_in(sorted(elsewhere)))


@dataclass(frozen=True)
class RoomQueue:
    """What one poli room may call now: its doctors' patients see their place in this part of the
    poli queue (the rows `callable_here(elsewhere)`, in QUEUE_ORDER), served by this room alone."""

    room: str
    doctors: frozenset[int]        # practising in this room now
    elsewhere: tuple[int, ...]     # practising in another room now: this room does not call theirs


async def rooms_now(tx: Tx, rules: Rules, phase: str, service: str, now: dt.datetime) -> dict[int, RoomQueue]:
    """doctor id -> the room queue of each doctor practising in a room of this poli queue now. Empty
    for a queue without rooms, or when no doctor is in a room: every patient has the queue-wide view
    (an "any doctor" patient, or one whose doctor is in no room now, may be called by any room)."""
    if not any(c.room_of == service for c in rules.channels_for(phase, service)):
        return {}
    duty = await on_duty(tx, rules, service, now)
    rooms: dict[str, set[int]] = {}
    for doctor_id, room in duty.items():
        if room is not None:
            rooms.setdefault(room, set()).add(doctor_id)
    queues = [RoomQueue(room, frozenset(ids), _elsewhere(duty, room)) for room, ids in rooms.items()]
    return {d: q for q in queues for d in q.doctors}



async def doctors_room(tx: Tx, rules: Rules, ticket_id: int, phase: str, service: str,
                       now: dt.datetime) -> RoomQueue | None:
    """The room queue of the ticket's chosen doctor when they practise in a room of this queue
    now; None (the queue-wide view) for "any doctor", a doctor in no room now, or no rooms."""
    rooms = await rooms_now(tx, rules, phase, service, now)
    if not rooms:
        return None
    doctor = await tx.scalar(select(tickets.c.doctor_id).where(tickets.c.id == ticket_id))
    return None if doctor is None else rooms.get(int(doctor))

@dataclass(frozen=True)
class DoctorPlace:
    """A chosen doctor as the patient and the board are told: name, and room on that day."""

    doctor_id: int
    name: str
    room: str | None


async def doctor_places(tx: Tx, rules: Rules, day: dt.date,
                        wanted: Iterable[tuple[str, int]]) -> dict[tuple[str, int], DoctorPlace]:
    """(service, doctor id) -> the doctor's name and their room in that service on `day` (their first
    schedule of that weekday; None when they have none that day)."""
    wanted = set(wanted)
    if not wanted:
        return {}
    ids = sorted({d for _, d in wanted})
    names = {int(i): str(n) for i, n in await tx.all(select(doctors.c.id, doctors.c.name).where(doctors.c.id.in_(ids)))}
    rooms: dict[tuple[str, int], str | None] = {}
    for doctor_id, service, room in await tx.all(
            select(schedules.c.doctor_id, schedules.c.service, schedules.c.room)
            .where(schedules.c.doctor_id.in_(ids), schedules.c.weekday == day.isoweekday())
            .order_by(schedules.c.start, schedules.c.id)):
        rooms.setdefault((str(service), int(doctor_id)), effective_room(rules, str(service), room))
    return {(s, d): DoctorPlace(d, names[d], rooms.get((s, d))) for s, d in wanted if d in names}


async def doctor_load(tx: Tx, day: dt.date, service: str, doctor_id: int) -> int:
    """Tickets of one doctor on one day that still hold their place."""
    return int(await tx.scalar(select(func.count()).select_from(tickets).where(
        tickets.c.day == day, tickets.c.service == service, tickets.c.doctor_id == doctor_id,
        tickets.c.status.not_in(ACTIVE))) or 0)


async def schedule_quota(tx: Tx, service: str, doctor_id: int, day: dt.date) -> int | None:
    """The quota of the doctor's schedule of `day`'s weekday in `service` (their first that day, the
    slot a booking checks: queue_core/booking_days.py); None when it has none or there is no schedule."""
    return await tx.scalar(select(schedules.c.quota).where(
        schedules.c.doctor_id == doctor_id, schedules.c.service == service, schedules.c.weekday == day.isoweekday())
        .order_by(schedules.c.start, schedules.c.id).limit(1))


async def chosen_doctors(tx: Tx, settings: Rules, heads: list) -> dict[str, dict]:
    """Number -> the doctor its holder chose and their room, for the board's next numbers
    (number, service, day, doctor id) with a doctor."""
    chosen = [h for h in heads if h[3] is not None]
    if not chosen:
        return {}
    out: dict[str, dict] = {}
    for day in {h[2] for h in chosen}:
        places = await doctor_places(tx, settings, day, [(h[1], h[3]) for h in chosen if h[2] == day])
        for number, service, _day, doctor in (h for h in chosen if h[2] == day):
            place = places.get((service, doctor))
            if place is not None:
                out[number] = {"doctor": place.name, "room": place.room}
    return out
