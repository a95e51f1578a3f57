"""Commands that show or ask for personal data answer only in a private chat. In a group (a
family group, the clinic's staff group) they say so, with a link to the private chat, and show
nothing personal; the command's own handler never runs there."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, ApplicationHandlerStop, CommandHandler, filters

from bot.context import PusqueContext
from bot.i18n import t

from .patient_common import lang_of

PERSONAL = ("data", "daftar", "status", "batal", "antre")
GROUP = -3  # first: before the emergency check (-2), a pending /data edit (-1) and the features (0)


async def private_only(update: Update, context: PusqueContext) -> None:
    lang = await lang_of(update, context)
    username = context.bot.username
    link = f"https://t.me/{username}" if username else None
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(t("private.open", lang), url=link)]]) if link else None
    await update.effective_message.reply_text(t("private.only", lang, bot=f"@{username}" if username else t("private.this_bot", lang)),
                                              reply_markup=markup)
    raise ApplicationHandlerStop


TEXTS = {
    "private.only": {
        "id": "Perintah ini menyangkut data pribadi, jadi hanya saya jawab lewat chat pribadi. "
              "Silakan tulis ke {bot} secara pribadi.",
        "en": "This command concerns personal data, so I only answer it in a private chat. Please write to {bot} privately.",
    },
    "private.open": {"id": "Buka chat pribadi", "en": "Open private chat"},
    "private.this_bot": {"id": "bot ini", "en": "this bot"},
}


def register(app: Application) -> None:
    app.add_handler(CommandHandler(PERSONAL, private_only, filters=~filters.ChatType.PRIVATE), group=GROUP)
