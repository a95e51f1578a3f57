"""Registration with a real KTP photo: ocr's synthetic card read by the real KtpReader (easyocr in
a worker process, started at start-up by `ocr.preload`; loading takes ~20-40 s on two cores)."""
from __future__ import annotations

import logging
import os

import pytest

from ocr.reader import NICE
from queue_core.clock import ManualClock
from tests.deadlines import until

from .helpers import FAST, MONDAY_8AM, factory

pytest.importorskip("easyocr")


async def test_register_with_a_synthetic_ktp_photo(start_pusque, caplog):
    from ocr.synthetic import make_card

    caplog.set_level(logging.INFO, logger="handlers.patient_common")
    image, truth = make_card(3, hard=False)
    # no fake: the bot creates the real KtpReader, and loads it before the first photo
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM)), botapi_options=FAST,
                                ocr_preload=True)
    await until(lambda: any("KTP reader ready" in r.getMessage() for r in caplog.records), 180,
                what="the KTP reader started at start-up")
    workers = list(system.application.bot_data["services"].extras["ktp_reader"]._pool._processes)
    assert workers and all(os.getpriority(os.PRIO_PROCESS, pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICE)
                           for pid in workers)  # the model loaded at a lower priority than the bot
    siti = await system.user(first_name="Siti")
    await siti.send("/daftar")
    await siti.next_message(contains="foto KTP")
    await siti.send_photo(image)
    await siti.wait_for(lambda e: e["kind"] == "chat_action" and e.get("action") == "typing")  # reading: "typing…"
    reply = await siti.wait_for(lambda e: e["kind"] in ("message", "edit") and any(
        s in (e["message"].get("text") or "") for s in ("Periksa data", "Sebagian data", "tidak bisa dibaca")), timeout=180)
    text = reply["message"]["text"]
    assert "Periksa data" in text, text
    assert truth["fields"]["nik"] in text
    # the KTP photo does not stay in the chat (personal_data.keep_ktp_photos: false)
    await siti.next_event("delete")
