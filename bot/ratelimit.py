"""Rate limiting for every Bot API call: PTB's AIORateLimiter plus a per-private-chat limit.

PTB limits the overall rate and group chats but not private chats, where Telegram allows about
one message per second (short bursts tolerated). Without this, a patient who sends five
messages at once makes the bot's fifth reply hit 429, and PTB's retry then pauses every request
of the bot, the queue's urgent notices included. Here the sixth send to that chat waits instead.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import AIORateLimiter

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
