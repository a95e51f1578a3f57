"""After a KTP photo the confirm form comes at once: fields read with confidence pre-filled, the
rest marked empty and asked from the form (a stand-in reader gives a fixed reading)."""
from __future__ import annotations

from handlers.reg_fields import from_ocr
from queue_core.clock import ManualClock

from .helpers import FAST, MONDAY_8AM, factory

READING = {
    "fields": {"nik": "3507124509900003", "nama": "SITI AMINAH", "tanggal_lahir": None, "jenis_kelamin": None,
               "alamat": "JL. MAWAR NO. 12", "rt_rw": "003/005", "kel_desa": "SUMBERSARI", "kecamatan": "LOWOKWARU"},
    "confidence": {"nik": 0.97, "nama": 0.2, "tanggal_lahir": 0.0, "jenis_kelamin": 0.0, "alamat": 0.8,
                   "rt_rw": 0.9, "kel_desa": 0.9, "kecamatan": 0.9},
    "nik_valid": True, "problems": ["NIK could not be checked against the card"],
}


class FixedReader:
    async def read(self, data: bytes, filename: str = "image", *, today=None) -> dict:
        return READING


def test_fields_under_the_threshold_are_left_empty_and_the_nik_fills_birth_date_and_sex():
    draft, notes = from_ocr(READING, min_confidence=0.5)
    assert "name" not in draft  # read with 0.2: asked, not pre-filled
    assert draft["nik"] == "3507124509900003"
    assert draft["birth_date"] == "1990-09-05" and draft["sex"] == "P"  # from the NIK (day 45 = woman)
    assert notes == ["reg.from_nik.birth_date", "reg.from_nik.sex"]
    assert draft["address"] == "JL. MAWAR NO. 12, RT/RW 003/005, KEL. SUMBERSARI, KEC. LOWOKWARU"
    assert from_ocr(READING, min_confidence=0.1)[0]["name"] == "SITI AMINAH"


def test_an_invalid_nik_gives_no_birth_date_or_sex():
    draft, notes = from_ocr({**READING, "nik_valid": False}, min_confidence=0.5)
    assert "birth_date" not in draft and "sex" not in draft and notes == []


async def test_the_confirm_comes_right_after_the_photo_and_empty_fields_are_asked_from_it(start_pusque):
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM), ktp_reader=FixedReader()),
                                botapi_options=FAST)
    siti = await system.user(first_name="Siti")
    await siti.send("/daftar")
    await siti.next_message(contains="foto KTP")
    await siti.send_photo(b"\xff\xd8not really a jpeg, the stand-in reader ignores it")
    form = await siti.next_message(contains="Periksa data")
    text = form["text"]
    assert "3507124509900003" in text and "(belum diisi)" in text
    assert "diambil dari NIK" in text and "KEL. SUMBERSARI" in text
    assert "SITI AMINAH" not in text  # not pre-filled below the threshold
    await siti.press("✅ Data benar")
    await siti.next_message(contains="nama lengkap")  # the one empty field, asked
    await siti.send("Siti Aminah")
    again = await siti.next_message(contains="Periksa data")
    assert "SITI AMINAH" in again["text"]


def test_the_reader_saying_what_it_took_from_the_nik_gives_the_matching_note():
    reading = {**READING, "fields": {**READING["fields"], "jenis_kelamin": "PEREMPUAN"},
               "confidence": {**READING["confidence"], "jenis_kelamin": 0.8},
               "problems": ["sex on the card unclear; taken from the NIK"]}
    draft, notes = from_ocr(reading, min_confidence=0.5)
    assert draft["sex"] == "P" and notes == ["reg.from_nik.birth_date", "reg.from_nik.sex"]
