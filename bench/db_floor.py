"""The floor under every queue operation: what one statement and one empty transaction cost.

    python bench/db_floor.py [--n 2000]

Through the same stack the queue uses (SQLAlchemy async session, aiosqlite, WAL, BEGIN
IMMEDIATE via queue_core.db.Database). Divide 1 s by the transaction figure to get the ceiling
of a single SQLite writer doing nothing.
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


async def main(n: int) -> None:
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{tmp}/floor.db")
        await db.upgrade()
        async with db.sessionmaker() as session:
            start = time.perf_counter()
            for _ in range(n):
                await session.execute(text("SELECT 1"))
            per_statement = (time.perf_counter() - start) / n
        start = time.perf_counter()
        for _ in range(n // 4):
            await db.run(lambda s: s.execute(text("SELECT 1")))
        per_tx = (time.perf_counter() - start) / (n // 4)
        await db.dispose()
    print(f"SELECT 1 in one session:            {per_statement * 1e6:7.0f} us per statement")
    print(f"one-statement transaction (SQLite): {per_tx * 1e3:7.2f} ms -> ceiling {1 / per_tx:,.0f} transactions/s")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    asyncio.run(main(ap.parse_args().n))
