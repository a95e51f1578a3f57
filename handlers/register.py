"""Registration: KTP photo (read by ocr in a worker) or typed data -> confirm/edit field by
field -> validation -> phone -> optional BPJS -> saved Patient. Family members too: an adult
with a KTP, or a child without one (family card number + the parent's address).

A persistent ConversationHandler (bot/persistence.py): after a restart the patient continues
where they were. The draft lives in user_data["reg"] (JSON only). Each question is stored before
it is sent and a button or answer of another step shows the current one (reg_steps.py); the last
steps are in reg_finish.py, what a crash can leave behind in reg_resume.py.
"""
from __future__ import annotations

import datetime as dt
import logging
import warnings

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from bot.persistence import save_step

from . import chat, mydata, reg_resume
from .patient_common import (
    MENU_KEYS,
    drop_buttons,
    inline,
    ktp_reader,
    main_keyboard,
    menu_regex,
    patients,
    question_in_form,
    touch,
)
from .reg_fields import PARSERS, REG, Problem, fields_for, from_ocr, record_problems
from .reg_finish import cancel, got_bpjs, got_phone, phone_at_confirm, skip_bpjs
from .reg_steps import (
    AWAIT_KTP,
    BPJS,
    CHOOSE_WHO,
    CONFIRM,
    NAME,
    PHONE,
    TYPING,
    ask,
    ask_ktp,
    ask_next,
    ask_phone,
    ask_who,
    button_of_another_step,
    problem_text,
    reg_of,
    show_confirm,
    text_at_a_button_step,
)

log = logging.getLogger(__name__)
COMMANDS = [MenuCommand("daftar", "Daftar pasien / Register", order=2)]

END = ConversationHandler.END


def _today(context) -> dt.date:
    return context.services.clock().date()


_reg = reg_of


# ---------------------------------------------------------------------- entry
async def entry_menu(update: Update, context: PusqueContext):
    """The "Daftar / Data saya" button: registered accounts see their data, others register."""
    await touch(update, context)
    if await patients(context).patients_of(update.effective_user.id):
        await mydata.show(update, context)
        return END
    return await _begin(update, context, "self")


async def entry_command(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    if not await patients(context).patients_of(update.effective_user.id):
        return await _begin(update, context, "self")
    return await ask_who(update.effective_message, context, lang)


async def entry_photo(update: Update, context: PusqueContext):
    """A photo sent by someone not registered yet, with no form open (the welcome asks a new patient
    for it): their KTP, read at once. Anyone registered gets the usual "not needed" answer."""
    await touch(update, context)
    if await patients(context).patients_of(update.effective_user.id):
        await chat.odd(update, context)  # the same answer as any stray file
        return END
    context.user_data[REG] = {"kind": "self", "draft": {}}
    reg_of(context)["step"] = AWAIT_KTP
    await save_step(context, NAME, AWAIT_KTP)
    return await got_photo(update, context)


async def entry_family(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.callback_query.answer()
    return await ask_who(update.effective_message, context, lang)


async def chose_who(update: Update, context: PusqueContext):
    await update.callback_query.answer()
    kind = update.callback_query.data.split(":")[2]
    return await _begin(update, context, kind)


async def _begin(update: Update, context, kind: str):
    lang = await touch(update, context)
    message = update.effective_message
    draft: dict = {}
    if kind == "anak":
        owner = [p for p in await patients(context).patients_of(update.effective_user.id) if p.relation == "self"]
        if not owner:
            await message.reply_text(t("reg.need_self_first", lang), reply_markup=main_keyboard(lang))
            return END
        draft = {"address": owner[0].address, "parent": owner[0].name}
        context.user_data[REG] = {"kind": kind, "draft": draft}
        return await ask_next(message, context, lang, before=t("reg.child_intro", lang))
    context.user_data[REG] = {"kind": kind, "draft": draft}
    return await ask_ktp(message, context, lang)


# ---------------------------------------------------------------------- KTP photo
async def got_photo(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    message = update.effective_message
    settings = context.services.settings
    if message.photo:
        media, filename = message.photo[-1], "ktp.jpg"
    else:
        media, filename = message.document, message.document.file_name or "ktp.jpg"
    limit = settings.ocr_max_image_bytes
    if (media.file_size or 0) > limit:
        await message.reply_text(t("reg.too_big", lang, mb=limit // 1_000_000))
        return AWAIT_KTP
    reader = await ktp_reader(context)
    if reader is None:
        await message.reply_text(t("reg.ocr_unavailable", lang))
        return await ask_next(message, context, lang)
    # "typing…" while the card is read (1-3 s), not a "please wait" message: in a morning rush every
    # message counts against Telegram's 30 a second, and the form itself comes next
    await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
    try:
        data = bytes(await (await media.get_file()).download_as_bytearray())
    except TelegramError as exc:  # e.g. "file is too big" for a >20 MB document
        log.info("KTP download failed: %s", exc)
        await message.reply_text(t("reg.too_big", lang, mb=limit // 1_000_000))
        return AWAIT_KTP
    result = await reader.read(data, filename, today=_today(context))
    del data
    if not settings.keep_ktp_photos:
        try:
            await message.delete()  # the KTP photo does not stay in the chat either
        except TelegramError:
            pass
    draft, notes = from_ocr(result, settings.ocr_min_confidence)
    if result.get("error") or not draft.get("nik") and not draft.get("name"):
        reason = result.get("error") or "; ".join(result.get("problems") or []) or "?"
        await message.reply_text(t("reg.ocr_failed", lang, reason=reason),
                                 reply_markup=inline([[(t("reg.btn.type", lang), "reg:type")]]))
        return AWAIT_KTP
    log.info("KTP read: fields %s, problems %s", sorted(draft), len(result.get("problems") or []))
    reg = _reg(context)
    reg["draft"].update(draft)
    # what was read is shown at once; empty fields are marked there and asked from the confirm
    return await show_confirm(message, context, lang, notes=notes)


async def wants_typing(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.callback_query.answer()
    return await ask_next(update.effective_message, context, lang)


async def not_a_photo(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.effective_message.reply_text(t("reg.need_photo", lang), reply_markup=inline([[(t("reg.btn.type", lang), "reg:type")]]))
    return AWAIT_KTP


# ---------------------------------------------------------------------- typed fields
async def _accept(update: Update, context, value_text: str):
    lang = await touch(update, context)
    message = update.effective_message
    reg = _reg(context)
    field = reg.get("ask")
    if field not in PARSERS:
        return await ask_next(message, context, lang)
    value, problem = PARSERS[field](value_text, _today(context))
    answer = await question_in_form(context, value_text, lang, accepted=problem is None)
    if answer is not None or problem is not None:
        return await ask(message, context, field, lang, before=answer or problem_text(problem, lang))
    reg["draft"][field] = value
    if reg.pop("editing", False):
        reg.pop("ask", None)
        return await show_confirm(message, context, lang)
    return await ask_next(message, context, lang)


async def typed(update: Update, context: PusqueContext):
    return await _accept(update, context, update.effective_message.text)


async def sex_button(update: Update, context: PusqueContext):
    if _reg(context).get("ask") != "sex":
        return await button_of_another_step(update, context)
    await update.callback_query.answer()
    # the buttons come off after the next question is out: a SIGKILL between the two must not
    # leave a question the patient cannot answer
    state = await _accept(update, context, update.callback_query.data.split(":")[2])
    await drop_buttons(update.callback_query, TelegramError)
    return state


async def edit_field(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    query = update.callback_query
    field = query.data.split(":")[2]
    reg = _reg(context)
    if field not in fields_for(reg["kind"]):
        return await button_of_another_step(update, context)
    await query.answer()
    reg["ask"], reg["editing"] = field, True
    return await ask(update.effective_message, context, field, lang)


def draft_problems(context) -> list[Problem]:
    """What the draft still gets wrong as a whole record (the confirm shows these)."""
    reg = _reg(context)
    return record_problems(reg["kind"], reg["draft"], _today(context))


async def confirmed(update: Update, context: PusqueContext):
    """"✅ Data benar": on to the phone. When fields are still empty or wrong, the form's buttons come
    off (any Telegram error doing so is let go) and the field or the form is asked again."""
    lang = await touch(update, context)
    query = update.callback_query
    await query.answer()
    problems = draft_problems(context)
    if problems and all(p.key == "bad.missing" for p in problems):
        await drop_buttons(query, TelegramError)  # empty fields left: asked one by one, then the confirm again
        return await ask_next(update.effective_message, context, lang)
    if problems:
        await drop_buttons(query, TelegramError)
        return await show_confirm(update.effective_message, context, lang, problems)
    # The form keeps its buttons (taking them off is one more edit per patient in a rush); a press
    # on it now re-shows the phone question (reg_steps.show_current), nothing is lost.
    await ask_phone(update.effective_message, context, lang)
    return PHONE


async def need_text(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.effective_message.reply_text(t("reg.need_text", lang))
    return None  # stay in the same state


def conversation() -> ConversationHandler:
    # per_message=False on purpose: the conversation follows the patient, not one message
    warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
    menu = filters.Regex("|".join(menu_regex(key) for key in MENU_KEYS))
    text = filters.TEXT & ~filters.COMMAND & ~menu
    image_doc = filters.Document.IMAGE
    return ConversationHandler(
        name=NAME, persistent=True, allow_reentry=False,
        entry_points=[
            CommandHandler("daftar", entry_command),
            MessageHandler(filters.Regex(menu_regex("pt.btn.register")), entry_menu),
            CallbackQueryHandler(entry_family, pattern=r"^reg:start$"),
            MessageHandler(filters.ChatType.PRIVATE & (filters.PHOTO | image_doc) & ~filters.CaptionRegex(r"^/"),
                           entry_photo),
        ],
        states={
            CHOOSE_WHO: [CallbackQueryHandler(chose_who, pattern=r"^reg:who:(self|keluarga|anak)$"),
                         MessageHandler(text, text_at_a_button_step)],
            AWAIT_KTP: [
                MessageHandler(filters.PHOTO | image_doc, got_photo),
                CallbackQueryHandler(wants_typing, pattern=r"^reg:type$"),
                MessageHandler(~filters.COMMAND & ~menu, not_a_photo),
            ],
            TYPING: [MessageHandler(text, typed), CallbackQueryHandler(sex_button, pattern=r"^reg:sex:[LP]$")],
            CONFIRM: [
                CallbackQueryHandler(edit_field, pattern=r"^reg:edit:\w+$"),
                CallbackQueryHandler(confirmed, pattern=r"^reg:ok$"),
                MessageHandler(filters.CONTACT | filters.Regex(reg_resume.PHONE_LIKE), phone_at_confirm),
                MessageHandler(text, text_at_a_button_step),
            ],
            PHONE: [MessageHandler(filters.CONTACT | text, got_phone)],
            BPJS: [MessageHandler(text, got_bpjs), CallbackQueryHandler(skip_bpjs, pattern=r"^reg:skip$")],
        },
        fallbacks=[
            CommandHandler(["batal", "cancel"], cancel),
            CallbackQueryHandler(cancel, pattern=r"^reg:cancel$"),
            CallbackQueryHandler(button_of_another_step, pattern=r"^reg:"),
            MessageHandler(menu, reg_resume.menu_button),
            MessageHandler(~filters.COMMAND & ~filters.TEXT, need_text),
        ],
    )


def register(app: Application) -> None:
    app.add_handler(conversation())
