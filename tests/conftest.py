"""Shared fixtures: a fresh database per test on SQLite, and on PostgreSQL when it answers."""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import uuid

import pytest

from queue_core.clock import ManualClock
from queue_core.config import load_settings
from queue_core.db import Database, make_engine, upgrade

PG_ADMIN_URL = os.environ.get("PUSQUE_TEST_PG_URL", "postgresql+asyncpg://root@127.0.0.1:5432/test")
MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)


def run_async(coro):
    """Run a coroutine to completion from sync code, even inside a running event loop."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _pg_reachable() -> str | None:
    import asyncpg

    url = PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql")
    try:
        conn = await asyncio.wait_for(asyncpg.connect(url), 5)
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    await conn.close()
    return None


@pytest.fixture(scope="session")
def pg_database():
    """A database of our own for this test run (dropped at the end); skipped if PostgreSQL is absent."""
    problem = run_async(_pg_reachable())
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {PG_ADMIN_URL}: {problem}")
        pytest.skip(f"PostgreSQL unreachable at {PG_ADMIN_URL}: {problem}")
    import asyncpg

    name = f"pusque_t_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql")

    async def run(sql: str) -> None:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    run_async(run(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name

    async def migrate() -> None:
        engine = make_engine(url)
        await upgrade(engine)
        await engine.dispose()

    run_async(migrate())
    yield url
    run_async(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _truncate_pg(url: str) -> None:
    from sqlalchemy import text

    from queue_core.models import Base

    engine = make_engine(url)
    async with engine.begin() as conn:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db_url(request, tmp_path):
    """A migrated, empty database URL: SQLite file, or the run's PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'pusque.db'}"
        engine = make_engine(url)
        await upgrade(engine)
        await engine.dispose()
        return url
    url = request.getfixturevalue("pg_database")
    await _truncate_pg(url)
    return url


@pytest.fixture
def settings():
    return load_settings(env={})


@pytest.fixture
def clock():
    return ManualClock(MONDAY_8AM)


@pytest.fixture
async def db(db_url):
    database = Database(db_url)
    yield database
    await database.dispose()


@pytest.fixture
def sessionmaker(db):
    return db.sessionmaker
