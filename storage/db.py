"""One engine and one async_sessionmaker per process, plus migrations and transient-error retries:
the database plumbing under queue_core (no queue rules here)."""
from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
from pathlib import Path
from typing import Awaitable, Callable, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session

from .sqlite_driver import begin_immediate, one_trip_dbapi
from .tx import INSERTED, SESSION_KEY, Tx, note_insert

log = logging.getLogger(__name__)
T = TypeVar("T")
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


# A lock held by another process makes BEGIN IMMEDIATE fail after this long; `with_retries` then
# waits without blocking the event loop and runs the whole transaction again.
SQLITE_BUSY_MS = 50


def make_engine(url: str, *, pool_size: int = 10) -> AsyncEngine:
    """Engine with the settings PusQue relies on for atomic queue operations.

    SQLite: every transaction starts with BEGIN IMMEDIATE, taking the write lock up front, so
    "read the head of the queue, then mark it called" cannot interleave with another writer in
    this or any other process. PostgreSQL: the queue locks
    the rows it changes (SELECT ... FOR UPDATE).
    """
    if not is_sqlite(url):
        # No pre-ping (a round trip at every checkout): a connection the server dropped fails its
        # first statement, SQLAlchemy invalidates the pool, and `with_retries` runs the whole
        # transaction again on a fresh connection.
        return create_async_engine(url, pool_size=pool_size, max_overflow=pool_size)
    db_path = make_url(url).database
    if db_path and db_path != ":memory:":
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    # Every transaction ends in COMMIT or ROLLBACK (Database.run), so the pool's own
    # reset-on-return ROLLBACK would only add a round trip. A statement is one trip to aiosqlite's
    # thread, not four (sqlite_driver.py).
    engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000}, pool_reset_on_return=None,
                                 module=one_trip_dbapi())
    sync = engine.sync_engine

    @event.listens_for(sync, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", f"busy_timeout={SQLITE_BUSY_MS}"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    sync.dialect.do_begin = begin_immediate  # type: ignore[method-assign]
    return engine


class _Session(Session):
    """The sync session under each AsyncSession: it records the tables its transaction inserts into
    (Database.on_insert_commit); Core statements through a Tx record theirs themselves."""


event.listen(_Session, "do_orm_execute", lambda state: note_insert(state.session.info, state.statement))
event.listen(_Session, "before_flush", lambda session, _context, _instances: session.info.setdefault(
    INSERTED, set()).update(obj.__table__.name for obj in session.new))


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=_Session)


def is_transient(exc: BaseException) -> bool:
    """Errors worth retrying: a locked SQLite file, a PG deadlock/serialization failure, a dropped connection."""
    if is_locked(exc):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        code = getattr(getattr(exc, "orig", None), "pgcode", None) or getattr(
            getattr(getattr(exc, "orig", None), "__cause__", None), "sqlstate", None
        )
        if code in ("40001", "40P01", "55P03", "57P01", "08006", "08003", "08001"):
            return True
        text = str(exc).lower()
        return any(s in text for s in ("connection was closed", "connection refused", "deadlock detected", "could not serialize"))
    return isinstance(exc, (ConnectionError, OSError))


def is_locked(exc: BaseException) -> bool:
    return isinstance(exc, (OperationalError, sqlite3.OperationalError)) and "locked" in str(exc).lower()


async def with_retries(
    op: Callable[[], Awaitable[T]],
    *,
    attempts: int = 6,
    base_delay: float = 0.05,
    lock_wait: float = 30.0,
    on_retry: Callable[[BaseException], None] | None = None,
) -> T:
    """Run a whole transaction again on transient failures, with jittered exponential backoff.

    A SQLite file locked by another process is waited for up to `lock_wait` seconds in all
    (the role a long busy timeout would play, without blocking the event loop).
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + lock_wait
    attempt = 0
    while True:
        attempt += 1
        try:
            return await op()
        except Exception as exc:  # noqa: BLE001 - filtered by is_transient
            locked = is_locked(exc)
            if not is_transient(exc) or (attempt >= attempts and not locked) or (locked and loop.time() > deadline):
                raise
            if on_retry:
                on_retry(exc)
            delay = min(base_delay * 2 ** (min(attempt, 8) - 1), 0.5 if locked else 30.0) * (0.5 + random.random())
            log.warning("database busy or unreachable (%s); retry %d in %.2fs", type(exc).__name__, attempt, delay)
            await asyncio.sleep(delay)


class WriterLock:
    """An asyncio lock whose `first` waiters go before the others: the notifier's "sent" mark
    must not wait behind a queue of other transactions while a SIGKILL would repeat the notice
    (docs/notifications.md, the send window)."""

    def __init__(self) -> None:
        self._held = False
        self._first: list[asyncio.Future] = []
        self._rest: list[asyncio.Future] = []

    async def acquire(self, first: bool = False) -> None:
        if not self._held and not self._first and not self._rest:
            self._held = True
            return
        waiter = asyncio.get_running_loop().create_future()
        queue = self._first if first else self._rest
        queue.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # handed the lock as it was cancelled: pass it on
            elif waiter in queue:
                queue.remove(waiter)
            raise

    def release(self) -> None:
        for queue in (self._first, self._rest):
            while queue:
                waiter = queue.pop(0)
                if not waiter.done():
                    waiter.set_result(None)  # the lock passes to it, still held
                    return
        self._held = False


class Database:
    """The engine, its one async_sessionmaker, and how a transaction is run.

    On SQLite, writers in this process queue on an asyncio.Lock instead of spinning in SQLite's
    busy handler (which sleeps up to 100 ms a try); other processes are still kept out by
    BEGIN IMMEDIATE and the busy timeout.
    """

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size=pool_size)
        self.sessionmaker = make_sessionmaker(self.engine)
        self.is_sqlite = is_sqlite(url)
        self._lock = WriterLock() if self.is_sqlite else None
        self.retries = 0
        self._insert_listeners: list[tuple[str, Callable[[], None]]] = []

    def on_insert_commit(self, table: str, listener: Callable[[], None]) -> None:
        """Call `listener` after each commit of a transaction that inserted rows into `table` (the
        bot's notifier wakes at the commit of a notice instead of at its next poll)."""
        self._insert_listeners.append((table, listener))

    def _count_retry(self, exc: BaseException) -> None:
        self.retries += 1

    async def run(self, fn: Callable[[AsyncSession], Awaitable[T]], *, first: bool = False) -> T:
        """Run fn(session) in one transaction, again from the start on transient errors.
        `first`: ahead of the transactions waiting in this process (SQLite)."""

        async def attempt() -> T:
            async with self.sessionmaker() as session:  # closing it rolls back what was not committed
                result = await fn(session)
                tx = session.info.get(SESSION_KEY)
                if tx is not None:
                    await tx.flush()
                await session.commit()
                inserted = session.info.pop(INSERTED, ())
                for table, listener in self._insert_listeners:
                    if table in inserted:
                        listener()
                return result

        async def locked() -> T:
            if self._lock is None:
                return await attempt()
            await self._lock.acquire(first)
            try:
                return await attempt()
            finally:
                self._lock.release()

        return await with_retries(locked, on_retry=self._count_retry)

    async def run_tx(self, fn: Callable[[Tx], Awaitable[T]]) -> T:
        """Run fn(tx) in one transaction (`Database.run`), with a `Tx` over the session."""
        return await self.run(lambda session: _call_with_tx(session, fn))

    async def upgrade(self) -> None:
        await upgrade(self.engine)

    async def dispose(self) -> None:
        await self.engine.dispose()


async def _call_with_tx(session: AsyncSession, fn: Callable[[Tx], Awaitable[T]]) -> T:
    return await fn(await Tx.of(session))


async def upgrade(engine: AsyncEngine, revision: str = "heads") -> None:
    """Apply Alembic migrations on this engine's database (run at start-up)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))

    def _run(sync_conn) -> None:
        cfg.attributes["connection"] = sync_conn
        command.upgrade(cfg, revision)

    async with engine.begin() as conn:
        await conn.run_sync(_run)
