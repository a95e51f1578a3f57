"""Taking a queue number: who (self or family) -> service (open, quota left: the queue's own
`availability`) -> conditions checklist, showing where a number taken now would stand (the
queue's `preview`, again at each tick) -> the checklist turns into "number booked", and the
ticket message (number, service, position, estimate, "come at", QR image) follows from the outbox
(handlers/ticket_notice.py): written in the issuing transaction, so a crash right after the
commit cannot lose it. Opening hours, holidays and the quota are the queue's rules, not checked here.

Another day and a doctor (booking ahead): handlers/ticket_days.py; while a poli is open its
button still leads straight to the checklist (today, any doctor), and outside opening hours the
menu offers the next open day instead of a dead end.

Stateless inline buttons: everything the next step needs is in the callback data
(`tk:s:<patient>`, `tk:c:<patient>:<service>:<mask>[:<day>:<doctor>]`, `tk:go:...`), checked again at each tap,
so a stale or doubled tap is answered, never obeyed twice (the core keeps one active ticket per
person per service).
"""
from __future__ import annotations

import datetime as dt
import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from queue_core import errors
from queue_core.booking import DayOutOfRange, DoctorNotAvailable
from queue_core.policy import age_on, derive_conditions
from queue_core.rows import BOOKED

from . import emergency, ticket_days
from .patient_common import (
    answer_stale,
    inline,
    main_keyboard,
    menu_regex,
    patients,
    service_name,
    touch,
)
from .texts_booking import day_label
from .when_to_come import advice_lines, is_first_phase

log = logging.getLogger(__name__)
COMMANDS = [MenuCommand("antre", "Ambil antrean / Take a number", order=3)]
EMERGENCY = "darurat"
USED_KEY = "tk_used"  # user_data: checklist message id -> the number taken from it


def _asked_conditions(settings) -> list[str]:
    """Conditions the patient ticks (age-based ones are derived, never asked)."""
    return [key for key, rule in settings.conditions.items() if not rule.age_based]


def _label(settings, key: str, lang: str) -> str:
    rule = settings.conditions[key]
    return rule.label_en if lang == "en" else rule.label


async def start_ticket(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    people = await patients(context).patients_of(update.effective_user.id)
    if not people:
        await update.effective_message.reply_text(t("tk.not_registered", lang), reply_markup=main_keyboard(lang))
        return
    if len(people) == 1:
        await _choose_service(update, context, lang, people[0].id)
        return
    rows = [[(f"{p.name} ({t(f'rel.{p.relation}', lang)})", f"tk:s:{p.id}")] for p in people]
    await update.effective_message.reply_text(t("tk.who", lang), reply_markup=inline(rows))


async def _choose_service(update: Update, context, lang: str, patient_id: int) -> None:
    services = context.services
    settings = services.settings
    rows, closed = [], []
    for code, state in (await services.queue.availability()).items():
        name = service_name(settings, code, lang)
        if state.open:
            rows.append([(name, f"tk:c:{patient_id}:{code}:0")])
        elif state.reason == "closure":
            closed.append(f"• {name}: {t('tk.svc_shut_mark', lang, reason=state.closure)}")
        elif state.reason == "full":
            closed.append(f"• {name}: {t('tk.svc_full_mark', lang)}")
        else:
            closed.append(f"• {name}: {state.hours_today}")
    if not rows:  # never a dead end: the next open day, one tap away
        await ticket_days.offer_next_day(update, context, lang, patient_id, closed)
        return
    if settings.booking.days_ahead > 0:
        rows.append([(t("bk.btn.other_day", lang), f"tk:d:{patient_id}")])
    text = t("tk.service", lang) + ("\n\n" + "\n".join(closed) if closed else "")
    await update.effective_message.reply_text(text, reply_markup=inline(rows))


def _checklist(settings, lang: str, tap: ticket_days.Tap, auto: list[str], preview, extras):
    day_lines, doctor_rows, _plan = extras
    rows = []
    for i, key in enumerate(_asked_conditions(settings)):
        mark = "☑️" if tap.mask & (1 << i) else "⬜"
        rows.append([(f"{mark} {_label(settings, key, lang)}",
                      f"tk:c:{tap.patient_id}:{tap.code}:{tap.mask ^ (1 << i)}{tap.tail()}")])
    rows += doctor_rows
    rows.append([(t("tk.btn.take", lang), f"tk:go:{tap.patient_id}:{tap.code}:{tap.mask}{tap.tail()}")])
    text = t("tk.conditions", lang)
    if auto:
        text += "\n" + t("tk.auto", lang, labels=", ".join(_label(settings, k, lang) for k in auto))
    if day_lines:  # a booking: where it would stand now says nothing about that day
        text += "\n\n" + "\n".join(day_lines)
    else:
        text += "\n\n" + t("tk.preview", lang, position=preview.position)
        if preview.estimate_minutes is not None:
            text += " " + t("tk.preview_minutes", lang, minutes=max(0, round(preview.estimate_minutes)))
    return text, inline(rows)


async def on_button(update: Update, context: PusqueContext) -> None:
    lang = await touch(update, context)
    query = update.callback_query
    services = context.services
    settings = services.settings
    try:
        tap = ticket_days.parse(query.data)
    except (ValueError, IndexError):
        return await answer_stale(update, context)
    patient_id, code, mask = tap.patient_id, tap.code, tap.mask
    patient = await patients(context).get(update.effective_user.id, patient_id)
    if patient is None or (code is not None and code not in settings.services):
        return await answer_stale(update, context)
    await query.answer()
    if tap.action == "s":
        await _choose_service(update, context, lang, patient_id)
        return
    if tap.action == "d":
        await ticket_days.choose_day(update, context, lang, patient_id)
        return
    if tap.action == "dy":
        await ticket_days.choose_service_of_day(update, context, lang, patient_id, tap.day or services.clock().date(),
                                                _choose_service)
        return
    if tap.action == "dr":
        await ticket_days.choose_doctor(update, context, lang, tap)
        return
    assert code is not None
    asked = _asked_conditions(settings)
    if not 0 <= mask < (1 << len(asked)):
        return await answer_stale(update, context)
    chosen = [key for i, key in enumerate(asked) if mask & (1 << i)]
    age = age_on(patient.birth_date, services.clock().date()) if patient.birth_date else None
    if tap.action == "c":
        auto = [k for k in derive_conditions([], age, settings.conditions)]
        preview = await services.queue.preview(code, chosen, age) if tap.day is None else None
        extras = await ticket_days.checklist_extras(context, lang, tap)
        text, markup = _checklist(settings, lang, tap, auto, preview, extras)
        try:
            await query.edit_message_text(text, reply_markup=markup)
        except BadRequest as exc:  # "message is not modified": the same tap twice
            log.debug("checklist not edited: %s", exc)
        if EMERGENCY in chosen and not _was_ticked(query.message, asked.index(EMERGENCY)):
            await _tell_emergency(update, context, lang, code, patient.name)
        return
    if tap.action == "go":
        # One number per checklist: a second tap that was already on its way when the first one
        # removed the button (a laggy connection, a bot catching up) must not take a second number
        # once the first is finished or cancelled; remembered in user_data, persisted per update.
        used = context.user_data.setdefault(USED_KEY, {})
        key = str(query.message.message_id) if query.message is not None else None
        if key in used:
            await update.effective_message.reply_text(t("tk.used", lang, number=used[key]), reply_markup=main_keyboard(lang))
            return
        # no separate edit to take the buttons off first: the "taken" edit below does it, and a
        # second tap meanwhile is answered from `used` (one edit fewer per patient in a rush)
        number = await _issue(update, context, lang, patient, tap, chosen, age)
        if number is not None and key is not None:
            used[key] = number
            for old in list(used)[:-20]:
                del used[old]


def _was_ticked(message, row: int) -> bool:
    """Whether the checklist this tap changed already showed the box ticked (then it was told)."""
    try:
        return message.reply_markup.inline_keyboard[row][0].text.startswith("☑️")
    except (AttributeError, IndexError):
        return False


async def _tell_emergency(update: Update, context, lang: str, code: str, patient_name: str) -> None:
    """At the tick itself (not only once a number is issued, which a closed poli or a full quota
    may prevent): the staff are alerted, and the patient is told so only if they were."""
    settings = context.services.settings
    clinic = settings.clinic
    alerted = await emergency.alert_for(update, context, source="ticket", kind="ticket",
                                        text=f"{service_name(settings, code, 'id')} ({patient_name})")
    await update.effective_message.reply_text(
        t("tk.emergency_now", lang, unit=clinic.emergency_unit, number=clinic.emergency_number)
        + "\n" + emergency.status_text(alerted, lang, settings))


async def _issue(update: Update, context, lang: str, patient, tap: ticket_days.Tap, chosen: list[str],
                 age: int | None) -> str | None:
    """Take the number; returns it, or None when none was taken (closed, full, already has one)."""
    services = context.services
    code = tap.code
    assert code is not None
    day = day_label(tap.day or services.clock().date(), lang)
    settings = services.settings
    name = service_name(settings, code, lang)
    message = update.effective_message
    if EMERGENCY in chosen:
        await _tell_emergency(update, context, lang, code, patient.name)  # first, before any queue business
    try:
        view = await services.queue.issue(service=code, user_id=update.effective_user.id, patient_id=patient.id,
                                          conditions=chosen, age=age, day=tap.day, doctor=tap.doctor)
    except (DoctorNotAvailable, DayOutOfRange) as exc:
        await message.reply_text(t("bk.doctor_gone", lang, service=name, day=day)
                                 if isinstance(exc, DoctorNotAvailable) else t("pt.stale", lang),
                                 reply_markup=main_keyboard(lang))
        return None
    except errors.ServiceClosed as exc:
        if tap.day is not None and tap.day != services.clock().date():
            await message.reply_text(t("bk.closed_day", lang, service=name, day=day))
            return None
        if exc.params.get("closure") is not None:
            await message.reply_text(t("tk.svc_shut", lang, service=name, reason=exc.params["closure"]))
        else:
            await message.reply_text(t("tk.svc_closed", lang, service=name, hours=exc.params["hours_today"]))
        return None
    except errors.QuotaFull as exc:
        if exc.params.get("doctor") is not None:
            await message.reply_text(t("bk.doctor_full", lang, day=day, quota=exc.params.get("quota")))
        elif tap.day is not None:
            await message.reply_text(t("bk.day_full_msg", lang, service=name, day=day, quota=exc.params.get("quota")))
        else:
            await message.reply_text(t("tk.svc_full", lang, service=name, quota=exc.params.get("quota")))
        return None
    except errors.AlreadyHasTicket as exc:
        number = exc.params.get("number")
        if number is None:  # the same tap twice at once: the other one won
            current = [v for v in await services.queue.tickets_of_user(update.effective_user.id)
                       if v.patient_id == patient.id and v.service == code
                       and v.day == (tap.day or services.clock().date())]
            number = current[0].number if current else "?"
        await message.reply_text(t("tk.already", lang, name=patient.name, number=number, service=name),
                                 reply_markup=main_keyboard(lang))
        return None
    # The ticket message itself is the "issued" outbox row the same transaction wrote: the notifier
    # sends it (urgent lane, now rather than at its next poll). Here only the checklist is closed,
    # so the patient sees at once that the tap worked, and nothing here can duplicate the ticket.
    if services.notifier is not None:
        services.notifier.wake()
    try:
        await message.edit_text(t("bk.taken", lang, number=view.number, service=name, day=day)
                                if view.status == BOOKED else t("tk.taken", lang, number=view.number, service=name))
    except BadRequest as exc:  # the checklist is gone (deleted, too old): the ticket still comes
        log.debug("checklist not closed: %s", exc)
    return view.number


def estimate_lines(view, settings, lang: str, now: dt.datetime) -> list[str]:
    """/status's lines for a waiting ticket: when to come (first queue of the route) or when it
    will be called (later phases: the patient is here), from the ticket's advice."""
    return advice_lines(view.advice, lang, now, is_first_phase(settings, view.service, view.phase))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("antre", start_ticket))
    app.add_handler(MessageHandler(filters.Regex(menu_regex("pt.btn.ticket")), start_ticket))
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^tk:"))
