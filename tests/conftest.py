"""Shared fixtures: a fresh database per test on SQLite, and on PostgreSQL when it answers.

PostgreSQL that does not answer: the postgres tests are skipped on a laptop (the summary says
why), and fail the run in CI (`CI=true`), where it must be there.

Deadlines: pytest-timeout's per-test limit (pyproject's `timeout`) is multiplied by
PUSQUE_TEST_TIMEOUT_SCALE like every wait in the suite (tests/deadlines.py); a limit given
with --timeout or PYTEST_TIMEOUT is used as given.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import uuid
from pathlib import Path

import pytest

from queue_core.clock import ManualClock
from settings import load_settings
from storage.db import Database, make_engine, upgrade
from tests.deadlines import ENV as SCALE_ENV
from tests.deadlines import SCALE, scaled

PG_ADMIN_URL = os.environ.get("PUSQUE_TEST_PG_URL", "postgresql+asyncpg://root@127.0.0.1:5432/test")
MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)
PG_SKIP_REASON = "PostgreSQL unreachable at"


def in_ci(environ=os.environ) -> bool:
    """CI=true (or 1/yes), as CI services set it; CI=false or unset is a developer's machine."""
    return environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pg_unreachable(problem: str, environ=os.environ) -> tuple[str, str]:
    """What a run does when PostgreSQL does not answer: ("fail", why) in CI, else ("skip", why)."""
    if in_ci(environ):
        return "fail", (f"PostgreSQL is required in CI (CI=true) but unreachable at {PG_ADMIN_URL}: {problem}. "
                        "Start it, or set PUSQUE_TEST_PG_URL.")
    return "skip", f"{PG_SKIP_REASON} {PG_ADMIN_URL}: {problem} (set PUSQUE_TEST_PG_URL; in CI this fails)"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    if SCALE == 1 or config.getvalue("timeout") is not None or os.environ.get("PYTEST_TIMEOUT"):
        return
    if getattr(config, "_env_timeout", None) and not getattr(config, "_pusque_scaled", False):
        config._env_timeout = config._env_timeout * SCALE  # pytest-timeout's per-test limit from pyproject
        config._pusque_scaled = True


def pytest_collection_modifyitems(config, items):
    if SCALE == 1:
        return
    for item in items:  # @pytest.mark.timeout(N) too
        marker = item.get_closest_marker("timeout")
        if marker is not None and marker.args and isinstance(marker.args[0], (int, float)):
            item.add_marker(pytest.mark.timeout(marker.args[0] * SCALE, *marker.args[1:], **marker.kwargs),
                            append=False)


def pytest_report_header(config):
    return f"deadlines: {SCALE_ENV}={SCALE:g} (tests/deadlines.py)"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if PG_SKIP_REASON in str(getattr(r, "longrepr", ""))]
    if skipped:
        reason = str(skipped[0].longrepr[-1]) if isinstance(skipped[0].longrepr, tuple) else str(skipped[0].longrepr)
        terminalreporter.write_sep("=", "PostgreSQL tests skipped", yellow=True)
        terminalreporter.write_line(f"{len(skipped)} PostgreSQL test(s) skipped: {reason.removeprefix('Skipped: ')}")


def run_async(coro):
    """Run a coroutine to completion from sync code, even inside a running event loop."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _pg_reachable() -> str | None:
    import asyncpg

    url = PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql")
    try:
        conn = await asyncio.wait_for(asyncpg.connect(url), scaled(10))
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    await conn.close()
    return None


@pytest.fixture(scope="session")
def pg_database():
    """A database of our own for this test run (dropped at the end); PostgreSQL absent: skipped,
    or failed in CI (pg_unreachable)."""
    problem = run_async(_pg_reachable())
    if problem:
        action, why = pg_unreachable(problem)
        if action == "fail":
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
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

    from queue_core import alerts, clinic_tables, counter_login, service_catalog  # noqa: F401  (their tables)
    from queue_core.models import Base

    engine = make_engine(url)
    async with engine.begin() as conn:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def faq_model_cached():
    """The shipped FAQ model fitted once, before the first test, into the checkout's cache
    (`faq.cache_dir`), where the bots of the end-to-end tests load it from. On a fresh checkout the
    fit takes about a minute (docs/benchmarks.md "FAQ"): no test's reply deadline should pay it."""
    from nlp.faq import FaqMatcher

    FaqMatcher(load_settings())


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty SQLite database migrated to head once a run; `fresh_sqlite` copies it. Migrating
    a new file for each test took ~0.1-0.2 s a test (hundreds of tests); the bot's own start-up
    still migrates whatever it is given (tests/bot, tests/proof start it on new files)."""
    path = tmp_path_factory.mktemp("sqlite_template") / "pusque.db"

    async def migrate() -> None:
        engine = make_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade(engine)
        await engine.dispose()

    run_async(migrate())
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"the template must be one closed file, found {leftovers}"  # no -wal/-shm
    return path


def fresh_sqlite(template: Path, path: Path) -> str:
    """A migrated, empty SQLite database at `path` (a copy of the template); its URL."""
    shutil.copyfile(template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db_url(request, tmp_path):
    """A migrated, empty database URL: SQLite file, or the run's PostgreSQL database."""
    if request.param == "sqlite":
        return fresh_sqlite(request.getfixturevalue("sqlite_template"), tmp_path / "pusque.db")
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
def texts():
    """The bot's texts given to bot.i18n, as the app does when it builds (app/tables.py): for a
    test that calls a handler or a renderer without starting the bot. Returns the table."""
    from app import tables

    tables.use_texts()
    return tables.TEXTS


@pytest.fixture
async def db(db_url):
    database = Database(db_url)
    yield database
    await database.dispose()


@pytest.fixture
def sessionmaker(db):
    return db.sessionmaker
