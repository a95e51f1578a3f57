"""The registration's questions, each stored before it is asked, and the step shown again.

Every question of the form is sent through `_step`: the conversation's new state and the draft
are committed (bot.persistence.save_step) before the message goes out. A SIGKILL after the send
then never leaves the patient with a question the bot does not know it asked (issue 19: a kill
at the confirm form made every "Data benar" press answer "Tombol ini sudah tidak berlaku").
A kill between the commit and the send leaves the bot one step ahead of what the patient sees;
`show_current` answers whatever they do then (the previous step's button, their last answer
typed again) with the step the bot is at, so nothing given is asked twice and nothing is lost.
"""
from __future__ import annotations

import datetime as dt

from telegram import KeyboardButton, ReplyKeyboardMarkup, Update

from bot.context import PusqueContext
from bot.i18n import t
from bot.persistence import save_step

from .patient_common import answer_stale, inline, question_in_form, touch
from .reg_fields import REG, Problem, fields_for

NAME = "register"  # the ConversationHandler's persistent name
# Conversation states (persisted by name: never renumber, only add).
CHOOSE_WHO, AWAIT_KTP, TYPING, CONFIRM, PHONE, BPJS = (
    "reg_who", "reg_ktp", "reg_typing", "reg_confirm", "reg_phone", "reg_bpjs")
SHOWN_FIELDS = ("nik", "no_kk", "name", "birth_date", "sex", "address")


def reg_of(context) -> dict:
    return context.user_data.setdefault(REG, {"kind": "self", "draft": {}})


async def _step(message, context, state: str, text: str, markup=None) -> str:
    reg_of(context)["step"] = state
    await save_step(context, NAME, state)
    await message.reply_text(text, reply_markup=markup)
    return state


def problem_text(problem: Problem, lang: str) -> str:
    values = dict(problem.values)
    if "field" in values:
        values["field"] = t(f"field.{values['field']}", lang)
    return t(problem.key, lang, **values)


def value_text(field: str, value, lang: str) -> str:
    if not value:
        return t("field.empty", lang)
    if field == "sex":
        return t(f"sex.{value}", lang)
    if field == "birth_date":
        return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
    return str(value)


# ---------------------------------------------------------------------- the questions
async def ask_who(message, context, lang: str) -> str:
    return await _step(message, context, CHOOSE_WHO, t("reg.who", lang), inline([
        [(t("reg.who.self", lang), "reg:who:self")], [(t("reg.who.family", lang), "reg:who:keluarga")],
        [(t("reg.who.child", lang), "reg:who:anak")], [(t("pt.btn.cancel", lang), "reg:cancel")]]))


async def ask_ktp(message, context, lang: str, before: str = "") -> str:
    text = (before + "\n\n" if before else "") + t("reg.ask_ktp", lang)
    return await _step(message, context, AWAIT_KTP, text, inline([[(t("reg.btn.type", lang), "reg:type")]]))


async def ask(message, context, field: str, lang: str, before: str = "") -> str:
    """Ask for `field`; `before` (why it is asked again) goes in the same message: one reply per
    answer keeps the patient's chat readable and the bot under Telegram's message limits."""
    text = (before + "\n\n" if before else "") + t(f"reg.ask.{field}", lang)
    markup = None
    if field == "sex":
        markup = inline([[(t("sex.L", lang), "reg:sex:L"), (t("sex.P", lang), "reg:sex:P")]])
    state = {"phone": PHONE, "bpjs": BPJS}.get(field, TYPING)
    return await _step(message, context, state, text, markup)


async def ask_next(message, context, lang: str, before: str = "") -> str:
    """The first field the draft lacks, or the confirm form when none is missing."""
    reg = reg_of(context)
    missing = [f for f in fields_for(reg["kind"]) if not reg["draft"].get(f)]
    if not missing:
        reg.pop("ask", None)
        return await show_confirm(message, context, lang)
    reg["ask"], reg["editing"] = missing[0], False
    return await ask(message, context, missing[0], lang, before)


async def show_confirm(message, context, lang: str, problems: list[Problem] = (), notes: list[str] = ()) -> str:
    reg = reg_of(context)
    shown = [f for f in SHOWN_FIELDS if f in fields_for(reg["kind"])]
    lines = [t("reg.confirm", lang), ""]
    lines += [f"{t(f'field.{f}', lang)}: {value_text(f, reg['draft'].get(f), lang)}" for f in shown]
    lines += [""] + [t(n, lang) for n in notes] if notes else []
    if any(not reg["draft"].get(f) for f in fields_for(reg["kind"])) and not problems:
        lines += ["", t("reg.fill_empty", lang, ok=t("reg.btn.ok", lang))]
    if problems:
        lines += ["", t("reg.problems", lang)] + [f"• {problem_text(p, lang)}" for p in problems]
    rows = [[(f"✏️ {t(f'field.{f}', lang)}", f"reg:edit:{f}")] for f in shown]
    rows.append([(t("reg.btn.ok", lang), "reg:ok")])
    return await _step(message, context, CONFIRM, "\n".join(lines), inline(rows))


async def ask_phone(message, context, lang: str, before: str = "") -> str:
    keyboard = ReplyKeyboardMarkup([[KeyboardButton(t("reg.btn.contact", lang), request_contact=True)]],
                                   resize_keyboard=True, one_time_keyboard=True)
    text = (before + "\n\n" if before else "") + t("reg.ask.phone", lang)
    return await _step(message, context, PHONE, text, keyboard)


async def ask_bpjs(message, context, lang: str, before: str = "") -> str:
    # "Lewati" on a reply keyboard: it replaces the phone-sharing keyboard in the same message (an
    # inline button could not, and a second message only to remove a keyboard costs a send)
    skip = ReplyKeyboardMarkup([[t("reg.btn.skip", lang)]], resize_keyboard=True, one_time_keyboard=True)
    text = (before + "\n\n" if before else "") + t("reg.ask.bpjs", lang)
    return await _step(message, context, BPJS, text, skip)


# ---------------------------------------------------------------------- the step again
async def show_current(message, context, lang: str, before: str = "") -> str | None:
    """The question of the step the bot is at, with its buttons; None if there is no draft."""
    reg = context.user_data.get(REG)
    if not reg:
        return None
    step = reg.get("step")
    if step == CHOOSE_WHO:
        return await ask_who(message, context, lang)
    if step == AWAIT_KTP:
        return await ask_ktp(message, context, lang, before)
    if step == CONFIRM:
        return await show_confirm(message, context, lang)
    if step == PHONE:
        return await ask_phone(message, context, lang, before)
    if step == BPJS:
        return await ask_bpjs(message, context, lang, before)
    if reg.get("ask"):  # TYPING, or a draft stored before steps were recorded
        return await ask(message, context, reg["ask"], lang, before)
    return await ask_next(message, context, lang)


async def button_of_another_step(update: Update, context: PusqueContext):
    """A registration button that is not the current step's (a form shown before a restart, a
    button pressed twice): the current step is shown again. Only with no draft at all is there
    nothing to continue, and only then the patient is told to start again."""
    lang = await touch(update, context)
    query = update.callback_query
    if not context.user_data.get(REG):
        await answer_stale(update, context)
        return None
    await query.answer()
    return await show_current(update.effective_message, context, lang)


async def text_at_a_button_step(update: Update, context: PusqueContext):
    """Text where a button is awaited (the confirm form, who to register): a question gets its
    answer, anything else (an answer typed again after a restart) the step again."""
    lang = await touch(update, context)
    text = update.effective_message.text
    answer = await question_in_form(context, text, lang, accepted=True)
    if answer is not None:
        await update.effective_message.reply_text(answer)
        return None
    return await show_current(update.effective_message, context, lang)
