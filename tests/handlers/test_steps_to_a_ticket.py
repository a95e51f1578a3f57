"""From /start to holding a ticket with a KTP photo (issue 21): at most 8 things the patient does
and at most 10 messages, edits and deletes from the bot. A morning rush is limited by Telegram's
30 messages a second per bot, so every send counts."""
from __future__ import annotations

from queue_core.clock import ManualClock

from .helpers import FAST, MONDAY_8AM, FakeKtpReader, factory


class Counted:
    """A test user whose actions are counted."""

    def __init__(self, user) -> None:
        self.user, self.actions = user, []

    async def send(self, text: str):
        self.actions.append(text)
        return await self.user.send(text)

    async def send_photo(self, data: bytes):
        self.actions.append("photo")
        return await self.user.send_photo(data)

    async def press(self, text: str):
        self.actions.append(text)
        return await self.user.press(text)

    async def press_reply(self, text: str):
        self.actions.append(text)
        return await self.user.press_reply(text)


def _text(event) -> str:
    message = event.get("message") or {}
    return message.get("text") or message.get("caption") or ""


async def test_start_to_ticket_with_a_ktp_photo_takes_8_actions_and_10_sends(start_pusque):
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM), ktp_reader=FakeKtpReader()),
                                botapi_options=FAST)
    raw = await system.user(first_name="Siti")
    siti = Counted(raw)
    await siti.send("/start")
    welcome = await raw.next_message(contains="Selamat datang")
    assert "foto KTP" in welcome["text"] and "/bahasa" in welcome["text"]
    assert "🎫 Ambil antrean" in str(await raw.keyboard())  # the menu comes with the welcome
    await siti.send_photo(b"\xff\xd8a stand-in reader reads it")
    form = await raw.next_message(contains="Periksa data")
    assert "SITI AMINAH" in form["text"]
    await siti.press("✅ Data benar")
    await raw.next_message(contains="HP")
    await siti.press_reply("📱 Kirim nomor saya")
    await raw.next_message(contains="BPJS")
    await siti.send("0001234567890")
    await raw.next_message(contains="tersimpan")
    await siti.press_reply("🎫 Ambil antrean")
    await raw.next_message(contains="Pilih poli")
    await siti.press("Poli Umum")
    await raw.wait_for(lambda e: e["kind"] == "edit" and "Centang" in _text(e))
    await siti.press("🎫 Ambil nomor")
    await raw.wait_for(lambda e: e["kind"] == "message" and "Nomor antrean Anda" in _text(e))
    events = (await raw.tg.call("GET", f"{raw._path}/events", params={"after": 0, "timeout": "0"}))["events"]
    sent = [e["kind"] for e in events if e["kind"] in ("message", "edit", "delete") and not e.get("outgoing")]
    assert len(siti.actions) <= 8, siti.actions
    assert len(sent) <= 10, sent
    assert sent.count("delete") == 1  # the KTP photo itself does not stay in the chat


async def test_a_registered_patient_sending_a_photo_is_not_registered_again(start_pusque):
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM), ktp_reader=FakeKtpReader()),
                                botapi_options=FAST)
    siti = await system.user(first_name="Siti")
    await siti.send_photo(b"\xff\xd8first photo: registers")
    await siti.press("✅ Data benar", message=await siti.next_message(contains="Periksa data"))
    await siti.next_message(contains="HP")
    await siti.send("081234567890")
    await siti.next_message(contains="BPJS")
    await siti.press_reply("Lewati")
    await siti.next_message(contains="tersimpan")
    await siti.send_photo(b"\xff\xd8another photo")
    reply = await siti.next_message()
    assert "Periksa data" not in reply["text"] and "Daftar" in reply["text"]
