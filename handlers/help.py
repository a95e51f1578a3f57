"""/help: the commands of the user's role and how to reach the clinic."""
from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand, commands_of, menu_for
from bot.roles import STAFF_ROLES

from .patient_common import lang_of, staff_keyboard

COMMANDS = [MenuCommand("help", "Bantuan / Help", order=1)]


async def help_command(update: Update, context: PusqueContext) -> None:
    services = context.services
    lang = await lang_of(update, context)
    role = await services.roles.role_of(update.effective_user.id)
    lines = [f"/{c.command} - {c.description}" for c in menu_for(role, commands_of(context), lang)]
    clinic = services.settings.clinic
    contact = dict(clinic=clinic.name, address=clinic.address, phone=clinic.phone,
                   emergency=clinic.emergency_number)
    text = "\n".join([t("help.header", lang), *lines, "", t("help.contact", lang, **contact)])
    await update.effective_message.reply_text(text, reply_markup=staff_keyboard() if role in STAFF_ROLES else None)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("help", help_command))
