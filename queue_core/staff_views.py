"""Read side for staff, the waiting-room board and the web API (no Telegram here).

Personal data: staff listings carry the patient's name and a masked NIK only; the board and the
public API carry numbers only.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from .doctor_rooms import callable_here, chosen_doctors, doctors_elsewhere
from .models import ChannelState, FaqUnanswered, Patient, Ticket, Visit
from .privacy import mask_nik
from .queries import QUEUE_ORDER, scope_services, waiting_in_scope
from .rules import Rules
from .tx import Tx


@dataclass(frozen=True)
class StaffQueueLine:
    position: int
    number: str
    service: str
    level: int
    conditions: tuple[str, ...]
    isolation: bool
    waited_minutes: int
    name: str
    nik_masked: str


def queue_scopes(settings: Rules) -> list[tuple[str, frozenset[str]]]:
    """Each separate phase queue once: (phase, services competing in it), in route order."""
    scopes = ((phase, scope_services(settings, phase, code)) for phase in settings.phases
              for code in settings.services if settings.channels_for(phase, code))
    return list(dict.fromkeys(scopes))


def scope_label(settings: Rules, phase: str, services: frozenset[str]) -> str:
    if len(services) == 1 and len(settings.services) > 1:
        return settings.services[next(iter(services))].name
    return settings.phases[phase].label


async def staff_queue(db: Database, settings: Rules, channel_name: str, now: dt.datetime,
                      limit: int = 30) -> tuple[int, list[StaffQueueLine]]:
    """Who waits for this channel (total, first `limit` lines), in calling order: in a poli room,
    the patients this room may call now (queue_core/doctor_rooms.py)."""
    channel = settings.channel(channel_name)
    isolating = {k for k, c in settings.conditions.items() if c.isolation}

    async def fn(session: AsyncSession) -> tuple[int, list[StaffQueueLine]]:
        where = waiting_in_scope(settings, channel.phase, frozenset(channel.services))
        elsewhere = await doctors_elsewhere(await Tx.of(session), settings, channel, now)
        if elsewhere:
            where = and_(where, callable_here(elsewhere))
        total = int(await session.scalar(select(func.count()).select_from(Visit)
                                         .join(Ticket, Visit.ticket_id == Ticket.id).where(where)) or 0)
        rows = await session.execute(
            select(Visit.entered_at, Ticket.number, Ticket.service, Ticket.level, Ticket.conditions, Patient.name, Patient.nik)
            .join(Ticket, Visit.ticket_id == Ticket.id)
            .outerjoin(Patient, Ticket.patient_id == Patient.id)
            .where(where).order_by(*QUEUE_ORDER).limit(limit)
        )
        lines = []
        for i, (entered, number, service, level, conditions, name, nik) in enumerate(rows, start=1):
            conds = tuple(c for c in (conditions or "").split("+") if c)
            lines.append(StaffQueueLine(
                position=i, number=number, service=service, level=level, conditions=conds,
                isolation=bool(isolating & set(conds)),
                waited_minutes=max(int((now - entered).total_seconds() // 60), 0),
                name=name or "", nik_masked=mask_nik(nik)))
        return total, lines

    return await db.run(fn)


async def board_state(db: Database, settings: Rules, next_n: int = 5) -> dict:
    """What the waiting room sees: each channel's current number (and how often it was called),
    and the next numbers of each queue. Numbers only: no names, no NIK."""
    names = [c.name for c in settings.channels]

    async def fn(session: AsyncSession) -> dict:
        current = {}
        rows = await session.execute(
            select(Visit.channel, Ticket.number, Visit.recalls, Visit.called_at)
            .join(Ticket, Visit.ticket_id == Ticket.id)
            .where(Visit.channel.in_(names), Visit.status.in_(("called", "serving")))
            .order_by(Visit.called_at)
        )
        for ch, number, recalls, called_at in rows:
            current[ch] = {"number": number, "calls": 1 + (recalls or 0),
                           "called_at": called_at.isoformat(timespec="seconds") if called_at else None}
        paused = set(await session.scalars(select(ChannelState.name).where(ChannelState.paused)))
        channels = [{"name": c.name, "phase": c.phase, "phase_label": settings.phases[c.phase].label, "number": None,
                     "calls": 0, "called_at": None, **current.get(c.name, {}), "paused": c.name in paused}
                    for c in settings.channels]
        queues = []
        for phase, services in queue_scopes(settings):
            where = waiting_in_scope(settings, phase, services)
            waiting = int(await session.scalar(select(func.count()).select_from(Visit).where(where)) or 0)
            heads = list(await session.execute(
                select(Ticket.number, Ticket.service, Ticket.day, Ticket.doctor_id).join(Visit, Visit.ticket_id == Ticket.id)
                .where(where).order_by(*QUEUE_ORDER).limit(next_n)))
            queues.append({"phase": phase, "services": sorted(services), "label": scope_label(settings, phase, services),
                           "waiting": waiting, "next": [h[0] for h in heads],
                           "doctors": await chosen_doctors(await Tx.of(session), settings, heads)})
        return {"channels": channels, "queues": queues}

    return await db.run(fn)


async def waiting_counts(db: Database) -> dict[tuple[str, str], int]:
    """Waiting visits per (phase, service), for /metrics."""
    rows = await db.run(lambda session: session.execute(
        select(Visit.phase, Visit.service, func.count()).where(Visit.status == "waiting")
        .group_by(Visit.phase, Visit.service)))
    return {(p, s): n for p, s, n in rows}


async def unanswered(db: Database, limit: int = 20) -> list[tuple[dt.datetime, str, float | None]]:
    rows = await db.run(lambda session: session.execute(
        select(FaqUnanswered.at, FaqUnanswered.question, FaqUnanswered.score)
        .where(FaqUnanswered.reviewed.is_(False)).order_by(FaqUnanswered.id.desc()).limit(limit)))
    return [(at, question, score) for at, question, score in rows]


async def mark_unanswered_reviewed(db: Database) -> int:
    result = await db.run(lambda session: session.execute(
        update(FaqUnanswered).where(FaqUnanswered.reviewed.is_(False)).values(reviewed=True)))
    return cast(CursorResult, result).rowcount or 0
