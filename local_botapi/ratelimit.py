"""Telegram's flood limits as token buckets: about 30 messages/s overall, about 1/s per chat.

A bucket holds `burst` tokens and refills at `rate` per second; a send that finds no token is
refused with 429 and `retry_after` (whole seconds, at least 1), as Telegram does.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field


@dataclass
class Bucket:
    rate: float
    burst: float
    tokens: float = -1.0
    stamp: float = field(default_factory=time.monotonic)

    def take(self, now: float) -> float:
        """Take one token; return 0 on success or the seconds until one is available."""
        if self.tokens < 0:
            self.tokens = self.burst
        self.tokens = min(self.burst, self.tokens + max(0.0, now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class FloodLimits:
    """Overall and per-chat limits; a rate of 0 or None disables that limit."""

    def __init__(self, overall_rate: float | None = 30, chat_rate: float | None = 1,
                 overall_burst: float | None = None, chat_burst: float | None = 3) -> None:
        # "about 30/s": a burst of 1.5 s worth, so a sender pacing itself at the rate is not refused
        self.overall = Bucket(overall_rate, overall_burst or overall_rate * 1.5) if overall_rate else None
        self.chat_rate = chat_rate
        self.chat_burst = max(1.0, chat_burst or 1.0)
        self.chats: dict[int, Bucket] = {}
        self.refused = 0

    def check(self, chat_id: int) -> int:
        """Account one message to `chat_id`; return 0 if allowed or retry_after seconds."""
        now = time.monotonic()
        wait = 0.0
        if self.chat_rate:
            bucket = self.chats.get(chat_id)
            if bucket is None:
                bucket = self.chats[chat_id] = Bucket(self.chat_rate, self.chat_burst)
            wait = bucket.take(now)
            if wait:
                self.refused += 1
                return max(1, math.ceil(wait))
        if self.overall:
            wait = self.overall.take(now)
            if wait:
                if self.chat_rate:  # give the chat token back: the message was not sent
                    self.chats[chat_id].tokens += 1
                self.refused += 1
                return max(1, math.ceil(wait))
        return 0
