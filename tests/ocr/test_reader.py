"""KtpReader: the bot's async API, reading in a worker process."""
import asyncio

import pytest

from ocr.reader import KtpReader
from ocr.synthetic import make_card

pytestmark = pytest.mark.slow


async def test_reads_in_a_worker_while_the_event_loop_keeps_running():
    jpeg, truth = make_card(101, hard=False)
    reader = KtpReader(workers=1, max_image_bytes=10_000_000)
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    try:
        out = await reader.read(jpeg, "ktp.jpg")
        bad = await reader.read(b"GIF89a broken", "x.gif")
        too_big = await reader.read(b"\0" * 10_000_001, "big.jpg")
    finally:
        task.cancel()
        await reader.close()
    assert out["fields"]["nik"] == truth["fields"]["nik"] and out["nik_valid"]
    assert ticks > 20  # the loop ran on while the model loaded and read the card
    assert "error" in bad and bad["fields"]["nik"] is None
    assert "too large" in too_big["error"]


async def test_settings_give_workers_and_limit():
    from settings import load_settings

    reader = KtpReader.from_settings(load_settings(env={}))
    assert reader.workers >= 1 and reader.max_image_bytes == 10_000_000
    await reader.close()
    with pytest.raises(RuntimeError):
        await reader.read(b"x", "x.jpg")
