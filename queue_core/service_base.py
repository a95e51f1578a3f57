"""Plumbing shared by the queue operations: transactions, locks, ticket views."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Awaitable, Callable, Iterable, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from . import errors
from .clock import Clock
from .config import Channel, Settings
from .db import Database
from .models import ChannelState, Ticket, Visit
from .notices import check_turn_near, safe_estimate
from .policy import OrderingPolicy
from .queries import build_snapshot, current_at_channel, position_of, scope_services
from .snapshot import needs_full_queue, RecentMeanEstimator, WaitEstimator

log = logging.getLogger(__name__)
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

    @property
    def active(self) -> bool:
        return self.status not in FINAL


class ServiceBase:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        clock: Clock,
        estimator: WaitEstimator | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.estimator: WaitEstimator = estimator or RecentMeanEstimator()
        self.policy = OrderingPolicy.from_config(settings.policy)

    # ------------------------------------------------------------------ plumbing

    async def _tx(self, fn: Callable[[AsyncSession, dt.datetime], Awaitable[T]]) -> T:
        return await self.db.run(lambda session: fn(session, self.clock.now()))

    def _channel(self, name: str) -> Channel:
        try:
            return self.settings.channel(name)
        except KeyError:
            raise errors.UnknownChannel(channel=name, known=[c.name for c in self.settings.channels]) from None

    def _new_visit(self, ticket: Ticket, phase: str, now: dt.datetime) -> Visit:
        rank, effective = self.policy.sort_key(ticket.level, now)
        return Visit(
            ticket=ticket, phase=phase, service=ticket.service, status="waiting",
            rank=rank, effective_at=effective, entered_at=now,
        )

    async def _view(self, session: AsyncSession, ticket: Ticket, visit: Visit | None, now: dt.datetime) -> TicketView:
        position = estimate = None
        if visit is not None and visit.status == "waiting":
            position = await position_of(session, self.settings, visit)
            limit = None if needs_full_queue(self.estimator) else position
            snapshot = await build_snapshot(session, self.settings, visit.phase, visit.service, now, limit=limit)
            minutes = safe_estimate(self.estimator, snapshot)
            estimate = minutes[position - 1] if len(minutes) >= position else None
        return TicketView(
            id=ticket.id, number=ticket.number, service=ticket.service, day=ticket.day,
            level=ticket.level, conditions=tuple(ticket.condition_list), status=ticket.status,
            phase=ticket.phase, channel=visit.channel if visit else None, position=position,
            estimate_minutes=estimate, user_id=ticket.user_id, patient_id=ticket.patient_id,
            entered_at=visit.entered_at if visit else None,
        )

    async def _latest_visit(self, session: AsyncSession, ticket_id: int, lock: bool = False) -> Visit | None:
        stmt = select(Visit).where(Visit.ticket_id == ticket_id).order_by(Visit.id.desc()).limit(1)
        if lock:
            stmt = stmt.with_for_update()
        return await session.scalar(stmt)

    async def _ticket(self, session: AsyncSession, ticket_id: int, lock: bool = False) -> Ticket:
        stmt = select(Ticket).where(Ticket.id == ticket_id)
        if lock:
            stmt = stmt.with_for_update()
        ticket = await session.scalar(stmt)
        if ticket is None:
            raise errors.TicketNotFound(ticket_id=ticket_id)
        return ticket

    async def _lock_channel(self, session: AsyncSession, channel: Channel) -> ChannelState:
        state = await session.scalar(select(ChannelState).where(ChannelState.name == channel.name).with_for_update())
        if state is None:
            raise errors.UnknownChannel(channel=channel.name, known=[c.name for c in self.settings.channels])
        return state

    async def _current(self, session: AsyncSession, channel: Channel) -> tuple[Visit, Ticket]:
        await self._lock_channel(session, channel)
        row = await current_at_channel(session, channel.name)
        if row is None:
            raise errors.NoCurrentTicket(channel=channel.name)
        return row

    async def _after_change(self, session: AsyncSession, phase: str, services: Iterable[str], now: dt.datetime) -> None:
        done: set[frozenset[str]] = set()
        for service in services:
            scope = scope_services(self.settings, phase, service)
            if scope not in done:
                done.add(scope)
                await check_turn_near(session, self.settings, self.estimator, phase, service, now)

    # ------------------------------------------------------------------ set-up

    async def ensure_channels(self) -> None:
        """Create a state row for every configured channel (idempotent, run at start-up)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> None:
            known = set(await session.scalars(select(ChannelState.name)))
            for ch in self.settings.channels:
                if ch.name not in known:
                    session.add(ChannelState(name=ch.name, paused=False, updated_at=now))

        await self._tx(fn)
