"""A patient corrects their own data from /data: each field with the registration's checks, the
NIK left to staff, every change audited, the new value what the counter sees; a pending edit never
swallows an emergency and a stale button changes nothing."""
from __future__ import annotations

from sqlalchemy import select

from queue_core.models import AuditLog, Patient
from tests.handlers.helpers import register_typed, start_system


async def _open_edit(siti):
    await siti.send("/data")
    data = await siti.next_message(contains="Data yang kami simpan")
    edit = [b["text"] for row in data["reply_markup"]["inline_keyboard"] for b in row if b["text"].startswith("✏️")]
    assert len(edit) == 1 and "SITI AMINAH" in edit[0].upper()
    await siti.press(edit[0], message=data)
    return await siti.next_message(contains="mana yang mau diubah")


async def test_a_patient_changes_their_address_and_the_record_shows_it(start_pusque):
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    services = system.application.bot_data["services"]
    menu = await _open_edit(siti)
    assert "NIK hanya bisa diubah oleh petugas" in menu["text"]
    labels = [b["text"] for row in menu["reply_markup"]["inline_keyboard"] for b in row]
    assert "NIK" not in labels and "Alamat" in labels
    await siti.press("Alamat", message=menu)
    await siti.next_message(contains="Ketik Alamat yang baru")
    await siti.send("Jl. Kenanga No. 7, Malang")
    assert "Tersimpan: Alamat sekarang JL. KENANGA NO. 7, MALANG" in (await siti.next_message())["text"]
    patient = await services.db.run(lambda s: s.scalar(select(Patient)))
    assert patient.address == "JL. KENANGA NO. 7, MALANG"  # written as registration writes it
    audit = await services.db.run(lambda s: s.scalar(select(AuditLog).where(AuditLog.action == "patient_edit")))
    assert audit.actor_id == siti.id and audit.detail["field"] == "address"
    assert audit.detail["after"] == "JL. KENANGA NO. 7, MALANG" and audit.detail["before"] != audit.detail["after"]


async def test_a_bad_value_is_refused_with_the_registration_check_and_asked_again(start_pusque):
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    menu = await _open_edit(siti)
    await siti.press("Tgl lahir", message=menu)
    await siti.next_message(contains="yang baru")
    await siti.send("kemarin sore")
    assert "Silakan ketik lagi" in (await siti.next_message())["text"]
    await siti.send("06-09-1990")
    assert "Tersimpan: Tgl lahir sekarang 06-09-1990" in (await siti.next_message())["text"]
    services = system.application.bot_data["services"]
    patient = await services.db.run(lambda s: s.scalar(select(Patient)))
    assert patient.birth_date.isoformat() == "1990-09-06"


async def test_an_emergency_typed_during_an_edit_is_an_emergency(start_pusque):
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    menu = await _open_edit(siti)
    await siti.press("Nama", message=menu)
    await siti.next_message(contains="yang baru")
    await siti.send("tolong anak saya kejang kejang tidak sadar")
    assert "119" in (await siti.next_message())["text"]
    services = system.application.bot_data["services"]
    patient = await services.db.run(lambda s: s.scalar(select(Patient)))
    assert patient.name.upper() == "SITI AMINAH", "the emergency was not taken as the new name"
