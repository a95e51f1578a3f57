"""Texts of emergencies: the answer to the patient, and the staff alert with its button.

Indonesian first; English when the patient chose it. Staff alerts are in Indonesian (the staff's
language), like the other staff notices.
"""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "em.now": {
        "id": "🚨 Ini terdengar GAWAT DARURAT. Jangan menunggu antrean atau balasan chat:\n"
              "• segera bawa pasien ke {unit}, atau\n"
              "• telepon {number} (gawat darurat/ambulans) sekarang.\n"
              "Telepon puskesmas: {phone}.",
        "en": "🚨 This sounds like an EMERGENCY. Do not wait for the queue or for a chat reply:\n"
              "• take the patient to {unit} now, or\n"
              "• call {number} (emergency/ambulance) now.\n"
              "Clinic phone: {phone}.",
    },
    "em.alerted": {"id": "✅ Petugas puskesmas sudah diberi tahu tentang laporan Anda.",
                   "en": "✅ The clinic's staff have been alerted to your report."},
    "em.not_alerted": {
        "id": "⚠️ Petugas belum bisa diberi tahu lewat bot. Jangan menunggu: telepon {phone} atau {number} sekarang.",
        "en": "⚠️ The staff could not be alerted through the bot. Do not wait: call {phone} or {number} now.",
    },
    "em.resume": {"id": "Data pendaftaran yang sudah Anda isi tetap tersimpan: bila sudah aman, jawab lagi "
                        "pertanyaan terakhir di atas.",
                  "en": "The registration data you have entered is kept: when it is safe, answer the last "
                        "question above again."},
    "em.taken_patient": {"id": "👩‍⚕️ Seorang petugas puskesmas sedang menangani laporan darurat Anda.",
                         "en": "👩‍⚕️ A member of the clinic's staff is now handling your emergency report."},
    "tk.emergency_now": {"id": "🚨 GAWAT DARURAT: jangan menunggu antrean. Segera ke {unit} atau telepon {number} sekarang.",
                         "en": "🚨 EMERGENCY: do not wait in the queue. Go to {unit} or call {number} now."},
    # ------------------------------------------------------------------ staff (Indonesian)
    "em.staff.alert": {
        "id": "🚨 GAWAT DARURAT — laporan pasien lewat bot, pukul {at}\n"
              "Nama: {name}\nHP: {phone}\n{what}\nDugaan: {kind}",
        "en": "EMERGENCY reported to the bot at {at}\nName: {name}\nPhone: {phone}\n{what}\nLikely: {kind}",
    },
    "em.staff.press": {"id": "Tekan «✋ Saya tangani» bila Anda menanganinya.", "en": "Press the button if you take it."},
    "em.staff.press_escalates": {"id": "Bila tidak ada yang menekannya dalam {minutes} menit, admin ikut diberi tahu.",
                                 "en": "Nobody within {minutes} minutes: the admins are told too."},
    "em.staff.escalated": {"id": "⏰ Belum ada petugas yang menangani setelah {minutes} menit.",
                           "en": "Nobody has taken this after {minutes} minutes."},
    "em.staff.text": {"id": "Pesan: «{text}»", "en": "Message: «{text}»"},
    "em.staff.ticket": {"id": "Mencentang «Gawat darurat» saat mengambil nomor {service}.",
                        "en": "Ticked «Emergency» while taking a number: {service}."},
    "em.staff.unregistered": {"id": "{name} (nama Telegram; belum terdaftar)", "en": "{name} (Telegram name; not registered)"},
    "em.staff.no_phone": {"id": "belum diketahui", "en": "unknown"},
    "em.staff.more": {"id": "➕ {name} menulis lagi (laporan darurat pukul {at}): «{text}»",
                      "en": "{name} wrote again (emergency reported at {at}): «{text}»"},
    "em.staff.btn": {"id": "✋ Saya tangani", "en": "✋ I'm on it"},
    "em.staff.taken": {"id": "✅ Ditangani oleh {name}, pukul {at}.", "en": "Taken by {name} at {at}."},
    "em.staff.you_took": {"id": "Tercatat: Anda menangani laporan ini.", "en": "Noted: you are handling this."},
    "em.staff.already": {"id": "Sudah ditangani oleh {name}.", "en": "Already taken by {name}."},
    "em.kind.unconscious": {"id": "pingsan / tidak sadar", "en": "unconscious"},
    "em.kind.not_breathing": {"id": "sesak berat / tidak bernapas", "en": "not breathing"},
    "em.kind.choking": {"id": "tersedak", "en": "choking"},
    "em.kind.seizure": {"id": "kejang", "en": "seizure"},
    "em.kind.bleeding": {"id": "perdarahan hebat", "en": "heavy bleeding"},
    "em.kind.accident": {"id": "kecelakaan / cedera", "en": "accident / injury"},
    "em.kind.chest_pain": {"id": "nyeri dada", "en": "chest pain"},
    "em.kind.stroke": {"id": "tanda stroke", "en": "stroke signs"},
    "em.kind.poisoning": {"id": "keracunan", "en": "poisoning"},
    "em.kind.bite": {"id": "gigitan ular/hewan", "en": "snake or animal bite"},
    "em.kind.burn": {"id": "luka bakar", "en": "burn"},
    "em.kind.child_fever": {"id": "anak/bayi sakit berat (demam tinggi, kejang, tidak mau minum)",
                            "en": "seriously ill child"},
    "em.kind.pregnancy": {"id": "kehamilan/persalinan: perdarahan atau nyeri hebat", "en": "pregnancy emergency"},
    "em.kind.suicide": {"id": "ingin bunuh diri / melukai diri", "en": "suicidal words"},
    "em.kind.allergy": {"id": "reaksi alergi berat (bengkak, sesak)", "en": "severe allergic reaction"},
    "em.kind.serious_illness": {"id": "sakit berat (demam dengan leher kaku, gula darah, linglung)",
                                "en": "serious illness (fever with a stiff neck, diabetes, confusion)"},
    "em.kind.unknown": {"id": "pesan darurat (jenisnya tidak dikenali otomatis; baca pesannya)",
                        "en": "emergency message (its kind was not recognised automatically; read it)"},
    "em.kind.ticket": {"id": "dipilih sendiri oleh pasien (gawat darurat)", "en": "chosen by the patient"},
}
