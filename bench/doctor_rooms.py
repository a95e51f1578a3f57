"""Per-doctor queues on SQLite: what the room's doctor check costs a call (call next + finish).

    python -m bench.doctor_rooms [--tickets 300] [--quick]

Poli Umum's two rooms drain the same queue twice: once with no doctor schedules (a call reads the
head of the queue only), once with dr. Sari in Ruang 1 and dr. Budi in Ruang 2 on duty and a third
of the patients having chosen each (a call also reads who is on duty now and filters the head, and
its turn-near check reads the head of each occupied room's part too). Before draining, /status of
every third ticket (a doctor's patient's place is counted in their doctor's queue).
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import tempfile
import time
from pathlib import Path

from queue_core.clinic_data import ClinicStore
from queue_core.clock import ManualClock
from queue_core.service import QueueService
from queue_core.service_catalog import with_services
from settings import load_settings
from storage.db import Database

MONDAY_7AM = dt.datetime(2026, 11, 23, 7, 0)


def ms(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))]


async def drain(tickets: int, doctors: bool) -> tuple[list[float], list[float]]:
    base = load_settings(env={})
    all_day = dataclasses.replace(base.services["A"], route=("poli",), daily_quota=10_000,
                                  hours=dataclasses.replace(base.services["A"].hours, windows={
                                      d: (dt.time(0, 0), dt.time(23, 59)) for d in base.services["A"].hours.windows}))
    settings = with_services(base, {**base.services, "A": all_day})
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        await db.upgrade()
        clock = ManualClock(MONDAY_7AM)
        queue = QueueService(db, settings, clock)
        await queue.ensure_channels()
        chosen: list[int | None] = [None]
        if doctors:
            store = ClinicStore(db, clock, settings)
            for name, room in (("dr. Sari", "Ruang 1"), ("dr. Budi", "Ruang 2")):
                doctor = await store.create_doctor({"name": name, "services": ["A"]}, {"via": "bench"})
                await store.create_schedule({"doctor": doctor["id"], "service": "A", "weekday": 1, "start": "07:00",
                                             "end": "23:00", "room": room}, {"via": "bench"})
                chosen.append(doctor["id"])
        for i in range(tickets):
            clock.advance(seconds=20)
            await queue.issue(service="A", user_id=10_000 + i, doctor=chosen[i % len(chosen)])
        views = []  # /status of every 3rd ticket: its position (in its doctor's queue), minutes and advice
        for i in range(0, tickets, 3):
            started = time.perf_counter()
            await queue.find(f"A-{i + 1:03d}")
            views.append(time.perf_counter() - started)
        timings = []
        rooms = ["Ruang 1", "Ruang 2"]
        while rooms:
            for room in list(rooms):
                started = time.perf_counter()
                view = await queue.call_next(room)
                if view is None:
                    rooms.remove(room)
                    continue
                await queue.finish(room)
                timings.append(time.perf_counter() - started)
        await db.dispose()
        assert len(timings) == tickets, "every ticket called once"
        return timings, views


async def run(tickets: int) -> None:
    for doctors in (False, True):
        timings, views = await drain(tickets, doctors)
        label = "two doctors on duty" if doctors else "no schedules      "
        print(f"{label}: {tickets} calls+finishes, p50 {ms(timings, 0.5):.1f} ms, p99 {ms(timings, 0.99):.1f} ms; "
              f"{len(views)} status views, p50 {ms(views, 0.5):.1f} ms, p99 {ms(views, 0.99):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="60 tickets")
    args = parser.parse_args()
    asyncio.run(run(60 if args.quick else args.tickets))


if __name__ == "__main__":
    main()
