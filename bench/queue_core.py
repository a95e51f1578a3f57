"""Queue core throughput: ticket transitions per second and p50/p99 latency of issue, call, finish.

    python -m bench.queue_core [--tickets 2000] [--callers 4] [--quick] [--no-postgres]

A morning in fast-forward: tickets are issued by `--issuers` concurrent patients, then `--callers`
counters call and finish them concurrently (loket -> poli -> apotek, the shipped route), on
SQLite (file, WAL) and on PostgreSQL when it answers. Every operation is a real transaction with
its outbox rows and turn-near checks. Prints one table per database.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import yaml

from queue_core.db import Database
from queue_core.service import QueueService
from settings import DEFAULT_CONFIG_PATH, load_settings

PG_ADMIN = os.environ.get("PUSQUE_TEST_PG_URL", "postgresql+asyncpg://root@127.0.0.1:5432/test")


def bench_config(tmp: Path, callers: int) -> Path:
    raw = copy.deepcopy(yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")))
    raw["phases"]["loket"]["channels"] = [{"name": f"Loket {i + 1}", "services": "*"} for i in range(callers)]
    raw["phases"]["apotek"]["channels"] = [{"name": f"Apotek {i + 1}", "services": "*"} for i in range(callers)]
    all_day = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    for svc in raw["services"]:
        svc.update(hours=all_day, daily_quota=100_000, rooms=[f"{svc['code']} Ruang {i + 1}" for i in range(callers)])
    raw["clinic"]["holidays"] = []
    path = tmp / "bench.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


class TickingClock:
    """Clinic time that moves one second with every transaction, so a run spans a working day."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        self._now += dt.timedelta(seconds=1)
        return self._now


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


async def timed(bucket: list[float], coro):
    start = time.perf_counter()
    result = await coro
    bucket.append(time.perf_counter() - start)
    return result


async def run(url: str, config: Path, tickets: int, issuers: int, callers: int) -> dict:
    settings = load_settings(config, env={})
    db = Database(url)
    await db.upgrade()
    clock = TickingClock(dt.datetime(2026, 11, 23, 7, 0))
    qs = QueueService(db, settings, clock)
    await qs.ensure_channels()
    lat: dict[str, list[float]] = {"issue": [], "call": [], "finish": []}
    services = list(settings.services)
    conditions = [[], [], ["flu"], ["hamil"], ["alergi"], ["darurat"], ["tbc"], []]

    async def issuer(k: int) -> None:
        for i in range(k, tickets, issuers):
            await timed(lat["issue"], qs.issue(service=services[i % len(services)], user_id=i,
                                               conditions=conditions[i % len(conditions)], age=20 + i % 70))

    async def counter(channel: str) -> None:
        while True:
            view = await timed(lat["call"], qs.call_next(channel))
            if view is None:
                return
            await timed(lat["finish"], qs.finish(channel))

    start, cpu_start = time.perf_counter(), time.process_time()
    await asyncio.gather(*(issuer(k) for k in range(issuers)))
    issued_at = time.perf_counter()
    for phase in ("loket", "poli", "apotek"):
        names = [c.name for c in settings.channels if c.phase == phase]
        await asyncio.gather(*(counter(n) for n in names))
    end, cpu_end = time.perf_counter(), time.process_time()
    await db.dispose()
    transitions = sum(len(v) for v in lat.values())
    return {
        "transitions": transitions,
        "seconds": end - start,
        "per_second": transitions / (end - start),
        "per_cpu_second": transitions / (cpu_end - cpu_start),
        "issue_per_second": len(lat["issue"]) / (issued_at - start),
        "latency_ms": {k: (pct(v, 50), pct(v, 99)) for k, v in lat.items()},
    }


async def postgres_url() -> tuple[str, str] | None:
    import asyncpg

    admin = PG_ADMIN.replace("postgresql+asyncpg", "postgresql")
    try:
        conn = await asyncio.wait_for(asyncpg.connect(admin), 5)
    except Exception as exc:  # noqa: BLE001
        print(f"PostgreSQL skipped: {exc}")
        return None
    name = f"pusque_bench_{uuid.uuid4().hex[:6]}"
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name, name


async def drop_pg(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN.replace("postgresql+asyncpg", "postgresql"))
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


def show(label: str, r: dict) -> None:
    print(f"\n{label}: {r['transitions']} transitions in {r['seconds']:.1f} s = {r['per_second']:.0f} transitions/s "
          f"(issuing alone: {r['issue_per_second']:.0f} tickets/s); "
          f"{r['per_cpu_second']:.0f} per CPU second of this process")
    print(f"  {'operation':<8} {'p50 ms':>8} {'p99 ms':>8}")
    for op, (p50, p99) in r["latency_ms"].items():
        print(f"  {op:<8} {p50:>8.1f} {p99:>8.1f}")


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tickets", type=int, default=2000)
    ap.add_argument("--issuers", type=int, default=4)
    ap.add_argument("--callers", type=int, default=4, help="channels per phase (and per poli)")
    ap.add_argument("--quick", action="store_true", help="300 tickets")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()
    tickets = 300 if args.quick else args.tickets
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}")
    print(f"{tickets} tickets x 3 phases, {args.issuers} issuers, {args.callers} channels per phase")
    with tempfile.TemporaryDirectory() as tmp:
        config = bench_config(Path(tmp), args.callers)
        show("SQLite (WAL, file)", await run(f"sqlite+aiosqlite:///{tmp}/bench.db", config, tickets, args.issuers, args.callers))
        if not args.no_postgres:
            pg = await postgres_url()
            if pg:
                try:
                    show("PostgreSQL 127.0.0.1", await run(pg[0], config, tickets, args.issuers, args.callers))
                finally:
                    await drop_pg(pg[1])


if __name__ == "__main__":
    asyncio.run(main())
