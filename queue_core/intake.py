"""Before a number is taken: which services take numbers now, and where a number taken now would
stand. The rules are the ones `issue` applies (the same functions), so the ticket menu and
/api/predict never tell a patient something the queue then contradicts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import func, select, tuple_, update

from . import errors
from .clinic_data import closed_services
from .policy import derive_conditions, level_for
from .queries import QUEUE_ORDER, scope_services, waiting_in_scope
from .rows import TicketRow
from .rules import Rules, Service
from .service_base import ServiceBase
from .tx import Tx, daily_counters, visits


@dataclass(frozen=True)
class Availability:
    """Whether `service` gives out numbers now; `reason` says why not: closure (an admin closed it
    today, `closure` says why), holiday, hours or full."""

    service: str
    open: bool
    reason: str | None
    hours_today: str   # "07:30-12:00", or "-" when closed all day
    issued: int        # places of today's quota used: numbers given out minus those cancelled
    quota: int
    closure: str | None = None


@dataclass(frozen=True)
class Preview:
    """A number taken now: its level, place and estimated wait in the first phase (nothing written)."""

    service: str
    phase: str
    level: int
    conditions: tuple[str, ...]
    position: int
    estimate_minutes: float | None
    availability: Availability


def hours_today(svc: Service, day: dt.date) -> str:
    window = svc.hours.window(day)
    return f"{window[0]:%H:%M}-{window[1]:%H:%M}" if window else "-"


def closed_reason(settings: Rules, svc: Service, now: dt.datetime) -> str | None:
    """Why `svc` takes no numbers at `now` for its hours ("holiday", "hours"), or None."""
    if now.date() in settings.clinic.holidays:
        return "holiday"
    return None if svc.hours.is_open(now) else "hours"


def quota_reached(svc: Service, issued: int) -> bool:
    return issued >= svc.daily_quota


async def return_to_quota(tx: Tx, settings: Rules, ticket: TicketRow) -> None:
    """A cancelled ticket's place goes back to the quota of the service that issued its number
    (a transferred ticket keeps the number of its first service)."""
    prefix = ticket.number.rsplit("-", 1)[0]
    issuer = next((code for code, svc in settings.services.items() if svc.prefix == prefix), ticket.service)
    await tx.run(update(daily_counters).where(daily_counters.c.day == ticket.day, daily_counters.c.service == issuer)
                 .values(returned=daily_counters.c.returned + 1))


class IntakeQueries(ServiceBase):
    async def availability(self) -> dict[str, Availability]:
        """Every service in config order, open or not now."""
        async def fn(tx: Tx, now: dt.datetime) -> dict[str, Availability]:
            return await self._availability(tx, now, list(self.settings.services))

        return await self._tx(fn)

    async def _availability(self, tx: Tx, now: dt.datetime, codes: Iterable[str]) -> dict[str, Availability]:
        codes = list(codes)
        issued = {str(service): int(used) for service, used in await tx.all(
            select(daily_counters.c.service, daily_counters.c.last_seq - daily_counters.c.returned).where(
                daily_counters.c.day == now.date(), daily_counters.c.service.in_(codes)))}
        shut = await closed_services(tx, now.date(), codes)
        out = {}
        for code in codes:
            svc = self.settings.services[code]
            count = int(issued.get(code, 0))
            reason = ("closure" if code in shut else closed_reason(self.settings, svc, now)
                      or ("full" if quota_reached(svc, count) else None))
            out[code] = Availability(code, reason is None, reason, hours_today(svc, now.date()), count, svc.daily_quota,
                                     shut.get(code))
        return out

    async def preview(self, service: str, conditions: Iterable[str] = (), age: int | None = None) -> Preview:
        """Where a number of `service` taken now would stand in its first phase queue, under the
        ordering policy the queue uses (head start included), and its estimated wait. Answers when
        the service is closed too (`availability` says so). ValueError: an unknown condition."""
        svc = self.settings.services.get(service)
        if svc is None:
            raise errors.UnknownService(service=service, known=sorted(self.settings.services))
        derived = derive_conditions(conditions, age, self.settings.conditions)
        level = level_for(derived, self.settings.conditions, self.settings.default_level)
        phase = svc.route[0]

        async def fn(tx: Tx, now: dt.datetime) -> Preview:
            rank, effective = self.policy.sort_key(level, now)
            # The new visit would enter at `now` with the highest id: behind every equal key.
            ahead = await tx.scalar(select(func.count()).select_from(visits).where(
                waiting_in_scope(self.settings, phase, scope_services(self.settings, phase, service)),
                tuple_(*QUEUE_ORDER[:3]) <= tuple_(rank, effective, now)))
            position = int(ahead or 0) + 1
            me = (None, False, None, None, "?", service, level, "+".join(derived), age, now)
            window = await self._window(tx, phase, service, position, me, now, queued=False)
            minutes = None if window is None else window.median
            available = (await self._availability(tx, now, [service]))[service]
            return Preview(service, phase, level, tuple(derived), position, minutes, available)

        return await self._tx(fn)
