"""/klinik → ✏️ Ubah for doctors and counters, end to end against the local Bot API: the admin renames
a doctor and changes their services, and renames a counter, each shown before and after and saved
through the same store as the web API (audited, via chat, at once: a nurse calls at the new name);
a change the store refuses says why with the count and changes nothing."""
from __future__ import annotations

from handlers.admin_clinic_doctors import store as doctor_store
from tests.staff.conftest import ADMIN_ID, audit_rows
from tests.staff.test_admin_clinic_chat import api, pressed
from tests.staff.test_counters_live import buttons, counters_list, finish_loket_and_poli


async def doctor_edit(admin, name: str, what: str) -> dict:
    """/klinik → Dokter → `name` → ✏️ Ubah → `what`: the next question."""
    await admin.send("/klinik")
    listing = await pressed(admin, "👩‍⚕️ Dokter", await admin.next_message(contains="Kelola klinik"))
    item = await pressed(admin, name, listing)
    which = await pressed(admin, "✏️ Ubah", item, contains=f"Apa yang diubah dari {name}?")
    assert buttons(which) == ["Nama", "Layanan", "Batal"]
    return await pressed(admin, what, which)


async def toggle(admin, label: str, message: dict) -> dict:
    await admin.press(label, message=message)
    return (await admin.wait_for(lambda e: e["kind"] == "edit" and "reply_markup" in e["message"], what="marks"))["message"]


async def test_an_admin_renames_a_doctor_and_changes_their_services_in_chat(clinic, admin):
    q = clinic.services
    sari = await doctor_store(q).create_doctor({"name": "dr. Sari", "services": ["A"]}, {"via": "test"})
    ask = await doctor_edit(admin, "dr. Sari", "Nama")
    assert "Nama baru untuk dr. Sari" in ask["text"]
    await admin.send("dr. Sari Dewi")
    confirm = await admin.next_message(contains="Periksa perubahan")
    assert "Sebelum:\ndr. Sari (aktif) — Poli Umum" in confirm["text"]
    assert "Sesudah:\ndr. Sari Dewi (aktif) — Poli Umum" in confirm["text"]
    assert "✅ Dokter dr. Sari Dewi diubah" in (await pressed(admin, "Ya, simpan", confirm))["text"]

    pick = await doctor_edit(admin, "dr. Sari Dewi", "Layanan")
    assert "Layanan yang dilayani dokter ini" in pick["text"] and "✅ Poli Umum" in buttons(pick), "ticked as now"
    assert "✅ Poli Gigi" in buttons(await toggle(admin, "Poli Gigi", pick))
    confirm = await pressed(admin, "Lanjut ➡️", contains="Periksa perubahan")
    assert "Sesudah:\ndr. Sari Dewi (aktif) — Poli Umum, Poli Gigi" in confirm["text"]
    assert "diubah" in (await pressed(admin, "Ya, simpan", confirm))["text"]

    changed = [{"id": sari["id"], "name": "dr. Sari Dewi", "services": ["A", "B"], "active": True}]
    assert (await api(clinic, "/api/doctors"))["doctors"] == changed
    rows = await audit_rows(q, "clinic_doctor_update")
    assert [(r.actor_id, r.detail["via"], r.detail["before"]["name"], r.detail["after"]["name"]) for r in rows] == [
        (ADMIN_ID, "chat", "dr. Sari", "dr. Sari Dewi"), (ADMIN_ID, "chat", "dr. Sari Dewi", "dr. Sari Dewi")]
    assert (rows[1].detail["before"]["services"], rows[1].detail["after"]["services"]) == (["A"], ["A", "B"])

    await doctor_store(q).create_schedule({"doctor": sari["id"], "service": "A", "weekday": 1, "start": "07:30",
                                           "end": "12:00", "room": "Ruang 1"}, {"via": "test"})
    await q.queue.issue(service="A", user_id=None, doctor=sari["id"])  # a patient chose her for Poli Umum today
    pick = await doctor_edit(admin, "dr. Sari Dewi", "Layanan")
    await toggle(admin, "✅ Poli Umum", pick)
    confirm = await pressed(admin, "Lanjut ➡️", contains="Periksa perubahan")
    assert "Sesudah:\ndr. Sari Dewi (aktif) — Poli Gigi" in confirm["text"]
    refused = await pressed(admin, "Ya, simpan", confirm)
    assert "Ditolak: 1 pasien (hari ini atau yang sudah memesan) memilih dokter ini" in refused["text"]
    assert "Tidak ada yang diubah" in refused["text"]
    assert (await api(clinic, "/api/doctors"))["doctors"] == changed
    assert len(await audit_rows(q, "clinic_doctor_update")) == 2


async def test_an_admin_renames_a_counter_and_a_refused_services_change_changes_nothing(clinic, admin, nurse):
    q = clinic.services
    await finish_loket_and_poli(q, 1)  # one patient waits at the apotek, whose only counter is Apotek
    listing = await counters_list(admin)
    which = await pressed(admin, "✏️ Ubah Apotek", listing, contains="Apa yang diubah dari Apotek?")
    pick = await pressed(admin, "Layanan", which, contains="Layanan yang dilayani")
    assert "✅ semua layanan" in buttons(pick), "ticked as now"
    await toggle(admin, "✅ semua layanan", pick)
    await toggle(admin, "Poli Gigi", pick)
    confirm = await pressed(admin, "Lanjut ➡️", contains="Periksa perubahan")
    assert "Sebelum:\nApotek — " in confirm["text"] and "semua layanan" in confirm["text"]
    assert confirm["text"].rstrip().endswith(": Poli Gigi")
    refused = await pressed(admin, "Ya, simpan", confirm)
    assert "Ditolak: tanpa loket ini tidak ada loket lain di tahapnya yang melayani" in refused["text"]
    assert "Poli Umum" in refused["text"] and "(1 pasien menunggu)" in refused["text"]
    apotek = next(c for c in (await api(clinic, "/api/counters"))["counters"] if c["name"] == "Apotek")
    assert apotek["services"] == "*", "refused: nothing changed"

    listing = await counters_list(admin)
    which = await pressed(admin, "✏️ Ubah Loket 2", listing, contains="Apa yang diubah dari Loket 2?")
    await pressed(admin, "Nama", which, contains="Nama baru untuk Loket 2")
    await admin.send("Loket Lansia")
    confirm = await admin.next_message(contains="Periksa perubahan")
    assert "Sebelum:\nLoket 2 — Loket Pendaftaran" in confirm["text"]
    assert "Sesudah:\nLoket Lansia — Loket Pendaftaran" in confirm["text"]
    assert "✅ Loket Lansia diubah; berlaku sekarang." in (await pressed(admin, "Ya, simpan", confirm))["text"]

    ticket = await q.queue.issue(service="A", user_id=None)
    await nurse.send("/call Loket Lansia")  # at once: the queue's channels follow the catalog
    called = await nurse.next_message(contains="Memanggil")
    assert f"Memanggil {ticket.number} (Poli Umum) ke Loket Lansia" in called["text"]
    names = [c["name"] for c in (await api(clinic, "/api/counters"))["counters"]]
    assert "Loket Lansia" in names and "Loket 2" not in names
    rows = [r for r in await audit_rows(q, "clinic_counter_update") if r.allowed]
    assert [(r.actor_id, r.detail["via"], r.detail["before"]["name"], r.detail["after"]["name"]) for r in rows] == [
        (ADMIN_ID, "chat", "Loket 2", "Loket Lansia")]
