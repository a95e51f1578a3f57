"""The database as the bot experiences it: slow statements and database errors of the ORM
engine, counted for /metrics and logged, whatever storage/db.py does about them (retries the
transaction, reconnects).

Why: a slow server or a lock held elsewhere otherwise shows only as "the bot is slow". A
PostgreSQL connection killed under a transaction shows here as an error and in
`Database.retries` as the retry that followed. On SQLite a lock held by another process makes a
transaction fail after 50 ms and be retried (`Database.retries`, logged "database busy").

Only the first words of a statement are logged, never its parameters (personal data).
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter

from sqlalchemy import event
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)
_T0 = "pusque_t0"


def _head(statement: str) -> str:
    return " ".join(str(statement).split()[:3])[:40]


class DbWatch:
    """Hooks on one engine. `slow` / `slow_seconds`: statements that took `slow_after` seconds or
    more, and their total time; `errors`: failures of the database itself (locked, disconnected,
unreachable) by kind; integrity errors are answers, not failures, and are not counted."""

    def __init__(self, engine: AsyncEngine, *, slow_after: float = 1.0, log_every: float = 5.0) -> None:
        self.slow_after, self.log_every = slow_after, log_every
        self.slow = 0
        self.slow_seconds = 0.0
        self.errors: Counter = Counter()
        self._lock = threading.Lock()  # SQLite statements run in aiosqlite's threads
        self._last_log = float("-inf")
        self._unlogged = 0
        sync = engine.sync_engine
        event.listen(sync, "before_cursor_execute", self._before)
        event.listen(sync, "after_cursor_execute", self._after)
        event.listen(sync, "handle_error", self._error)

    def _before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info.setdefault(_T0, []).append(time.monotonic())

    def _took(self, conn) -> float | None:
        stack = conn.info.get(_T0)
        return time.monotonic() - stack.pop() if stack else None

    def _after(self, conn, cursor, statement, parameters, context, executemany) -> None:
        took = self._took(conn)
        if took is None or took < self.slow_after:
            return
        with self._lock:
            self.slow += 1
            self.slow_seconds += took
            now = time.monotonic()
            if now - self._last_log < self.log_every:
                self._unlogged += 1
                return
            more, self._unlogged, self._last_log = self._unlogged, 0, now
        log.warning("database slow: %.1f s for %s (a lock held elsewhere, or the server busy)%s",
                    took, _head(statement), f"; {more} more slow statements before this" if more else "")

    def _error(self, context) -> None:
        if context.connection is not None:
            self._took(context.connection)
        wrapped = context.sqlalchemy_exception
        if not isinstance(context.original_exception, Exception):
            return  # a cancelled task (shutting down), not the database failing
        if not (context.is_disconnect or isinstance(wrapped, (OperationalError, InterfaceError))):
            return  # an integrity error is an answer (a lost race, a duplicate), not a failing database
        name = "disconnect" if context.is_disconnect else type(wrapped).__name__
        with self._lock:
            self.errors[name] += 1
        first = (str(context.original_exception).splitlines() or [""])[0][:200]
        log.warning("database error (%s): %s: %s", name, type(context.original_exception).__name__, first)
