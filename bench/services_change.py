"""What a change of the services costs: the admin's change until every reader has it, the other
processes' look for changes, and moving a service's waiting numbers to another.

    python -m bench.services_change [--runs 50] [--moves 10,100,300] [--quick] [--no-postgres]

The real path of the bot process: `ServiceCatalog` writes the change and its audit row in one
transaction, reads the active services back and hands them to the same swap `Services.apply_services`
does (new rules from `with_services`, the queue's rules replaced, the state rows of new rooms made).
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path

from bench.queue_core import TickingClock, bench_config, drop_pg, pct, postgres_url
from queue_core.rules import Service
from queue_core.service import QueueService
from queue_core.service_catalog import ServiceCatalog, with_services
from settings import load_settings
from storage.db import Database

BY = {"actor_id": 1, "via": "bench"}


async def run(url: str, config: Path, runs: int, moves: list[int]) -> dict:
    settings = load_settings(config, env={})
    db = Database(url)
    await db.upgrade()
    clock = TickingClock(dt.datetime(2026, 11, 23, 7, 0))
    queue = QueueService(db, settings, clock)

    async def apply(active: dict[str, Service]) -> None:
        queue.settings = with_services(queue.settings, active)
        await queue.ensure_channels()

    catalog = ServiceCatalog(db, clock, lambda: queue.settings, apply)
    loaded, _ = await catalog.load(settings.services)
    assert loaded is not None
    queue.settings = with_services(settings, loaded)
    await queue.ensure_channels()
    out: dict = {}
    change = []
    for i in range(runs):
        start = time.perf_counter()
        await catalog.update("B", {"daily_quota": 40 + i % 7}, BY)
        change.append(time.perf_counter() - start)
        assert queue.settings.services["B"].daily_quota == 40 + i % 7
    out["change_ms"] = (pct(change, 50), pct(change, 99))
    look = []
    for _ in range(runs):
        start = time.perf_counter()
        await catalog.load(None)
        look.append(time.perf_counter() - start)
    out["look_ms"] = (pct(look, 50), pct(look, 99))
    for n in moves:
        await catalog.create({"code": "E", "name": "Poli Lansia", "route": ["loket", "poli", "apotek"],
                              "daily_quota": 10_000, "hours": {d: "00:00-23:59" for d in
                                                               ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}, BY)
        for _ in range(n):
            await queue.issue(service="E", user_id=1)
        start = time.perf_counter()
        gone = await catalog.delete("E", BY, move_to="A")
        out[f"move_{n}_ms"] = (time.perf_counter() - start) * 1000
        assert len(gone["moved"]) == n
    await db.dispose()
    return out


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--moves", default="10,100,300")
    ap.add_argument("--quick", action="store_true", help="10 runs, moves of 10 and 50")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()
    runs, moves = (10, [10, 50]) if args.quick else (args.runs, [int(m) for m in args.moves.split(",")])
    with tempfile.TemporaryDirectory() as tmp:
        config = bench_config(Path(tmp), 2)
        targets = [("SQLite", f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", None)]
        if not args.no_postgres:
            made = await postgres_url()
            if made is not None:
                targets.append(("PostgreSQL", made[0], made[1]))
        for name, url, pg_name in targets:
            try:
                r = await run(url, config, runs, moves)
            finally:
                if pg_name:
                    await drop_pg(pg_name)
            print(f"{name}: a change seen by the queue p50 {r['change_ms'][0]:.1f} ms p99 {r['change_ms'][1]:.1f} ms; "
                  f"another process's look p50 {r['look_ms'][0]:.2f} ms p99 {r['look_ms'][1]:.2f} ms")
            for n in moves:
                ms = r[f"move_{n}_ms"]
                print(f"{name}: moving {n} waiting numbers (and deleting the service) {ms:.0f} ms ({ms / n:.2f} ms each)")


if __name__ == "__main__":
    asyncio.run(main())
