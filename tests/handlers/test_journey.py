"""The patient's journey over the local Bot API: register, take a number, status, cancel."""
from __future__ import annotations

from .helpers import register_typed, start_system


async def test_typed_registration_then_a_ticket_with_number_position_and_qr(start_pusque):
    system = await start_system(start_pusque)
    ani = await system.user(first_name="Siti")
    saved = await register_typed(ani)
    assert "SITI AMINAH" in saved["text"]
    await ani.send("🎫 Ambil antrean")
    await ani.next_message(contains="Pilih poli")
    await ani.press("Poli Umum")
    await ani.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
    await ani.press("🎫 Ambil nomor")
    ticket = await ani.next_message(contains="A-001")
    assert "Posisi: 1" in ticket["text"] and "Poli Umum" in ticket["text"]
    photo = await ani.next_message(contains="QR")
    assert photo.get("photo")
    await ani.send("/status")
    status = await ani.next_message(contains="A-001")
    assert "0 orang di depan" in status["text"]
