"""Update processing: chats run concurrently, one chat's updates strictly in order.

PTB's own choice is all-sequential (slow when many patients write at once) or all-concurrent
(a patient's two quick messages could be handled out of order, which breaks conversations).
This processor serialises per chat (or per user when there is no chat) and runs chats in
parallel, so ConversationHandler stays safe.

`flush` (app/application.py sets it to `bot.persistence.flush_update`: `Application.update_persistence`
committed as one transaction) runs after every update, still inside the chat's lock: a
conversation step and the user_data draft are in the database, together, before that chat's
next update is handled, so a SIGKILL cannot take back a step the patient has already
seen answered (PTB by itself flushes only every `update_interval` seconds; issue 9's rush-hour
crash proof lost a patient's place that way).
"""
from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 256,
                 flush: Callable[[], Awaitable[None]] | None = None) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[Any, asyncio.Lock] = {}
        self.flush = flush

    @staticmethod
    def key(update: object) -> Any:
        if isinstance(update, Update):
            if update.effective_chat is not None:
                return ("chat", update.effective_chat.id)
            if update.effective_user is not None:
                return ("user", update.effective_user.id)
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self.key(update)
        if key is None:
            await coroutine
            await self._flush()
            return
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        try:
            async with lock:
                try:
                    await coroutine
                finally:
                    await self._flush()
        finally:
            if not lock.locked() and not lock._waiters:  # type: ignore[attr-defined]
                self._locks.pop(key, None)

    async def _flush(self) -> None:
        if self.flush is not None:
            await self.flush()  # update_persistence reports its own errors through the error handlers

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        self._locks.clear()
