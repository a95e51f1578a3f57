"""An aiosqlite-shaped connection that runs sqlite3 calls on the event loop's own thread.

aiosqlite sends every statement to a private thread and back: two thread switches and a GIL
hand-off per statement, which made an empty SQLite transaction cost over a millisecond and
capped the queue at a few dozen transitions per second (docs/benchmarks.md). A SQLite
statement on a local file in WAL mode takes microseconds, so PusQue runs it inline instead and
keeps SQLAlchemy's async API unchanged. Two things keep the event loop from stalling:

- writers of this process queue on `Database`'s asyncio.Lock, never on SQLite's lock;
- the busy timeout is short (`BUSY_TIMEOUT_MS`): when another process holds the write lock,
  BEGIN IMMEDIATE fails with "database is locked" and `Database.run` waits asynchronously and
  tries the whole transaction again.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any, Iterable

BUSY_TIMEOUT_MS = 20


def _datetime_text(value: dt.datetime) -> str:
    return value.isoformat(" ", "microseconds")  # SQLAlchemy's own format for SQLite DATETIME


# sqlite3's own datetime adapter (deprecated since Python 3.12) drops ".000000" when the
# microseconds are 0, which would not sort with SQLAlchemy's stored values; SQLAlchemy's column
# types format their values themselves, so only PusQue's hand-written SQL (queue_core.sql) meets
# these adapters.
sqlite3.register_adapter(dt.datetime, _datetime_text)
sqlite3.register_adapter(dt.date, dt.date.isoformat)
MMAP_BYTES = 256 * 1024 * 1024


class InlineCursor:
    """The coroutine methods SQLAlchemy's asyncio adapter awaits, done synchronously."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> "InlineCursor":
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> "InlineCursor":
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, seq: Iterable[Any]) -> "InlineCursor":
        self._cursor.executemany(sql, seq)
        return self

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size or self._cursor.arraysize)

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """Stands in for `aiosqlite.Connection` in SQLAlchemy's aiosqlite dialect."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._connection = conn  # the adapter checks this is set before commit/rollback
        self._conn = conn

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor())

    async def execute(self, sql: str, parameters: Any = ()) -> InlineCursor:
        return await self.cursor().execute(sql, parameters)

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._conn.create_function(*args, **kw)

    async def close(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    def stop(self) -> None:
        """Force-close, as SQLAlchemy does to a connection it invalidates."""
        if self._connection is not None:
            self._connection = None
            self._conn.close()


def open_connection(database: str) -> sqlite3.Connection:
    """A connection in WAL mode; isolation_level=None: PusQue issues BEGIN IMMEDIATE itself."""
    conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}",
                   # Pages read through a memory map and a 32 MB cache: no read() system call per page.
                   f"mmap_size={MMAP_BYTES}", "cache_size=-32000"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def connector(database: str):
    """The `async_creator` for create_async_engine."""

    async def connect() -> InlineConnection:
        return InlineConnection(open_connection(database))

    return connect
