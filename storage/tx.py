"""One transaction's executor: Core statements on the session's connection, and caches that live
as long as the transaction.

The queue operations run their statements as SQLAlchemy Core expressions (no ORM objects are
loaded: an operation runs about a dozen statements and ORM instances would cost more than the
statements), in one transaction of the process's one `async_sessionmaker`, the same code on
SQLite and PostgreSQL.
"""
from __future__ import annotations

from typing import Any, Sequence

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql import Executable, Select

SESSION_KEY = "storage.tx"
INSERTED = "storage.inserted"  # session.info: names of the tables this transaction inserted rows into


def note_insert(session_info: dict, statement: Any) -> None:
    """Record an INSERT's table in the transaction (Database.on_insert_commit listens for it)."""
    if getattr(statement, "is_insert", False):
        session_info.setdefault(INSERTED, set()).add(statement.table.name)


class Tx:
    """Run Core statements inside the current transaction of one session."""

    __slots__ = ("session", "conn", "pg", "info", "pending")

    def __init__(self, session: AsyncSession, conn: AsyncConnection, pg: bool) -> None:
        self.session = session
        self.conn = conn  # the session's connection: Core statements skip the ORM's execute path
        self.pg = pg
        self.info: dict[str, Any] = {}  # per-transaction caches
        self.pending: dict[Executable, list[dict[str, Any]]] = {}  # rows `later` inserts at the end

    @classmethod
    async def of(cls, session: AsyncSession) -> "Tx":
        """The executor of this session's transaction (made once per transaction)."""
        tx = session.info.get(SESSION_KEY)
        if tx is None:
            conn = await session.connection()  # begins the transaction (BEGIN IMMEDIATE on SQLite)
            tx = session.info[SESSION_KEY] = cls(session, conn, conn.dialect.name == "postgresql")
        return tx

    def locked(self, statement: Select, *, skip: bool = False, of: Any = None) -> Select:
        """Row locks on PostgreSQL; SQLite already holds the whole file (BEGIN IMMEDIATE)."""
        if not self.pg:
            return statement
        return statement.with_for_update(skip_locked=skip, of=of)

    async def all(self, statement: Executable, params: dict[str, Any] | None = None) -> list[Sequence[Any]]:
        return list((await self.conn.execute(statement, params)).all())

    async def one(self, statement: Executable, params: dict[str, Any] | None = None) -> Sequence[Any] | None:
        return (await self.conn.execute(statement, params)).first()

    async def scalar(self, statement: Executable, params: dict[str, Any] | None = None) -> Any:
        row = await self.one(statement, params)
        return None if row is None else row[0]

    def later(self, statement: Executable, params: dict[str, Any]) -> None:
        """An INSERT of one row that nothing in the transaction reads back: run at its end together
        with the other rows of the same statement, as one executemany (one trip, not one a row)."""
        note_insert(self.session.info, statement)
        self.pending.setdefault(statement, []).append(params)

    async def flush(self) -> None:
        """Run the inserts `later` kept, in the order they were asked for (Database.run calls it
        before the commit)."""
        while self.pending:
            statement = next(iter(self.pending))
            await self.conn.execute(statement, self.pending.pop(statement))

    async def run(self, statement: Executable, params: dict[str, Any] | None = None) -> int:
        """Execute a change; returns the number of rows it touched. `params` may name columns the
        statement does not: an INSERT or UPDATE then sets them, so one statement object serves
        every set of columns (built once, its SQL is compiled once per set)."""
        note_insert(self.session.info, statement)
        return (await self.conn.execute(statement, params)).rowcount
