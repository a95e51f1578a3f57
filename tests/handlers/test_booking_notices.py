"""How booked numbers' notices read (renderers of handlers/booking_notices.py and the booked ticket
caption), in Indonesian and English: the date, the poli, the doctor, the time to come, and the
"✅ Saya sudah tiba" button wherever a text names it."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from handlers import booking_notices
from handlers.ticket_notice import issued
from settings import load_settings

PAYLOAD = {"number": "B-001", "service": "B", "ticket_id": 5, "day": "2026-11-25", "start": "08:00",
           "checkin_by": "09:00", "doctor": "drg. Ayu", "reason": "alat rusak"}
pytestmark = pytest.mark.usefixtures("texts")  # the renderers read bot.i18n: given the app's tables
ARRIVED = {"id": "✅ Saya sudah tiba", "en": "✅ I have arrived"}
ADVICE = {"come_at": "2026-11-25T08:20:00", "from": "2026-11-25T08:30:00", "to": "2026-11-25T08:55:00",
          "expected": "2026-11-25T08:40:00", "source": "config"}
COME = {"id": "Poli buka 08:00. Datang jam 08:20 (perkiraan dipanggil 08:30-08:55), check-in paling lambat 09:00",
        "en": "The service opens 08:00. Come at 08:20 (expected call 08:30-08:55), check in by 09:00"}


def buttons(message) -> list[str]:
    markup = message.reply_markup
    return [b.text for row in markup.inline_keyboard for b in row] if markup else []


@pytest.mark.parametrize("lang, date, service", [("id", "Rabu 25 Nov 2026", "Poli Gigi"),
                                                 ("en", "Wednesday 25 Nov 2026", "Dental clinic")])
def test_reminders_give_the_date_poli_doctor_and_time_to_come(lang, date, service):
    settings = load_settings(env={})
    for which in ("evening", "morning"):
        payload = {**PAYLOAD, "which": which, "advice": ADVICE}
        message = booking_notices.reminder(SimpleNamespace(payload=payload), lang, settings)
        assert date in message.text and service in message.text and "drg. Ayu" in message.text
        assert COME[lang] in message.text and ARRIVED[lang] in message.text
        # the evening one names the button for the day itself; the morning one carries it
        assert buttons(message) == ([ARRIVED[lang]] if which == "morning" else [])


def test_a_reminder_written_without_advice_still_gives_the_opening_and_the_check_in():
    """A reminder row written before reminders carried advice (still in the outbox at the upgrade)."""
    message = booking_notices.reminder(SimpleNamespace(payload={**PAYLOAD, "which": "evening"}), "id",
                                       load_settings(env={}))
    assert "Poli buka 08:00. Datanglah dan check-in paling lambat 09:00" in message.text
    assert "Datang jam" not in message.text


def test_a_closed_day_a_missed_check_in_and_a_no_show_say_what_happened():
    settings = load_settings(env={})
    notice = SimpleNamespace(payload=PAYLOAD)
    closed = booking_notices.booking_closed(notice, "id", settings).text
    assert closed.startswith("❌ Poli Gigi tutup pada Rabu 25 Nov 2026: alat rusak. Nomor B-001 Anda dibatalkan.")
    missed = booking_notices.checkin_missed(notice, "id", settings)
    assert "Nomor tetap berlaku" in missed.text and buttons(missed) == ["✅ Saya sudah tiba"]
    assert "dibatalkan" in booking_notices.no_show(notice, "id", settings).text


def test_a_booked_ticket_shows_its_date_doctor_and_check_in_instead_of_a_position():
    settings = load_settings(env={})
    payload = {**PAYLOAD, "booked": True, "issued_at": "2026-11-23T21:47:00", "name": "SITI AMINAH",
               "patient_id": 1, "phase": "loket", "position": None, "minutes": None}
    message = issued(SimpleNamespace(payload=payload), "id", settings)
    assert "Tanggal: Rabu 25 Nov 2026" in message.text and "Dokter: drg. Ayu" in message.text
    assert "Posisi" not in message.text and "paling lambat 09:00" in message.text
    assert buttons(message) == ["📋 Status", "❌ Batalkan", "✅ Saya sudah tiba"]
    assert message.photo[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_booked_ticket_says_when_to_come_with_the_opening_and_the_check_in(lang):
    payload = {**PAYLOAD, "booked": True, "issued_at": "2026-11-23T21:47:00", "name": "SITI AMINAH",
               "patient_id": 1, "phase": "loket", "position": None, "minutes": None, "advice": ADVICE}
    message = issued(SimpleNamespace(payload=payload), lang, load_settings(env={}))
    assert COME[lang] in message.text, message.text
    assert ARRIVED[lang].split(" ", 1)[1] in message.text
    assert buttons(message)[-1] == ARRIVED[lang], "no trip buttons: the patient comes on the day"
