"""QueueService: every queue state change, each one transaction with the notices it owes."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Awaitable, Callable, Iterable, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from . import errors
from .clock import Clock
from .config import Channel, Settings
from .db import with_retries
from .models import ChannelState, DailyCounter, Ticket, Visit
from .notices import add_notice, alert_staff, check_turn_near, safe_estimate, ticket_payload
from .policy import OrderingPolicy, derive_conditions, level_for
from .queries import build_snapshot, current_at_channel, position_of, scope_services, waiting_in_scope, QUEUE_ORDER
from .snapshot import QueueSnapshot, RecentMeanEstimator, WaitEstimator

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


class QueueService:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: Settings,
        clock: Clock,
        estimator: WaitEstimator | None = None,
        on_db_retry: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.settings = settings
        self.clock = clock
        self.estimator: WaitEstimator = estimator or RecentMeanEstimator()
        self.policy = OrderingPolicy.from_config(settings.policy)
        self.on_db_retry = on_db_retry

    # ------------------------------------------------------------------ plumbing

    async def _tx(self, fn: Callable[[AsyncSession, dt.datetime], Awaitable[T]]) -> T:
        async def attempt() -> T:
            now = self.clock.now()
            async with self.sessionmaker() as session:
                async with session.begin():
                    return await fn(session, now)

        return await with_retries(attempt, on_retry=self.on_db_retry)

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
            snapshot = await build_snapshot(session, self.settings, visit.phase, visit.service, now, limit=position)
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

    # ------------------------------------------------------------------ patients' side

    async def issue(
        self,
        *,
        service: str,
        user_id: int | None,
        patient_id: int | None = None,
        conditions: Iterable[str] = (),
        age: int | None = None,
    ) -> TicketView:
        """Take a ticket: opening hours and quota checked, number = prefix + daily sequence."""
        svc = self.settings.services.get(service)
        if svc is None:
            raise errors.UnknownService(service=service, known=sorted(self.settings.services))
        derived = derive_conditions(conditions, age, self.settings.conditions)
        level = level_for(derived, self.settings.conditions, self.settings.default_level)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            day = now.date()
            if day in self.settings.clinic.holidays or not svc.hours.is_open(now):
                raise errors.ServiceClosed(service=service, hours=svc.hours.describe(), holiday=day in self.settings.clinic.holidays)
            if patient_id is not None:
                await self._expire_or_refuse_existing(session, patient_id, service, now)
            seq = await self._next_seq(session, day, service)
            if seq > svc.daily_quota:
                raise errors.QuotaFull(service=service, quota=svc.daily_quota)
            ticket = Ticket(
                day=day, service=service, seq=seq, number=f"{svc.prefix}-{seq:03d}",
                patient_id=patient_id, user_id=user_id, level=level, conditions="+".join(derived),
                age=age, route=",".join(svc.route), status="waiting", phase=svc.route[0],
                created_at=now, updated_at=now,
            )
            visit = self._new_visit(ticket, svc.route[0], now)
            session.add_all([ticket, visit])
            try:
                await session.flush()
            except IntegrityError:
                raise errors.AlreadyHasTicket(service=service) from None
            if level == 0:
                await alert_staff(session, self.settings, "staff_emergency", now, ticket_payload(ticket, conditions=derived), ticket.id)
            await self._after_change(session, visit.phase, [service], now)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def _expire_or_refuse_existing(self, session: AsyncSession, patient_id: int, service: str, now: dt.datetime) -> None:
        existing = await session.scalar(
            select(Ticket).where(Ticket.patient_id == patient_id, Ticket.service == service, Ticket.status.not_in(FINAL))
        )
        if existing is None:
            return
        visit = await self._latest_visit(session, existing.id)
        grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
        stale_day = existing.day < now.date()
        expired_skip = existing.status == "skipped" and visit is not None and visit.skipped_at and now - visit.skipped_at > grace
        if stale_day or expired_skip:
            existing.status, existing.cancel_reason, existing.updated_at = "cancelled", "expired", now
            return
        raise errors.AlreadyHasTicket(service=service, number=existing.number, ticket_id=existing.id)

    async def _next_seq(self, session: AsyncSession, day: dt.date, service: str) -> int:
        """Bump the day's counter in this transaction: a rollback un-issues the number, leaving no gap."""
        dialect = session.bind.dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = insert(DailyCounter).values(day=day, service=service, last_seq=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[DailyCounter.day, DailyCounter.service],
            set_={"last_seq": DailyCounter.last_seq + 1},
        ).returning(DailyCounter.last_seq)
        return int(await session.scalar(stmt))

    async def view(self, ticket_id: int) -> TicketView:
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id)
            return await self._view(session, ticket, await self._latest_visit(session, ticket_id), now)

        return await self._tx(fn)

    async def tickets_of_user(self, user_id: int, active_only: bool = True) -> list[TicketView]:
        async def fn(session: AsyncSession, now: dt.datetime) -> list[TicketView]:
            stmt = select(Ticket).where(Ticket.user_id == user_id, Ticket.day == now.date()).order_by(Ticket.id)
            if active_only:
                stmt = stmt.where(Ticket.status.not_in(FINAL))
            return [await self._view(session, t, await self._latest_visit(session, t.id), now) for t in await session.scalars(stmt)]

        return await self._tx(fn)

    async def find(self, number: str, day: dt.date | None = None) -> TicketView:
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await session.scalar(select(Ticket).where(Ticket.number == number.upper(), Ticket.day == (day or now.date())))
            if ticket is None:
                raise errors.TicketNotFound(number=number)
            return await self._view(session, ticket, await self._latest_visit(session, ticket.id), now)

        return await self._tx(fn)

    async def cancel(self, ticket_id: int, *, by: str = "patient", reason: str = "patient") -> TicketView:
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id, lock=True)
            if ticket.status in FINAL:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="cancel")
            visit = await self._latest_visit(session, ticket_id, lock=True)
            ticket.status, ticket.cancel_reason, ticket.updated_at = "cancelled", reason, now
            if visit is not None:
                visit.status, visit.cancelled_at = "cancelled", now
            if by != "patient":
                add_notice(session, ticket.user_id, "cancelled", now, ticket_payload(ticket, reason=reason), ticket.id)
            if visit is not None:
                await self._after_change(session, visit.phase, [visit.service], now)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def rejoin(self, ticket_id: int) -> TicketView:
        """A skipped patient who turns up within the grace period joins the back of their level."""
        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id, lock=True)
            visit = await self._latest_visit(session, ticket_id, lock=True)
            if ticket.status != "skipped" or visit is None or visit.status != "skipped":
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="rejoin")
            grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
            if now - visit.skipped_at > grace or ticket.day != now.date():
                raise errors.RejoinExpired(number=ticket.number, grace_minutes=grace.total_seconds() / 60)
            new = self._new_visit(ticket, visit.phase, now)
            new.service = visit.service
            session.add(new)
            ticket.status, ticket.updated_at = "waiting", now
            await session.flush()
            await self._after_change(session, new.phase, [new.service], now)
            return await self._view(session, ticket, new, now)

        return await self._tx(fn)

    # ------------------------------------------------------------------ staff side

    async def call_next(self, channel_name: str) -> TicketView | None:
        """Call the next patient for a channel; None when nobody waits. Atomic across processes."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView | None:
            state = await self._lock_channel(session, channel)
            if state.paused:
                raise errors.ChannelPaused(channel=channel.name)
            busy = await current_at_channel(session, channel.name)
            if busy is not None:
                raise errors.ChannelBusy(channel=channel.name, number=busy[1].number)
            visit = await session.scalar(
                select(Visit)
                .where(waiting_in_scope(channel.phase, channel.services))
                .order_by(*QUEUE_ORDER)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if visit is None:
                return None
            ticket = await self._ticket(session, visit.ticket_id, lock=True)
            visit.status, visit.channel, visit.called_at = "called", channel.name, now
            ticket.status, ticket.phase, ticket.updated_at = "called", visit.phase, now
            add_notice(session, ticket.user_id, "called", now, ticket_payload(ticket, phase=visit.phase, channel=channel.name), ticket.id)
            await session.flush()
            await self._after_change(session, channel.phase, channel.services, now)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def recall(self, channel_name: str) -> TicketView:
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            visit.recalls += 1
            add_notice(session, ticket.user_id, "called", now, ticket_payload(ticket, phase=visit.phase, channel=channel.name, recall=visit.recalls), ticket.id)
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def start(self, channel_name: str) -> TicketView:
        """The called patient arrived: service starts (optional; finish assumes it otherwise)."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            if visit.status != "called":
                raise errors.InvalidTransition(number=ticket.number, status=visit.status, action="start")
            visit.status, visit.started_at = "serving", now
            ticket.status, ticket.updated_at = "serving", now
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def finish(self, channel_name: str) -> TicketView:
        """Service ends: on to the next phase of the route (same number and level), or done."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            visit.status, visit.finished_at = "done", now
            visit.started_at = visit.started_at or visit.called_at
            route = ticket.route_list
            following = route[route.index(visit.phase) + 1:] if visit.phase in route else []
            ticket.updated_at = now
            if not following:
                ticket.status = "done"
                add_notice(session, ticket.user_id, "finished", now, ticket_payload(ticket), ticket.id)
                return await self._view(session, ticket, None, now)
            new = self._new_visit(ticket, following[0], now)
            session.add(new)
            ticket.status, ticket.phase = "waiting", new.phase
            await session.flush()
            view = await self._view(session, ticket, new, now)
            add_notice(
                session, ticket.user_id, "next_phase", now,
                ticket_payload(ticket, phase=new.phase, position=view.position,
                               minutes=None if view.estimate_minutes is None else round(view.estimate_minutes)),
                ticket.id,
            )
            await self._after_change(session, new.phase, [new.service], now)
            return view

        return await self._tx(fn)

    async def skip(self, channel_name: str) -> TicketView:
        """Called but did not come: may rejoin within the grace period."""
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            visit, ticket = await self._current(session, channel)
            visit.status, visit.skipped_at = "skipped", now
            ticket.status, ticket.updated_at = "skipped", now
            add_notice(
                session, ticket.user_id, "skipped", now,
                ticket_payload(ticket, phase=visit.phase, ticket_id=ticket.id,
                               grace_minutes=self.settings.notifications.skip_grace_minutes),
                ticket.id,
            )
            return await self._view(session, ticket, visit, now)

        return await self._tx(fn)

    async def transfer(self, ticket_id: int, to_service: str) -> TicketView:
        """Send a ticket to another service's poli (keeps number and level)."""
        svc = self.settings.services.get(to_service)
        if svc is None:
            raise errors.UnknownService(service=to_service, known=sorted(self.settings.services))

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView:
            ticket = await self._ticket(session, ticket_id, lock=True)
            if ticket.status in FINAL or ticket.service == to_service:
                raise errors.InvalidTransition(number=ticket.number, status=ticket.status, action="transfer")
            visit = await self._latest_visit(session, ticket_id, lock=True)
            if visit is not None and visit.status in ("called", "serving"):
                visit.status, visit.finished_at = "done", now
                visit.started_at = visit.started_at or visit.called_at
            elif visit is not None and visit.status in ("waiting", "skipped"):
                visit.status, visit.cancelled_at = "cancelled", now
            old_phase, old_service = (visit.phase, visit.service) if visit else (None, None)
            ticket.service, ticket.route, ticket.updated_at = to_service, ",".join(svc.route), now
            phase = "poli" if "poli" in svc.route else svc.route[0]
            new = self._new_visit(ticket, phase, now)
            session.add(new)
            ticket.status, ticket.phase = "waiting", phase
            try:
                await session.flush()
            except IntegrityError:
                raise errors.AlreadyHasTicket(service=to_service) from None
            view = await self._view(session, ticket, new, now)
            add_notice(session, ticket.user_id, "transferred", now,
                       ticket_payload(ticket, phase=phase, position=view.position), ticket.id)
            if old_phase:
                await self._after_change(session, old_phase, [old_service], now)
            await self._after_change(session, phase, [to_service], now)
            return view

        return await self._tx(fn)

    async def set_paused(self, channel_name: str, paused: bool) -> None:
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> None:
            state = await self._lock_channel(session, channel)
            state.paused, state.updated_at = paused, now
            if not paused:
                await self._after_change(session, channel.phase, channel.services, now)

        await self._tx(fn)

    async def close_day(self, day: dt.date | None = None) -> int:
        """End of the day: every unfinished ticket is cancelled and its holder told."""
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            target = day or now.date()
            tickets = list(await session.scalars(select(Ticket).where(Ticket.day == target, Ticket.status.not_in(FINAL))))
            for t in tickets:
                was_skipped = t.status == "skipped"
                t.status, t.cancel_reason, t.updated_at = "cancelled", "day_closed", now
                if not was_skipped:
                    add_notice(session, t.user_id, "cancelled", now, ticket_payload(t, reason="day_closed"), t.id)
            if tickets:
                await session.execute(
                    update(Visit)
                    .where(Visit.ticket_id.in_([t.id for t in tickets]), Visit.status.in_(("waiting", "called", "serving")))
                    .values(status="cancelled", cancelled_at=now)
                )
            return len(tickets)

        return await self._tx(fn)

    # ------------------------------------------------------------------ read side for staff/board/predictor

    async def snapshot(self, phase: str, service: str) -> QueueSnapshot:
        async def fn(session: AsyncSession, now: dt.datetime) -> QueueSnapshot:
            return await build_snapshot(session, self.settings, phase, service, now)

        return await self._tx(fn)

    async def current(self, channel_name: str) -> TicketView | None:
        channel = self._channel(channel_name)

        async def fn(session: AsyncSession, now: dt.datetime) -> TicketView | None:
            row = await current_at_channel(session, channel.name)
            return None if row is None else await self._view(session, row[1], row[0], now)

        return await self._tx(fn)

    async def waiting_count(self, phase: str, service: str) -> int:
        async def fn(session: AsyncSession, now: dt.datetime) -> int:
            return int(await session.scalar(
                select(func.count()).select_from(Visit).where(waiting_in_scope(phase, scope_services(self.settings, phase, service)))
            ) or 0)

        return await self._tx(fn)
