"""Staff at the counter: /call (channel remembered), /recall, /skip, /done, /transfer, /queue,
/pause, /resume, the inline panel and stale buttons; refusals for patients; the audit log."""
from __future__ import annotations

from queue_core.models import Patient
from tests.staff.conftest import add_patient_user, audit_rows


async def issue(services, service="A", user_id=None, **kw):
    return await services.queue.issue(service=service, user_id=user_id, **kw)


async def test_call_remembers_the_channel_and_the_panel_drives_the_visit(clinic, nurse):
    q = clinic.services
    a1 = await issue(q, "A")
    a2 = await issue(q, "A")
    await nurse.send("/call")
    assert "Pilih loket/ruang" in (await nurse.next_message())["text"]
    await nurse.send("/call loket 1")
    msg = await nurse.next_message(contains="Memanggil")
    assert f"Memanggil {a1.number} (Poli Umum) ke Loket 1" in msg["text"]
    buttons = [b["text"] for b in msg["reply_markup"]["inline_keyboard"][0]]
    assert buttons == ["Panggil ulang", "Lewati", "Selesai"]
    # tap: call again, then done -> the patient goes on to the poli
    await nurse.press("Panggil ulang", message=msg)
    edit = await nurse.next_event("edit")
    assert "panggilan ke-2" in edit["message"]["text"]
    stale_panel = edit["message"]  # still shows a1's buttons
    await nurse.send("/done")
    assert f"{a1.number} selesai di Loket 1, lanjut ke Poli" in (await nurse.next_message(contains="selesai"))["text"]
    assert (await q.queue.view(a1.id)).phase == "poli"
    done_panel = nurse.messages[max(nurse.messages)]
    await nurse.press("Panggil berikutnya", message=done_panel)
    edit = await nurse.next_event("edit")
    assert a2.number in edit["message"]["text"]
    # the old panel's "Selesai" was made for a1: refused as stale, a2 untouched
    await nurse.press("Selesai", message=stale_panel)
    await nurse.wait_for(lambda e: e["kind"] == "callback_answer" and "tidak berlaku" in (e.get("text") or ""))
    assert (await q.queue.view(a2.id)).status == "called"
    # the remembered channel: plain /skip works on Loket 1
    await nurse.send("/skip")
    assert f"{a2.number} dilewati" in (await nurse.next_message(contains="dilewati"))["text"]
    await nurse.send("/call")
    assert "Tidak ada pasien yang menunggu untuk Loket 1" in (await nurse.next_message(contains="Loket 1"))["text"]
    actions = [(r.action, r.allowed, r.detail.get("number")) for r in await audit_rows(q)]
    assert ("call", True, a1.number) in actions and ("done", True, a1.number) in actions
    assert ("skip", True, a2.number) in actions
    assert any(r.detail.get("error") == "stale" for r in await audit_rows(q, "done"))


async def test_queue_lists_levels_isolation_and_masked_nik(clinic, nurse):
    q = clinic.services
    await add_patient_user(q, 555)

    async def add_patient(session):
        p = Patient(owner_id=555, name="SITI AMINAH", nik="3507124509900003", created_at=q.clock())
        session.add(p)
        await session.flush()
        return p.id

    pid = await q.db.run(add_patient)
    await issue(q, "A", user_id=555, patient_id=pid, conditions=["tbc"])
    await issue(q, "A", conditions=["hamil"])
    await nurse.send("/queue loket 2")
    text = (await nurse.next_message(contains="Antrean"))["text"]
    assert "2 menunggu" in text
    assert "SITI AMINAH (3507**********03)" in text and "3507124509900003" not in text
    assert "ISOLASI" in text and "Ibu hamil" in text
    assert text.index("A-002") < text.index("A-001")  # level 1 before level 2


async def test_transfer_pause_resume_and_done_to_the_next_phase(clinic, nurse):
    q = clinic.services
    a1 = await issue(q, "A")
    await nurse.send("/call Loket 1")
    await nurse.next_message(contains="Memanggil")
    await nurse.send("/transfer B")
    text = (await nurse.next_message(contains="dipindah"))["text"]
    assert f"{a1.number} dipindah ke Poli Gigi" in text
    view = await q.queue.view(a1.id)
    assert (view.service, view.phase, view.status) == ("B", "poli", "waiting")
    await nurse.send("/transfer Z")
    assert "tidak dikenal" in (await nurse.next_message())["text"]
    await nurse.send("/pause Ruang Gigi")
    assert "Ruang Gigi dijeda" in (await nurse.next_message())["text"]
    await nurse.send("/call")
    assert "sedang dijeda" in (await nurse.next_message())["text"]
    await nurse.send("/resume")
    assert "dibuka kembali" in (await nurse.next_message())["text"]
    await nurse.send("/call")
    assert f"Memanggil {a1.number}" in (await nurse.next_message())["text"]
    await nurse.send("/done")
    assert "lanjut ke Apotek" in (await nurse.next_message())["text"]
    await nurse.send("/recall")
    assert "Tidak ada pasien yang sedang dipanggil" in (await nurse.next_message())["text"]


async def test_patients_are_refused_every_staff_command_and_it_is_audited(clinic):
    q = clinic.services
    await issue(q, "A")
    patient = await clinic.user(first_name="Pak Joko")
    for cmd in ("/call Loket 1", "/recall", "/skip", "/done", "/transfer B", "/queue", "/pause", "/resume"):
        await patient.send(cmd)
        assert "hanya untuk petugas" in (await patient.next_message(contains="Maaf"))["text"]
    refused = [r for r in await audit_rows(q) if not r.allowed]
    assert sorted(r.action for r in refused) == sorted(
        ["call", "recall", "skip", "done", "transfer", "queue", "pause", "resume"])
    assert all(r.actor_id == patient.id and r.detail["role"] == "patient" for r in refused)
    assert len((await q.queue.snapshot("loket", "A")).waiting) == 1


async def test_a_patient_pressing_a_staff_button_is_refused(clinic, nurse):
    q = clinic.services
    await issue(q, "A")
    patient = await clinic.user(first_name="Pak Joko")
    # a patient pressing staff buttons (a panel sent to the wrong chat) gets nothing done
    await patient.send("/start")
    await patient.next_message()
    await nurse.send("/call Loket 1")
    msg = await nurse.next_message(contains="Memanggil")
    data = msg["reply_markup"]["inline_keyboard"][0][2]["callback_data"]
    bot = clinic.application.bot
    from telegram import InlineKeyboardMarkup

    await bot.send_message(patient.id, "panel", reply_markup=InlineKeyboardMarkup.de_json(msg["reply_markup"], bot))
    await patient.next_message()
    await patient.press(data=data)
    await patient.wait_for(lambda e: e["kind"] == "callback_answer" and "hanya untuk petugas" in (e.get("text") or ""))
    assert (await q.queue.current("Loket 1")) is not None
    assert any(not r.allowed and r.actor_id == patient.id for r in await audit_rows(q, "button"))


async def test_call_a_given_number_at_the_remembered_channel(clinic, nurse):
    q = clinic.services
    first, second = await issue(q, "A"), await issue(q, "A")
    await nurse.send("/call Loket 2")
    assert first.number in (await nurse.next_message(contains="Memanggil"))["text"]
    await nurse.send("/skip")
    await nurse.next_message(contains="dilewati")
    await nurse.send("/call A-099")
    assert "Nomor A-099 tidak sedang menunggu di antrean Loket 2" in (await nurse.next_message())["text"]
    await nurse.send(f"/call {second.number.lower()}")
    assert f"Memanggil {second.number} (Poli Umum) ke Loket 2" in (await nurse.next_message(contains="Memanggil"))["text"]
