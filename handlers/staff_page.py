"""Staff in chat and the counter page (issue 23): `/kode` gives a one-time code to sign in on the
web page /counter, and staff and admins get the staff keyboard instead of the patient menu
(handlers/patient_common.py `menu_keyboard`)."""
from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from bot.roles import STAFF_ROLES
from queue_core.counter_login import CODE_TTL, CounterLogin

from . import texts_counter  # noqa: F401 - registers the texts
from .patient_common import staff_keyboard
from .staff_common import Audit, privileged

COMMANDS = [MenuCommand("kode", "Kode masuk halaman loket / Counter page sign-in code", roles=STAFF_ROLES, order=19)]


@privileged("counter_code")
async def code_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    user = update.effective_user
    name = " ".join(filter(None, [user.first_name, user.last_name])) or str(user.id)
    code, until = await CounterLogin(services.db, services.staff.clock).new_code(user.id, name)
    audit.detail["expires_at"] = until.isoformat(timespec="seconds")
    minutes = int(CODE_TTL.total_seconds() // 60)
    values = dict(code=code, minutes=minutes, until=until.strftime("%H:%M"))
    await update.effective_message.reply_text(
        t("counter.code", audit.lang, **values),
        reply_markup=staff_keyboard())


def register(app: Application) -> None:
    app.add_handler(CommandHandler("kode", code_command))
