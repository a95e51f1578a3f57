"""Staff at a counter or room: /call, /recall, /skip, /done, /transfer, /queue, /pause, /resume,
and the panel of inline buttons a nurse taps instead of typing.

The channel is remembered per staff member (/call Loket 1 once, then /call); /call A-007 calls that
waiting number at the remembered channel (whichever doctor it waits for). Button data carry
the ticket they were made for, so a stale button (the patient was already finished elsewhere,
or the panel is old) is answered as such instead of acting on someone else.
"""
from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from bot.roles import STAFF_ROLES
from bot.services import Services
from queue_core import errors
from queue_core.service_base import TicketView
from queue_core.staff_views import staff_queue

from . import staff_counter
from .buttondata import button_int
from .staff_common import Audit, error_text, known_channels, privileged

log = logging.getLogger(__name__)
PREFIX = "st"
NUMBER = re.compile(r"^[A-Za-z]{1,4}-\d{1,5}$")  # a ticket number, never a channel's name

COMMANDS = [
    MenuCommand("call", "Panggil berikutnya / Call next", roles=STAFF_ROLES, order=10),
    MenuCommand("recall", "Panggil ulang / Call again", roles=STAFF_ROLES, order=11),
    MenuCommand("done", "Selesai, ke tahap berikut / Done, next phase", roles=STAFF_ROLES, order=12),
    MenuCommand("skip", "Lewati (tidak hadir) / Skip (absent)", roles=STAFF_ROLES, order=13),
    MenuCommand("transfer", "Pindah layanan / Transfer to a service", roles=STAFF_ROLES, order=14),
    MenuCommand("queue", "Lihat antrean / Show the queue", roles=STAFF_ROLES, order=15),
    MenuCommand("pause", "Jeda loket/ruang / Pause my counter", roles=STAFF_ROLES, order=16),
    MenuCommand("resume", "Buka lagi / Resume my counter", roles=STAFF_ROLES, order=17),
    *staff_counter.COMMANDS,
]


# ---------------------------------------------------------------------- helpers

def panel(channel: str, view: TicketView | None, lang: str) -> InlineKeyboardMarkup:
    if view is not None and view.status in ("called", "serving"):
        tid = view.id
        return InlineKeyboardMarkup([[
            InlineKeyboardButton(t("btn.recall", lang), callback_data=f"{PREFIX}:recall:{tid}:{channel}"),
            InlineKeyboardButton(t("btn.skip", lang), callback_data=f"{PREFIX}:skip:{tid}:{channel}"),
            InlineKeyboardButton(t("btn.done", lang), callback_data=f"{PREFIX}:done:{tid}:{channel}"),
        ]])
    return InlineKeyboardMarkup([[InlineKeyboardButton(t("btn.call_next", lang), callback_data=f"{PREFIX}:call:0:{channel}")]])


def _service_name(services: Services, code: str, lang: str) -> str:
    svc = services.settings.services.get(code)
    return code if svc is None else (svc.name if lang == "id" else svc.name_en)


def _flags(services: Services, view: TicketView, lang: str) -> str:
    conditions = services.settings.conditions
    flags = ""
    labels = [conditions[c].label if lang == "id" else conditions[c].label_en for c in view.conditions if c in conditions]
    if labels:
        flags += "\n" + t("staff.priority", lang, level=view.level, labels=", ".join(labels))
    if any(conditions[c].isolation for c in view.conditions if c in conditions):
        flags += "\n" + t("staff.isolation", lang).strip()
    return flags


def _match_channel(services: Services, text: str) -> str:
    wanted = "".join(text.split()).casefold()
    for c in services.settings.channels:
        if "".join(c.name.split()).casefold() == wanted:
            return c.name
    raise errors.UnknownChannel(channel=text, known=[c.name for c in services.settings.channels])


async def _channel_for(update: Update, context, audit: Audit, explicit: str | None = None) -> str | None:
    """The channel named in the command (remembered from now on), else the remembered one."""
    services = context.services
    user = update.effective_user
    if explicit:
        try:
            name = _match_channel(services, explicit)
        except errors.UnknownChannel as exc:
            audit.detail["error"] = exc.code
            await update.effective_message.reply_text(error_text(exc, audit.lang))
            return None
        await services.staff.remember_channel(user.id, name, audit.role.value, user.first_name or "")
        audit.target = name
        return name
    name = await services.staff.channel_of(user.id)
    if name is None or not any(c.name == name for c in services.settings.channels):
        audit.detail["error"] = "no_channel"
        await update.effective_message.reply_text(t("staff.no_channel", audit.lang, known=known_channels(services.settings)))
        return None
    audit.target = name
    return name


# ---------------------------------------------------------------------- actions (commands and buttons)

async def act(services: Services, action: str, channel: str, audit: Audit,
              number: str | None = None) -> tuple[str, TicketView | None]:
    """Run one action at a channel; returns the reply and the ticket now at the channel (for the panel).
    `number`: /call A-007, that waiting number rather than the next."""
    queue, lang = services.queue, audit.lang
    try:
        if action == "call":
            view = await queue.call_next(channel, number)
            if view is None:
                return t("staff.nobody", lang, channel=channel), None
            audit.detail["number"] = view.number
            return t("staff.called", lang, number=view.number, service=_service_name(services, view.service, lang),
                     channel=channel, flags=_flags(services, view, lang)), view
        if action == "recall":
            view = await queue.recall(channel)
            audit.detail["number"] = view.number
            return t("staff.recalled", lang, number=view.number, channel=channel, calls=1 + view.recalls), view
        if action == "skip":
            view = await queue.skip(channel)
            audit.detail["number"] = view.number
            return t("staff.skipped", lang, number=view.number), None
        if action == "done":
            view = await queue.finish(channel)
            audit.detail["number"] = view.number
            if view.status == "done":
                return t("staff.finished_done", lang, number=view.number), None
            phase = services.settings.phases[view.phase]
            return t("staff.finished_next", lang, number=view.number, channel=channel,
                     phase=phase.label if lang == "id" else phase.label_en), None
    except errors.QueueError as exc:
        audit.detail["error"] = exc.code
        return error_text(exc, lang), await queue.current(channel)
    raise ValueError(action)


def _command(action: str):
    @privileged(action)
    async def handler(update: Update, context: PusqueContext, audit: Audit) -> None:
        explicit = " ".join(context.args) if (context.args and action == "call") else None
        number = explicit.upper() if explicit and NUMBER.match(explicit) else None
        channel = await _channel_for(update, context, audit, None if number else explicit)
        if channel is None:
            return
        text, view = await act(context.services, action, channel, audit, number)
        await update.effective_message.reply_text(text, reply_markup=panel(channel, view, audit.lang))

    handler.__name__ = f"{action}_command"
    return handler


@privileged("button")
async def on_button(update: Update, context: PusqueContext, audit: Audit) -> None:
    query = update.callback_query
    services = context.services
    parts = query.data.split(":", 3)
    action, ticket_id, channel = (parts[1], button_int(parts[2], minimum=0), parts[3]) if len(parts) == 4 else ("", None, "")
    if ticket_id is None:
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    audit.action, audit.target = action, channel
    audit.detail["via"] = "button"
    if not any(c.name == channel for c in services.settings.channels):
        audit.detail["error"] = "stale"
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    if action != "call":
        current = await services.queue.current(channel)
        if current is None or current.id != ticket_id:
            audit.detail["error"] = "stale"
            await query.answer(t("staff.stale", audit.lang), show_alert=True)
            await _edit(query, None, panel(channel, current, audit.lang))
            return
    text, view = await act(services, action, channel, audit)
    await query.answer(t("staff.stale", audit.lang) if audit.detail.get("error") else None)
    await _edit(query, text, panel(channel, view, audit.lang))


async def _edit(query, text: str | None, markup: InlineKeyboardMarkup) -> None:
    try:
        if text is None:
            await query.edit_message_reply_markup(markup)
        else:
            await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:  # "message is not modified": the same panel pressed twice
        if "not modified" not in str(exc):
            raise


@privileged("transfer")
async def transfer_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    args = list(context.args or [])
    known = ", ".join(sorted(services.settings.services))
    if not args or len(args) > 2:
        await update.effective_message.reply_text(t("staff.transfer_usage", audit.lang, known=known))
        return
    to_service = args[-1].upper()
    if to_service not in services.settings.services:
        audit.detail["error"] = "unknown_service"
        await update.effective_message.reply_text(t("staff.unknown_service", audit.lang, service=args[-1], known=known))
        return
    try:
        if len(args) == 2:
            ticket = await services.queue.find(args[0])
        else:
            channel = await _channel_for(update, context, audit)
            if channel is None:
                return
            ticket = await services.queue.current(channel)
            if ticket is None:
                raise errors.NoCurrentTicket(channel=channel)
        audit.target = ticket.number
        audit.detail.update(number=ticket.number, to=to_service)
        view = await services.queue.transfer(ticket.id, to_service)
    except errors.QueueError as exc:
        audit.detail["error"] = exc.code
        await update.effective_message.reply_text(error_text(exc, audit.lang))
        return
    await update.effective_message.reply_text(t(
        "staff.transferred", audit.lang, number=view.number, service=_service_name(services, to_service, audit.lang),
        position=view.position or "-"))


@privileged("queue")
async def queue_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    channel = await _channel_for(update, context, audit, " ".join(context.args) if context.args else None)
    if channel is None:
        return
    total, lines = await staff_queue(services.db, services.settings, channel, services.clock())
    if not total:
        await update.effective_message.reply_text(t("staff.queue_empty", audit.lang, channel=channel))
        return
    conditions = services.settings.conditions
    lang = audit.lang
    out = [t("staff.queue_header", lang, channel=channel, total=total)]
    for line in lines:
        flags = [conditions[c].label if lang == "id" else conditions[c].label_en for c in line.conditions if c in conditions]
        if line.isolation:
            flags.append(t("staff.isolation_flag", lang))
        who = line.name + (f" ({line.nik_masked})" if line.nik_masked else "")
        out.append(f"{line.position}. {line.number} [P{line.level}] {who} {line.waited_minutes} " + t("staff.minutes", lang)
                   + (" — " + ", ".join(flags) if flags else ""))
    if total > len(lines):
        out.append(f"… +{total - len(lines)}")
    await update.effective_message.reply_text("\n".join(out), reply_markup=staff_counter.clear_buttons(services, lines, lang))


def _pause(paused: bool):
    @privileged("pause" if paused else "resume")
    async def handler(update: Update, context: PusqueContext, audit: Audit) -> None:
        channel = await _channel_for(update, context, audit, " ".join(context.args) if context.args else None)
        if channel is None:
            return
        await context.services.queue.set_paused(channel, paused)
        await update.effective_message.reply_text(t("staff.paused" if paused else "staff.resumed", audit.lang, channel=channel))

    return handler


def register(app: Application) -> None:
    for action in ("call", "recall", "skip", "done"):
        app.add_handler(CommandHandler(action, _command(action)))
    app.add_handler(CommandHandler("transfer", transfer_command))
    app.add_handler(CommandHandler("queue", queue_command))
    app.add_handler(CommandHandler("pause", _pause(True)))
    app.add_handler(CommandHandler("resume", _pause(False)))
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
    staff_counter.register(app)
