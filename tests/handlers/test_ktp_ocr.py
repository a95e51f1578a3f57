"""Registration with a real KTP photo: ocr's synthetic card read by the real KtpReader (easyocr in
a worker process; the first read loads the model, ~20-40 s on two cores)."""
from __future__ import annotations

import pytest

from .helpers import start_system

pytest.importorskip("easyocr")


async def test_register_with_a_synthetic_ktp_photo(start_pusque):
    from ocr.synthetic import make_card

    image, truth = make_card(3, hard=False)
    system = await start_system(start_pusque)  # no fake: the bot creates the real KtpReader
    siti = await system.user(first_name="Siti")
    await siti.send("/daftar")
    await siti.next_message(contains="foto KTP")
    await siti.send_photo(image)
    await siti.next_message(contains="Sedang membaca KTP")
    reply = await siti.wait_for(lambda e: e["kind"] in ("message", "edit") and any(
        s in (e["message"].get("text") or "") for s in ("Periksa data", "Sebagian data", "tidak bisa dibaca")), timeout=180)
    text = reply["message"]["text"]
    assert "Periksa data" in text, text
    assert truth["fields"]["nik"] in text
    # the KTP photo does not stay in the chat (personal_data.keep_ktp_photos: false)
    await siti.next_event("delete", timeout=5)
