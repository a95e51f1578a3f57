"""/tutup: an admin closes the clinic or one poli for a day from the chat (a holiday, a training,
a doctor away), and opens it again. The same closures as `POST /api/closures`: checked the same
way, audited with before and after, refused numbers at once (queue_core/clinic_data.py).

    /tutup                               upcoming closures, each with [Buka lagi]
    /tutup 2026-12-24 pelatihan          the whole clinic that day
    /tutup 24-12-2026 B dokter cuti      one service (its code, as in the ticket number)
    /tutup besok B dokter cuti           "hari ini" and "besok" work too
"""
from __future__ import annotations

import datetime as dt

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import PusqueContext
from bot.i18n import clip, t
from bot.menu import MenuCommand
from bot.roles import Role
from queue_core.clinic_checks import BadFields
from queue_core.clinic_data import ClinicStore, NotFound
from queue_core.clock import CallableClock

from .buttondata import button_int
from .staff_common import Audit, privileged

PREFIX = "cl"
COMMANDS = [MenuCommand("tutup", "Tutup poli / Close a service", roles=frozenset({Role.ADMIN}), order=37)]
DRAFT_KEY = "closure_draft"
DAY_NAMES = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
             "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}


def store_of(context: PusqueContext) -> ClinicStore:
    services = context.services
    return ClinicStore(services.db, CallableClock(services.clock), services.settings)


def parse(words: list[str], today: dt.date, services: dict) -> tuple[dt.date, str | None, str] | None:
    """(day, service code or None for the whole clinic, reason) from the command's words."""
    if len(words) < 2:
        return None
    first = words[0].lower()
    if first in ("hariini", "hari-ini"):
        day = today
    elif first == "besok":
        day = today + dt.timedelta(days=1)
    else:
        day = None
        for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                day = dt.datetime.strptime(words[0], fmt).date()
                break
            except ValueError:
                continue
        if day is None:
            return None
    rest = words[1:]
    if first == "hari" and rest and rest[0].lower() == "ini":
        day, rest = today, rest[1:]
    service = rest[0].upper() if rest and rest[0].upper() in services else None
    reason = " ".join(rest[1:] if service else rest).strip()
    return (day, service, reason) if reason else None


def _what(service: str | None, services: dict, lang: str) -> str:
    if not service:
        return t("cl.whole", lang)
    svc = services.get(service)
    return service if svc is None else (svc.name if lang == "id" else svc.name_en)


def _day(day: dt.date, lang: str) -> str:
    return f"{DAY_NAMES[lang if lang in DAY_NAMES else 'id'][day.weekday()]}, {day:%d-%m-%Y}"


@privileged("closure", Role.ADMIN)
async def tutup_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    lang = audit.lang
    today = services.clock().date()
    words = list(context.args or [])
    if not words:
        upcoming = await store_of(context).closures(since=today)
        lines = [t("cl.list", lang) if upcoming else t("cl.none", lang), "", t("cl.usage", lang)]
        for c in upcoming:
            day = dt.date.fromisoformat(c["date"])
            lines.insert(-2, f"#{c['id']} {_day(day, lang)}: {_what(c['service'], services.settings.services, lang)} ({clip(c['reason'], 60)})")
        keyboard = [[InlineKeyboardButton(t("cl.btn.open", lang, id=c["id"]), callback_data=f"{PREFIX}:open:{c['id']}")]
                    for c in upcoming[:10]]
        await update.effective_message.reply_text("\n".join(lines),
                                                  reply_markup=InlineKeyboardMarkup(keyboard) if keyboard else None)
        return
    parsed = parse(words, today, services.settings.services)
    if parsed is None:
        audit.detail["error"] = "usage"
        await update.effective_message.reply_text(t("cl.usage", lang))
        return
    day, service, reason = parsed
    if day < today:
        await update.effective_message.reply_text(t("cl.past", lang))
        return
    context.user_data[DRAFT_KEY] = {"date": day.isoformat(), "service": service, "reason": reason}
    holders = await store_of(context).tickets_held(day, service)
    booked = await store_of(context).bookings_held(day, service)
    note = ("" if not holders else "\n" + t("cl.holders", lang, n=holders)) + (
        "" if not booked else "\n" + t("cl.booked", lang, n=booked))
    await update.effective_message.reply_text(
        t("cl.confirm", lang, what=_what(service, services.settings.services, lang), day=_day(day, lang), reason=clip(reason, 200))
        + note,
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(t("cl.btn.yes", lang), callback_data=f"{PREFIX}:yes:0"),
                                            InlineKeyboardButton(t("btn.cancel", lang), callback_data=f"{PREFIX}:no:0")]]))


@privileged("closure", Role.ADMIN)
async def on_button(update: Update, context: PusqueContext, audit: Audit) -> None:
    query = update.callback_query
    parts = (query.data or "").split(":")
    action = parts[1] if len(parts) == 3 else None
    number = button_int(parts[2], minimum=0) if len(parts) == 3 else None
    by = {"actor_id": update.effective_user.id, "via": "chat"}
    lang = audit.lang
    if action == "no":
        context.user_data.pop(DRAFT_KEY, None)
        await query.answer()
        await query.edit_message_text(t("cl.cancelled", lang))
        return
    if action == "yes":
        draft = context.user_data.pop(DRAFT_KEY, None)
        if draft is None:  # pressed twice, or a confirmation from before a restart
            await query.answer(t("staff.stale", lang), show_alert=True)
            return
        try:
            made = await store_of(context).create_closure(draft, by)
        except BadFields as exc:
            await query.answer()
            await query.edit_message_text("\n".join(p["message"] for p in exc.problems.values()))
            return
        audit.target, audit.detail["closure"] = str(made["id"]), made
        await query.answer()
        voided = made.get("bookings_cancelled", 0)
        await query.edit_message_text(t("cl.done", lang, id=made["id"], day=_day(dt.date.fromisoformat(made["date"]), lang),
                                        what=_what(made["service"], context.services.settings.services, lang))
                                      + ("\n" + t("cl.voided", lang, n=voided) if voided else ""))
        return
    if action == "open" and number:
        try:
            gone = await store_of(context).delete_closure(number, by)
        except NotFound:
            await query.answer(t("staff.stale", lang), show_alert=True)
            return
        audit.target, audit.detail["closure"] = str(number), gone
        await query.answer()
        await query.edit_message_text(t("cl.opened", lang, id=number, day=_day(dt.date.fromisoformat(gone["date"]), lang),
                                        what=_what(gone["service"], context.services.settings.services, lang)))
        return
    await query.answer(t("staff.stale", lang), show_alert=True)


TEXTS: dict[str, dict[str, str]] = {
    "cl.list": {"id": "Hari tutup yang akan datang:", "en": "Upcoming closures:"},
    "cl.none": {"id": "Belum ada hari tutup yang dijadwalkan.", "en": "No closures planned."},
    "cl.whole": {"id": "seluruh puskesmas", "en": "the whole clinic"},
    "cl.usage": {
        "id": "Cara menutup: /tutup TANGGAL [KODE] ALASAN, misalnya /tutup 2026-12-24 pelatihan (seluruh "
              "puskesmas) atau /tutup besok B dokter gigi cuti (satu layanan, kode seperti di nomor antrean).",
        "en": "To close: /tutup DATE [CODE] REASON, e.g. /tutup 2026-12-24 training (the whole clinic) or "
              "/tutup besok B dentist on leave (one service, the code of its ticket numbers).",
    },
    "cl.past": {"id": "Tanggal itu sudah lewat.", "en": "That date has passed."},
    "cl.confirm": {"id": "Tutup {what} pada {day}? Alasan: {reason}\nPasien tidak bisa mengambil nomor untuk hari itu.",
                   "en": "Close {what} on {day}? Reason: {reason}\nPatients cannot take a number for that day."},
    "cl.btn.yes": {"id": "Ya, tutup", "en": "Yes, close"},
    "cl.btn.open": {"id": "Buka lagi #{id}", "en": "Reopen #{id}"},
    "cl.holders": {"id": "{n} pasien sudah memegang nomor untuk hari itu; nomor mereka tetap berlaku.",
                   "en": "{n} patients already hold a number for that day; their numbers stay valid."},
    "cl.booked": {"id": "{n} nomor yang dipesan untuk hari itu akan dibatalkan; pemegangnya diberi tahu.",
                  "en": "{n} numbers booked for that day will be cancelled; their holders are told."},
    "cl.voided": {"id": "{n} nomor yang dipesan dibatalkan; pemegangnya diberi tahu.",
                  "en": "{n} booked numbers cancelled; their holders are told."},
    "cl.done": {"id": "Ditutup (#{id}): {what} pada {day}. Buka lagi lewat /tutup.",
                "en": "Closed (#{id}): {what} on {day}. Reopen it from /tutup."},
    "cl.opened": {"id": "Dibuka lagi: {what} pada {day} (penutupan #{id} dihapus).",
                  "en": "Open again: {what} on {day} (closure #{id} removed)."},
    "cl.cancelled": {"id": "Tidak jadi ditutup.", "en": "Nothing closed."},
}


def register(app: Application) -> None:
    app.add_handler(CommandHandler("tutup", tutup_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
