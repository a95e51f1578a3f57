"""Update processing: chats run concurrently, one chat's updates strictly in order.

PTB's own choice is all-sequential (slow when many patients write at once) or all-concurrent
(a patient's two quick messages could be handled out of order, which breaks conversations).
This processor serialises per chat (or per user when there is no chat) and runs chats in
parallel, so ConversationHandler stays safe.
"""
from __future__ import annotations

import asyncio
from typing import Any, Awaitable

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[Any, asyncio.Lock] = {}

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
            return
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        try:
            async with lock:
                await coroutine
        finally:
            if not lock.locked() and not lock._waiters:  # type: ignore[attr-defined]
                self._locks.pop(key, None)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        self._locks.clear()
