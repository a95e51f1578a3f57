"""/revoke: an admin takes a staff or admin role away (a nurse who moved, a lost phone). Listed with
a button each, confirmed before it happens, audited with the role before and after; the person is
told and gets the patient menu back. Roles listed in config.yaml are changed in the file."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import PusqueContext
from bot.i18n import clip, t
from bot.menu import MenuCommand, commands_of, publish_for_user
from bot.roles import Role
from queue_core.patients import PatientRepository

from .buttondata import button_int
from .staff_common import Audit, privileged

PREFIX = "rv"
COMMANDS = [MenuCommand("revoke", "Cabut peran petugas / Revoke staff", roles=frozenset({Role.ADMIN}), order=36)]


def _who(name: str, user_id: int, role: str, lang: str) -> str:
    return f"{clip(name or str(user_id), 40)} ({t(f'role.{role}', lang)}, id {user_id})"


@privileged("revoke", Role.ADMIN)
async def revoke_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    args = context.args or []
    if args:
        user_id = button_int(args[0])
        members = {m[0]: m for m in await services.staff.members()}
        if user_id is None or user_id not in members:
            await update.effective_message.reply_text(t("revoke.unknown", audit.lang, who=clip(args[0], 32)))
            return
        await _ask(update, members[user_id], audit.lang)
        return
    members = [m for m in await services.staff.members() if m[0] != update.effective_user.id]
    config_ids = sorted(services.roles.admin_ids | services.roles.staff_ids)
    lines = [t("revoke.header", audit.lang) if members else t("revoke.none", audit.lang)]
    if config_ids:
        lines.append(t("revoke.in_config", audit.lang, ids=", ".join(str(i) for i in config_ids)))
    keyboard = [[InlineKeyboardButton(t("revoke.btn.who", audit.lang, name=clip(name or str(uid), 30)), callback_data=f"{PREFIX}:ask:{uid}")]
                for uid, role, name in members]
    await update.effective_message.reply_text("\n".join(lines), reply_markup=InlineKeyboardMarkup(keyboard) if keyboard else None)


async def _ask(update: Update, member: tuple[int, str, str], lang: str) -> None:
    uid, role, name = member
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(t("revoke.btn.yes", lang), callback_data=f"{PREFIX}:yes:{uid}"),
                                      InlineKeyboardButton(t("btn.cancel", lang), callback_data=f"{PREFIX}:no:{uid}")]])
    text = t("revoke.confirm", lang, who=_who(name, uid, role, lang))
    if update.callback_query is not None:
        await update.callback_query.edit_message_text(text, reply_markup=keyboard)
    else:
        await update.effective_message.reply_text(text, reply_markup=keyboard)


@privileged("revoke", Role.ADMIN)
async def on_button(update: Update, context: PusqueContext, audit: Audit) -> None:
    query = update.callback_query
    services = context.services
    parts = (query.data or "").split(":")
    uid = button_int(parts[2]) if len(parts) == 3 else None
    if uid is None or parts[1] not in ("ask", "yes", "no"):
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    audit.target = str(uid)
    if parts[1] == "no":
        audit.detail["cancelled"] = True
        await query.answer()
        await query.edit_message_text(t("revoke.cancelled", audit.lang))
        return
    if uid == update.effective_user.id:
        await query.answer(t("revoke.self", audit.lang), show_alert=True)
        return
    if parts[1] == "ask":
        members = {m[0]: m for m in await services.staff.members()}
        if uid not in members:
            await query.answer(t("staff.stale", audit.lang), show_alert=True)
            return
        await query.answer()
        await _ask(update, members[uid], audit.lang)
        return
    before = await services.staff.revoke(uid)
    if before is None:  # revoked already (pressed twice, or by another admin)
        audit.detail["error"] = "stale"
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    role, name = before
    audit.detail.update(before=role, after=(await services.roles.role_of(uid)).value, name=name)
    await query.answer()
    await query.edit_message_text(t("revoke.done", audit.lang, who=_who(name, uid, role, audit.lang)))
    now_role = await services.roles.role_of(uid)
    row = await PatientRepository(services.db, services.clock).get_user(uid)
    their_lang = row.lang if row is not None else "id"
    await publish_for_user(context.bot, uid, now_role, commands_of(context), their_lang)
    try:
        await context.bot.send_message(uid, t("revoke.told", their_lang, role=t(f"role.{role}", their_lang)))
    except Exception:  # noqa: BLE001 - they may have blocked the bot; the revocation stands
        audit.detail["told"] = False


def register(app: Application) -> None:
    app.add_handler(CommandHandler("revoke", revoke_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
