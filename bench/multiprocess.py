#!/usr/bin/env python
"""Several PusQue processes on one PostgreSQL database, staff calling from all of them at once.

    python -m bench.multiprocess [--tickets 600] [--pg postgresql+asyncpg://root@127.0.0.1:5432/test]

Creates a scratch database, starts the bot (run_bot.py, local mode: own Bot API server, notifier)
and two web workers (python -m app.web_worker), fills one queue with N tickets, then drives the
staff API (POST /api/channels/{name}/call and /done with a staff token) over HTTP:

- 2 own channels per process (Loket 1-6), each one caller: call, done, call, ... until empty;
- 1 shared channel (Loket 7) with one caller in EVERY process: only one can hold it at a time,
  the others must get 409 channel_busy, never a second patient.

Checks every ticket was called exactly once (HTTP answers and the outbox's "called" rows), then
prints calls/s, state transitions/s, HTTP requests/s and the request latency. The database is
dropped at the end. See docs/benchmarks.md "Several processes on PostgreSQL" and docs/scaling.md.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import copy
import os
import platform
import random
import signal
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
import yaml

from queue_core.clock import CallableClock
from queue_core.service import QueueService
from queue_core.staff import StaffStore
from settings import DEFAULT_CONFIG_PATH, load_settings
from storage.db import Database

ROOT = Path(__file__).resolve().parent.parent

PG_ADMIN_URL = os.environ.get("PUSQUE_TEST_PG_URL", "postgresql+asyncpg://root@127.0.0.1:5432/test")
OWN_PER_PROCESS = 2
SHARED = "Loket 7"
PROCESSES = 3  # the bot + two web workers


def write_config(tmp: Path, channels: int, quota: int) -> Path:
    """One service, loket only, `channels` counters, open all day, free ports, no model."""
    raw = copy.deepcopy(yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")))
    raw["phases"]["loket"]["channels"] = [{"name": f"Loket {i + 1}", "services": "*"} for i in range(channels)]
    all_day = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    raw["services"] = [dict(raw["services"][0], route=["loket"], daily_quota=quota, hours=all_day)]
    raw["web"] = {"host": "127.0.0.1", "port": 0}
    raw.setdefault("local_mode", {})["botapi_port"] = 0
    raw.setdefault("predictor", {})["model_dir"] = str(tmp / "no-model")
    raw.setdefault("ocr", {})["preload"] = False
    path = tmp / "multiprocess.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


async def _admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


class Proc:
    def __init__(self, name: str, argv: list[str], env: dict[str, str], log: Path) -> None:
        self.name, self.argv, self.env, self.log = name, argv, env, log
        self.proc: asyncio.subprocess.Process | None = None
        self.url = ""

    async def start(self, timeout: float = 60.0) -> "Proc":
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, *self.argv, cwd=str(ROOT), env=self.env,
            stdout=asyncio.subprocess.PIPE, stderr=self.log.open("wb"))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = await asyncio.wait_for(self.proc.stdout.readline(), deadline - time.monotonic())
            if not line:
                raise RuntimeError(f"{self.name} exited: {self.log.read_text(errors='replace')[-2000:]}")
            text = line.decode(errors="replace").strip()
            if "/health" in text:
                self.url = text[text.index("http"):].removesuffix("/health")
                return self
        raise RuntimeError(f"{self.name} did not start in {timeout} s")

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 15)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()


async def fill(url: str, config: Path, n: int) -> tuple[set[str], str]:
    """N tickets in the (real-clock) queue and a staff API token."""
    from bot.services import clinic_clock

    settings = load_settings(config, env={})
    db = Database(url)
    try:
        clock = CallableClock(clinic_clock(settings))
        qs = QueueService(db, settings, clock)
        rng = random.Random(9)
        choices = [[], [], [], ["flu"], ["hamil"], ["disabilitas"], ["darurat"]]
        numbers = set()
        for i in range(n):
            view = await qs.issue(service="A", user_id=10_000_000 + i, conditions=rng.choice(choices))
            numbers.add(view.number)
        token = await StaffStore(db, clock).create_token("bench-multiprocess", "staff", 0)
        return numbers, token
    finally:
        await db.dispose()


async def drive(urls: list[str], token: str) -> dict:
    """All callers at once; returns who called what, the busy answers and the latencies."""
    headers = {"Authorization": f"Bearer {token}"}
    called: list[tuple[str, str, str]] = []  # (process url, channel, number)
    busy = collections.Counter()
    latencies: list[float] = []
    errors: list[str] = []

    async def post(session, base: str, channel: str, action: str) -> tuple[int, dict]:
        t0 = time.perf_counter()
        async with session.post(f"{base}/api/channels/{channel}/{action}", headers=headers) as r:
            body = await r.json()
        latencies.append(time.perf_counter() - t0)
        return r.status, body

    async def caller(session, base: str, channel: str) -> None:
        while not errors:  # one caller's error ends the run: a busy shared channel would spin forever
            status, body = await post(session, base, channel, "call")
            if status == 409 and body.get("error") == "channel_busy":
                busy[base] += 1
                await asyncio.sleep(0.005)
                continue
            if status != 200:
                errors.append(f"{base} {channel} call: {status} {body}")
                return
            if body["ticket"] is None:
                return
            called.append((base, channel, body["ticket"]["number"]))
            status, body = await post(session, base, channel, "done")
            if status != 200:
                errors.append(f"{base} {channel} done: {status} {body}")
                return

    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = []
        for p, base in enumerate(urls):
            own = [f"Loket {p * OWN_PER_PROCESS + k + 1}" for k in range(OWN_PER_PROCESS)]
            tasks += [caller(session, base, ch) for ch in [*own, SHARED]]
        t0 = time.perf_counter()
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
    return {"called": called, "busy": busy, "latencies": latencies, "errors": errors, "elapsed": elapsed}


async def outbox_called(url: str) -> tuple[collections.Counter, collections.Counter]:
    """How many "called" outbox rows each number has, and outbox rows per status."""
    from sqlalchemy import select

    from queue_core.models import Outbox

    db = Database(url)
    try:
        async with db.sessionmaker() as s:
            rows = list(await s.scalars(select(Outbox)))
        return (collections.Counter(r.payload["number"] for r in rows if r.kind == "called"),
                collections.Counter(r.status for r in rows))
    finally:
        await db.dispose()


async def run(tickets: int = 600, settle: float = 5.0, tmp: Path | None = None) -> dict:
    tmp = Path(tmp or tempfile.mkdtemp(prefix="pusque-mp-"))
    name = f"pusque_mp_{uuid.uuid4().hex[:8]}"
    await _admin(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    config = write_config(tmp, PROCESSES * OWN_PER_PROCESS + 1, quota=tickets + 10)
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["PUSQUE_DATABASE_URL"] = url
    procs = [Proc("bot", ["run_bot.py", "--config", str(config), "--log-level", "WARNING"], env, tmp / "bot.log")]
    procs += [Proc(f"worker{i}", ["-m", "app.web_worker", "--config", str(config), "--port", "0",
                                  "--log-level", "WARNING"], env, tmp / f"worker{i}.log") for i in (1, 2)]
    try:
        await procs[0].start()  # the bot migrates the database and creates the channels
        await asyncio.gather(*(p.start() for p in procs[1:]))
        numbers, token = await fill(url, config, tickets)
        result = await drive([p.url for p in procs], token)
        await asyncio.sleep(settle)  # the bot's notifier sends what the workers' calls wrote
        per_number, outbox_status = await outbox_called(url)
        alive = [p.name for p in procs if p.proc.returncode is None]
    finally:
        for p in procs:
            await p.stop()
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    got = [n for _, _, n in result["called"]]
    lat = sorted(result["latencies"])
    by_process = collections.Counter(base for base, _, _ in result["called"])
    shared = collections.Counter(base for base, ch, _ in result["called"] if ch == SHARED)
    urls = [p.url for p in procs]
    return {
        "tickets": tickets, "called": len(got), "distinct": len(set(got)),
        "missing": sorted(numbers - set(got)), "twice": sorted(n for n, c in collections.Counter(got).items() if c > 1),
        "outbox_called_twice": sorted(n for n, c in per_number.items() if c > 1),
        "outbox_called": sum(per_number.values()), "outbox_status": dict(outbox_status),
        "errors": result["errors"], "elapsed": result["elapsed"],
        "calls_per_s": len(got) / result["elapsed"], "requests": len(lat), "requests_per_s": len(lat) / result["elapsed"],
        "p50_ms": 1000 * statistics.median(lat), "p99_ms": 1000 * lat[int(0.99 * (len(lat) - 1))],
        "by_process": [by_process[u] for u in urls], "shared_by_process": [shared[u] for u in urls],
        "busy_by_process": [result["busy"][u] for u in urls], "alive": alive, "processes": [p.name for p in procs],
    }


def report(r: dict) -> str:
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        f"processes: {', '.join(r['processes'])} on one PostgreSQL database; "
        f"{PROCESSES * (OWN_PER_PROCESS + 1)} callers ({OWN_PER_PROCESS} own channels per process + {SHARED} shared by all)",
        f"tickets {r['tickets']}: called {r['called']}, distinct {r['distinct']}, missing {len(r['missing'])}, "
        f"called twice {len(r['twice'])} (outbox 'called' rows {r['outbox_called']}, numbers with two: {len(r['outbox_called_twice'])})",
        f"calls by process {r['by_process']}; {SHARED} calls by process {r['shared_by_process']}, "
        f"409 channel_busy by process {r['busy_by_process']}",
        f"drain {r['elapsed']:.2f} s: {r['calls_per_s']:.1f} calls/s ({2 * r['calls_per_s']:.1f} transitions/s), "
        f"{r['requests_per_s']:.1f} HTTP requests/s, latency p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms",
        f"outbox after the run: {r['outbox_status']}; errors: {len(r['errors'])}",
    ]
    return "\n".join(lines + [f"  {e}" for e in r["errors"][:5]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=600)
    args = parser.parse_args()
    r = asyncio.run(run(args.tickets))
    print(report(r))
    ok = not (r["missing"] or r["twice"] or r["outbox_called_twice"] or r["errors"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
