"""Booked numbers in the chat after the booking: the reminders (the evening before, the morning
itself), a missed check-in, a no-show, a closure of the booked day, and the "✅ Saya sudah tiba"
button (`ci:<ticket>`) that checks a booked patient in on the day.

The reminders and the check-in window are found by the queue (`QueueService.booking_duties`, a
scan of the database every `booking.scan_seconds` from the job queue): whatever was due while the
bot was down is found at the next scan, and each is written once (queue_core/booking_duties.py).
"""
from __future__ import annotations

import datetime as dt
import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.notifier import Message
from bot.services import SERVICES_KEY, services_of
from queue_core import errors
from queue_core.booking import NotBookedDay
from queue_core.booking_duties import CHECKIN_MISSED, NO_SHOW, REMINDER
from queue_core.booking_void import BOOKING_CLOSED
from queue_core.doctor_moves import DOCTOR_CHANGED

from .buttondata import button_int
from .patient_common import answer_stale, inline, main_keyboard, patients, service_name, touch
from .status import describe
from .texts_booking import day_label, full_date
from .ticket_notice import booked_come_line, doctor_line

log = logging.getLogger(__name__)
COMMANDS: list = []
SCAN_JOB = "booking-duties"
# APScheduler drops a job more than 1 s late by default: the start-up job is scheduled when the app
# is built, long before it starts; a late scan runs once (coalesced), never skipped.
LATE_OK = {"misfire_grace_time": None, "coalesce": True}


def _date(payload: dict, lang: str) -> str:
    return full_date(dt.date.fromisoformat(payload["day"]), lang)


def reminder(notice, lang, settings) -> Message:
    p = notice.payload
    lines = [t(f"bk.reminder.{p['which']}", lang, date=_date(p, lang), number=p["number"],
               service=service_name(settings, p["service"], lang))]
    lines += doctor_line(p.get("doctor"), p.get("room"), lang)
    lines.append(booked_come_line(p, lang))  # the advice is written with the reminder (queue_core/booking_advice.py)
    markup = inline([[(t("bk.btn.arrived", lang), f"ci:{p['ticket_id']}")]]) if p["which"] == "morning" else None
    return Message("\n".join(lines), markup)


def checkin_missed(notice, lang, settings) -> Message:
    p = notice.payload
    return Message(t("bk.missed", lang, number=p["number"], service=service_name(settings, p["service"], lang),
                     checkin_by=p["checkin_by"]),
                   inline([[(t("bk.btn.arrived", lang), f"ci:{p['ticket_id']}")]]))


def no_show(notice, lang, settings) -> Message:
    p = notice.payload
    return Message(t("bk.no_show", lang, number=p["number"], service=service_name(settings, p["service"], lang),
                     date=_date(p, lang), checkin_by=p["checkin_by"]))


def booking_closed(notice, lang, settings) -> Message:
    p = notice.payload
    return Message(t("bk.closed_notice", lang, number=p["number"], service=service_name(settings, p["service"], lang),
                     date=_date(p, lang), reason=p.get("reason") or "-"))


def doctor_changed(notice, lang, settings) -> Message:
    """The chosen doctor went away (queue_core/doctor_moves.py): who sees the patient now."""
    p = notice.payload
    common = {"number": p["number"], "service": service_name(settings, p["service"], lang), "date": _date(p, lang)}
    if not p.get("doctor"):
        return Message(t("bk.doctor_changed_any", lang, **common))
    doctor = f"{p['doctor']}, {p['room']}" if p.get("room") else p["doctor"]
    return Message(t("bk.doctor_changed", lang, doctor=doctor, **common))


RENDERERS = {REMINDER: reminder, CHECKIN_MISSED: checkin_missed, NO_SHOW: no_show, BOOKING_CLOSED: booking_closed,
             DOCTOR_CHANGED: doctor_changed}


async def on_arrived(update: Update, context: PusqueContext) -> None:
    """"Saya sudah tiba": a booked ticket of today enters its queue (the window decides its place)."""
    lang = await touch(update, context)
    query = update.callback_query
    ticket_id = button_int(query.data.split(":", 1)[1])
    if ticket_id is None:
        return await answer_stale(update, context)
    services = context.services
    user_id = update.effective_user.id
    try:
        view = await services.queue.check_in_own(ticket_id, user_id)
    except errors.TicketNotFound:
        return await answer_stale(update, context)
    except NotBookedDay as exc:
        await query.answer()
        await update.effective_message.reply_text(t("bk.arrive_other_day", lang, number=exc.params["number"],
                                                    day=day_label(dt.date.fromisoformat(exc.params["day"]), lang)))
        return
    except errors.InvalidTransition as exc:
        await query.answer()
        await update.effective_message.reply_text(t("bk.arrived_already", lang, number=exc.params["number"]),
                                                  reply_markup=main_keyboard(lang))
        return
    await query.answer()
    names = {p.id: p.name for p in await patients(context).patients_of(user_id)}
    await update.effective_message.reply_text(
        t("bk.arrived", lang, number=view.number) + "\n"
        + describe(view, names.get(view.patient_id, "-"), services.settings, lang, services.clock()),
        reply_markup=main_keyboard(lang))


async def scan(context) -> None:
    """The job: reminders and check-in windows that fell due; the notifier is woken for them."""
    services = services_of(context.application)
    if services.queue is None:
        return
    done = await services.queue.booking_duties()
    if any(done.values()):
        log.info("booking duties: %s", done)
        if services.notifier is not None:
            services.notifier.wake()


async def start_scanning(context) -> None:
    """Once the services exist: scan every `booking.scan_seconds`, the first scan at once (what
    fell due while the bot was down)."""
    app = context.application
    if SERVICES_KEY not in app.bot_data:  # still starting: look again in a second
        context.job_queue.run_once(start_scanning, when=1.0, name=f"{SCAN_JOB}-start", job_kwargs=LATE_OK)
        return
    seconds = float(services_of(app).settings.booking.scan_seconds)
    context.job_queue.run_repeating(scan, interval=seconds, first=0.0, name=SCAN_JOB, job_kwargs=LATE_OK)


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(on_arrived, pattern=r"^ci:"))
    if app.job_queue is None:
        log.warning("no job queue: booking reminders and check-in windows are not scanned")
        return
    app.job_queue.run_once(start_scanning, when=0.0, name=f"{SCAN_JOB}-start", job_kwargs=LATE_OK)
