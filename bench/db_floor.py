"""The floor under every queue operation: what one statement and one empty transaction cost.

    python bench/db_floor.py [--n 2000]

Three ways of running a SQLite transaction, on the same file (WAL, BEGIN IMMEDIATE):

- aiosqlite: SQLAlchemy's async session over aiosqlite's thread (PusQue before 2026-11-23 15:00);
- inline session: the same session over `queue_core.sqlite_inline` (sqlite3 on the loop's thread),
  what the ORM parts of PusQue (registration, staff, broadcasts) use now;
- run_sql: `Database.run_sql`, a bare sqlite3 connection with hand-written SQL, what the queue's
  operations use now.

Divide 1 s by a transaction figure to get the ceiling of a single SQLite writer doing nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from queue_core.db import Database  # noqa: E402


async def session_figures(db: Database, n: int) -> tuple[float, float]:
    async with db.sessionmaker() as session:
        start = time.perf_counter()
        for _ in range(n):
            await session.execute(text("SELECT 1"))
        per_statement = (time.perf_counter() - start) / n
    start = time.perf_counter()
    for _ in range(n // 4):
        await db.run(lambda s: s.execute(text("SELECT 1")))
    return per_statement, (time.perf_counter() - start) / (n // 4)


async def run_sql_figures(db: Database, n: int) -> tuple[float, float]:
    async def many(sql) -> None:
        for _ in range(n):
            await sql.scalar("SELECT 1")

    start = time.perf_counter()
    await db.run_sql(many)
    per_statement = (time.perf_counter() - start) / n
    start = time.perf_counter()
    for _ in range(n // 4):
        await db.run_sql(lambda sql: sql.scalar("SELECT 1"))
    return per_statement, (time.perf_counter() - start) / (n // 4)


async def main(n: int) -> None:
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'SQLite, one statement':<24} {'SELECT 1':>12} {'transaction':>12} {'ceiling':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/floor.db"
        for label, inline, figures in (("aiosqlite session", False, session_figures),
                                       ("inline session", True, session_figures),
                                       ("run_sql", True, run_sql_figures)):
            db = Database(url, sqlite_inline=inline)
            await db.upgrade()
            statement, tx = await figures(db, n)
            await db.dispose()
            print(f"{label:<24} {statement * 1e6:9.0f} us {tx * 1e3:9.3f} ms {1 / tx:9,.0f} tx/s")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    asyncio.run(main(ap.parse_args().n))
