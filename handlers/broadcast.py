"""/broadcast: an announcement to all patients, today's ticket holders or one service's patients.

    /broadcast [all|today|A] TEXT          (or a photo whose caption is that command)
    -> a draft and a confirmation with [Kirim] [Batal]
    -> Kirim: one bulk-lane outbox row per recipient (queue_core.broadcasts), written at once
    -> the notifier sends them with the budget urgent notices leave, under Telegram's limits
    -> a repeating job edits the confirmation message with the progress, then the final report,
       which also goes out as an outbox notice written with the broadcast's "done"

The job reads the queued broadcasts from the database each time, so after a restart it picks up
where it was: the outbox rows are still there and the progress message id is stored.
"""
from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import PusqueContext
from bot.i18n import t
from bot.notifier import Message
from bot.roles import Role
from queue_core.broadcasts import KIND, REPORT_KIND, STAFF_TOO, BroadcastStore, Progress
from queue_core.patients import PatientRepository

from .buttondata import button_int
from .staff_common import Audit, privileged

log = logging.getLogger(__name__)
PREFIX = "bc"
PROGRESS_EVERY = 2.0  # seconds between progress edits
MAX_TEXT, MAX_CAPTION = 3800, 900
STORE_KEY = "broadcast_store"


def store_of(context) -> BroadcastStore:
    services = context.services
    store = services.extras.get(STORE_KEY)
    if store is None or store.db is not services.db:
        store = services.extras[STORE_KEY] = BroadcastStore(services.db, services.queue.clock)
    return store


def parse(words: list[str], services) -> tuple[str, str]:
    """(audience, text) from the command's words; the audience word is optional (default all)."""
    if words:
        first = words[0]
        if first.lower() in ("all", "semua"):
            return "all", " ".join(words[1:])
        if first.lower() in ("today", "hariini"):
            return "today", " ".join(words[1:])
        if first.upper() in services.settings.services:
            return f"service:{first.upper()}", " ".join(words[1:])
    return "all", " ".join(words)


def audience_words(audience: str, services, lang: str) -> str:
    if audience.endswith(STAFF_TOO):
        return audience_words(audience.removesuffix(STAFF_TOO), services, lang) + t("bc.audience.staff_too", lang)
    if audience.startswith("service:"):
        code = audience.split(":", 1)[1]
        svc = services.settings.services.get(code)
        name = code if svc is None else (svc.name if lang == "id" else svc.name_en)
        return t("bc.audience.service", lang, service=name)
    return t(f"bc.audience.{audience}", lang)


@privileged("broadcast_draft", Role.ADMIN)
async def broadcast_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    message = update.effective_message
    photo = message.photo[-1].file_id if message.photo else None
    words = (message.caption or message.text or "").split()[1:]
    audience, text = parse(words, services)
    if not text.strip() or len(text) > (MAX_CAPTION if photo else MAX_TEXT):
        audit.detail["error"] = "usage"
        await message.reply_text(t("bc.usage", audit.lang))
        return
    store = store_of(context)
    draft = await store.draft(update.effective_user.id, text, audience, photo)
    n = await store.audience_size(audience, await staff_ids(services))
    audit.target, audit.detail.update(id=draft.id, audience=audience, recipients=n, photo=bool(photo))
    await message.reply_text(confirm_text(draft.id, audience, n, text, services, audit.lang),
                             reply_markup=confirm_keyboard(draft.id, audience, audit.lang))


async def staff_ids(services) -> frozenset[int]:
    """Staff and admins: left out of an announcement unless the admin includes them."""
    return frozenset(await services.roles.privileged())


def confirm_text(bid: int, audience: str, n: int, text: str, services, lang: str) -> str:
    who = "bc.people" if audience.endswith(STAFF_TOO) else "bc.patients"
    return t("bc.confirm", lang, n=n, text=text, who=t(who, lang), audience=audience_words(audience, services, lang))


def confirm_keyboard(bid: int, audience: str, lang: str) -> InlineKeyboardMarkup:
    toggle = "bc.staff_off" if audience.endswith(STAFF_TOO) else "bc.staff_on"
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(t("btn.send", lang), callback_data=f"{PREFIX}:send:{bid}"),
         InlineKeyboardButton(t("btn.cancel", lang), callback_data=f"{PREFIX}:cancel:{bid}")],
        [InlineKeyboardButton(t(toggle, lang), callback_data=f"{PREFIX}:staff:{bid}")],
    ])


def sent_text(b, status: str, services, lang: str) -> str:
    """The announcement as confirmed, kept in view, with how far the sending is."""
    return t("bc.sending", lang, id=b.id, n=b.total, text=b.text, status=status,
             audience=audience_words(b.audience, services, lang))


@privileged("broadcast", Role.ADMIN)
async def on_button(update: Update, context: PusqueContext, audit: Audit) -> None:
    query = update.callback_query
    services = context.services
    store = store_of(context)
    parts = query.data.split(":")
    action, bid = (parts[1], button_int(parts[2])) if len(parts) == 3 else (None, None)
    if bid is None:
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    audit.target, audit.detail["id"] = str(bid), bid
    if action == "cancel":
        audit.action = "broadcast_cancel"
        ok = await store.cancel(bid)
        await query.answer()
        if ok:
            await query.edit_message_text(t("bc.cancelled", audit.lang, id=bid))
        return
    if action == "staff":
        audit.action = "broadcast_draft"
        draft = await store.get(bid)
        if draft is None or draft.status != "draft":
            await query.answer(t("staff.stale", audit.lang), show_alert=True)
            return
        audience = (draft.audience.removesuffix(STAFF_TOO) if draft.audience.endswith(STAFF_TOO)
                    else draft.audience + STAFF_TOO)
        await store.set_audience(bid, audience)
        n = await store.audience_size(audience, await staff_ids(services))
        audit.detail.update(audience=audience, recipients=n)
        await query.answer()
        await query.edit_message_text(confirm_text(bid, audience, n, draft.text, services, audit.lang),
                                      reply_markup=confirm_keyboard(bid, audience, audit.lang))
        return
    view = await store.confirm(bid, query.message.chat.id, query.message.message_id, await staff_ids(services))
    if view is None:  # pressed twice, or an old confirmation
        audit.detail["error"] = "stale"
        await query.answer(t("staff.stale", audit.lang), show_alert=True)
        return
    audit.detail.update(audience=view.audience, total=view.total)
    await query.answer()
    if view.total == 0:
        await query.edit_message_text(t("bc.empty", audit.lang))
        return
    await query.edit_message_text(
        sent_text(view, progress_text(bid, Progress(view.total, 0, 0, 0, view.total), audit.lang), services, audit.lang),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(
            t("btn.cancel", audit.lang), callback_data=f"{PREFIX}:cancel:{bid}")]]))
    if getattr(services, "notifier", None) is not None:
        services.notifier.wake()


def progress_text(bid: int, p: Progress, lang: str) -> str:
    done = p.sent + p.blocked + p.failed
    pct = 100 if p.total == 0 else int(100 * done / p.total)
    return t("bc.progress", lang, id=bid, done=done, total=p.total, pct=pct)


def report_text(bid: int, p: Progress, lang: str) -> str:
    return t("bc.report", lang, id=bid, sent=p.sent, blocked=p.blocked, failed=p.failed, total=p.total)


async def progress_job(context: PusqueContext) -> None:
    """Edit each running broadcast's progress message; report and close the finished ones."""
    try:
        services = context.services
    except KeyError:
        return
    if services.db is None:
        return
    store = store_of(context)
    shown: dict[int, str] = context.bot_data.setdefault("broadcast_shown", {})
    for b in await store.active():
        p = await store.progress(b.id)
        lang = await _lang_of_chat(services, b.progress_chat_id)
        # The edit comes before `finish`: repeated after a restart it changes nothing, while the
        # report (one message, an outbox notice) and the audit line are written with the status
        # change (queue_core.broadcasts). The confirmation keeps the announcement in view.
        status = t("bc.done_note", lang, id=b.id) if p.finished else progress_text(b.id, p, lang)
        text = sent_text(b, status, services, lang)
        if b.progress_chat_id and b.progress_message_id and shown.get(b.id) != text:
            markup = None if p.finished else InlineKeyboardMarkup([[InlineKeyboardButton(
                t("btn.cancel", lang), callback_data=f"{PREFIX}:cancel:{b.id}")]])
            try:
                await context.bot.edit_message_text(text, b.progress_chat_id, b.progress_message_id, reply_markup=markup)
                shown[b.id] = text
            except BadRequest as exc:
                if "not modified" not in str(exc):
                    log.warning("broadcast %s progress not shown: %s", b.id, exc)
            except TelegramError as exc:
                log.warning("broadcast %s progress not shown: %s", b.id, exc)
        if p.finished and await store.finish(b.id) is not None:
            shown.pop(b.id, None)
            if getattr(services, "notifier", None) is not None:
                services.notifier.wake()


async def _lang_of_chat(services, chat_id: int | None) -> str:
    """The language of the admin whose private chat shows a broadcast's progress."""
    row = await PatientRepository(services.db, services.clock).get_user(chat_id) if chat_id else None
    return row.lang if row is not None else "id"


def render_broadcast(notice, lang: str, settings) -> Message:
    header = t("bc.header", lang, clinic=settings.clinic.name)
    return Message(f"{header}\n\n{notice.payload.get('text', '')}", photo=notice.payload.get("photo"))


def render_report(notice, lang: str, settings) -> Message:
    p = notice.payload
    return Message(report_text(p["broadcast_id"], Progress(p["total"], p["sent"], p["blocked"], p["failed"], 0), lang))


def render_emergency(notice, lang: str, settings) -> Message:
    p = notice.payload
    svc = settings.services.get(p.get("service"))
    labels = [settings.conditions[c].label if lang == "id" else settings.conditions[c].label_en
              for c in p.get("conditions", []) if c in settings.conditions]
    service = p.get("service") if svc is None else (svc.name if lang == "id" else svc.name_en)
    return Message(t("notice.staff_emergency", lang, number=p.get("number"), service=service,
                     conditions=", ".join(labels) or "-"))


RENDERERS = {KIND: render_broadcast, REPORT_KIND: render_report, "staff_emergency": render_emergency}


def register(app: Application) -> None:
    app.add_handler(CommandHandler("broadcast", broadcast_command))
    app.add_handler(MessageHandler(filters.PHOTO & filters.CaptionRegex(r"^/broadcast(@\w+)?(\s|$)"), broadcast_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
    if app.job_queue is not None:
        app.job_queue.run_repeating(progress_job, interval=PROGRESS_EVERY, first=1.0, name="broadcast-progress")
