"""Counters and rooms in the database: the live source of the queue's channels (`Rules.channels`,
besides each service's own rooms, which come with the service: queue_core/service_catalog.py).

config.yaml's channels (`phases.*.channels`) seed the table once, the first time PusQue starts on
a database whose counters were never seeded (an audit row `counters_seeded` marks it; counters
an admin recorded before are kept); from then on the table wins. Each change is one transaction
with its audit row; after the commit the catalog hands the active counters to `on_change`, which
the bot uses to give every holder of the rules the new channels at once (bot/services.py,
`Services.apply_counters`): /call, the staff keyboard, the counter page, the board and the API.

Nothing is lost by a change (docs/operations.md "Counters and rooms"): a counter leaves its phase
(deleted, deactivated, moved to another phase) only when no patient is called there and every
service it serves in that phase keeps another counter, or with `move_to`: another active counter
of the same phase that takes over the services only it served (their waiting patients keep their
places) and the called patients, each told where to go now.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Awaitable, Callable

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from .clinic_checks import BadFields, check_counter, problem
from .clinic_data import NameTaken, NotFound
from .clinic_tables import ClinicCounter
from .clock import Clock
from .models import AuditLog, ChannelState, StaffMember
from .outbox import add_notice, ticket_payload
from .rows import TICKET_COLUMNS, VISIT_COLUMNS, TicketRow, VisitRow
from .rules import Channel, Rules
from .service_catalog import R, with_services
from .tx import Tx, tickets, visits

OnChange = Callable[[tuple[Channel, ...]], Awaitable[None]]
SEED = "counters_seeded"
AT_COUNTER = ("called", "serving")
IN_QUEUE = ("waiting", "skipped")


def with_counters(rules: R, counters: tuple[Channel, ...] | list[Channel]) -> R:
    """The same rules with another set of counters (the database's, queue_core/counter_catalog.py)
    in place of every channel that is not a service's room; each serves the active services it
    names (every one when `every_service`)."""
    rooms = tuple(c for c in rules.channels if c.room_of is not None)
    return with_services(dataclasses.replace(rules, channels=tuple(counters) + rooms), rules.services)


class CounterInUse(Exception):
    """The counter cannot leave its phase yet: `called` patients are called or served there, and
    `services` of its phase would have no counter left (`waiting` patients wait for them)."""

    def __init__(self, name: str, called: int, waiting: int, services: list[str]) -> None:
        super().__init__(f"counter {name}: {called} called, {waiting} waiting for {services}")
        self.name, self.called, self.waiting, self.services = name, called, waiting, services


def counter_json(row: ClinicCounter) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "phase": row.phase,
            "services": "*" if row.every_service else list(row.services or []), "active": bool(row.active)}


def channel_of(row: ClinicCounter) -> Channel:
    """The channel a counter row makes (its services are narrowed to the active ones by the rules)."""
    return make_channel(row.name, row.phase, row.services, row.every_service)


def make_channel(name: str, phase: str, services: list[str] | None, every_service: bool | None) -> Channel:
    named = frozenset(services or [])
    every = bool(every_service)
    return Channel(name, phase, named, every_service=every, named=None if every else named)


def counter_seed(rules: Rules) -> tuple[Channel, ...]:
    """config.yaml's counters: every channel that is not a service's room."""
    return tuple(c for c in rules.channels if c.room_of is None)


class CounterCatalog:
    """Reads and audited changes of the counters. `rules`: the rules the process runs with now."""

    def __init__(self, db: Database, clock: Clock, rules: Callable[[], Rules], on_change: OnChange | None = None) -> None:
        self.db, self.clock, self.rules, self.on_change = db, clock, rules, on_change

    async def _run(self, fn: Callable[[AsyncSession, dt.datetime], Any]) -> Any:
        return await self.db.run(lambda session: fn(session, self.clock.now()))

    @staticmethod
    async def _active(session: AsyncSession) -> tuple[Channel, ...]:
        rows = await session.scalars(select(ClinicCounter).where(ClinicCounter.active.is_(True)).order_by(ClinicCounter.id))
        return tuple(channel_of(row) for row in rows)

    async def load(self, seed: tuple[Channel, ...] | None) -> tuple[tuple[Channel, ...] | None, int]:
        """The active counters (None: the table is empty and nothing was written), and how many were
        written from `seed` (config.yaml's) because the counters were never seeded. `seed` None:
        never write (a web worker beside the bot)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> tuple[tuple[Channel, ...] | None, int]:
            written: list[str] = []
            if seed is not None and not await session.scalar(
                    select(func.count()).select_from(AuditLog).where(AuditLog.action == SEED)):
                taken = {name.casefold() for name in await session.scalars(select(ClinicCounter.name))}
                for ch in seed:
                    if ch.name.casefold() not in taken:
                        session.add(ClinicCounter(name=ch.name, phase=ch.phase, every_service=ch.every_service,
                                                  services=[] if ch.every_service else sorted(ch.named or ch.services),
                                                  active=True, created_at=now, updated_at=now))
                        written.append(ch.name)
                session.add(AuditLog(at=now, actor_id=None, action=SEED, allowed=True, target="config.yaml",
                                     detail={"written": written}))
                await session.flush()
            if not await session.scalar(select(func.count()).select_from(ClinicCounter)):
                return None, 0
            return await self._active(session), len(written)

        return await self._run(fn)

    async def counters(self) -> list[dict[str, Any]]:
        """Every counter, the inactive ones too, in the order they were added."""
        async def fn(session: AsyncSession, now: dt.datetime) -> list[dict[str, Any]]:
            return [counter_json(c) for c in await session.scalars(select(ClinicCounter).order_by(ClinicCounter.id))]

        return await self._run(fn)

    async def in_the_way(self, counter_id: int) -> dict[str, Any]:
        """What removing the counter from its phase would leave behind: {"called", "waiting",
        "services"} (nothing changed)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            row = await session.get(ClinicCounter, counter_id)
            if row is None:
                raise NotFound("counter", counter_id)
            called, unserved, waiting = await self._left_behind(session, row, None)
            return {"called": len(called), "waiting": waiting, "services": unserved}

        return await self._run(fn)

    async def targets(self, counter_id: int) -> list[dict[str, Any]]:
        """The counters that could take over from this one: active, of its phase."""
        async def fn(session: AsyncSession, now: dt.datetime) -> list[dict[str, Any]]:
            row = await session.get(ClinicCounter, counter_id)
            if row is None:
                return []
            return [counter_json(c) for c in await session.scalars(select(ClinicCounter).where(
                ClinicCounter.id != counter_id, ClinicCounter.phase == row.phase, ClinicCounter.active.is_(True))
                .order_by(ClinicCounter.id))]

        return await self._run(fn)

    # ------------------------------------------------------------------ changes

    async def _name_free(self, session: AsyncSession, name: str, own_id: int | None) -> None:
        other = await session.scalar(select(ClinicCounter.id).where(func.lower(ClinicCounter.name) == name.lower()))
        if other is not None and other != own_id:
            raise NameTaken(name, other)
        if any(c.room_of is not None and c.name.casefold() == name.casefold() for c in self.rules().channels):
            raise NameTaken(name, 0)  # a service's room

    @staticmethod
    def _audit(session: AsyncSession, now: dt.datetime, action: str, target: int, by: dict[str, Any],
               before: dict[str, Any] | None, after: dict[str, Any] | None, **extra: Any) -> None:
        session.add(AuditLog(at=now, actor_id=by.get("actor_id"), action=action, allowed=True, target=str(target),
                             detail={**by, "before": before, "after": after, **extra}))

    async def _changed(self) -> None:
        if self.on_change is not None:
            await self.on_change(await self._run(lambda session, now: self._active(session)))

    async def create(self, body: Any, by: dict[str, Any]) -> dict[str, Any]:
        fields = check_counter(body, self.rules())

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            await self._name_free(session, fields["name"], None)
            row = ClinicCounter(**{"active": True, **fields}, created_at=now, updated_at=now)
            session.add(row)
            await session.flush()
            after = counter_json(row)
            self._audit(session, now, "clinic_counter_create", row.id, by, None, after)
            return after

        made = await self._run(fn)
        await self._changed()
        return made

    async def update(self, counter_id: int, body: Any, by: dict[str, Any], move_to: str | None = None) -> dict[str, Any]:
        """Change fields; one that takes the counter from its phase or drops a service only it
        serves there needs `move_to` while it is needed (CounterInUse says why)."""
        fields = check_counter(body, self.rules(), partial=True)

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            row = await self._row(session, counter_id)
            if "name" in fields:
                await self._name_free(session, fields["name"], counter_id)
            before = counter_json(row)
            old_name = row.name
            changed = {**{k: getattr(row, k) for k in ("name", "phase", "services", "every_service", "active")}, **fields}
            after = make_channel(changed["name"], changed["phase"], changed["services"], changed["every_service"])
            moved = await self._leave(session, row, after if changed["active"] else None, move_to, now)
            for key, value in fields.items():
                setattr(row, key, value)
            row.updated_at = now
            if row.name != old_name and row.active and row.phase == before["phase"]:
                await self._rename(session, old_name, row.name)
            now_json = counter_json(row)
            self._audit(session, now, "clinic_counter_update", counter_id, by, before, now_json, **moved)
            return {**now_json, **moved}

        changed = await self._run(fn)
        await self._changed()
        return changed

    async def delete(self, counter_id: int, by: dict[str, Any], move_to: str | None = None) -> dict[str, Any]:
        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            row = await self._row(session, counter_id)
            moved = await self._leave(session, row, None, move_to, now) if row.active else {}
            before = counter_json(row)
            await session.delete(row)
            self._audit(session, now, "clinic_counter_delete", counter_id, by, before, None, **moved)
            return {"deleted": before, **moved}

        gone = await self._run(fn)
        await self._changed()
        return gone

    @staticmethod
    async def _row(session: AsyncSession, counter_id: int) -> ClinicCounter:
        row = await session.get(ClinicCounter, counter_id, with_for_update=True)
        if row is None:
            raise NotFound("counter", counter_id)
        return row

    async def _left_behind(self, session: AsyncSession, row: ClinicCounter,
                           after: Channel | None) -> tuple[list[tuple[VisitRow, TicketRow]], list[str], int]:
        """(the visits called or served at the counter when it leaves its phase, the services of
        its phase no counter would serve after the change, the patients waiting for those)."""
        if not row.active:
            return [], [], 0
        rules = self.rules()
        before = channel_of(row)
        leaves = after is None or after.phase != row.phase
        others = [c for c in rules.channels if c.room_of is None and c.name.casefold() != row.name.casefold()]
        future = with_counters(rules, others + ([after] if after is not None else []))
        served = with_counters(rules, others + [before]).channels_for
        unserved = [code for code, svc in rules.services.items() if row.phase in svc.route
                    and any(c.name == row.name for c in served(row.phase, code))
                    and not future.channels_for(row.phase, code)]
        tx = await Tx.of(session)
        called: list[tuple[VisitRow, TicketRow]] = []
        if leaves:
            await tx.all(tx.locked(select(ChannelState.name).where(ChannelState.name == row.name)))
            rows = await tx.all(select(*VISIT_COLUMNS, *TICKET_COLUMNS).join_from(
                visits, tickets, tickets.c.id == visits.c.ticket_id).where(
                visits.c.channel == row.name, visits.c.status.in_(AT_COUNTER)).order_by(visits.c.called_at, visits.c.id))
            called = [(VisitRow.of(r[:13]), TicketRow.of(r[13:])) for r in rows]
        waiting = 0
        if unserved:
            waiting = int(await tx.scalar(select(func.count()).select_from(visits).where(
                visits.c.phase == row.phase, visits.c.status.in_(IN_QUEUE), visits.c.service.in_(unserved))) or 0)
        return called, unserved, waiting

    async def _leave(self, session: AsyncSession, row: ClinicCounter, after: Channel | None, move_to: str | None,
                     now: dt.datetime) -> dict[str, Any]:
        """Before a change takes the counter from its phase (or drops services only it serves): what
        needs it handed to `move_to`, or CounterInUse. Returns what was moved, for the answer and the audit."""
        called, unserved, waiting = await self._left_behind(session, row, after)
        if not called and not unserved:
            return {}
        if move_to is None:
            raise CounterInUse(row.name, len(called), waiting, unserved)
        target = await session.scalar(select(ClinicCounter).where(
            func.lower(ClinicCounter.name) == " ".join(move_to.split()).lower(), ClinicCounter.id != row.id,
            ClinicCounter.phase == row.phase, ClinicCounter.active.is_(True)).with_for_update())
        if target is None:
            known = list(await session.scalars(select(ClinicCounter.name).where(
                ClinicCounter.id != row.id, ClinicCounter.phase == row.phase, ClinicCounter.active.is_(True))))
            raise BadFields({"move_to": problem("unknown_counter", "Loket tujuan harus loket aktif lain di tahap yang sama.",
                                                "The target must be another active counter of the same phase.",
                                                known=known)})
        tx = await Tx.of(session)
        if called:  # one patient at a counter at a time: the target must be free to take them
            busy = await tx.scalar(select(tickets.c.number).join_from(visits, tickets, tickets.c.id == visits.c.ticket_id)
                                   .where(visits.c.channel == target.name, visits.c.status.in_(AT_COUNTER)).limit(1))
            if busy is not None:
                raise BadFields({"move_to": problem(
                    "busy", f"{target.name} sedang melayani nomor {busy}; selesaikan dulu atau pilih loket lain.",
                    f"{target.name} is serving number {busy}; finish it first or choose another counter.", number=busy)})
        if unserved and not target.every_service:
            target.services = sorted({*(target.services or []), *unserved})
            target.updated_at = now
        for visit, ticket in called:  # in the order they were called
            await tx.run(update(visits).where(visits.c.id == visit.id).values(channel=target.name))
            await add_notice(tx, ticket.user_id, "called", now, ticket_payload(
                ticket, phase=visit.phase, channel=target.name, moved_from=row.name), ticket.id)
        return {"moved": [t.number for _, t in called], "moved_to": target.name, "handed_over": unserved,
                "waiting": waiting}

    @staticmethod
    async def _rename(session: AsyncSession, old: str, new: str) -> None:
        """A renamed counter keeps the patients called there and the staff who work at it."""
        tx = await Tx.of(session)
        await tx.run(update(visits).where(visits.c.channel == old, visits.c.status.in_(AT_COUNTER)).values(channel=new))
        await session.execute(update(StaffMember).where(StaffMember.channel == old).values(channel=new))
