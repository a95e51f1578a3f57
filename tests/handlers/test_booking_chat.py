"""Booking ahead in the chat, over the local Bot API: at 21:47 the menu offers the next open day
and books it; a patient books Poli Gigi for Wednesday with a chosen doctor, sees the date and the
doctor on the ticket, gets the evening-before reminder when the clock reaches it, and is told
when an admin closes that day with /tutup. The clock is moved by the test (ManualClock)."""
from __future__ import annotations

import datetime as dt

from queue_core.booking_rules import Booking
from queue_core.clinic_data import ClinicStore
from queue_core.clock import ManualClock
from tests.e2e.harness import outbox_settled

from .helpers import FAST, factory, register_typed

ADMIN_ID = 9101
MONDAY_EVENING = dt.datetime(2026, 11, 23, 21, 47)


async def start(start_pusque, clock: ManualClock):
    system = await start_pusque(services_factory=factory(clock), botapi_options=FAST, admin_ids=[ADMIN_ID],
                                booking=Booking(scan_seconds=1.0))
    system.clock = clock
    system.services = system.application.bot_data["services"]
    return system


def edited(contains: str):
    return lambda e: e["kind"] == "edit" and contains in (e["message"].get("text") or "")


async def test_at_21_47_the_menu_offers_the_next_open_day_and_books_it(start_pusque):
    clock = ManualClock(MONDAY_EVENING)
    system = await start(start_pusque, clock)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await siti.send("🎫 Ambil antrean")
    offer = await siti.next_message(contains="Poli tutup sekarang")
    assert offer["text"] == "Poli tutup sekarang. Buka lagi Selasa 07:30. Ambil nomor untuk Selasa?"
    await siti.press("✅ Ya, Selasa 24 Nov", message=offer)
    menu = await siti.next_message(contains="Poli yang buka Selasa 24 Nov")
    await siti.press("Poli Umum", message=menu)
    checklist = await siti.wait_for(edited("Centang"))
    assert "Nomor untuk Selasa 24 Nov, poli buka 07:30" in checklist["message"]["text"]
    assert "posisi" not in checklist["message"]["text"]  # no "if you took it now" for another day
    await siti.press("🎫 Ambil nomor")
    await siti.wait_for(edited("A-001 untuk Poli Umum, Selasa 24 Nov, sudah dicatat"))
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-001")
    assert ticket.get("photo") and "Tanggal: Selasa 24 Nov 2026" in ticket["caption"]
    assert "Poli buka 07:30" in ticket["caption"] and "paling lambat 08:30" in ticket["caption"]
    buttons = [b["text"] for row in ticket["reply_markup"]["inline_keyboard"] for b in row]
    assert "✅ Saya sudah tiba" in buttons  # the button the caption names
    # on the day, "Saya sudah tiba" puts the number in the queue
    clock.set(dt.datetime(2026, 11, 24, 7, 45))
    await siti.press("✅ Saya sudah tiba", message=ticket)
    arrived = await siti.next_message(contains="Check-in berhasil")
    assert "A-001" in arrived["text"] and "0 orang di depan" in arrived["text"]


async def test_a_booking_for_wednesday_with_a_doctor_its_reminder_and_the_day_closed(start_pusque):
    clock = ManualClock(dt.datetime(2026, 11, 23, 10, 0))  # Monday, the polis open
    system = await start(start_pusque, clock)
    store = ClinicStore(system.services.db, clock, system.services.settings)
    by = {"via": "test"}
    for name in ("drg. Ayu", "drg. Budi"):
        doctor = await store.create_doctor({"name": name, "services": ["B"]}, by)
        await store.create_schedule({"doctor": doctor["id"], "service": "B", "weekday": 3, "start": "08:00",
                                     "end": "12:00"}, by)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await siti.send("🎫 Ambil antrean")
    menu = await siti.next_message(contains="Pilih poli")
    await siti.press("📅 Hari lain", message=menu)
    days = await siti.next_message(contains="Untuk hari apa?")
    labels = [b["text"] for row in days["reply_markup"]["inline_keyboard"] for b in row]
    assert labels[:4] == ["Hari ini", "Selasa 24 Nov", "Rabu 25 Nov", "Kamis 26 Nov"] and "Minggu 29 Nov" not in labels
    await siti.press("Rabu 25 Nov", message=days)
    gigi_day = await siti.next_message(contains="Poli yang buka Rabu 25 Nov")
    await siti.press("Poli Gigi", message=gigi_day)
    checklist = await siti.wait_for(edited("Nomor untuk Rabu 25 Nov, poli buka 08:00"))
    assert "Dokter: siapa saja" in str(checklist["message"]["reply_markup"])  # two dentists that day
    await siti.press("👨‍⚕️ Dokter: siapa saja (tercepat) — ganti")
    await siti.wait_for(edited("Pilih dokter untuk Rabu 25 Nov"))
    await siti.press("drg. Ayu (08:00-12:00)")
    chosen = await siti.wait_for(edited("Centang"))
    assert "Dokter: drg. Ayu" in str(chosen["message"]["reply_markup"])
    await siti.press("🎫 Ambil nomor")
    ticket = await siti.next_message(contains="Nomor antrean Anda: B-001")
    assert "Tanggal: Rabu 25 Nov 2026" in ticket["caption"] and "Dokter: drg. Ayu" in ticket["caption"]
    assert "Poli buka 08:00" in ticket["caption"]
    # Tuesday 17:59: nothing yet (proved by a probe answered after any notice written so far)
    clock.set(dt.datetime(2026, 11, 24, 17, 59))
    await outbox_settled(system.services)
    await siti.nothing_before(siti.send("/status"), "dipesan, belum check-in", unwanted="Pengingat")
    clock.set(dt.datetime(2026, 11, 24, 18, 0))
    reminder = await siti.next_message(contains="Pengingat")
    assert reminder["text"].startswith("🔔 Pengingat: besok, Rabu 25 Nov 2026, Anda punya nomor B-001 di Poli Gigi.")
    assert "Dokter: drg. Ayu" in reminder["text"] and "Poli buka 08:00. Datang jam 08:10" in reminder["text"]
    # the admin closes Poli Gigi on Wednesday: the booked patient is told, the number cancelled
    admin = await system.user(ADMIN_ID, "Dr. Sari", role_hint="admin")
    await admin.send("/tutup 25-11-2026 B alat rusak")
    confirm = await admin.next_message(contains="Tutup Poli Gigi")
    assert "1 nomor yang dipesan untuk hari itu akan dibatalkan" in confirm["text"]
    await admin.press("Ya, tutup", message=confirm)
    done = (await admin.next_event("edit"))["message"]["text"]
    assert "1 nomor yang dipesan dibatalkan" in done
    told = await siti.next_message(contains="tutup pada")
    assert told["text"].startswith("❌ Poli Gigi tutup pada Rabu 25 Nov 2026: alat rusak. Nomor B-001 Anda dibatalkan.")
    await outbox_settled(system.services)
    reminders = [m for m in siti.messages.values() if "Pengingat" in (m.get("text") or "")]
    assert len(reminders) == 1  # the scan ran many times in between: one reminder


async def test_the_common_case_adds_no_step_today_and_any_doctor(start_pusque):
    """While a poli is open: its button, the checklist, the number; as before booking existed."""
    clock = ManualClock(dt.datetime(2026, 11, 23, 9, 0))
    system = await start(start_pusque, clock)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await siti.send("🎫 Ambil antrean")
    await siti.next_message(contains="Pilih poli")
    await siti.press("Poli Umum")
    checklist = await siti.wait_for(edited("Centang"))
    assert "posisi 1" in checklist["message"]["text"] and "Dokter" not in checklist["message"]["text"]
    await siti.press("🎫 Ambil nomor")
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-001")
    assert "Posisi: 1" in ticket["caption"] and "Tanggal: Senin 23 Nov 2026" in ticket["caption"]


async def test_a_reminder_due_while_the_bot_was_down_comes_once_after_the_restart(start_pusque):
    """Reminders are found in the database, not kept in memory: a bot stopped before 18:00 and
    started again at 18:30 sends the evening reminder once."""
    clock = ManualClock(dt.datetime(2026, 11, 23, 10, 0))
    first = await start(start_pusque, clock)
    siti = await first.user(first_name="Siti")
    await first.services.queue.issue(service="A", user_id=siti.id, day=dt.date(2026, 11, 25))
    await siti.next_message(contains="Nomor antrean Anda: A-001")
    await outbox_settled(first.services)
    user_id = siti.id
    await first.close()
    clock.set(dt.datetime(2026, 11, 24, 18, 30))  # 18:00 passed while the bot was down
    second = await start(start_pusque, clock)  # the same database file
    siti = await second.user(user_id, "Siti")
    reminder = await siti.next_message(contains="Pengingat")
    assert "besok, Rabu 25 Nov 2026, Anda punya nomor A-001 di Poli Umum" in reminder["text"]
    await outbox_settled(second.services)
    await siti.nothing_before(siti.send("/status"), "A-001", unwanted="Pengingat")
