"""Shared pieces of the whole-system proofs (bench/hostile.py, faults.py, crash.py, rush_hour.py,
multiproc.py): settings for a throw-away PusQue, a bot subprocess that can be SIGKILLed, the
patient flows driven through the local Bot API, percentiles and the machine line.
"""
from __future__ import annotations

import asyncio
import dataclasses
import os
import platform
import sys
from pathlib import Path
from typing import Any

import yaml

from local_botapi import LOCAL_TOKEN
from settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]

NO_LIMITS = {"max_messages_per_second": None, "max_messages_per_chat_per_second": None}


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {load:.1f} at start")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def settings_for(folder: Path, database_url: str | None = None, **overrides: Any) -> Settings:
    """config.yaml with free ports and a database of its own (SQLite in `folder` by default)."""
    base = dict(web_port=0, botapi_port=0, web_host="127.0.0.1", telegram_token=None, telegram_base_url=None,
                database_url=database_url or f"sqlite+aiosqlite:///{folder / 'pusque.db'}", ocr_preload=False)
    base.update(overrides)
    for key in ("admin_ids", "staff_ids"):
        if key in base:
            base[key] = frozenset(base[key])
    return dataclasses.replace(load_settings(env={}), **base)


def write_config(folder: Path, database_url: str, *, limits: bool = True, staff_ids: list[int] = (),
                 web_port: int = 0, ocr_preload: bool = False) -> Path:
    """A config file for run_bot.py in a subprocess (paths made absolute). `ocr_preload`: start
    the OCR worker at every start-up, as in production (only worth it when photos are sent)."""
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    raw["web"]["port"] = web_port
    raw.setdefault("ocr", {})["preload"] = ocr_preload
    raw["local_mode"]["botapi_port"] = 0
    raw["database"]["url"] = database_url
    for section, key in (("faq", "corpus"), ("faq", "cache_dir"), ("predictor", "model_dir")):
        if key in raw.get(section, {}):
            raw[section][key] = str(ROOT / raw[section][key])
    if staff_ids:
        raw.setdefault("roles", {})["staff"] = sorted(set(raw["roles"].get("staff") or []) | set(staff_ids))
    if not limits:
        raw["telegram"]["max_messages_per_second"] = 1_000_000
        raw["telegram"]["max_messages_per_chat_per_second"] = 1_000_000
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


class BotProcess:
    """run_bot.py --base-url in a subprocess: started, SIGKILLed, restarted; stderr to a log file."""

    def __init__(self, config: Path, base_url: str, log_path: Path, *, log_level: str = "WARNING",
                 token: str = LOCAL_TOKEN) -> None:
        self.config, self.base_url, self.log_path, self.log_level = config, base_url, log_path, log_level
        self.token = token  # the Bot API server's token (a bare LocalBotApi() has LOCAL_TOKEN)
        self.proc: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def start(self, timeout: float = 120) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "PUSQUE_DATABASE_URL")}
        env["TELEGRAM_BOT_TOKEN"] = self.token  # with --base-url the bot talks to that server with this token
        log = open(self.log_path, "ab")
        log.write(f"---- start {self.starts + 1}\n".encode())
        log.flush()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "run_bot.py"), "--config", str(self.config), "--base-url", self.base_url,
            "--log-level", self.log_level, cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=log)
        log.close()
        self.starts += 1
        while True:
            line = (await asyncio.wait_for(self.proc.stdout.readline(), timeout)).decode()
            if not line:
                raise RuntimeError(f"run_bot.py exited early; see {self.log_path}")
            if "Health:" in line:
                self.health_url = line.split("Health:", 1)[1].strip()
                return

    def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()  # SIGKILL

    async def wait(self) -> None:
        """Until the bot process is gone. Not `proc.wait()`: asyncio waits for the stdout pipe to
        close too, and a child the bot spawned (an OCR worker) may still hold it."""
        while self.proc is not None and self.proc.returncode is None:
            await asyncio.sleep(0.05)

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()
            try:
                await asyncio.wait_for(self.wait(), 30)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.wait()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""


def unhandled_in_log(text: str) -> int:
    """Lines the error handler writes for an update that raised (handlers/error.py)."""
    return sum(1 for line in text.splitlines() if "pusque.errors" in line and "failed" in line)
