"""run_bot.py as a user runs it: local mode prints the chat page first, stops cleanly on signals."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import aiohttp
import pytest
import yaml

from local_botapi import LocalTelegram
from tests.deadlines import REPLY, STEP, local_telegram, scaled

ROOT = Path(__file__).resolve().parents[2]


def free_port_config(tmp_path: Path, host: str = "127.0.0.1") -> Path:
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    raw["web"]["host"] = host
    raw["web"]["port"] = 0
    raw["local_mode"]["botapi_port"] = 0
    raw.setdefault("ocr", {})["preload"] = False
    raw["database"]["url"] = f"sqlite+aiosqlite:///{tmp_path / 'pusque.db'}"
    for section, key in (("faq", "corpus"), ("faq", "cache_dir"), ("predictor", "model_dir")):
        if section in raw and key in raw[section]:
            raw[section][key] = str(ROOT / raw[section][key])
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


async def start_local(tmp_path: Path, host: str = "127.0.0.1") -> tuple[asyncio.subprocess.Process, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "PUSQUE_DATABASE_URL")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "run_bot.py"), "--config", str(free_port_config(tmp_path, host)),
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    try:
        while True:
            line = (await asyncio.wait_for(proc.stdout.readline(), scaled(STEP))).decode()
            assert line, "run_bot.py exited before printing the chat page address"
            if "http://" in line:
                url = line[line.index("http://"):].split()[0]
                return proc, url
    except BaseException:
        proc.kill()
        await proc.wait()
        raise


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_local_mode_serves_the_chat_page_and_stops_cleanly_on_signal(tmp_path, sig):
    proc, url = await start_local(tmp_path)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as resp:
                assert resp.status == 200 and "<html" in (await resp.text()).lower()
        async with local_telegram(url) as tg:
            user = await tg.user(first_name="Ani")
            await user.send("/start")
            assert "Selamat datang" in (await user.next_message())["text"]
        proc.send_signal(sig)
        assert await asyncio.wait_for(proc.wait(), scaled(REPLY)) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


@pytest.mark.slow
async def test_local_mode_on_the_network_prints_a_page_address_with_the_passcode(tmp_path):
    """web.host 0.0.0.0: /local/users is refused without the passcode; the first http:// line has it."""
    proc, url = await start_local(tmp_path, "0.0.0.0")
    try:
        assert "?passcode=" in url
        root = url.split("?")[0]
        async with aiohttp.ClientSession() as session:
            async with session.get(root + "local/users") as resp:
                assert resp.status == 401
        async with LocalTelegram(url) as tg:  # the printed address is enough for the client
            user = await tg.user(first_name="Ani")
            await user.send("/start")
            assert "Selamat datang" in (await user.next_message(timeout=20))["text"]
        token = (tmp_path / "data" / "local_botapi_token").read_text().strip()
        assert token and "PUSQUE-local" not in token
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 15) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
