"""Read-side queries of the queue operations: positions, queue context, snapshots for estimators.

`waiting_in_scope` and `QUEUE_ORDER` are the same queue order as ORM expressions, for the
staff views and reports."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import and_

from .config import Settings
from .models import Visit
from .rows import VisitRow
from .snapshot import BusyChannel, QueueSnapshot, WaitingTicket
from .sql import Sql, in_list, ts

QUEUE_ORDER = (Visit.rank, Visit.effective_at, Visit.entered_at, Visit.id)
RECENT_SERVICES = 20
ACTIVE_WINDOW = dt.timedelta(minutes=45)  # predictor/replay.py counts channels the same way


def scope_services(settings: Settings, phase: str, service: str) -> frozenset[str]:
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


def waiting_in_scope(phase: str, services: frozenset[str]):
    return and_(Visit.phase == phase, Visit.status == "waiting", Visit.service.in_(sorted(services)))


def scope_filter(settings: Settings, services: frozenset[str] | set[str], column: str = "service") -> tuple[str, dict]:
    """` AND service IN (...)` and its parameters; nothing when the scope is every service (the
    shared loket and apotek queues), so the queue indexes are read without a service test."""
    if services >= settings.services.keys():
        return "", {}
    fragment, params = in_list("svc", sorted(services))
    return f" AND {column} IN {fragment}", params


async def position_of(sql: Sql, settings: Settings, visit: VisitRow) -> int:
    """1-based place in its phase queue (1 = called next)."""
    scope, params = scope_filter(settings, scope_services(settings, visit.phase, visit.service))
    ahead = await sql.scalar(
        "SELECT count(*) FROM visits WHERE phase = :phase AND status = 'waiting'" + scope +
        " AND (rank, effective_at, entered_at, id) < (:rank, :effective_at, :entered_at, :id)",
        {**params, "phase": visit.phase, "rank": visit.rank, "effective_at": visit.effective_at,
         "entered_at": visit.entered_at, "id": visit.id},
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


async def queue_context(sql: Sql, settings: Settings, phase: str, service: str, now: dt.datetime) -> QueueContext:
    """Channels, busy rooms, recent service times and upstream patients of a queue.

    Cached for the rest of the transaction (`Sql.info`): every operation reads it only after
    it has made its changes, and each operation is its own transaction and session.
    """
    cache = sql.info.setdefault(CONTEXT_CACHE, {})
    key = (phase, service, now)
    if key in cache:
        return cache[key]
    services = scope_services(settings, phase, service)
    scope, params = scope_filter(settings, services)
    names = [c.name for c in settings.channels_for(phase, service)]
    channels, channel_params = in_list("ch", names)
    paused = {r[0] for r in await sql.all(
        "SELECT name FROM channel_states WHERE paused = :true AND name IN " + channels, {**channel_params, "true": True})}
    busy = tuple(sorted(
        (BusyChannel(ch, svc, ts(started) or ts(called)) for ch, svc, started, called in await sql.all(
            "SELECT channel, service, started_at, called_at FROM visits WHERE channel IN " + channels +
            " AND status IN ('called', 'serving')", channel_params)),
        key=lambda b: b.channel,
    ))
    open_names = [n for n in names if n not in paused]
    # Channels that called someone lately count as open even while idle between patients
    # (one index probe per channel: the latest call at or before `now`).
    last_calls = await sql.one(
        "SELECT " + ", ".join(f"(SELECT max(called_at) FROM visits WHERE channel = :ch_{i} AND called_at <= :now)"
                              for i in range(len(names))),
        {**channel_params, "now": now},
    ) if names else ()
    since = now - ACTIVE_WINDOW
    active = {b.channel for b in busy} | {n for n, last in zip(names, last_calls or ()) if last and ts(last) > since}
    active &= set(open_names)
    finished_here = "phase = :phase" + scope + " AND finished_at <= :now"
    recent_rows = await sql.all(
        "SELECT called_at, started_at, finished_at, (SELECT count(*) FROM visits WHERE " + finished_here +
        " AND finished_at > :hour_ago) FROM visits WHERE " + finished_here +
        " AND finished_at >= :midnight ORDER BY finished_at DESC LIMIT " + str(RECENT_SERVICES),
        {**params, "phase": phase, "now": now, "hour_ago": now - dt.timedelta(hours=1),
         "midnight": dt.datetime.combine(now.date(), dt.time())},
    )
    recent = []
    for called, started, finished, _ in recent_rows:
        began = ts(started) or ts(called)
        if began:
            recent.append(max((ts(finished) - began).total_seconds() / 60.0, 0.0))
    route = settings.services[service].route
    earlier = list(route[: route.index(phase)]) if phase in route else []
    upstream: list[int] = []
    if earlier:
        phases, phase_params = in_list("ph", earlier)
        # A ticket's phase and status are those of its current visit.
        for level, count in await sql.all(
            "SELECT level, count(*) FROM tickets WHERE day = :day AND phase IN " + phases +
            " AND status IN ('waiting', 'called', 'serving')" + scope + " GROUP BY level",
            {**phase_params, **params, "day": now.date()},
        ):
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


WAITING_SELECT = (
    "SELECT v.id, v.turn_near_sent, t.id, t.user_id, t.number, t.service, t.level, t.conditions, t.age, v.entered_at "
    "FROM visits v JOIN tickets t ON t.id = v.ticket_id WHERE v.phase = :phase AND v.status = 'waiting'"
)
WAITING_ORDER = " ORDER BY v.rank, v.effective_at, v.entered_at, v.id"


async def waiting_list(sql: Sql, settings: Settings, phase: str, services: frozenset[str], limit: int | None) -> list[tuple]:
    """The head of a queue in calling order: (visit id, turn_near_sent, ticket id, user id, number,
    service, level, conditions, age, entered_at)."""
    scope, params = scope_filter(settings, services, "v.service")
    rows = await sql.all(
        WAITING_SELECT + scope + WAITING_ORDER + ("" if limit is None else f" LIMIT {int(limit)}"),
        {**params, "phase": phase},
    )
    return rows


def snapshot_from(settings: Settings, phase: str, service: str, now: dt.datetime, context: QueueContext, rows,
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
                          age=r[8], entered_at=ts(r[9]), position=i)
            for i, r in zip(positions or range(1, len(rows) + 1), rows)
        ),
        config_mean_minutes=settings.phase_mean_minutes(phase, service),
        recent_service_minutes=context.recent,
        served_last_hour=context.served_last_hour,
        upstream_levels=context.upstream,
    )


async def build_snapshot(
    sql: Sql,
    settings: Settings,
    phase: str,
    service: str,
    now: dt.datetime,
    limit: int | None = None,
) -> QueueSnapshot:
    """The queue of `service` in `phase` as an estimator may see it at `now`."""
    rows = await waiting_list(sql, settings, phase, scope_services(settings, phase, service), limit)
    context = await queue_context(sql, settings, phase, service, now)
    return snapshot_from(settings, phase, service, now, context, rows)
