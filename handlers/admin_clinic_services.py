"""/klinik → Layanan: the admin lists, adds, renames, changes the quota or the days and hours of,
deactivates and deletes a service (poli), in the same catalog as /api/services
(queue_core/service_catalog.py): checked, audited, seen by patients at once. A service holding
unfinished numbers leaves only by moving them to another service (a button per service)."""
from __future__ import annotations

import re
from typing import Any

from bot.i18n import clip, t
from bot.services import Services
from nlp.corpus import describe_hours
from queue_core.service_checks import parse_hours

from .admin_clinic_wizard import (
    Answers,
    Flow,
    Step,
    parse_count,
    parse_end,
    parse_name,
    parse_time,
    register_flow,
    weekday_options,
)

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CODE = re.compile(r"^[A-Za-z]{1,2}$")
Rows = list[list[tuple[str, str]]]


def catalog(services: Services):
    assert services.catalog is not None  # made in Services.create
    return services.catalog


async def find(services: Services, code: str) -> dict[str, Any] | None:
    return next((s for s in await catalog(services).services() if s["code"] == code), None)


def describe(s: dict[str, Any], lang: str) -> str:
    name = s["name"] if lang == "id" else s["name_en"]
    state = t("ks.active" if s["active"] else "ks.inactive", lang)
    return t("ks.line", lang, code=s["code"], name=clip(name, 60), quota=s["daily_quota"], state=state,
             hours=describe_hours(parse_hours(s["hours"]), lang))


async def listing(services: Services, lang: str) -> tuple[str, Rows]:
    rows = [[(f"{s['code']} · {clip(s['name'], 30)}", f"kl:item:svc:{s['code']}")] for s in await catalog(services).services()]
    rows.append([(t("ks.add", lang), "kl:go:service_add:")])
    return t("ks.title", lang), rows


async def detail(services: Services, code: str, lang: str) -> tuple[str, Rows] | None:
    s = await find(services, code)
    if s is None:
        return None
    waiting = await catalog(services).unfinished(code)
    text = describe(s, lang) + "\n" + t("ks.waiting", lang, n=waiting)
    on_off = ("service_off", "ks.off") if s["active"] else ("service_on", "ks.on")
    rows = [[(t("ks.rename", lang), f"kl:go:service_name:{code}"), (t("ks.quota", lang), f"kl:go:service_quota:{code}")],
            [(t("ks.hours", lang), f"kl:go:service_hours:{code}"), (t(on_off[1], lang), f"kl:go:{on_off[0]}:{code}")],
            [(t("ks.delete", lang), f"kl:go:service_delete:{code}")]]
    return text, rows


async def preset(services: Services, flow: str, arg: str) -> Answers | None:
    """The answers a flow starts with (the service it is about, its unfinished numbers), None if gone."""
    if flow == "service_add":
        return {}
    s = await find(services, arg)
    if s is None:
        return None
    return {"code": arg, "waiting": await catalog(services).unfinished(arg)}


# ---------------------------------------------------------------------- parsing the answers

def parse_code(text: str, answers: Answers) -> tuple[Any, str | None]:
    return (text.upper(), None) if CODE.match(text) else (None, "ks.bad_code")


def hours_of(answers: Answers) -> dict[str, str | None]:
    days = {int(d) for d in answers["days"]}
    return {key: f"{answers['open']}-{answers['close']}" if i + 1 in days else None
            for i, key in enumerate(WEEKDAY_KEYS)}


async def move_options(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(code, t("ks.move_to", lang, name=svc.name if lang == "id" else svc.name_en))
            for code, svc in services.settings.services.items() if code != answers["code"]]


def _moving(answers: Answers, services: Services, lang: str) -> str:
    if not answers.get("waiting"):
        return ""
    target = services.settings.services.get(answers.get("move_to") or "")
    name = "?" if target is None else target.name if lang == "id" else target.name_en
    return "\n" + t("ks.moving", lang, n=answers["waiting"], name=name)


# ---------------------------------------------------------------------- the flows

async def _describe_new(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    new = {"code": a["code"], "name": a["name"], "name_en": a["name"], "daily_quota": a["quota"], "active": True,
           "hours": hours_of(a)}
    return None, describe(new, lang) + "\n" + t("ks.route_default", lang)


async def _add(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await catalog(services).create({"code": a["code"], "name": a["name"], "route": ["loket", "poli", "apotek"],
                                           "daily_quota": a["quota"], "hours": hours_of(a)}, by)
    return t("ks.added", lang, code=made["code"], name=made["name"])


def _change(fields: Any) -> tuple[Any, Any]:
    """describe and apply of a flow that changes some fields of one service."""
    async def describe_change(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
        s = await find(services, a["code"])
        if s is None:
            return t("kw.gone", lang), None
        return describe(s, lang), describe({**s, **fields(a)}, lang) + _moving(a, services, lang)

    async def apply(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
        done = await catalog(services).update(a["code"], fields(a), by, a.get("move_to"))
        return t("ks.saved", lang, code=a["code"]) + (
            "\n" + t("ks.moved", lang, n=len(done["moved"])) if done.get("moved") else "")

    return describe_change, apply


async def _describe_delete(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    s = await find(services, a["code"])
    return (describe(s, lang) if s else t("kw.gone", lang)) + _moving(a, services, lang), None


async def _delete(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    gone = await catalog(services).delete(a["code"], by, a.get("move_to"))
    return t("ks.deleted", lang, code=a["code"]) + ("\n" + t("ks.moved", lang, n=len(gone["moved"])) if gone["moved"] else "")


MOVE = Step("move_to", "ks.ask_move", "choice", options=move_options, skip_if=lambda a: not a.get("waiting"))
DAYS_STEPS = (Step("days", "ks.ask_days", "multi", options=weekday_options), Step("open", "ks.ask_open", parse=parse_time),
              Step("close", "ks.ask_close", parse=parse_end("open")))
register_flow(Flow("service_add", (Step("code", "ks.ask_code", parse=parse_code), Step("name", "ks.ask_name", parse=parse_name),
                                   Step("quota", "ks.ask_quota", parse=parse_count), *DAYS_STEPS), _describe_new, _add))
register_flow(Flow("service_name", (Step("name", "ks.ask_name", parse=parse_name),),
                   *_change(lambda a: {"name": a["name"], "name_en": a["name"]})))
register_flow(Flow("service_quota", (Step("quota", "ks.ask_quota", parse=parse_count),),
                   *_change(lambda a: {"daily_quota": a["quota"]})))
register_flow(Flow("service_hours", DAYS_STEPS, *_change(lambda a: {"hours": hours_of(a)})))
register_flow(Flow("service_off", (MOVE,), *_change(lambda a: {"active": False})))
register_flow(Flow("service_on", (), *_change(lambda a: {"active": True})))
register_flow(Flow("service_delete", (MOVE,), _describe_delete, _delete))

TEXTS: dict[str, dict[str, str]] = {
    "ks.title": {"id": "Layanan (poli). Pilih satu untuk mengubahnya:", "en": "Services (poli). Choose one to change it:"},
    "ks.line": {"id": "{code} · {name} ({state})\nKuota harian: {quota}\nJam: {hours}",
                "en": "{code} · {name} ({state})\nDaily quota: {quota}\nHours: {hours}"},
    "ks.active": {"id": "aktif", "en": "active"},
    "ks.inactive": {"id": "nonaktif", "en": "inactive"},
    "ks.waiting": {"id": "Nomor yang belum selesai: {n}", "en": "Unfinished numbers: {n}"},
    "ks.add": {"id": "➕ Tambah layanan", "en": "➕ Add a service"},
    "ks.rename": {"id": "Ubah nama", "en": "Rename"},
    "ks.quota": {"id": "Ubah kuota", "en": "Change quota"},
    "ks.hours": {"id": "Ubah hari & jam", "en": "Change days & hours"},
    "ks.off": {"id": "Nonaktifkan", "en": "Deactivate"},
    "ks.on": {"id": "Aktifkan lagi", "en": "Activate again"},
    "ks.delete": {"id": "🗑 Hapus", "en": "🗑 Delete"},
    "ks.ask_code": {"id": "Kode layanan baru: 1-2 huruf, juga awal nomor antrean (mis. E untuk E-001).",
                    "en": "The new service's code: 1-2 letters, also the start of its numbers (e.g. E for E-001)."},
    "ks.bad_code": {"id": "Kode harus 1-2 huruf (mis. E).", "en": "The code must be 1-2 letters (e.g. E)."},
    "ks.ask_name": {"id": "Nama layanan (mis. Poli Lansia):", "en": "The service's name (e.g. Poli Lansia):"},
    "ks.ask_quota": {"id": "Kuota nomor per hari (angka, mis. 30). Nomor yang sudah diberikan tidak dibatalkan.",
                     "en": "Numbers per day (a number, e.g. 30). Numbers already given are not cancelled."},
    "ks.ask_days": {"id": "Hari buka: pilih harinya, lalu Lanjut.", "en": "Open on: choose the days, then Next."},
    "ks.ask_open": {"id": "Jam buka (mis. 08:00):", "en": "Opening time (e.g. 08:00):"},
    "ks.ask_close": {"id": "Jam tutup (mis. 12:00):", "en": "Closing time (e.g. 12:00):"},
    "ks.ask_move": {"id": "Belum bisa: {waiting} nomor antrean layanan ini belum selesai. Pindahkan pasien yang "
                          "menunggu ke layanan mana? (urutan mereka tetap, dan tiap pasien diberi tahu) Atau Batal.",
                    "en": "Not yet: {waiting} numbers of this service are not finished. Move the waiting patients to "
                          "which service? (their order is kept and each patient is told) Or Cancel."},
    "ks.move_to": {"id": "Pindahkan ke {name}", "en": "Move to {name}"},
    "ks.moving": {"id": "{n} pasien yang menunggu dipindah ke {name}, urutan tetap, masing-masing diberi tahu.",
                  "en": "{n} waiting patients move to {name}, in order, each told."},
    "ks.route_default": {"id": "Alur: loket → poli → apotek", "en": "Route: registration → clinic room → pharmacy"},
    "ks.added": {"id": "✅ Layanan {code} ({name}) ditambahkan; pasien bisa mengambil nomornya sekarang.",
                 "en": "✅ Service {code} ({name}) added; patients can take its numbers now."},
    "ks.saved": {"id": "✅ Layanan {code} diubah; berlaku sekarang.", "en": "✅ Service {code} changed; in effect now."},
    "ks.deleted": {"id": "✅ Layanan {code} dihapus.", "en": "✅ Service {code} deleted."},
    "ks.moved": {"id": "{n} pasien dipindahkan dan diberi tahu.", "en": "{n} patients moved and told."},
}
