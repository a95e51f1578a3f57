"""Registration details: KTP photo, validation, restart mid-conversation, family, odd input, erasure."""
from __future__ import annotations

import dataclasses
import io

from PIL import Image
from sqlalchemy import func, select

from app.runner import PusQue
from local_botapi import LOCAL_TOKEN, LocalBotApi
from queue_core.clock import ManualClock
from queue_core.models import FaqUnanswered, Patient, Ticket
from tests.deadlines import REPLY, local_telegram, scaled
from tests.e2e.harness import make_test_settings

from .helpers import FAST, MONDAY_8AM, FakeKtpReader, factory, register_typed, start_system


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 200), "lightblue").save(buf, format="JPEG")
    return buf.getvalue()


async def test_ktp_photo_is_read_confirmed_and_saved(start_pusque):
    reader = FakeKtpReader()
    system = await start_system(start_pusque, ktp_reader=reader)
    siti = await system.user(first_name="Siti")
    await siti.send("/daftar")
    await siti.next_message(contains="foto KTP")
    await siti.send_photo(_jpeg())
    await siti.wait_for(lambda e: e["kind"] == "chat_action" and e.get("action") == "typing")  # reading: "typing…"
    confirm = await siti.next_message(contains="Periksa data")
    assert "3507124509900003" in confirm["text"] and "SITI AMINAH" in confirm["text"] and "05-09-1990" in confirm["text"]
    assert reader.calls
    await siti.press("✏️ Nama")
    await siti.next_message(contains="nama lengkap")
    await siti.send("Siti Aminah Rahayu")
    confirm = await siti.next_message(contains="Periksa data")
    assert "SITI AMINAH RAHAYU" in confirm["text"]
    await siti.press("✅ Data benar")
    await siti.next_message(contains="Nomor HP")
    await siti.share_contact("+6281234567890")
    await siti.next_message(contains="BPJS")
    await siti.send("12345")
    await siti.next_message(contains="13 angka")
    await siti.press_reply("Lewati")
    await siti.next_message(contains="tersimpan")
    services = system.application.bot_data["services"]
    rows = await services.db.run(lambda s: s.scalars(select(Patient)))
    patient = list(rows)[0]
    assert (patient.name, patient.phone, patient.bpjs, patient.sex) == ("SITI AMINAH RAHAYU", "081234567890", None, "P")


async def test_nik_that_disagrees_with_birth_date_and_sex_is_refused_with_reasons(start_pusque):
    reader = FakeKtpReader(fields={"nik": "3507124509900003", "nama": "SITI", "tanggal_lahir": "1991-09-05",
                                   "jenis_kelamin": "LAKI-LAKI", "alamat": "JL. MAWAR 1"})
    system = await start_system(start_pusque, ktp_reader=reader)
    siti = await system.user(first_name="Siti")
    await siti.send("/daftar")
    await siti.send_photo(_jpeg())
    await siti.next_message(contains="Periksa data")
    await siti.press("✅ Data benar")
    refused = await siti.next_message(contains="belum bisa disimpan")
    assert "tanggal lahir" in refused["text"] and "jenis kelamin" in refused["text"]
    await siti.press("✏️ NIK")
    await siti.send("35071245099")
    assert "16 angka" in (await siti.next_message(contains="16 angka"))["text"]


async def test_bad_input_gets_a_clear_reply_and_the_conversation_goes_on(start_pusque):
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    ani = await system.user(first_name="Ani")
    await ani.send("/daftar")
    await ani.next_message(contains="foto KTP")
    await ani.send_document(b"%PDF-1.4 nothing", "ktp.pdf", content_type="application/pdf")
    await ani.next_message(contains="sebagai foto")
    await ani.send("halo")
    await ani.next_message(contains="sebagai foto")
    await ani.press("⌨️ Ketik data")
    await ani.next_message(contains="NIK")
    await ani.send("1234")
    await ani.next_message(contains="16 angka")
    await ani.send_document(b"fake", "voice.ogg", content_type="audio/ogg")
    await ani.next_message(contains="jawab dengan teks")
    await ani.send("3507124509900003")
    await ani.next_message(contains="nama lengkap")
    await ani.send("/batal")
    await ani.next_message(contains="dibatalkan")
    await ani.press("⌨️ Ketik data")  # a button from the finished conversation
    await ani.next_message(contains="tidak berlaku")


async def test_a_question_asked_mid_form_is_answered_and_the_field_asked_again_in_one_message(start_pusque):
    system = await start_system(start_pusque)
    ani = await system.user(first_name="Ani")
    await ani.send("/daftar")
    await ani.next_message(contains="foto KTP")
    await ani.press("⌨️ Ketik data")
    await ani.next_message(contains="Ketik NIK")
    await ani.send("jam brp buka ya?")
    reply = await ani.next_message()
    assert reply["text"].startswith("Jam loket pendaftaran") and reply["text"].endswith("Ketik NIK (16 angka, ada di KTP):")
    await ani.send("1234")  # a wrong value: the reason and the question again, one message
    reply = await ani.next_message()
    assert "16 angka" in reply["text"].split("\n\n")[0] and reply["text"].endswith("Ketik NIK (16 angka, ada di KTP):")
    # one message: the next answer's reply comes with nothing before it
    await ani.nothing_before(ani.send("3507124509900003"), "nama lengkap")
    await ani.send("Siti Aminah")
    await ani.next_message(contains="tanggal lahir")
    await ani.send("05-09-1990")
    await ani.next_message(contains="jenis kelamin")
    await ani.press("Perempuan")
    await ani.next_message(contains="Ketik alamat")
    await ani.send("puskesmas buka hari sabtu?")  # an address would take any words: the '?' and the FAQ decide
    reply = await ani.next_message()
    answer, _, ask = reply["text"].rpartition("\n\n")
    assert len(answer) > 20 and ask == "Ketik alamat (jalan, RT/RW, kelurahan):"
    await ani.send("alamat puskesmas dmn")  # no "?", but the matcher is sure it is a question
    reply = await ani.next_message()
    assert reply["text"].endswith("Ketik alamat (jalan, RT/RW, kelurahan):") and "\n\n" in reply["text"]
    await ani.send("antrian masih lama gak")  # a question word and a fair match
    reply = await ani.next_message()
    assert reply["text"].endswith("Ketik alamat (jalan, RT/RW, kelurahan):") and "\n\n" in reply["text"]
    await ani.send("Jl. Puskesmas No. 3 RT 2 RW 5")  # an address that names the clinic is still an address
    confirm = await ani.next_message(contains="Periksa data")
    assert "JL. PUSKESMAS NO. 3" in confirm["text"] and "SABTU" not in confirm["text"]


async def test_an_oversized_image_is_refused_before_reading(start_pusque):
    reader = FakeKtpReader()
    system = await start_system(start_pusque, ktp_reader=reader)  # ocr.max_image_bytes: 10 MB
    ani = await system.user(first_name="Ani")
    await ani.send("/daftar")
    await ani.next_message(contains="foto KTP")
    big = b"\xff\xd8" + b"0" * (10_000_001)
    await ani.send_document(big, "big.jpg", content_type="image/jpeg")
    await ani.next_message(contains="terlalu besar")
    assert reader.calls == []


async def test_restart_mid_registration_continues_where_the_patient_was(tmp_path):
    botapi = LocalBotApi(LOCAL_TOKEN, **FAST)
    await botapi.start("127.0.0.1", 0)
    # the bot talks to this server with its token (without one it would use its installation's)
    settings = dataclasses.replace(make_test_settings(tmp_path), telegram_token=LOCAL_TOKEN)
    clock = ManualClock(MONDAY_8AM)
    tg = local_telegram(botapi.root_url)
    try:
        first = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await first.start()
        ani = await tg.user(first_name="Ani")
        await ani.send("/daftar")
        await ani.next_message(contains="foto KTP")
        await ani.press("⌨️ Ketik data")
        await ani.next_message(contains="NIK")
        await ani.send("3507124509900003")
        await ani.next_message(contains="nama lengkap")
        await first.stop()
        second = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await second.start()
        try:
            await ani.send("Siti Aminah")
            await ani.next_message(contains="tanggal lahir")
        finally:
            await second.stop()
    finally:
        await tg.close()
        await botapi.stop()


async def test_child_without_ktp_uses_the_family_card(start_pusque):
    system = await start_system(start_pusque)
    ibu = await system.user(first_name="Siti")
    await register_typed(ibu)
    await ibu.send("/daftar")
    await ibu.next_message(contains="Siapa yang")
    await ibu.press("Anak tanpa KTP (pakai KK)")
    await ibu.next_message(contains="Kartu Keluarga")
    await ibu.send("3507120101150001")
    await ibu.next_message(contains="nama lengkap")
    await ibu.send("Rafi Pratama")
    await ibu.next_message(contains="tanggal lahir")
    await ibu.send("10-02-2023")
    await ibu.next_message(contains="jenis kelamin")
    await ibu.press("Laki-laki")
    confirm = await ibu.next_message(contains="Periksa data")
    assert "No. KK: 3507120101150001" in confirm["text"]
    await ibu.press("✅ Data benar")
    await ibu.next_message(contains="Nomor HP")
    await ibu.send("0812 3456 7890")
    await ibu.next_message(contains="BPJS")
    await ibu.press_reply("Lewati")
    await ibu.next_message(contains="RAFI PRATAMA")
    await ibu.send("🎫 Ambil antrean")
    await ibu.next_message(contains="Antrean untuk siapa")
    await ibu.press("RAFI PRATAMA (anak)")
    await ibu.next_message(contains="Pilih poli")
    await ibu.press("Poli Anak / MTBS")
    checklist = await ibu.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
    assert "Usia 5 tahun ke bawah" in checklist["message"]["text"]


async def test_faq_answers_or_says_it_does_not_know_and_keeps_the_question(start_pusque):
    system = await start_system(start_pusque)
    ani = await system.user(first_name="Ani")
    await ani.send("jam brp buka?")
    answer = await ani.next_message(timeout=60)
    assert "07:00" in answer["text"] or "07.00" in answer["text"]
    await ani.send("siapa presiden pertama indonesia")
    unknown = await ani.next_message()
    assert "(0341) 555-0123" in unknown["text"]
    await ani.send_document(b"x", "a.bin")
    await ani.next_message(contains="File ini")
    services = system.application.bot_data["services"]
    count = await services.db.run(lambda s: s.scalar(select(func.count()).select_from(FaqUnanswered)))
    assert count == 1


async def test_delete_my_data_keeps_tickets_only_anonymised(start_pusque):
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    services = system.application.bot_data["services"]
    pid = (await services.db.run(lambda s: s.scalar(select(Patient.id))))
    await services.queue.issue(service="A", user_id=siti.id, patient_id=pid)
    await siti.send("📝 Daftar / Data saya")
    data = await siti.next_message(contains="Data yang kami simpan")
    assert "3507**********03" in data["text"] and "3507124509900003" not in data["text"]
    await siti.press("🗑 Hapus semua data saya")
    await siti.next_message(contains="Yakin")
    await siti.press("Ya, hapus")
    await siti.next_message(contains="sudah dihapus")

    async def check(session):
        tickets = list(await session.scalars(select(Ticket)))
        return tickets, await session.scalar(select(func.count()).select_from(Patient))

    tickets, patients = await services.db.run(check)
    assert patients == 0 and len(tickets) == 1
    assert tickets[0].patient_id is None and tickets[0].user_id is None and tickets[0].status == "cancelled"


async def test_each_registration_step_is_persisted_at_once_not_on_the_timer(tmp_path, monkeypatch):
    """A SIGKILL right after a reply must not take the step back (issue 9's rush-hour stall): with
    PTB's periodic flush switched off, the conversation state and the draft are still in the
    database as soon as the patient has the next question."""
    import asyncio

    from telegram.ext import Application

    from queue_core.models import BotState
    from storage.db import Database

    async def no_timer(self) -> None:
        return None

    monkeypatch.setattr(Application, "_persistence_updater", no_timer)
    botapi = LocalBotApi(LOCAL_TOKEN, **FAST)
    await botapi.start("127.0.0.1", 0)
    # the bot talks to this server with its token (without one it would use its installation's)
    settings = dataclasses.replace(make_test_settings(tmp_path), telegram_token=LOCAL_TOKEN)
    tg = local_telegram(botapi.root_url)
    bot = PusQue(settings, base_url=botapi.base_url, services_factory=factory(ManualClock(MONDAY_8AM)))
    await bot.start()
    db = Database(settings.database_url)

    async def stored(key: str):
        async def fn(session):
            row = await session.get(BotState, key)
            return None if row is None else row.value
        return await db.run(fn)

    async def eventually(key: str, check) -> object:
        value = None
        # the persistence timer is off (no_timer above): whatever is stored, each update stored it
        deadline = asyncio.get_running_loop().time() + scaled(REPLY)
        while asyncio.get_running_loop().time() < deadline:
            value = await stored(key)
            if value is not None and check(value):
                return value
            await asyncio.sleep(0.02)
        raise AssertionError(f"{key} = {value!r}")

    try:
        ani = await tg.user(first_name="Ani")
        await ani.send("/daftar")
        await ani.next_message(contains="foto KTP")
        await eventually(f"conv:register:{ani.id},{ani.id}", lambda v: v["state"] == "reg_ktp")
        await ani.press("⌨️ Ketik data")
        await ani.next_message(contains="NIK")
        await ani.send("3507124509900003")
        await ani.next_message(contains="nama lengkap")
        await eventually(f"conv:register:{ani.id},{ani.id}", lambda v: v["state"] == "reg_typing")
        await eventually(f"user:{ani.id}", lambda v: v["reg"]["ask"] == "name"
                         and v["reg"]["draft"]["nik"] == "3507124509900003")
    finally:
        await db.dispose()
        await bot.stop()
        await tg.close()
        await botapi.stop()


async def test_the_persistence_writes_through_the_bots_own_database(start_pusque):
    """One Database per process: on SQLite a second one on the same file waits on the first in
    SQLite's busy handler (up to 100 ms a try; 1.3 s BEGIN IMMEDIATE in the hostile-input run)."""
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    assert system.application.persistence.db is system.application.bot_data["services"].db
