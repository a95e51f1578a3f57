"""/data: the patient sees what is stored about their account and can delete it all.

Deleting cancels their active tickets, deletes patients, account and conversation state; past
tickets stay only anonymised (queue_core.patients.PatientRepository.erase_account).
"""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from queue_core import errors
from queue_core.privacy import mask_nik

from .mydata_edit import edit_buttons
from .patient_common import answer_stale, inline, main_keyboard, patients, touch

log = logging.getLogger(__name__)
COMMANDS = [MenuCommand("data", "Data saya / My data", order=5)]
CONFIRM_KEY = "md_confirm"


def describe(p, lang: str) -> list[str]:
    lines = [f"• {p.name} ({t(f'rel.{p.relation}', lang)})"]
    if p.nik:
        lines.append(f"  {t('field.nik', lang)}: {mask_nik(p.nik)}")
    if p.no_kk:
        lines.append(f"  {t('field.no_kk', lang)}: {mask_nik(p.no_kk)}")
    if p.birth_date:
        lines.append(f"  {t('field.birth_date', lang)}: {p.birth_date.strftime('%d-%m-%Y')}")
    if p.sex:
        lines.append(f"  {t('field.sex', lang)}: {t(f'sex.{p.sex}', lang)}")
    for field in ("address", "phone", "bpjs"):
        value = getattr(p, field)
        if value:
            lines.append(f"  {t(f'field.{field}', lang)}: {value}")
    return lines


async def show(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    people = await patients(context).patients_of(update.effective_user.id)
    buttons = [[(t("md.btn.add", lang), "reg:start")]]
    if not people:
        await update.effective_message.reply_text(t("md.none", lang), reply_markup=inline(buttons))
        return
    lines = [t("md.header", lang), ""]
    for p in people:
        lines += describe(p, lang)
    lines += ["", t("md.footer", lang)]
    buttons += edit_buttons(people, lang)
    buttons.append([(t("md.btn.delete", lang), "md:delete")])
    await update.effective_message.reply_text("\n".join(lines), reply_markup=inline(buttons))


async def ask_delete(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    await update.callback_query.answer()
    sent = await update.effective_message.reply_text(t("md.confirm", lang), reply_markup=inline(
        [[(t("md.yes", lang), "md:erase"), (t("bt.no", lang), "md:keep")]]))
    context.user_data[CONFIRM_KEY] = sent.message_id  # the one message whose buttons may erase


async def erase(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    query = update.callback_query
    # Only a press on the confirmation this user was just shown: a forged "md:erase" (no /data,
    # no "delete" step) or an old confirmation is a stale button, never an erase.
    expected = context.user_data.pop(CONFIRM_KEY, None)
    if query.message is None or expected is None or query.message.message_id != expected:
        return await answer_stale(update, context)
    await query.answer()
    await query.edit_message_reply_markup(None)
    user_id = update.effective_user.id
    if query.data == "md:keep":
        await update.effective_message.reply_text(t("md.kept", lang), reply_markup=main_keyboard(lang))
        return
    queue = context.services.queue
    for ticket in await queue.tickets_of_user(user_id):
        try:
            await queue.cancel(ticket.id, by="patient", reason="data_deleted")
        except errors.QueueError:
            pass
    report = await patients(context).erase_account(user_id)
    context.user_data.clear()
    try:
        await context.application.persistence.drop_user_data(user_id)
    except Exception:  # noqa: BLE001 - the row is already deleted with the account
        pass
    log.info("account erased: %d patients, %d tickets anonymised", report.patients, report.tickets_anonymised)
    await update.effective_message.reply_text(t("md.deleted", lang, patients=report.patients),
                                              reply_markup=main_keyboard(lang))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("data", show))
    app.add_handler(CallbackQueryHandler(ask_delete, pattern=r"^md:delete$"))
    app.add_handler(CallbackQueryHandler(erase, pattern=r"^md:(erase|keep)$"))
