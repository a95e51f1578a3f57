"""/klinik: the admin runs the clinic's data from the chat, with buttons. Services (poli), doctors,
weekly doctor schedules, closed days and counters: each list has its items' buttons (change,
deactivate, delete) and an "add" button; every change is asked step by step and confirmed with
what changes (handlers/admin_clinic_wizard.py), audited and in effect at once.

    kl:home                   the menu          kl:list:SECTION          a section's list
    kl:item:SECTION:KEY       one item          kl:go:FLOW:ARG           start a change (a wizard)
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.menu import MenuCommand
from bot.roles import Role
from bot.services import Services

from . import admin_clinic_doctors as doctors
from . import admin_clinic_places as places
from . import admin_clinic_services as service_flows
from . import admin_clinic_wizard as wizard
from .patient_common import drop_buttons, inline, lang_of
from .staff_common import Audit, privileged

PREFIX = "kl"
COMMANDS = [MenuCommand("klinik", "Kelola klinik / Manage the clinic", roles=frozenset({Role.ADMIN}), order=36)]
Rows = list[list[tuple[str, str]]]
Listing = Callable[[Services, str], Awaitable[tuple[str, Rows]]]
LISTS: dict[str, Listing] = {"svc": service_flows.listing, "doc": doctors.listing, "sch": doctors.schedules_listing,
                             "cl": places.closures_listing, "ctr": places.counters_listing}
DETAILS = {"svc": service_flows.detail, "doc": doctors.detail}
PRESETS: dict[str, Callable[[Services, str, str], Awaitable[dict[str, Any] | None]]] = {
    **{f: service_flows.preset for f in wizard.FLOWS if f.startswith("service_")},
    **{f: doctors.preset for f in wizard.FLOWS if f.startswith(("doctor_", "schedule_"))},
    **{f: places.preset for f in wizard.FLOWS if f.startswith(("closure_", "counter_"))},
}
SECTIONS = (("svc", "kl.svc"), ("doc", "kl.doc"), ("sch", "kl.sch"), ("cl", "kl.cl"), ("ctr", "kl.ctr"))


def home_rows(lang: str) -> Rows:
    return [[(t(key, lang), f"{PREFIX}:list:{section}")] for section, key in SECTIONS]


@privileged("clinic_menu", Role.ADMIN)
async def klinik_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    lang = await lang_of(update, context)
    await update.effective_message.reply_text(t("kl.home", lang), reply_markup=inline(home_rows(lang)))


async def _gone(update: Update, context: PusqueContext, lang: str) -> None:
    query = update.callback_query
    await query.answer(t("staff.stale", lang), show_alert=True)
    await update.effective_message.reply_text(t("kw.gone", lang), reply_markup=inline(home_rows(lang)))


@privileged("clinic_menu", Role.ADMIN)
async def on_button(update: Update, context: PusqueContext, audit: Audit) -> None:
    query = update.callback_query
    lang = await lang_of(update, context)
    parts = (query.data or "").split(":", 3)
    action = parts[1] if len(parts) > 1 else ""
    services = context.services
    audit.target = (query.data or "")[:64]
    if action == "home":
        await query.answer()
        await update.effective_message.reply_text(t("kl.home", lang), reply_markup=inline(home_rows(lang)))
        return
    if action == "list" and len(parts) == 3 and parts[2] in LISTS:
        await query.answer()
        text, rows = await LISTS[parts[2]](services, lang)
        rows.append([(t("kl.back", lang), f"{PREFIX}:home")])
        await update.effective_message.reply_text(text, reply_markup=inline(rows))
        return
    if action == "item" and len(parts) == 4 and parts[2] in DETAILS:
        shown = await DETAILS[parts[2]](services, parts[3], lang)
        if shown is None:
            return await _gone(update, context, lang)
        await query.answer()
        text, rows = shown
        rows.append([(t("kl.back", lang), f"{PREFIX}:list:{parts[2]}")])
        await update.effective_message.reply_text(text, reply_markup=inline(rows))
        return
    if action == "go" and len(parts) == 4 and parts[2] in PRESETS:
        preset = await PRESETS[parts[2]](services, parts[2], parts[3])
        if preset is None:
            return await _gone(update, context, lang)
        await query.answer()
        await drop_buttons(query)
        await wizard.start_flow(update, context, parts[2], preset)
        return
    await _gone(update, context, lang)


TEXTS: dict[str, dict[str, str]] = {
    "kl.home": {"id": "Kelola klinik: pilih yang mau dilihat atau diubah. Setiap perubahan ditanyakan langkah demi "
                      "langkah, ditunjukkan sebelum disimpan, dan langsung berlaku.",
                "en": "Manage the clinic: choose what to see or change. Each change is asked step by step, shown "
                      "before it is saved, and takes effect at once."},
    "kl.svc": {"id": "🏥 Layanan (poli)", "en": "🏥 Services (poli)"},
    "kl.doc": {"id": "👩‍⚕️ Dokter", "en": "👩‍⚕️ Doctors"},
    "kl.sch": {"id": "📅 Jadwal dokter", "en": "📅 Doctor schedules"},
    "kl.cl": {"id": "⛔ Hari tutup", "en": "⛔ Closed days"},
    "kl.ctr": {"id": "🪟 Loket & ruang", "en": "🪟 Counters & rooms"},
    "kl.back": {"id": "⬅️ Kembali", "en": "⬅️ Back"},
}


def register(app: Application) -> None:
    app.add_handler(CommandHandler("klinik", klinik_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
    wizard.register(app)
