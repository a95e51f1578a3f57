"""/start: greet the user, tell them their role, and give them their role's command menu."""
from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand, commands_of, publish_for_user
from bot.roles import Role

from .chat import language_buttons
from .patient_common import touch

COMMANDS = [MenuCommand("start", "Mulai / Start", order=0)]


async def start(update: Update, context: PusqueContext) -> None:
    services = context.services
    user = update.effective_user
    role = await services.roles.role_of(user.id)
    lang = await touch(update, context)
    text = t("start.welcome", lang, clinic=services.settings.clinic.name, name=user.first_name)
    if role is not Role.PATIENT:
        text += "\n\n" + t("start.role", lang, role=t(f"role.{role.value}", lang))
    # one message: the welcome with the language choice (the main menu keyboard comes with the answer)
    await update.effective_message.reply_text(text + "\n\n" + t("pt.lang.ask", lang), reply_markup=language_buttons())
    await publish_for_user(context.bot, user.id, role, commands_of(context), lang)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("start", start))
