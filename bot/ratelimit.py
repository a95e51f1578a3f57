"""Rate limiting and retries for every Bot API call.

- PTB's AIORateLimiter: the overall rate, and retries on 429 with retry_after.
- A per-private-chat limit (PerChatRateLimiter). PTB limits groups only, but Telegram allows
  about one message per second to a private chat (short bursts tolerated). Without it, a patient
  who sends five messages at once makes the bot's fifth reply hit 429, and PTB's retry then
  pauses every request of the bot, the queue's urgent notices included.
- Retries with backoff when the Bot API answers 5xx or the connection fails (RetryingRateLimiter).
  A 5xx answer or a refused connection means the request was not executed, so sending it again
  cannot duplicate a message. A timeout is different (Telegram may have executed it): it is not
  retried here; the notifier retries its notices through the outbox (docs/notifications.md) and a
  chat reply lost to a timeout is reported by the error handler. Counters: `stats`
  ({"429": n, "5xx": n, "gave_up": n}), shown by /metrics.
"""
from __future__ import annotations

import asyncio
import logging
import random
from collections import Counter, OrderedDict
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

from .i18n import MAX_CAPTION, MAX_TEXT, fit, u16len

log = logging.getLogger(__name__)
MAX_TRACKED_CHATS = 20_000


class PerChatRateLimiter(AIORateLimiter):
    def __init__(self, *, per_chat_rate: float = 1.0, per_chat_burst: int = 2, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.per_chat_rate = per_chat_rate * 0.9  # a margin: Telegram's own clock is not ours
        self.per_chat_burst = per_chat_burst
        self._chats: OrderedDict[int, AsyncLimiter] = OrderedDict()

    def _limiter(self, chat_id: int) -> AsyncLimiter:
        limiter = self._chats.pop(chat_id, None)
        if limiter is None:
            limiter = AsyncLimiter(self.per_chat_burst, self.per_chat_burst / self.per_chat_rate)
        self._chats[chat_id] = limiter  # most recently used last
        if len(self._chats) > MAX_TRACKED_CHATS:
            self._chats.popitem(last=False)
        return limiter

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        chat_id = data.get("chat_id")
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if isinstance(chat_id, int) and chat_id > 0 and endpoint.startswith("send") and endpoint != "sendChatAction":
            async with self._limiter(chat_id):
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)


class RetryingRateLimiter(PerChatRateLimiter):
    def __init__(self, *args: Any, server_error_retries: int = 4, base_delay: float = 0.25, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.server_error_retries, self.base_delay = server_error_retries, base_delay
        self.stats: Counter = Counter()

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        fit_to_limits(endpoint, data)
        attempt = 0
        while True:
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except RetryAfter:
                self.stats["429"] += 1  # AIORateLimiter already retried max_retries times
                raise
            except (BadRequest, TimedOut):
                raise
            except NetworkError as exc:  # 5xx, refused or reset connection: not executed
                if endpoint == "getUpdates" or attempt >= self.server_error_retries:
                    self.stats["gave_up"] += 1
                    raise
                attempt += 1
                self.stats["5xx"] += 1
                delay = self.base_delay * 2 ** (attempt - 1) * (0.5 + random.random())
                log.warning("Bot API %s failed (%s); retry %d in %.2fs", endpoint, exc, attempt, delay)
                await asyncio.sleep(delay)


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
