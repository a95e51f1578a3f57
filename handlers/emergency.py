"""Emergency first, everywhere: every text a patient types, in any state (the menu, each
registration step, a question), goes through `nlp.emergency.detect` before any other handler.

Registered in GROUP (-2), which PTB runs before every group but private_only's (-3). An emergency
is answered at once (what to do now: the UGD, 119, the clinic's phone, from the live settings), the staff are alerted
(handlers/emergency_alerts.py), and then a second message says whether they really were. The
update then stops (ApplicationHandlerStop): the registration conversation never sees the message,
so its state and draft stay as they were and the patient's next answer is taken at the same step,
and the FAQ does not answer the emergency a second time. Any other text goes on to the next
groups untouched. Staff and admins are left alone: their texts (a broadcast draft, a note) are theirs.
"""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    MessageHandler,
    filters,
)

from bot.context import PusqueContext
from bot.i18n import t
from bot.roles import STAFF_ROLES
from nlp.emergency import detect_off_loop

from . import emergency_alerts
from .patient_common import patients, touch
from .reg_fields import REG

log = logging.getLogger(__name__)
COMMANDS: list = []
GROUP = -2  # every patient text meets the detector first (only private_only.py, -3, comes before)


async def reporter(update: Update, context) -> tuple[str, str | None, bool]:
    """(name, phone, registered) of the person writing, for the staff: their own patient record,
    else what they have typed in the registration so far, else their Telegram name."""
    user = update.effective_user
    people = await patients(context).patients_of(user.id)
    me = next((p for p in people if p.relation == "self"), people[0] if people else None)
    if me is not None:
        return me.name, me.phone, True
    draft = ((context.user_data or {}).get(REG) or {}).get("draft") or {}
    name = draft.get("name") or user.full_name or str(user.id)
    if user.username:
        name += f" @{user.username}"
    return name, draft.get("phone"), False


def status_text(alerted: bool, lang: str, settings) -> str:
    clinic = settings.clinic
    if alerted:
        return t("em.alerted", lang)
    return t("em.not_alerted", lang, phone=clinic.phone, number=clinic.emergency_number)


async def alert_for(update: Update, context, *, source: str, kind: str, text: str) -> bool:
    """Alert the staff about this user's emergency; False (logged) if no one could be told."""
    try:
        name, phone, registered = await reporter(update, context)
        return await emergency_alerts.raise_alert(
            context, user_id=update.effective_user.id, name=name, phone=phone, registered=registered,
            source=source, kind=kind, text=text)
    except Exception:  # noqa: BLE001 - the patient is told the alert failed, never left waiting
        log.exception("emergency alert failed")
        return False


async def on_text(update: Update, context: PusqueContext) -> None:
    message = update.effective_message
    text = message.text or ""
    try:
        found = await detect_off_loop(text)
    except Exception:  # noqa: BLE001 - a detector bug must not silence the rest of the bot
        log.exception("emergency detector failed")
        return
    if found is None:
        return
    services = context.services
    if await services.roles.role_of(update.effective_user.id) in STAFF_ROLES:
        return
    lang = await touch(update, context)
    clinic = services.settings.clinic
    await message.reply_text(t("em.now", lang, unit=clinic.emergency_unit, number=clinic.emergency_number,
                               phone=clinic.phone))
    alerted = await alert_for(update, context, source="text", kind=",".join(found.kinds[:3]), text=text)
    reply = status_text(alerted, lang, services.settings)
    if context.user_data and context.user_data.get(REG):
        reply += "\n\n" + t("em.resume", lang)
    await message.reply_text(reply)
    log.info("emergency (%s) from a patient; staff alerted: %s", found.kind, alerted)
    raise ApplicationHandlerStop


def register(app: Application) -> None:
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text), group=GROUP)
    emergency_alerts.register(app, GROUP)
