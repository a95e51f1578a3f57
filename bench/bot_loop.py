"""Bot loop benchmark: many simulated users sending /help at once.

    python -m bench.bot_loop [--users N] [--rounds R] [--quick]

1. The real bot in local mode (run_bot.py as a subprocess: local Bot API server + bot + web in
   one process, as `make run` starts it), users simulated from this process over HTTP.
   Run twice: with Telegram's limits (30 messages/s overall, 1/s per chat) and with limits off.
   Prints updates handled per second and p50/p99 time from a user's message to the bot's reply
   (the reply's time is stamped by the server when the bot's sendMessage arrives).
2. The local server alone, without the bot: a raw HTTP client doing sendMessage, and the
   user-message -> getUpdates round trip, to show the server is not the bottleneck.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import yaml

from local_botapi import LOCAL_TOKEN, LocalBotApi, LocalTelegram

ROOT = Path(__file__).resolve().parents[1]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def write_config(folder: Path, limits: bool) -> Path:
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    raw["web"]["port"] = 0
    raw["local_mode"]["botapi_port"] = 0
    raw.setdefault("ocr", {})["preload"] = False  # no photos here: a loading model would skew the figures
    raw["database"]["url"] = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    for section, key in (("faq", "corpus"), ("faq", "cache_dir"), ("predictor", "model_dir")):
        if key in raw.get(section, {}):
            raw[section][key] = str(ROOT / raw[section][key])
    if not limits:
        raw["telegram"]["max_messages_per_second"] = 1_000_000
        raw["telegram"]["max_messages_per_chat_per_second"] = 1_000_000
    path = folder / f"config-{'limits' if limits else 'nolimits'}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


async def start_bot(config: Path) -> tuple[asyncio.subprocess.Process, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "PUSQUE_DATABASE_URL")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "run_bot.py"), "--config", str(config), "--log-level", "WARNING",
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    while True:
        line = (await asyncio.wait_for(proc.stdout.readline(), 60)).decode()
        if not line:
            raise RuntimeError("run_bot.py exited early")
        if "http://" in line:
            return proc, line[line.index("http://"):].split()[0]


async def bot_loop(users: int, rounds: int, limits: bool, folder: Path) -> dict:
    proc, url = await start_bot(write_config(folder, limits))
    try:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=300)) as session:
            tg = LocalTelegram(url, session)
            clients = [await tg.user(first_name=f"Pasien {i}") for i in range(users)]
            latencies: list[float] = []

            async def one(user) -> None:
                for _ in range(rounds):
                    sent = time.time()
                    await user.send("/help")
                    event = await user.wait_for(lambda e: e["kind"] == "message", timeout=240)
                    latencies.append(event["time"] - sent)

            start = time.time()
            await asyncio.gather(*(one(u) for u in clients))
            elapsed = time.time() - start
            stats = await tg.stats()
    finally:
        proc.terminate()
        await proc.wait()
    n = users * rounds
    return {"updates": n, "seconds": elapsed, "per_second": n / elapsed, "p50": pct(latencies, 50),
            "p99": pct(latencies, 99), "429": stats["429"]}


async def server_alone(users: int, requests: int) -> dict:
    """The local server without the bot: raw sendMessage, and user message -> getUpdates."""
    async with LocalBotApi(max_messages_per_second=None, max_messages_per_chat_per_second=None) as api:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            tg = LocalTelegram(api.root_url, session)
            clients = [await tg.user(first_name=f"U{i}") for i in range(users)]
            for c in clients:
                await c.send("hi")
            base = f"{api.base_url}{LOCAL_TOKEN}"
            await session.post(f"{base}/getUpdates", json={"offset": -1})
            latencies: list[float] = []

            async def sender(worker: int) -> None:
                for i in range(worker, requests, users):
                    t0 = time.perf_counter()
                    async with session.post(f"{base}/sendMessage", data={
                            "chat_id": str(clients[i % users].id), "text": "Bantuan / Help"}) as resp:
                        await resp.read()
                    latencies.append(time.perf_counter() - t0)

            t = time.perf_counter()
            await asyncio.gather(*(sender(w) for w in range(users)))
            send_rate = requests / (time.perf_counter() - t)
            send_lat = latencies[:]

            # user message -> bot's getUpdates (one poller, like the bot), users sending at once
            async with session.post(f"{base}/getUpdates", json={"timeout": 0}) as resp:
                offset = max([u["update_id"] for u in (await resp.json())["result"]], default=0) + 1
            received = 0
            t = time.perf_counter()

            async def poller() -> None:
                nonlocal received, offset
                while received < requests:
                    async with session.post(f"{base}/getUpdates", json={"offset": offset, "timeout": 5}) as resp:
                        updates = (await resp.json())["result"]
                    if updates:
                        offset = updates[-1]["update_id"] + 1
                        received += len(updates)

            async def user_sender(worker: int) -> None:
                for _i in range(worker, requests, users):
                    await clients[worker].send("/help")

            await asyncio.gather(poller(), *(user_sender(w) for w in range(users)))
            update_rate = requests / (time.perf_counter() - t)
    return {"send_per_second": send_rate, "send_p50_ms": pct(send_lat, 50) * 1000,
            "send_p99_ms": pct(send_lat, 99) * 1000, "updates_per_second": update_rate}


async def main(users: int, rounds: int, quick: bool) -> None:
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for limits in (True, False):
            r = await bot_loop(users, rounds if not limits else 1, limits, folder)
            label = "Telegram's limits (30/s overall, 1/s per chat)" if limits else "limits off"
            print(f"bot loop, {users} users x {r['updates'] // users} /help, {label}: "
                  f"{r['per_second']:.1f} updates/s, reply p50 {r['p50'] * 1000:.0f} ms, "
                  f"p99 {r['p99'] * 1000:.0f} ms, 429s {r['429']} ({r['updates']} updates in {r['seconds']:.1f} s)")
    s = await server_alone(users, 500 if quick else 3000)
    print(f"server alone: sendMessage {s['send_per_second']:.0f} req/s "
          f"(p50 {s['send_p50_ms']:.1f} ms, p99 {s['send_p99_ms']:.1f} ms, {users} concurrent clients); "
          f"user message -> getUpdates {s['updates_per_second']:.0f} updates/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5, help="/help per user with limits off")
    parser.add_argument("--quick", action="store_true", help="20 users, 2 rounds")
    a = parser.parse_args()
    if a.quick:
        a.users, a.rounds = min(a.users, 20), 2
    asyncio.run(main(a.users, a.rounds, a.quick))
