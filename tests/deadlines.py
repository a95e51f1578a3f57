"""How long a test waits: one setting for the whole suite.

Every wait in a test is for an event (a bot reply, a database row, a log line, a process's
output) with a deadline. The deadline only bounds a failure: a wait that passes returns as soon
as its event comes, so the base deadlines below are generous for a busy 2-core machine.

PUSQUE_TEST_TIMEOUT_SCALE (default 1) multiplies every deadline: the client's waits for the bot
(`local_telegram` below, used by tests/e2e/harness.py), `until`, `scaled(...)` wherever a test
waits on its own, and pytest's per-test timeout (tests/conftest.py). Raise it on a slow machine
or one kept busy on purpose (`make test-loaded` sets it).

"Nothing arrives" is never a short silence: see UserClient.nothing_before (a probe whose reply
is known must arrive with nothing before it) and harness.outbox_settled.
"""
from __future__ import annotations

import asyncio
import inspect
import math
import os
from typing import Any, Callable

from local_botapi import LocalTelegram

ENV = "PUSQUE_TEST_TIMEOUT_SCALE"
REPLY = 30.0  # seconds: a bot reply or notice (base, before the scale)
STEP = 60.0   # seconds: a slow step (a subprocess starting, a model loading, a chart drawn)


def scale_from(environ) -> float:
    raw = environ.get(ENV, "").strip()
    if not raw:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{ENV}={raw!r}: expected a number such as 1 or 3") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{ENV}={raw!r}: must be a positive number")
    return value


SCALE = scale_from(os.environ)


def scaled(seconds: float) -> float:
    """A base deadline for this machine."""
    return seconds * SCALE


def local_telegram(root_url: str, session=None, passcode: str | None = None) -> LocalTelegram:
    """The user-side client with the suite's deadlines (REPLY by default, all scaled)."""
    return LocalTelegram(root_url, session, passcode=passcode, reply_timeout=REPLY, timeout_scale=SCALE)


async def until(predicate: Callable[[], Any], timeout: float = REPLY, what: str = "condition",
                poll: float = 0.05) -> Any:
    """Wait until `predicate()` (sync or async) is truthy and return it; fail after the scaled
    `timeout`. Polling a condition: the sleep only spaces the looks, it decides nothing."""
    loop = asyncio.get_running_loop()
    limit = scaled(timeout)
    deadline = loop.time() + limit
    while True:
        result = predicate()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        assert loop.time() < deadline, f"{what} not reached within {limit:g} s ({ENV}={SCALE:g})"
        await asyncio.sleep(poll)
