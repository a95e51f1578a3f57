"""The patient's journey over the local Bot API: register, take a number, status, cancel."""
from __future__ import annotations

from queue_core.clock import ManualClock
from tests.e2e.harness import outbox_settled

from .helpers import FAST, MONDAY_8AM, factory, register_typed, start_system


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
    booked = await ani.wait_for(lambda e: e["kind"] == "edit" and "sudah dicatat" in (e["message"].get("text") or ""))
    assert "A-001" in booked["message"]["text"] and not booked["message"].get("reply_markup")
    ticket = await ani.next_message(contains="Nomor antrean Anda: A-001")  # one photo: the ticket and its QR
    assert ticket.get("photo") and "QR" in ticket["caption"]
    assert "Pasien: SITI AMINAH" in ticket["caption"] and "Posisi: 1" in ticket["caption"] and "Poli Umum" in ticket["caption"]
    await ani.send("/status")
    status = await ani.next_message(contains="orang di depan")
    assert "0 orang di depan" in status["text"]
    await ani.press("📋 Status", message=ticket)  # the buttons under the ticket
    assert "A-001" in (await ani.next_message(contains="orang di depan"))["text"]
    await ani.press("❌ Batalkan", message=ticket)
    await ani.next_message(contains="Batalkan nomor A-001")
    await ani.press("Ya, batalkan")
    await ani.next_message(contains="Nomor A-001 dibatalkan")
    tickets = [m for m in ani.messages.values() if "Nomor antrean Anda" in (m.get("caption") or m.get("text") or "")]
    assert len(tickets) == 1  # one ticket message: the handler did not send one of its own


async def _take_ticket(user, service="Poli Umum", ticks=()):
    await user.send("🎫 Ambil antrean")
    await user.next_message(contains="Pilih poli")
    await user.press(service)
    await user.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
    for label in ticks:
        await user.press("⬜ " + label)
        await user.wait_for(lambda e, label=label: e["kind"] == "edit"
                            and "☑️ " + label in str(e["message"].get("reply_markup")))
    await user.press("🎫 Ambil nomor")


async def test_a_ticket_committed_just_before_a_crash_is_delivered_after_the_restart(start_pusque):
    """The ticket message is the outbox row the issuing transaction wrote, not a reply: a process
    that dies after the commit (here: its notifier stopped, the row claimed and never settled)
    leaves it for the next process, which sends it once."""
    from sqlalchemy import select

    from app.tables import RENDERERS
    from bot.notifier import Notifier
    from queue_core.models import Outbox

    system = await start_system(start_pusque)
    services = system.application.bot_data["services"]
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await services.notifier.stop()  # the process "dies" with the ticket committed
    await _take_ticket(siti)
    await siti.wait_for(lambda e: e["kind"] == "edit" and "sudah dicatat" in (e["message"].get("text") or ""))
    claimed = await services.outbox.claim("urgent", 10)  # ...after claiming it, before sending it
    # first in the queue: "your turn is near" is said in the ticket itself, not in a second message
    assert [n.kind for n in claimed] == ["issued"] and claimed[0].payload["number"] == "A-001"
    assert claimed[0].payload["near"] is True
    assert "name" not in claimed[0].payload  # personal data is read at send time, not stored in the outbox
    # nothing sent it: it was a reply before, lost with the process. The probe (/status, the
    # same chat's next update) is answered after anything the press could have sent
    await siti.nothing_before(siti.send("/status"), "orang di depan", unwanted="Nomor antrean Anda")
    assert await services.outbox.recover() == 1  # the next process's start-up
    services.notifier = Notifier(system.application.bot, services.db, services.outbox, services.settings, RENDERERS)
    await services.notifier.start()
    services.on_close(services.notifier.stop)
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-001")
    assert ticket.get("photo") and "SITI AMINAH" in ticket["caption"] and "Giliran Anda sudah dekat" in ticket["caption"]

    async def kinds(session):
        return list(await session.execute(select(Outbox.kind, Outbox.status).order_by(Outbox.id)))

    assert [tuple(r) for r in await services.db.run(kinds)] == [("issued", "sent")]


async def test_near_at_entry_is_said_in_the_entry_notice_then_called_with_the_room(start_pusque):
    """A short queue: the ticket and the "next phase" notice say the turn is near themselves; no
    separate turn-near message follows either (one message per event under Telegram's limits)."""
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await _take_ticket(siti)
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-001")
    assert "Posisi: 1" in ticket["caption"] and "Giliran Anda sudah dekat" in ticket["caption"]
    queue = system.application.bot_data["services"].queue
    await queue.call_next("Loket 1")
    called = await siti.next_message(contains="Nomor A-001")
    assert called["text"] == "📢 Nomor A-001, silakan ke Loket 1."  # the next message: no turn-near in between
    await queue.finish("Loket 1")
    moved = await siti.next_message(contains="Nomor A-001")
    assert moved["text"].startswith("➡️ Nomor A-001: lanjut ke Poli. Posisi 1.")
    assert moved["text"].endswith("Giliran Anda sudah dekat: mohon bersiap di ruang tunggu.")
    await queue.call_next("Ruang 2")
    room = await siti.next_message(contains="Nomor A-001")
    assert room["text"] == "📢 Nomor A-001, silakan ke Poli Umum Ruang 2."


async def test_a_patient_far_back_gets_turn_near_when_the_queue_reaches_them(start_pusque):
    system = await start_system(start_pusque)
    queue = system.application.bot_data["services"].queue
    for _i in range(12):  # walk-ins ahead, no Telegram chat
        await queue.issue(service="A", user_id=None)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await _take_ticket(siti)
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-013")
    assert "Posisi: 13" in ticket["caption"] and "Giliran Anda sudah dekat" not in ticket["caption"]
    # no turn-near yet: every notice the issuing wrote is sent, then a probe in the chat
    await outbox_settled(system.application.bot_data["services"])
    await siti.nothing_before(siti.send("/status"), "orang di depan", unwanted="Giliran Anda sudah dekat")
    for _ in range(4):
        await queue.call_next("Loket 1")
        await queue.finish("Loket 1")
        await queue.call_next("Loket 2")
        await queue.finish("Loket 2")
    near = await siti.next_message(contains="Giliran Anda sudah dekat")
    assert "nomor A-013" in near["text"]


async def test_double_tap_on_take_creates_one_ticket(start_pusque):
    system = await start_system(start_pusque)
    budi = await system.user(first_name="Budi")
    await register_typed(budi, nik="3507120101800001", name="Budi Santoso", born="01-01-1980", sex="Laki-laki")
    await budi.send("🎫 Ambil antrean")
    await budi.next_message(contains="Pilih poli")
    await budi.press("Poli Gigi")
    edit = await budi.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
    button = next(b for row in edit["message"]["reply_markup"]["inline_keyboard"] for b in row if b["text"] == "🎫 Ambil nomor")
    await budi.press("🎫 Ambil nomor", message=edit["message"])
    await budi.press("🎫 Ambil nomor", message=edit["message"])
    await budi.next_message(contains="Nomor antrean Anda: B-001")
    again = await budi.next_message(contains="sudah diambil dari daftar ini")
    assert "B-001" in again["text"]
    queue = system.application.bot_data["services"].queue
    views = await queue.tickets_of_user(budi.id)
    assert [v.number for v in views] == ["B-001"]
    # a tap still on its way when the first ticket is already over (cancelled here; in the
    # rush-hour run, finished by fast staff) does not take a second number either
    await queue.cancel(views[0].id, by="staff", reason="staff")
    await budi.next_message(contains="dibatalkan oleh petugas")
    await budi.press_forged(edit["message"]["message_id"], button["callback_data"])
    assert "B-001" in (await budi.next_message(contains="sudah diambil dari daftar ini"))["text"]
    assert [v.number for v in await queue.tickets_of_user(budi.id, active_only=False)] == ["B-001"]


async def test_emergency_tells_the_patient_at_once_and_alerts_staff(start_pusque):
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM)), botapi_options=FAST, staff_ids=[777])
    nurse = await system.user(777, "Perawat", role_hint="staff")
    await nurse.send("/start")
    dewi = await system.user(first_name="Dewi")
    await register_typed(dewi, nik="3507125509900004", name="Dewi Lestari", born="15-09-1990")
    await _take_ticket(dewi, ticks=["Gawat darurat"])
    warning = await dewi.next_message(contains="GAWAT DARURAT")
    assert "119" in warning["text"] and "UGD" in warning["text"]
    ticket = await dewi.next_message(contains="Nomor antrean Anda: A-001")
    assert ticket["message_id"] > warning["message_id"]


async def test_no_estimate_is_shown_when_the_system_has_none(start_pusque):
    from queue_core.snapshot import RecentMeanEstimator

    class NoFigures(RecentMeanEstimator):
        def estimate(self, snapshot):
            raise RuntimeError("no model")

    system = await start_system(start_pusque)
    services = system.application.bot_data["services"]
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    from handlers.ticket import estimate_lines
    from queue_core.service_base import TicketView
    view = TicketView(1, "A-001", "A", MONDAY_8AM.date(), 3, (), "waiting", "loket", None, 4, None, siti.id, 1, MONDAY_8AM)
    lines = estimate_lines(view, services.settings, "id", MONDAY_8AM)
    assert lines == ["Perkiraan waktu belum tersedia; kami kirim pesan saat giliran Anda dekat."]
    assert not any(ch.isdigit() for ch in lines[0])
    await _take_ticket(siti)
    text = (await siti.next_message(contains="Nomor antrean Anda: A-001"))["caption"]
    # with the clinic's configured means the figure is real: 3 min loket mean / 2 counters
    assert "menit" in text and ("Datang jam" in text or "Segera datang" in text) and "perkiraan dipanggil" in text


async def test_start_names_the_language_and_english_chosen_with_bahasa_is_remembered(start_pusque):
    system = await start_system(start_pusque)
    john = await system.user(first_name="John")
    await john.send("/start")
    welcome = await john.next_message(contains="Selamat datang")
    assert "/bahasa" in welcome["text"] and "Welcome" not in welcome["text"]
    await john.send("/bahasa")
    await john.press("🇬🇧 English", message=await john.next_message(contains="Pilih bahasa"))
    await john.next_message(contains="Language set to English")
    assert [b["text"] for row in await john.keyboard() for b in row][0] == "🎫 Take a number"
    await john.send("🎫 Take a number")
    assert "not registered" in (await john.next_message())["text"]


async def test_a_skipped_patient_rejoins_with_the_button_and_a_forged_one_is_refused(start_pusque):
    system = await start_system(start_pusque)
    services = system.application.bot_data["services"]
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await _take_ticket(siti)
    await siti.next_message(contains="Nomor antrean Anda: A-001")
    await services.queue.call_next("Loket 1")
    await services.queue.skip("Loket 1")
    skipped = await siti.next_message(contains="terlewat")
    await siti.press_forged(skipped["message_id"], "rj:999999")  # someone else's (or no) ticket
    await siti.next_message(contains="sudah tidak berlaku")
    await siti.press("🙋 Saya sudah datang", message=skipped)
    await siti.next_message(contains="Nomor A-001 masuk antrean lagi")
    assert (await services.queue.find("A-001")).status == "waiting"
