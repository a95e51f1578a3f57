"""Shared by the patient handlers: the user's language, the main menu, the patient repository,
and the lazily created KTP reader and FAQ matcher."""
from __future__ import annotations

import asyncio
import functools
import logging
import re
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.i18n import t
from bot.roles import STAFF_ROLES
from bot.services import services_of
from queue_core.patients import PatientRepository

from . import texts_patient  # noqa: F401 - registers the texts

log = logging.getLogger(__name__)
# A value the field accepts is a question when the matcher is sure ("alamat puskesmas dmn" 0.92),
# or fairly sure and a question word is in it ("antrian masih lama gak" 0.62); addresses that
# name clinic things stay addresses ("Jalan Raya Puskesmas Lama 12" 0.46, no question word).
SURE_QUESTION, LIKELY_QUESTION = 0.8, 0.5
QUESTION_WORDS = frozenset("""apa apakah berapa brp dimana dmn mana kapan kpn gimana bagaimana gmn bisakah
    boleh bolehkah gak ga nggak ngga gk enggak kah kok knp kenapa mengapa siapa""".split())
_WORDS = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}")  # two words of letters
LANG_KEY = "lang"
MENU_KEYS = ("pt.btn.ticket", "pt.btn.status", "pt.btn.register", "pt.btn.help")


def patients(context) -> PatientRepository:
    services = context.services
    repo = services.extras.get("patients")
    if repo is None:
        repo = services.extras["patients"] = PatientRepository(services.db, services.clock)
    return repo


async def lang_of(update: Update, context) -> str:
    """The user's language: cached in user_data, stored on the User row; Indonesian by default."""
    lang = context.user_data.get(LANG_KEY) if context.user_data is not None else None
    if lang in ("id", "en"):
        return lang
    user = update.effective_user
    row = await patients(context).get_user(user.id) if user else None
    lang = row.lang if row is not None else "id"
    if context.user_data is not None:
        context.user_data[LANG_KEY] = lang
    return lang


async def touch(update: Update, context) -> str:
    """Record the account (first contact creates it) and return its language."""
    user, chat = update.effective_user, update.effective_chat
    if user is not None and chat is not None and not context.user_data.get("_seen"):
        app_lang = "en" if (user.language_code or "").lower().startswith("en") else "id"
        row = await patients(context).touch_user(user.id, chat.id, user.first_name or "", app_lang)
        context.user_data["_seen"] = True
        context.user_data.setdefault(LANG_KEY, row.lang)
    return await lang_of(update, context)


def main_keyboard(lang: str) -> ReplyKeyboardMarkup:
    k = [t(key, lang) for key in MENU_KEYS]
    return ReplyKeyboardMarkup([[k[0], k[1]], [k[2], k[3]]], resize_keyboard=True)


STAFF_KEYS = (("/call", "/queue"), ("/kode", "/help"))  # commands: each button sends its text


def staff_keyboard() -> ReplyKeyboardMarkup:
    """The staff's menu: call the next patient, the queue, the counter page's code, help."""
    return ReplyKeyboardMarkup([list(row) for row in STAFF_KEYS], resize_keyboard=True)


async def menu_keyboard(update: Update, context, lang: str) -> ReplyKeyboardMarkup:
    """The keyboard of the user's role: the staff keyboard for staff and admins, else the patient menu."""
    user = update.effective_user
    if user is not None and await context.services.roles.role_of(user.id) in STAFF_ROLES:
        return staff_keyboard()
    return main_keyboard(lang)


def menu_regex(key: str) -> str:
    """A filter pattern matching a menu button's text in either language."""
    import re

    return "^(" + "|".join(re.escape(t(key, lang)) for lang in ("id", "en")) + ")$"


def inline(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows])


async def drop_buttons(query, tolerate: type[Exception] = BadRequest) -> None:
    """Take the inline buttons off the pressed message; already off (the same press twice) is fine."""
    try:
        await query.edit_message_reply_markup(None)
    except tolerate:
        pass


async def answer_stale(update: Update, context) -> None:
    lang = await lang_of(update, context)
    query = update.callback_query
    try:
        await query.answer(t("pt.stale", lang), show_alert=True)
    except Exception:  # noqa: BLE001 - an old query cannot be answered; the message below still helps
        pass
    if query.message is not None:
        await query.message.reply_text(t("pt.stale", lang), reply_markup=main_keyboard(lang))


def service_name(settings, code: str, lang: str) -> str:
    svc = settings.services.get(code)
    if svc is None:
        return code
    return svc.name_en if lang == "en" else svc.name


def phase_name(settings, key: str, lang: str) -> str:
    phase = settings.phases.get(key)
    if phase is None:
        return key
    return phase.label_en if lang == "en" else phase.label


# ---------------------------------------------------------------------- optional engines
_locks: dict[str, asyncio.Lock] = {}


async def _engine(context, name: str, make) -> Any:
    services = services_of(context)  # a handler's context, or the Application at start-up (warm_up)
    if name in services.extras:
        return services.extras[name]
    lock = _locks.setdefault(f"{id(services)}:{name}", asyncio.Lock())
    async with lock:
        if name not in services.extras:
            try:
                services.extras[name] = await make(services)
            except Exception:  # noqa: BLE001 - the bot works without it (typed data, "I don't know")
                log.exception("%s not available", name)
                services.extras[name] = None
    return services.extras[name]


async def ktp_reader(context) -> Any:
    """The KtpReader (ocr package), created on first use; None if it cannot be created."""
    async def make(services):
        from ocr.reader import KtpReader

        reader = KtpReader.from_settings(services.settings)
        services.on_close(reader.close)
        return reader

    return await _engine(context, "ktp_reader", make)


async def faq_matcher(context) -> Any:
    """The FaqMatcher (nlp package), built off the event loop on first use; None if unavailable."""
    async def make(services):
        from nlp.faq import FaqMatcher

        # answers are filled from the running settings (/reload replaces them), not start-up's
        build = functools.partial(FaqMatcher, services.settings, live_settings=lambda: services.settings)
        matcher = await asyncio.get_running_loop().run_in_executor(None, build)

        async def close() -> None:
            matcher.close()

        services.on_close(close)
        return matcher

    return await _engine(context, "faq_matcher", make)


async def question_in_form(context, text: str, lang: str, *, accepted: bool) -> str | None:
    """The FAQ answer when a patient asks a question where a form field was asked ("jam brp
    buka?" at the NIK step, "alamat puskesmas dmn" at the address step), else None. A value the
    field accepts (an address may hold any words) counts as a question only if it ends with "?"
    or the matcher is sure of it."""
    asks = text.rstrip().endswith("?")
    if not asks and not _WORDS.search(text):
        return None  # "12345", "Siti": a mistyped value, not a question
    matcher = await faq_matcher(context)
    if matcher is None:
        return None
    try:
        result = matcher.match(text)
    except Exception:  # noqa: BLE001 - a matcher failure must not stop the registration
        log.exception("FAQ matcher failed")
        return None
    if result.kind != "faq" or not result.intent:
        return None
    if accepted and not asks and result.score < SURE_QUESTION and not (
            result.score >= LIKELY_QUESTION and QUESTION_WORDS & set(re.findall(r"[a-z]+", text.lower()))):
        return None
    return matcher.reply(result, lang)


async def preload_ktp_reader(app) -> None:
    """Create the KTP reader and, with `ocr.preload`, start its worker (easyocr + torch load for
    8-15 s in that process, at a lower priority). A failure is only logged: the bot answers as
    before, and a KTP photo then gets the reader's own "could not read" answer."""
    reader = await ktp_reader(app)
    if reader is None or not services_of(app).settings.ocr_preload or not hasattr(reader, "start"):
        return
    try:
        await reader.start()
    except Exception:  # noqa: BLE001 - see the docstring
        log.exception("KTP reader did not start at start-up; it will try again on the first photo")
    else:
        log.info("KTP reader ready")


async def warm_up(app) -> None:
    """Build the FAQ matcher and the KTP reader at start-up, in the background, so the first
    patient who asks a question or sends a KTP does not wait for them."""
    await asyncio.gather(faq_matcher(app), preload_ktp_reader(app))
