"""Patient-journey test helpers: a system on a manual clock, a fake KTP reader, typed registration."""
from __future__ import annotations

import datetime as dt

from bot.services import Services
from queue_core.clock import ManualClock

MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)
SITI = {"nik": "3507124509900003", "nama": "SITI AMINAH", "tempat_lahir": "MALANG", "tanggal_lahir": "1990-09-05",
        "jenis_kelamin": "PEREMPUAN", "alamat": "JL. MAWAR NO. 12", "rt_rw": "003/005", "kel_desa": "SUMBERSARI",
        "kecamatan": "LOWOKWARU"}


class FakeKtpReader:
    """Stands in for ocr.reader.KtpReader: returns `fields` for every image, records the calls."""

    def __init__(self, fields: dict | None = None, error: str | None = None) -> None:
        self.fields, self.error, self.calls = fields or dict(SITI), error, []

    async def read(self, image: bytes, filename: str = "image", *, today=None) -> dict:
        self.calls.append((len(image), filename))
        if self.error:
            return {"image": filename, "fields": {}, "problems": [self.error], "error": self.error}
        return {"image": filename, "fields": dict(self.fields), "confidence": {k: 0.9 for k in self.fields},
                "nik_valid": True, "problems": []}


# the local Bot API's per-chat limit, and so the bot's own pacing (harness.start_pusque): ~1 reply a
# second per chat (the production limit) made each journey wait 10-20 s; flood limits and pacing
# are tested at the real limit in tests/e2e/test_bot_loop.py
FAST = {"max_messages_per_chat_per_second": 20, "chat_burst": 20}


async def start_system(start_pusque, clock: ManualClock | None = None, **extras):
    clock = clock or ManualClock(MONDAY_8AM)
    system = await start_pusque(services_factory=factory(clock, **extras), botapi_options=FAST)
    system.clock = clock
    return system


def factory(clock: ManualClock, **extras):
    async def make(settings):
        services = await Services.create(settings, clock=clock.now)
        services.extras.update(extras)
        return services

    return make


async def register_typed(user, *, nik="3507124509900003", name="Siti Aminah", born="05-09-1990", sex="Perempuan",
                         address="Jl. Mawar No. 12 RT 3 RW 5", phone="081234567890", bpjs="0001234567890"):
    await user.send("/daftar")
    await user.next_message(contains="foto KTP")
    await user.press("⌨️ Ketik data")
    await user.next_message(contains="NIK")
    await user.send(nik)
    await user.next_message(contains="nama lengkap")
    await user.send(name)
    await user.next_message(contains="tanggal lahir")
    await user.send(born)
    await user.next_message(contains="jenis kelamin")
    await user.press(sex)
    await user.next_message(contains="alamat")
    await user.send(address)
    await user.next_message(contains="Periksa data")
    await user.press("✅ Data benar")
    await user.next_message(contains="Nomor HP")
    await user.send(phone)
    await user.next_message(contains="BPJS")
    if bpjs:
        await user.send(bpjs)
    else:
        await user.press_reply("Lewati")
    return await user.next_message(contains="tersimpan")
