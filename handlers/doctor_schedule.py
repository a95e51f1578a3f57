"""/jadwal (and the FAQ's "jadwal dokter" question): the doctors' schedule of the coming week, from
the live data: each day's doctor schedules of active doctors and active services, the closures
and holidays of the day, and the doctors on leave (deactivated). With no schedule entered yet the
answer says so and gives each service's opening hours instead."""
from __future__ import annotations

import datetime as dt

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import clip, fit, t
from bot.menu import MenuCommand
from bot.services import Services
from nlp.corpus import describe_hours
from queue_core.clinic_data import ClinicStore
from queue_core.clock import CallableClock

from .patient_common import lang_of, menu_keyboard

COMMANDS = [MenuCommand("jadwal", "Jadwal dokter / Doctor schedule", order=5)]
DAYS_AHEAD = 7
DAYS = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}


async def schedule_text(services: Services, lang: str) -> str:
    assert services.db is not None  # made in Services.create
    settings = services.settings
    store = ClinicStore(services.db, CallableClock(services.clock), settings)
    today = services.clock().date()
    doctors = {d["id"]: d for d in await store.doctors()}
    schedules = [s for s in await store.schedules()
                 if doctors.get(s["doctor"], {}).get("active") and s["service"] in settings.services]
    closures = await store.closures(since=today)
    name = (lambda code: settings.services[code].name) if lang == "id" else (lambda code: settings.services[code].name_en)
    lines = [t("js.title", lang, clinic=settings.clinic.name)]
    if not schedules:
        lines.append(t("js.none", lang))
    for offset in range(DAYS_AHEAD if schedules else 0):
        day = today + dt.timedelta(days=offset)
        shut = {c["service"]: c["reason"] for c in closures if c["date"] == day.isoformat()}
        head = f"{DAYS[lang][day.weekday()]}, {day:%d-%m}"
        if day in settings.clinic.holidays or None in shut:
            reason = shut.get(None) or t("js.holiday", lang)
            lines.append(f"{head}: " + t("js.clinic_closed", lang, reason=clip(reason, 60)))
            continue
        todays = [s for s in schedules if s["weekday"] == day.isoweekday()]
        if not todays:
            continue
        lines.append(head)
        for s in todays:
            if s["service"] in shut:
                lines.append(f"• {name(s['service'])}: " + t("js.closed", lang, reason=clip(shut[s["service"]], 60)))
            else:
                room = f", {s['room']}" if s["room"] and len(settings.services[s["service"]].rooms) > 1 else ""
                lines.append(f"• {name(s['service'])} {s['start']}–{s['end']}: {clip(doctors[s['doctor']]['name'], 40)}"
                             + room)
    away = [d["name"] for d in doctors.values() if not d["active"]]
    if away:
        lines.append(t("js.leave", lang, names=", ".join(clip(n, 40) for n in away)))
    lines.append(t("js.hours", lang) + "\n" + "\n".join(
        f"• {name(code)}: {describe_hours(svc.hours, lang)}" for code, svc in settings.services.items()))
    return fit("\n".join(lines))


async def jadwal_command(update: Update, context: PusqueContext) -> None:
    lang = await lang_of(update, context)
    await update.effective_message.reply_text(await schedule_text(context.services, lang),
                                              reply_markup=await menu_keyboard(update, context, lang))


TEXTS: dict[str, dict[str, str]] = {
    "js.title": {"id": "Jadwal dokter {clinic}, 7 hari ke depan:", "en": "Doctor schedule at {clinic}, the coming 7 days:"},
    "js.none": {"id": "Jadwal dokter belum diisi oleh puskesmas.", "en": "The clinic has not entered doctor schedules yet."},
    "js.holiday": {"id": "hari libur", "en": "public holiday"},
    "js.clinic_closed": {"id": "puskesmas tutup ({reason})", "en": "the clinic is closed ({reason})"},
    "js.closed": {"id": "tutup ({reason})", "en": "closed ({reason})"},
    "js.leave": {"id": "Sedang cuti: {names}.", "en": "On leave: {names}."},
    "js.hours": {"id": "Jam buka tiap poli:", "en": "Opening hours of each service:"},
}


def register(app: Application) -> None:
    app.add_handler(CommandHandler("jadwal", jadwal_command))
