"""/data -> "Ubah data": a patient corrects one field of a record they registered (a typo in the
name, a new address or phone), with the same checks as registration. The NIK is not changed here:
a wrong NIK is corrected by the clinic's staff, who check the KTP. Every change is audited with
the value before and after; the counter sees the new value at once (one patients table).

The answer the patient types next is taken by a handler in group -1 (after the emergency check of
group -2 and before the FAQ of group 0) only while an edit is pending, and only for 10 minutes.
"""
from __future__ import annotations

import datetime as dt

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot.context import PusqueContext
from bot.i18n import t
from queue_core.counter import CounterPatients

from .buttondata import button_int
from .patient_common import answer_stale, inline, main_keyboard, patients, touch
from .reg_fields import PARSERS
from .reg_steps import problem_text

EDITABLE = ("name", "birth_date", "sex", "address", "phone", "bpjs")
PENDING = "md_edit"  # user_data: {"pid", "field", "at"} while the bot waits for the new value
PENDING_FOR = dt.timedelta(minutes=10)
GROUP = -1


def edit_buttons(people, lang: str) -> list[list[tuple[str, str]]]:
    return [[(t("mde.btn", lang, name=p.name[:24]), f"mde:pick:{p.id}")] for p in people]


async def _own(context: PusqueContext, user_id: int, pid: int | None):
    return None if pid is None else await patients(context).get(user_id, pid)


async def pick_field(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    query = update.callback_query
    pid = button_int(query.data.split(":")[-1])
    person = await _own(context, update.effective_user.id, pid)
    if person is None:
        return await answer_stale(update, context)
    await query.answer()
    rows = [[(t(f"field.{f}", lang), f"mde:field:{person.id}:{f}")] for f in EDITABLE]
    rows.append([(t("pt.btn.cancel", lang), "mde:stop")])
    await update.effective_message.reply_text(t("mde.which", lang, name=person.name), reply_markup=inline(rows))


async def ask_value(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    query = update.callback_query
    _, _, pid_text, field = (query.data.split(":") + ["", ""])[:4]
    person = await _own(context, update.effective_user.id, button_int(pid_text))
    if person is None or field not in EDITABLE:
        return await answer_stale(update, context)
    await query.answer()
    await query.edit_message_reply_markup(None)
    if field == "sex":
        await update.effective_message.reply_text(t("mde.ask", lang, field=t("field.sex", lang)), reply_markup=inline([[
            (t("sex.L", lang), f"mde:sex:{person.id}:L"), (t("sex.P", lang), f"mde:sex:{person.id}:P")]]))
        return
    context.user_data[PENDING] = {"pid": person.id, "field": field, "at": dt.datetime.now(dt.timezone.utc).isoformat()}
    await update.effective_message.reply_text(t("mde.ask", lang, field=t(f"field.{field}", lang)),
                                              reply_markup=inline([[(t("pt.btn.cancel", lang), "mde:stop")]]))


async def on_sex(update: Update, context: PusqueContext) -> None:
    query = update.callback_query
    _, _, pid_text, value = (query.data.split(":") + ["", ""])[:4]
    person = await _own(context, update.effective_user.id, button_int(pid_text))
    if person is None or value not in ("L", "P"):
        return await answer_stale(update, context)
    await query.answer()
    await query.edit_message_reply_markup(None)
    await _save(update, context, person.id, "sex", value)


async def on_text(update: Update, context: PusqueContext) -> None:
    pending = context.user_data.get(PENDING) if context.user_data else None
    if not pending:
        return
    if dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(pending["at"]) > PENDING_FOR:
        context.user_data.pop(PENDING, None)
        return
    lang = await touch(update, context)
    value, problem = PARSERS[pending["field"]](update.effective_message.text or "", context.services.clock().date())
    if problem is not None:
        await update.effective_message.reply_text(problem_text(problem, lang) + "\n" + t("mde.again", lang),
                                                  reply_markup=inline([[(t("pt.btn.cancel", lang), "mde:stop")]]))
        raise ApplicationHandlerStop
    context.user_data.pop(PENDING, None)
    await _save(update, context, pending["pid"], pending["field"], value)
    raise ApplicationHandlerStop


async def stop(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    context.user_data.pop(PENDING, None)
    await update.callback_query.answer()
    await update.callback_query.edit_message_reply_markup(None)
    await update.effective_message.reply_text(t("mde.stopped", lang), reply_markup=main_keyboard(lang))


async def _save(update: Update, context: PusqueContext, pid: int, field: str, value) -> None:
    lang = await touch(update, context)
    services = context.services
    if await _own(context, update.effective_user.id, pid) is None:  # erased meanwhile
        return await answer_stale(update, context)
    changed = await CounterPatients(services.db, services.clock).update(pid, {field: value})
    if changed is None:
        return await answer_stale(update, context)
    before, after = (_plain(getattr(record, field)) for record in changed)
    await services.staff.audit(update.effective_user.id, "patient_edit", target=str(pid),
                               detail={"field": field, "before": before, "after": after, "via": "chat"})
    if field == "sex":
        shown = t(f"sex.{after}", lang)
    elif field == "birth_date":
        shown = dt.date.fromisoformat(after).strftime("%d-%m-%Y")
    else:
        shown = after
    await update.effective_message.reply_text(t("mde.saved", lang, field=t(f"field.{field}", lang), value=shown),
                                              reply_markup=main_keyboard(lang))


def _plain(value):
    """A value as the audit log stores it (JSON): dates as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else value


TEXTS: dict[str, dict[str, str]] = {
    "mde.btn": {"id": "✏️ Ubah data {name}", "en": "✏️ Edit {name}"},
    "mde.which": {"id": "Data {name} mana yang mau diubah? (NIK hanya bisa diubah oleh petugas puskesmas, "
                        "dengan melihat KTP.)",
                  "en": "Which detail of {name} do you want to change? (The NIK is changed only by the clinic's "
                        "staff, who check the KTP.)"},
    "mde.ask": {"id": "Ketik {field} yang baru:", "en": "Type the new {field}:"},
    "mde.again": {"id": "Silakan ketik lagi.", "en": "Please type it again."},
    "mde.saved": {"id": "✅ Tersimpan: {field} sekarang {value}.", "en": "✅ Saved: {field} is now {value}."},
    "mde.stopped": {"id": "Tidak ada yang diubah.", "en": "Nothing changed."},
}


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(pick_field, pattern=r"^mde:pick:"))
    app.add_handler(CallbackQueryHandler(ask_value, pattern=r"^mde:field:"))
    app.add_handler(CallbackQueryHandler(on_sex, pattern=r"^mde:sex:"))
    app.add_handler(CallbackQueryHandler(stop, pattern=r"^mde:stop$"))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text), group=GROUP)
