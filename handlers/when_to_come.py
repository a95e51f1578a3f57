"""When to come: the "Datang jam 09:40 (perkiraan dipanggil 09:50-10:15)" lines of the ticket and
/status, the trip buttons under the ticket (5/15/30/60 min), and the "time to leave now" notice.

Every time shown comes from one place, `QueueService.advice` / `TicketView.advice`
(queue_core/advice.py), or from the advice the queue wrote into a notice's payload at that moment.
"""
from __future__ import annotations

import datetime as dt

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.notifier import Message
from queue_core import errors
from queue_core.advice import Advice
from queue_core.leave import LEAVE_NOW, TRIP_CHOICES

from .buttondata import button_int
from .patient_common import answer_stale, main_keyboard, patients, service_name, touch

COMMANDS: list = []

TEXTS: dict[str, dict[str, str]] = {
    "wc.come": {"id": "🕘 Datang jam {come} (perkiraan dipanggil {start}-{end}).",
                "en": "🕘 Come at {come} (expected call {start}-{end})."},
    "wc.come_now": {"id": "🕘 Segera datang ke puskesmas (perkiraan dipanggil {start}-{end}).",
                    "en": "🕘 Come to the clinic now (expected call {start}-{end})."},
    "wc.range": {"id": "🕘 Perkiraan dipanggil {start}-{end}.", "en": "🕘 Expected call {start}-{end}."},
    "wc.leave_at": {"id": "🚶 Perjalanan {trip} menit: kami kirim pesan \"Saatnya berangkat\" sekitar jam {leave}. "
                          "Ubah lama perjalanan dengan tombol 🚶 di bawah.",
                    "en": "🚶 Trip {trip} min: we send \"Time to leave\" around {leave}. "
                          "Change the trip time with the 🚶 buttons below."},
    "wc.leave_now": {"id": "🚶 Saatnya berangkat sekarang (perjalanan {trip} menit).",
                     "en": "🚶 Time to leave now ({trip}-minute trip)."},
    "wc.btn": {"id": "🚶 {minutes} mnt", "en": "🚶 {minutes} min"},
    "wc.trip_saved": {"id": "✅ Lama perjalanan {name}: {trip} menit (dipakai juga untuk nomor berikutnya).",
                      "en": "✅ Trip time for {name}: {trip} minutes (kept for later numbers too)."},
    "wc.trip_leave": {"id": "Pesan \"Saatnya berangkat\" untuk nomor {number} dikirim sekitar jam {leave}.",
                      "en": "\"Time to leave\" for number {number} is sent around {leave}."},
    "wc.trip_soon": {"id": "Pesan \"Saatnya berangkat\" untuk nomor {number} segera dikirim.",
                     "en": "\"Time to leave\" for number {number} follows in a moment."},
    "nt.leave": {"id": "🚶 Saatnya berangkat ke puskesmas: nomor {number} ({service}).\n{advice}\nPerjalanan Anda ±{trip} menit.",
                 "en": "🚶 Time to leave for the clinic: number {number} ({service}).\n{advice}\nYour trip: about {trip} minutes."},
    "nt.leave_again": {"id": "⏩ Antrean lebih cepat dari perkiraan: nomor {number} ({service}). Segera berangkat.\n{advice}",
                       "en": "⏩ The queue is moving faster than expected: number {number} ({service}). Please leave now.\n{advice}"},
}


def _hm(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def advice_line(advice: Advice, lang: str, now: dt.datetime, first_phase: bool = True) -> str:
    """"Datang jam 09:40 (perkiraan dipanggil 09:50-10:15)"; in a later phase (the patient is here
    already) only the range."""
    times = {"start": _hm(advice.called_from), "end": _hm(advice.called_to)}
    if not first_phase:
        return t("wc.range", lang, **times)
    if advice.come_at > now:
        return t("wc.come", lang, come=_hm(advice.come_at), **times)
    return t("wc.come_now", lang, **times)


def advice_lines(advice: Advice | None, lang: str, now: dt.datetime, first_phase: bool = True) -> list[str]:
    """The advice, or an honest "no estimate": never an invented number."""
    if advice is None:
        return [t("tk.no_estimate", lang)]
    return [advice_line(advice, lang, now, first_phase)]


def leave_line(advice: Advice | None, trip: int | None, leave_now: bool, lang: str, now: dt.datetime) -> list[str]:
    """The ticket's trip line: when "time to leave" will come, or that it is time now."""
    if advice is None or trip is None:
        return []
    if leave_now:
        return [t("wc.leave_now", lang, trip=trip)]
    return [t("wc.leave_at", lang, trip=trip, leave=_hm(advice.come_at - dt.timedelta(minutes=trip)))]


def trip_buttons(ticket_id: int, lang: str) -> list[tuple[str, str]]:
    return [(t("wc.btn", lang, minutes=m), f"tr:{ticket_id}:{m}") for m in TRIP_CHOICES]


def is_first_phase(settings, service: str, phase: str) -> bool:
    svc = settings.services.get(service)
    return svc is not None and svc.route[0] == phase


async def on_trip(update: Update, context: PusqueContext) -> None:
    """A trip button under a ticket: remember the patient's trip, say when "time to leave" comes."""
    lang = await touch(update, context)
    query = update.callback_query
    parts = (query.data or "").split(":")
    ticket_id = button_int(parts[1]) if len(parts) == 3 else None
    minutes = button_int(parts[2], minimum=0) if len(parts) == 3 else None
    if ticket_id is None or minutes not in TRIP_CHOICES:
        return await answer_stale(update, context)
    queue = context.services.queue
    try:
        view = await queue.view(ticket_id)
    except errors.TicketNotFound:
        return await answer_stale(update, context)
    if view.user_id != update.effective_user.id or view.patient_id is None:
        return await answer_stale(update, context)
    await query.answer()
    sends = await queue.set_trip(ticket_id, minutes)
    names = {p.id: p.name for p in await patients(context).patients_of(update.effective_user.id)}
    lines = [t("wc.trip_saved", lang, name=names.get(view.patient_id, view.number), trip=minutes)]
    advice = await queue.advice(ticket_id)
    if advice is not None and sends == 0 and view.status == "waiting" and is_first_phase(
            context.services.settings, view.service, view.phase):
        leave = advice.come_at - dt.timedelta(minutes=minutes)
        now = context.services.clock()
        lines.append(t("wc.trip_leave", lang, number=view.number, leave=_hm(leave)) if leave > now
                     else t("wc.trip_soon", lang, number=view.number))
    await update.effective_message.reply_text("\n".join(lines), reply_markup=main_keyboard(lang))


def leave_now(notice, lang, settings) -> Message:
    p = notice.payload
    advice = Advice.from_payload(p.get("advice"))
    line = advice_line(advice, lang, dt.datetime.fromisoformat(p["at"])) if advice else ""
    key = "nt.leave_again" if p.get("again") else "nt.leave"
    return Message(t(key, lang, number=p["number"], service=service_name(settings, p["service"], lang), advice=line,
                     trip=p.get("trip", "-")))


RENDERERS = {LEAVE_NOW: leave_now}


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(on_trip, pattern=r"^tr:"))
