"""A registration button or answer that belongs to another step (issue 19): the current step is
shown again with its buttons; "start again" only when there is no draft to continue."""
from __future__ import annotations

from .helpers import FakeKtpReader, start_system
from .test_registration_menu import _to_confirm

STALE = "sudah tidak berlaku"


async def test_data_benar_on_a_form_left_behind_shows_the_step_the_patient_is_at(start_pusque):
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    old = await _to_confirm(siti)
    await siti.press("✏️ Nama", message=old)
    await siti.next_message(contains="nama lengkap")
    await siti.press("✅ Data benar", message=old)  # the same form, still with its buttons
    again = await siti.next_message()
    assert "Ketik nama lengkap" in again["text"] and STALE not in again["text"]
    await siti.send("Siti Aminah Rahayu")
    form = await siti.next_message(contains="Periksa data")
    assert "SITI AMINAH RAHAYU" in form["text"]
    await siti.press("✅ Data benar", message=form)
    await siti.next_message(contains="Nomor HP")
    await siti.press("✅ Data benar", message=siti.messages[old["message_id"]])  # the old form: the phone question again
    again = await siti.next_message()
    assert again["text"].startswith("Nomor HP") and STALE not in again["text"]


async def test_an_answer_typed_again_at_the_confirm_shows_the_form(start_pusque):
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    await _to_confirm(siti)
    await siti.send("Jl. Mawar No. 12 RT 3 RW 5")  # the address again, as after a lost reply
    form = await siti.next_message()
    assert form["text"].startswith("Periksa data")
    assert any(b["text"] == "✅ Data benar" for row in form["reply_markup"]["inline_keyboard"] for b in row)


async def test_a_registration_button_with_no_draft_says_start_again(start_pusque):
    system = await start_system(start_pusque, ktp_reader=FakeKtpReader())
    siti = await system.user(first_name="Siti")
    form = await _to_confirm(siti)
    await siti.send("/batal")
    await siti.next_message(contains="dibatalkan")
    await siti.press("✅ Data benar", message=form)
    await siti.next_message(contains=STALE)  # nothing to continue: true
