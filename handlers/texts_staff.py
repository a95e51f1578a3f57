"""Texts of the staff and admin tools, each in Indonesian and English (one is shown: the reader's)."""
from __future__ import annotations

from bot.i18n import register_texts

TEXTS: dict[str, dict[str, str]] = {
    # access
    "staff.refused": {"id": "Maaf, perintah ini hanya untuk {role}.", "en": "Sorry, this command is for {role} only."},
    "staff.stale": {"id": "Tombol ini sudah tidak berlaku. Gunakan panel terbaru.", "en": "This button is out of date. Use the latest panel."},
    # channels
    "staff.no_channel": {
        "id": "Pilih loket/ruang Anda dulu: /call NAMA. Pilihan: {known}",
        "en": "Choose your counter/room first: /call NAME. Options: {known}",
    },
    "staff.unknown_channel": {"id": "Loket/ruang \"{channel}\" tidak dikenal. Pilihan: {known}",
                              "en": "Unknown counter/room \"{channel}\". Options: {known}"},
    "staff.channel_busy": {
        "id": "{channel} masih melayani {number}. Tekan Selesai atau Lewati dulu.",
        "en": "{channel} is still serving {number}. Press Done or Skip first.",
    },
    "staff.channel_paused": {"id": "{channel} sedang dijeda. Kirim /resume untuk melanjutkan.",
                             "en": "{channel} is paused. Send /resume to continue."},
    "staff.no_current_ticket": {"id": "Tidak ada pasien yang sedang dipanggil di {channel}.",
                         "en": "Nobody is being called at {channel}."},
    "staff.ticket_not_found": {"id": "Nomor {number} tidak ditemukan hari ini.", "en": "Number {number} not found today."},
    "staff.not_waiting_here": {"id": "Nomor {number} tidak sedang menunggu di antrean {channel}.",
                               "en": "Number {number} is not waiting in the queue of {channel}."},
    "staff.invalid_transition": {"id": "Nomor {number} tidak bisa diproses (status: {status}).",
                                 "en": "Number {number} cannot be processed (status: {status})."},
    "staff.unknown_service": {"id": "Layanan \"{service}\" tidak dikenal. Pilihan: {known}",
                              "en": "Unknown service \"{service}\". Options: {known}"},
    "staff.already_has_ticket": {"id": "Pasien ini sudah punya antrean di layanan {service}.",
                                 "en": "This patient already has a ticket for service {service}."},
    "staff.queue_error": {"id": "Tidak bisa diproses ({code}).", "en": "Could not be processed ({code})."},
    # panel
    "staff.called": {
        "id": "Memanggil {number} ({service}) ke {channel}.{flags}",
        "en": "Calling {number} ({service}) to {channel}.{flags}",
    },
    "staff.recalled": {"id": "Memanggil ulang {number} ke {channel} (panggilan ke-{calls}).",
                       "en": "Calling {number} again to {channel} (call {calls})."},
    "staff.nobody": {"id": "Tidak ada pasien yang menunggu untuk {channel}.", "en": "Nobody is waiting for {channel}."},
    "staff.finished_next": {"id": "{number} selesai di {channel}, lanjut ke {phase}.",
                            "en": "{number} done at {channel}, on to {phase}."},
    "staff.finished_done": {"id": "{number} selesai. Kunjungan selesai.", "en": "{number} done. Visit complete."},
    "staff.skipped": {"id": "{number} dilewati (tidak hadir).", "en": "{number} skipped (not present)."},
    "staff.transferred": {"id": "{number} dipindah ke {service}, urutan {position}.",
                          "en": "{number} transferred to {service}, position {position}."},
    "staff.paused": {"id": "{channel} dijeda. Pasien tidak dipanggil ke sini sampai /resume.",
                     "en": "{channel} paused. Nobody is called here until /resume."},
    "staff.resumed": {"id": "{channel} dibuka kembali.", "en": "{channel} open again."},
    "staff.isolation": {"id": " ⚠️ ISOLASI (TBC): layani di ruang isolasi, pakai masker.",
                        "en": " ⚠️ ISOLATION (TB): serve in the isolation room, wear a mask."},
    "staff.priority": {"id": "Prioritas {level}: {labels}", "en": "Priority {level}: {labels}"},
    "staff.isolation_flag": {"id": "⚠️ ISOLASI", "en": "⚠️ ISOLATION"},
    "staff.minutes": {"id": "mnt", "en": "min"},
    "staff.transfer_usage": {"id": "Cara pakai: /transfer LAYANAN (mis. /transfer B) atau /transfer A-007 B. Layanan: {known}",
                             "en": "Usage: /transfer SERVICE (e.g. /transfer B) or /transfer A-007 B. Services: {known}"},
    "staff.queue_header": {"id": "Antrean {channel}: {total} menunggu.", "en": "Queue for {channel}: {total} waiting."},
    "staff.queue_empty": {"id": "Antrean {channel} kosong.", "en": "The queue for {channel} is empty."},
    "btn.call_next": {"id": "Panggil berikutnya", "en": "Call next"},
    "btn.recall": {"id": "Panggil ulang", "en": "Call again"},
    "btn.skip": {"id": "Lewati", "en": "Skip"},
    "btn.done": {"id": "Selesai", "en": "Done"},
    # admin: roles
    "admin.invite_usage": {"id": "Cara pakai: /invite staff atau /invite admin", "en": "Usage: /invite staff or /invite admin"},
    "admin.invite_created": {
        "id": "Kode undangan {role}: {code}\nBerlaku 48 jam, sekali pakai. Petugas baru mengirim: /staff {code}",
        "en": "Invite code ({role}): {code}\nValid 48 hours, once. The new member sends: /staff {code}",
    },
    "admin.staff_usage": {"id": "Cara pakai: /staff KODE (kode dari admin).", "en": "Usage: /staff CODE (from an admin)."},
    "admin.claimed": {"id": "Selamat, Anda sekarang terdaftar sebagai {role}. Ketik /help untuk perintah Anda.",
                      "en": "You are now registered as {role}. Send /help for your commands."},
    "admin.invite_unknown": {"id": "Kode tidak dikenal.", "en": "Unknown code."},
    "admin.invite_used": {"id": "Kode ini sudah dipakai.", "en": "This code has already been used."},
    "admin.invite_expired": {"id": "Kode ini sudah kedaluwarsa. Minta kode baru ke admin.",
                             "en": "This code has expired. Ask an admin for a new one."},
    "admin.token_created": {
        "id": "Token API \"{name}\" ({role}):\n{token}\nSimpan baik-baik: token hanya ditampilkan sekali. "
              "Kirim di header: Authorization: Bearer TOKEN",
        "en": "API token \"{name}\" ({role}):\n{token}\nKeep it safe: it is shown only once. "
              "Send it in the header: Authorization: Bearer TOKEN",
    },
    "admin.token_name": {"id": "Nama token terlalu panjang: paling banyak {n} karakter.",
                         "en": "The token name is too long: {n} characters at most."},
    "admin.token_usage": {"id": "Cara pakai: /token NAMA [staff|admin] atau /token revoke NAMA",
                          "en": "Usage: /token NAME [staff|admin] or /token revoke NAME"},
    "admin.token_revoked": {"id": "{n} token \"{name}\" dicabut.", "en": "{n} token(s) \"{name}\" revoked."},
    # admin: broadcast
    "bc.usage": {
        "id": "Cara pakai: /broadcast [all|today|LAYANAN] TEKS\n(all = semua pasien, today = pemegang nomor hari ini, "
              "A/B/C/D = satu layanan). Untuk foto: kirim foto dengan keterangan /broadcast ... TEKS.",
        "en": "Usage: /broadcast [all|today|SERVICE] TEXT\n(all = all patients, today = today's ticket holders, "
              "A/B/C/D = one service). For a photo, send it with the caption /broadcast ... TEXT.",
    },
    "bc.confirm": {
        "id": "Kirim pengumuman ini ke {audience} ({n} {who})?\n\n---\n{text}\n---",
        "en": "Send this announcement to {audience} ({n} {who})?\n\n---\n{text}\n---",
    },
    "bc.patients": {"id": "pasien", "en": "patients"},
    "bc.people": {"id": "orang", "en": "people"},
    "bc.audience.all": {"id": "semua pasien", "en": "all patients"},
    "bc.audience.today": {"id": "pemegang nomor hari ini", "en": "today's ticket holders"},
    "bc.audience.service": {"id": "pasien {service} hari ini", "en": "today's {service} patients"},
    "bc.audience.staff_too": {"id": ", juga petugas dan admin", "en": ", staff and admins too"},
    "bc.staff_on": {"id": "Sertakan petugas & admin", "en": "Include staff & admins"},
    "bc.staff_off": {"id": "Hanya pasien", "en": "Patients only"},
    "bc.sending": {"id": "Pengumuman #{id} ke {audience} ({n}):\n\n---\n{text}\n---\n\n{status}",
                   "en": "Announcement #{id} to {audience} ({n}):\n\n---\n{text}\n---\n\n{status}"},
    "bc.done_note": {"id": "Sudah dikirim. Laporannya ada di pesan berikut.", "en": "Sent. The report follows."},
    "bc.progress": {"id": "Terkirim {done} dari {total} ({pct}%).", "en": "Sent {done} of {total} ({pct}%)."},
    "bc.report": {
        "id": "Pengumuman #{id} selesai: {sent} terkirim, {blocked} memblokir bot, {failed} gagal (dari {total}).",
        "en": "Announcement #{id} finished: {sent} sent, {blocked} blocked the bot, {failed} failed (of {total}).",
    },
    "bc.cancelled": {"id": "Pengumuman #{id} dibatalkan.", "en": "Announcement #{id} cancelled."},
    "bc.empty": {"id": "Tidak ada penerima untuk pengumuman ini.", "en": "Nobody to send this announcement to."},
    "bc.header": {"id": "📢 Pengumuman {clinic}", "en": "📢 Announcement from {clinic}"},
    "btn.send": {"id": "Kirim", "en": "Send"},
    "btn.cancel": {"id": "Batal", "en": "Cancel"},
    # admin: stats, unanswered, reload
    "revoke.header": {"id": "Petugas dan admin yang masuk lewat kode undangan. Pilih yang perannya dicabut:",
                      "en": "Staff and admins who joined with an invite code. Choose whose role to revoke:"},
    "revoke.none": {"id": "Belum ada petugas yang masuk lewat kode undangan.",
                    "en": "Nobody has joined with an invite code yet."},
    "revoke.in_config": {"id": "Peran dari config.yaml (roles.admins / roles.staff: {ids}) diubah di file itu, lalu /reload.",
                         "en": "Roles from config.yaml (roles.admins / roles.staff: {ids}) are changed in that file, then /reload."},
    "revoke.unknown": {"id": "{who} bukan petugas yang masuk lewat kode undangan. Ketik /revoke untuk melihat daftarnya.",
                       "en": "{who} is not a staff member who joined with an invite code. Send /revoke for the list."},
    "revoke.confirm": {"id": "Cabut peran {who}? Ia akan menjadi pasien biasa dan tidak bisa memanggil antrean lagi.",
                       "en": "Revoke the role of {who}? They become a patient and can no longer call the queue."},
    "revoke.btn.who": {"id": "Cabut: {name}", "en": "Revoke: {name}"},
    "revoke.btn.yes": {"id": "Ya, cabut", "en": "Yes, revoke"},
    "revoke.done": {"id": "Peran {who} sudah dicabut.", "en": "The role of {who} was revoked."},
    "revoke.cancelled": {"id": "Tidak jadi dicabut.", "en": "Nothing revoked."},
    "revoke.self": {"id": "Anda tidak bisa mencabut peran Anda sendiri.", "en": "You cannot revoke your own role."},
    "revoke.told": {"id": "Peran {role} Anda di PusQue sudah dicabut oleh admin. Anda tetap bisa memakai bot sebagai pasien.",
                    "en": "An admin revoked your {role} role in PusQue. You can still use the bot as a patient."},
    "stats.caption": {
        "id": "Statistik {period}: {tickets} nomor. Dipanggil ke poli dalam 60 menit: {share}.",
        "en": "Statistics {period}: {tickets} tickets. Called into the clinic room within 60 minutes: {share}.",
    },
    "stats.usage": {
        "id": "Cara pakai: /stats (hari ini), /stats 7 (7 hari terakhir), /stats 2026-12-01 (satu hari), "
              "/stats 2026-12-01 2026-12-07 (rentang, paling lama {days} hari). Tambahkan csv untuk "
              "mendapat file tabel, misalnya /stats 7 csv.",
        "en": "Usage: /stats (today), /stats 7 (last 7 days), /stats 2026-12-01 (one day), "
              "/stats 2026-12-01 2026-12-07 (a range, at most {days} days). Add csv for a spreadsheet file, "
              "e.g. /stats 7 csv.",
    },
    "stats.csv_caption": {"id": "Tabel statistik {period} (per hari dan layanan).",
                          "en": "Statistics table {period} (per day and service)."},
    "stats.title_services": {"id": "Nomor per layanan", "en": "Tickets per service"},
    "stats.title_waits": {"id": "Lama tunggu tiap tahap", "en": "Wait at each step"},
    "stats.title_share": {"id": "Dipanggil ke poli dalam 60 menit", "en": "Called into the room within 60 minutes"},
    "stats.title_days": {"id": "Nomor per hari", "en": "Tickets per day"},
    "stats.minutes": {"id": "menit", "en": "minutes"},
    "stats.patients": {"id": "pasien", "en": "patients"},
    "stats.no_data": {"id": "belum ada data", "en": "no data yet"},
    "unanswered.header": {"id": "Pertanyaan yang belum bisa dijawab bot ({n}):",
                          "en": "Questions the bot could not answer ({n}):"},
    "unanswered.none": {"id": "Tidak ada pertanyaan yang belum terjawab.", "en": "No unanswered questions."},
    "unanswered.cleared": {"id": "{n} pertanyaan ditandai sudah ditinjau.", "en": "{n} questions marked as reviewed."},
    "reload.done": {"id": "Konfigurasi dimuat ulang: {services} layanan, {channels} loket/ruang, {admins} admin, {staff} petugas.",
                    "en": "Configuration reloaded: {services} services, {channels} counters/rooms, {admins} admins, {staff} staff."},
    "reload.failed": {"id": "Konfigurasi TIDAK dimuat ulang: {error}", "en": "Configuration NOT reloaded: {error}"},
    # notices rendered by the notifier
    "notice.staff_emergency": {
        "id": "🚨 GAWAT DARURAT: nomor {number} ({service}) — {conditions}. Segera tangani, jangan menunggu antrean.",
        "en": "🚨 EMERGENCY: number {number} ({service}) — {conditions}. Attend now, do not wait for the queue.",
    },
}

register_texts(TEXTS)
