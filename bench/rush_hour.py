"""Rush hour: a Monday morning driven through the local Bot API, optionally with the bot SIGKILLed.

    python -m bench.rush_hour [--patients 500] [--arrival-minutes 10] [--photos 0.1] [--staff 6] [--kills 0] [--postgres URL] [--quick]
    python -m bench.rush_hour --kills 12      # the crash proof: SIGKILL at random moments, restart

The local Bot API server runs in this process (Telegram's limits: 30 messages/s, 1/s per chat), so
it and its record of every delivered message survive the bot. The bot is run_bot.py --base-url in
a subprocess. Patients register (a share with a synthetic KTP photo read by the real OCR, the rest
typed), take a ticket and ask FAQ questions in between; each patient reacts to the bot's last
prompt, so after a crash it simply answers (or repeats) what the bot asks. Staff call, finish
and move patients along through QueueService from this process (6 counters: Loket 1-2, Ruang
1-2, Ruang Gigi, Apotek) while the bot's notifier delivers the notices.

Printed: updates/s, p50/p99 reply latency by kind of message, errors; with kills, the checks:
no ticket lost or duplicated, every patient's conversation finished, every due notice delivered
exactly once (duplicates counted: docs/notifications.md's window).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from bench.proofkit import BotProcess, machine, pct, unhandled_in_log, write_config
from bench.rush_patient import NOTICE_PATTERNS, STAFF_CHANNELS, Patient, name_for
from local_botapi import LocalBotApi, LocalTelegram


async def staff_loop(qs, channel: str, stop: asyncio.Event, rng: random.Random, counts: Counter, errors: list) -> None:
    while not stop.is_set():
        try:
            view = await qs.call_next(channel)
            if view is None:
                await asyncio.sleep(0.5)
                continue
            counts["called"] += 1
            await asyncio.sleep(rng.uniform(0.2, 1.5))
            await qs.finish(channel)
            counts["finished"] += 1
        except Exception as exc:  # noqa: BLE001 - reported, never silent
            errors.append(f"{channel}: {type(exc).__name__}: {exc}")
            await asyncio.sleep(0.5)


async def killer(bot: BotProcess, kills: int, spacing: float, stop: asyncio.Event, rng: random.Random,
                 log: list, unplanned: list) -> None:
    """SIGKILL the bot `kills` times at random moments about `spacing` seconds apart (at least 4 s
    of running between kills), restarting it each time (as systemd would); also restart it if it
    went away by itself (counted in `unplanned`: on a shared machine another run's clean-up can
    take it)."""
    k = 0
    while not stop.is_set():
        sleep = max(4.0, rng.uniform(0.5, 1.5) * spacing) if k < kills else 1.0
        try:
            await asyncio.wait_for(bot.wait(), sleep)
        except asyncio.TimeoutError:
            if k >= kills:
                continue
            try:
                bot.kill()
            except ProcessLookupError:
                pass
            await bot.wait()
            k += 1
            log.append(time.monotonic())
        else:
            if stop.is_set():
                break
            unplanned.append(time.monotonic())
        await bot.start()


async def outbox_facts(db) -> tuple[dict, dict]:
    from sqlalchemy import func, select

    from queue_core.models import Outbox, Ticket

    async def fn(session):
        rows = await session.execute(select(Outbox.chat_id, Outbox.kind, Outbox.status, func.count())
                                     .group_by(Outbox.chat_id, Outbox.kind, Outbox.status))
        outbox = {(c, k, s): n for c, k, s, n in rows}
        tickets = await session.execute(select(Ticket.user_id, Ticket.number))
        per_user = defaultdict(list)
        for uid, number in tickets:
            per_user[uid].append(number)
        return outbox, dict(per_user)

    return await db.run(fn)


async def rush(args, folder: Path) -> tuple[dict, list[str]]:
    from queue_core.clock import SystemClock
    from queue_core.service import QueueService
    from settings import load_settings
    from storage.db import Database

    url = args.postgres or f"sqlite+aiosqlite:///{folder / 'rush.db'}"
    config = write_config(folder, url, limits=True, ocr_preload=args.photos > 0)
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    for svc in raw["services"]:  # the clinic is open whenever the benchmark runs
        svc["hours"] = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
        svc["daily_quota"] = 10_000
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    settings = load_settings(config, env={})
    api = LocalBotApi(max_messages_per_second=settings.max_messages_per_second,
                      max_messages_per_chat_per_second=settings.max_messages_per_chat_per_second)
    await api.start()
    bot = BotProcess(config, api.base_url, folder / "bot.log")
    problems: list[str] = []
    try:
        await bot.start()
        db = Database(url)
        qs = QueueService(db, settings, SystemClock(settings.clinic.timezone))
        await qs.ensure_channels()
        rng = random.Random(args.seed)
        photos: dict[int, bytes] = {}
        n_photo = round(args.patients * args.photos)
        if n_photo:
            from ocr.synthetic import make_card

            for i in rng.sample(range(args.patients), n_photo):
                photos[i] = make_card(1000 + i, hard=False)[0]
        import aiohttp

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=aiohttp.ClientTimeout(total=300))
        tg = LocalTelegram(api.root_url, session)
        users = [await tg.user(first_name=name_for(i).split()[0]) for i in range(args.patients)]
        patients = [Patient(u, i, random.Random(args.seed * 7919 + i), photos.get(i), args.faq) for i, u in enumerate(users)]
        stop = asyncio.Event()
        staff_counts: Counter = Counter()
        staff_errors: list[str] = []
        kill_log: list[float] = []
        start = time.monotonic()
        updates_before = api.state.stats["updates"]
        deadline = start + args.max_minutes * 60
        staff = [asyncio.create_task(staff_loop(qs, ch, stop, random.Random(j), staff_counts, staff_errors))
                 for j, ch in enumerate(STAFF_CHANNELS[:args.staff])]
        unplanned: list[float] = []
        spread = args.arrival_minutes * 60
        # the kills fall across the arrivals (8 s apart on a short run), not all in the first minute
        spacing = max(8.0, spread / max(1, args.kills))
        kill_task = asyncio.create_task(killer(bot, args.kills, spacing, stop, random.Random(args.seed), kill_log,
                                               unplanned))

        async def arrive(p: Patient, delay: float) -> None:
            await asyncio.sleep(delay)
            await p.run(deadline, timeout=args.reply_timeout)

        await asyncio.gather(*(arrive(p, rng.uniform(0, spread)) for p in patients))
        elapsed = time.monotonic() - start
        updates = api.state.stats["updates"] - updates_before
        while len(kill_log) < args.kills and not kill_task.done():
            await asyncio.sleep(0.5)  # every planned kill happens, then the bot runs to the end
        # let the staff empty the queues and the notifier deliver what they owe
        settle = time.monotonic() + args.settle_seconds
        while time.monotonic() < settle:
            outbox, _ = await outbox_facts(db)
            waiting = sum(n for (c, k, s), n in outbox.items() if s in ("pending", "sending"))
            from sqlalchemy import func, select

            from queue_core.models import Ticket

            open_tickets = await db.run(lambda s: s.scalar(select(func.count()).select_from(Ticket).where(
                Ticket.status.in_(("waiting", "called", "serving")))))
            if waiting == 0 and open_tickets == 0:
                break
            await asyncio.sleep(1)
        stop.set()
        await asyncio.gather(*staff)
        kill_task.cancel()
        await asyncio.gather(kill_task, return_exceptions=True)
        outbox, tickets = await outbox_facts(db)
        if getattr(args, "transcript", None):
            stalled = [p for p in patients if p.stalls]
            shown = max(stalled, key=lambda p: len(p.stalls)) if stalled else patients[0]  # the most stalled
            chat = api.state.chats.get(shown.user.id)
            lines = [("BOT  " if m.get("from", {}).get("id") == api.state.bot_id else "USER ")
                     + (m.get("text") or m.get("caption") or "<media>").replace("\n", " / ")[:160]
                     for _, m in sorted((chat.messages if chat else {}).items())]
            Path(args.transcript).write_text("\n".join(lines) + "\n", encoding="utf-8")
        await db.dispose()
        await session.close()
    finally:
        await bot.stop()
        await api.stop()
    # ------------------------------------------------------------------ checks
    latency: dict[str, list[float]] = defaultdict(list)
    for p in patients:
        for k, v in p.latency.items():
            latency[k] += v
    shown = {p.user.id: p.ticket for p in patients}
    no_ticket = [p.i for p in patients if p.ticket is None]
    dup = {uid: nums for uid, nums in tickets.items() if len(nums) > 1}
    lost = [uid for uid, num in shown.items() if num and num != "existing" and num not in tickets.get(uid, [])]
    if no_ticket:
        stuck = [(p.last_prompt().get("text") or "")[:60] for p in patients if p.ticket is None][:3]
        problems.append(f"{len(no_ticket)} patients never got a ticket (first: {no_ticket[:5]}, last prompts {stuck})")
    if dup:
        problems.append(f"{len(dup)} patients hold more than one ticket: {list(dup.items())[:3]}")
    if lost:
        problems.append(f"{len(lost)} tickets shown to patients are not in the database")
    delivered: Counter = Counter()
    for chat in api.state.chats.values():
        for m in chat.messages.values():
            if m.get("from", {}).get("id") != api.state.bot_id:
                continue
            text = m.get("text") or m.get("caption") or ""
            for kind, pattern in NOTICE_PATTERNS.items():
                if pattern.match(text):
                    delivered[(chat.user.id, kind)] += 1
    owed: Counter = Counter()
    unsettled = Counter()
    for (chat_id, kind, status), n in outbox.items():
        if kind in NOTICE_PATTERNS and status in ("sent", "pending", "sending"):
            owed[(chat_id, kind)] += n
        if status in ("pending", "sending", "failed"):
            unsettled[status] += n
    missing = sum(max(0, owed[k] - delivered[k]) for k in owed)
    duplicates = sum(max(0, delivered[k] - owed[k]) for k in delivered)
    if missing:
        problems.append(f"{missing} due notices never delivered (outbox: {dict(unsettled)})")
    if duplicates and not args.kills:
        problems.append(f"{duplicates} notices delivered twice without any crash")
    spanning = [p for p in patients if any(p.began < k < p.ended for k in kill_log + unplanned)]
    log_text = bot.log_text()
    if getattr(args, "keep_log", None):
        Path(args.keep_log).write_text(log_text, encoding="utf-8")
    unhandled = unhandled_in_log(log_text)
    if unhandled:
        problems.append(f"{unhandled} unhandled exceptions in the bot's log")
    if staff_errors:
        problems.append(f"{len(staff_errors)} staff errors: {staff_errors[:3]}")
    report = {
        "patients": args.patients, "photos": len(photos), "seconds": elapsed, "updates": updates,
        "per_second": updates / elapsed, "latency": {k: (len(v), pct(v, 50), pct(v, 99)) for k, v in sorted(latency.items())},
        "staff": dict(staff_counts), "kills": len(kill_log), "unplanned_exits": len(unplanned), "bot_starts": bot.starts,
        "retried_steps": sum(p.retries for p in patients),
        "stalled_at": Counter(x for p in patients for x in p.stalls).most_common(6), "restarted_flows": sum(p.restarts for p in patients),
        "patients_restarting": sum(1 for p in patients if p.restarts), "notices_owed": sum(owed.values()),
        "notices_delivered": sum(delivered.values()), "duplicates": duplicates, "missing": missing,
        "outbox_unsettled": dict(unsettled), "unhandled": unhandled, "server": dict(api.state.stats),
        "calls": dict(api.state.calls.most_common()),
        "bot_api_400_examples": sorted(set(api.state.recent_errors))[:8],
        "in_flight_at_kill": len(spanning), "resumed": sum(1 for p in spanning if p.ticket and not p.restarts),
        "resumed_after_restart": sum(1 for p in spanning if p.ticket and p.restarts),
        "recovered_lines": log_text.count("were not confirmed; sending them again"),
    }
    return report, problems


def print_report(r: dict, problems: list[str]) -> None:
    print(f"rush hour: {r['patients']} patients ({r['photos']} with a KTP photo, the rest typed), "
          f"{r['updates']} updates in {r['seconds']:.0f} s = {r['per_second']:.1f} updates/s; "
          f"staff {r['staff']}; kills {r['kills']} (bot started {r['bot_starts']}x, "
          f"{r['unplanned_exits']} exits not ours)")
    print("  reply latency by kind: n, p50, p99")
    for kind, (n, p50, p99) in r["latency"].items():
        print(f"    {kind:8s} {n:6d}  {p50 * 1000:7.0f} ms  {p99 * 1000:7.0f} ms")
    print(f"  steps repeated after no answer: {r['retried_steps']}; flows restarted: {r['restarted_flows']} "
          f"({r['patients_restarting']} patients); waiting at: {r['stalled_at']}")
    print(f"  conversations in flight at a kill: {r['in_flight_at_kill']}; finished without starting over "
          f"{r['resumed']}, after starting over {r['resumed_after_restart']}")
    print(f"  notices owed {r['notices_owed']}, delivered {r['notices_delivered']}, duplicates {r['duplicates']}, "
          f"missing {r['missing']}; outbox left {r['outbox_unsettled']}; start-up recoveries logged "
          f"{r['recovered_lines']}")
    print(f"  unhandled exceptions in the bot's log: {r['unhandled']}; server {r['server']}")
    per = max(1, r["patients"])
    print("  Bot API calls per patient: " + ", ".join(f"{m} {n / per:.1f}" for m, n in r["calls"].items()
                                                      if m not in ("getupdates",)))
    print(f"  Bot API 400 (the last 50, distinct): {r['bot_api_400_examples']}")
    print("OK: every check passed" if not problems else "FAILED:\n  " + "\n  ".join(problems))


class _Counted(logging.Handler):
    """Counts the staff side's database retries instead of printing each (the staff here write the
    same SQLite file from another process than the bot, so they sometimes wait on its lock)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.n = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.n += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--photos", type=float, default=0.1, help="share registering with a KTP photo")
    parser.add_argument("--faq", type=float, default=0.15, help="chance of a FAQ question before each step")
    parser.add_argument("--staff", type=int, default=6)
    parser.add_argument("--kills", type=int, default=0, help="SIGKILL the bot this many times during the rush")
    parser.add_argument("--arrival-minutes", type=float, default=10.0,
                        help="arrivals spread over this long (one token carries ~70 registering patients a minute)")
    parser.add_argument("--reply-timeout", type=float, default=20.0)
    parser.add_argument("--settle-seconds", type=float, default=240.0)
    parser.add_argument("--max-minutes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database URL instead of SQLite")
    parser.add_argument("--keep-log", metavar="PATH", help="copy the bot's log (all its runs) there")
    parser.add_argument("--transcript", metavar="PATH", help="write the chat of the patient who waited in vain most often (else the first) there")
    parser.add_argument("--quick", action="store_true", help="40 patients, no photos, 1 minute of arrivals")
    a = parser.parse_args()
    if a.quick:
        a.patients, a.photos, a.arrival_minutes = 40, 0.0, 1.0
    print(f"Machine: {machine()}")
    retries = _Counted()
    db_log = logging.getLogger("storage.db")
    db_log.addHandler(retries)
    db_log.propagate = False
    with tempfile.TemporaryDirectory() as tmp:
        report, problems = asyncio.run(rush(a, Path(tmp)))
    print(f"  (staff side, this process: {retries.n} database retries while the bot held the write lock; "
          f"load average at the end {os.getloadavg()[0]:.1f})")
    print_report(report, problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
