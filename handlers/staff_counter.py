"""Staff in chat (issue 22): `/cancel NUMBER REASON`, and clearing a service's queue from /queue
with a confirmation. Both are audited (handlers/staff_common.py) and the patients are told
through the outbox, with the reason."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.context import PusqueContext
from bot.i18n import clip, t
from bot.menu import MenuCommand
from bot.roles import STAFF_ROLES
from queue_core import errors
from queue_core.staff_views import StaffQueueLine

from .staff_common import Audit, error_text, privileged
from .texts_counter import CLEAR_REASONS

PREFIX = "sq"
MAX_REASON = 200

COMMANDS = [MenuCommand("cancel", "Batalkan nomor (dengan alasan) / Cancel a number", roles=STAFF_ROLES, order=18)]


def _service_name(services, code: str, lang: str) -> str:
    svc = services.settings.services.get(code)
    return code if svc is None else (svc.name if lang == "id" else svc.name_en)


@privileged("cancel")
async def cancel_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    args = list(context.args or [])
    note = " ".join(" ".join(args[1:]).split())[:MAX_REASON]
    if not note:
        audit.detail["error"] = "usage"
        await update.effective_message.reply_text(t("counter.cancel_usage", audit.lang))
        return
    number = args[0].upper()[:16]
    audit.target = number
    audit.detail.update(number=number, reason=note)
    try:
        ticket = await services.queue.find(number)
        view = await services.queue.cancel(ticket.id, by="staff", reason="staff", note=note)
    except errors.QueueError as exc:
        audit.detail["error"] = exc.code
        await update.effective_message.reply_text(error_text(exc, audit.lang))
        return
    audit.detail["told"] = view.user_id is not None
    told = "counter.told" if view.user_id is not None else "counter.not_told"
    await update.effective_message.reply_text(
        f"{t('counter.cancelled', audit.lang, number=view.number, reason=note)} {t(told, audit.lang)}")


def clear_buttons(services, lines: list[StaffQueueLine], lang: str) -> InlineKeyboardMarkup | None:
    """Under /queue: one "clear" button per service waiting in the list."""
    codes = sorted({line.service for line in lines if line.service in services.settings.services})
    if not codes:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        t("counter.clear_button", lang, service=_service_name(services, c, lang)), callback_data=f"{PREFIX}:ask:{c}")]
        for c in codes])


def _confirm_markup(code: str, lang: str) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(t(f"counter.reason.{key}", lang), callback_data=f"{PREFIX}:go:{code}:{key}")]
            for key in CLEAR_REASONS]
    rows.append([InlineKeyboardButton(t("btn.cancel", lang), callback_data=f"{PREFIX}:no:{code}")])
    return InlineKeyboardMarkup(rows)


@privileged("clear_queue")
async def on_button(update: Update, context: PusqueContext, audit: Audit) -> None:
    query = update.callback_query
    services = context.services
    parts = query.data.split(":")
    action, code = (parts[1], parts[2]) if len(parts) >= 3 else ("", "")
    key = parts[3] if len(parts) == 4 else None
    audit.target = code
    audit.detail.update(step=action)
    if code not in services.settings.services or (action == "go" and key not in CLEAR_REASONS) \
            or action not in ("ask", "go", "no"):
        audit.detail["error"] = "stale"
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    await query.answer()
    lang = audit.lang
    name = _service_name(services, code, lang)
    if action == "no":
        await query.edit_message_text(t("counter.clear_kept", lang, service=name))
        return
    if action == "ask":
        phases = services.queue.clear_phases(code)
        labels = ", ".join(services.settings.phases[p].label if lang == "id" else services.settings.phases[p].label_en
                           for p in phases)
        n = await services.queue.clearable(code)
        await query.message.reply_text(t("counter.clear_confirm", lang, service=name, n=n, phases=labels),
                                       reply_markup=_confirm_markup(code, lang))
        return
    reason = t(f"counter.reason.{key}", "id")
    numbers = await services.queue.clear_service(code, reason)
    audit.detail.update(reason=reason, count=len(numbers), numbers=numbers[:200])
    if not numbers:
        await query.edit_message_text(t("counter.clear_nothing", lang, service=name))
        return
    shown = clip(", ".join(numbers), 600)
    await query.edit_message_text(t("counter.cleared", lang, service=name, n=len(numbers), numbers=shown, reason=reason))


def register(app: Application) -> None:
    # Only "/cancel" with arguments: a bare /cancel still ends a patient's registration (handlers/register.py).
    app.add_handler(CommandHandler("cancel", cancel_command, filters=filters.Regex(r"^/cancel(@\w+)?\s+\S")))
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
