"""Choosing the day and the doctor of a number (handlers/ticket.py's steps for booking ahead).

The common case adds no step: while a poli is open, its button leads straight to the checklist
for today and any doctor; "📅 Hari lain" and the checklist's doctor row are there for the others.
Outside opening hours the menu offers the next open day (the queue's `booking_calendar`: opening
hours, holidays, closures and doctor schedules), never a dead end.

Button data: `tk:d:<patient>` (the days), `tk:dy:<patient>:<yyyymmdd>` (a day's services),
`tk:dr:<patient>:<service>:<mask>:<day>` (the doctors), and the checklist's
`tk:c|go:<patient>:<service>:<mask>[:<day>:<doctor>]`: day 0 is "today, as a walk-in", doctor 0
"any doctor". A date, not an offset: a tap after midnight still means the day it showed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.i18n import t
from queue_core.booking import next_open
from queue_core.booking_days import DayPlan, bookable

from . import texts_booking  # noqa: F401 - registers the texts
from .buttondata import button_int
from .patient_common import inline, main_keyboard, service_name
from .texts_booking import day_label, weekday_name


@dataclass(frozen=True)
class Tap:
    action: str
    patient_id: int
    code: str | None = None
    mask: int = 0
    day: dt.date | None = None  # None: today, as a walk-in
    doctor: int | None = None   # None: any doctor

    def tail(self) -> str:
        """The checklist's day and doctor, as its button data carries them (empty when default)."""
        if self.day is None and self.doctor is None:
            return ""
        return f":{day_code(self.day)}:{self.doctor or 0}"


def day_code(day: dt.date | None) -> str:
    return "0" if day is None else f"{day:%Y%m%d}"


def parse_day(text: str) -> dt.date | None:
    if text == "0":
        return None
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise ValueError(text)
    return dt.datetime.strptime(text, "%Y%m%d").date()


def parse(data: str) -> Tap:
    """Button data -> Tap; ValueError (or IndexError) for anything forged or stale in shape."""
    parts = data.split(":")
    action = parts[1]
    patient_id = button_int(parts[2])
    if patient_id is None:
        raise ValueError(data)
    if action in ("s", "d") and len(parts) == 3:
        return Tap(action, patient_id)
    if action == "dy" and len(parts) == 4:
        return Tap(action, patient_id, day=parse_day(parts[3]))
    if (action in ("c", "go") and len(parts) in (4, 5, 7)) or (action == "dr" and len(parts) == 6):
        mask = button_int(parts[4], minimum=0) if len(parts) > 4 else 0
        day = parse_day(parts[5]) if len(parts) > 5 else None
        doctor = button_int(parts[6], minimum=0) if len(parts) > 6 else 0
        if mask is None or doctor is None:
            raise ValueError(data)
        return Tap(action, patient_id, parts[3], mask, day, doctor or None)
    raise ValueError(data)


async def offer_next_day(update, context, lang: str, patient_id: int, hours: list[str]) -> None:
    """Nothing open now: the next open day, with a one-tap "yes" (or the hours when none is near)."""
    services = context.services
    now = services.clock()
    found = next_open(await services.queue.booking_calendar(), now)
    if found is None:
        await update.effective_message.reply_text(
            t("bk.none_ahead", lang, days=services.settings.booking.days_ahead, hours="\n".join(hours)),
            reply_markup=main_keyboard(lang))
        return
    day, plans = found
    start = min(p.start for p in plans if p.start is not None)
    weekday = t("bk.btn.today", lang).lower() if day == now.date() else weekday_name(day, lang)
    rows = [[(t("bk.btn.yes", lang, day=day_label(day, lang)), f"tk:dy:{patient_id}:{day_code(day)}")],
            [(t("bk.btn.other_day", lang), f"tk:d:{patient_id}")]]
    await update.effective_message.reply_text(t("bk.closed_now", lang, weekday=weekday, start=f"{start:%H:%M}"),
                                              reply_markup=inline(rows))


async def choose_day(update, context, lang: str, patient_id: int) -> None:
    """The days of the booking window with a service still bookable and places left."""
    services = context.services
    now = services.clock()
    rows = []
    for plans in await services.queue.booking_calendar():
        day = next(iter(plans.values())).day
        if any(bookable(p, now) and not p.full for p in plans.values()):
            label = t("bk.btn.today", lang) if day == now.date() else day_label(day, lang)
            rows.append([(label, f"tk:dy:{patient_id}:{day_code(day)}")])
    if not rows:
        await update.effective_message.reply_text(
            t("bk.none_ahead", lang, days=services.settings.booking.days_ahead, hours="-"), reply_markup=main_keyboard(lang))
        return
    await update.effective_message.reply_text(t("bk.pick_day", lang), reply_markup=inline(rows))


def _bookable_now(plan: DayPlan, now: dt.datetime) -> bool:
    """Bookable ahead: a later day, or today before its session starts (while open, it is a walk-in)."""
    if not bookable(plan, now) or plan.full:
        return False
    return plan.day > now.date() or (plan.start is not None and now.time() < plan.start)


async def choose_service_of_day(update, context, lang: str, patient_id: int, day: dt.date, walk_in_menu) -> None:
    """A day's open services; today while a poli is open is the walk-in menu itself."""
    services = context.services
    now = services.clock()
    settings = services.settings
    plans = next((p for p in await services.queue.booking_calendar() if next(iter(p.values())).day == day), None)
    if day == now.date() and any(s.open for s in (await services.queue.availability()).values()):
        await walk_in_menu(update, context, lang, patient_id)
        return
    rows, closed = [], []
    for code, plan in (plans or {}).items():
        name = service_name(settings, code, lang)
        if _bookable_now(plan, now):
            rows.append([(name, f"tk:c:{patient_id}:{code}:0:{day_code(day)}:0")])
        elif plan.open and plan.full:
            closed.append(f"• {name}: {t('bk.day_full', lang)}")
    if not rows:
        await update.effective_message.reply_text(t("bk.day_none", lang, day=day_label(day, lang)),
                                                  reply_markup=main_keyboard(lang))
        return
    text = t("bk.day_services", lang, day=day_label(day, lang)) + ("\n\n" + "\n".join(closed) if closed else "")
    await update.effective_message.reply_text(text, reply_markup=inline(rows))


async def checklist_extras(context, lang: str, tap: Tap) -> tuple[list[str], list[list[tuple[str, str]]], DayPlan]:
    """The checklist's day line and doctor row (the row only when the day has several doctors)."""
    services = context.services
    now = services.clock()
    assert tap.code is not None
    plan = await services.queue.day_plan(tap.code, tap.day or now.date())
    lines = []
    if tap.day is not None:
        start = plan.session_start(tap.doctor)
        lines.append(t("bk.for_day", lang, day=day_label(tap.day, lang), start=f"{start:%H:%M}" if start else "-"))
    rows = []
    if len(plan.doctors) > 1 or tap.doctor is not None:
        slot = plan.doctor(tap.doctor) if tap.doctor is not None else None
        label = t("bk.doctor_chosen", lang, doctor=slot.name) if slot else t("bk.doctor_any", lang)
        rows.append([(label, f"tk:dr:{tap.patient_id}:{tap.code}:{tap.mask}:{day_code(tap.day)}")])
    return lines, rows, plan


async def choose_doctor(update, context, lang: str, tap: Tap) -> None:
    services = context.services
    assert tap.code is not None
    day = tap.day or services.clock().date()
    plan = await services.queue.day_plan(tap.code, day)
    base = f"tk:c:{tap.patient_id}:{tap.code}:{tap.mask}:{day_code(tap.day)}"
    rows = [[(t("bk.btn.any_doctor", lang), f"{base}:0")]]
    rows += [[(f"{slot.name} ({slot.start:%H:%M}-{slot.end:%H:%M})", f"{base}:{slot.id}")] for slot in plan.doctors]
    await update.effective_message.edit_text(t("bk.pick_doctor", lang, day=day_label(day, lang)),
                                             reply_markup=inline(rows))
