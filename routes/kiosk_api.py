"""The waiting room's kiosk (issue 23): a number for a registered patient, by NIK or BPJS number,
without a sign-in and without showing anyone's data.

    GET  /api/kiosk/options    the polis (open now or why not) and the priority questions
    POST /api/kiosk/lookup     {"id": NIK or BPJS}: {"name": "R*** W*******"} (masked), 404 when unknown
    POST /api/kiosk/ktp        a photo of the patient's own KTP (the body, image bytes): its NIK read
                               by the KTP reader, {"id": NIK, "name": masked} when registered, 404 when
                               not, 422 when no NIK could be read
    POST /api/kiosk/tickets    {"id", "service", "conditions"}: 201 the ticket to print (numbers only)

Only a whole NIK (16 digits) or BPJS number (13 digits) finds a record, exactly. The answers hold
a masked name and numbers, nothing else of the record. Every lookup and ticket request counts
against the client's limit: LIMIT_PER_MINUTE a minute (burst LIMIT_BURST), then 429 with
Retry-After. A ticket is the queue's own `issue`, with the chat's rules; it is audited
(`kiosk_ticket_issue`, actor null, detail.via "kiosk" and the client's address).
"""
from __future__ import annotations

import re

from aiohttp import web
from sqlalchemy import select

from bot.services import services_of
from bot.web import APPLICATION
from local_botapi.guard import ClientLimiter, client_of
from queue_core import errors
from queue_core.counter import PatientRecord
from queue_core.counter_login import mask_kiosk_name
from queue_core.models import Patient
from queue_core.policy import age_on

from . import counter_input as check
from .counter_api import _bad, _body, _queue_error
from .ticket_print import MAX_PHOTO, _reader, form_fields, print_data

LIMIT_PER_MINUTE, LIMIT_BURST = 20, 20
LIMITER = web.AppKey("kiosk_limiter", ClientLimiter)


def _limited(request: web.Request) -> web.Response | None:
    wait = request.app[LIMITER].take(client_of(request))
    if not wait:
        return None
    retry = int(wait) + 1
    return web.json_response({"error": "too_many_requests", "retry_after": retry,
                              "message": f"Terlalu sering. Coba lagi dalam {retry} detik. / Too many requests: "
                                         f"try again in {retry} seconds."},
                             status=429, headers={"Retry-After": str(retry)})


def _id_number(body) -> str:
    """The NIK or BPJS number of the body, digits only; BadFields names `id`."""
    if not isinstance(body, dict):
        raise check.BadFields({"body": check.problem("type", "Isi permintaan harus objek JSON.",
                                                     "The body must be a JSON object.")})
    raw = body.get("id")
    digits = re.sub(r"[\s.\-]", "", raw) if isinstance(raw, str) else ""
    if not digits.isdigit() or len(digits) not in (13, 16):
        raise check.BadFields({"id": check.problem(
            "id", "Ketik NIK (16 angka) atau nomor BPJS (13 angka).",
            "Type the NIK (16 digits) or the BPJS number (13 digits).")})
    return digits


async def _find(services, digits: str) -> PatientRecord | None:
    column = Patient.nik if len(digits) == 16 else Patient.bpjs

    async def fn(session) -> PatientRecord | None:
        row = await session.scalar(select(Patient).where(column == digits).order_by(Patient.id).limit(1))
        return None if row is None else PatientRecord.of(row)

    return await services.db.run(fn)


def _not_found() -> web.Response:
    return web.json_response({"error": "patient_not_found", "message": "Data tidak ditemukan. Silakan daftar di "
                              "loket pendaftaran. / Not found: please register at the counter."}, status=404)


async def options(request: web.Request) -> web.Response:
    services = services_of(request.app[APPLICATION])
    s = services.settings
    available = await services.queue.availability()
    return web.json_response({
        "clinic": s.clinic.name, "emergency_number": s.clinic.emergency_number,
        "services": [{"code": code, "name": svc.name, "name_en": svc.name_en, "open": available[code].open,
                      "reason": available[code].reason, "hours_today": available[code].hours_today,
                      "closure": available[code].closure} for code, svc in s.services.items()],
        "conditions": [{"key": key, "label": rule.label, "label_en": rule.label_en}
                       for key, rule in s.conditions.items() if not rule.age_based],
    })


async def lookup(request: web.Request) -> web.Response:
    refused = _limited(request)
    if refused is not None:
        return refused
    services = services_of(request.app[APPLICATION])
    try:
        digits = _id_number(await _body(request))
    except check.BadFields as exc:
        return _bad(exc)
    patient = await _find(services, digits)
    if patient is None:
        return _not_found()
    return web.json_response({"name": mask_kiosk_name(patient.name)})


async def scan(request: web.Request) -> web.Response:
    """The KTP held up to the kiosk's camera: only its NIK is used, only to find the record; the
    answer is what typing that NIK would give (the card's holder already has the number)."""
    refused = _limited(request)
    if refused is not None:
        return refused
    services = services_of(request.app[APPLICATION])
    image = await request.read()
    if not image or len(image) > MAX_PHOTO:
        return _bad(check.BadFields({"photo": check.problem(
            "missing" if not image else "too_large", "Foto KTP tidak terbaca: ambil foto lagi (paling besar 10 MB).",
            "No KTP photo: take it again (at most 10 MB).")}))
    reader = await _reader(services)
    if reader is None:
        return web.json_response({"error": "reader_unavailable", "message": "Pemindai KTP tidak tersedia: ketik "
                                  "NIK Anda. / The KTP scanner is not available: type your NIK."}, status=503)
    result = await reader.read(image, "ktp.jpg", today=services.clock().date())
    del image
    nik = form_fields(result, services.settings.ocr_min_confidence)[0].get("nik")
    if not nik or not result.get("nik_valid", True):
        return web.json_response({"error": "not_read", "message": "NIK pada KTP tidak terbaca. Ketik NIK Anda. / "
                                  "The NIK could not be read: type it."}, status=422)
    patient = await _find(services, nik)
    if patient is None:
        return _not_found()
    return web.json_response({"id": nik, "name": mask_kiosk_name(patient.name)})


def _ticket_body(body, settings) -> tuple[str, str, list[str]]:
    """(NIK or BPJS digits, service, conditions); BadFields names every bad field. Age conditions
    are not asked: they come from the record's birth date, as in the chat."""
    problems: dict = {}
    wanted: dict = {}
    try:
        digits = _id_number(body)
    except check.BadFields as exc:
        if "body" in exc.problems:
            raise
        problems.update(exc.problems)
    try:
        wanted = check.ticket_request({k: v for k, v in body.items() if k != "id"} | {"patient_id": 1},
                                      settings.services, settings.conditions)
    except check.BadFields as exc:
        problems.update(exc.problems)
    asked = sorted(k for k, rule in settings.conditions.items() if not rule.age_based)
    conditions = body.get("conditions")
    listed = conditions if isinstance(conditions, list) else []
    told = [c[:40] for c in listed if isinstance(c, str) and c not in asked][:5]
    if told and "conditions" not in problems:
        problems["conditions"] = check.problem("unknown_condition", "Kondisi ini tidak ditanyakan di sini (usia "
                                               "dihitung dari tanggal lahir): " + ", ".join(told),
                                               "Not asked here (age comes from the birth date): " + ", ".join(told),
                                               known=asked)
    if problems:
        raise check.BadFields(problems)
    return digits, wanted["service"], wanted["conditions"]


async def ticket(request: web.Request) -> web.Response:
    refused = _limited(request)
    if refused is not None:
        return refused
    services = services_of(request.app[APPLICATION])
    try:
        digits, service, conditions = _ticket_body(await _body(request), services.settings)
    except check.BadFields as exc:
        return _bad(exc)
    patient = await _find(services, digits)
    if patient is None:
        return _not_found()
    age = age_on(patient.birth_date, services.clock().date()) if patient.birth_date else None
    detail = {"via": "kiosk", "client": client_of(request), "patient_id": patient.id, "service": service}
    try:
        view = await services.queue.issue(service=service, user_id=patient.chat_id, patient_id=patient.id,
                                          conditions=conditions, age=age)
    except errors.QueueError as exc:
        await services.staff.audit(None, "kiosk_ticket_issue", target=str(patient.id), detail={**detail,
                                                                                              "error": exc.code})
        return _queue_error(exc)
    await services.staff.audit(None, "kiosk_ticket_issue", target=view.number, detail={**detail, "level": view.level})
    if getattr(services, "notifier", None) is not None:
        services.notifier.wake()
    return web.json_response({**await print_data(services, view), "name": mask_kiosk_name(patient.name)}, status=201)


def add_routes(app: web.Application) -> None:
    app[LIMITER] = ClientLimiter(LIMIT_PER_MINUTE / 60, LIMIT_BURST)
    app.router.add_get("/api/kiosk/options", options)
    app.router.add_post("/api/kiosk/lookup", lookup)
    app.router.add_post("/api/kiosk/ktp", scan)
    app.router.add_post("/api/kiosk/tickets", ticket)
