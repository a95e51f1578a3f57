"""Read-side queries over one session: queue order, positions, snapshots for estimators."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from .config import Settings
from .models import ChannelState, Ticket, Visit
from .snapshot import BusyChannel, QueueSnapshot, WaitingTicket

QUEUE_ORDER = (Visit.rank, Visit.effective_at, Visit.entered_at, Visit.id)
RECENT_SERVICES = 20
ACTIVE_WINDOW = dt.timedelta(minutes=45)  # predictor/replay.py counts channels the same way


def scope_services(settings: Settings, phase: str, service: str) -> frozenset[str]:
    """Services whose tickets compete with `service`'s for the channels of `phase`.

    The loket and the apotek serve every service from one queue; each poli has its own.
    """
    services: set[str] = {service}
    for ch in settings.channels_for(phase, service):
        services |= ch.services
    return frozenset(services)


def waiting_in_scope(phase: str, services: frozenset[str]):
    return and_(Visit.phase == phase, Visit.status == "waiting", Visit.service.in_(sorted(services)))


async def position_of(session: AsyncSession, settings: Settings, visit: Visit) -> int:
    """1-based place in its phase queue (1 = called next)."""
    services = scope_services(settings, visit.phase, visit.service)
    ahead = await session.scalar(
        select(func.count())
        .select_from(Visit)
        .where(
            waiting_in_scope(visit.phase, services),
            tuple_(*QUEUE_ORDER) < tuple_(visit.rank, visit.effective_at, visit.entered_at, visit.id),
        )
    )
    return int(ahead or 0) + 1


async def ahead_by_level(session: AsyncSession, settings: Settings, visit: Visit) -> dict[int, int]:
    services = scope_services(settings, visit.phase, visit.service)
    rows = await session.execute(
        select(Ticket.level, func.count())
        .join(Visit, Visit.ticket_id == Ticket.id)
        .where(
            waiting_in_scope(visit.phase, services),
            tuple_(*QUEUE_ORDER) < tuple_(visit.rank, visit.effective_at, visit.entered_at, visit.id),
        )
        .group_by(Ticket.level)
    )
    return {level: n for level, n in rows}


async def waiting_rows(
    session: AsyncSession, phase: str, services: frozenset[str], limit: int | None = None
) -> list[tuple[Visit, Ticket]]:
    stmt = (
        select(Visit, Ticket)
        .join(Ticket, Visit.ticket_id == Ticket.id)
        .where(waiting_in_scope(phase, services))
        .order_by(*QUEUE_ORDER)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [tuple(row) for row in await session.execute(stmt)]


async def recent_service_minutes(
    session: AsyncSession, phase: str, services: frozenset[str], now: dt.datetime, n: int = RECENT_SERVICES
) -> list[float]:
    """Durations of the last n services finished today before `now`, oldest first."""
    midnight = dt.datetime.combine(now.date(), dt.time())
    rows = await session.execute(
        select(Visit.called_at, Visit.started_at, Visit.finished_at)
        .where(
            Visit.phase == phase,
            Visit.service.in_(sorted(services)),
            Visit.finished_at.is_not(None),
            Visit.finished_at >= midnight,
            Visit.finished_at <= now,
        )
        .order_by(Visit.finished_at.desc())
        .limit(n)
    )
    out = []
    for called, started, finished in rows:
        begin = started or called
        if begin is not None:
            out.append(max((finished - begin).total_seconds() / 60.0, 0.0))
    return out[::-1]


async def open_channel_names(session: AsyncSession, settings: Settings, phase: str, service: str) -> list[str]:
    names = [c.name for c in settings.channels_for(phase, service)]
    paused = set(
        await session.scalars(select(ChannelState.name).where(ChannelState.name.in_(names), ChannelState.paused))
    )
    return [n for n in names if n not in paused]


async def build_snapshot(
    session: AsyncSession,
    settings: Settings,
    phase: str,
    service: str,
    now: dt.datetime,
    limit: int | None = None,
) -> QueueSnapshot:
    """The queue of `service` in `phase` as an estimator may see it at `now`."""
    services = scope_services(settings, phase, service)
    channel_names = [c.name for c in settings.channels_for(phase, service)]
    waiting_stmt = (
        select(Ticket.number, Ticket.service, Ticket.level, Ticket.conditions, Ticket.age, Visit.entered_at)
        .join(Ticket, Visit.ticket_id == Ticket.id)
        .where(waiting_in_scope(phase, services))
        .order_by(*QUEUE_ORDER)
    )
    if limit is not None:
        waiting_stmt = waiting_stmt.limit(limit)
    rows = (await session.execute(waiting_stmt)).all()
    busy_rows = (await session.execute(
        select(Visit.channel, Visit.service, Visit.started_at, Visit.called_at).where(
            Visit.channel.in_(channel_names), Visit.status.in_(("called", "serving"))
        )
    )).all()
    open_names = await open_channel_names(session, settings, phase, service)
    recently_active = set(await session.scalars(
        select(Visit.channel).where(
            Visit.channel.in_(open_names), Visit.called_at > now - ACTIVE_WINDOW, Visit.called_at <= now
        )
    )) | {ch for ch, *_ in busy_rows if ch in open_names}
    route = settings.services[service].route
    earlier = list(route[: route.index(phase)]) if phase in route else []
    upstream = []
    if earlier:
        upstream = list(await session.scalars(
            select(Ticket.level).join(Visit, Visit.ticket_id == Ticket.id).where(
                Visit.phase.in_(earlier), Visit.service.in_(sorted(services)),
                Visit.status.in_(("waiting", "called", "serving")), Ticket.day == now.date(),
            )
        ))
    recent = await recent_service_minutes(session, phase, services, now)
    served_last_hour = await session.scalar(
        select(func.count())
        .select_from(Visit)
        .where(
            Visit.phase == phase,
            Visit.service.in_(sorted(services)),
            Visit.finished_at.is_not(None),
            Visit.finished_at > now - dt.timedelta(hours=1),
            Visit.finished_at <= now,
        )
    )
    return QueueSnapshot(
        at=now,
        phase=phase,
        service=service,
        channels_open=len(recently_active) or len(open_names),
        busy=tuple(BusyChannel(ch, svc, started or called) for ch, svc, started, called in busy_rows),
        waiting=tuple(
            WaitingTicket(
                ticket=number,
                service=svc,
                level=level,
                conditions=tuple(c for c in conditions.split("+") if c),
                age=age,
                entered_at=entered,
                position=i,
            )
            for i, (number, svc, level, conditions, age, entered) in enumerate(rows, start=1)
        ),
        config_mean_minutes=settings.phase_mean_minutes(phase, service),
        recent_service_minutes=tuple(recent),
        served_last_hour=int(served_last_hour or 0),
        upstream_levels=tuple(sorted(upstream)),
    )


@dataclass(frozen=True)
class QueueEntry:
    """A line of a staff member's /queue listing."""

    position: int
    number: str
    service: str
    level: int
    conditions: tuple[str, ...]
    isolation: bool
    entered_at: dt.datetime
    patient_id: int | None


async def current_at_channel(session: AsyncSession, channel: str) -> tuple[Visit, Ticket] | None:
    row = (
        await session.execute(
            select(Visit, Ticket)
            .join(Ticket, Visit.ticket_id == Ticket.id)
            .where(Visit.channel == channel, Visit.status.in_(("called", "serving")))
            .order_by(Visit.called_at.desc())
            .limit(1)
        )
    ).first()
    return tuple(row) if row else None


def active_visit_clause(ticket_id: int):
    return and_(Visit.ticket_id == ticket_id, or_(Visit.status == "waiting", Visit.status == "called", Visit.status == "serving", Visit.status == "skipped"))
