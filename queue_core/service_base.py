"""Plumbing shared by the queue operations: transactions, locks, ticket views."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Awaitable, Callable, Iterable, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from . import errors
from .advice import Advice, CallWindow, ConfiguredEstimator, advice_at, safe_windows
from .clock import Clock
from .doctor_rooms import RoomQueue, doctors_room
from .models import ChannelState
from .notices import check_turn_near
from .policy import OrderingPolicy
from .queries import (
    build_snapshot,
    position_of,
    queue_context,
    room_context,
    scope_services,
    snapshot_from,
    waiting_ticket,
)
from .rows import LOCK_CHANNEL, TicketRow, VisitRow, current_at_channel, insert_visit
from .rules import Channel, Rules
from .snapshot import WaitEstimator, needs_full_queue, needs_history, needs_queue_ahead
from .tx import Tx

T = TypeVar("T")
FINAL = ("done", "cancelled")


@dataclass(frozen=True)
class TicketView:
    """What a patient or a nurse is told about one ticket."""

    id: int
    number: str
    service: str
    day: dt.date
    level: int
    conditions: tuple[str, ...]
    status: str
    phase: str
    channel: str | None
    position: int | None           # only while waiting
    estimate_minutes: float | None  # only while waiting, None when the system has no figure
    user_id: int | None
    patient_id: int | None
    entered_at: dt.datetime | None
    recalls: int = 0               # calls again at the channel since the first (1 + recalls calls)
    advice: Advice | None = None   # only while waiting: when to come, the call's range (queue_core.advice)

    @property
    def active(self) -> bool:
        return self.status not in FINAL


class ServiceBase:
    def __init__(
        self,
        db: Database,
        settings: Rules,
        clock: Clock,
        estimator: WaitEstimator | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.estimator: WaitEstimator = estimator or ConfiguredEstimator(settings.notifications.advice_margin_minutes)
        self.policy = OrderingPolicy.from_config(settings.policy)

    async def _tx(self, fn: Callable[[Tx, dt.datetime], Awaitable[T]]) -> T:
        return await self.db.run_tx(lambda tx: fn(tx, self.clock.now()))

    def _channel(self, name: str) -> Channel:
        try:
            return self.settings.channel(name)
        except KeyError:
            raise errors.UnknownChannel(channel=name, known=[c.name for c in self.settings.channels]) from None

    async def _new_visit(self, tx: Tx, ticket: TicketRow, phase: str, now: dt.datetime, service: str | None = None) -> VisitRow:
        rank, effective = self.policy.sort_key(ticket.level, now)
        return await insert_visit(tx, ticket, phase, service or ticket.service, rank, effective, now)

    async def _view(self, tx: Tx, ticket: TicketRow, visit: VisitRow | None, now: dt.datetime) -> TicketView:
        position = estimate = advice = None
        if visit is not None and visit.status == "waiting":
            room = await doctors_room(tx, self.settings, ticket.id, visit.phase, visit.service, now)
            position = await position_of(tx, self.settings, visit, room)
            me = (visit.id, False, ticket.id, ticket.user_id, ticket.number, ticket.service, ticket.level,
                  ticket.conditions, ticket.age, visit.entered_at)
            window = await self._window(tx, visit.phase, visit.service, position, me, now, queued=True, room=room)
            if window is not None:
                estimate, advice = window.median, advice_at(now, window, self.estimator_name)
        return TicketView(
            id=ticket.id, number=ticket.number, service=ticket.service, day=ticket.day,
            level=ticket.level, conditions=tuple(ticket.condition_list), status=ticket.status,
            phase=ticket.phase, channel=visit.channel if visit else None, position=position,
            estimate_minutes=estimate, user_id=ticket.user_id, patient_id=ticket.patient_id,
            entered_at=visit.entered_at if visit else None, recalls=visit.recalls if visit else 0, advice=advice,
        )

    @property
    def estimator_name(self) -> str:
        return str(getattr(self.estimator, "name", "?"))

    async def _window(self, tx: Tx, phase: str, service: str, position: int, me: tuple, now: dt.datetime,
                      queued: bool, room: RoomQueue | None = None) -> CallWindow | None:
        """When `me` (a waiting_list row) at `position` will be called; `queued`: whether it is in
        the queue already, else it is placed there as if it had just been taken. `room`: the
        position is in the part of the queue that room calls, served by that room alone."""
        margin = self.settings.notifications.advice_margin_minutes
        history = needs_history(self.estimator)
        if not needs_queue_ahead(self.estimator):
            context = room_context(await queue_context(tx, self.settings, phase, service, now, history), room)
            windows = safe_windows(self.estimator, snapshot_from(self.settings, phase, service, now, context, [me],
                                                                 positions=[position]), margin)
            return windows[0] if windows else None
        limit = None if needs_full_queue(self.estimator) else position - (0 if queued else 1)
        snapshot = await build_snapshot(tx, self.settings, phase, service, now, limit=limit, room=room, history=history)
        if not queued:
            rows = [*snapshot.waiting[:position - 1], waiting_ticket(me, position), *snapshot.waiting[position - 1:]]
            snapshot = dataclasses.replace(snapshot, waiting=tuple(
                dataclasses.replace(w, position=i) for i, w in enumerate(rows, start=1)))
        windows = safe_windows(self.estimator, snapshot, margin)
        return windows[position - 1] if len(windows) >= position else None

    async def _channel_state(self, tx: Tx, channel: Channel) -> tuple[bool, tuple[VisitRow, TicketRow] | None]:
        """(paused, the visit and ticket at the channel). The state row is locked first (PostgreSQL) and
        the visit read by a second statement: under READ COMMITTED a statement that waited for the
        lock re-reads only the locked row, so a visit joined in the same statement would be the one
        from before the wait (a patient another process just called there would be missed, and a
        second one called)."""
        paused = await tx.all(LOCK_CHANNEL, {"channel": channel.name})
        if not paused:
            raise errors.UnknownChannel(channel=channel.name, known=[c.name for c in self.settings.channels])
        return bool(paused[0][0]), await current_at_channel(tx, channel.name)

    async def _current(self, tx: Tx, channel: Channel) -> tuple[VisitRow, TicketRow]:
        """The visit called or served at the channel and its ticket, both rows locked (PostgreSQL):
        a second finish of the same patient waits, then finds the visit done and nobody current."""
        current = await current_at_channel(tx, channel.name, lock=True)
        if current is None:
            raise errors.NoCurrentTicket(channel=channel.name)
        return current

    async def _after_change(self, tx: Tx, phase: str, services: Iterable[str], now: dt.datetime,
                            entered: int | None = None) -> bool:
        """Turn-near checks of the queues a change touched. `entered`: the ticket entering a queue
        in this transaction; returns whether it is near already (its entry notice then says so,
        and it gets no turn-near of its own)."""
        done: set[frozenset[str]] = set()
        near = False
        for service in services:
            scope = scope_services(self.settings, phase, service)
            if scope not in done:
                done.add(scope)
                near |= await check_turn_near(tx, self.settings, self.estimator, phase, service, now, entered)
        return near

    async def ensure_channels(self) -> None:
        """Create a state row for every configured channel (idempotent, run at start-up)."""
        async def fn(session: AsyncSession) -> None:
            known = set(await session.scalars(select(ChannelState.name)))
            for ch in self.settings.channels:
                if ch.name not in known:
                    session.add(ChannelState(name=ch.name, paused=False, updated_at=self.clock.now()))

        await self.db.run(fn)
