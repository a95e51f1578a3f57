"""One queue transaction: its session, the database it talks to, and caches that live as long as it.

Every queue operation (issue, call, finish, ...) runs its statements as SQLAlchemy Core
expressions on the tables of `queue_core.models` (no ORM objects are loaded: a queue operation
runs about a dozen statements and ORM instances would cost more than the statements), in one
transaction of the process's one `async_sessionmaker`, the same code on SQLite and PostgreSQL.
"""
from __future__ import annotations

from typing import Any, Sequence, cast

from sqlalchemy import ColumnElement, Table, exc, false, or_
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql import Executable, Select

from .models import ChannelState, DailyCounter, Outbox, StaffMember, Ticket, Visit

SESSION_KEY = "pusque.tx"
OUTBOX_WRITTEN = "pusque.outbox_written"  # session.info flag: this transaction added outbox rows
INTEGRITY_ERRORS = (exc.IntegrityError,)

tickets = cast(Table, Ticket.__table__)
visits = cast(Table, Visit.__table__)
outbox = cast(Table, Outbox.__table__)
channel_states = cast(Table, ChannelState.__table__)
daily_counters = cast(Table, DailyCounter.__table__)
staff = cast(Table, StaffMember.__table__)


def one_of(column, values) -> ColumnElement[bool]:
    """`column IN (values)` for a list fixed when the statement is built, as equalities: plain
    parameters, where an IN list is expanded again at every execution."""
    values = list(values)
    if not values:
        return false()
    return column == values[0] if len(values) == 1 else or_(*(column == v for v in values))


class Tx:
    """Run Core statements inside the current transaction of one session."""

    __slots__ = ("session", "conn", "pg", "info")

    def __init__(self, session: AsyncSession, conn: AsyncConnection, pg: bool) -> None:
        self.session = session
        self.conn = conn  # the session's connection: Core statements skip the ORM's execute path
        self.pg = pg
        self.info: dict[str, Any] = {}  # per-transaction caches

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

    async def run(self, statement: Executable) -> int:
        """Execute a change; returns the number of rows it touched. An outbox insert marks the
        transaction, as the session's own hook would (db.py): its commit wakes the notifier."""
        if getattr(statement, "table", None) is outbox and getattr(statement, "is_insert", False):
            self.session.info[OUTBOX_WRITTEN] = True
        return (await self.conn.execute(statement)).rowcount
