"""Broadcast benchmark: an announcement to N users in local mode under Telegram's limits, while
the queue keeps moving.

    python -m bench.broadcast [--users 10000] [--quick]      (--quick: 1000 users)

PusQue runs in this process against its local Bot API server with Telegram's limits (30
messages/s overall, 1/s per chat; the server answers 429 beyond them). N users have a chat with
the bot. An admin's broadcast to all of them is confirmed (one bulk-lane outbox row each); while
it drains, a nurse calls and finishes a patient at Loket 1 every 2 s, so the queue owes urgent
notices (called, turn near, next phase) in the middle of the broadcast.

Prints: broadcast messages/s (first send to last), overall messages/s, the 429 answers the
server gave, and the delay of the urgent notices (outbox row written -> Bot API accepted the
send) p50/p99/max, with the turn-near ones separately.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import logging
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from app.runner import PusQue
from bot.services import Services, services_of
from queue_core.broadcasts import BroadcastStore
from queue_core.models import Outbox, User
from settings import load_settings

ROOT = Path(__file__).resolve().parents[1]

MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


async def run(n_users: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pusque-bench-"))
    settings = dataclasses.replace(
        load_settings(env={}), web_port=0, botapi_port=0, web_host="127.0.0.1", telegram_token=None,
        telegram_base_url=None, database_url=f"sqlite+aiosqlite:///{folder / 'bench.db'}", ocr_preload=False)
    start = time.monotonic()

    def clock() -> dt.datetime:  # clinic time: Monday 08:00 plus real elapsed time
        return MONDAY_8AM + dt.timedelta(seconds=time.monotonic() - start)

    async def factory(s):
        return await Services.create(s, clock=clock)

    pusque = PusQue(settings, services_factory=factory)
    await pusque.start()
    try:
        services = services_of(pusque.application)
        state = pusque.botapi.state
        ids = []
        for i in range(n_users):
            user = state.create_user(f"Pasien {i}")
            state.chat_for_user(user)  # the user has written to the bot before
            ids.append(user.id)
        now = clock()
        await services.db.run(lambda s: s.execute(insert(User), [
            dict(telegram_id=i, chat_id=i, first_name="p", lang="id", active=True, created_at=now) for i in ids]))
        queue = services.queue
        for uid in ids[:150]:
            await queue.issue(service="A", user_id=uid)
        await queue.call_next("Loket 1")

        store = BroadcastStore(services.db, queue.clock)
        draft = await store.draft(1, "Besok, Sabtu, ada posyandu lansia jam 08.00 di aula puskesmas.", "all")
        t0 = time.monotonic()
        view = await store.confirm(draft.id, None, None)
        enqueue_s = time.monotonic() - t0
        services.notifier.wake()
        stats0 = dict(state.stats)

        async def nurse() -> int:
            moves = 0
            while True:
                await asyncio.sleep(2.0)
                await queue.finish("Loket 1")
                if await queue.call_next("Loket 1") is None:
                    return moves
                services.notifier.wake()
                moves += 1

        nurse_task = asyncio.create_task(nurse())
        last_print = time.monotonic()
        while True:
            p = await store.progress(draft.id)
            if p.finished:
                break
            if time.monotonic() - last_print > 15:
                print(f"  ... {p.sent + p.blocked + p.failed}/{p.total} after {time.monotonic() - t0:.0f} s", flush=True)
                last_print = time.monotonic()
            await asyncio.sleep(0.5)
        nurse_task.cancel()
        elapsed = time.monotonic() - t0

        rows = await services.db.run(lambda s: s.execute(
            select(Outbox.kind, Outbox.lane, Outbox.status, Outbox.created_at, Outbox.sent_at)))
        rows = rows.all()
        bulk_sent = [r for r in rows if r.lane == "bulk" and r.status == "sent"]
        first, last = min(r.sent_at for r in bulk_sent), max(r.sent_at for r in bulk_sent)
        urgent = [r for r in rows if r.lane == "urgent" and r.sent_at and first <= r.created_at <= last]
        delays = [(r.sent_at - r.created_at).total_seconds() for r in urgent]
        near = [(r.sent_at - r.created_at).total_seconds() for r in urgent if r.kind == "turn_near"]
        span = (last - first).total_seconds()
        sent_total = state.stats["sent"] - stats0["sent"]
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, SQLite")
        print(f"recipients: {view.total} (outbox rows written in {enqueue_s:.2f} s)")
        print(f"broadcast: {len(bulk_sent)} sent, {p.blocked} blocked, {p.failed} failed in {span:.1f} s "
              f"-> {len(bulk_sent) / span:.1f} messages/s (limit {settings.max_messages_per_second:.0f}/s)")
        print(f"all messages through the Bot API during the run: {sent_total} in {elapsed:.1f} s "
              f"-> {sent_total / elapsed:.1f}/s; 429 answers: {state.stats['429'] - stats0['429']}")
        print(f"urgent notices during the broadcast: {len(delays)}; delay p50 {pct(delays, 50):.2f} s, "
              f"p99 {pct(delays, 99):.2f} s, max {max(delays, default=float('nan')):.2f} s")
        print(f"turn-near notices: {len(near)}; delay p50 {pct(near, 50):.2f} s, p99 {pct(near, 99):.2f} s, "
              f"max {max(near, default=float('nan')):.2f} s")
        print(f"notifier: {dict(services.notifier.stats)}")
        if near:
            print(f"mean turn-near delay {statistics.mean(near):.2f} s")
    finally:
        await pusque.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1000 users")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("predictor").setLevel(logging.ERROR)
    asyncio.run(run(1000 if args.quick else args.users))


if __name__ == "__main__":
    main()
