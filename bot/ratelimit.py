"""The bot's rate limiter: Telegram's flood limits (AIORateLimiter: overall rate, retries on 429
with retry_after) plus retries with backoff when the Bot API answers 5xx or the connection fails.

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
from collections import Counter
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)


class RetryingRateLimiter(AIORateLimiter):
    def __init__(self, *args: Any, server_error_retries: int = 4, base_delay: float = 0.25, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.server_error_retries, self.base_delay = server_error_retries, base_delay
        self.stats: Counter = Counter()

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
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
