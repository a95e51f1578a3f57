"""/klinik → Dokter and Jadwal dokter: the admin adds a doctor (name typed, services by buttons),
deactivates, activates or deletes one, and adds a weekly schedule (doctor, service and weekday
by buttons, times typed as 08:00) or deletes one. The same store as /api/doctors and
/api/schedules (queue_core/clinic_data.py): checked, audited with before and after, at once.
A doctor that today's patients still wait for is not deactivated or deleted (the count is said)."""
from __future__ import annotations

from typing import Any

from bot.i18n import clip, t
from bot.services import Services
from queue_core.clinic_data import ClinicStore
from queue_core.clock import CallableClock

from .admin_clinic_wizard import (
    DAYS,
    Answers,
    Flow,
    Step,
    parse_end,
    parse_name,
    parse_time,
    register_flow,
    weekday_options,
)

Rows = list[list[tuple[str, str]]]


def store(services: Services) -> ClinicStore:
    assert services.db is not None  # made in Services.create
    return ClinicStore(services.db, CallableClock(services.clock), services.settings)


def service_label(services: Services, code: str, lang: str) -> str:
    svc = services.settings.services.get(code)
    return code if svc is None else svc.name if lang == "id" else svc.name_en


def doctor_line(services: Services, d: dict[str, Any], lang: str) -> str:
    names = ", ".join(service_label(services, c, lang) for c in d["services"])
    state = t("kd.active" if d["active"] else "kd.inactive", lang)
    return t("kd.line", lang, name=clip(d["name"], 60), services=names, state=state)


def schedule_line(services: Services, s: dict[str, Any], doctors: dict[int, str], lang: str) -> str:
    quota = "" if s["quota"] is None else t("kd.quota", lang, n=s["quota"])
    return t("kd.schedule", lang, day=DAYS[lang][s["weekday"] - 1], start=s["start"], end=s["end"],
             doctor=clip(doctors.get(s["doctor"], "?"), 40), service=service_label(services, s["service"], lang)) + quota


async def _doctor(services: Services, doctor_id: int) -> dict[str, Any] | None:
    return next((d for d in await store(services).doctors() if d["id"] == doctor_id), None)


async def listing(services: Services, lang: str) -> tuple[str, Rows]:
    doctors = await store(services).doctors()
    rows = [[(f"{clip(d['name'], 30)}" + ("" if d["active"] else " ⏸"), f"kl:item:doc:{d['id']}")] for d in doctors]
    rows.append([(t("kd.add", lang), "kl:go:doctor_add:")])
    return t("kd.title", lang) if doctors else t("kd.none", lang), rows


async def detail(services: Services, key: str, lang: str) -> tuple[str, Rows] | None:
    d = await _doctor(services, int(key)) if key.isdigit() else None
    if d is None:
        return None
    schedules = await store(services).schedules(d["id"])
    lines = [doctor_line(services, d, lang)] + [schedule_line(services, s, {d["id"]: d["name"]}, lang) for s in schedules]
    on_off = ("doctor_off", "kd.off") if d["active"] else ("doctor_on", "kd.on")
    rows = [[(t("kd.add_schedule", lang), f"kl:go:schedule_add:{d['id']}")],
            [(t(on_off[1], lang), f"kl:go:{on_off[0]}:{d['id']}"), (t("kd.delete", lang), f"kl:go:doctor_delete:{d['id']}")]]
    return "\n".join(lines), rows


async def schedules_listing(services: Services, lang: str) -> tuple[str, Rows]:
    doctors = {d["id"]: d["name"] for d in await store(services).doctors()}
    schedules = await store(services).schedules()
    lines = [t("kd.schedules", lang) if schedules else t("kd.no_schedules", lang)]
    rows: Rows = []
    for s in schedules:
        lines.append(f"#{s['id']} " + schedule_line(services, s, doctors, lang))
        rows.append([(t("kd.delete_schedule", lang, id=s["id"]), f"kl:go:schedule_delete:{s['id']}")])
    rows.append([(t("kd.add_schedule", lang), "kl:go:schedule_add:")])
    return "\n".join(lines), rows


async def preset(services: Services, flow: str, arg: str) -> Answers | None:
    if flow == "doctor_add" or (flow == "schedule_add" and not arg):
        return {}
    if not arg.isdigit():
        return None
    if flow == "schedule_delete":
        found = [s for s in await store(services).schedules() if s["id"] == int(arg)]
        return {"id": int(arg)} if found else None
    d = await _doctor(services, int(arg))
    return None if d is None else {"doctor": arg} if flow == "schedule_add" else {"id": int(arg)}


# ---------------------------------------------------------------------- button choices

async def active_doctors(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(str(d["id"]), d["name"]) for d in await store(services).doctors() if d["active"]]


async def doctors_services(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    d = await _doctor(services, int(answers["doctor"]))
    codes = [] if d is None else [c for c in d["services"] if c in services.settings.services]
    return [(c, service_label(services, c, lang)) for c in codes]


async def services_choice(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(code, service_label(services, code, lang)) for code in services.settings.services]


# ---------------------------------------------------------------------- the flows

async def _describe_doctor(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    return None, doctor_line(services, {"name": a["name"], "services": a["services"], "active": True}, lang)


async def _add_doctor(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await store(services).create_doctor({"name": a["name"], "services": a["services"]}, by)
    return t("kd.added", lang, name=made["name"])


def _doctor_change(active: bool | None):
    async def describe(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
        d = await _doctor(services, a["id"])
        if d is None:
            return t("kw.gone", lang), None
        return doctor_line(services, d, lang), None if active is None else doctor_line(services, {**d, "active": active}, lang)

    async def apply(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
        if active is None:
            gone = await store(services).delete_doctor(a["id"], by)
            return t("kd.deleted", lang, name=gone["name"])
        done = await store(services).update_doctor(a["id"], {"active": active}, by)
        return t("kd.saved", lang, name=done["name"])

    return describe, apply


async def _describe_schedule(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    d = await _doctor(services, int(a["doctor"]))
    line = schedule_line(services, {"weekday": int(a["weekday"]), "start": a["start"], "end": a["end"], "quota": None,
                                    "doctor": int(a["doctor"]), "service": a["service"]},
                         {int(a["doctor"]): d["name"] if d else "?"}, lang)
    return None, line


async def _add_schedule(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await store(services).create_schedule({"doctor": int(a["doctor"]), "service": a["service"],
                                                  "weekday": int(a["weekday"]), "start": a["start"], "end": a["end"]}, by)
    return t("kd.schedule_added", lang, id=made["id"], day=DAYS[lang][made["weekday"] - 1], start=made["start"],
             end=made["end"])


async def _describe_schedule_delete(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    doctors = {d["id"]: d["name"] for d in await store(services).doctors()}
    found = [s for s in await store(services).schedules() if s["id"] == a["id"]]
    return (schedule_line(services, found[0], doctors, lang) if found else t("kw.gone", lang)), None


async def _delete_schedule(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    await store(services).delete_schedule(a["id"], by)
    return t("kd.schedule_deleted", lang, id=a["id"])


register_flow(Flow("doctor_add", (Step("name", "kd.ask_name", parse=parse_name),
                                  Step("services", "kd.ask_services", "multi", options=services_choice)),
                   _describe_doctor, _add_doctor))
register_flow(Flow("doctor_off", (), *_doctor_change(False)))
register_flow(Flow("doctor_on", (), *_doctor_change(True)))
register_flow(Flow("doctor_delete", (), *_doctor_change(None)))
register_flow(Flow("schedule_add", (Step("doctor", "kd.ask_doctor", "choice", options=active_doctors),
                                    Step("service", "kd.ask_service", "choice", options=doctors_services),
                                    Step("weekday", "kd.ask_weekday", "choice", options=weekday_options),
                                    Step("start", "kd.ask_start", parse=parse_time),
                                    Step("end", "kd.ask_end", parse=parse_end("start"))),
                   _describe_schedule, _add_schedule))
register_flow(Flow("schedule_delete", (), _describe_schedule_delete, _delete_schedule))

TEXTS: dict[str, dict[str, str]] = {
    "kd.title": {"id": "Dokter. Pilih satu untuk jadwal atau perubahan:", "en": "Doctors. Choose one for schedules or changes:"},
    "kd.none": {"id": "Belum ada dokter.", "en": "No doctors yet."},
    "kd.line": {"id": "{name} ({state}) — {services}", "en": "{name} ({state}) — {services}"},
    "kd.active": {"id": "aktif", "en": "active"},
    "kd.inactive": {"id": "nonaktif", "en": "inactive"},
    "kd.schedule": {"id": "{day} {start}–{end}: {doctor}, {service}", "en": "{day} {start}–{end}: {doctor}, {service}"},
    "kd.quota": {"id": " (kuota {n})", "en": " (quota {n})"},
    "kd.schedules": {"id": "Jadwal dokter mingguan:", "en": "Weekly doctor schedules:"},
    "kd.no_schedules": {"id": "Belum ada jadwal dokter.", "en": "No doctor schedules yet."},
    "kd.add": {"id": "➕ Tambah dokter", "en": "➕ Add a doctor"},
    "kd.add_schedule": {"id": "➕ Tambah jadwal", "en": "➕ Add a schedule"},
    "kd.delete_schedule": {"id": "🗑 Hapus jadwal #{id}", "en": "🗑 Delete schedule #{id}"},
    "kd.off": {"id": "Nonaktifkan (cuti)", "en": "Deactivate (on leave)"},
    "kd.on": {"id": "Aktifkan lagi", "en": "Activate again"},
    "kd.delete": {"id": "🗑 Hapus", "en": "🗑 Delete"},
    "kd.ask_name": {"id": "Nama dokter (mis. drg. Sari):", "en": "The doctor's name (e.g. drg. Sari):"},
    "kd.ask_services": {"id": "Layanan yang dilayani dokter ini: pilih, lalu Lanjut.",
                        "en": "Services this doctor works in: choose, then Next."},
    "kd.ask_doctor": {"id": "Jadwal untuk dokter siapa?", "en": "A schedule for which doctor?"},
    "kd.ask_service": {"id": "Di layanan mana?", "en": "In which service?"},
    "kd.ask_weekday": {"id": "Hari apa?", "en": "Which day?"},
    "kd.ask_start": {"id": "Jam mulai (mis. 08:00):", "en": "Start time (e.g. 08:00):"},
    "kd.ask_end": {"id": "Jam selesai (mis. 12:00):", "en": "End time (e.g. 12:00):"},
    "kd.added": {"id": "✅ Dokter {name} ditambahkan. Tambah jadwalnya lewat /klinik → Dokter.",
                 "en": "✅ Doctor {name} added. Add their schedule from /klinik → Doctors."},
    "kd.saved": {"id": "✅ Dokter {name} diubah; berlaku sekarang.", "en": "✅ Doctor {name} changed; in effect now."},
    "kd.deleted": {"id": "✅ Dokter {name} dihapus.", "en": "✅ Doctor {name} deleted."},
    "kd.schedule_added": {"id": "✅ Jadwal #{id} ditambahkan: {day} {start}–{end}. Pasien melihatnya di /jadwal.",
                          "en": "✅ Schedule #{id} added: {day} {start}–{end}. Patients see it at /jadwal."},
    "kd.schedule_deleted": {"id": "✅ Jadwal #{id} dihapus.", "en": "✅ Schedule #{id} deleted."},
}
