"""/klinik → Dokter and Jadwal dokter: the admin adds a doctor (name typed, services by buttons),
renames one or changes their services (✏️ Ubah; dropping a service patients chose them for is
refused with the count), deactivates, activates or deletes one, and adds a weekly schedule (doctor, service and weekday
by buttons, times typed as 08:00) or deletes one. The same store as /api/doctors and
/api/schedules (queue_core/clinic_data.py): checked, audited with before and after, at once.
A doctor that today's patients still wait for is not deactivated or deleted (the count is said).
A schedule names the doctor's room (asked only when the service has more than one). Patients who
chose a doctor (today or booked later) are moved, in order and each told, to the doctor or "any
doctor" the admin picks before that doctor is deactivated or deleted, or the schedule deleted."""
from __future__ import annotations

from typing import Any

from bot.i18n import clip, t
from bot.services import Services
from queue_core.clinic_data import ClinicStore
from queue_core.clock import CallableClock
from queue_core.doctor_moves import ANY_DOCTOR, DoctorHasTickets, TargetQuotaFull, move_to_of

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
from .texts_booking import full_date

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
    room = t("kd.room", lang, room=s["room"]) if s.get("room") else ""
    return t("kd.schedule", lang, day=DAYS[lang][s["weekday"] - 1], start=s["start"], end=s["end"],
             doctor=clip(doctors.get(s["doctor"], "?"), 40), service=service_label(services, s["service"], lang)) + room + quota


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
    rows = [[(t("kd.edit", lang), f"kl:go:doctor_edit:{d['id']}"), (t("kd.add_schedule", lang), f"kl:go:schedule_add:{d['id']}")],
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
        return {"id": int(arg), "waiting": await store(services).waiting_for_doctor(found[0]["doctor"], int(arg))} \
            if found else None
    d = await _doctor(services, int(arg))
    if d is None:
        return None
    if flow == "schedule_add":
        return {"doctor": arg}
    if flow == "doctor_edit":  # the services step starts with the doctor's services ticked
        return {"id": d["id"], "name": d["name"], "_services": list(d["services"])}
    waiting = 0 if flow == "doctor_on" else await store(services).waiting_for_doctor(d["id"])
    return {"id": int(arg), "waiting": waiting}


# ---------------------------------------------------------------------- button choices

async def active_doctors(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(str(d["id"]), d["name"]) for d in await store(services).doctors() if d["active"]]


async def doctors_services(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    d = await _doctor(services, int(answers["doctor"]))
    codes = [] if d is None else [c for c in d["services"] if c in services.settings.services]
    return [(c, service_label(services, c, lang)) for c in codes]


async def room_options(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    svc = services.settings.services.get(answers["service"])
    return [(room, room) for room in (svc.rooms if svc else ())]


async def move_options(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    """Where the patients who chose this doctor go: another active doctor of one of the doctor's
    services (checked again when saved), or any doctor."""
    gone = await _doctor(services, answers["id"])
    theirs = set(gone["services"]) if gone else set()
    others = [(str(d["id"]), t("kd.move_to", lang, name=d["name"])) for d in await store(services).doctors()
              if d["active"] and d["id"] != answers["id"] and theirs & set(d["services"])]
    return [*others, (ANY_DOCTOR, t("kd.move_any", lang))]


async def any_doctor_only(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(ANY_DOCTOR, t("kd.move_any", lang))]


def _moving(a: Answers, doctor: str | None, lang: str) -> str:
    """What happens to the patients who chose the doctor (`doctor`: the one they move to, None: any)."""
    if not a.get("waiting"):
        return ""
    return "\n" + t("kd.moving", lang, n=a["waiting"], name=clip(doctor, 40) if doctor else t("kd.any_doctor", lang))


def _moved(done: dict[str, Any], lang: str) -> str:
    return "\n" + t("kd.moved", lang, n=len(done["moved"])) if done.get("moved") else ""


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
        moving = _moving(a, await _doctor_name(services, a.get("move_to")), lang)
        if active is None:
            return doctor_line(services, d, lang) + moving, None
        return doctor_line(services, d, lang), doctor_line(services, {**d, "active": active}, lang) + moving

    async def apply(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
        try:
            if active is None:
                gone = await store(services).delete_doctor(a["id"], by, move_to_of(a.get("move_to")))
                return t("kd.deleted", lang, name=gone["name"]) + _moved(gone, lang)
            done = await store(services).update_doctor(a["id"], {"active": active}, by, move_to_of(a.get("move_to")))
            return t("kd.saved", lang, name=done["name"]) + _moved(done, lang)
        except DoctorHasTickets as exc:
            return t("kd.has_patients", lang, n=exc.count)
        except TargetQuotaFull as exc:
            return t("kd.target_full", lang, name=exc.name, date=full_date(exc.day, lang), quota=exc.quota,
                     taken=exc.taken, n=exc.count, total=exc.taken + exc.count)

    return describe, apply


async def _doctor_name(services: Services, move_to: str | None) -> str | None:
    """The name of the doctor an answer moves the patients to (None: any doctor)."""
    if move_to in (None, ANY_DOCTOR) or not str(move_to).isdigit():
        return None
    d = await _doctor(services, int(str(move_to)))
    return None if d is None else d["name"]


async def _describe_schedule(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    d = await _doctor(services, int(a["doctor"]))
    line = schedule_line(services, {"weekday": int(a["weekday"]), "start": a["start"], "end": a["end"], "quota": None,
                                    "doctor": int(a["doctor"]), "service": a["service"], "room": a.get("room")},
                         {int(a["doctor"]): d["name"] if d else "?"}, lang)
    return None, line


async def _add_schedule(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await store(services).create_schedule({"doctor": int(a["doctor"]), "service": a["service"],
                                                  "weekday": int(a["weekday"]), "start": a["start"], "end": a["end"],
                                                  **({"room": a["room"]} if a.get("room") else {})}, by)
    return t("kd.schedule_added", lang, id=made["id"], day=DAYS[lang][made["weekday"] - 1], start=made["start"],
             end=made["end"])


async def _describe_schedule_delete(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    doctors = {d["id"]: d["name"] for d in await store(services).doctors()}
    found = [s for s in await store(services).schedules() if s["id"] == a["id"]]
    return (schedule_line(services, found[0], doctors, lang) + _moving(a, None, lang) if found
            else t("kw.gone", lang)), None


async def _delete_schedule(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    try:
        done = await store(services).delete_schedule(a["id"], by, move_to_of(a.get("move_to")))
    except DoctorHasTickets as exc:
        return t("kd.has_patients", lang, n=exc.count)
    return t("kd.schedule_deleted", lang, id=a["id"]) + _moved(done, lang)


async def what_to_change(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [("name", t("kd.what_name", lang)), ("services", t("kd.what_services", lang))]


def _edit_fields(a: Answers) -> dict[str, Any]:
    return {"name": a["new_name"]} if a["what"] == "name" else {"services": a["services"]}


async def _describe_edit(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    d = await _doctor(services, a["id"])
    if d is None:
        return t("kw.gone", lang), None
    return doctor_line(services, d, lang), doctor_line(services, {**d, **_edit_fields(a)}, lang)


async def _edit(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    try:
        done = await store(services).update_doctor(a["id"], _edit_fields(a), by)
    except DoctorHasTickets as exc:
        return t("kd.edit_refused", lang, n=exc.count)
    return t("kd.saved", lang, name=done["name"])


register_flow(Flow("doctor_edit", (Step("what", "kd.ask_what", "choice", options=what_to_change),
                                   Step("new_name", "kd.ask_new_name", parse=parse_name,
                                        skip_if=lambda a: a["what"] != "name"),
                                   Step("services", "kd.ask_services", "multi", options=services_choice,
                                        skip_if=lambda a: a["what"] != "services")),
                   _describe_edit, _edit))
register_flow(Flow("doctor_add", (Step("name", "kd.ask_name", parse=parse_name),
                                  Step("services", "kd.ask_services", "multi", options=services_choice)),
                   _describe_doctor, _add_doctor))
MOVE = Step("move_to", "kd.ask_move", "choice", options=move_options, skip_if=lambda a: not a.get("waiting"))
register_flow(Flow("doctor_off", (MOVE,), *_doctor_change(False)))
register_flow(Flow("doctor_on", (), *_doctor_change(True)))
register_flow(Flow("doctor_delete", (MOVE,), *_doctor_change(None)))
register_flow(Flow("schedule_add", (Step("doctor", "kd.ask_doctor", "choice", options=active_doctors),
                                    Step("service", "kd.ask_service", "choice", options=doctors_services),
                                    Step("room", "kd.ask_room", "choice", options=room_options, auto_single=True),
                                    Step("weekday", "kd.ask_weekday", "choice", options=weekday_options),
                                    Step("start", "kd.ask_start", parse=parse_time),
                                    Step("end", "kd.ask_end", parse=parse_end("start"))),
                   _describe_schedule, _add_schedule))
register_flow(Flow("schedule_delete", (Step("move_to", "kd.ask_move_schedule", "choice", options=any_doctor_only,
                                           skip_if=lambda a: not a.get("waiting")),),
                   _describe_schedule_delete, _delete_schedule))

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
    "kd.edit": {"id": "✏️ Ubah", "en": "✏️ Change"},
    "kd.ask_what": {"id": "Apa yang diubah dari {name}?", "en": "What changes for {name}?"},
    "kd.what_name": {"id": "Nama", "en": "Name"},
    "kd.what_services": {"id": "Layanan", "en": "Services"},
    "kd.ask_new_name": {"id": "Nama baru untuk {name}:", "en": "The new name for {name}:"},
    "kd.edit_refused": {"id": "Ditolak: {n} pasien (hari ini atau yang sudah memesan) memilih dokter ini di layanan "
                              "yang mau dilepas. Tidak ada yang diubah. Lepas layanan itu setelah mereka selesai "
                              "dilayani, atau nonaktifkan dokter ini dulu (pasiennya dipindah).",
                        "en": "Refused: {n} patients (today or booked later) chose this doctor in a service being "
                              "dropped. Nothing changed. Drop it once they have been served, or deactivate this "
                              "doctor first (their patients are moved)."},
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
    # per-doctor queues (rooms, moving the patients who chose a doctor)
    "kd.room": {"id": ", {room}", "en": ", {room}"},
    "kd.ask_room": {"id": "Di ruang mana dokter praktik?", "en": "In which room does the doctor practise?"},
    "kd.ask_move": {"id": "Belum bisa: {waiting} pasien (hari ini atau yang sudah memesan) memilih dokter ini. "
                          "Pindahkan mereka ke mana? (urutan mereka tetap, dan tiap pasien diberi tahu) Atau Batal.",
                    "en": "Not yet: {waiting} patients (today or booked later) chose this doctor. Move them where? "
                          "(their order is kept and each patient is told) Or Cancel."},
    "kd.ask_move_schedule": {"id": "Belum bisa: {waiting} pasien memilih dokter ini pada hari jadwal itu (hari ini "
                                   "atau yang sudah memesan). Pindahkan mereka ke dokter siapa saja? (tiap pasien "
                                   "diberi tahu) Atau Batal.",
                             "en": "Not yet: {waiting} patients chose this doctor on that schedule's day (today or "
                                   "booked later). Move them to any doctor? (each patient is told) Or Cancel."},
    "kd.move_to": {"id": "Pindahkan ke {name}", "en": "Move to {name}"},
    "kd.move_any": {"id": "Pindahkan ke dokter siapa saja", "en": "Move to any doctor"},
    "kd.any_doctor": {"id": "dokter siapa saja", "en": "any doctor"},
    "kd.moving": {"id": "{n} pasien yang memilih dokter ini dipindah ke {name}, urutan tetap, masing-masing diberi tahu.",
                  "en": "{n} patients who chose this doctor move to {name}, in order, each told."},
    "kd.moved": {"id": "{n} pasien dipindahkan dan diberi tahu.", "en": "{n} patients moved and told."},
    "kd.target_full": {"id": "Ditolak: kuota {name} pada {date} adalah {quota}; sudah terpakai {taken}, ditambah {n} "
                             "pasien yang dipindah menjadi {total}. Tidak ada yang diubah. Mulai lagi lewat /klinik dan "
                             "pilih dokter lain atau \"Pindahkan ke dokter siapa saja\".",
                       "en": "Refused: {name}'s quota on {date} is {quota}; {taken} taken, plus the {n} patients to "
                             "move makes {total}. Nothing changed. Start again from /klinik and choose another doctor "
                             "or \"Move to any doctor\"."},
    "kd.has_patients": {"id": "Ditolak: {n} pasien memilih dokter ini. Tidak ada yang diubah. Mulai lagi lewat "
                              "/klinik untuk memilih ke mana mereka dipindah.",
                        "en": "Refused: {n} patients chose this doctor. Nothing changed. Start again from /klinik "
                              "to choose where they move."},
}
