"""/klinik → Hari tutup and Loket & ruang: the admin closes the clinic or one service for a day
(date typed, service by button, reason typed) or opens it again (the same store as /tutup and
/api/closures, queue_core/clinic_data.py), and adds, changes (✏️ Ubah: its name or services),
deactivates, activates or deletes a counter (name typed, phase and services by buttons). The
counters are the queue's channels, the same catalog as /api/counters
(queue_core/counter_catalog.py): a new one can /call at once. A counter
with a patient called there, or the only one serving a service of its phase, leaves only by
handing them to another counter of its phase (a button per counter); the called patients are told."""
from __future__ import annotations

import datetime as dt
from typing import Any

from bot.i18n import clip, t
from bot.services import Services
from queue_core.counter_catalog import CounterCatalog, CounterInUse

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


def catalog(services: Services) -> CounterCatalog:
    assert services.counters is not None  # made in Services.create
    return services.counters


def counter_line(services: Services, c: dict[str, Any], lang: str) -> str:
    phase = services.settings.phases.get(c["phase"])
    label = c["phase"] if phase is None else phase.label if lang == "id" else phase.label_en
    served = t("kp.every_service", lang) if c["services"] == "*" else ", ".join(
        service_label(services, s, lang) for s in c["services"])
    state = "" if c.get("active", True) else " " + t("kp.inactive", lang)
    return t("kp.counter", lang, name=clip(c["name"], 40), phase=label, services=served) + state


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
    counters = await catalog(services).counters()
    lines = [t("kp.channels", lang)]
    rows: Rows = []
    for c in counters:
        lines.append(f"#{c['id']} " + counter_line(services, c, lang))
        on_off = ("counter_off", "kp.off") if c["active"] else ("counter_on", "kp.on")
        rows.append([(t("kp.edit", lang, name=clip(c["name"], 24)), f"kl:go:counter_edit:{c['id']}")])
        rows.append([(t(on_off[1], lang, name=clip(c["name"], 24)), f"kl:go:{on_off[0]}:{c['id']}"),
                     (t("kp.delete_counter", lang, name=clip(c["name"], 24)), f"kl:go:counter_delete:{c['id']}")])
    rooms = [f"{c.name} ({service_label(services, c.room_of, lang)})" for c in services.settings.channels if c.room_of]
    if rooms:
        lines.append(t("kp.rooms", lang, rooms=", ".join(rooms)))
    rows.append([(t("kp.add_counter", lang), "kl:go:counter_add:")])
    return "\n".join(lines), rows


async def preset(services: Services, flow: str, arg: str) -> Answers | None:
    if flow == "closure_add":
        return {"today": services.clock().date().isoformat()}
    if flow == "counter_add":
        return {}
    if not arg.isdigit():
        return None
    if flow == "closure_delete":
        return {"id": int(arg)} if any(r["id"] == int(arg) for r in await store(services).closures()) else None
    found = next((c for c in await catalog(services).counters() if c["id"] == int(arg)), None)
    if found is None:
        return None
    answers: Answers = {"id": found["id"], "name": found["name"]}
    if flow == "counter_edit":  # the services step starts with the counter's services ticked
        return {**answers, "_services": [WHOLE] if found["services"] == WHOLE else list(found["services"])}
    if flow != "counter_on" and found["active"]:  # what leaving its phase would leave behind
        answers.update(await catalog(services).in_the_way(found["id"]))
    return answers


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


def _counter_body(a: Answers) -> dict[str, Any]:
    return {"name": a["name"], "phase": a["phase"], "services": "*" if WHOLE in a["services"] else a["services"]}


async def counter_services(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(WHOLE, t("kp.every_service", lang))] + await services_choice(services, answers, lang)


async def _describe_counter(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    return None, counter_line(services, {**_counter_body(a), "active": True}, lang)


async def _add_counter(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    made = await catalog(services).create(_counter_body(a), by)
    return t("kp.counter_added", lang, name=made["name"])


def _needs_move(a: Answers) -> bool:
    return bool(a.get("called") or a.get("services"))


async def move_targets(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [(str(c["id"]), t("kp.move_to", lang, name=clip(c["name"], 30)))
            for c in await catalog(services).targets(answers["id"])]


async def _target_name(services: Services, a: Answers) -> str | None:
    if not a.get("move_to"):
        return None
    return next((c["name"] for c in await catalog(services).counters() if str(c["id"]) == a["move_to"]), "?")


def _change_counter(change: Any, active_after: bool | None) -> tuple[Any, Any]:
    """describe and apply of a flow that changes a counter (`change`: the catalog's call; the counter
    is active afterwards, inactive, or None: gone), handing what it leaves behind to the counter
    chosen in the move step."""
    async def describe(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
        found = next((c for c in await catalog(services).counters() if c["id"] == a["id"]), None)
        if found is None:
            return t("kw.gone", lang), None
        target = await _target_name(services, a)
        moving = "" if target is None else "\n" + t("kp.moving", lang, called=a.get("called", 0),
                                                       waiting=a.get("waiting", 0), name=target)
        if active_after is None:
            return counter_line(services, found, lang) + moving, None
        return counter_line(services, found, lang), counter_line(services, {**found, "active": active_after}, lang) + moving

    async def apply(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
        try:
            done = await change(services, a, by, await _target_name(services, a))
        except CounterInUse as exc:
            return t("kp.in_use", lang, called=exc.called, waiting=exc.waiting, services=", ".join(exc.services) or "-")
        name = done["deleted"]["name"] if "deleted" in done else done["name"]
        text = t("kp.counter_deleted" if "deleted" in done else "kp.counter_saved", lang, name=name)
        if done.get("moved_to"):
            text += "\n" + t("kp.moved", lang, n=len(done["moved"]), name=done["moved_to"])
        return text

    return describe, apply


async def _delete(services: Services, a: Answers, by: dict[str, Any], move_to: str | None) -> dict[str, Any]:
    return await catalog(services).delete(a["id"], by, move_to)


async def _off(services: Services, a: Answers, by: dict[str, Any], move_to: str | None) -> dict[str, Any]:
    return await catalog(services).update(a["id"], {"active": False}, by, move_to)


async def _on(services: Services, a: Answers, by: dict[str, Any], move_to: str | None) -> dict[str, Any]:
    return await catalog(services).update(a["id"], {"active": True}, by, move_to)


async def what_to_change(services: Services, answers: Answers, lang: str) -> list[tuple[str, str]]:
    return [("name", t("kp.what_name", lang)), ("services", t("kp.what_services", lang))]


def _edit_fields(a: Answers) -> dict[str, Any]:
    if a["what"] == "name":
        return {"name": a["new_name"]}
    return {"services": WHOLE if WHOLE in a["services"] else a["services"]}


async def _describe_edit(services: Services, a: Answers, lang: str) -> tuple[str | None, str | None]:
    found = next((c for c in await catalog(services).counters() if c["id"] == a["id"]), None)
    if found is None:
        return t("kw.gone", lang), None
    return counter_line(services, found, lang), counter_line(services, {**found, **_edit_fields(a)}, lang)


async def _edit(services: Services, a: Answers, by: dict[str, Any], lang: str) -> str:
    try:
        done = await catalog(services).update(a["id"], _edit_fields(a), by)
    except CounterInUse as exc:
        names = ", ".join(service_label(services, code, lang) for code in exc.services)
        return t("kp.edit_refused", lang, services=names or "-", waiting=exc.waiting)
    return t("kp.counter_saved", lang, name=done["name"])


def _reason(text: str, answers: Answers) -> tuple[Any, str | None]:
    reason = " ".join(text.split())
    return (reason, None) if 0 < len(reason) <= 200 else (None, "kp.bad_reason")


register_flow(Flow("closure_add", (Step("date", "kp.ask_date", parse=parse_day),
                                   Step("service", "kp.ask_service", "choice", options=closure_services),
                                   Step("reason", "kp.ask_reason", parse=_reason)), _describe_closure, _add_closure))
register_flow(Flow("closure_delete", (), _describe_reopen, _reopen))
register_flow(Flow("counter_add", (Step("name", "kp.ask_counter", parse=parse_name),
                                   Step("phase", "kp.ask_phase", "choice", options=phases),
                                   Step("services", "kp.ask_counter_services", "multi", options=counter_services)),
                   _describe_counter, _add_counter))
register_flow(Flow("counter_edit", (Step("what", "kp.ask_what", "choice", options=what_to_change),
                                    Step("new_name", "kp.ask_new_name", parse=parse_name,
                                         skip_if=lambda a: a["what"] != "name"),
                                    Step("services", "kp.ask_counter_services", "multi", options=counter_services,
                                         skip_if=lambda a: a["what"] != "services")),
                   _describe_edit, _edit))
MOVE = Step("move_to", "kp.ask_move", "choice", options=move_targets, skip_if=lambda a: not _needs_move(a))
register_flow(Flow("counter_delete", (MOVE,), *_change_counter(_delete, None)))
register_flow(Flow("counter_off", (MOVE,), *_change_counter(_off, False)))
register_flow(Flow("counter_on", (), *_change_counter(_on, True)))

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
    "kp.channels": {"id": "Loket dan ruang yang melayani antrean (perubahan langsung berlaku untuk /call, halaman loket "
                          "dan layar antrean):",
                    "en": "Counters and rooms serving the queue (a change applies at once to /call, the counter page "
                          "and the board):"},
    "kp.rooms": {"id": "Ruang poli (diatur bersama layanannya): {rooms}", "en": "Clinic rooms (kept with their service): {rooms}"},
    "kp.every_service": {"id": "semua layanan", "en": "every service"},
    "kp.inactive": {"id": "(nonaktif)", "en": "(inactive)"},
    "kp.off": {"id": "⏸ Nonaktifkan {name}", "en": "⏸ Deactivate {name}"},
    "kp.on": {"id": "▶️ Aktifkan {name}", "en": "▶️ Activate {name}"},
    "kp.ask_move": {"id": "Belum bisa begitu saja: {called} pasien sedang dipanggil di {name}, dan {waiting} pasien menunggu "
                          "layanan yang hanya dilayani {name} di tahapnya. Serahkan ke loket mana? (urutan mereka tetap; "
                          "pasien yang dipanggil diberi tahu loket barunya) Atau Batal.",
                    "en": "Not just like that: {called} patients are called at {name}, and {waiting} patients wait for "
                          "services only {name} serves in its phase. Hand them to which counter? (their order is kept; "
                          "the called patients are told their new counter) Or Cancel."},
    "kp.move_to": {"id": "Serahkan ke {name}", "en": "Hand over to {name}"},
    "kp.moving": {"id": "{called} pasien yang dipanggil pindah ke {name} (diberi tahu); {name} juga melayani {waiting} "
                        "pasien yang menunggu, urutan tetap.",
                  "en": "{called} called patients go to {name} (told so); {name} also serves the {waiting} waiting "
                        "patients, in order."},
    "kp.moved": {"id": "{n} pasien yang dipanggil diminta ke {name}; {name} melayani antreannya.",
                 "en": "{n} called patients were asked to go to {name}; {name} serves their queue."},
    "kp.in_use": {"id": "Ditolak: {called} pasien sedang dipanggil di loket ini, {waiting} pasien menunggu layanan yang "
                        "hanya dilayani loket ini ({services}). Tidak ada yang diubah; ketik /klinik dan pilih loket "
                        "pengganti.",
                  "en": "Refused: {called} patients are called at this counter, {waiting} patients wait for services only "
                        "it serves ({services}). Nothing changed; send /klinik and choose a counter to take over."},
    "kp.edit": {"id": "✏️ Ubah {name}", "en": "✏️ Change {name}"},
    "kp.ask_what": {"id": "Apa yang diubah dari {name}?", "en": "What changes for {name}?"},
    "kp.what_name": {"id": "Nama", "en": "Name"},
    "kp.what_services": {"id": "Layanan", "en": "Services"},
    "kp.ask_new_name": {"id": "Nama baru untuk {name} (petugas lalu memanggil dengan /call dan nama baru itu):",
                        "en": "The new name for {name} (staff then call with /call and that new name):"},
    "kp.edit_refused": {"id": "Ditolak: tanpa loket ini tidak ada loket lain di tahapnya yang melayani {services} "
                              "({waiting} pasien menunggu). Tidak ada yang diubah. "
                              "Tambahkan layanan itu ke loket lain dulu (✏️ Ubah di /klinik → Loket & ruang), lalu "
                              "coba lagi.",
                        "en": "Refused: without this counter no other counter of its phase serves {services} "
                              "({waiting} patients waiting). Nothing changed. Add that "
                              "service to another counter first (✏️ Change in /klinik → Counters & rooms), then try "
                              "again."},
    "kp.counter_saved": {"id": "✅ {name} diubah; berlaku sekarang.", "en": "✅ {name} changed; in effect now."},
    "kp.counter": {"id": "{name} — {phase}: {services}", "en": "{name} — {phase}: {services}"},
    "kp.add_counter": {"id": "➕ Tambah loket/ruang", "en": "➕ Add a counter/room"},
    "kp.delete_counter": {"id": "🗑 Hapus {name}", "en": "🗑 Delete {name}"},
    "kp.ask_counter": {"id": "Nama loket/ruang (mis. Loket 3):", "en": "The counter's name (e.g. Loket 3):"},
    "kp.ask_phase": {"id": "Melayani tahap apa?", "en": "Which phase does it serve?"},
    "kp.ask_counter_services": {"id": "Layanan yang dilayani: pilih, lalu Lanjut.",
                                "en": "Services it serves: choose, then Next."},
    "kp.counter_added": {"id": "✅ {name} ditambahkan; petugas bisa memanggil di sana sekarang (/call {name}).",
                         "en": "✅ {name} added; staff can call there now (/call {name})."},
    "kp.counter_deleted": {"id": "✅ {name} dihapus.", "en": "✅ {name} deleted."},
}
