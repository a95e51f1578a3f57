"""How soon a patient hears of a staff action: from a nurse's /call to the "called" message.

    python -m bench.notice_latency [--patients 40] [--calls 30]

The real bot in local mode (run_bot.py as a subprocess, with Telegram's limits: 30 messages/s,
1 per chat per second), patients who opened the chat (/start), tickets issued for them in the
bot's database and sent (the outbox drained), then a nurse (a local-mode demo staff member) sends
/call N times, 1.5 s apart, each after /done (so the per-chat limit of the patient called never holds a notice back: a "turn near" reaches
that chat minutes before in a real clinic). Latency: from the moment the nurse's message is
posted to the server's timestamp of the "called" message in the patient's chat (both on this
machine's clock). Prints p50/p90/p99/max and the 429s the server answered.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import tempfile
import time
from pathlib import Path

import aiohttp
import yaml

from bench.bot_loop import pct, start_bot, write_config
from local_botapi import LocalTelegram
from queue_core.clock import CallableClock
from queue_core.service import QueueService
from settings import load_settings
from storage.db import Database

NURSE = 900002  # config.yaml local_mode.staff_ids: staff in local mode


async def run(patients: int, calls: int, folder: Path) -> dict:
    config = write_config(folder, limits=True)
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))  # open all day: the figure must not depend on the hour
    all_day = {day: "00:00-23:59" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    raw["clinic"]["hours"], raw["clinic"]["holidays"] = all_day, []
    for service in raw["services"]:
        service["hours"] = all_day
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    proc, url = await start_bot(config)
    settings = load_settings(config, env={})
    db = Database(settings.database_url)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            tg = LocalTelegram(url, session)
            people = [await tg.user(first_name=f"Pasien {i}") for i in range(patients)]
            for p in people:  # the bot knows their chat: notices can reach them
                await p.send("/start")
                await p.next_message(timeout=60)
            queue = QueueService(db, settings, CallableClock(lambda: _clinic_now(settings)))
            numbers = [(await queue.issue(service="A", user_id=p.id)).number for p in people]
            nurse = await tg.user(NURSE, "Perawat", role_hint="staff")
            await _outbox_drained(db)  # the tickets (a drawn photo each) and first turn-near go out first
            latencies = []
            for k in range(min(calls, patients)):
                if k:  # the counter finishes the patient at it (they move on to the poli) before the next call
                    await nurse.send("/done")
                    await nurse.next_message(timeout=60)
                    await asyncio.sleep(1.0)
                posted = time.time()
                await nurse.send("/call Loket 1")
                called = await people[k].wait_for(lambda e, n=numbers[k]: _called(e, n), timeout=60)
                latencies.append(called["time"] - posted)
                await asyncio.sleep(1.5)
            stats = await tg.stats()
    finally:
        await db.dispose()
        proc.terminate()
        await proc.wait()
    slowest = sorted(range(len(latencies)), key=latencies.__getitem__)[-3:]
    return {"calls": len(latencies), "p50": pct(latencies, 50), "p90": pct(latencies, 90),
            "p99": pct(latencies, 99), "max": max(latencies), "429": stats["429"],
            "slowest": [(k + 1, round(latencies[k] * 1000)) for k in reversed(slowest)]}


async def _outbox_drained(db: Database, timeout: float = 300.0) -> None:
    """Until every notice written so far was sent: measured from 2 s after issuing, the first call
    waited behind the backlog of ticket photos (drawn at ~60 ms each) and measured that instead."""
    from sqlalchemy import func, select

    from queue_core.models import Outbox

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = await db.run(lambda s: s.scalar(select(func.count()).select_from(Outbox)
                                                  .where(Outbox.status.in_(("pending", "sending")))))
        if not waiting:
            return
        await asyncio.sleep(0.2)
    raise TimeoutError("the outbox did not drain before the first call")


def _called(event: dict, number: str) -> bool:
    text = (event.get("message") or {}).get("text") or ""
    return event["kind"] == "message" and number in text and "Loket 1" in text


def _clinic_now(settings):
    import datetime as dt

    return dt.datetime.now(settings.clinic.tz).replace(tzinfo=None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=40)
    ap.add_argument("--calls", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(run(args.patients, args.calls, Path(tmp)))
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, load {load[0]:.1f}")
    print(f"/call -> 'called' message, {result['calls']} calls: p50 {result['p50'] * 1000:.0f} ms, "
          f"p90 {result['p90'] * 1000:.0f} ms, p99 {result['p99'] * 1000:.0f} ms, max {result['max'] * 1000:.0f} ms; "
          f"429 answered: {result['429']}")
    print(f"slowest (call number, ms): {result['slowest']}")


if __name__ == "__main__":
    main()
