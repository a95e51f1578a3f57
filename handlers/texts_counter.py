"""Texts of the staff's /cancel and of clearing a queue from /queue (Indonesian first)."""
from __future__ import annotations

# Reasons offered when a queue is cleared from the chat; the Indonesian text is what patients are told.
CLEAR_REASONS = ("doctor", "closed", "full", "outage")

TEXTS: dict[str, dict[str, str]] = {
    "counter.cancel_usage": {"id": "Cara pakai: /cancel NOMOR ALASAN, mis. /cancel A-007 pasien pulang",
                             "en": "Usage: /cancel NUMBER REASON, e.g. /cancel A-007 patient went home"},
    "counter.cancelled": {"id": "Nomor {number} dibatalkan. Alasan: {reason}",
                          "en": "Number {number} cancelled. Reason: {reason}"},
    "counter.told": {"id": "Pasien diberi tahu lewat chat.", "en": "The patient is told in the chat."},
    "counter.not_told": {"id": "Pasien ini tidak memakai Telegram: beri tahu langsung.",
                         "en": "This patient has no Telegram: tell them in person."},
    "counter.clear_button": {"id": "🗑 Kosongkan antrean {service}", "en": "🗑 Clear the {service} queue"},
    "counter.clear_confirm": {
        "id": "Kosongkan antrean {service}? {n} pasien yang menunggu ({phases}) akan dibatalkan dan diberi tahu "
              "alasannya. Pasien yang sedang dipanggil/dilayani dan yang sudah menunggu di tahap sesudahnya tidak "
              "terpengaruh.\nPilih alasan untuk melanjutkan, atau Batal.",
        "en": "Clear the {service} queue? {n} waiting patients ({phases}) will be cancelled and told why. Patients "
              "being called or served, and those already in a later phase, are not affected.\nChoose a reason "
              "to go on, or Cancel.",
    },
    "counter.cleared": {"id": "Antrean {service} dikosongkan: {n} nomor dibatalkan ({numbers}). Alasan: {reason}",
                        "en": "The {service} queue was cleared: {n} numbers cancelled ({numbers}). Reason: {reason}"},
    "counter.clear_nothing": {"id": "Tidak ada pasien yang menunggu di antrean {service}.",
                              "en": "Nobody is waiting in the {service} queue."},
    "counter.clear_kept": {"id": "Antrean {service} tidak dikosongkan.", "en": "The {service} queue was not cleared."},
    "counter.reason.doctor": {"id": "Dokter berhalangan hadir", "en": "The doctor is unavailable"},
    "counter.reason.closed": {"id": "Layanan ditutup lebih awal hari ini", "en": "The service closes early today"},
    "counter.reason.full": {"id": "Kapasitas layanan hari ini sudah penuh", "en": "Today's capacity is used up"},
    "counter.reason.outage": {"id": "Gangguan listrik/sistem di puskesmas",
                              "en": "A power or system outage at the clinic"},
    "counter.code": {
        "id": "Kode masuk halaman loket: {code}\nBerlaku {minutes} menit (sampai jam {until}) dan hanya sekali. Ketik kode "
              "ini di halaman loket (halaman \"counter\" di server web PusQue; admin tahu alamatnya). Jangan "
              "berikan kode ini kepada siapa pun.",
        "en": "Counter page sign-in code: {code}\nValid for {minutes} minutes (until {until}), once. Type it on "
              "the counter page (the \"counter\" page of PusQue's web server; the admin knows its address). Do not "
              "give it to anyone.",
    },
}


def note_in(note: str, lang: str) -> str:
    """A clearing reason chosen from the buttons is stored in Indonesian; a patient reads it in their own
    language. A reason typed by staff is shown as they typed it."""
    for key in CLEAR_REASONS:
        if note == TEXTS[f"counter.reason.{key}"]["id"]:
            return TEXTS[f"counter.reason.{key}"][lang if lang in ("id", "en") else "id"]
    return note
