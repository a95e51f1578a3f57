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
from .tx import Tx, channel_states, tickets, visits

QUEUE_ORDER = (visits.c.rank, visits.c.effective_at, visits.c.entered_at, visits.c.id)
RECENT_SERVICES = 20
ACTIVE_WINDOW = dt.timedelta(minutes=45)  # predictor/replay.py counts channels the same way
ACTIVE = ("waiting", "called", "serving")
CALLED = visits.alias("called")  # its own FROM, not correlated with an outer `visits` (made once: an alias costs its columns)


def scope_services(settings: Rules, phase: str, service: str) -> frozenset[str]:
    """Services whose tickets compete with `service`'s for the channels of `phase`.

    The loket and the apotek serve every service from one queue; each poli has its own.
    """
    return frozenset({service}.union(*(ch.services for ch in settings.channels_for(phase, service))))


def in_scope(settings: Rules, services: frozenset[str] | set[str], column=visits.c.service):
    """`column IN (...)`, or nothing when the scope is every service (the shared loket and apotek
    queues), so the queue indexes are read without a service test."""
    return true() if services >= settings.services.keys() else column.in_(sorted(services))


def waiting_in_scope(settings: Rules, phase: str, services: frozenset[str] | set[str], room: RoomQueue | None = None):
    """The waiting visits of one phase queue, or of the part of it `room` may call (its tickets
    joined): the same candidate rule as the room's call (queue_core/doctor_rooms.py)."""
    where = and_(visits.c.phase == phase, visits.c.status == "waiting", in_scope(settings, services))
    return where if room is None else and_(where, callable_here(room.elsewhere))


def made_once(settings: Rules, kind: str, key, make):
    """A statement of `kind` for `key`, built at its first use: building one costs more than running
    it (its values come as parameters)."""
    memo = settings.memo.setdefault(kind, {})
    made = memo.get(key)
    if made is None:
        made = memo[key] = make()
    return made


MINE = tuple(bindparam(c.name, type_=c.type) for c in QUEUE_ORDER)  # a visit's place in QUEUE_ORDER


async def position_of(tx: Tx, settings: Rules, visit: VisitRow, room: RoomQueue | None = None) -> int:
    """1-based place in its phase queue (1 = called next); with `room`, in the part of it that room
    calls (the place of a patient whose doctor practises there)."""
    scope = scope_services(settings, visit.phase, visit.service)
    statement = made_once(settings, "position_of", (visit.phase, scope, room and room.elsewhere), lambda: select(func.count()).select_from(
        visits if room is None else visits.join(tickets, tickets.c.id == visits.c.ticket_id))
        .where(waiting_in_scope(settings, visit.phase, scope, room), tuple_(*QUEUE_ORDER) < tuple_(*MINE)))
    ahead = await tx.scalar(statement, {"rank": visit.rank, "effective_at": visit.effective_at,
                                        "entered_at": visit.entered_at, "id": visit.id})
    return int(ahead or 0) + 1


@dataclass(frozen=True)
class QueueContext:
    """The part of a snapshot that does not depend on how much of the queue is read."""

    channels_open: int
    busy: tuple[BusyChannel, ...]
    recent: tuple[float, ...] = ()
    served_last_hour: int = 0
    upstream: tuple[int, ...] = ()


def channels_statement(names: list[str]):
    last_call = (select(func.max(CALLED.c.called_at))
                 .where(CALLED.c.channel == channel_states.c.name, CALLED.c.called_at <= bindparam("now")).scalar_subquery())
    serving = and_(visits.c.channel == channel_states.c.name, visits.c.status.in_(("called", "serving")))
    return (select(channel_states.c.name, channel_states.c.paused, visits.c.service,
                   func.coalesce(visits.c.started_at, visits.c.called_at), last_call)
            .select_from(channel_states.outerjoin(visits, serving)).where(channel_states.c.name.in_(names)))


async def queue_context(tx: Tx, settings: Rules, phase: str, service: str, now: dt.datetime,
                        history: bool = True) -> QueueContext:
    """Channels, busy rooms, recent service times and upstream patients of a queue; without
    `history` (for estimators that do not read them, snapshot.needs_history) the channels alone.
    Read once per transaction (`Tx.info`): every operation reads it after it made its changes."""
    cache = tx.info.setdefault("queries.queue_context", {})
    key = (phase, service, now, history)
    if not history and (phase, service, now, True) in cache:  # the whole context holds the channels too
        key = (phase, service, now, True)
    if key not in cache:
        cache[key] = await _queue_context(tx, settings, phase, service, now, history)
    return cache[key]


async def _queue_context(tx: Tx, settings: Rules, phase: str, service: str, now: dt.datetime,
                         history: bool) -> QueueContext:
    names = [c.name for c in settings.channels_for(phase, service)]
    # One row per channel: paused, what it is serving (if anything), its latest call at or before `now`
    rows = await tx.all(made_once(settings, "channels", tuple(names), lambda: channels_statement(names)),
                        {"now": now}) if names else []
    paused = {r[0] for r in rows if r[1]}
    busy = tuple(sorted((BusyChannel(r[0], r[2], r[3]) for r in rows if r[2] is not None), key=lambda b: b.channel))
    open_names = {n for n in names if n not in paused}
    active = ({b.channel for b in busy} | {r[0] for r in rows if r[4] and r[4] > now - ACTIVE_WINDOW}) & open_names
    if not history:
        return QueueContext(len(active) or len(open_names), busy)
    services = scope_services(settings, phase, service)
    finished = and_(visits.c.phase == phase, in_scope(settings, services), visits.c.finished_at <= now)
    last_hour = await tx.scalar(select(func.count()).where(finished, visits.c.finished_at > now - dt.timedelta(hours=1)))
    recent = [max((end - (started or called_at)).total_seconds() / 60.0, 0.0) for called_at, started, end in await tx.all(
        select(visits.c.called_at, visits.c.started_at, visits.c.finished_at)
        .where(finished, visits.c.finished_at >= dt.datetime.combine(now.date(), dt.time()))
        .order_by(visits.c.finished_at.desc()).limit(RECENT_SERVICES)) if started or called_at]
    # Patients of this queue's services still in an earlier phase (a ticket's phase and status
    # are those of its current visit), by level.
    route = settings.services[service].route
    earlier = route[: route.index(phase)] if phase in route else ()
    levels = {rule.level for rule in settings.conditions.values()} | {settings.default_level}
    upstream = await tx.all(select(tickets.c.level, func.count()).where(
        tickets.c.day == now.date(), tickets.c.phase.in_(earlier), tickets.c.status.in_(ACTIVE),
        in_scope(settings, services, tickets.c.service)).group_by(tickets.c.level)) if earlier else []
    return QueueContext(
        channels_open=len(active) or len(open_names),
        busy=busy,
        recent=tuple(reversed(recent)),
        served_last_hour=int(last_hour or 0),
        upstream=tuple(level for level, count in sorted((lv, n) for lv, n in upstream) if level in levels for _ in range(count)),
    )


PATIENTS = cast(Table, Patient.__table__)
WAITING_COLUMNS = (visits.c.id, visits.c.turn_near_sent, tickets.c.id, tickets.c.user_id, tickets.c.number,
                   tickets.c.service, tickets.c.level, tickets.c.conditions, tickets.c.age, visits.c.entered_at,
                   tickets.c.leave_sends, tickets.c.checked_in_at, PATIENTS.c.trip_minutes, tickets.c.doctor_id)


async def waiting_list(tx: Tx, settings: Rules, phase: str, services: frozenset[str],
                       limit: int | None, room: RoomQueue | None = None) -> list[Sequence[Any]]:
    """The head of a queue (of the part `room` calls, when given) in calling order: (visit id,
    turn_near_sent, ticket id, user id, number, service, level, conditions, age, entered_at,
    leave_sends, checked_in_at, the patient's trip, the chosen doctor)."""
    def make():
        statement = (select(*WAITING_COLUMNS).join_from(visits, tickets, tickets.c.id == visits.c.ticket_id)
                     .outerjoin(PATIENTS, PATIENTS.c.id == tickets.c.patient_id)
                     .where(waiting_in_scope(settings, phase, services, room)).order_by(*QUEUE_ORDER))
        return statement if limit is None else statement.limit(bindparam("limit"))

    statement = made_once(settings, "waiting_list", (phase, services, room and room.elsewhere, limit is None), make)
    return await tx.all(statement, {"limit": limit})


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
