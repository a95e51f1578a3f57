"""Who would be left waiting if a doctor went away today (a counter: queue_core/counter_catalog.py).

A doctor is needed today by the services they alone are scheduled for today (no other active
doctor has a schedule of that service on today's weekday): those services' unfinished numbers of
today are the patients waiting for them.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .clinic_tables import Doctor, DoctorSchedule
from .models import Ticket

FINAL = ("done", "cancelled")


class HasWaiting(Exception):
    """`count` patients wait today for what the admin wants to remove (`services`: the ones only it serves)."""

    def __init__(self, kind: str, id_: int, count: int, services: list[str]) -> None:
        super().__init__(f"{kind} {id_}: {count} waiting")
        self.kind, self.id, self.count, self.services = kind, id_, count, services


async def doctor_alone_for(session: AsyncSession, doctor_id: int, today: dt.date) -> list[str]:
    weekday = today.isoweekday()
    theirs = set(await session.scalars(select(DoctorSchedule.service).where(
        DoctorSchedule.doctor_id == doctor_id, DoctorSchedule.weekday == weekday)))
    alone = []
    for service in sorted(theirs):
        others = await session.scalar(select(func.count()).select_from(DoctorSchedule).join(Doctor).where(
            DoctorSchedule.service == service, DoctorSchedule.weekday == weekday, DoctorSchedule.doctor_id != doctor_id,
            Doctor.active.is_(True)))
        if not others:
            alone.append(service)
    return alone


async def check_doctor_free(session: AsyncSession, doctor_id: int, today: dt.date) -> None:
    """Raises HasWaiting when patients of today wait for services only this doctor serves today."""
    alone = await doctor_alone_for(session, doctor_id, today)
    if not alone:
        return
    count = int(await session.scalar(select(func.count()).select_from(Ticket).where(
        Ticket.day == today, Ticket.service.in_(alone), Ticket.status.not_in(FINAL))) or 0)
    if count:
        raise HasWaiting("doctor", doctor_id, count, alone)
