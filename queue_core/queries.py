"""Read-side queries of the queue operations: the queue order, positions, queue context, snapshots.

`QUEUE_ORDER` is the one definition of the calling order; the operations, the staff views and
the reports all sort and compare by it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import and_, func, select, true, tuple_

from .rows import VisitRow
from .rules import Rules
from .snapshot import BusyChannel, QueueSnapshot, WaitingTicket
from .tx import Tx, channel_states, tickets, visits

QUEUE_ORDER = (visits.c.rank, visits.c.effective_at, visits.c.entered_at, visits.c.id)
RECENT_SERVICES = 20
ACTIVE_WINDOW = dt.timedelta(minutes=45)  # predictor/replay.py counts channels the same way


def scope_services(settings: Rules, phase: str, service: str) -> frozenset[str]:
    """Services whose tickets compete with `service`'s for the channels of `phase`.

    The loket and the apotek serve every service from one queue; each poli has its own.
    """
    memo = settings.memo.setdefault("scope_services", {})
    scope = memo.get((phase, service))
    if scope is None:
        services: set[str] = {service}
        for ch in settings.channels_for(phase, service):
            services |= ch.services
        scope = memo[(phase, service)] = frozenset(services)
    return scope


def in_scope(settings: Rules, services: frozenset[str] | set[str], column=visits.c.service):
    """`column IN (...)`, or nothing when the scope is every service (the shared loket and apotek
    queues), so the queue indexes are read without a service test."""
    if services >= settings.services.keys():
        return true()
    return column.in_(sorted(services))


def waiting_in_scope(settings: Rules, phase: str, services: frozenset[str] | set[str]):
    """The waiting visits of one phase queue."""
    return and_(visits.c.phase == phase, visits.c.status == "waiting", in_scope(settings, services))


async def position_of(tx: Tx, settings: Rules, visit: VisitRow) -> int:
    """1-based place in its phase queue (1 = called next)."""
    mine = (visit.rank, visit.effective_at, visit.entered_at, visit.id)
    ahead = await tx.scalar(select(func.count()).select_from(visits).where(
        waiting_in_scope(settings, visit.phase, scope_services(settings, visit.phase, visit.service)),
        tuple_(*QUEUE_ORDER) < tuple_(*mine)))
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


async def queue_context(tx: Tx, settings: Rules, phase: str, service: str, now: dt.datetime) -> QueueContext:
    """Channels, busy rooms, recent service times and upstream patients of a queue.

    Cached for the rest of the transaction (`Tx.info`): every operation reads it only after
    it has made its changes, and each operation is its own transaction and session.
    """
    cache = tx.info.setdefault(CONTEXT_CACHE, {})
    key = (phase, service, now)
    if key in cache:
        return cache[key]
    services = scope_services(settings, phase, service)
    names = [c.name for c in settings.channels_for(phase, service)]
    paused = {r[0] for r in await tx.all(
        select(channel_states.c.name).where(channel_states.c.paused.is_(True), channel_states.c.name.in_(names)))}
    busy = tuple(sorted(
        (BusyChannel(ch, svc, started or called) for ch, svc, started, called in await tx.all(
            select(visits.c.channel, visits.c.service, visits.c.started_at, visits.c.called_at)
            .where(visits.c.channel.in_(names), visits.c.status.in_(("called", "serving"))))),
        key=lambda b: b.channel,
    ))
    open_names = [n for n in names if n not in paused]
    # Channels that called someone lately count as open even while idle between patients
    # (one index probe per channel: the latest call at or before `now`).
    last_calls = await tx.one(select(*(
        select(func.max(visits.c.called_at)).where(visits.c.channel == name, visits.c.called_at <= now).scalar_subquery()
        for name in names))) if names else ()
    since = now - ACTIVE_WINDOW
    active = {b.channel for b in busy} | {n for n, last in zip(names, last_calls or ()) if last and last > since}
    active &= set(open_names)

    def finished_here(v):
        return and_(v.c.phase == phase, in_scope(settings, services, v.c.service), v.c.finished_at <= now)

    hour = visits.alias("hour")  # its own FROM, not correlated with the outer visits
    last_hour = (select(func.count()).select_from(hour)
                 .where(finished_here(hour), hour.c.finished_at > now - dt.timedelta(hours=1)).scalar_subquery())
    recent_rows = await tx.all(
        select(visits.c.called_at, visits.c.started_at, visits.c.finished_at, last_hour)
        .where(finished_here(visits), visits.c.finished_at >= dt.datetime.combine(now.date(), dt.time()))
        .order_by(visits.c.finished_at.desc()).limit(RECENT_SERVICES))
    recent = []
    for called, started, finished, _ in recent_rows:
        began = started or called
        if began:
            recent.append(max((finished - began).total_seconds() / 60.0, 0.0))
    route = settings.services[service].route
    earlier = list(route[: route.index(phase)]) if phase in route else []
    upstream: list[int] = []
    if earlier:
        # A ticket's phase and status are those of its current visit.
        for level, count in await tx.all(
            select(tickets.c.level, func.count()).where(
                tickets.c.day == now.date(), tickets.c.phase.in_(earlier),
                tickets.c.status.in_(("waiting", "called", "serving")), in_scope(settings, services, tickets.c.service))
            .group_by(tickets.c.level)):
            upstream.extend([level] * count)
    context = QueueContext(
        channels_open=len(active) or len(open_names),
        busy=busy,
        recent=tuple(reversed(recent)),
        served_last_hour=int(recent_rows[0][3]) if recent_rows else 0,
        upstream=tuple(sorted(upstream)),
    )
    cache[key] = context
    return context


WAITING_COLUMNS = (visits.c.id, visits.c.turn_near_sent, tickets.c.id, tickets.c.user_id, tickets.c.number,
                   tickets.c.service, tickets.c.level, tickets.c.conditions, tickets.c.age, visits.c.entered_at)


async def waiting_list(tx: Tx, settings: Rules, phase: str, services: frozenset[str], limit: int | None) -> list[tuple]:
    """The head of a queue in calling order: (visit id, turn_near_sent, ticket id, user id, number,
    service, level, conditions, age, entered_at)."""
    statement = (select(*WAITING_COLUMNS).join_from(visits, tickets, tickets.c.id == visits.c.ticket_id)
                 .where(waiting_in_scope(settings, phase, services)).order_by(*QUEUE_ORDER))
    return await tx.all(statement if limit is None else statement.limit(limit))


def snapshot_from(settings: Rules, phase: str, service: str, now: dt.datetime, context: QueueContext, rows,
                  positions: Sequence[int] | None = None) -> QueueSnapshot:
    """A snapshot of waiting_list rows: the whole head in order, or (`positions`) chosen tickets
    with their places, for estimators that need no tickets ahead."""
    return QueueSnapshot(
        at=now,
        phase=phase,
        service=service,
        channels_open=context.channels_open,
        busy=context.busy,
        waiting=tuple(
            WaitingTicket(ticket=r[4], service=r[5], level=r[6], conditions=tuple(c for c in r[7].split("+") if c),
                          age=r[8], entered_at=r[9], position=i)
            for i, r in zip(positions or range(1, len(rows) + 1), rows)
        ),
        config_mean_minutes=settings.phase_mean_minutes(phase, service),
        recent_service_minutes=context.recent,
        served_last_hour=context.served_last_hour,
        upstream_levels=context.upstream,
    )


async def build_snapshot(
    tx: Tx,
    settings: Rules,
    phase: str,
    service: str,
    now: dt.datetime,
    limit: int | None = None,
) -> QueueSnapshot:
    """The queue of `service` in `phase` as an estimator may see it at `now`."""
    rows = await waiting_list(tx, settings, phase, scope_services(settings, phase, service), limit)
    context = await queue_context(tx, settings, phase, service, now)
    return snapshot_from(settings, phase, service, now, context, rows)
