"""Shared by the concurrency tests: a busy-clinic config and a drain loop (also run as a subprocess)."""
from __future__ import annotations

import asyncio
import copy
import datetime as dt
import json
import sys
from pathlib import Path

import yaml

from queue_core.clock import ManualClock
from queue_core.service import QueueService
from settings import DEFAULT_CONFIG_PATH, load_settings
from storage.db import Database

START = dt.datetime(2026, 11, 23, 7, 0)


def rush_config(tmp: Path, channels: int = 8, quota: int = 5000, staff_ids: list[int] | None = None) -> Path:
    """One service, loket only, `channels` counters, open all day: the queue the callers drain."""
    raw = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    raw["phases"]["loket"]["channels"] = [{"name": f"Loket {i + 1}", "services": "*"} for i in range(channels)]
    all_day = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    service = dict(raw["services"][0], route=["loket"], daily_quota=quota, hours=all_day)
    raw["services"] = [service]
    raw["roles"]["staff"] = staff_ids or []
    path = tmp / "rush.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def rooms_config(tmp: Path, rooms: int = 4, quota: int = 5000) -> Path:
    """One service straight into its poli, `rooms` rooms, open all day: per-doctor queues."""
    raw = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    all_day = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    raw["services"] = [dict(raw["services"][0], route=["poli"], daily_quota=quota, hours=all_day,
                            rooms=[f"Ruang {i + 1}" for i in range(rooms)])]
    path = tmp / "rooms.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


async def drain(url: str, config: Path, channels: list[str]) -> list[list[str]]:
    """Each channel calls and finishes until nobody waits; returns the numbers each one called."""
    settings = load_settings(config, env={})
    db = Database(url)
    qs = QueueService(db, settings, ManualClock(START + dt.timedelta(hours=2)))

    async def caller(channel: str) -> list[str]:
        called = []
        while (view := await qs.call_next(channel)) is not None:
            called.append(view.number)
            await qs.finish(channel)
        return called

    try:
        return list(await asyncio.gather(*(caller(c) for c in channels)))
    finally:
        await db.dispose()


if __name__ == "__main__":
    url, config, *names = sys.argv[1:]
    print(json.dumps(asyncio.run(drain(url, Path(config), names))))
