"""On SQLite a statement is one trip to aiosqlite's thread (storage/sqlite_driver.py), with the
rows, the row count and the last row id a DBAPI cursor gives."""
import aiosqlite
from sqlalchemy import text

from storage.db import Database


async def test_a_statement_is_one_trip_and_gives_what_a_cursor_gives(tmp_path, monkeypatch):
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'trips.db'}")
    trips = []
    original = aiosqlite.Connection._execute

    async def counting(self, fn, *args, **kwargs):
        trips.append(fn)
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)

    async def fn(session):
        await session.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
        start = len(trips)
        inserted = await session.execute(text("INSERT INTO t (v) VALUES ('a'), ('b')"))
        changed = await session.execute(text("UPDATE t SET v = 'c'"))
        rows = (await session.execute(text("SELECT id, v FROM t ORDER BY id"))).all()
        return len(trips) - start, inserted.rowcount, changed.rowcount, rows

    try:
        made, inserted, changed, rows = await db.run(fn)
    finally:
        await db.dispose()
    assert made == 3  # three statements, three trips (SQLAlchemy's own adapter made ten)
    assert (inserted, changed, rows) == (2, 2, [(1, "c"), (2, "c")])


async def test_the_begin_rides_with_the_first_statement_and_takes_the_write_lock(tmp_path, monkeypatch):
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'begin.db'}")
    trips = []
    original = aiosqlite.Connection._execute

    async def counting(self, fn, *args, **kwargs):
        if self is not other:
            trips.append(fn)
        return await original(self, fn, *args, **kwargs)

    await db.run(lambda session: session.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)")))
    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
    other = await aiosqlite.connect(tmp_path / "begin.db", timeout=0.05)

    async def fn(session):
        await session.execute(text("SELECT count(*) FROM t"))  # a read, yet the file is locked for writers now
        try:
            await other.execute("INSERT INTO t DEFAULT VALUES")
        except Exception as exc:  # noqa: BLE001
            return str(exc)
        return "written"

    try:
        refused = await db.run(fn)
        empty = len(trips)
        await db.run(lambda session: session.connection())  # a transaction that runs no statement
        after = len(trips)
    finally:
        await other.close()
        await db.dispose()
    assert "locked" in refused
    assert empty == 2  # BEGIN IMMEDIATE with the SELECT, then the COMMIT
    assert after == empty  # nothing to begin or commit
