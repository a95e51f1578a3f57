"""Which days a service gives out numbers, and for which doctors: opening hours (config.yaml),
holidays, an admin's closures and, when a service has doctor schedules in the database, the
schedules of that weekday. Read by booking ahead (queue_core/booking.py) and the ticket menu's
"next open day"; nothing here writes.

A service that has no schedule at all keeps its configured hours; once it has schedules, it opens
only on the weekdays they cover, from the earliest start (never before its configured hours).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select

from . import errors
from .clinic_data import closed_services
from .clinic_tables import Doctor, DoctorSchedule
from .doctor_rooms import doctor_load, effective_room
from .rules import Rules
from .tx import Tx, daily_counters

doctors = Doctor.__table__
schedules = DoctorSchedule.__table__


class DoctorNotAvailable(errors.QueueError):
    """The chosen doctor has no schedule for that service on that day."""

    code = "doctor_not_available"


@dataclass(frozen=True)
class DoctorSlot:
    """One doctor's practice on one day for one service."""

    id: int
    name: str
    start: dt.time
    end: dt.time
    quota: int | None
    room: str | None = None  # where they practise (queue_core/doctor_rooms.py), None: no room in particular


@dataclass(frozen=True)
class DayPlan:
    """One service on one day: open or why not (holiday, closure, hours, schedule), its session
    (start and end), the doctors practising, and the places of its daily quota in use."""

    service: str
    day: dt.date
    reason: str | None
    closure: str | None
    start: dt.time | None
    end: dt.time | None
    doctors: tuple[DoctorSlot, ...]
    issued: int
    quota: int

    @property
    def open(self) -> bool:
        return self.reason is None

    @property
    def full(self) -> bool:
        return self.issued >= self.quota

    def doctor(self, doctor_id: int) -> DoctorSlot | None:
        return next((d for d in self.doctors if d.id == doctor_id), None)

    def session_start(self, doctor_id: int | None = None) -> dt.datetime | None:
        """When the session of this day (or of the chosen doctor) starts."""
        slot = self.doctor(doctor_id) if doctor_id is not None else None
        start = slot.start if slot is not None else self.start
        return None if start is None else dt.datetime.combine(self.day, start)


def checkin_deadline(start: dt.datetime, minutes: float) -> dt.datetime:
    """The end of a booked patient's check-in window."""
    return start + dt.timedelta(minutes=minutes)


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


async def weekly_slots(tx: Tx, codes: Iterable[str], rules: Rules) -> dict[str, dict[int, list[DoctorSlot]]]:
    """Service -> ISO weekday -> the active doctors' schedules, by start time, with their rooms."""
    codes = list(codes)
    rows = await tx.all(select(schedules.c.service, schedules.c.weekday, doctors.c.id, doctors.c.name,
                               schedules.c.start, schedules.c.end, schedules.c.quota, schedules.c.room)
                        .join_from(schedules, doctors, doctors.c.id == schedules.c.doctor_id)
                        .where(doctors.c.active.is_(True), schedules.c.service.in_(codes))
                        .order_by(schedules.c.start, doctors.c.id))
    out: dict[str, dict[int, list[DoctorSlot]]] = {}
    for service, weekday, doctor_id, name, start, end, quota, room in rows:
        out.setdefault(service, {}).setdefault(int(weekday), []).append(DoctorSlot(
            int(doctor_id), str(name), _time(start), _time(end), quota, effective_room(rules, service, room)))
    return out


async def day_plans(tx: Tx, rules: Rules, day: dt.date, codes: Iterable[str],
                    slots: dict[str, dict[int, list[DoctorSlot]]] | None = None) -> dict[str, DayPlan]:
    """Every one of `codes` on `day`, in the order given."""
    codes = list(codes)
    slots = await weekly_slots(tx, codes, rules) if slots is None else slots
    shut = await closed_services(tx, day, codes)
    issued = {str(s): int(n) for s, n in await tx.all(
        select(daily_counters.c.service, daily_counters.c.last_seq - daily_counters.c.returned)
        .where(daily_counters.c.day == day, daily_counters.c.service.in_(codes)))}
    out = {}
    for code in codes:
        svc = rules.services[code]
        window = svc.hours.window(day)
        weekly = slots.get(code)
        today = tuple(weekly.get(day.isoweekday(), [])) if weekly else ()
        start, end = window if window else (None, None)
        if window and today:
            start = max(window[0], min(s.start for s in today))
            end = min(window[1], max(s.end for s in today))
        reason = ("holiday" if day in rules.clinic.holidays else "closure" if code in shut
                  else "hours" if window is None else "schedule" if weekly and not today else None)
        out[code] = DayPlan(code, day, reason, shut.get(code), start, end, today, issued.get(code, 0), svc.daily_quota)
    return out


def bookable(plan: DayPlan, now: dt.datetime) -> bool:
    """Whether a number for this plan's day can be taken at `now`: the day is open and its session
    has not ended yet (today while open is the walk-in path; before it opens, a booking)."""
    if not plan.open or plan.start is None or plan.end is None:
        return False
    return plan.day > now.date() or (plan.day == now.date() and now.time() < plan.end)


async def days_ahead(tx: Tx, rules: Rules, now: dt.datetime, codes: Iterable[str]) -> list[dict[str, DayPlan]]:
    """The plans of today and the next `booking.days_ahead` days, one mapping per day."""
    codes = list(codes)
    slots = await weekly_slots(tx, codes, rules)
    return [await day_plans(tx, rules, now.date() + dt.timedelta(days=i), codes, slots)
            for i in range(rules.booking.days_ahead + 1)]


async def check_doctor(tx: Tx, settings: Rules, service: str, day: dt.date, doctor: int) -> DayPlan:
    """The day's plan; refuses a doctor without a schedule that day, or whose quota is used."""
    plan = (await day_plans(tx, settings, day, [service]))[service]
    slot = plan.doctor(doctor)
    if slot is None:
        raise DoctorNotAvailable(service=service, doctor=doctor, day=day.isoformat(),
                                 doctors=[d.id for d in plan.doctors])
    if slot.quota is not None and await doctor_load(tx, day, service, doctor) >= slot.quota:
        raise errors.QuotaFull(service=service, quota=slot.quota, doctor=doctor, day=day.isoformat())
    return plan


async def doctor_payload(tx: Tx, settings: Rules, service: str, day: dt.date, doctor: int | None) -> dict:
    """The doctor's name and hours for a notice (nothing for "any doctor")."""
    if doctor is None:
        return {}
    slot = (await day_plans(tx, settings, day, [service]))[service].doctor(doctor)
    return {} if slot is None else {"doctor": slot.name, "doctor_id": slot.id, "room": slot.room,
                                    "doctor_hours": f"{slot.start:%H:%M}-{slot.end:%H:%M}"}
