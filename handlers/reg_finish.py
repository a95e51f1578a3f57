"""The registration's last steps: phone, optional BPJS, the patient saved; and /batal."""
from __future__ import annotations

import datetime as dt
import logging

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import PusqueContext
from bot.i18n import t
from queue_core.patients import DuplicatePatient

from . import reg_resume
from .patient_common import main_keyboard, patients, question_in_form, touch
from .reg_fields import PARSERS, REG, fields_for, record_problems
from .reg_steps import ask, ask_bpjs, ask_next, problem_text, reg_of, show_confirm
from .texts_patient import TEXTS

log = logging.getLogger(__name__)
END = ConversationHandler.END
SKIP_WORDS = {*(word.lower() for word in TEXTS["reg.btn.skip"].values()), "tidak punya", "tidak ada", "-"}


def _today(context) -> dt.date:

    return context.services.clock().date()


async def got_phone(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    message = update.effective_message
    text = message.contact.phone_number if message.contact else message.text
    phone, problem = PARSERS["phone"](text or "", _today(context))
    answer = None if message.contact else await question_in_form(context, text or "", lang, accepted=problem is None)
    if answer is not None or problem is not None:
        # the question again under the reason: the phone keyboard stays (no new markup)
        return await ask(message, context, "phone", lang, before=answer or problem_text(problem, lang))
    reg_of(context)["draft"]["phone"] = phone
    return await ask_bpjs(message, context, lang)


async def got_bpjs(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    text = update.effective_message.text
    if text.strip().lower() in SKIP_WORDS:
        return await _save(update, context, lang)
    bpjs, problem = PARSERS["bpjs"](text, _today(context))
    answer = await question_in_form(context, text, lang, accepted=problem is None)
    if answer is not None or problem is not None:
        # the "Lewati" keyboard stays
        return await ask(update.effective_message, context, "bpjs", lang, before=answer or problem_text(problem, lang))
    reg_of(context)["draft"]["bpjs"] = bpjs
    return await _save(update, context, lang)


async def skip_bpjs(update: Update, context: PusqueContext):
    """The inline "Lewati" of a BPJS prompt sent before the reply keyboard (a conversation resumed
    across an upgrade)."""
    lang = await touch(update, context)
    await update.callback_query.answer()
    await update.callback_query.edit_message_reply_markup(None)
    return await _save(update, context, lang)


async def _save(update: Update, context, lang: str):
    reg = reg_of(context)
    missing = [f for f in fields_for(reg["kind"]) if not reg["draft"].get(f)]
    if len(missing) == len(fields_for(reg["kind"])) and await reg_resume.saved_before_a_crash(update, context, lang):
        return END
    if missing:
        # The conversation state got ahead of the draft: ask again for what is missing instead of failing.
        log.warning("registration draft incomplete at save (%s); asking again", ", ".join(missing))
        return await ask_next(update.effective_message, context, lang)
    d = reg["draft"]
    born = dt.date.fromisoformat(d["birth_date"]) if d.get("birth_date") else None
    try:
        saved = await patients(context).add(
            update.effective_user.id, relation=reg["kind"], name=d["name"], nik=d.get("nik"), no_kk=d.get("no_kk"),
            birth_date=born, sex=d.get("sex"), address=d.get("address"), phone=d.get("phone"), bpjs=d.get("bpjs"))
    except DuplicatePatient:
        # this very draft saved before a SIGKILL took the conversation's end with it: the patient
        # sent the last answer again. Saved, then, not a duplicate.
        before = await reg_resume.saved_patient(update, context)
        if before is not None:
            context.user_data.pop(REG, None)
            await update.effective_message.reply_text(t("reg.saved", lang, name=before.name), reply_markup=main_keyboard(lang))
            return END
        context.user_data.pop(REG, None)
        await update.effective_message.reply_text(t("reg.dup", lang), reply_markup=main_keyboard(lang))
        return END
    # Dropped only now: another chat's update can store this user_data while `add` runs, and the
    # draft must not be gone from the database before the patient is in it.
    context.user_data.pop(REG, None)
    await update.effective_message.reply_text(t("reg.saved", lang, name=saved.name), reply_markup=main_keyboard(lang))
    return END


async def cancel(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    context.user_data.pop(REG, None)
    if update.callback_query:
        await update.callback_query.answer()
    await update.effective_message.reply_text(t("reg.cancelled", lang), reply_markup=main_keyboard(lang))
    return END


async def phone_at_confirm(update: Update, context: PusqueContext):
    """A phone number while the confirm is open: the phone is asked only after "Data benar", so it
    was pressed and a crash lost the step before it was stored. Taken as both."""
    lang = await touch(update, context)
    reg = reg_of(context)
    problems = record_problems(reg["kind"], reg["draft"], context.services.clock().date())
    if problems:
        return await show_confirm(update.effective_message, context, lang, problems)
    return await got_phone(update, context)
