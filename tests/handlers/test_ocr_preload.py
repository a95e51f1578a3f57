"""The KTP reader's worker is started at start-up when `ocr.preload` is on, and a worker that
cannot start costs the bot nothing but a log line."""
from __future__ import annotations

import logging

from queue_core.clock import ManualClock
from tests.deadlines import until

from .helpers import FAST, MONDAY_8AM, FakeKtpReader, factory


class StartingReader(FakeKtpReader):
    """A fake KtpReader whose `start` (the worker loading easyocr) is recorded, or fails."""

    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.fail, self.starts = fail, 0

    async def start(self) -> None:
        self.starts += 1
        if self.fail:
            raise RuntimeError("torch could not be loaded")


async def start(start_pusque, reader, preload: bool):
    return await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM), ktp_reader=reader),
                              botapi_options=FAST, ocr_preload=preload)


async def test_the_reader_worker_starts_at_start_up_when_preload_is_on(start_pusque):
    reader = StartingReader()
    await start(start_pusque, reader, preload=True)
    await until(lambda: reader.starts == 1, what="the worker started")


async def test_no_worker_at_start_up_when_preload_is_off(start_pusque):
    reader = StartingReader()
    system = await start(start_pusque, reader, preload=False)
    ani = await system.user(first_name="Ani")
    await ani.send("/start")
    await ani.next_message()
    assert reader.starts == 0


async def test_a_worker_that_cannot_start_is_logged_and_the_bot_still_answers(start_pusque, caplog):
    caplog.set_level(logging.ERROR)
    reader = StartingReader(fail=True)
    system = await start(start_pusque, reader, preload=True)
    await until(lambda: any("KTP reader did not start" in r.getMessage() for r in caplog.records), what="the log line")
    ani = await system.user(first_name="Ani")
    await ani.send("/daftar")
    await ani.next_message(contains="foto KTP")
    assert not system.application.bot_data.get("unhandled_errors")
