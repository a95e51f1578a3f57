"""Read-side queries of the queue operations: the queue order, positions, queue context, snapshots.

`QUEUE_ORDER` is the one definition of the calling order; the operations, the staff views and
the reports all sort and compare by it."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence, cast

from sqlalchemy import Table, and_, bindparam, func, select, true, tuple_

from .doctor_rooms import RoomQueue, callable_here
from .models import Patient
from .rows import VisitRow
from .rules import Rules
from .snapshot import BusyChannel, QueueSnapshot, WaitingTicket
from .tx import Tx, channel_states, one_of, tickets, visits

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
        channels = settings.channels_for(phase, service)
        scope = memo[(phase, service)] = frozenset({service}.union(*(ch.services for ch in channels)))
    return scope


def in_scope(settings: Rules, services: frozenset[str] | set[str], column=visits.c.service):
    """`column IN (...)`, or nothing when the scope is every service (the shared loket and apotek
    queues), so the queue indexes are read without a service test."""
    if services >= settings.services.keys():
        return true()
    return one_of(column, sorted(services))


def waiting_in_scope(settings: Rules, phase: str, services: frozenset[str] | set[str]):
    """The waiting visits of one phase queue."""
    return and_(visits.c.phase == phase, visits.c.status == "waiting", in_scope(settings, services))


def made_once(settings: Rules, kind: str, key, make):
    """A statement of `kind` for `key`, built at its first use (its values come as parameters)."""
    memo = settings.memo.setdefault(kind, {})
    made = memo.get(key)
    if made is None:
        made = memo[key] = make()
    return made


MINE = tuple(bindparam(c.name, type_=c.type) for c in QUEUE_ORDER)  # a visit's place in QUEUE_ORDER


def waiting_for_room(settings: Rules, phase: str, services: frozenset[str], room: RoomQueue | None):
    """The waiting visits of one phase queue, or of the part of it `room` may call (its tickets
    joined): the same candidate rule as the room's call (queue_core/doctor_rooms.py)."""
    where = waiting_in_scope(settings, phase, services)
    return where if room is None else and_(where, callable_here(room.elsewhere))


async def position_of(tx: Tx, settings: Rules, visit: VisitRow, room: RoomQueue | None = None) -> int:
    """1-based place in its phase queue (1 = called next); with `room`, in the part of it that room
    calls (the place of a patient whose doctor practises there)."""
    scope = scope_services(settings, visit.phase, visit.service)
    elsewhere = None if room is None else room.elsewhere

    def make():
        statement = select(func.count()).select_from(visits)
        if room is not None:
            statement = statement.join(tickets, tickets.c.id == visits.c.ticket_id)
        return statement.where(waiting_for_room(settings, visit.phase, scope, room), tuple_(*QUEUE_ORDER) < tuple_(*MINE))

    statement = made_once(settings, "position_of", (visit.phase, scope, elsewhere), make)
    ahead = await tx.scalar(statement, {"rank": visit.rank, "effective_at": visit.effective_at,
                                        "entered_at": visit.entered_at, "id": visit.id})
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
# Their own FROMs, not correlated with an outer `visits` (made once: an alias costs its columns)
HOUR, CALLED = visits.alias("hour"), visits.alias("called")


def context_statements(settings: Rules, phase: str, service: str) -> tuple:
    """The statements `queue_context` runs for a queue, made once per queue (they differ only in
    :now, :hour_ago, :day and :day_start): (channel names, upstream levels, one row per channel
    with the counts, the counts alone, the recent services)."""
    memo = settings.memo.setdefault("context_statements", {})
    made = memo.get((phase, service))
    if made is not None:
        return made
    services = scope_services(settings, phase, service)
    names = [c.name for c in settings.channels_for(phase, service)]
    route = settings.services[service].route
    earlier = list(route[: route.index(phase)]) if phase in route else []
    now: Any = bindparam("now")

    def finished_here(v):
        return and_(v.c.phase == phase, in_scope(settings, services, v.c.service), v.c.finished_at <= now)

    counts = [select(func.count()).select_from(HOUR)
              .where(finished_here(HOUR), HOUR.c.finished_at > bindparam("hour_ago")).scalar_subquery()]
    levels = sorted({rule.level for rule in settings.conditions.values()} | {settings.default_level}) if earlier else []
    for level in levels:
        # Patients of this queue's services still in an earlier phase (a ticket's phase and status
        # are those of its current visit).
        counts.append(select(func.count()).select_from(tickets).where(
            tickets.c.day == bindparam("day"), one_of(tickets.c.phase, earlier),
            one_of(tickets.c.status, ("waiting", "called", "serving")), in_scope(settings, services, tickets.c.service),
            tickets.c.level == level).scalar_subquery())
    # One row per channel: paused, what it is serving (if anything), its latest call at or before
    # `now` (one index probe per channel), and the counts above (uncorrelated: computed once).
    serving = and_(visits.c.channel == channel_states.c.name, one_of(visits.c.status, ("called", "serving")))
    last_call = (select(func.max(CALLED.c.called_at))
                 .where(CALLED.c.channel == channel_states.c.name, CALLED.c.called_at <= now).scalar_subquery())
    channels = (select(channel_states.c.name, channel_states.c.paused, visits.c.service, visits.c.started_at,
                       visits.c.called_at, last_call)
                .select_from(channel_states.outerjoin(visits, serving)).where(one_of(channel_states.c.name, names)))
    recent = (select(visits.c.called_at, visits.c.started_at, visits.c.finished_at)
              .where(finished_here(visits), visits.c.finished_at >= bindparam("day_start"))
              .order_by(visits.c.finished_at.desc()).limit(RECENT_SERVICES))
    made = memo[(phase, service)] = (names, levels, channels.add_columns(*counts), select(*counts), recent, channels)
    return made


async def queue_context(tx: Tx, settings: Rules, phase: str, service: str, now: dt.datetime,
                        history: bool = True) -> QueueContext:
    """Channels, busy rooms, recent service times and upstream patients of a queue; without
    `history` (for estimators that do not read them, snapshot.needs_history) the channels alone.

    Cached for the rest of the transaction (`Tx.info`): every operation reads it only after
    it has made its changes, and each operation is its own transaction and session.
    """
    cache = tx.info.setdefault(CONTEXT_CACHE, {})
    key = (phase, service, now)
    if key in cache or (not history and (key, False) in cache):
        return cache.get(key) or cache[(key, False)]
    names, levels, channel_rows, counts_only, recent_of, channels_only = context_statements(settings, phase, service)
    params = {"now": now, "hour_ago": now - dt.timedelta(hours=1), "day": now.date(),
              "day_start": dt.datetime.combine(now.date(), dt.time())}
    rows = await tx.all(channel_rows if history else channels_only, params) if names else []
    paused = {r[0] for r in rows if r[1]}
    busy = tuple(sorted((BusyChannel(r[0], r[2], r[3] or r[4]) for r in rows if r[2] is not None),
                        key=lambda b: b.channel))
    open_names = [n for n in names if n not in paused]
    last_calls = {r[0]: r[5] for r in rows}
    since = now - ACTIVE_WINDOW
    active = {b.channel for b in busy} | {n for n, last in last_calls.items() if last and last > since}
    active &= set(open_names)
    if not history:
        cache[(key, False)] = QueueContext(len(active) or len(open_names), busy, (), 0, ())
        return cache[(key, False)]
    counted = rows[0][6:] if rows else (await tx.one(counts_only, params) or (0,) * (1 + len(levels)))
    upstream = [level for level, count in zip(levels, counted[1:]) for _ in range(int(count or 0))]
    recent = [max((finished - began).total_seconds() / 60.0, 0.0)
              for called_at, started, finished in await tx.all(recent_of, params) if (began := started or called_at)]
    context = QueueContext(
        channels_open=len(active) or len(open_names),
        busy=busy,
        recent=tuple(reversed(recent)),
        served_last_hour=int(counted[0] or 0),
        upstream=tuple(upstream),
    )
    cache[key] = context
    return context


PATIENTS = cast(Table, Patient.__table__)
WAITING_COLUMNS = (visits.c.id, visits.c.turn_near_sent, tickets.c.id, tickets.c.user_id, tickets.c.number,
                   tickets.c.service, tickets.c.level, tickets.c.conditions, tickets.c.age, visits.c.entered_at,
                   tickets.c.leave_sends, tickets.c.checked_in_at, PATIENTS.c.trip_minutes, tickets.c.doctor_id)


async def waiting_list(tx: Tx, settings: Rules, phase: str, services: frozenset[str],
                       limit: int | None, room: RoomQueue | None = None) -> list[Sequence[Any]]:
    """The head of a queue (of the part `room` calls, when given) in calling order: (visit id,
    turn_near_sent, ticket id, user id, number, service, level, conditions, age, entered_at,
    leave_sends, checked_in_at, the patient's trip, the chosen doctor)."""
    def make(limited: bool):
        statement = (select(*WAITING_COLUMNS).join_from(visits, tickets, tickets.c.id == visits.c.ticket_id)
                     .outerjoin(PATIENTS, PATIENTS.c.id == tickets.c.patient_id)
                     .where(waiting_for_room(settings, phase, services, room)).order_by(*QUEUE_ORDER))
        return statement.limit(bindparam("limit")) if limited else statement

    key = (phase, services, limit is not None, None if room is None else room.elsewhere)
    statement = made_once(settings, "waiting_list", key, lambda: make(limit is not None))
    return await tx.all(statement, None if limit is None else {"limit": limit})


def waiting_ticket(row: tuple, position: int) -> WaitingTicket:
    """A waiting_list row as an estimator sees it."""
    return WaitingTicket(ticket=row[4], service=row[5], level=row[6], conditions=tuple(c for c in row[7].split("+") if c),
                         age=row[8], entered_at=row[9], position=position)


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
        waiting=tuple(waiting_ticket(r, i) for i, r in zip(positions or range(1, len(rows) + 1), rows)),
        config_mean_minutes=settings.phase_mean_minutes(phase, service),
        recent_service_minutes=context.recent,
        served_last_hour=context.served_last_hour,
        upstream_levels=context.upstream,
    )


def room_context(context: QueueContext, room: RoomQueue | None) -> QueueContext:
    """The context of the part of a poli queue one room calls: that room is its one channel."""
    if room is None:
        return context
    return dataclasses.replace(context, channels_open=1, busy=tuple(b for b in context.busy if b.channel == room.room))


async def build_snapshot(
    tx: Tx,
    settings: Rules,
    phase: str,
    service: str,
    now: dt.datetime,
    limit: int | None = None,
    room: RoomQueue | None = None,
    history: bool = True,
) -> QueueSnapshot:
    """The queue of `service` in `phase` (the part `room` calls, when given) as an estimator may
    see it at `now` (`history`: queue_context)."""
    rows = await waiting_list(tx, settings, phase, scope_services(settings, phase, service), limit, room)
    context = room_context(await queue_context(tx, settings, phase, service, now, history), room)
    return snapshot_from(settings, phase, service, now, context, rows)
