"""Telegram's sending limits and the retries, for every Bot API call: one PTB rate limiter.

`TelegramRateLimiter` (PTB's `BaseRateLimiter`, given to the Application in app/application.py)
does all of it, so chat replies and the notifier's notices share one budget:

- overall: about 30 messages/s (`telegram.max_messages_per_second`), a token bucket holding one
  second's worth; a request that has to wait is served by its priority, then in arrival order.
  Priority is PTB's `rate_limit_args`: chat replies and queue notices are `URGENT` (the default),
  broadcasts `BULK`, so a broadcast only gets what the rest leaves (bot/notifier.py).
- per chat: a private chat about 1 message/s (`telegram.max_messages_per_chat_per_second`, short
  bursts of 2; Telegram refuses beyond), a group 20 a minute, as PTB's AIORateLimiter. Without
  the private-chat limit a patient who sends five messages at once makes the fifth reply hit 429,
  and the pause after a 429 holds up every request of the bot, the urgent notices included.
- 429: the whole bot waits `retry_after` (+0.1 s), then the request is tried again, at most
  `max_retries` times.
- 5xx, refused or reset connection: tried again with backoff. Such a request was not executed, so
  sending it again cannot duplicate a message. A timeout is different (Telegram may have executed
  it): it is not retried here; the notifier retries its notices through the outbox
  (docs/notifications.md) and a chat reply lost to a timeout is reported by the error handler.

Counters in `stats`: "429" answers, "5xx" retries, "gave_up".
"""
from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import random
import time
from collections import Counter, OrderedDict
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

from settings import Settings

from .i18n import MAX_CAPTION, MAX_TEXT, fit, u16len

log = logging.getLogger(__name__)
URGENT, BULK = 0, 1  # rate_limit_args: lower goes first
MAX_TRACKED_CHATS = 20_000
GROUP_RATE, GROUP_BURST = 20 / 60, 20  # Telegram: 20 messages a minute to a group


class ChatBucket:
    """At most `rate` acquisitions a second, bursts up to `burst`; waiters in arrival order."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, time.monotonic()
        self._lock = asyncio.Lock()  # FIFO: one chat's messages keep their order

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
                self.stamp = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)


class PriorityPacer:
    """The overall limit: a token bucket whose waiters are served by (priority, arrival)."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, time.monotonic()
        self.paused_until = 0.0
        self._waiting: list[tuple[int, int, asyncio.Future]] = []
        self._order = itertools.count()
        self._timer: asyncio.TimerHandle | None = None

    async def acquire(self, priority: int) -> None:
        self._refill()
        if not self._waiting and self.tokens >= 1 and time.monotonic() >= self.paused_until:
            self.tokens -= 1
            return
        turn = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), turn))
        self._release()
        await turn  # cancelled: _release skips it

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, time.monotonic() + seconds)

    async def wait_unpaused(self) -> None:
        while (left := self.paused_until - time.monotonic()) > 0:
            await asyncio.sleep(left)

    def _refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def _release(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._refill()
        now = time.monotonic()
        while self._waiting and self.tokens >= 1 and now >= self.paused_until:
            _, _, turn = heapq.heappop(self._waiting)
            if not turn.done():
                self.tokens -= 1
                turn.set_result(None)
        if self._waiting:
            delay = max(self.paused_until - now, (1 - self.tokens) / self.rate, 0.0)
            self._timer = asyncio.get_running_loop().call_later(delay, self._release)


class TelegramRateLimiter(BaseRateLimiter[int]):
    def __init__(self, *, overall_max_rate: float = 30, per_chat_rate: float = 1.0, per_chat_burst: int = 2,
                 max_retries: int = 3, server_error_retries: int = 4, base_delay: float = 0.25) -> None:
        """A rate of 0 turns that limit off."""
        self.pacer = PriorityPacer(overall_max_rate, overall_max_rate) if overall_max_rate else None
        self.per_chat_rate = per_chat_rate * 0.9  # a margin: Telegram's own clock is not ours
        self.per_chat_burst = per_chat_burst
        self.max_retries, self.server_error_retries, self.base_delay = max_retries, server_error_retries, base_delay
        self._chats: OrderedDict[int | str, ChatBucket] = OrderedDict()
        self.stats: Counter = Counter()

    @classmethod
    def from_settings(cls, settings: Settings, **kw: Any) -> "TelegramRateLimiter":
        return cls(overall_max_rate=settings.max_messages_per_second,
                   per_chat_rate=settings.max_messages_per_chat_per_second, **kw)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def _bucket(self, chat: int | str, private: bool) -> ChatBucket:
        bucket = self._chats.pop(chat, None)
        if bucket is None:
            bucket = (ChatBucket(self.per_chat_rate, self.per_chat_burst) if private
                      else ChatBucket(GROUP_RATE, GROUP_BURST))
        self._chats[chat] = bucket  # most recently used last
        if len(self._chats) > MAX_TRACKED_CHATS:
            self._chats.popitem(last=False)
        return bucket

    async def _wait_turn(self, endpoint: str, chat: int | str | None, priority: int) -> None:
        """The chat's turn first, then the overall one: a message waiting for its chat holds no
        overall token that another chat could use."""
        if chat is None:
            if endpoint != "getUpdates" and self.pacer is not None:
                await self.pacer.wait_unpaused()
            return
        if isinstance(chat, int) and chat > 0:
            if self.per_chat_rate and endpoint.startswith("send") and endpoint != "sendChatAction":
                await self._bucket(chat, private=True).acquire()
        else:  # a group, supergroup or channel (an @username is one too)
            await self._bucket(chat, private=False).acquire()
        if self.pacer is not None:
            await self.pacer.acquire(priority)

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        fit_to_limits(endpoint, data)
        chat = _chat_of(data)
        priority = URGENT if rate_limit_args is None else rate_limit_args
        too_many = server_errors = 0
        while True:
            await self._wait_turn(endpoint, chat, priority)
            try:
                result = await callback(*args, **kwargs)
                if endpoint != "getUpdates":
                    self.stats["sent"] += 1
                return result
            except RetryAfter as exc:
                self.stats["429"] += 1
                if too_many >= self.max_retries:
                    self.stats["gave_up"] += 1
                    raise
                too_many += 1
                wait = _seconds(exc.retry_after) + 0.1
                log.info("Bot API %s: 429, every request waits %.1f s", endpoint, wait)
                if self.pacer is not None:
                    self.pacer.pause(wait)
                await asyncio.sleep(wait)
            except (BadRequest, TimedOut):
                raise
            except NetworkError as exc:  # 5xx, refused or reset connection: not executed
                if endpoint == "getUpdates" or server_errors >= self.server_error_retries:
                    self.stats["gave_up"] += 1
                    raise
                server_errors += 1
                self.stats["5xx"] += 1
                delay = self.base_delay * 2 ** (server_errors - 1) * (0.5 + random.random())
                log.warning("Bot API %s failed (%s); retry %d in %.2fs", endpoint, exc, server_errors, delay)
                await asyncio.sleep(delay)


def _chat_of(data: dict) -> int | str | None:
    chat = data.get("chat_id") if isinstance(data, dict) else None
    if isinstance(chat, str) and chat.lstrip("-").isdigit():
        return int(chat)
    return chat if isinstance(chat, (int, str)) else None


def _seconds(retry_after: Any) -> float:
    return retry_after.total_seconds() if hasattr(retry_after, "total_seconds") else float(retry_after)


def fit_to_limits(endpoint: str, data: dict) -> None:
    """Last line of defence: a plain-text message or caption over Telegram's limit (user-chosen
    text in it: a long name, a question) is cut to fit instead of failing with "message is too
    long". Texts with a parse_mode or entities are left alone (a cut could break their markup)."""
    if not isinstance(data, dict) or data.get("parse_mode") or data.get("entities") or data.get("caption_entities"):
        return
    for key, limit in (("text", MAX_TEXT), ("caption", MAX_CAPTION)):
        value = data.get(key)
        if isinstance(value, str) and u16len(value) > limit:
            log.warning("%s: %s of %d characters cut to Telegram's limit", endpoint, key, len(value))
            data[key] = fit(value, limit)
