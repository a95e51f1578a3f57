"""Main-menu buttons pressed while a registration conversation is still open."""
from __future__ import annotations

import datetime as dt

from queue_core.patients import PatientRepository

from .helpers import FakeKtpReader, start_system


async def _to_confirm(user) -> dict:
    await user.send("/daftar")
    await user.next_message(contains="foto KTP")
    await user.press("⌨️ Ketik data")
    for prompt, answer in (("NIK", "3507124509900003"), ("nama lengkap", "Siti Aminah"), ("tanggal lahir", "05-09-1990")):
        await user.next_message(contains=prompt)
        await user.send(answer)
    await user.next_message(contains="jenis kelamin")
    await user.press("Perempuan")
    await user.next_message(contains="alamat")
    await user.send("Jl. Mawar No. 12 RT 3 RW 5")
    return await user.next_message(contains="Periksa data")


async def _to_bpjs_prompt(user) -> None:
    await _to_confirm(user)
    await user.press("✅ Data benar")
    await user.next_message(contains="Nomor HP")
    await user.send("081234567890")
    await user.next_message(contains="BPJS")


async def test_a_menu_button_mid_registration_keeps_the_draft_and_says_what_is_pending(start_pusque):
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_bpjs_prompt(siti)
    await siti.send("🎫 Ambil antrean")
    await siti.next_message(contains="belum selesai")  # not read as a BPJS number, not a ticket yet
    await siti.send("0001234567890")
    await siti.next_message(contains="tersimpan")


async def test_the_ticket_button_works_when_the_patient_was_saved_but_the_conversation_end_was_not(start_pusque):
    """A SIGKILL after "Data tersimpan" was sent but before the conversation's end was stored
    leaves the patient in the last registration step; the menu must not be trapped there."""
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_bpjs_prompt(siti)
    services = system.application.bot_data["services"]
    repo = PatientRepository(services.db, services.clock)
    await repo.add(siti.id, relation="self", name="SITI AMINAH", nik="3507124509900003",
                   birth_date=dt.date(1990, 9, 5), sex="P", address="JL. MAWAR NO. 12 RT 3 RW 5", phone="081234567890")
    await siti.send("🎫 Ambil antrean")
    await siti.next_message(contains="Pilih poli")
    await siti.send("0001234567890")  # the conversation is over: not taken as a BPJS number
    reply = await siti.next_message()
    assert "tersimpan" not in (reply.get("text") or "")


async def test_the_menu_works_when_the_stored_step_has_no_draft_left(start_pusque):
    """Another chat's flush can store this user's data after the draft was dropped and before the
    conversation ended; a kill then leaves the last step with no draft: nothing to keep, so the
    menu button is carried out instead of trapping the patient in "unfinished"."""
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_bpjs_prompt(siti)
    system.application.user_data[siti.id].pop("reg")
    await siti.send("🎫 Ambil antrean")
    await siti.next_message(contains="belum terdaftar")  # the ticket flow's own answer, not "belum selesai"


async def test_the_bpjs_number_sent_again_after_a_crash_past_the_save_ends_the_form_not_restarts_it(start_pusque):
    """Saved, draft dropped, then killed before the conversation's end was stored: the patient,
    seeing no answer, sends the BPJS number again. They are told it is saved, never asked for
    the NIK again (6 of 500 rush patients were, before)."""
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_bpjs_prompt(siti)
    services = system.application.bot_data["services"]
    await PatientRepository(services.db, services.clock).add(
        siti.id, relation="self", name="SITI AMINAH", nik="3507124509900003", birth_date=dt.date(1990, 9, 5),
        sex="P", address="JL. MAWAR NO. 12 RT 3 RW 5", phone="081234567890")
    system.application.user_data[siti.id]["reg"]["draft"] = {}  # as _save leaves it after the save
    await siti.send("0001234567890")
    reply = await siti.next_message()
    assert reply["text"].startswith("✅ Data SITI AMINAH tersimpan")
    await siti.send("🎫 Ambil antrean")  # the conversation is over: the menu works
    await siti.next_message(contains="Pilih poli")


async def test_an_empty_draft_at_the_last_step_with_no_patient_asks_for_the_data(start_pusque):
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_bpjs_prompt(siti)
    system.application.user_data[siti.id]["reg"]["draft"] = {}  # lost, and nobody was saved
    await siti.send("0001234567890")
    await siti.next_message(contains="Ketik NIK")


async def test_after_data_benar_the_form_keeps_its_buttons_and_a_press_shows_the_phone_question_again(start_pusque):
    """No edit to take the form's buttons off (one send fewer per patient in a rush): a press on
    the old form after "Data benar" shows the step the patient is at, and loses nothing."""
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    confirm = await _to_confirm(siti)
    await siti.press("✅ Data benar", message=confirm)
    await siti.next_message(contains="Nomor HP")
    await siti.press("✏️ Nama", message=confirm)
    await siti.nothing_before(None, "Nomor HP", unwanted="nama lengkap")
    await siti.send("081234567890")
    await siti.next_message(contains="BPJS")
    await siti.press_reply("Lewati")
    await siti.next_message(contains="tersimpan")
    services = system.application.bot_data["services"]
    saved = await PatientRepository(services.db, services.clock).patients_of(siti.id)
    assert [(p.name, p.phone) for p in saved] == [("SITI AMINAH", "081234567890")]


async def test_a_phone_number_typed_at_the_confirm_is_the_lost_step_after_data_benar(start_pusque):
    """A SIGKILL after the phone question went out and before the step was stored: the patient
    answers the phone question while the bot still holds the confirm."""
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_confirm(siti)
    await siti.send("0812 3456 7890")
    await siti.next_message(contains="BPJS")
    await siti.send("0001234567890")
    await siti.next_message(contains="tersimpan")
    services = system.application.bot_data["services"]
    saved = await PatientRepository(services.db, services.clock).patients_of(siti.id)
    assert [(p.name, p.phone) for p in saved] == [("SITI AMINAH", "081234567890")]
