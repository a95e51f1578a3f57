"""/start: greet the user in their language with the menu, tell staff their role, ask a new patient
for their KTP photo, and give them their role's command menu."""
from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand, commands_of, publish_for_user
from bot.roles import Role

from .patient_common import menu_keyboard, patients, touch

COMMANDS = [MenuCommand("start", "Mulai / Start", order=0)]


async def start(update: Update, context: PusqueContext) -> None:
    services = context.services
    user = update.effective_user
    role = await services.roles.role_of(user.id)
    lang = await touch(update, context)  # Indonesian, or English when the Telegram app is in English
    parts = [t("start.welcome", lang, clinic=services.settings.clinic.name, name=user.first_name)]
    if role is not Role.PATIENT:
        parts.append(t("start.role", lang, role=t(f"role.{role.value}", lang)))
    elif not await patients(context).patients_of(user.id):
        # a new patient's next step is their KTP photo (handlers/register.py takes it from here)
        parts.append(t("start.register", lang, button=t("pt.btn.register", lang)))
    parts.append(t("start.lang", lang))
    # one message with the menu: no language question to answer first (/bahasa changes it)
    await update.effective_message.reply_text("\n\n".join(parts), reply_markup=await menu_keyboard(update, context, lang))
    await publish_for_user(context.bot, user.id, role, commands_of(context), lang)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("start", start))
