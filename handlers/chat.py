"""Everything a patient says outside a command: the language choice, the help button, free text
to the FAQ matcher (or an honest "I don't know" + the clinic's contact, the question kept for
admins), stickers, voice notes, stray files and photos, and buttons nobody handles any more.

Registered last (handlers/__init__.py FEATURES): these handlers only see what no other handler
of group 0 took.
"""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand, commands_of, publish_for_user

from . import help as help_feature
from .doctor_schedule import schedule_text
from .patient_common import (
    LANG_KEY,
    answer_stale,
    faq_matcher,
    inline,
    menu_keyboard,
    menu_regex,
    patients,
    touch,
)

log = logging.getLogger(__name__)
COMMANDS = [MenuCommand("bahasa", "Bahasa / Language", order=8)]


def language_buttons():
    return inline([[("🇮🇩 Bahasa Indonesia", "lang:id"), ("🇬🇧 English", "lang:en")]])


async def ask_language(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    await update.effective_message.reply_text(t("pt.lang.ask", lang), reply_markup=language_buttons())


async def set_language(update: Update, context: PusqueContext) -> None:
    await touch(update, context)
    query = update.callback_query
    lang = query.data.split(":")[1]
    if lang not in ("id", "en"):
        return await answer_stale(update, context)
    await query.answer()
    await patients(context).set_lang(update.effective_user.id, lang)
    context.user_data[LANG_KEY] = lang
    keyboard = await menu_keyboard(update, context, lang)
    await update.effective_message.reply_text(t("pt.lang.set", lang), reply_markup=keyboard)
    role = await context.services.roles.role_of(update.effective_user.id)
    await publish_for_user(context.bot, update.effective_user.id, role, commands_of(context), lang)


async def faq(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    question = update.effective_message.text.strip()
    matcher = await faq_matcher(context)
    result = None
    if matcher is not None:
        try:
            result = matcher.match(question)
        except Exception:  # noqa: BLE001 - a matcher failure must not silence the bot
            log.exception("FAQ matcher failed")
    if result is not None and result.kind == "faq" and result.intent == "jadwal_dokter":
        # the live schedule (doctors, closures, leave), not the corpus's fixed words
        await update.effective_message.reply_text(await schedule_text(context.services, lang),
                                                  reply_markup=await menu_keyboard(update, context, lang))
        return
    if result is not None and result.kind in ("faq", "smalltalk") and (result.intent or result.smalltalk):
        keyboard = await menu_keyboard(update, context, lang)
        await update.effective_message.reply_text(matcher.reply(result, lang), reply_markup=keyboard)
        return
    score = getattr(result, "score", None)
    await patients(context).record_unanswered(update.effective_user.id, question, score)
    clinic = context.services.settings.clinic
    text = t("faq.unknown", lang, phone=clinic.phone, whatsapp=clinic.whatsapp)
    if result is not None and result.near_emergency:
        text += "\n\n" + matcher.answer("darurat", lang)
    await update.effective_message.reply_text(text, reply_markup=await menu_keyboard(update, context, lang))


async def odd(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    message = update.effective_message
    if message.sticker:
        key = "odd.sticker"
    elif message.voice or message.audio or message.video_note:
        key = "odd.voice"
    elif message.contact or message.location or message.venue:
        key = "odd.contact"
    else:
        key = "odd.file"
    await message.reply_text(t(key, lang), reply_markup=await menu_keyboard(update, context, lang))


async def unknown_command(update: Update, context: PusqueContext) -> None:
    """A command no feature handles (a typo, or a command this user's role does not have)."""
    lang = await touch(update, context)
    message = update.effective_message
    command = (message.text or message.caption or "/").split()[0][:40]
    keyboard = await menu_keyboard(update, context, lang)
    await message.reply_text(t("odd.command", lang, command=command), reply_markup=keyboard)


async def stale_button(update: Update, context: PusqueContext) -> None:
    await answer_stale(update, context)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("bahasa", ask_language))
    app.add_handler(CallbackQueryHandler(set_language, pattern=r"^lang:"))
    app.add_handler(MessageHandler(filters.Regex(menu_regex("pt.btn.help")), help_feature.help_command))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, faq))
    app.add_handler(MessageHandler(
        filters.ChatType.PRIVATE & (filters.Sticker.ALL | filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE
                                    | filters.Document.ALL | filters.PHOTO | filters.VIDEO
                                    | filters.CONTACT | filters.LOCATION), odd))
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command))
    # registered last of group 0 (FEATURES puts `chat` last): only buttons no feature took land
    # here (old, forged, or another feature's that no longer exist) and are answered as stale
    app.add_handler(CallbackQueryHandler(stale_button))
