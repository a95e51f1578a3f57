"""The clinic's data an admin edits (issue 21): doctors, their weekly schedules, closures of a day.
Services are in queue_core/service_catalog.py, counters in queue_core/counter_catalog.py; the codes
written here are checked against the active ones (queue_core/clinic_checks.py). A doctor that
patients of today still wait for is not deactivated or deleted (queue_core/clinic_waiting.py); a
doctor or a schedule that patients chose (today or booked later) goes only with their tickets
moved (queue_core/doctor_moves.py).

Every change writes its audit_log row (who, what, before and after) in the same transaction, so
there is no change without its row. A closure takes effect at once: `issue` asks `closure_for` in
the issuing transaction, and the ticket menu and /api/services ask `QueueService.closures_today`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from .booking_void import void_bookings
from .clinic_checks import BadFields, check_closure, check_doctor, check_schedule, problem
from .clinic_tables import ClinicClosure, Doctor, DoctorSchedule
from .clinic_waiting import check_doctor_free
from .clock import Clock
from .doctor_moves import ANY_DOCTOR, MoveTo, move_doctor_tickets, waiting_for
from .models import AuditLog, Ticket
from .rows import BOOKED
from .rules import Rules
from .service_base import ServiceBase
from .tx import Tx

closures = ClinicClosure.__table__


class NotFound(Exception):
    def __init__(self, kind: str, id_: int) -> None:
        super().__init__(f"{kind} {id_}")
        self.kind, self.id = kind, id_


class DoctorHasSchedules(Exception):
    """A doctor with schedules is not deleted: deactivate them, or delete the schedules first."""

    def __init__(self, doctor_id: int, count: int) -> None:
        super().__init__(f"doctor {doctor_id} has {count} schedules")
        self.doctor_id, self.count = doctor_id, count


class NameTaken(Exception):
    def __init__(self, name: str, id_: int) -> None:
        super().__init__(name)
        self.name, self.id = name, id_


def doctor_json(d: Doctor) -> dict[str, Any]:
    return {"id": d.id, "name": d.name, "services": list(d.services or []), "active": bool(d.active)}


def schedule_json(s: DoctorSchedule) -> dict[str, Any]:
    return {"id": s.id, "doctor": s.doctor_id, "service": s.service, "weekday": s.weekday,
            "start": s.start, "end": s.end, "quota": s.quota, "room": s.room}


def _moved(numbers: list[str], move_to: MoveTo | None) -> dict[str, Any]:
    return {"moved": numbers, "moved_to": move_to} if numbers else {}


def closure_json(c: ClinicClosure) -> dict[str, Any]:
    return {"id": c.id, "date": c.date.isoformat(), "service": c.service, "reason": c.reason}


# ---------------------------------------------------------------------- the queue's side

CLOSURE_FOR = (select(closures.c.reason).where(closures.c.date == bindparam("day"), or_(
    closures.c.service.is_(None), closures.c.service == bindparam("service"))).order_by(closures.c.id).limit(1))


async def closure_for(tx: Tx, day: dt.date, service: str) -> str | None:
    """The reason `service` is closed on `day` by an admin's closure (its own or the whole
    clinic's), or None when it is not."""
    row = await tx.one(CLOSURE_FOR, {"day": day, "service": service})
    return None if row is None else str(row[0])


async def closed_services(tx: Tx, day: dt.date, codes: list[str]) -> dict[str, str]:
    """Each of `codes` closed on `day` by a closure, with its reason (the whole clinic's first)."""
    rows = await tx.all(select(closures.c.service, closures.c.reason).where(closures.c.date == day)
                        .order_by(closures.c.id))
    out: dict[str, str] = {}
    for service, reason in rows:
        for code in codes if service is None else [service]:
            if code in codes:
                out.setdefault(code, reason)
    return out


class ClosureQueries(ServiceBase):
    async def closures_today(self) -> dict[str, str]:
        """The services an admin's closure shuts today, each with its reason (`issue` refuses them)."""
        return await self._tx(lambda tx, now: closed_services(tx, now.date(), list(self.settings.services)))


# ---------------------------------------------------------------------- the admin's side

class ClinicStore:
    """Reads and audited changes of the clinic data. `rules`: the rules the process runs with now."""

    def __init__(self, db: Database, clock: Clock, rules: Rules) -> None:
        self.db, self.clock, self.rules = db, clock, rules

    async def _run(self, fn: Callable[[AsyncSession, dt.datetime], Any]) -> Any:
        return await self.db.run(lambda session: fn(session, self.clock.now()))

    @staticmethod
    def _audit(session: AsyncSession, now: dt.datetime, action: str, target: int, by: dict[str, Any],
               before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
        session.add(AuditLog(at=now, actor_id=by.get("actor_id"), action=action[:32], allowed=True,
                             target=str(target), detail={**by, "before": before, "after": after}))

    # ------------------------------------------------------------------ doctors

    async def doctors(self) -> list[dict[str, Any]]:
        async def fn(session: AsyncSession, now: dt.datetime) -> list[dict[str, Any]]:
            return [doctor_json(d) for d in await session.scalars(select(Doctor).order_by(Doctor.id))]

        return await self._run(fn)

    async def create_doctor(self, body: Any, by: dict[str, Any]) -> dict[str, Any]:
        fields = check_doctor(body, self.rules)

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            doctor = Doctor(**fields, created_at=now, updated_at=now)
            session.add(doctor)
            await session.flush()
            after = doctor_json(doctor)
            self._audit(session, now, "clinic_doctor_create", doctor.id, by, None, after)
            return after

        return await self._run(fn)

    async def update_doctor(self, doctor_id: int, body: Any, by: dict[str, Any],
                            move_to: MoveTo | None = None) -> dict[str, Any]:
        """Change fields; deactivating a doctor patients chose, or taking a service from them while
        its patients chose them, needs `move_to` (doctor_moves.py)."""
        fields = check_doctor(body, self.rules, partial=True)

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            doctor = await session.get(Doctor, doctor_id, with_for_update=True)
            if doctor is None:
                raise NotFound("doctor", doctor_id)
            before = doctor_json(doctor)
            moved: list[str] = []
            if fields.get("active") is False and doctor.active:
                moved = await move_doctor_tickets(await Tx.of(session), self.rules, doctor_id, move_to, now)
                await check_doctor_free(session, doctor_id, now.date())
            for dropped in sorted(set(doctor.services or []) - set(fields.get("services", doctor.services or []))):
                moved += await move_doctor_tickets(await Tx.of(session), self.rules, doctor_id, move_to, now, dropped)
            for key, value in fields.items():
                setattr(doctor, key, value)
            doctor.updated_at = now
            after = doctor_json(doctor)
            self._audit(session, now, "clinic_doctor_update", doctor_id, by, before,
                        {**after, **_moved(moved, move_to)})
            return {**after, **_moved(moved, move_to)}

        return await self._run(fn)

    async def delete_doctor(self, doctor_id: int, by: dict[str, Any], move_to: MoveTo | None = None) -> dict[str, Any]:
        """Delete a doctor with no schedule left; the patients waiting for them need `move_to`."""
        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            doctor = await session.get(Doctor, doctor_id, with_for_update=True)
            if doctor is None:
                raise NotFound("doctor", doctor_id)
            moved = await move_doctor_tickets(await Tx.of(session), self.rules, doctor_id, move_to, now)
            if doctor.active:
                await check_doctor_free(session, doctor_id, now.date())
            count = await session.scalar(select(func.count()).select_from(DoctorSchedule)
                                         .where(DoctorSchedule.doctor_id == doctor_id))
            if count:
                raise DoctorHasSchedules(doctor_id, int(count))
            before = doctor_json(doctor)
            await session.delete(doctor)
            self._audit(session, now, "clinic_doctor_delete", doctor_id, by, before, _moved(moved, move_to) or None)
            return {**before, **_moved(moved, move_to)}

        return await self._run(fn)

    # ------------------------------------------------------------------ schedules

    async def schedules(self, doctor_id: int | None = None) -> list[dict[str, Any]]:
        async def fn(session: AsyncSession, now: dt.datetime) -> list[dict[str, Any]]:
            stmt = select(DoctorSchedule).order_by(DoctorSchedule.weekday, DoctorSchedule.start, DoctorSchedule.id)
            if doctor_id is not None:
                stmt = stmt.where(DoctorSchedule.doctor_id == doctor_id)
            return [schedule_json(s) for s in await session.scalars(stmt)]

        return await self._run(fn)

    async def create_schedule(self, body: Any, by: dict[str, Any]) -> dict[str, Any]:
        fields = check_schedule(body, self.rules)

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            doctor = await session.get(Doctor, fields["doctor_id"])
            if doctor is None:
                raise BadFields({"doctor": problem("not_found", "Dokter tidak ditemukan.", "No such doctor.")})
            if fields["service"] not in (doctor.services or []):
                raise BadFields({"service": problem("not_doctors_service", "Dokter ini tidak melayani layanan itu.",
                                                    "The doctor does not serve this service.",
                                                    doctor_services=list(doctor.services or []))})
            schedule = DoctorSchedule(**fields, created_at=now)
            session.add(schedule)
            await session.flush()
            after = schedule_json(schedule)
            self._audit(session, now, "clinic_schedule_create", schedule.id, by, None, after)
            return after

        return await self._run(fn)

    async def delete_schedule(self, schedule_id: int, by: dict[str, Any], move_to: MoveTo | None = None) -> dict[str, Any]:
        """Delete a schedule; numbers booked for its doctor on its weekday (from today on, none other
        of the doctor's schedules of that service and weekday left) need `move_to` "any"."""
        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            schedule = await session.get(DoctorSchedule, schedule_id, with_for_update=True)
            if schedule is None:
                raise NotFound("schedule", schedule_id)
            before = schedule_json(schedule)
            moved = []
            if not await self._other_schedule(session, schedule):
                if move_to not in (None, ANY_DOCTOR) and await waiting_for(
                        await Tx.of(session), schedule.doctor_id, now.date(), schedule.service, schedule.weekday):
                    raise BadFields({"move_to": problem("any_only", "Jadwal yang dihapus: pindahkan ke \"any\" "
                                                        "(dokter siapa saja).", "A deleted schedule's patients move "
                                                        "to \"any\" (any doctor).")})
                moved = await move_doctor_tickets(await Tx.of(session), self.rules, schedule.doctor_id, move_to, now,
                                                  schedule.service, schedule.weekday, schedule_id)
            await session.delete(schedule)
            self._audit(session, now, "clinic_schedule_delete", schedule_id, by, before, _moved(moved, move_to) or None)
            return {**before, **_moved(moved, move_to)}

        return await self._run(fn)

    @staticmethod
    async def _other_schedule(session: AsyncSession, schedule: DoctorSchedule) -> bool:
        return bool(await session.scalar(select(func.count()).select_from(DoctorSchedule).where(
            DoctorSchedule.doctor_id == schedule.doctor_id, DoctorSchedule.service == schedule.service,
            DoctorSchedule.weekday == schedule.weekday, DoctorSchedule.id != schedule.id)))

    async def waiting_for_doctor(self, doctor_id: int, schedule_id: int | None = None) -> int:
        """Patients waiting for a doctor from today on (those of one schedule's weekday when given,
        none if another schedule of that doctor, service and weekday keeps them)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            schedule = None if schedule_id is None else await session.get(DoctorSchedule, schedule_id)
            if schedule is not None:
                if await self._other_schedule(session, schedule):
                    return 0
                return len(await waiting_for(await Tx.of(session), schedule.doctor_id, now.date(), schedule.service,
                                             schedule.weekday))
            return len(await waiting_for(await Tx.of(session), doctor_id, now.date()))

        return await self._run(fn)

    # ------------------------------------------------------------------ closures

    async def closures(self, since: dt.date | None = None) -> list[dict[str, Any]]:
        """Closures from `since` on (all of them when None), by date."""
        async def fn(session: AsyncSession, now: dt.datetime) -> list[dict[str, Any]]:
            stmt = select(ClinicClosure).order_by(ClinicClosure.date, ClinicClosure.id)
            if since is not None:
                stmt = stmt.where(ClinicClosure.date >= since)
            return [closure_json(c) for c in await session.scalars(stmt)]

        return await self._run(fn)

    async def create_closure(self, body: Any, by: dict[str, Any]) -> dict[str, Any]:
        fields = check_closure(body, self.rules, self.clock.now().date())

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            closure = ClinicClosure(**fields, created_at=now)
            session.add(closure)
            await session.flush()
            after = closure_json(closure)
            self._audit(session, now, "clinic_closure_create", closure.id, by, None, after)
            # numbers booked for that day are cancelled in the same transaction, each holder told
            voided = await void_bookings(await Tx.of(session), closure.date, closure.service,
                                         closure.reason, now)
            return {**after, "bookings_cancelled": voided}

        return await self._run(fn)

    async def tickets_held(self, day: dt.date, service: str | None) -> int:
        """Numbers already given for a day (one service, or all), not finished, cancelled or booked
        (a closure keeps them; it cancels the booked ones: `bookings_held`)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            stmt = select(func.count()).select_from(Ticket).where(
                Ticket.day == day, Ticket.status.not_in(("done", "cancelled", BOOKED)))
            if service is not None:
                stmt = stmt.where(Ticket.service == service)
            return int(await session.scalar(stmt) or 0)

        return await self._run(fn)

    async def bookings_held(self, day: dt.date, service: str | None) -> int:
        """Numbers booked for a day (one service, or all) and not checked in: a closure cancels them."""
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            stmt = select(func.count()).select_from(Ticket).where(Ticket.day == day, Ticket.status == BOOKED)
            if service is not None:
                stmt = stmt.where(Ticket.service == service)
            return int(await session.scalar(stmt) or 0)

        return await self._run(fn)

    async def delete_closure(self, closure_id: int, by: dict[str, Any]) -> dict[str, Any]:
        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            closure = await session.get(ClinicClosure, closure_id, with_for_update=True)
            if closure is None:
                raise NotFound("closure", closure_id)
            before = closure_json(closure)
            await session.delete(closure)
            self._audit(session, now, "clinic_closure_delete", closure_id, by, before, None)
            return before

        return await self._run(fn)
