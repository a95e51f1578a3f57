"""Staff in chat (issue 22): /cancel NUMBER REASON, and clearing a queue from /queue with a
confirmation; the patients are told why, everything is audited, patients are refused."""
from __future__ import annotations

import datetime as dt

from telegram import InlineKeyboardMarkup

from queue_core.models import Patient
from tests.staff.conftest import add_patient_user, audit_rows


async def chat_patient(clinic, user) -> int:
    q = clinic.services
    await add_patient_user(q, user.id)

    async def add(session):
        p = Patient(owner_id=user.id, name="BUDI SANTOSO", nik="3507011203850001", birth_date=dt.date(1985, 3, 12),
                    sex="L", created_at=q.clock())
        session.add(p)
        await session.flush()
        return p.id

    return await q.db.run(add)


async def test_cancel_with_a_reason_tells_the_chat_patient_and_is_audited(clinic, nurse):
    q = clinic.services
    joko = await clinic.user(first_name="Pak Joko")
    pid = await chat_patient(clinic, joko)
    his = await q.queue.issue(service="A", user_id=joko.id, patient_id=pid)
    await joko.next_message(contains=his.number)
    walk_in = await q.queue.issue(service="A", user_id=None)
    await nurse.send(f"/cancel {his.number.lower()} pasien  pulang duluan")
    reply = (await nurse.next_message(contains="dibatalkan"))["text"]
    assert reply.startswith(
        f"Nomor {his.number} dibatalkan. Alasan: pasien pulang duluan Pasien diberi tahu lewat chat.")
    told = (await joko.next_message(contains="dibatalkan"))["text"]
    assert f"Nomor {his.number} (Poli Umum) dibatalkan oleh petugas." in told and "Alasan: pasien pulang duluan" in told
    assert (await q.queue.view(his.id)).status == "cancelled"
    await nurse.send(f"/cancel {walk_in.number} salah ambil nomor")
    assert "tidak memakai Telegram" in (await nurse.next_message(contains=walk_in.number))["text"]
    await nurse.send(f"/cancel {his.number} dua kali")
    assert "tidak bisa diproses" in (await nurse.next_message(contains=his.number))["text"]
    await nurse.send("/cancel A-005")
    assert "Cara pakai: /cancel NOMOR ALASAN" in (await nurse.next_message(contains="Cara pakai"))["text"]
    await joko.send(f"/cancel {walk_in.number} iseng")
    assert "hanya untuk petugas" in (await joko.next_message(contains="Maaf"))["text"]
    rows = [(r.allowed, r.target, r.detail.get("reason"), r.detail.get("told"), r.detail.get("error"))
            for r in await audit_rows(q, "cancel")]
    assert rows == [(True, his.number, "pasien pulang duluan", True, None),
                    (True, walk_in.number, "salah ambil nomor", False, None),
                    (True, his.number, "dua kali", None, "invalid_transition"),
                    (True, None, None, None, "usage"),
                    (False, None, None, None, None)]


async def test_a_queue_is_cleared_from_queue_after_a_confirmation_and_everyone_waiting_is_told(clinic, nurse):
    q = clinic.services
    joko = await clinic.user(first_name="Pak Joko")
    pid = await chat_patient(clinic, joko)
    his = await q.queue.issue(service="A", user_id=joko.id, patient_id=pid)
    await joko.next_message(contains=his.number)
    walk_in = await q.queue.issue(service="A", user_id=None)
    dental = await q.queue.issue(service="B", user_id=None)
    await nurse.send("/queue Loket 1")
    listing = await nurse.next_message(contains="Antrean")
    buttons = [row[0]["text"] for row in listing["reply_markup"]["inline_keyboard"]]
    assert buttons == ["🗑 Kosongkan antrean Poli Umum", "🗑 Kosongkan antrean Poli Gigi"]
    await nurse.press("🗑 Kosongkan antrean Poli Umum", message=listing)
    confirm = await nurse.next_message(contains="Kosongkan antrean Poli Umum?")
    assert "2 pasien yang menunggu (Loket Pendaftaran, Poli)" in confirm["text"]
    await nurse.press("Batal", message=confirm)
    assert "tidak dikosongkan" in (await nurse.next_event("edit"))["message"]["text"]
    assert (await q.queue.view(his.id)).status == "waiting"
    await nurse.press("🗑 Kosongkan antrean Poli Umum", message=listing)
    confirm = await nurse.next_message(contains="Kosongkan antrean Poli Umum?")
    await nurse.press("Dokter berhalangan hadir", message=confirm)
    done = (await nurse.next_event("edit"))["message"]["text"]
    assert done.startswith(f"Antrean Poli Umum dikosongkan: 2 nomor dibatalkan ({his.number}, {walk_in.number})")
    told = (await joko.next_message(contains="dibatalkan"))["text"]
    assert "Alasan: Dokter berhalangan hadir" in told
    assert [(await q.queue.view(v.id)).status for v in (his, walk_in, dental)] == ["cancelled", "cancelled", "waiting"]
    # the old listing's button again: nothing left to clear, and it says so
    await nurse.press("🗑 Kosongkan antrean Poli Umum", message=listing)
    confirm = await nurse.next_message(contains="Kosongkan antrean Poli Umum?")
    assert "0 pasien" in confirm["text"]
    await nurse.press("Gangguan listrik/sistem di puskesmas", message=confirm)
    assert "Tidak ada pasien yang menunggu di antrean Poli Umum" in (await nurse.next_event("edit"))["message"]["text"]
    steps = [(r.detail["step"], r.detail.get("count")) for r in await audit_rows(q, "clear_queue") if r.allowed]
    assert steps == [("ask", None), ("no", None), ("ask", None), ("go", 2), ("ask", None), ("go", 0)]
    # a patient pressing the button (a panel forwarded to the wrong chat) is refused
    later = await q.queue.issue(service="A", user_id=None)
    bot = clinic.application.bot
    await bot.send_message(joko.id, "panel", reply_markup=InlineKeyboardMarkup.de_json(confirm["reply_markup"], bot))
    await joko.next_message(contains="panel")
    await joko.press(data="sq:go:A:doctor")
    await joko.wait_for(lambda e: e["kind"] == "callback_answer" and "hanya untuk petugas" in (e.get("text") or ""))
    assert (await q.queue.view(later.id)).status == "waiting"
    assert [r.actor_id for r in await audit_rows(q, "clear_queue") if not r.allowed] == [joko.id]
