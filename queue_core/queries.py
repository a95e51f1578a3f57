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


@dataclass(frozen=True)
class QueueContext:
    """The part of a snapshot that does not depend on how much of the queue is read."""

    channels_open: int
    busy: tuple[BusyChannel, ...]
    recent: tuple[float, ...]
    served_last_hour: int
    upstream: tuple[int, ...]


CONTEXT_CACHE = "pusque.queue_context"


async def queue_context(session: AsyncSession, settings: Settings, phase: str, service: str, now: dt.datetime) -> QueueContext:
    """Channels, busy rooms, recent service times and upstream patients of a queue.

    Cached for the rest of the transaction (session.info): every operation reads it only after
    it has made its changes, and each operation is its own transaction and session.
    """
    cache = session.info.setdefault(CONTEXT_CACHE, {})
    key = (phase, service, now)
    if key in cache:
        return cache[key]
    services = sorted(scope_services(settings, phase, service))
    names = [c.name for c in settings.channels_for(phase, service)]
    paused = set(await session.scalars(select(ChannelState.name).where(ChannelState.name.in_(names), ChannelState.paused)))
    activity = (await session.execute(
        select(Visit.channel, Visit.service, Visit.status, Visit.started_at, Visit.called_at).where(
            Visit.channel.in_(names),
            or_(Visit.status.in_(("called", "serving")), and_(Visit.called_at > now - ACTIVE_WINDOW, Visit.called_at <= now)),
        )
    )).all()
    busy = tuple(sorted(
        (BusyChannel(ch, svc, started or called) for ch, svc, status, started, called in activity if status in ("called", "serving")),
        key=lambda b: b.channel,
    ))
    open_names = [n for n in names if n not in paused]
    active = {ch for ch, *_ in activity if ch in open_names}
    midnight = dt.datetime.combine(now.date(), dt.time())
    finished_here = and_(Visit.phase == phase, Visit.service.in_(services), Visit.finished_at <= now)
    served_last_hour = (
        select(func.count()).select_from(Visit).where(finished_here, Visit.finished_at > now - dt.timedelta(hours=1))
    ).scalar_subquery()
    recent_rows = (await session.execute(
        select(Visit.called_at, Visit.started_at, Visit.finished_at, served_last_hour)
        .where(finished_here, Visit.finished_at >= midnight)
        .order_by(Visit.finished_at.desc())
        .limit(RECENT_SERVICES)
    )).all()
    recent = [max((f - (s or c)).total_seconds() / 60.0, 0.0) for c, s, f, _ in recent_rows if (s or c)]
    route = settings.services[service].route
    earlier = list(route[: route.index(phase)]) if phase in route else []
    upstream: list[int] = []
    if earlier:
        upstream = list(await session.scalars(
            select(Ticket.level).join(Visit, Visit.ticket_id == Ticket.id).where(
                Visit.phase.in_(earlier), Visit.service.in_(services),
                Visit.status.in_(("waiting", "called", "serving")), Ticket.day == now.date(),
            )
        ))
    context = QueueContext(
        channels_open=len(active) or len(open_names),
        busy=busy,
        recent=tuple(reversed(recent)),
        served_last_hour=int(recent_rows[0][3]) if recent_rows else 0,
        upstream=tuple(sorted(upstream)),
    )
    cache[key] = context
    return context


WAITING_COLUMNS = (Visit.id, Visit.turn_near_sent, Ticket.id, Ticket.user_id, Ticket.number, Ticket.service,
                   Ticket.level, Ticket.conditions, Ticket.age, Visit.entered_at)


async def waiting_list(session: AsyncSession, phase: str, services: frozenset[str], limit: int | None) -> list:
    """The head of a queue in calling order, as plain rows of WAITING_COLUMNS."""
    stmt = (
        select(*WAITING_COLUMNS).join(Ticket, Visit.ticket_id == Ticket.id)
        .where(waiting_in_scope(phase, services)).order_by(*QUEUE_ORDER)
    )
    return (await session.execute(stmt if limit is None else stmt.limit(limit))).all()


def snapshot_from(settings: Settings, phase: str, service: str, now: dt.datetime, context: QueueContext, rows) -> QueueSnapshot:
    return QueueSnapshot(
        at=now,
        phase=phase,
        service=service,
        channels_open=context.channels_open,
        busy=context.busy,
        waiting=tuple(
            WaitingTicket(ticket=r[4], service=r[5], level=r[6], conditions=tuple(c for c in r[7].split("+") if c),
                          age=r[8], entered_at=r[9], position=i)
            for i, r in enumerate(rows, start=1)
        ),
        config_mean_minutes=settings.phase_mean_minutes(phase, service),
        recent_service_minutes=context.recent,
        served_last_hour=context.served_last_hour,
        upstream_levels=context.upstream,
    )


async def build_snapshot(
    session: AsyncSession,
    settings: Settings,
    phase: str,
    service: str,
    now: dt.datetime,
    limit: int | None = None,
) -> QueueSnapshot:
    """The queue of `service` in `phase` as an estimator may see it at `now`."""
    rows = await waiting_list(session, phase, scope_services(settings, phase, service), limit)
    context = await queue_context(session, settings, phase, service, now)
    return snapshot_from(settings, phase, service, now, context, rows)


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
