"""Hand-written SQL for the queue's hot path, on the session's own connection and transaction.

The ORM costs a few hundred microseconds of Python per statement (building the statement,
the execution context, loading instances); a queue operation runs about a dozen statements, so
the ORM alone capped the queue at a few dozen transitions per second. The queue operations
(issue, call, finish, ...) therefore speak SQL through `Sql`: one text per statement, valid on
SQLite and PostgreSQL alike, with named parameters (`:name`).

- SQLite: statements go straight to a bare sqlite3 connection (`queue_core.sqlite_writer`);
  datetimes are written in SQLAlchemy's own storage format (`queue_core.sqlite_inline`'s
  adapters), so ORM code reading the same rows sees no difference, and are read back with `ts()`.
- PostgreSQL: statements go through the session as cached `text()` clauses.

Everything else (registration, staff, broadcasts, reports) stays on the ORM.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import exc, text
from sqlalchemy.ext.asyncio import AsyncSession

from .sqlite_inline import InlineConnection

SESSION_KEY = "pusque.sql"
INTEGRITY_ERRORS = (exc.IntegrityError, sqlite3.IntegrityError)
_TEXTS: dict[str, Any] = {}


def _sqlite_text(value: Any) -> Any:
    """Dates as SQLAlchemy stores them, for statements that go through a session to SQLite."""
    kind = type(value)
    if kind is dt.datetime:
        return value.isoformat(" ", "microseconds")
    if kind is dt.date:
        return value.isoformat()
    return value


def ts(value: Any) -> dt.datetime | None:
    """A DATETIME column as read from either database."""
    if type(value) is str:
        return dt.datetime.fromisoformat(value)
    return value


def day_of(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def in_list(name: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    """`(:name_0, :name_1, ...)` and its parameters: IN lists both drivers accept."""
    params = {f"{name}_{i}": v for i, v in enumerate(values)}
    if not params:
        return "(NULL)", {}
    return "(" + ", ".join(f":{k}" for k in params) + ")", params


class Sql:
    """Run statements inside the current transaction of one session."""

    __slots__ = ("session", "pg", "_raw", "info")

    def __init__(self, session: AsyncSession | None, pg: bool, raw: Any = None) -> None:
        self.session = session  # None when the transaction is on a bare sqlite3 connection
        self.pg = pg
        self._raw = raw  # a sqlite3.Connection, or None to go through the session
        self.info: dict[str, Any] = {}  # per-transaction caches

    @classmethod
    async def of(cls, session: AsyncSession) -> "Sql":
        """The executor of this session's transaction (made once per transaction)."""
        sql = session.info.get(SESSION_KEY)
        if sql is None:
            conn = await session.connection()  # begins the transaction (BEGIN IMMEDIATE on SQLite)
            pg = conn.dialect.name == "postgresql"
            raw = None
            if not pg:
                driver = (await conn.get_raw_connection()).driver_connection
                raw = driver._conn if isinstance(driver, InlineConnection) else None
            sql = session.info[SESSION_KEY] = cls(session, pg, raw)
        return sql

    def lock(self, *, skip: bool = False, of: str | None = None) -> str:
        """Row-lock suffix for PostgreSQL; SQLite already holds the whole file (BEGIN IMMEDIATE)."""
        if not self.pg:
            return ""
        return " FOR UPDATE" + (f" OF {of}" if of else "") + (" SKIP LOCKED" if skip else "")

    def _params(self, params: Mapping[str, Any] | None) -> Mapping[str, Any]:
        if not params:
            return {}
        if self.pg or self._raw is not None:
            return params  # sqlite3 formats dates with queue_core.sqlite_inline's adapters
        return {k: _sqlite_text(v) for k, v in params.items()}

    async def all(self, statement: str, params: Mapping[str, Any] | None = None) -> list[Sequence[Any]]:
        if self._raw is not None:
            return self._raw.execute(statement, self._params(params)).fetchall()
        return list((await self.session.execute(_text(statement), self._params(params))).all())

    async def one(self, statement: str, params: Mapping[str, Any] | None = None) -> Sequence[Any] | None:
        if self._raw is not None:
            return self._raw.execute(statement, self._params(params)).fetchone()
        return (await self.session.execute(_text(statement), self._params(params))).first()

    async def scalar(self, statement: str, params: Mapping[str, Any] | None = None) -> Any:
        row = await self.one(statement, params)
        return None if row is None else row[0]

    async def run(self, statement: str, params: Mapping[str, Any] | None = None) -> int:
        """Execute a change; returns the number of rows it touched."""
        if self._raw is not None:
            return self._raw.execute(statement, self._params(params)).rowcount
        return (await self.session.execute(_text(statement), self._params(params))).rowcount

    async def run_many(self, statement: str, rows: list[Mapping[str, Any]]) -> None:
        if not rows:
            return
        if self._raw is not None:
            self._raw.executemany(statement, [self._params(r) for r in rows])
        else:
            await self.session.execute(_text(statement), [self._params(r) for r in rows])


def _text(statement: str):
    clause = _TEXTS.get(statement)
    if clause is None:
        clause = _TEXTS[statement] = text(statement)
    return clause
