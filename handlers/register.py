"""Registration: KTP photo (read by ocr in a worker) or typed data -> confirm/edit field by
field -> validation -> phone -> optional BPJS -> saved Patient. Family members too: an adult
with a KTP, or a child without one (family card number + the parent's address).

A persistent ConversationHandler (bot/persistence.py): after a restart the patient continues
where they were. The draft lives in user_data["reg"] (JSON only).
"""
from __future__ import annotations

import datetime as dt
import logging
import warnings

from telegram import KeyboardButton, ReplyKeyboardMarkup, Update
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

from . import mydata, reg_resume
from .patient_common import (
    MENU_KEYS,
    answer_stale,
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

log = logging.getLogger(__name__)
COMMANDS = [MenuCommand("daftar", "Daftar pasien / Register", order=2)]

# Conversation states (persisted by name: never renumber, only add).
CHOOSE_WHO, AWAIT_KTP, TYPING, CONFIRM, PHONE, BPJS = (
    "reg_who", "reg_ktp", "reg_typing", "reg_confirm", "reg_phone", "reg_bpjs")
END = ConversationHandler.END
SHOWN_FIELDS = ("nik", "no_kk", "name", "birth_date", "sex", "address")


def _today(context) -> dt.date:
    return context.services.clock().date()


def _reg(context) -> dict:
    return context.user_data.setdefault(REG, {"kind": "self", "draft": {}})


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
    return await _ask_who(update.effective_message, lang)


async def entry_family(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.callback_query.answer()
    return await _ask_who(update.effective_message, lang)


async def _ask_who(message, lang: str):
    await message.reply_text(t("reg.who", lang), reply_markup=inline([
        [(t("reg.who.self", lang), "reg:who:self")], [(t("reg.who.family", lang), "reg:who:keluarga")],
        [(t("reg.who.child", lang), "reg:who:anak")], [(t("pt.btn.cancel", lang), "reg:cancel")]]))
    return CHOOSE_WHO


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
        await message.reply_text(t("reg.child_intro", lang))
        return await _ask_next(message, context, lang)
    context.user_data[REG] = {"kind": kind, "draft": draft}
    await message.reply_text(t("reg.ask_ktp", lang), reply_markup=inline([[(t("reg.btn.type", lang), "reg:type")]]))
    return AWAIT_KTP


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
        return await _ask_next(message, context, lang)
    status = await message.reply_text(t("reg.reading", lang))
    await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
    try:
        data = bytes(await (await media.get_file()).download_as_bytearray())
    except TelegramError as exc:  # e.g. "file is too big" for a >20 MB document
        log.info("KTP download failed: %s", exc)
        await status.edit_text(t("reg.too_big", lang, mb=limit // 1_000_000))
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
        await status.edit_text(t("reg.ocr_failed", lang, reason=reason),
                               reply_markup=inline([[(t("reg.btn.type", lang), "reg:type")]]))
        return AWAIT_KTP
    log.info("KTP read: fields %s, problems %s", sorted(draft), len(result.get("problems") or []))
    reg = _reg(context)
    reg["draft"].update(draft)
    # what was read is shown at once; empty fields are marked there and asked from the confirm
    await status.delete()
    return await _show_confirm(message, context, lang, notes=notes)


async def wants_typing(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.callback_query.answer()
    return await _ask_next(update.effective_message, context, lang)


async def not_a_photo(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.effective_message.reply_text(t("reg.need_photo", lang), reply_markup=inline([[(t("reg.btn.type", lang), "reg:type")]]))
    return AWAIT_KTP


# ---------------------------------------------------------------------- typed fields
async def _ask(message, field: str, lang: str, before: str = "") -> None:
    """Ask for `field`; `before` (why it is asked again) goes in the same message: one reply per
    answer keeps the patient's chat readable and the bot under Telegram's message limits."""
    text = (before + "\n\n" if before else "") + t(f"reg.ask.{field}", lang)
    if field == "sex":
        markup = inline([[(t("sex.L", lang), "reg:sex:L"), (t("sex.P", lang), "reg:sex:P")]])
        await message.reply_text(text, reply_markup=markup)
    else:
        await message.reply_text(text)


async def _ask_next(message, context, lang: str):
    reg = _reg(context)
    missing = [f for f in fields_for(reg["kind"]) if not reg["draft"].get(f)]
    if not missing:
        reg.pop("ask", None)
        return await _show_confirm(message, context, lang)
    reg["ask"], reg["editing"] = missing[0], False
    await _ask(message, missing[0], lang)
    return TYPING


async def _accept(update: Update, context, value_text: str):
    lang = await touch(update, context)
    message = update.effective_message
    reg = _reg(context)
    field = reg.get("ask")
    if field not in PARSERS:
        return await _ask_next(message, context, lang)
    value, problem = PARSERS[field](value_text, _today(context))
    answer = await question_in_form(context, value_text, lang, accepted=problem is None)
    if answer is not None or problem is not None:
        await _ask(message, field, lang, before=answer or _problem_text(problem, lang))
        return TYPING
    reg["draft"][field] = value
    if reg.pop("editing", False):
        reg.pop("ask", None)
        return await _show_confirm(message, context, lang)
    return await _ask_next(message, context, lang)


async def typed(update: Update, context: PusqueContext):
    return await _accept(update, context, update.effective_message.text)


async def sex_button(update: Update, context: PusqueContext):
    await update.callback_query.answer()
    if _reg(context).get("ask") != "sex":
        return await answer_stale(update, context)
    await update.callback_query.edit_message_reply_markup(None)
    return await _accept(update, context, update.callback_query.data.split(":")[2])


def _problem_text(problem: Problem, lang: str) -> str:
    values = dict(problem.values)
    if "field" in values:
        values["field"] = t(f"field.{values['field']}", lang)
    return t(problem.key, lang, **values)


# ---------------------------------------------------------------------- confirm / edit
def _value_text(field: str, value, lang: str) -> str:
    if not value:
        return t("field.empty", lang)
    if field == "sex":
        return t(f"sex.{value}", lang)
    if field == "birth_date":
        return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
    return str(value)


async def _show_confirm(message, context, lang: str, problems: list[Problem] = (), notes: list[str] = ()):
    reg = _reg(context)
    shown = [f for f in SHOWN_FIELDS if f in fields_for(reg["kind"])]
    lines = [t("reg.confirm", lang), ""]
    lines += [f"{t(f'field.{f}', lang)}: {_value_text(f, reg['draft'].get(f), lang)}" for f in shown]
    lines += [""] + [t(n, lang) for n in notes] if notes else []
    if any(not reg["draft"].get(f) for f in fields_for(reg["kind"])) and not problems:
        lines += ["", t("reg.fill_empty", lang, ok=t("reg.btn.ok", lang))]
    if problems:
        lines += ["", t("reg.problems", lang)] + [f"• {_problem_text(p, lang)}" for p in problems]
    rows = [[(f"✏️ {t(f'field.{f}', lang)}", f"reg:edit:{f}")] for f in shown]
    rows.append([(t("reg.btn.ok", lang), "reg:ok")])
    await message.reply_text("\n".join(lines), reply_markup=inline(rows))
    return CONFIRM


async def edit_field(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    query = update.callback_query
    await query.answer()
    field = query.data.split(":")[2]
    reg = _reg(context)
    if field not in fields_for(reg["kind"]):
        return await answer_stale(update, context)
    reg["ask"], reg["editing"] = field, True
    await _ask(update.effective_message, field, lang)
    return TYPING


def draft_problems(context) -> list[Problem]:
    """What the draft still gets wrong as a whole record (the confirm shows these)."""
    reg = _reg(context)
    return record_problems(reg["kind"], reg["draft"], _today(context))


async def confirmed(update: Update, context: PusqueContext):
    """"✅ Data benar": on to the phone. The buttons come off only after the phone question is out,
    so a crash between the two leaves a confirm that can be pressed again, never one without
    buttons (a SIGKILL after the edit trapped rush patients at "Periksa data"); any Telegram
    error taking them off is let go, so the conversation still moves on to the phone."""
    lang = await touch(update, context)
    query = update.callback_query
    await query.answer()
    problems = draft_problems(context)
    if problems and all(p.key == "bad.missing" for p in problems):
        await drop_buttons(query, TelegramError)  # empty fields left: asked one by one, then the confirm again
        return await _ask_next(update.effective_message, context, lang)
    if problems:
        await drop_buttons(query, TelegramError)
        return await _show_confirm(update.effective_message, context, lang, problems)
    keyboard = ReplyKeyboardMarkup([[KeyboardButton(t("reg.btn.contact", lang), request_contact=True)]],
                                   resize_keyboard=True, one_time_keyboard=True)
    await update.effective_message.reply_text(t("reg.ask.phone", lang), reply_markup=keyboard)
    await drop_buttons(query, TelegramError)
    return PHONE


# ---------------------------------------------------------------------- phone, BPJS, save
async def got_phone(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    message = update.effective_message
    text = message.contact.phone_number if message.contact else message.text
    phone, problem = PARSERS["phone"](text or "", _today(context))
    answer = None if message.contact else await question_in_form(context, text or "", lang, accepted=problem is None)
    if answer is not None:
        await _ask(message, "phone", lang, before=answer)  # the phone keyboard stays: no new markup
        return PHONE
    if problem is not None:
        await message.reply_text(_problem_text(problem, lang))
        return PHONE
    _reg(context)["draft"]["phone"] = phone
    # "Lewati" on a reply keyboard: it replaces the phone-sharing keyboard in the same message (an
    # inline button could not, and a second message only to remove a keyboard costs a send)
    skip = ReplyKeyboardMarkup([[t("reg.btn.skip", lang)]], resize_keyboard=True, one_time_keyboard=True)
    await message.reply_text(t("reg.ask.bpjs", lang), reply_markup=skip)
    return BPJS


SKIP_WORDS = {t("reg.btn.skip", "id").lower(), t("reg.btn.skip", "en").lower(), "tidak punya", "tidak ada", "-"}


async def got_bpjs(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    text = update.effective_message.text
    if text.strip().lower() in SKIP_WORDS:
        return await _save(update, context, lang)
    bpjs, problem = PARSERS["bpjs"](text, _today(context))
    answer = await question_in_form(context, text, lang, accepted=problem is None)
    if answer is not None:
        await _ask(update.effective_message, "bpjs", lang, before=answer)  # the "Lewati" keyboard stays
        return BPJS
    if problem is not None:
        await update.effective_message.reply_text(_problem_text(problem, lang))
        return BPJS
    _reg(context)["draft"]["bpjs"] = bpjs
    return await _save(update, context, lang)


async def skip_bpjs(update: Update, context: PusqueContext):
    """The inline "Lewati" of a BPJS prompt sent before the reply keyboard (a conversation resumed
    across an upgrade)."""
    lang = await touch(update, context)
    await update.callback_query.answer()
    await update.callback_query.edit_message_reply_markup(None)
    return await _save(update, context, lang)


async def _save(update: Update, context, lang: str):
    reg = _reg(context)
    missing = [f for f in fields_for(reg["kind"]) if not reg["draft"].get(f)]
    if len(missing) == len(fields_for(reg["kind"])) and await reg_resume.saved_before_a_crash(update, context, lang):
        return END
    if missing:
        # The conversation state got ahead of the draft: ask again for what is missing instead of failing.
        log.warning("registration draft incomplete at save (%s); asking again", ", ".join(missing))
        return await _ask_next(update.effective_message, context, lang)
    d = reg["draft"]
    born = dt.date.fromisoformat(d["birth_date"]) if d.get("birth_date") else None
    from queue_core.patients import DuplicatePatient

    try:
        saved = await patients(context).add(
            update.effective_user.id, relation=reg["kind"], name=d["name"], nik=d.get("nik"), no_kk=d.get("no_kk"),
            birth_date=born, sex=d.get("sex"), address=d.get("address"), phone=d.get("phone"), bpjs=d.get("bpjs"))
    except DuplicatePatient:
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


async def need_text(update: Update, context: PusqueContext):
    lang = await touch(update, context)
    await update.effective_message.reply_text(t("reg.need_text", lang))
    return None  # stay in the same state


async def stale(update: Update, context: PusqueContext):
    await answer_stale(update, context)
    return None


def conversation() -> ConversationHandler:
    # per_message=False on purpose: the conversation follows the patient, not one message
    warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
    menu = filters.Regex("|".join(menu_regex(key) for key in MENU_KEYS))
    text = filters.TEXT & ~filters.COMMAND & ~menu
    image_doc = filters.Document.IMAGE
    return ConversationHandler(
        name="register", persistent=True, allow_reentry=False,
        entry_points=[
            CommandHandler("daftar", entry_command),
            MessageHandler(filters.Regex(menu_regex("pt.btn.register")), entry_menu),
            CallbackQueryHandler(entry_family, pattern=r"^reg:start$"),
        ],
        states={
            CHOOSE_WHO: [CallbackQueryHandler(chose_who, pattern=r"^reg:who:(self|keluarga|anak)$")],
            AWAIT_KTP: [
                MessageHandler(filters.PHOTO | image_doc, got_photo),
                CallbackQueryHandler(wants_typing, pattern=r"^reg:type$"),
                MessageHandler(~filters.COMMAND & ~menu, not_a_photo),
            ],
            TYPING: [MessageHandler(text, typed), CallbackQueryHandler(sex_button, pattern=r"^reg:sex:[LP]$")],
            CONFIRM: [
                CallbackQueryHandler(edit_field, pattern=r"^reg:edit:\w+$"),
                CallbackQueryHandler(confirmed, pattern=r"^reg:ok$"),
                MessageHandler(filters.CONTACT | filters.Regex(reg_resume.PHONE_LIKE), reg_resume.phone_at_confirm),
            ],
            PHONE: [MessageHandler(filters.CONTACT | text, got_phone)],
            BPJS: [MessageHandler(text, got_bpjs), CallbackQueryHandler(skip_bpjs, pattern=r"^reg:skip$")],
        },
        fallbacks=[
            CommandHandler(["batal", "cancel"], cancel),
            CallbackQueryHandler(cancel, pattern=r"^reg:cancel$"),
            CallbackQueryHandler(stale, pattern=r"^reg:"),
            MessageHandler(menu, reg_resume.menu_button),
            MessageHandler(~filters.COMMAND & ~filters.TEXT, need_text),
        ],
    )


def register(app: Application) -> None:
    app.add_handler(conversation())
