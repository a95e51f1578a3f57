"""Issue 21's story in one run, against the local Bot API and the web API: an admin adds a doctor
and a Wednesday schedule in chat; the API lists them; a patient books Poli Gigi for next
Wednesday with that doctor, sees the date and the doctor on the ticket, and gets the
evening-before reminder when the clock reaches it; removing the doctor she chose is refused with
the count (chat and API); the admin closes that day and she is told."""
from __future__ import annotations

import datetime as dt

import aiohttp

from queue_core.booking_rules import Booking
from queue_core.clock import ManualClock
from tests.e2e.harness import outbox_settled
from tests.handlers.helpers import FAST, factory, register_typed
from tests.handlers.test_booking_chat import edited
from tests.staff.conftest import ADMIN_ID
from tests.staff.test_admin_clinic_chat import add_doctor_and_wednesday_schedule, pressed

MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)


def buttons(message: dict) -> list[str]:
    return [b["text"] for row in message["reply_markup"]["inline_keyboard"] for b in row]


async def test_a_doctor_added_in_chat_is_booked_reminded_kept_and_the_day_closed(start_pusque):
    clock = ManualClock(MONDAY_10AM)
    system = await start_pusque(services_factory=factory(clock), botapi_options=FAST, admin_ids=[ADMIN_ID],
                                booking=Booking(scan_seconds=1.0))
    services = system.application.bot_data["services"]
    token = await services.staff.create_token("admin-pc", "admin", ADMIN_ID)
    headers = {"Authorization": f"Bearer {token}"}
    admin = await system.user(ADMIN_ID, "Dr. Sari", role_hint="admin")

    await add_doctor_and_wednesday_schedule(admin)  # drg. Sari, Poli Gigi, Wednesday 08:00-12:00
    async with aiohttp.ClientSession(system.web_url) as http:
        async with http.get("/api/doctors", headers=headers) as resp:
            doctors = (await resp.json())["doctors"]
        async with http.get("/api/schedules", headers=headers) as resp:
            schedules = (await resp.json())["schedules"]
        # a second dentist through the API, so the patient has a choice that day
        async with http.post("/api/doctors", headers=headers, json={"name": "drg. Budi", "services": ["B"]}) as resp:
            assert resp.status == 201
            budi = await resp.json()
        async with http.post("/api/schedules", headers=headers, json={
                "doctor": budi["id"], "service": "B", "weekday": 3, "start": "08:00", "end": "12:00"}) as resp:
            assert resp.status == 201
    sari = next(d for d in doctors if d["name"] == "drg. Sari")
    assert sari["services"] == ["B"] and sari["active"] is True
    assert [(s["doctor"], s["service"], s["weekday"], s["start"], s["end"]) for s in schedules] == [
        (sari["id"], "B", 3, "08:00", "12:00")]

    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await siti.send("🎫 Ambil antrean")
    menu = await siti.next_message(contains="Pilih poli")
    await siti.press("📅 Hari lain", message=menu)
    days = await siti.next_message(contains="Untuk hari apa?")
    await siti.press("Rabu 25 Nov", message=days)
    await siti.press("Poli Gigi", message=await siti.next_message(contains="Poli yang buka Rabu 25 Nov"))
    await siti.wait_for(edited("Nomor untuk Rabu 25 Nov"))
    await siti.press("👨‍⚕️ Dokter: siapa saja (tercepat) — ganti")
    await siti.wait_for(edited("Pilih dokter untuk Rabu 25 Nov"))
    await siti.press("drg. Sari (08:00-12:00)")
    await siti.wait_for(edited("Centang"))
    await siti.press("🎫 Ambil nomor")
    ticket = await siti.next_message(contains="Nomor antrean Anda: B-001")
    assert "Tanggal: Rabu 25 Nov 2026" in ticket["caption"] and "drg. Sari" in ticket["caption"]

    clock.set(dt.datetime(2026, 11, 24, 18, 0))  # Tuesday evening
    reminder = await siti.next_message(contains="Pengingat")
    assert reminder["text"].startswith("🔔 Pengingat: besok, Rabu 25 Nov 2026, Anda punya nomor B-001 di Poli Gigi.")
    assert "drg. Sari" in reminder["text"] and "Datang jam" in reminder["text"]

    # drg. Sari cannot go while Siti's booking waits for her: refused with the count, in chat and API
    await admin.send("/klinik")
    listing = await pressed(admin, "👩‍⚕️ Dokter", await admin.next_message(contains="Kelola klinik"))
    item = await pressed(admin, "drg. Sari", listing)
    move = await pressed(admin, "🗑 Hapus", item)
    assert "Belum bisa: 1 pasien (hari ini atau yang sudah memesan) memilih dokter ini" in move["text"]
    assert buttons(move) == ["Pindahkan ke drg. Budi", "Pindahkan ke dokter siapa saja", "Batal"]
    assert "Dibatalkan" in (await pressed(admin, "Batal", move))["text"]
    async with aiohttp.ClientSession(system.web_url) as http:
        async with http.delete(f"/api/doctors/{sari['id']}", headers=headers) as resp:
            assert resp.status == 409
            refused = await resp.json()
        async with http.get("/api/doctors", headers=headers) as resp:
            assert sari in (await resp.json())["doctors"]
    assert refused["error"] == "doctor_has_patients" and refused["waiting"] == 1

    await admin.send("/tutup 25-11-2026 B alat rusak")
    confirm = await admin.next_message(contains="Tutup Poli Gigi")
    assert "1 nomor yang dipesan untuk hari itu akan dibatalkan" in confirm["text"]
    await admin.press("Ya, tutup", message=confirm)
    told = await siti.next_message(contains="tutup pada")
    assert told["text"].startswith("❌ Poli Gigi tutup pada Rabu 25 Nov 2026: alat rusak. Nomor B-001 Anda dibatalkan.")
    await outbox_settled(services)
    assert sum("Pengingat" in (m.get("text") or "") for m in siti.messages.values()) == 1
