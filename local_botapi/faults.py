"""Fault injection for the local Bot API server: make a share of the bot's requests fail the way
Telegram or the network does, to prove the bot retries and loses nothing.

    api = LocalBotApi(faults=Faults(rate_429=0.1, rate_500=0.05, rate_stall=0.02, seed=1))
    api.faults.configure(rate_500=0.2)        # change while running (tests)
    POST /local/faults {"rate_429": 0.1, ...} # the same over HTTP (a bot in another process)
    api.faults.stats                           # {"429": n, "500": n, "stall": n, "requests": n}

Kinds (each a probability per request of a listed method, drawn in this order):
  429    `Too Many Requests: retry after N` with parameters.retry_after = `retry_after`
  500    `Internal Server Error` (status 500), the request not executed
  stall  the answer is held `stall_seconds` (longer than the client's timeout), then dropped:
         the client sees a timeout and the request is not executed
Only `methods` (lower case Bot API method names) are affected; by default the sending and
editing methods, so getUpdates, getMe and getFile stay clean unless listed.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

SENDING = frozenset({"sendmessage", "sendphoto", "senddocument", "editmessagetext", "editmessagecaption",
                     "editmessagereplymarkup", "answercallbackquery", "deletemessage"})


@dataclass
class Faults:
    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_stall: float = 0.0
    retry_after: int = 1
    stall_seconds: float = 30.0
    methods: frozenset[str] = SENDING
    seed: int | None = None
    stats: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    @property
    def active(self) -> bool:
        return bool(self.rate_429 or self.rate_500 or self.rate_stall)

    def configure(self, **changes) -> None:
        for key, value in changes.items():
            if key == "methods":
                value = frozenset(m.lower() for m in value)
            elif key not in ("rate_429", "rate_500", "rate_stall", "retry_after", "stall_seconds"):
                raise ValueError(f"unknown fault setting {key!r}")
            setattr(self, key, value)

    def pick(self, method: str) -> str | None:
        """The fault for this request, or None to serve it normally."""
        if not self.active or method.lower() not in self.methods:
            return None
        self.stats["requests"] += 1
        r = self._rng.random()
        for kind, rate in (("429", self.rate_429), ("500", self.rate_500), ("stall", self.rate_stall)):
            if r < rate:
                self.stats[kind] += 1
                return kind
            r -= rate
        return None
