"""Texts of booking ahead: the next open day, choosing a day and a doctor, the booked ticket, the
check-in, reminders, a missed check-in and a closed booked day. Indonesian first, English second."""
from __future__ import annotations

import datetime as dt

DAYS = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
MONTHS = {"id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
          "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def weekday_name(day: dt.date, lang: str) -> str:
    return DAYS["en" if lang == "en" else "id"][day.weekday()]


def day_label(day: dt.date, lang: str) -> str:
    """"Rabu 25 Nov" / "Wednesday 25 Nov": the weekday a patient thinks in, and the date."""
    key = "en" if lang == "en" else "id"
    return f"{DAYS[key][day.weekday()]} {day.day} {MONTHS[key][day.month - 1]}"


def full_date(day: dt.date, lang: str) -> str:
    return f"{day_label(day, lang)} {day.year}"


TEXTS: dict[str, dict[str, str]] = {
    "bk.closed_now": {"id": "Poli tutup sekarang. Buka lagi {weekday} {start}. Ambil nomor untuk {weekday}?",
                      "en": "The clinic is closed now. It opens again {weekday} {start}. Take a number for {weekday}?"},
    "bk.none_ahead": {"id": "Maaf, dalam {days} hari ke depan tidak ada poli yang bisa dipesan. Jam pendaftaran:\n{hours}",
                      "en": "Sorry, no service can be booked in the next {days} days. Registration hours:\n{hours}"},
    "bk.btn.yes": {"id": "✅ Ya, {day}", "en": "✅ Yes, {day}"},
    "bk.btn.other_day": {"id": "📅 Hari lain", "en": "📅 Another day"},
    "bk.pick_day": {"id": "Untuk hari apa?", "en": "For which day?"},
    "bk.btn.today": {"id": "Hari ini", "en": "Today"},
    "bk.day_services": {"id": "Poli yang buka {day}:", "en": "Services open on {day}:"},
    "bk.day_full": {"id": "penuh", "en": "full"},
    "bk.for_day": {"id": "📅 Nomor untuk {day}, poli buka {start}.", "en": "📅 A number for {day}; the service opens {start}."},
    "bk.doctor_any": {"id": "👨‍⚕️ Dokter: siapa saja (tercepat) — ganti", "en": "👨‍⚕️ Doctor: any (fastest) — change"},
    "bk.doctor_chosen": {"id": "👨‍⚕️ Dokter: {doctor} — ganti", "en": "👨‍⚕️ Doctor: {doctor} — change"},
    "bk.pick_doctor": {"id": "Pilih dokter untuk {day}:", "en": "Choose the doctor for {day}:"},
    "bk.btn.any_doctor": {"id": "Dokter siapa saja (tercepat)", "en": "Any doctor (fastest)"},
    "bk.doctor_line": {"id": "Dokter: {doctor}", "en": "Doctor: {doctor}"},
    "bk.taken": {"id": "✅ Nomor {number} untuk {service}, {day}, sudah dicatat. Tiket dengan kode QR dikirim sebentar lagi.",
                 "en": "✅ Number {number} for {service}, {day}, is booked. The ticket with its QR code follows shortly."},
    "bk.closed_day": {"id": "{service} tidak buka pada {day}. Silakan pilih hari lain.",
                      "en": "{service} is not open on {day}. Please choose another day."},
    "bk.day_none": {"id": "Tidak ada poli yang bisa dipesan pada {day}. Tekan \"🎫 Ambil antrean\" untuk memilih hari lain.",
                    "en": "No service can be booked on {day}. Press \"🎫 Take a number\" to choose another day."},
    "bk.doctor_gone": {"id": "Dokter itu tidak praktik di {service} pada {day}. Silakan pilih lagi.",
                       "en": "That doctor does not practise in {service} on {day}. Please choose again."},
    "bk.doctor_full": {"id": "Kuota dokter itu pada {day} sudah penuh ({quota}). Pilih dokter lain atau \"dokter siapa saja\".",
                       "en": "That doctor's quota on {day} is used up ({quota}). Choose another doctor or \"any doctor\"."},
    "bk.day_full_msg": {"id": "Kuota {service} pada {day} sudah penuh ({quota}). Silakan pilih hari lain.",
                        "en": "The quota of {service} on {day} is used up ({quota}). Please choose another day."},
    "bk.issued": {"id": "🎫 Nomor antrean Anda: {number}\nPasien: {name}\nLayanan: {service}\nTanggal: {date}",
                  "en": "🎫 Your queue number: {number}\nPatient: {name}\nService: {service}\nDate: {date}"},
    "bk.date_line": {"id": "Tanggal: {date}", "en": "Date: {date}"},
    "bk.come": {"id": "Poli buka {start}. Datanglah dan check-in paling lambat {checkin_by}: tunjukkan kode QR di loket, "
                      "atau tekan \"✅ Saya sudah tiba\" saat sudah di puskesmas.",
                "en": "The service opens {start}. Come and check in by {checkin_by}: show the QR code at the counter, "
                      "or press \"✅ I have arrived\" once you are at the clinic."},
    "bk.come_at": {"id": "Poli buka {start}. Datang jam {come} (perkiraan dipanggil {called_from}-{called_to}), "
                         "check-in paling lambat {checkin_by}: tunjukkan kode QR di loket, atau tekan \"✅ Saya sudah "
                         "tiba\" saat sudah di puskesmas.",
                   "en": "The service opens {start}. Come at {come} (expected call {called_from}-{called_to}), check "
                         "in by {checkin_by}: show the QR code at the counter, or press \"✅ I have arrived\" once "
                         "you are at the clinic."},
    "bk.late_rule": {"id": "Belum check-in sampai {checkin_by}: nomor Anda masuk antrean paling akhir di kelompok prioritas "
                           "Anda; bila dalam 90 hari terakhir Anda sudah pernah tidak check-in, nomor ini dibatalkan.",
                     "en": "Not checked in by {checkin_by}: your number joins the end of your priority group; if you "
                           "already missed a check-in in the last 90 days, this number is cancelled."},
    "bk.btn.arrived": {"id": "✅ Saya sudah tiba", "en": "✅ I have arrived"},
    "bk.arrived": {"id": "✅ Check-in berhasil. Nomor {number} masuk antrean.", "en": "✅ Checked in. Number {number} is in the queue."},
    "bk.arrive_other_day": {"id": "Nomor {number} untuk {day}. Check-in bisa dilakukan pada hari itu.",
                            "en": "Number {number} is for {day}. You can check in on that day."},
    "bk.arrived_already": {"id": "Nomor {number} sudah check-in. Ketik /status untuk melihat posisi.",
                           "en": "Number {number} is checked in already. Type /status to see your place."},
    "bk.reminder.evening": {"id": "🔔 Pengingat: besok, {date}, Anda punya nomor {number} di {service}.",
                            "en": "🔔 Reminder: tomorrow, {date}, you hold number {number} for {service}."},
    "bk.reminder.morning": {"id": "🔔 Pengingat: hari ini, {date}, Anda punya nomor {number} di {service}.",
                            "en": "🔔 Reminder: today, {date}, you hold number {number} for {service}."},
    "bk.missed": {"id": "⏰ Nomor {number} ({service}) belum check-in sampai {checkin_by}. Nomor tetap berlaku: saat Anda "
                        "check-in, nomor masuk antrean paling akhir di kelompok prioritas Anda. Bila dalam 90 hari ke depan "
                        "ada lagi nomor pesanan Anda yang tidak check-in, nomor itu dibatalkan.",
                  "en": "⏰ Number {number} ({service}) was not checked in by {checkin_by}. It stays valid: when you check "
                        "in, it joins the end of your priority group. If another booked number of yours is not checked in "
                        "within the next 90 days, that number is cancelled."},
    "bk.no_show": {"id": "❌ Nomor {number} ({service}, {date}) dibatalkan: belum check-in sampai {checkin_by}, dan ini "
                          "bukan yang pertama. Tempatnya diberikan ke pasien lain. Anda tetap bisa mengambil nomor baru.",
                   "en": "❌ Number {number} ({service}, {date}) is cancelled: not checked in by {checkin_by}, and not for "
                         "the first time. Its place goes to another patient. You can still take a new number."},
    "bk.closed_notice": {"id": "❌ {service} tutup pada {date}: {reason}. Nomor {number} Anda dibatalkan. Silakan ambil "
                                "nomor untuk hari lain lewat \"🎫 Ambil antrean\".",
                         "en": "❌ {service} is closed on {date}: {reason}. Your number {number} is cancelled. Please take "
                               "a number for another day with \"🎫 Take a number\"."},
    "status.booked": {"id": "dipesan, belum check-in", "en": "booked, not checked in yet"},
    # per-doctor queues: the chosen doctor's room, and a doctor's patients moved
    "bk.doctor_room_line": {"id": "Dokter: {doctor}, {room}", "en": "Doctor: {doctor}, {room}"},
    "bk.doctor_changed": {"id": "ℹ️ Nomor {number} ({service}, {date}): dokter pilihan Anda berhalangan. Anda sekarang "
                                "dilayani oleh {doctor}. Nomor dan urutan Anda tetap.",
                          "en": "ℹ️ Number {number} ({service}, {date}): the doctor you chose is unavailable. You are "
                                "now seen by {doctor}. Your number and place stay the same."},
    "bk.doctor_changed_any": {"id": "ℹ️ Nomor {number} ({service}, {date}): dokter pilihan Anda berhalangan. Anda "
                                    "sekarang dilayani dokter siapa saja (yang tercepat). Nomor dan urutan Anda tetap.",
                              "en": "ℹ️ Number {number} ({service}, {date}): the doctor you chose is unavailable. You are "
                                    "now seen by any doctor (the fastest). Your number and place stay the same."},
}
