"""Injectable time: the clinic's naive local time, so tests and the simulator control it; and the
repositories whose transactions are stamped with it."""
from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

from storage.db import Database


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
    """A repository on the one Database: `_tx(fn)` runs fn(session, now) in one transaction, `now`
    the clock's time as it starts (again at a retry)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def _tx(self, fn):
        return await self.db.run(lambda session: fn(session, self.clock.now()))
