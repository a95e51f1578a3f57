"""Queue core throughput: ticket transitions per second and p50/p99 latency of a transition.

    python -m bench.queue_core [--transitions 3000] [--clients 8] [--waiting 300] [--quick] [--no-postgres]

A busy morning in fast-forward on the one data path (SQLAlchemy Core statements in a session of
the one async_sessionmaker), on SQLite (file, WAL) and on PostgreSQL when it answers. `--waiting`
tickets are issued and spread over loket, poli and apotek first (not timed); then `--clients`
concurrent clients each take numbers and work their own counters (call, finish: loket -> poli ->
apotek, the shipped route), one issue for every six counter actions, until `--transitions` are
done. Every operation is a real transaction with its outbox rows and turn-near checks. A call
that finds nobody waiting is counted apart, not as a transition.
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

from queue_core.service import QueueService
from settings import DEFAULT_CONFIG_PATH, load_settings
from storage.db import Database

PG_ADMIN = os.environ.get("PUSQUE_TEST_PG_URL", "postgresql+asyncpg://root@127.0.0.1:5432/test")


def bench_config(tmp: Path, callers: int) -> Path:
    raw = copy.deepcopy(yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")))
    raw["phases"]["loket"]["channels"] = [{"name": f"Loket {i + 1}", "services": "*"} for i in range(callers)]
    raw["phases"]["apotek"]["channels"] = [{"name": f"Apotek {i + 1}", "services": "*"} for i in range(callers)]
    all_day = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    for svc in raw["services"]:
        rooms = max(1, callers // len(raw["services"]))  # as many poli rooms in all as counters per phase
        svc.update(hours=all_day, daily_quota=100_000, rooms=[f"{svc['code']} Ruang {i + 1}" for i in range(rooms)])
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


async def prefill(qs: QueueService, settings, waiting: int) -> None:
    """`waiting` tickets: a third left at loket, a third moved on to poli, a third to apotek."""
    services = list(settings.services)
    for i in range(waiting):
        await qs.issue(service=services[i % len(services)], user_id=-1 - i, conditions=CONDITIONS[i % len(CONDITIONS)],
                       age=20 + i % 70)
    for phase, moved in (("loket", 2 * waiting // 3), ("poli", waiting // 3)):
        channels = [c.name for c in settings.channels if c.phase == phase]
        for k in range(moved):
            channel = channels[k % len(channels)]
            if await qs.call_next(channel) is not None:
                await qs.finish(channel)


CONDITIONS = [[], [], ["flu"], ["hamil"], ["alergi"], ["darurat"], ["tbc"], []]


async def run(url: str, config: Path, transitions: int, clients: int, waiting: int) -> dict:
    settings = load_settings(config, env={})
    db = Database(url)
    await db.upgrade()
    clock = TickingClock(dt.datetime(2026, 11, 23, 7, 0))
    qs = QueueService(db, settings, clock)
    await qs.ensure_channels()
    await prefill(qs, settings, waiting)
    lat: dict[str, list[float]] = {"issue": [], "call": [], "finish": []}
    empty: list[float] = []
    services = list(settings.services)
    channels = [c.name for c in settings.channels]
    per_client = transitions // clients

    async def client(k: int) -> None:
        mine = channels[k::clients]
        busy = dict.fromkeys(mine, False)
        done = step = 0
        while done < per_client:
            step += 1
            if step % 7 == 0:
                i = k * per_client + done
                await timed(lat["issue"], qs.issue(service=services[i % len(services)], user_id=i,
                                                   conditions=CONDITIONS[i % len(CONDITIONS)], age=20 + i % 70))
            else:
                channel = mine[step % len(mine)]
                if busy[channel]:
                    await timed(lat["finish"], qs.finish(channel))
                    busy[channel] = False
                elif await timed(lat["call"], qs.call_next(channel)) is not None:
                    busy[channel] = True
                else:
                    empty.append(lat["call"].pop())
                    continue
            done += 1

    load = os.getloadavg()[0]
    start, cpu_start = time.perf_counter(), time.process_time()
    await asyncio.gather(*(client(k) for k in range(clients)))
    end, cpu_end = time.perf_counter(), time.process_time()
    await db.dispose()
    every = [x for v in lat.values() for x in v]
    return {
        "transitions": len(every),
        "empty_calls": len(empty),
        "seconds": end - start,
        "per_second": len(every) / (end - start),
        "per_cpu_second": len(every) / (cpu_end - cpu_start),
        "load": (load, os.getloadavg()[0]),
        "latency_ms": {"transition": (pct(every, 50), pct(every, 99)),
                       **{k: (pct(v, 50), pct(v, 99)) for k, v in lat.items()}},
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
    print(f"\n{label}: {r['transitions']} transitions in {r['seconds']:.1f} s = {r['per_second']:.0f} transitions/s; "
          f"{r['per_cpu_second']:.0f} per CPU second of this process; {r['empty_calls']} calls found nobody; "
          f"load average {r['load'][0]:.2f} before, {r['load'][1]:.2f} after")
    print(f"  {'operation':<10} {'p50 ms':>8} {'p99 ms':>8}")
    for op, (p50, p99) in r["latency_ms"].items():
        print(f"  {op:<10} {p50:>8.1f} {p99:>8.1f}")


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--transitions", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--waiting", type=int, default=300, help="tickets in the queues when the clock starts")
    ap.add_argument("--callers", type=int, default=4, help="channels per phase (and per poli)")
    ap.add_argument("--quick", action="store_true", help="600 transitions, 100 waiting")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()
    transitions, waiting = (600, 100) if args.quick else (args.transitions, args.waiting)
    print(f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {os.cpu_count()} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; python {sys.version.split()[0]}")
    print(f"{transitions} transitions by {args.clients} clients (issue 1 : 6 call/finish), {waiting} waiting at the start, "
          f"{args.callers} channels per phase")
    with tempfile.TemporaryDirectory() as tmp:
        config = bench_config(Path(tmp), args.callers)
        show("SQLite (WAL, file)", await run(f"sqlite+aiosqlite:///{tmp}/bench.db", config, transitions, args.clients, waiting))
        if not args.no_postgres:
            pg = await postgres_url()
            if pg:
                try:
                    show("PostgreSQL 127.0.0.1", await run(pg[0], config, transitions, args.clients, waiting))
                finally:
                    await drop_pg(pg[1])


if __name__ == "__main__":
    asyncio.run(main())
