"""Services (poli) in the database: the live source of `Rules.services`.

config.yaml's services only seed an empty table (`load`); from then on the table wins. Each change
is one transaction with its audit row (who, what, before, after); after the commit the catalog
hands the active services to `on_change`, which the bot uses to give every holder of the rules
(queue core, ticket menu, board, API, FAQ answers) the new set at once (bot/services.py,
`Services.apply_services`), so no restart is needed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Awaitable, Callable, TypeVar

from sqlalchemy import JSON, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Database

from .clinic_checks import BadFields, problem
from .clinic_data import NotFound
from .clinic_tables import DoctorSchedule
from .clock import Clock
from .models import AuditLog, Base
from .rules import Channel, Rules, Service
from .service_checks import check_service, fields_of, service_of
from .service_moves import BadTarget, ServiceInUse, count_unfinished, move_waiting
from .tx import Tx

R = TypeVar("R", bound=Rules)
OnChange = Callable[[dict[str, Service]], Awaitable[None]]
ROW_FIELDS = ("code", "name", "name_en", "prefix", "route", "rooms", "daily_quota", "hours", "mean_service_minutes")


class ClinicService(Base):
    """A service (poli) as the admin keeps it (queue_core/service_catalog.py); seeded once from
    config.yaml, then the database wins. Only active services take numbers."""

    __tablename__ = "clinic_services"
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    name_en: Mapped[str] = mapped_column(String(128))
    prefix: Mapped[str] = mapped_column(String(4), unique=True)
    route: Mapped[list[str]] = mapped_column(JSON)
    rooms: Mapped[list[str]] = mapped_column(JSON)
    daily_quota: Mapped[int]
    hours: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"mon": "07:30-12:00", "sun": None, ...}
    mean_service_minutes: Mapped[float]
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int]  # the order of the ticket menu
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

def with_services(rules: R, services: dict[str, Service]) -> R:
    """The same rules with another set of services (the database's, queue_core/service_catalog.py):
    the channels serving every service serve the new set, each service's rooms become its poli
    channels, and the remembered lookups start afresh."""
    codes = frozenset(services)
    channels: list[Channel] = []
    for ch in rules.channels:
        if ch.room_of is not None:
            continue
        named = ch.services if ch.named is None else ch.named
        serves = codes if ch.every_service else named & codes
        channels.append(dataclasses.replace(ch, services=serves, named=None if ch.every_service else named))
    for svc in services.values():
        channels.extend(Channel(room, "poli", frozenset([svc.code]), room_of=svc.code) for room in svc.rooms)
    return dataclasses.replace(rules, services=dict(services), channels=tuple(channels), memo={})


class ServiceHasSchedules(Exception):
    def __init__(self, code: str, count: int) -> None:
        super().__init__(f"service {code} has {count} schedules")
        self.code, self.count = code, count


def service_json(row: ClinicService) -> dict[str, Any]:
    return {"code": row.code, "name": row.name, "name_en": row.name_en, "prefix": row.prefix,
            "route": list(row.route), "daily_quota": row.daily_quota, "rooms": list(row.rooms),
            "hours": dict(row.hours), "mean_service_minutes": row.mean_service_minutes, "active": bool(row.active)}


def _service(row: ClinicService) -> Service:
    return service_of({f: getattr(row, f) for f in ROW_FIELDS})


class ServiceCatalog:
    """Reads and audited changes of the services. `rules`: the rules the process runs with now."""

    def __init__(self, db: Database, clock: Clock, rules: Callable[[], Rules], on_change: OnChange | None = None) -> None:
        self.db, self.clock, self.rules, self.on_change = db, clock, rules, on_change

    async def _run(self, fn: Callable[[AsyncSession, dt.datetime], Any]) -> Any:
        return await self.db.run(lambda session: fn(session, self.clock.now()))

    @staticmethod
    async def _active(session: AsyncSession) -> dict[str, Service]:
        rows = await session.scalars(select(ClinicService).where(ClinicService.active.is_(True))
                                     .order_by(ClinicService.position, ClinicService.code))
        return {row.code: _service(row) for row in rows}

    async def load(self, seed: dict[str, Service] | None) -> tuple[dict[str, Service] | None, int]:
        """The active services (None: the table is empty and nothing was written), and how many
        were written from `seed` (config.yaml's) because the table was empty. `seed` None: never
        write (a web worker beside the bot)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> tuple[dict[str, Service] | None, int]:
            empty = not await session.scalar(select(func.count()).select_from(ClinicService))
            if empty and not seed:
                return None, 0
            if empty and seed:
                for position, svc in enumerate(seed.values()):
                    session.add(ClinicService(**fields_of(svc), active=True, position=position,
                                              created_at=now, updated_at=now))
                await session.flush()
            return await self._active(session), len(seed or {}) if empty else 0

        return await self._run(fn)

    async def services(self) -> list[dict[str, Any]]:
        """Every service, the inactive ones too, in menu order."""
        async def fn(session: AsyncSession, now: dt.datetime) -> list[dict[str, Any]]:
            rows = await session.scalars(select(ClinicService).order_by(ClinicService.position, ClinicService.code))
            return [service_json(row) for row in rows]

        return await self._run(fn)

    async def unfinished(self, code: str) -> int:
        """Numbers of the service from today on that are not finished or cancelled."""
        return await self.db.run_tx(lambda tx: count_unfinished(tx, self.clock.now().date(), code))

    # ------------------------------------------------------------------ changes

    def _check_fits(self, session_services: dict[str, Service], changed: Service) -> None:
        """The route's phases each have a channel, and the rooms' names are free."""
        rules = with_services(self.rules(), {**session_services, changed.code: changed})
        problems: dict[str, dict[str, Any]] = {}
        unserved = [p for p in changed.route if not rules.channels_for(p, changed.code)]
        if unserved:
            problems["route"] = problem("no_channel", f"Tidak ada loket/ruang yang melayani tahap {', '.join(unserved)}.",
                                        f"No counter or room serves phase {', '.join(unserved)}.", phases=unserved)
        names = [c.name.casefold() for c in rules.channels]
        taken = [room for room in changed.rooms if names.count(room.casefold()) > 1]
        if taken:
            problems["rooms"] = problem("room_taken", "Nama ruang sudah dipakai loket/ruang lain.",
                                        "A room's name is taken by another counter or room.", taken=taken)
        if problems:
            raise BadFields(problems)

    @staticmethod
    async def _prefix_free(session: AsyncSession, prefix: str, own: str | None) -> None:
        other = await session.scalar(select(ClinicService.code).where(ClinicService.prefix == prefix))
        if other is not None and other != own:
            raise BadFields({"prefix": problem("taken", f"Awalan {prefix} sudah dipakai layanan {other}.",
                                               f"Prefix {prefix} is used by service {other}.", service=other)})

    @staticmethod
    def _audit(session: AsyncSession, now: dt.datetime, action: str, code: str, by: dict[str, Any],
               before: dict[str, Any] | None, after: dict[str, Any] | None, **extra: Any) -> None:
        session.add(AuditLog(at=now, actor_id=by.get("actor_id"), action=action, allowed=True, target=code,
                             detail={**by, "before": before, "after": after, **extra}))

    async def _changed(self) -> None:
        if self.on_change is not None:
            active = await self._run(lambda session, now: self._active(session))
            await self.on_change(active)

    async def create(self, body: Any, by: dict[str, Any]) -> dict[str, Any]:
        fields = check_service(body, self.rules())

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            if await session.get(ClinicService, fields["code"]) is not None:
                raise BadFields({"code": problem("taken", f"Kode {fields['code']} sudah ada.",
                                                 f"Code {fields['code']} exists already.")})
            await self._prefix_free(session, fields["prefix"], None)
            if fields["active"]:
                self._check_fits(await self._active(session), service_of(fields))
            last = await session.scalar(select(func.max(ClinicService.position)))
            row = ClinicService(**fields, position=(last or 0) + 1, created_at=now, updated_at=now)
            session.add(row)
            await session.flush()
            after = service_json(row)
            self._audit(session, now, "clinic_service_create", row.code, by, None, after)
            return after

        made = await self._run(fn)
        await self._changed()
        return made

    async def update(self, code: str, body: Any, by: dict[str, Any], move_to: str | None = None) -> dict[str, Any]:
        """Change fields; deactivating a service that holds unfinished numbers needs `move_to`.
        A smaller quota cancels no number already given (it only limits the numbers to come)."""
        fields = check_service(body, self.rules(), partial=True)

        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            row = await session.get(ClinicService, code, with_for_update=True)
            if row is None:
                raise NotFound("service", code)  # type: ignore[arg-type]
            before = service_json(row)
            if "prefix" in fields:
                await self._prefix_free(session, fields["prefix"], code)
            for key, value in fields.items():
                setattr(row, key, value)
            row.updated_at = now
            moved: list[str] = []
            if row.active:
                others = {c: s for c, s in (await self._active(session)).items() if c != code}
                self._check_fits(others, _service(row))
            elif before["active"]:
                moved = await self._empty(session, code, move_to, now)
            after = service_json(row)
            self._audit(session, now, "clinic_service_update", code, by, before, after,
                        **({"moved": moved, "moved_to": move_to} if moved else {}))
            return {**after, **({"moved": moved, "moved_to": move_to} if moved else {})}

        changed = await self._run(fn)
        await self._changed()
        return changed

    async def delete(self, code: str, by: dict[str, Any], move_to: str | None = None) -> dict[str, Any]:
        async def fn(session: AsyncSession, now: dt.datetime) -> dict[str, Any]:
            row = await session.get(ClinicService, code, with_for_update=True)
            if row is None:
                raise NotFound("service", code)  # type: ignore[arg-type]
            schedules = await session.scalar(select(func.count()).select_from(DoctorSchedule)
                                             .where(DoctorSchedule.service == code))
            if schedules:
                raise ServiceHasSchedules(code, int(schedules))
            moved = await self._empty(session, code, move_to, now)
            before = service_json(row)
            await session.delete(row)
            self._audit(session, now, "clinic_service_delete", code, by, before, None,
                        **({"moved": moved, "moved_to": move_to} if moved else {}))
            return {"deleted": before, "moved": moved, "moved_to": move_to if moved else None}

        gone = await self._run(fn)
        await self._changed()
        return gone

    async def _empty(self, session: AsyncSession, code: str, move_to: str | None, now: dt.datetime) -> list[str]:
        """Before a service leaves: none of its numbers unfinished, or all moved to `move_to`."""
        tx = await Tx.of(session)
        count = await count_unfinished(tx, now.date(), code)
        if not count:
            return []
        if move_to is None:
            raise ServiceInUse(code, count)
        try:
            return await move_waiting(tx, self.rules(), code, move_to.strip().upper(), now)
        except BadTarget as exc:
            raise BadFields({"move_to": problem(
                exc.why, "Layanan tujuan tidak bisa menerima pasien ini" + (f" (tidak ada tahap {exc.phase})." if exc.phase else "."),
                "The target service cannot take these patients" + (f" (no phase {exc.phase})." if exc.phase else "."),
                known=sorted(c for c in self.rules().services if c != code))}) from None
