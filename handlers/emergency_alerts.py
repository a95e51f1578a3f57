"""Staff alerts for emergencies: sent at once with a "✋ Saya tangani" button, taken by one staff
member (every other copy then shows who took it), escalated to the admins when nobody takes it
within `staff.alert_escalate_minutes`.

Recipients (queue_core.alerts.first_recipients): the staff group chat of `staff.alert_chat_id`,
else every staff member, else the admins. The alert is a database row (queue_core.alerts), so the
escalation, a JobQueue job, is armed again at start-up for alerts still open.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
)

from bot.context import PusqueContext
from bot.i18n import clip, fit, t
from bot.roles import STAFF_ROLES
from queue_core.alerts import AlertStore, AlertView, admins, first_recipients

from . import texts_emergency  # noqa: F401 - registers the texts
from .buttondata import button_int

log = logging.getLogger(__name__)
PREFIX = "em:ack:"
FOLLOW_UP_WINDOW = dt.timedelta(minutes=10)  # a patient's next emergency message joins their alert
REARM_WITHIN = dt.timedelta(hours=12)  # older open alerts are not escalated after a restart
# APScheduler skips a job more than 1 s late by default: a busy start-up or event loop must not
# drop an escalation (the start-up job is scheduled when the app is built, long before it starts).
LATE_OK = {"misfire_grace_time": None}


def store(context) -> AlertStore:
    services = context.services
    found = services.extras.get("alerts")
    if found is None:
        found = services.extras["alerts"] = AlertStore(services.db, services.clock)
    return found


def _minutes(settings) -> str:
    return f"{settings.staff_alerts.escalate_minutes:g}"


def alert_text(alert: AlertView, settings, role: str = "staff", escalates: bool = False, lang: str = "id") -> str:
    """The alert as staff see it, in the reader's language (a staff group reads Indonesian);
    `escalates`: admins who do not have it yet will get it."""
    if alert.source == "ticket":
        what = t("em.staff.ticket", lang, service=clip(alert.text, 80))
    else:
        what = t("em.staff.text", lang, text=clip(alert.text, 1000))
    name = alert.name if alert.registered else t("em.staff.unregistered", lang, name=alert.name)
    body = t("em.staff.alert", lang, at=f"{alert.created_at:%H:%M}", name=name,
             phone=alert.phone or t("em.staff.no_phone", lang), what=what,
             kind=", ".join(t(f"em.kind.{k}", lang) for k in alert.kind.split(",")))
    if role == "admin":
        body = t("em.staff.escalated", lang, minutes=_minutes(settings)) + "\n" + body
    if alert.acked_by is not None:
        body += "\n\n" + t("em.staff.taken", lang, name=clip(alert.acked_name or "?"), at=f"{alert.acked_at:%H:%M}")
    else:
        body += "\n\n" + t("em.staff.press", lang)
        if escalates:
            body += " " + t("em.staff.press_escalates", lang, minutes=_minutes(settings))
    return fit(body)


def _button(alert_id: int, lang: str = "id") -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t("em.staff.btn", lang), callback_data=f"{PREFIX}{alert_id}")]])


async def _langs(context, chats) -> dict[int, str]:
    """The language each staff member chose; a group chat (no account row) reads Indonesian."""
    from .patient_common import patients

    rows = [await patients(context).get_user(chat) for chat in chats]
    return {row.telegram_id: row.lang for row in rows if row is not None}


async def _send_all(bot, chats: list[int], text_of, markup_of=None, role: str = "staff",
                    langs: dict[int, str] | None = None) -> list[tuple[int, int, str]]:
    """Send to every chat at once, each in its reader's language (`text_of(lang)`, `markup_of(lang)`);
    the ones that failed (blocked, left the group) are logged."""
    langs = langs or {}
    results = await asyncio.gather(*(bot.send_message(chat, text_of(langs.get(chat, "id")),
                                                      reply_markup=markup_of(langs.get(chat, "id")) if markup_of else None)
                                     for chat in chats), return_exceptions=True)
    sent = []
    for chat, result in zip(chats, results):
        if isinstance(result, BaseException):
            log.warning("emergency alert to %s not sent: %s", chat, result)
        else:
            sent.append((chat, result.message_id, role))
    return sent


async def raise_alert(context, *, user_id: int, name: str, phone: str | None, registered: bool, source: str,
                      kind: str, text: str) -> bool:
    """Alert the staff now; True only if at least one staff chat (or admin) got it. A second
    report from the same patient within FOLLOW_UP_WINDOW goes to the chats of the first alert."""
    services = context.services
    settings, bot = services.settings, context.bot
    alerts = store(context)
    recent = await alerts.recent_of(user_id, FOLLOW_UP_WINDOW)
    if recent is not None and recent.messages:
        if source == "ticket":
            return True  # this patient's alert of a few minutes ago stands; the tick adds nothing new
        chats = list(dict.fromkeys(chat for chat, _, _ in recent.messages))
        def more(lang: str) -> str:
            return fit(t("em.staff.more", lang, name=clip(recent.name), at=f"{recent.created_at:%H:%M}",
                         text=clip(text, 1000)))
        return bool(await _send_all(bot, chats, more, langs=await _langs(context, chats)))
    alert = await alerts.create(user_id=user_id, source=source, kind=kind, text=text, name=name, phone=phone,
                                registered=registered,
                                escalate_after=dt.timedelta(minutes=settings.staff_alerts.escalate_minutes))
    chats = await first_recipients(services.db, settings)
    escalates = context.application.job_queue is not None and bool(set(await admins(services.db, settings)) - set(chats))
    sent = await _send_all(bot, chats, lambda lang: alert_text(alert, settings, escalates=escalates, lang=lang),
                           lambda lang: _button(alert.id, lang), langs=await _langs(context, chats))
    if sent:
        await alerts.add_messages(alert.id, sent)
        arm(context.application, alert.id, settings.staff_alerts.escalate_minutes * 60)
        return True
    return await _escalate(context, alert.id)  # nobody of the first round could be reached: the admins now


def arm(app: Application, alert_id: int, seconds: float) -> None:
    if app.job_queue is None:
        log.warning("no job queue: emergency alert %s will not be escalated", alert_id)
        return
    app.job_queue.run_once(_escalation_job, when=max(0.0, seconds), data=alert_id, name=f"em-escalate-{alert_id}",
                           job_kwargs=LATE_OK)


async def _escalation_job(context: PusqueContext) -> None:
    await _escalate(context, context.job.data)


async def _escalate(context, alert_id: int) -> bool:
    """Send the untaken alert to the admins who do not have it yet; True if any admin got it."""
    services = context.services
    alerts = store(context)
    alert = await alerts.mark_escalated(alert_id)
    if alert is None:
        return False  # taken meanwhile, or escalated already
    have = {chat for chat, _, _ in alert.messages}
    targets = [a for a in await admins(services.db, services.settings) if a not in have]
    if not targets:
        log.warning("emergency alert %s: no admin to escalate to", alert_id)
        return False
    sent = await _send_all(context.bot, targets, lambda lang: alert_text(alert, services.settings, "admin", lang=lang),
                           lambda lang: _button(alert.id, lang), "admin", langs=await _langs(context, targets))
    alert = await alerts.add_messages(alert_id, sent)
    if alert is not None and alert.acked_by is not None:  # taken while the admins' copies were on their way
        await _show_taken(context, alert, services.settings)
    return bool(sent)


async def _show_taken(context, alert: AlertView, settings) -> None:
    langs = await _langs(context, [chat for chat, _, _ in alert.messages])

    async def edit(chat: int, message_id: int, role: str) -> None:
        try:
            await context.bot.edit_message_text(alert_text(alert, settings, role, lang=langs.get(chat, "id")),
                                                chat_id=chat, message_id=message_id, reply_markup=None)
        except TelegramError as exc:  # deleted, too old, or the same edit twice
            log.info("alert %s copy in %s not updated: %s", alert.id, chat, exc)

    await asyncio.gather(*(edit(*m) for m in alert.messages))


async def on_take(update: Update, context: PusqueContext) -> None:
    """"✋ Saya tangani": the first press takes the alert; everyone's copy then names who took it."""
    query = update.callback_query
    services = context.services
    settings = services.settings
    alert_id = button_int(query.data[len(PREFIX):])
    user = query.from_user
    lang = (await _langs(context, [user.id])).get(user.id, "id")
    in_staff_group = (settings.staff_alerts.chat_id is not None and query.message is not None
                      and query.message.chat.id == settings.staff_alerts.chat_id)
    if alert_id is None or not in_staff_group and await services.roles.role_of(user.id) not in STAFF_ROLES:
        await query.answer(t("staff.stale", lang), show_alert=True)
        raise ApplicationHandlerStop
    won, alert = await store(context).take(alert_id, user.id, user.full_name or str(user.id))
    if alert is None:
        await query.answer(t("staff.stale", lang), show_alert=True)
        raise ApplicationHandlerStop
    if won:
        for job in context.job_queue.get_jobs_by_name(f"em-escalate-{alert_id}") if context.job_queue else ():
            job.schedule_removal()
        await query.answer(t("em.staff.you_took", lang))
        await _show_taken(context, alert, settings)
        await _tell_patient(context, alert)
    else:
        await query.answer(t("em.staff.already", lang, name=clip(alert.acked_name or "?")), show_alert=True)
        await _show_taken(context, alert, settings)
    raise ApplicationHandlerStop


async def _tell_patient(context, alert: AlertView) -> None:
    from .patient_common import patients

    row = await patients(context).get_user(alert.user_id)
    lang = row.lang if row is not None else "id"
    try:
        await context.bot.send_message(row.chat_id if row is not None else alert.user_id, t("em.taken_patient", lang))
    except TelegramError as exc:
        log.info("patient of alert %s not told it was taken: %s", alert.id, exc)


async def _rearm_job(context: PusqueContext) -> None:
    """At start-up: escalations of alerts still open are armed again (due ones run now)."""
    services = context.services
    now = services.clock()
    for alert in await store(context).pending(REARM_WITHIN):
        arm(context.application, alert.id, (alert.escalate_at - now).total_seconds())


def register(app: Application, group: int) -> None:
    app.add_handler(CallbackQueryHandler(on_take, pattern=rf"^{PREFIX}"), group=group)
    if app.job_queue is not None:
        app.job_queue.run_once(_rearm_job, when=0, name="em-rearm", job_kwargs=LATE_OK)
