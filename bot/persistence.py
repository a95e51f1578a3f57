"""PTB persistence over the BotState table: conversations and user_data survive a restart.

Keys: `conv:<handler name>:<chat id>,<user id>` -> {"state": ...} and `user:<user id>` ->
the user's user_data (JSON-serialisable values only: strings, numbers, lists, dicts).
The persistence opens its own `Database` on the bot's URL because PTB loads persisted data in
`Application.initialize`, before post_init creates the services; post_init then hands it the
services' `Database` (`share`), so the process has one.

Inside `batch()` the writes are collected and committed together on exit: bot/updates.py flushes
each update that way, so a conversation step and the user_data draft it goes with are saved in
one transaction (a SIGKILL between two transactions left the state ahead of the draft). Outside a
batch (PTB's interval flush, shutdown) every key is written at once, in its own transaction.

`save_step` writes a conversation step and its draft *before* the message that shows the step is
sent (a write-ahead): the flush after the update comes after the send, and a SIGKILL between the
two left the patient holding a form the bot had no record of (issue 19: "Data benar" answered
"Tombol ini sudah tidak berlaku" on every press).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from contextlib import asynccontextmanager
from contextvars import ContextVar
from copy import deepcopy
from typing import Any, AsyncIterator

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, BasePersistence, PersistenceInput

from queue_core.models import BotState
from storage.db import Database

log = logging.getLogger(__name__)
UPDATE_INTERVAL = 2.0  # seconds; a backstop: bot/updates.py flushes after every update
# The writes of the batch open in this task; PTB writes each key from a task of its own (gather),
# which copies the context and so shares the dict. Per flush call, so concurrent flushes never
# commit each other's half-collected writes.
_BATCH: ContextVar[dict[str, Any] | None] = ContextVar("pusque_persistence_batch", default=None)


class DbPersistence(BasePersistence):
    def __init__(self, database_url: str, *, update_interval: float = UPDATE_INTERVAL) -> None:
        super().__init__(store_data=PersistenceInput(bot_data=False, chat_data=False, user_data=True,
                                                     callback_data=False), update_interval=update_interval)
        self.database_url = database_url
        self._db: Database | None = None
        self._shared = False
        self._batch_lock = asyncio.Lock()

    @property
    def db(self) -> Database | None:
        """The Database it writes through (None until first used)."""
        return self._db

    def share(self, db: Database) -> Database | None:
        """Write through the bot's own Database from now on; returns the persistence's own one
        (for the caller to dispose). On SQLite two Database objects in one process wait on each
        other in SQLite's busy handler, which sleeps up to 100 ms a try (the hostile-input run saw
        BEGIN IMMEDIATE take 1.3 s); one object queues the process's writers on one asyncio lock."""
        own = None if self._shared else self._db
        self._db, self._shared = db, True
        return own

    async def _database(self) -> Database:
        if self._db is None:
            self._db = Database(self.database_url)
            await self._db.upgrade()
        return self._db

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        """Collect the writes made inside and commit them in one transaction on a normal exit
        (after an exception nothing is written: half a flush is what must not be saved)."""
        if _BATCH.get() is not None:  # nested: the outer batch commits
            yield
            return
        # One batch at a time, commit included, as PTB's own lock did when each write happened
        # inside update_persistence: an older value collected by one flush must not commit after
        # a newer one of the same key collected by the next.
        async with self._batch_lock:
            pending: dict[str, Any] = {}
            token = _BATCH.set(pending)
            try:
                yield
            finally:
                _BATCH.reset(token)
            if pending:
                await self._write(pending)

    async def _put(self, key: str, value: Any) -> None:
        pending = _BATCH.get()
        if pending is not None:
            pending[key] = value
            return
        await self._write({key: value})

    async def _write(self, items: dict[str, Any]) -> None:
        """key -> value (None deletes) in one transaction."""
        db = await self._database()
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

        async def fn(session: AsyncSession) -> None:
            for key, value in items.items():
                row = await session.get(BotState, key)
                if value is None:
                    if row is not None:
                        await session.delete(row)
                elif row is None:
                    session.add(BotState(key=key, value=value, updated_at=now))
                else:
                    row.value, row.updated_at = value, now

        await db.run(fn)

    async def _prefixed(self, prefix: str) -> dict[str, Any]:
        db = await self._database()

        async def fn(session: AsyncSession) -> dict[str, Any]:
            rows = await session.execute(select(BotState.key, BotState.value).where(BotState.key.startswith(prefix)))
            return {k[len(prefix):]: v for k, v in rows}

        return await db.run(fn)

    async def write_now(self, items: dict[str, Any]) -> None:
        """key -> value (None deletes) committed together now, in order with the flushes."""
        async with self._batch_lock:
            await self._write(items)

    # ------------------------------------------------------------------ user data
    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        return {int(k): v for k, v in (await self._prefixed("user:")).items()}

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        try:
            value = json.loads(json.dumps(data))
        except (TypeError, ValueError):
            log.error("user_data of %s is not JSON-serialisable; not persisted", user_id)
            return
        await self._put(f"user:{user_id}", value or None)

    async def drop_user_data(self, user_id: int) -> None:
        await self._put(f"user:{user_id}", None)

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        pass

    # ------------------------------------------------------------------ conversations
    async def get_conversations(self, name: str) -> dict:
        out = {}
        for key, value in (await self._prefixed(f"conv:{name}:")).items():
            out[tuple(int(p) for p in key.split(","))] = value["state"]
        return out

    async def update_conversation(self, name: str, key: tuple, new_state: object | None) -> None:
        value = None if new_state is None else {"state": deepcopy(new_state)}
        await self._put(conversation_key(name, key), value)

    # ------------------------------------------------------------------ not stored
    async def get_bot_data(self) -> dict:
        return {}

    async def update_bot_data(self, data) -> None:
        pass

    async def refresh_bot_data(self, bot_data) -> None:
        pass

    async def get_chat_data(self) -> dict:
        return {}

    async def update_chat_data(self, chat_id: int, data) -> None:
        pass

    async def refresh_chat_data(self, chat_id: int, chat_data) -> None:
        pass

    async def drop_chat_data(self, chat_id: int) -> None:
        pass

    async def get_callback_data(self):
        return None

    async def update_callback_data(self, data) -> None:
        pass

    async def flush(self) -> None:
        if self._db is not None and not self._shared:  # a shared one is closed with the services
            await self._db.dispose()
        self._db, self._shared = None, False


def conversation_key(name: str, key: tuple) -> str:
    return f"conv:{name}:{','.join(str(p) for p in key)}"


async def save_step(context, conversation: str, state: object | None) -> None:
    """Store that this chat's `conversation` is at `state` (None: ended) with the user's data as
    it is now, in one transaction, before the message showing the step goes out. Only for
    DbPersistence; PTB's own flush after the update writes the same values again, and is all
    there is if this write fails (reported like a failed flush; the patient still gets the step)."""
    persistence = context.application.persistence
    if not isinstance(persistence, DbPersistence):
        return
    # the ConversationHandler's key (per chat and user); CallbackContext keeps both ids
    chat_id, user_id = context._chat_id, context._user_id  # noqa: SLF001
    try:
        data = json.loads(json.dumps(context.user_data or {}))
    except (TypeError, ValueError):
        log.error("user_data of %s is not JSON-serialisable; step not saved ahead", user_id)
        return
    value = None if state is None else {"state": state}
    try:
        await persistence.write_now({conversation_key(conversation, (chat_id, user_id)): value,
                                     f"user:{user_id}": data or None})
    except Exception as exc:  # noqa: BLE001 - the flush after the update stores the step anyway
        await context.application.process_error(update=None, error=exc)


async def flush_update(app: Application) -> None:
    """After one update: what PTB has to persist, committed in one transaction."""
    persistence = app.persistence
    if not isinstance(persistence, DbPersistence):
        await app.update_persistence()
        return
    try:
        async with persistence.batch():
            await app.update_persistence()  # reports a failing write itself; the commit is ours
    except Exception as exc:  # noqa: BLE001 - reported like PTB reports a failed persistence write
        await app.process_error(update=None, error=exc)
