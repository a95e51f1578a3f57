"""The bot web server's defences (docs/security.md).

- `guard_middleware`: a malformed request gets 400 (or 413 for a body over the limit) and one
  WARNING line, never a 500 with an ERROR traceback.
- `Refusals`: refused requests (no or bad staff token, wrong webhook secret), per client address:
  * rate limited: `PER_MINUTE` refusals a minute (burst `BURST`); beyond that 429 + Retry-After;
  * audited in aggregate: an in-memory counter per client per minute, written as ONE audit row
    (`action="api_refused"`, `target=<client address>`, `detail={"count", "minute", "actions",
    "reasons", "rate_limited"}`) when the minute is over (a flush every FLUSH_SECONDS, and at
    stop). At most MAX_CLIENTS clients a minute get their own row; the rest share one row with
    target "*others*". A crash loses at most the current minute's counts (the refusals changed
    nothing). The first refusal of a client in a minute is logged (one WARNING line); the rest
    only counted.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web

from local_botapi.guard import BadJson, ClientLimiter, client_of

log = logging.getLogger(__name__)
PER_MINUTE, BURST = 30, 30
FLUSH_SECONDS = 10.0
MAX_CLIENTS = 500
OTHERS = "*others*"


@web.middleware
async def guard_middleware(request: web.Request, handler):
    try:
        return await handler(request)
    except BadJson as exc:
        log.warning("refused %s %s from %s: %s", request.method, request.path[:80], client_of(request), exc.message)
        return web.json_response({"error": "too_large" if exc.status == 413 else "bad_request", "message": exc.message},
                                 status=exc.status)
    except (ValueError, OverflowError, RecursionError, UnicodeError) as exc:
        log.warning("bad request %s %s from %s: %s", request.method, request.path[:80], client_of(request),
                    exc.__class__.__name__)
        return web.json_response({"error": "bad_request"}, status=400)


@dataclass
class _Minute:
    count: int = 0
    rate_limited: int = 0
    actions: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)


class Refusals:
    def __init__(self, *, per_minute: float = PER_MINUTE, burst: float = BURST, clock=time.time,
                 max_clients: int = MAX_CLIENTS) -> None:
        self.limiter = ClientLimiter(per_minute / 60, burst)
        self.clock, self.max_clients = clock, max_clients
        self.minutes: dict[tuple[str, int], _Minute] = {}
        self._task: asyncio.Task | None = None
        self.rows_written = 0

    def limited(self, client: str) -> bool:
        return self.limiter.limited(client)

    def note(self, client: str, action: str, reason: str) -> float:
        """Count one refusal; returns 0, or the seconds to wait when the client is rate limited (429)."""
        minute = int(self.clock() // 60)
        key = (client, minute)
        if key not in self.minutes and sum(1 for c, m in self.minutes if m == minute) >= self.max_clients:
            key = (OTHERS, minute)
        entry = self.minutes.get(key)
        if entry is None:
            entry = self.minutes[key] = _Minute()
            log.warning("refused %s request from %s (%s); more refusals from it this minute are only counted",
                        action, client, reason)
        wait = self.limiter.take(client)
        entry.count += 1
        entry.rate_limited += bool(wait)
        entry.actions[action[:24]] += 1
        entry.reasons[reason] += 1
        return wait

    def take_rows(self, everything: bool = False) -> list[tuple[str, int, _Minute]]:
        """The finished minutes' counters (all of them with everything=True), removed from memory."""
        now = int(self.clock() // 60)
        done = [k for k in self.minutes if everything or k[1] < now]
        return [(client, minute, self.minutes.pop((client, minute))) for client, minute in sorted(done, key=lambda k: k[1])]

    async def flush(self, staff, everything: bool = False) -> int:
        rows = self.take_rows(everything)
        for i, (client, minute, entry) in enumerate(rows):
            at = dt.datetime.fromtimestamp(minute * 60, dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
            try:
                await staff.audit(None, "api_refused", allowed=False, target=client, detail={
                    "count": entry.count, "minute": at, "rate_limited": entry.rate_limited,
                    "actions": dict(entry.actions), "reasons": dict(entry.reasons)})
            except Exception:
                for c, m, e in rows[i:]:  # kept for the next flush
                    self.minutes[(c, m)] = e
                raise
        self.rows_written += len(rows)
        return len(rows)

    def start(self, staff_of) -> None:
        async def loop() -> None:
            while True:
                await asyncio.sleep(FLUSH_SECONDS)
                try:
                    await self.flush(staff_of())
                except Exception as exc:  # noqa: BLE001 - the database may be down; counts wait for the next flush
                    log.warning("refusal audit not written yet: %s", exc)

        self._task = asyncio.get_running_loop().create_task(loop())

    async def stop(self, staff_of) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        try:
            await self.flush(staff_of(), everything=True)
        except Exception as exc:  # noqa: BLE001
            log.warning("refusal audit lost at stop: %s", exc)


def refused(status: int, wait: float, body: dict, headers: dict | None = None) -> web.Response:
    """The refusal's answer: `status`, or 429 with Retry-After when the client is rate limited."""
    if wait:
        retry = int(wait) + 1
        return web.json_response({"error": "too_many_requests", "retry_after": retry}, status=429,
                                 headers={"Retry-After": str(retry)})
    return web.json_response(body, status=status, headers=headers)
