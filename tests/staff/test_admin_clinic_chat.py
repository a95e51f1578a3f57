"""/klinik end to end against the local Bot API: an admin who is not a programmer adds a doctor and a
Wednesday schedule with buttons and typed times, sees what changes before saving, and the web API
lists both at once; removing that doctor or service while a patient waits is refused with the count;
the schedule reaches patients (/jadwal); a wizard survives a restart and an old button is named stale."""
from __future__ import annotations

import dataclasses
import datetime as dt

import aiohttp

from app.runner import PusQue
from handlers.admin_clinic_doctors import store as doctor_store
from local_botapi import LOCAL_TOKEN, LocalBotApi
from queue_core.clock import ManualClock
from tests.deadlines import local_telegram
from tests.e2e.harness import make_test_settings
from tests.handlers.helpers import FAST, factory
from tests.staff.conftest import ADMIN_ID, MONDAY_8AM, audit_rows

WEDNESDAY_8AM = MONDAY_8AM + dt.timedelta(days=2)


async def pressed(user, text: str, message: dict | None = None, contains: str | None = None) -> dict:
    """Press a button and return the bot's next message (with `contains`)."""
    await user.press(text, message=message)
    return await user.next_message(contains=contains)


async def api(clinic, path: str) -> dict:
    token = await clinic.services.staff.create_token("admin-pc", "admin", ADMIN_ID)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.get(path, headers={"Authorization": f"Bearer {token}"}) as resp:
            assert resp.status == 200
            return await resp.json()


async def add_doctor_and_wednesday_schedule(admin) -> None:
    await admin.send("/klinik")
    home = await admin.next_message(contains="Kelola klinik")
    listing = await pressed(admin, "👩‍⚕️ Dokter", home)
    assert "Belum ada dokter" in listing["text"]
    assert "Nama dokter" in (await pressed(admin, "➕ Tambah dokter", listing))["text"]
    await admin.send("drg. Sari")
    pick = await admin.next_message(contains="Layanan yang dilayani")
    await admin.press("Lanjut ➡️", message=pick)
    pick = await admin.next_message(contains="Layanan yang dilayani")
    assert pick["text"].startswith("Pilih minimal satu"), "Lanjut with nothing chosen: asked again"
    await admin.press("Poli Gigi", message=pick)
    marked = await admin.wait_for(lambda e: e["kind"] == "edit" and "reply_markup" in e["message"], what="marks")
    marks = marked["message"]["reply_markup"]["inline_keyboard"]
    assert ["✅ Poli Gigi"] in [[b["text"] for b in row] for row in marks]
    confirm = await pressed(admin, "Lanjut ➡️", contains="Periksa perubahan")
    assert "Sesudah:\ndrg. Sari (aktif) — Poli Gigi" in confirm["text"] and "Sebelum" not in confirm["text"]
    assert "✅ Dokter drg. Sari ditambahkan" in (await pressed(admin, "Ya, simpan", confirm))["text"]

    await admin.send("/klinik")
    home = await admin.next_message(contains="Kelola klinik")
    listing = await pressed(admin, "📅 Jadwal dokter", home)
    assert "Belum ada jadwal dokter" in listing["text"]
    which = await pressed(admin, "➕ Tambah jadwal", listing, contains="dokter siapa")
    where = await pressed(admin, "drg. Sari", which, contains="Di layanan mana")
    day = await pressed(admin, "Poli Gigi", where, contains="Hari apa")
    assert [b["text"] for row in day["reply_markup"]["inline_keyboard"] for b in row][:7] == [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    await pressed(admin, "Rabu", day, contains="Jam mulai")
    await admin.send("jam 8 pagi")
    assert "Jam harus seperti 08:00" in (await admin.next_message())["text"]
    await admin.send("8.00")
    await admin.next_message(contains="Jam selesai")
    await admin.send("07:30")
    assert "harus setelah jam mulai" in (await admin.next_message())["text"]
    await admin.send("12:00")
    confirm = await admin.next_message(contains="Periksa perubahan")
    assert "Rabu 08:00–12:00: drg. Sari, Poli Gigi" in confirm["text"]
    done = await pressed(admin, "Ya, simpan", confirm)
    assert "✅ Jadwal #1 ditambahkan: Rabu 08:00–12:00" in done["text"]


async def test_an_admin_adds_a_doctor_and_a_wednesday_schedule_in_chat(clinic, clinic_clock, admin, nurse):
    q = clinic.services
    await nurse.send("/klinik")
    assert "hanya untuk admin" in (await nurse.next_message())["text"]
    await add_doctor_and_wednesday_schedule(admin)

    doctors = (await api(clinic, "/api/doctors"))["doctors"]
    assert doctors == [{"id": 1, "name": "drg. Sari", "services": ["B"], "active": True}]
    schedules = (await api(clinic, "/api/schedules"))["schedules"]
    assert schedules == [{"id": 1, "doctor": 1, "service": "B", "weekday": 3, "start": "08:00", "end": "12:00",
                          "quota": None, "room": "Ruang Gigi"}], "Poli Gigi has one room: not asked, taken"
    rows = [r for r in await audit_rows(q) if r.action in ("clinic_doctor_create", "clinic_schedule_create")]
    assert [(r.action, r.actor_id, r.detail["via"]) for r in rows] == [
        ("clinic_doctor_create", ADMIN_ID, "chat"), ("clinic_schedule_create", ADMIN_ID, "chat")]

    clinic_clock.now = WEDNESDAY_8AM  # the doctor's day, and a patient waits for the dentist
    await q.queue.issue(service="B", user_id=None)
    patient = await clinic.user(7100, "Bu Tini")
    await patient.send("/jadwal")
    schedule = (await patient.next_message(contains="Jadwal dokter"))["text"]
    assert "Rabu, 25-11\n• Poli Gigi 08:00–12:00: drg. Sari" in schedule
    await patient.send("jadwal dokter gigi")  # the FAQ's question gets the same live answer
    assert "Rabu, 25-11\n• Poli Gigi 08:00–12:00: drg. Sari" in (await patient.next_message(timeout=60))["text"]

    for button in ("Nonaktifkan (cuti)", "🗑 Hapus"):
        await admin.send("/klinik")
        home = await admin.next_message(contains="Kelola klinik")
        listing = await pressed(admin, "👩‍⚕️ Dokter", home)
        item = await pressed(admin, "drg. Sari", listing)
        confirm = await pressed(admin, button, item, contains="Periksa perubahan")
        refused = await pressed(admin, "Ya, simpan", confirm)
        assert "Ditolak: 1 pasien masih menunggu. Tidak ada yang diubah." in refused["text"], button
    assert (await api(clinic, "/api/doctors"))["doctors"] == doctors

    await admin.send("/klinik")
    home = await admin.next_message(contains="Kelola klinik")
    listing = await pressed(admin, "🏥 Layanan (poli)", home)
    item = await pressed(admin, "B · Poli Gigi", listing, contains="Nomor yang belum selesai: 1")
    move = await pressed(admin, "🗑 Hapus", item)
    assert "Belum bisa: 1 nomor antrean layanan ini belum selesai" in move["text"]
    assert "Pindahkan ke Poli Umum" in [b["text"] for row in move["reply_markup"]["inline_keyboard"] for b in row]
    assert "Dibatalkan" in (await pressed(admin, "Batal", move))["text"]
    assert "B" in q.settings.services
    old = next(b["callback_data"] for row in move["reply_markup"]["inline_keyboard"] for b in row
               if b["text"] == "Pindahkan ke Poli Umum")
    await admin.press_forged(move["message_id"], old)  # an old copy of the message, still showing the button
    assert "sudah tidak berlaku" in (await admin.next_message())["text"], "a cancelled wizard's button is stale"
    assert q.settings.services["B"].name == "Poli Gigi"


async def test_the_room_is_asked_for_a_two_room_poli_and_a_doctors_patients_are_moved_before_leave(clinic, admin):
    q = clinic.services
    clinic_store, by = doctor_store(q), {"via": "test"}
    sari = await clinic_store.create_doctor({"name": "dr. Sari", "services": ["A"]}, by)
    budi = await clinic_store.create_doctor({"name": "dr. Budi", "services": ["A"]}, by)
    await clinic_store.create_schedule({"doctor": budi["id"], "service": "A", "weekday": 1, "start": "07:30",
                                        "end": "12:00", "room": "Ruang 2"}, by)
    await admin.send("/klinik")
    listing = await pressed(admin, "📅 Jadwal dokter", await admin.next_message(contains="Kelola klinik"))
    which = await pressed(admin, "➕ Tambah jadwal", listing, contains="dokter siapa")
    where = await pressed(admin, "dr. Sari", which, contains="Di layanan mana")
    room = await pressed(admin, "Poli Umum", where, contains="Di ruang mana")
    assert [b["text"] for row in room["reply_markup"]["inline_keyboard"] for b in row] == ["Ruang 1", "Ruang 2", "Batal"]
    day = await pressed(admin, "Ruang 1", room, contains="Hari apa")
    await pressed(admin, "Senin", day, contains="Jam mulai")
    await admin.send("07:30")
    await admin.next_message(contains="Jam selesai")
    await admin.send("12:00")
    confirm = await admin.next_message(contains="Periksa perubahan")
    assert "Senin 07:30–12:00: dr. Sari, Poli Umum, Ruang 1" in confirm["text"]
    assert "ditambahkan" in (await pressed(admin, "Ya, simpan", confirm))["text"]
    patient = await clinic.user(7200, "Pak Harto")
    await patient.send("/jadwal")
    week = (await patient.next_message(contains="Jadwal dokter"))["text"]
    assert "• Poli Umum 07:30–12:00: dr. Sari, Ruang 1" in week and "dr. Budi, Ruang 2" in week

    chose_sari = await q.queue.issue(service="A", user_id=None, doctor=sari["id"])
    await admin.send("/klinik")
    listing = await pressed(admin, "👩‍⚕️ Dokter", await admin.next_message(contains="Kelola klinik"))
    item = await pressed(admin, "dr. Sari", listing, contains="Ruang 1")
    move = await pressed(admin, "Nonaktifkan (cuti)", item)
    assert "Belum bisa: 1 pasien (hari ini atau yang sudah memesan) memilih dokter ini" in move["text"]
    assert [b["text"] for row in move["reply_markup"]["inline_keyboard"] for b in row] == [
        "Pindahkan ke dr. Budi", "Pindahkan ke dokter siapa saja", "Batal"]
    confirm = await pressed(admin, "Pindahkan ke dr. Budi", move, contains="Periksa perubahan")
    assert "1 pasien yang memilih dokter ini dipindah ke dr. Budi" in confirm["text"]
    done = await pressed(admin, "Ya, simpan", confirm)
    assert "✅ Dokter dr. Sari diubah" in done["text"] and "1 pasien dipindahkan dan diberi tahu." in done["text"]
    assert await q.queue.doctor_of(chose_sari.id) == budi["id"]

    # dr. Budi's Monday schedule: today's patient (moved to him) and one booked for next Monday
    booked = await q.queue.issue(service="A", user_id=None, doctor=budi["id"], day=dt.date(2026, 11, 30))
    await admin.send("/klinik")
    listing = await pressed(admin, "📅 Jadwal dokter", await admin.next_message(contains="Kelola klinik"))
    move = await pressed(admin, "🗑 Hapus jadwal #1", listing)
    assert "Belum bisa: 2 pasien memilih dokter ini pada hari jadwal itu" in move["text"]
    confirm = await pressed(admin, "Pindahkan ke dokter siapa saja", move, contains="Periksa perubahan")
    assert "2 pasien yang memilih dokter ini dipindah ke dokter siapa saja" in confirm["text"]
    done = await pressed(admin, "Ya, simpan", confirm)
    assert "✅ Jadwal #1 dihapus." in done["text"] and "2 pasien dipindahkan" in done["text"]
    assert [await q.queue.doctor_of(v.id) for v in (chose_sari, booked)] == [None, None]


async def test_a_wizard_survives_a_restart(tmp_path):
    botapi = LocalBotApi(LOCAL_TOKEN, **FAST)
    await botapi.start("127.0.0.1", 0)
    settings = dataclasses.replace(make_test_settings(tmp_path), telegram_token=LOCAL_TOKEN,
                                   admin_ids=frozenset({ADMIN_ID}))
    clock = ManualClock(MONDAY_8AM)
    tg = local_telegram(botapi.root_url)
    try:
        first = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await first.start()
        admin = await tg.user(ADMIN_ID, "Dr. Admin")
        await admin.send("/klinik")
        home = await admin.next_message(contains="Kelola klinik")
        listing = await pressed(admin, "🏥 Layanan (poli)", home)
        await pressed(admin, "➕ Tambah layanan", listing, contains="Kode layanan baru")
        await admin.send("E")
        await admin.next_message(contains="Nama layanan")
        await admin.send("Poli Lansia")
        await admin.next_message(contains="Kuota nomor per hari")
        await first.stop()
        second = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await second.start()
        try:
            await admin.send("30")
            days = await admin.next_message(contains="Hari buka")
            await admin.press("Selasa", message=days)
            await admin.wait_for(lambda e: e["kind"] == "edit" and "reply_markup" in e["message"], what="marks")
            await pressed(admin, "Lanjut ➡️", contains="Jam buka")
            await admin.send("08:00")
            await admin.next_message(contains="Jam tutup")
            await admin.send("11:00")
            confirm = await admin.next_message(contains="Periksa perubahan")
            assert "E · Poli Lansia (aktif)\nKuota harian: 30\nJam: Senin tutup, Selasa 08:00–11:00" in confirm["text"]
            done = await pressed(admin, "Ya, simpan", confirm)
            assert "Layanan E (Poli Lansia) ditambahkan" in done["text"]
            services = second.application.bot_data["services"]
            lansia = services.settings.services["E"]
            assert lansia.hours.describe()["tue"] == "08:00-11:00" and lansia.daily_quota == 30
            assert "E" in await services.queue.availability(), "the ticket menu lists it at once"
            yes = confirm["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
            await admin.press_forged(confirm["message_id"], yes)  # a second tap that raced the first
            assert "sudah tidak berlaku" in (await admin.next_message())["text"], "pressed twice: out of date"
        finally:
            await second.stop()
    finally:
        await tg.close()
        await botapi.stop()


async def test_an_admin_who_chose_english_reads_english(clinic, admin):
    await admin.send("/bahasa")
    await admin.press("🇬🇧 English", message=await admin.next_message(contains="Choose your language"))
    await admin.next_message(contains="English")
    await admin.send("/klinik")
    home = await admin.next_message(contains="Manage the clinic")
    listing = await pressed(admin, "📅 Doctor schedules", home)
    assert "No doctor schedules yet." in listing["text"]
    ask = await pressed(admin, "➕ Add a schedule", listing)
    assert "A schedule for which doctor?" in ask["text"] and "(Nothing to choose yet.)" in ask["text"]
    assert "Cancelled, nothing changed" in (await pressed(admin, "Cancel", ask))["text"]
