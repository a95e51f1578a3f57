"""/klinik → Hari tutup and Loket & ruang: the admin closes the clinic or one service for a day
(date typed, service by button, reason typed) or opens it again, and adds or deletes a counter
(name typed, phase and services by buttons). The same store as /tutup, /api/closures and
/api/counters (queue_core/clinic_data.py). A counter that today's waiting patients depend on
(no other counter of its phase serves them) is not deleted; the count is said."""
from __future__ import annotations

import datetime as dt
from typing import Any

from bot.i18n import clip, t
from bot.services import Services

from .admin_clinic_doctors import service_label, services_choice, store
from .admin_clinic_wizard import DAYS, Answers, Flow, Step, parse_name, register_flow

Rows = list[list[tuple[str, str]]]
WHOLE = "*"


def day_text(day: dt.date, lang: str) -> str:
    return f"{DAYS[lang][day.weekday()]}, {day:%d-%m-%Y}"


def closure_line(services: Services, c: dict[str, Any], lang: str) -> str:
    what = t("kp.whole", lang) if c["service"] is None else service_label(services, c["service"], lang)
    return t("kp.closure", lang, day=day_text(dt.date.fromisoformat(c["date"]), lang), what=what,
             reason=clip(c["reason"], 60))


def counter_line(services: Services, c: dict[str, Any], lang: str) -> str:
    phase = services.settings.phases.get(c["phase"])
    label = c["phase"] if phase is None else phase.label if lang == "id" else phase.label_en
    return t("kp.counter", lang, name=clip(c["name"], 40), phase=label,
             services=", ".join(service_label(services, s, lang) for s in c["services"]))


async def closures_listing(services: Services, lang: str) -> tuple[str, Rows]:
    upcoming = await store(services).closures(since=services.clock().date())
    lines = [t("kp.closures", lang) if upcoming else t("kp.no_closures", lang)]
    rows: Rows = []
    for c in upcoming:
        lines.append(f"#{c['id']} " + closure_line(services, c, lang))
        rows.append([(t("kp.reopen", lang, id=c["id"]), f"kl:go:closure_delete:{c['id']}")])
    rows.append([(t("kp.add_closure", lang), "kl:go:closure_add:")])
    return "\n".join(lines), rows


async def counters_listing(services: Services, lang: str) -> tuple[str, Rows]:
    configured = [ch.name for ch in services.settings.channels]
    counters = await store(services).counters()
    lines = [t("kp.channels", lang, names=", ".join(configured))]
    rows: Rows = []
    for c in counters:
        lines.append(f"#{c['id']} " + counter_line(services, c, lang))
        rows.append([(t("kp.delete_counter", lang, name=clip(c["name"], 30)), f"kl:go:counter_delete:{c['id']}")])
    rows.append([(t("kp.add_counter", lang), "kl:go:counter_add:")])
    return "\n".join(lines), rows


async def preset(services: Services, flow: str, arg: str) -> Answers | None:
    if flow == "closure_add":
        return {"today": services.clock().date().isoformat()}
    if flow == "counter_add":
        return {}
    if not arg.isdigit():
        return None
    rows = await (store(services).closures() if flow == "closure_delete" else store(services).counters())
    return {"id": int(arg)} if any(r["id"] == int(arg) for r in rows) else None


# ---------------------------------------------------------------------- answers

def parse_day(text: str, answers: Answers) -> tuple[Any, str | None]:
    """A date from today on (`today`: the clinic's day when the flow started)."""
    today = dt.date.fromisoformat(answers["today"])
    word = " ".join(text.lower().split())
    if word in ("hari ini", "hariini", "today"):
        return today.isoformat(), None
    if word in ("besok", "tomorrow"):
        return (today + dt.timedelta(days=1)).isoformat(), None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(word, fmt).date()
        except ValueError:
            continue
        return (None, "kp.past") if day < today else (day.isoformat(), None)
    return None, "kp.bad_date"


async def closure_services(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(WHOLE, t("kp.whole", lang))] + await services_choice(services, answers, lang)


async def phases(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(key, p.label if lang == "id" else p.label_en) for key, p in services.settings.phases.items()]


def _closure_body(a: Answers) -> dict[str, Any]:
    return {"date": a["date"], "service": None if a["service"] == WHOLE else a["service"], "reason": a["reason"]}


async def _describe_closure(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    body = _closure_body(a)
    held = await store(services).tickets_held(dt.date.fromisoformat(a["date"]), body["service"])
    note = "" if not held else "\n" + t("kp.held", lang, n=held)
    return None, closure_line(services, body, lang) + note


async def _add_closure(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await store(services).create_closure(_closure_body(a), by)
    return t("kp.closed", lang, id=made["id"]) + "\n" + closure_line(services, made, lang)


async def _describe_reopen(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    found = [c for c in await store(services).closures() if c["id"] == a["id"]]
    return (closure_line(services, found[0], lang) if found else t("kw.gone", lang)), None


async def _reopen(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    gone = await store(services).delete_closure(a["id"], by)
    return t("kp.reopened", lang) + "\n" + closure_line(services, gone, lang)


async def _describe_counter(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    return None, counter_line(services, {"name": a["name"], "phase": a["phase"], "services": a["services"]}, lang)


async def _add_counter(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await store(services).create_counter({"name": a["name"], "phase": a["phase"], "services": a["services"]}, by)
    return t("kp.counter_added", lang, name=made["name"])


async def _describe_counter_delete(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    found = [c for c in await store(services).counters() if c["id"] == a["id"]]
    return (counter_line(services, found[0], lang) if found else t("kw.gone", lang)), None


async def _delete_counter(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    gone = await store(services).delete_counter(a["id"], by)
    return t("kp.counter_deleted", lang, name=gone["name"])


def _reason(text: str, answers: Answers) -> tuple[Any, str | None]:
    reason = " ".join(text.split())
    return (reason, None) if 0 < len(reason) <= 200 else (None, "kp.bad_reason")


register_flow(Flow("closure_add", (Step("date", "kp.ask_date", parse=parse_day),
                                   Step("service", "kp.ask_service", "choice", options=closure_services),
                                   Step("reason", "kp.ask_reason", parse=_reason)), _describe_closure, _add_closure))
register_flow(Flow("closure_delete", (), _describe_reopen, _reopen))
register_flow(Flow("counter_add", (Step("name", "kp.ask_counter", parse=parse_name),
                                   Step("phase", "kp.ask_phase", "choice", options=phases),
                                   Step("services", "kp.ask_counter_services", "multi", options=services_choice)),
                   _describe_counter, _add_counter))
register_flow(Flow("counter_delete", (), _describe_counter_delete, _delete_counter))

TEXTS: dict[str, dict[str, str]] = {
    "kp.whole": {"id": "Seluruh puskesmas", "en": "The whole clinic"},
    "kp.closure": {"id": "{day}: {what} tutup ({reason})", "en": "{day}: {what} closed ({reason})"},
    "kp.closures": {"id": "Hari tutup yang akan datang:", "en": "Upcoming closures:"},
    "kp.no_closures": {"id": "Belum ada hari tutup yang dijadwalkan.", "en": "No closures planned."},
    "kp.reopen": {"id": "Buka lagi #{id}", "en": "Open again #{id}"},
    "kp.add_closure": {"id": "➕ Tutup satu hari", "en": "➕ Close a day"},
    "kp.ask_date": {"id": "Tanggal tutup (mis. 24-12-2026, atau: besok):", "en": "The date (e.g. 24-12-2026, or: besok):"},
    "kp.bad_date": {"id": "Tanggal harus seperti 24-12-2026 (atau: hari ini, besok).",
                    "en": "The date must look like 24-12-2026 (or: hari ini, besok)."},
    "kp.past": {"id": "Tanggal itu sudah lewat.", "en": "That date has passed."},
    "kp.ask_service": {"id": "Yang tutup:", "en": "What closes:"},
    "kp.ask_reason": {"id": "Alasannya (pasien akan membacanya, mis. dokter gigi cuti):",
                      "en": "The reason (patients will read it, e.g. dentist on leave):"},
    "kp.bad_reason": {"id": "Alasan harus 1 sampai 200 huruf.", "en": "The reason must be 1 to 200 characters."},
    "kp.held": {"id": "{n} pasien sudah memegang nomor untuk hari itu; nomor mereka tetap berlaku.",
                "en": "{n} patients already hold a number for that day; their numbers stay valid."},
    "kp.closed": {"id": "✅ Ditutup (#{id}); pasien tidak bisa mengambil nomor untuk hari itu.",
                  "en": "✅ Closed (#{id}); patients cannot take numbers for that day."},
    "kp.reopened": {"id": "✅ Dibuka lagi:", "en": "✅ Open again:"},
    "kp.channels": {"id": "Loket dan ruang yang melayani antrean: {names}.\nLoket yang dicatat admin:",
                    "en": "Counters and rooms serving the queue: {names}.\nCounters recorded by the admin:"},
    "kp.counter": {"id": "{name} — {phase}: {services}", "en": "{name} — {phase}: {services}"},
    "kp.add_counter": {"id": "➕ Tambah loket/ruang", "en": "➕ Add a counter/room"},
    "kp.delete_counter": {"id": "🗑 Hapus {name}", "en": "🗑 Delete {name}"},
    "kp.ask_counter": {"id": "Nama loket/ruang (mis. Loket 3):", "en": "The counter's name (e.g. Loket 3):"},
    "kp.ask_phase": {"id": "Melayani tahap apa?", "en": "Which phase does it serve?"},
    "kp.ask_counter_services": {"id": "Layanan yang dilayani: pilih, lalu Lanjut.",
                                "en": "Services it serves: choose, then Next."},
    "kp.counter_added": {"id": "✅ {name} ditambahkan.", "en": "✅ {name} added."},
    "kp.counter_deleted": {"id": "✅ {name} dihapus.", "en": "✅ {name} deleted."},
}
