"""Booking ahead on SQLite: how long a booking, the ticket menu's calendar and the reminder scan take.

    python -m bench.booking [--bookings 700] [--quick]

A clinic's week of bookings (`--bookings` over the next 7 days, the four services, two dentists in
Poli Gigi), each a real transaction with its outbox row; then the calendar the ticket menu reads
(every service on each day of the window) and the scans of the evening before a busy day: the one
that writes that day's reminders, and the next one that finds nothing left to write.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from queue_core.clinic_data import ClinicStore
from queue_core.clock import ManualClock
from queue_core.service import QueueService
from settings import load_settings
from storage.db import Database

MONDAY_EVENING = dt.datetime(2026, 11, 23, 19, 0)


def ms(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))]


async def run(bookings: int) -> None:
    settings = load_settings(env={})
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        await db.upgrade()
        clock = ManualClock(MONDAY_EVENING)
        queue = QueueService(db, settings, clock)
        await queue.ensure_channels()
        store = ClinicStore(db, clock, settings)
        doctors = []
        for name in ("drg. Ayu", "drg. Budi"):
            doctor = await store.create_doctor({"name": name, "services": ["B"]}, {"via": "bench"})
            doctors.append(doctor["id"])
            for weekday in range(1, 6):
                await store.create_schedule({"doctor": doctor["id"], "service": "B", "weekday": weekday,
                                             "start": "08:00", "end": "12:00"}, {"via": "bench"})
        days = [d for d in (MONDAY_EVENING.date() + dt.timedelta(days=i) for i in range(1, 8)) if d.isoweekday() < 6]
        timings = []
        for i in range(bookings):
            code = "ABCD"[i % 4]
            doctor = doctors[i % 2] if code == "B" else None
            started = time.perf_counter()
            await queue.issue(service=code, user_id=10_000 + i, day=days[i % len(days)], doctor=doctor)
            timings.append(time.perf_counter() - started)
        menu = []
        for _ in range(50):
            started = time.perf_counter()
            await queue.booking_calendar()
            menu.append(time.perf_counter() - started)
        clock.set(dt.datetime.combine(days[1] - dt.timedelta(days=1), dt.time(18, 0)))  # booked before it
        started = time.perf_counter()
        written = await queue.booking_duties()
        busy = time.perf_counter() - started
        started = time.perf_counter()
        again = await queue.booking_duties()
        idle = time.perf_counter() - started
        await db.dispose()
    print(f"bookings: {bookings} over {len(days)} days; booking p50 {ms(timings, 0.5):.1f} ms, "
          f"p99 {ms(timings, 0.99):.1f} ms, mean {1000 * statistics.mean(timings):.1f} ms")
    print(f"calendar (4 services x 8 days): p50 {ms(menu, 0.5):.1f} ms, p99 {ms(menu, 0.99):.1f} ms")
    print(f"evening scan: {written['reminders']} reminders written in {1000 * busy:.0f} ms; "
          f"next scan: {again['reminders']} written in {1000 * idle:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=700)
    parser.add_argument("--quick", action="store_true", help="100 bookings")
    args = parser.parse_args()
    asyncio.run(run(100 if args.quick else args.bookings))


if __name__ == "__main__":
    main()
