"""SQLite through aiosqlite with one hand-off to its thread per statement.

SQLAlchemy's aiosqlite adapter makes four trips to aiosqlite's thread for a SELECT (open a
cursor, execute, fetch, close) and three for a change; on a busy machine each trip waits for the
OS to run that thread and then for the event loop to be woken. Here a statement is one trip: the
thread opens the cursor, executes, fetches every row and closes, and the loop gets the rows, the
description, the row count and the last row id at once. A transaction's BEGIN rides with its first
statement (the thread runs both), so it takes no trip of its own: the write lock is still taken
before anything is read. Nothing else changes: the same engine, dialect, sessionmaker and
statements (docs/queue_core.md "How a queue transaction runs").
"""
from __future__ import annotations

import collections
import sqlite3
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT


def _run(conn: sqlite3.Connection, begin: str | None, operation: str, parameters: Any, many: bool) -> tuple:
    """On aiosqlite's thread: the transaction's BEGIN when it is still owed, then the whole
    statement, its rows included."""
    if begin is not None:
        conn.execute(begin)
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose execute is one trip to the connection's thread."""

    __slots__ = ("_outcome",)
    arraysize = 1

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]  # no aiosqlite cursor is kept open
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._outcome: tuple = (None, -1, None)

    @property
    def description(self):  # type: ignore[override]
        return self._outcome[0]

    @property
    def rowcount(self) -> int:  # type: ignore[override]
        return self._outcome[1]

    @property
    def lastrowid(self) -> int:  # type: ignore[override]
        return self._outcome[2]

    async def _trip(self, operation: Any, parameters: Any, many: bool) -> None:
        adapt = cast(OneTripConnection, self._adapt_connection)
        async with adapt._execute_mutex:
            connection = self._connection
            begin, adapt.begin = adapt.begin, None
            description, rows, rowcount, lastrowid = await connection._execute(
                _run, connection._conn, begin, operation, parameters, many)
        self._outcome = (description, rowcount, lastrowid)
        self._rows = collections.deque(rows)

    async def _execute_async(self, operation: Any, parameters: Any) -> None:  # type: ignore[override]
        await self._trip(operation, parameters, False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> None:  # type: ignore[override]
        await self._trip(operation, seq_of_parameters, True)

    async def _async_soft_close(self) -> None:
        return None  # nothing is open on the thread

    def close(self) -> None:
        self._rows.clear()


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("begin",)
    _cursor_cls = OneTripCursor  # type: ignore[assignment]

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.begin: str | None = None  # a BEGIN not run yet: it goes with the next statement

    def begin_later(self, begin: str) -> None:
        self.begin = begin

    def commit(self) -> None:
        if self.begin is None:
            super().commit()
        self.begin = None  # a transaction that ran no statement has nothing to commit

    def rollback(self) -> None:
        if self.begin is None:
            super().rollback()
        self.begin = None


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The aiosqlite DBAPI shim of SQLAlchemy, handing out connections with one-trip cursors."""

    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        return OneTripConnection(self, super().connect(*arg, **kw)._connection)


def begin_immediate(dbapi_connection: Any) -> None:
    """The dialect's `do_begin`: every transaction starts with BEGIN IMMEDIATE, run with its first
    statement (no statement of its own, no engine event)."""
    dbapi_connection.begin_later("BEGIN IMMEDIATE")


def one_trip_dbapi() -> OneTripDbapi:
    """The `module=` of create_async_engine for a sqlite+aiosqlite URL."""
    return OneTripDbapi(aiosqlite, sqlite3)
