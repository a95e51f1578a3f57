"""Injectable time: the clinic's naive local time, so tests and the simulator control it; and the
repositories whose transactions are stamped with it."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Awaitable, Callable, Concatenate, ParamSpec, Protocol, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="Store")


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def __init__(self, timezone: str = "Asia/Jakarta") -> None:
        self.tz = ZoneInfo(timezone)

    def now(self) -> dt.datetime:
        return dt.datetime.now(self.tz).replace(tzinfo=None)


class ManualClock:
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = moment

    def advance(self, **delta: float) -> dt.datetime:
        self._now += dt.timedelta(**delta)
        return self._now


class CallableClock:
    """Adapts a zero-argument function returning the time to the Clock protocol."""

    def __init__(self, fn) -> None:
        self.now = fn


class Store:
    """A repository on the one Database whose methods are each one transaction (`@transaction`)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def _tx(self, fn: Callable[[AsyncSession, dt.datetime], Awaitable[Any]]) -> Any:
        return await self.db.run(lambda session: fn(session, self.clock.now()))


def transaction(method: Callable[Concatenate[S, AsyncSession, dt.datetime, P], Awaitable[R]]
                ) -> Callable[Concatenate[S, P], Awaitable[R]]:
    """A Store method written as method(self, session, now, *args) and called as method(*args): it
    runs in one transaction (again from the start on a transient error), `now` the clock's time as
    that transaction starts."""
    @functools.wraps(method)
    async def run(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        return await self._tx(lambda session, now: method(self, session, now, *args, **kwargs))

    return run
