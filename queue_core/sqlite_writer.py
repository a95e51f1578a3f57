"""The queue's SQLite writer: one bare connection, group commit, checkpoints off the loop.

`Database.run_sql` hands every queue operation of this process here. An operation is a coroutine
function taking a `Sql`; on SQLite its statements run on the event loop's thread without ever
yielding (queue_core.sqlite_inline), so operations are serialised by the process's writer lock.

Group commit: whoever takes the lock runs every operation waiting at that moment inside ONE
transaction, each in a SAVEPOINT of its own, then commits once and hands each caller its own
result or exception. An operation that fails rolls back to its savepoint and leaves the others
alone, so each one is still atomic, and no caller hears "done" before the COMMIT that made it
durable. With several counters and patients at once this divides the cost of BEGIN, COMMIT and
the write-ahead-log pages (which consecutive operations mostly share) by the batch size.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable

from .sql import Sql
from .sqlite_inline import open_connection

log = logging.getLogger(__name__)
Operation = Callable[[Sql], Awaitable[Any]]


class SqliteWriter:
    def __init__(self, path: str, lock: asyncio.Lock) -> None:
        self.path = path
        self._lock = lock
        self._conn: sqlite3.Connection | None = None
        self._waiting: list[tuple[Operation, asyncio.Future]] = []
        self.checkpointer = WalCheckpointer(path)
        self.batches = 0
        self.operations = 0

    async def run(self, fn: Operation) -> Any:
        """Run one operation in the next group commit; its result once that commit is done."""
        done = asyncio.get_running_loop().create_future()
        self._waiting.append((fn, done))
        try:
            # One turn of the loop first, so that the operations of the other ready tasks join
            # this batch instead of each taking the lock for a transaction of its own (it is
            # also what keeps a caller looping over operations from starving the others).
            await asyncio.sleep(0)
            if not done.done():
                async with self._lock:
                    if not done.done():
                        batch, self._waiting = self._waiting, []
                        await self._commit_batch([entry for entry in batch if not entry[1].done()])
                        self.checkpointer.committed()
        except asyncio.CancelledError:
            done.cancel()  # not started yet: the next leader skips it
            raise
        return done.result()

    async def _commit_batch(self, batch: list[tuple[Operation, asyncio.Future]]) -> None:
        if self._conn is None:
            self._conn = open_connection(self.path)
            self._conn.execute("PRAGMA wal_autocheckpoint=0")  # WalCheckpointer does it
        conn = self._conn
        outcomes: list[tuple[asyncio.Future, Any, BaseException | None]] = []
        savepoints = len(batch) > 1
        try:
            conn.execute("BEGIN IMMEDIATE")  # "database is locked": every caller retries on its own
            for fn, done in batch:
                if savepoints:
                    conn.execute("SAVEPOINT op")
                try:
                    result = await fn(Sql(None, False, conn))
                except Exception as exc:  # noqa: BLE001 - handed to its caller below
                    if savepoints:
                        conn.execute("ROLLBACK TO op")
                        conn.execute("RELEASE op")
                    else:
                        conn.rollback()
                    outcomes.append((done, None, exc))
                    continue
                if savepoints:
                    conn.execute("RELEASE op")
                outcomes.append((done, result, None))
            if conn.in_transaction:
                conn.commit()
        except BaseException as failure:
            if conn.in_transaction:
                conn.rollback()
            for _, done in batch:
                if not done.done():
                    done.set_exception(failure if isinstance(failure, Exception) else asyncio.CancelledError())
            if not isinstance(failure, Exception):
                raise
            return
        self.batches += 1
        self.operations += len(batch)
        for done, result, exc in outcomes:
            if done.done():
                continue
            if exc is None:
                done.set_result(result)
            else:
                done.set_exception(exc)

    async def close(self) -> None:
        await self.checkpointer.close()
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class WalCheckpointer:
    """Copies the SQLite write-ahead log into the database file on a thread of its own.

    SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 log pages, fsync
    included, on the event loop's thread; the writer connection turns it off and this runs a
    PASSIVE checkpoint (it never blocks writers) every `every` group commits instead.
    """

    def __init__(self, path: str, every: int = 100) -> None:
        self.path = path
        self.every = every
        self._since = 0
        self._running: asyncio.Future | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None
        self.runs = 0

    def committed(self) -> None:
        self._since += 1
        if self._since >= self.every and (self._running is None or self._running.done()):
            self._since = 0
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="pusque-wal")
            self._running = asyncio.get_running_loop().run_in_executor(self._executor, self._checkpoint)

    def _checkpoint(self) -> None:
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(self.path, check_same_thread=False)
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            self.runs += 1
        except sqlite3.Error as exc:  # the next turn tries again
            log.warning("WAL checkpoint failed: %s", exc)

    async def close(self) -> None:
        if self._running is not None:
            await self._running
        if self._executor is not None:
            if self._conn is not None:
                await asyncio.get_running_loop().run_in_executor(self._executor, self._conn.close)
            self._executor.shutdown(wait=True)
