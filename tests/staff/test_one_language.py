"""One language at a time (issue 20): whoever chose Indonesian reads only Indonesian, whoever
chose English reads only English: /help, the staff's /call replies and panel, /queue, the admin's
broadcast confirmation and the command menu."""
from __future__ import annotations

ENGLISH_ONLY = ("Available commands", "Calling", "Send this announcement", "Phone:", "Call again")
INDONESIAN_ONLY = ("Perintah yang tersedia", "Memanggil", "Kirim pengumuman", "Telepon:", "Panggil ulang")


def _words(message: dict) -> str:
    buttons = [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
    return "\n".join([message.get("text") or message.get("caption") or "", *buttons])


async def _choose(user, label: str, reply: str) -> None:
    await user.send("/bahasa")
    ask = await user.next_message()
    await user.press(label, message=ask)
    await user.next_message(contains=reply)


async def test_a_nurse_who_chose_english_reads_english_only(clinic, nurse):
    await _choose(nurse, "🇬🇧 English", "English")
    await nurse.send("/help")
    help_text = _words(await nurse.next_message(contains="commands"))
    assert "Available commands" in help_text and "/call - Call next" in help_text
    assert not [w for w in INDONESIAN_ONLY if w in help_text]
    ticket = await clinic.services.queue.issue(service="A", user_id=None, conditions=["hamil"])
    await nurse.send("/call Loket 1")
    called = _words(await nurse.next_message(contains="Calling"))
    assert f"Calling {ticket.number} (General clinic) to Loket 1" in called
    assert "Priority 1" in called  # the priority line is not dropped in English
    assert "Call again" in called and not [w for w in INDONESIAN_ONLY if w in called]
    assert "call" in await nurse.menu()


async def test_a_nurse_in_indonesian_and_an_admin_read_indonesian_only(clinic, nurse, admin):
    await _choose(nurse, "🇮🇩 Bahasa Indonesia", "Indonesia")
    await clinic.services.queue.issue(service="A", user_id=None)
    await nurse.send("/call Loket 1")
    called = _words(await nurse.next_message(contains="Memanggil"))
    assert "Panggil ulang" in called and not [w for w in ENGLISH_ONLY if w in called]
    await nurse.send("/queue")
    await nurse.send("/help")
    help_text = _words(await nurse.next_message(contains="Perintah"))
    assert "Perintah yang tersedia" in help_text and not [w for w in ENGLISH_ONLY if w in help_text]
    await admin.send("/broadcast all Puskesmas tutup besok")
    confirm = _words(await admin.next_message(contains="pengumuman"))
    assert "Kirim pengumuman ini ke semua pasien" in confirm
    assert not [w for w in ENGLISH_ONLY if w in confirm] and "patients" not in confirm


async def test_an_english_admin_confirms_a_broadcast_in_english_with_the_text_in_view(clinic, admin):
    await _choose(admin, "🇬🇧 English", "English")
    await admin.send("/broadcast all Clinic closed tomorrow")
    confirm = _words(await admin.next_message(contains="announcement"))
    assert "Send this announcement to all patients" in confirm and "Clinic closed tomorrow" in confirm
    assert "Send" in confirm and "Kirim" not in confirm and "pasien" not in confirm


async def test_a_new_user_whose_telegram_is_english_is_greeted_in_english_until_they_choose(clinic):
    tourist = await clinic.user(first_name="Sam", language_code="en")
    await tourist.send("/start")
    welcome = _words(await tourist.next_message(contains="Welcome"))
    assert "Selamat datang" not in welcome
    await tourist.send("/bahasa")
    await tourist.press("🇮🇩 Bahasa Indonesia", message=await tourist.next_message(contains="Choose your language"))
    await tourist.next_message(contains="Bahasa diatur")
    await tourist.send("/help")
    help_text = _words(await tourist.next_message(contains="Perintah"))
    assert not [w for w in ENGLISH_ONLY if w in help_text]
