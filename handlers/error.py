"""The global error handler: log the failure, tell the user something went wrong."""
from __future__ import annotations

import logging
from collections import Counter

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.context import PusqueContext
from bot.i18n import t

from .patient_common import lang_of

log = logging.getLogger("pusque.errors")
ERRORS_KEY = "unhandled_errors"  # bot_data[ERRORS_KEY]: Counter of exception class names (tests, /metrics)


async def on_error(update: object, context: PusqueContext) -> None:
    update_id = update.update_id if isinstance(update, Update) else None
    errors = context.application.bot_data.setdefault(ERRORS_KEY, Counter())
    errors[type(context.error).__name__] += 1
    log.error("update %s failed: %r", update_id, context.error, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        emergency = context.services.settings.clinic.emergency_number
    except Exception:  # noqa: BLE001 - services may be what failed
        emergency = "119"
    try:
        lang = await lang_of(update, context)
    except Exception:  # noqa: BLE001 - the database may be what failed: Indonesian, the clinic's language
        lang = "id"
    try:
        await context.bot.send_message(update.effective_chat.id, t("error.generic", lang, emergency=emergency))
    except TelegramError as exc:  # blocked, or Telegram itself is what failed
        log.warning("could not tell chat about the error: %s", exc)


def register(app: Application) -> None:
    app.add_error_handler(on_error)
