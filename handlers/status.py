"""/status (position, people ahead, estimate, phase), /batal with confirmation, the "Status" and
"Cancel" buttons under a ticket message, and the "I am here" button of a skipped notice (rejoin)."""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from queue_core import errors
from queue_core.doctor_rooms import DoctorPlace
from queue_core.rows import BOOKED

from .buttondata import button_int
from .patient_common import (
    answer_stale,
    drop_buttons,
    inline,
    main_keyboard,
    menu_regex,
    patients,
    phase_name,
    service_name,
    touch,
)
from .texts_booking import day_label, full_date
from .ticket import estimate_lines
from .ticket_notice import doctor_line

log = logging.getLogger(__name__)
COMMANDS = [
    MenuCommand("status", "Status antrean / Queue status", order=4),
    MenuCommand("batal", "Batalkan antrean / Cancel my number", order=6),
]


async def _names(context, user_id: int) -> dict[int, str]:
    return {p.id: p.name for p in await patients(context).patients_of(user_id)}


def describe(view, name: str, settings, lang: str, now, doctor: DoctorPlace | None = None) -> str:
    lines = [t("st.line", lang, number=view.number, service=service_name(settings, view.service, lang), name=name,
               status=t(f"status.{view.status}", lang), phase=phase_name(settings, view.phase, lang))]
    if doctor is not None and view.active:
        lines += doctor_line(doctor.name, doctor.room, lang)
    if view.status == "waiting" and view.position is not None:
        lines.append(t("st.position", lang, position=view.position, ahead=view.position - 1))
        lines += estimate_lines(view, settings, lang, now)
    elif view.status == BOOKED:
        lines.append(t("bk.date_line", lang, date=full_date(view.day, lang)))
    elif view.status in ("called", "serving") and view.channel:
        lines.append(t("st.channel", lang, channel=view.channel))
    return "\n".join(lines)


async def status(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    services = context.services
    user_id = update.effective_user.id
    views = await services.queue.tickets_of_user(user_id)
    if not views:
        await update.effective_message.reply_text(t("st.none", lang), reply_markup=main_keyboard(lang))
        return
    names, now = await _names(context, user_id), services.clock()
    doctors = await services.queue.chosen_doctors(v.id for v in views)
    text = "\n\n".join(describe(v, names.get(v.patient_id, "-"), services.settings, lang, now, doctors.get(v.id))
                       for v in views)
    await update.effective_message.reply_text(text, reply_markup=main_keyboard(lang))


async def show_one(update: Update, context: PusqueContext) -> None:
    """The "Status" button under a ticket message: that one ticket, as /status shows it."""
    lang = await touch(update, context)
    query = update.callback_query
    view = await _ticket_of_button(update, context)
    if view is None:
        return
    await query.answer()
    services = context.services
    name = (await _names(context, update.effective_user.id)).get(view.patient_id, "-")
    doctor = (await services.queue.chosen_doctors([view.id])).get(view.id)
    await update.effective_message.reply_text(describe(view, name, services.settings, lang, services.clock(), doctor),
                                              reply_markup=main_keyboard(lang))


async def batal(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    services = context.services
    views = await services.queue.tickets_of_user(update.effective_user.id)
    if not views:
        await update.effective_message.reply_text(t("st.none", lang), reply_markup=main_keyboard(lang))
        return
    if len(views) == 1:
        await _confirm(update.effective_message, views[0], services.settings, lang)
        return
    today = services.clock().date()
    rows = [[(f"{v.number} — {service_name(services.settings, v.service, lang)}"
              + ("" if v.day == today else f" ({day_label(v.day, lang)})"), f"bt:ask:{v.id}")] for v in views]
    await update.effective_message.reply_text(t("bt.choose", lang), reply_markup=inline(rows))


async def _confirm(message, view, settings, lang: str) -> None:
    text = t("bt.confirm", lang, number=view.number, service=service_name(settings, view.service, lang))
    await message.reply_text(text, reply_markup=inline([[(t("bt.yes", lang), f"bt:yes:{view.id}"), (t("bt.no", lang), "bt:no:0")]]))


async def _ticket_of_button(update: Update, context):
    """The caller's own ticket named by a button ("kind:<ticket id>"); a stale or forged press is
    answered here and gives None."""
    parts = update.callback_query.data.split(":")
    ticket_id = button_int(parts[1]) if len(parts) == 2 else None
    if ticket_id is None:
        return await answer_stale(update, context)
    view = await _own_ticket(update, context, ticket_id)
    if view is None:
        return await answer_stale(update, context)
    return view


async def _own_ticket(update: Update, context, ticket_id: int):
    try:
        view = await context.services.queue.view(ticket_id)
    except errors.TicketNotFound:
        return None
    return view if view.user_id == update.effective_user.id else None


async def on_button(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    query = update.callback_query
    settings = context.services.settings
    parts = query.data.split(":")
    action = parts[1] if len(parts) == 3 else None
    ticket_id = button_int(parts[2], minimum=0) if action in ("ask", "yes", "no") else None
    if ticket_id is None or (action != "no" and ticket_id == 0):
        return await answer_stale(update, context)
    if action == "no":
        await query.answer()
        await drop_buttons(query)
        await update.effective_message.reply_text(t("bt.kept", lang), reply_markup=main_keyboard(lang))
        return
    view = await _own_ticket(update, context, ticket_id)
    if view is None:
        return await answer_stale(update, context)
    await query.answer()
    if not view.active:
        await drop_buttons(query)
        await update.effective_message.reply_text(t("bt.already_final", lang, number=view.number, status=t(f"status.{view.status}", lang)))
        return
    if action == "ask":
        await _confirm(update.effective_message, view, settings, lang)
        return
    await drop_buttons(query)
    try:
        await context.services.queue.cancel(ticket_id, by="patient", reason="patient")
    except errors.InvalidTransition:
        await update.effective_message.reply_text(t("bt.already_final", lang, number=view.number, status=t("status.cancelled", lang)))
        return
    await update.effective_message.reply_text(t("bt.done", lang, number=view.number), reply_markup=main_keyboard(lang))


async def rejoin(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    query = update.callback_query
    view = await _ticket_of_button(update, context)
    if view is None:
        return
    await query.answer()
    await drop_buttons(query)
    try:
        view = await context.services.queue.rejoin(view.id)
    except errors.RejoinExpired:
        await update.effective_message.reply_text(t("nt.rejoin_expired", lang), reply_markup=main_keyboard(lang))
        return
    except errors.InvalidTransition:
        return await answer_stale(update, context)
    await update.effective_message.reply_text(t("nt.rejoined", lang, number=view.number, position=view.position or "-"))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("status", status))
    app.add_handler(MessageHandler(filters.Regex(menu_regex("pt.btn.status")), status))
    app.add_handler(CommandHandler("batal", batal))
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^bt:"))
    app.add_handler(CallbackQueryHandler(rejoin, pattern=r"^rj:"))
    app.add_handler(CallbackQueryHandler(show_one, pattern=r"^vw:"))
