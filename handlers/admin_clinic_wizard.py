"""The step-by-step questions of /klinik: one flow (add a doctor, a schedule, a service, ...) asks
its steps one at a time (a typed answer, one button, or several buttons then "Lanjut"), then shows
what changes (before and after) and changes nothing until "Ya, simpan".

The flow's state lives in user_data (`clinic_wizard`: flow, step, answers, the wizard's id), which
bot/persistence.py saves after every update, so a wizard in progress survives a restart. Every
button carries the wizard's id: a button of a finished, cancelled or replaced wizard is answered
as out of date, with the way to start again. Only admins get here (checked on every press).
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot.context import PusqueContext
from bot.i18n import clip, t
from bot.roles import Role
from bot.services import Services
from queue_core.clinic_checks import BadFields
from queue_core.clinic_data import DoctorHasSchedules, NameTaken, NotFound
from queue_core.clinic_waiting import HasWaiting
from queue_core.service_catalog import ServiceHasSchedules
from queue_core.service_moves import ServiceInUse

from .patient_common import inline, lang_of

KEY = "clinic_wizard"
PREFIX = "kw"
# Before every other group: an admin's typed answer is taken here, and nothing else sees it. With
# no wizard waiting for text the handler returns and the text goes on as usual.
GROUP = -4
Answers = dict[str, Any]
Options = Callable[[Services, Answers, str], Awaitable[list[tuple[str, str]]]]  # (value, label)
Parse = Callable[[str, Answers], tuple[Any, str | None]]  # (value, or the key of the problem's text)


@dataclass(frozen=True)
class Step:
    name: str           # the answer it fills, and its state's name
    ask: str            # text key of the question
    kind: str = "text"  # "text" | "choice" | "multi"
    options: Options | None = None
    parse: Parse | None = None
    skip_if: Callable[[Answers], bool] | None = None
    auto_single: bool = False  # a choice with one option (or none) is taken without asking


@dataclass(frozen=True)
class Flow:
    name: str
    steps: tuple[Step, ...]
    # (before, after) shown for confirmation; before None for something new, after None for a removal
    describe: Callable[[Services, Answers, str], Awaitable[tuple[str | None, str | None]]]
    apply: Callable[[Services, Answers, dict[str, Any], str], Awaitable[str]]  # the text saying what was done


FLOWS: dict[str, Flow] = {}
DAYS = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
HHMM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_time(text: str, answers: Answers) -> tuple[Any, str | None]:
    """"8:00", "08.00" -> "08:00"; anything else is named in the reply."""
    m = HHMM.match(text)
    return (f"{int(m.group(1)):02d}:{m.group(2)}", None) if m else (None, "kw.bad_time")


def parse_end(after: str) -> Parse:
    """A closing time, after the answer `after`."""
    def parse(text: str, answers: Answers) -> tuple[Any, str | None]:
        value, problem = parse_time(text, answers)
        if problem is None and value <= answers[after]:
            return None, "kw.end_before_start"
        return value, problem

    return parse


def parse_count(text: str, answers: Answers) -> tuple[Any, str | None]:
    return (int(text), None) if text.isdigit() and 1 <= int(text) <= 10_000 else (None, "kw.bad_count")


def parse_name(text: str, answers: Answers) -> tuple[Any, str | None]:
    name = " ".join(text.split())
    return (name, None) if 0 < len(name) <= 64 else (None, "kw.bad_name")


async def weekday_options(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(str(i + 1), day) for i, day in enumerate(DAYS[lang])]


async def service_options(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(code, f"{code} · {svc.name if lang == 'id' else svc.name_en}")
            for code, svc in services.settings.services.items()]


def register_flow(flow: Flow) -> Flow:
    FLOWS[flow.name] = flow
    return flow


async def is_admin(update: Update, context: PusqueContext) -> bool:
    return await context.services.roles.role_of(update.effective_user.id) is Role.ADMIN


async def start_flow(update: Update, context: PusqueContext, name: str, preset: Answers | None = None) -> None:
    """Begin a flow (replacing any other in progress: its buttons go out of date)."""
    state = {"flow": name, "step": 0, "answers": dict(preset or {}), "wid": secrets.token_hex(3),
             "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    context.user_data[KEY] = state
    await _show(update, context, state)


def _step(state: dict[str, Any]) -> Step | None:
    """The step the flow waits for (None: every answer given, the confirmation is due)."""
    flow = FLOWS[state["flow"]]
    while state["step"] < len(flow.steps):
        step = flow.steps[state["step"]]
        if step.name not in state["answers"] and not (step.skip_if and step.skip_if(state["answers"])):
            return step
        state["step"] += 1
    return None


def _button(state: dict[str, Any], action: str, value: str = "") -> str:
    return f"{PREFIX}:{state['wid']}:{action}:{value}"


async def _render(context: PusqueContext, state: dict[str, Any], lang: str) -> tuple[str, list[list[tuple[str, str]]]]:
    """The message of the step the flow waits for (its question and buttons), or the confirmation."""
    services = context.services
    flow, step = FLOWS[state["flow"]], _step(state)
    while step is not None and step.auto_single and step.options is not None:
        options = await step.options(services, state["answers"], lang)
        if len(options) > 1:
            break
        state["answers"][step.name] = options[0][0] if options else None
        step = _step(state)
    cancel = (t("kw.cancel", lang), _button(state, "no"))
    if step is None:
        before, after = await flow.describe(services, state["answers"], lang)
        state["state"] = "confirm"
        lines = [t("kw.check", lang)]
        if before is not None:
            lines.append(t("kw.before", lang) + "\n" + before)
        lines.append(t("kw.after", lang) + "\n" + (after if after is not None else t("kw.removed", lang)))
        return "\n\n".join(lines), [[(t("kw.yes", lang), _button(state, "yes")), cancel]]
    state["state"] = step.name
    text = t(step.ask, lang, **{k: v for k, v in state["answers"].items() if not k.startswith("_")})
    rows: list[list[tuple[str, str]]] = []
    if step.kind in ("choice", "multi"):
        assert step.options is not None
        chosen = set(state["answers"].get(f"_{step.name}", []))
        options = await step.options(services, state["answers"], lang)
        for value, label in options:
            mark = "✅ " if value in chosen else ""
            rows.append([(mark + clip(label, 40), _button(state, "pick" if step.kind == "choice" else "tog", value))])
        if not options:
            text += "\n" + t("kw.no_options", lang)
        if step.kind == "multi":
            rows.append([(t("kw.next", lang), _button(state, "next"))])
    rows.append([cancel])
    return text, rows


async def _show(update: Update, context: PusqueContext, state: dict[str, Any], note: str | None = None) -> None:
    lang = await lang_of(update, context)
    text, rows = await _render(context, state, lang)
    await update.effective_message.reply_text((note + "\n\n" if note else "") + text, reply_markup=inline(rows))


async def _stale(update: Update, context: PusqueContext) -> None:
    lang = await lang_of(update, context)
    query = update.callback_query
    await query.answer(t("staff.stale", lang), show_alert=True)
    if query.message is not None:
        await query.message.reply_text(t("kw.stale", lang))


def _fits(step: Step | None, action: str) -> bool:
    """Whether a button's action belongs to the step the wizard waits for."""
    if action == "no":
        return True
    if step is None:
        return action == "yes"
    return (step.kind, action) in (("choice", "pick"), ("multi", "tog"), ("multi", "next"))


async def on_button(update: Update, context: PusqueContext) -> None:
    query = update.callback_query
    if not await is_admin(update, context):
        await query.answer(t("staff.refused", "id", role_id=t("role.admin", "id")), show_alert=True)
        return
    _, wid, action, value = ((query.data or "").split(":", 3) + ["", "", ""])[:4]
    state = context.user_data.get(KEY)
    if not state or state.get("wid") != wid or state.get("flow") not in FLOWS:
        return await _stale(update, context)
    lang = await lang_of(update, context)
    step = _step(state)
    if not _fits(step, action):
        return await _stale(update, context)  # a button of another step of this wizard
    await query.answer()
    if action == "no":
        context.user_data.pop(KEY, None)
        await query.edit_message_reply_markup(None)
        await update.effective_message.reply_text(t("kw.cancelled", lang))
        return
    if step is None:  # "yes"
        await query.edit_message_reply_markup(None)
        context.user_data.pop(KEY, None)
        await update.effective_message.reply_text(await _apply(update, context, state, lang))
        return
    values = {v for v, _ in await step.options(context.services, state["answers"], lang)} if step.options else set()
    if action == "pick" and value in values:
        state["answers"][step.name] = value
    elif action == "tog" and value in values:
        chosen = state["answers"].setdefault(f"_{step.name}", [])
        chosen.remove(value) if value in chosen else chosen.append(value)
        _, rows = await _render(context, state, lang)
        await query.edit_message_reply_markup(inline(rows))  # the same step, with the marks
        return
    elif action == "next" and state["answers"].get(f"_{step.name}"):
        state["answers"][step.name] = state["answers"].pop(f"_{step.name}")
    else:
        await query.edit_message_reply_markup(None)
        return await _show(update, context, state, note=t("kw.pick_one", lang))
    await query.edit_message_reply_markup(None)
    await _show(update, context, state)


async def on_text(update: Update, context: PusqueContext) -> None:
    state = context.user_data.get(KEY) if context.user_data else None
    if not state or state.get("flow") not in FLOWS:
        return
    step = _step(state)
    if step is None or step.kind != "text" or not await is_admin(update, context):
        return
    lang = await lang_of(update, context)
    assert step.parse is not None
    value, problem = step.parse((update.effective_message.text or "").strip(), state["answers"])
    if problem is not None:
        await update.effective_message.reply_text(t(problem, lang) + "\n" + t("kw.again", lang),
                                                  reply_markup=inline([[(t("kw.cancel", lang), _button(state, "no"))]]))
        raise ApplicationHandlerStop
    state["answers"][step.name] = value
    await _show(update, context, state)
    raise ApplicationHandlerStop


async def _apply(update: Update, context: PusqueContext, state: dict[str, Any], lang: str) -> str:
    """Do the change; what was done, or why it was refused (nothing changed then)."""
    by = {"actor_id": update.effective_user.id, "via": "chat"}
    try:
        return await FLOWS[state["flow"]].apply(context.services, state["answers"], by, lang)
    except BadFields as exc:
        return "\n".join(p["message" if lang == "id" else "message_en"] for p in exc.problems.values())
    except NotFound:
        return t("kw.gone", lang)
    except (HasWaiting, ServiceInUse) as exc:
        reason = getattr(exc, "reason", "waiting")
        return t(f"kw.in_use.{reason}", lang, n=exc.count)
    except (DoctorHasSchedules, ServiceHasSchedules) as exc:
        return t("kw.has_schedules", lang, n=exc.count)
    except NameTaken as exc:
        return t("kw.name_taken", lang, name=clip(exc.name))


TEXTS: dict[str, dict[str, str]] = {
    "kw.check": {"id": "Periksa perubahan ini:", "en": "Check this change:"},
    "kw.before": {"id": "Sebelum:", "en": "Before:"},
    "kw.after": {"id": "Sesudah:", "en": "After:"},
    "kw.removed": {"id": "(dihapus)", "en": "(removed)"},
    "kw.yes": {"id": "Ya, simpan", "en": "Yes, save"},
    "kw.cancel": {"id": "Batal", "en": "Cancel"},
    "kw.next": {"id": "Lanjut ➡️", "en": "Next ➡️"},
    "kw.cancelled": {"id": "Dibatalkan, tidak ada yang diubah. Ketik /klinik untuk menu klinik.",
                     "en": "Cancelled, nothing changed. Send /klinik for the clinic menu."},
    "kw.stale": {"id": "Tombol itu sudah tidak berlaku (langkahnya sudah selesai atau diganti). Ketik /klinik untuk "
                       "mulai lagi.",
                 "en": "That button is out of date (its step was finished or replaced). Send /klinik to start again."},
    "kw.again": {"id": "Silakan ketik lagi.", "en": "Please type it again."},
    "kw.pick_one": {"id": "Pilih minimal satu.", "en": "Choose at least one."},
    "kw.no_options": {"id": "(Belum ada pilihan.)", "en": "(Nothing to choose yet.)"},
    "kw.gone": {"id": "Data itu sudah tidak ada (mungkin sudah dihapus). Ketik /klinik untuk melihat yang terbaru.",
                "en": "That item no longer exists (perhaps deleted). Send /klinik to see the latest."},
    "kw.in_use.waiting": {"id": "Ditolak: {n} pasien masih menunggu. Tidak ada yang diubah. Tunggu sampai mereka "
                                "selesai dilayani, lalu coba lagi lewat /klinik.",
                          "en": "Refused: {n} patients are still waiting. Nothing changed. Wait until they have been "
                                "served, then try again from /klinik."},
    "kw.in_use.in_service": {"id": "Ditolak: {n} pasien sedang dipanggil atau dilayani; tunggu sampai selesai. "
                                   "Tidak ada yang diubah.",
                             "en": "Refused: {n} patients are being called or served; wait until they are done. "
                                   "Nothing changed."},
    "kw.in_use.holds_both": {"id": "Ditolak: {n} pasien sudah memegang nomor di layanan tujuan; pilih layanan lain.",
                             "en": "Refused: {n} patients already hold a number of the target service; choose another."},
    "kw.has_schedules": {"id": "Ditolak: masih ada {n} jadwal. Hapus jadwalnya dulu (menu Jadwal dokter), atau "
                               "nonaktifkan saja.",
                         "en": "Refused: {n} schedules remain. Delete them first (Doctor schedules menu), or just "
                               "deactivate."},
    "kw.bad_time": {"id": "Jam harus seperti 08:00 (jam:menit, 00:00 sampai 23:59).",
                    "en": "The time must look like 08:00 (hours:minutes, 00:00 to 23:59)."},
    "kw.end_before_start": {"id": "Jam selesai harus setelah jam mulai.", "en": "The end must be after the start."},
    "kw.bad_count": {"id": "Ketik angka saja, 1 sampai 10000 (mis. 30).", "en": "Type a number only, 1 to 10000 (e.g. 30)."},
    "kw.bad_name": {"id": "Nama harus 1 sampai 64 huruf.", "en": "The name must be 1 to 64 characters."},
    "kw.name_taken": {"id": "Nama \"{name}\" sudah dipakai.", "en": "The name \"{name}\" is taken."},
}


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(on_button, pattern=rf"^{PREFIX}:"))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text), group=GROUP)
