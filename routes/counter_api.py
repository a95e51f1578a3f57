"""The counter's JSON API (issue 22): patients without Telegram get a number from another front end.

Every route needs a staff token (`Authorization: Bearer pq_...`); clearing a whole queue needs an
admin token. Shapes, errors and rules: docs/api.md.
    POST  /api/patients                    register a walk-in patient (201; 409 with the id of a known NIK)
    GET   /api/patients?q=                 search by NIK, BPJS number, phone or name (NIK masked)
    PATCH /api/patients/{id}               correct a record (audited with before and after)
    POST  /api/tickets                     issue a ticket, today or booked for a day ahead, with a doctor (the chat's rules)
    DELETE /api/tickets/{number}           cancel with a reason (the holder is told in chat)
    POST  /api/tickets/{number}/checkin    the holder is at the clinic (a skipped ticket rejoins)
    POST  /api/queues/{service}/clear      cancel everyone waiting for a service, with a reason (admin)
`GET /api/tickets/{number}` (routes/api.py) shows a ticket; the answers here show it the same way.
"""
from __future__ import annotations

from aiohttp import web

from bot.services import services_of
from bot.web import APPLICATION
from local_botapi.guard import BadJson, read_json
from queue_core import errors
from queue_core.booking import DayOutOfRange, DoctorNotAvailable
from queue_core.counter import CounterPatients, NikTaken, PatientRecord
from queue_core.policy import age_on
from queue_core.privacy import mask_nik

from . import counter_input as check
from .api import _ticket_json, _token

MAX_BODY = 16 * 1024


def _services(request: web.Request):
    return services_of(request.app[APPLICATION])


def _patients(services) -> CounterPatients:
    return CounterPatients(services.db, services.clock)


async def _allowed(request: web.Request, action: str, admin: bool = False):
    """The token's info, or the answer refusing it (401/429; 403 when an admin token is needed)."""
    info = await _token(request, action)
    if isinstance(info, web.Response):
        return info
    if admin and info.role != "admin":
        await _services(request).staff.audit(None, action, allowed=False,
                                             detail={"token": info.name, "role": info.role})
        return web.json_response({"error": "forbidden", "message": "Perlu token admin. / An admin token is required."},
                                 status=403)
    return info


async def _body(request: web.Request):
    """The JSON body; malformed JSON is a 400 naming `body` (a body over the limit stays a 413)."""
    try:
        return await read_json(request, max_bytes=MAX_BODY)
    except BadJson as exc:
        if exc.status != 400:
            raise
        raise check.BadFields({"body": check.problem("json", "Isi permintaan bukan JSON yang sah.",
                                                     f"The body is not valid JSON: {exc.message}.")}) from None


def _bad(exc: check.BadFields) -> web.Response:
    return web.json_response({"error": "bad_request", "fields": exc.problems}, status=400)


def _error(http_status: int, code: str, message: str, /, **extra) -> web.Response:
    return web.json_response({**extra, "error": code, "message": message}, status=http_status)


def _queue_error(exc: errors.QueueError) -> web.Response:
    params = {k: v for k, v in exc.params.items() if k != "known"}
    if isinstance(exc, errors.TicketNotFound):
        return _error(404, exc.code, "Nomor tidak ditemukan hari ini. / No such number today.", **params)
    if isinstance(exc, (errors.ServiceClosed, errors.QuotaFull)):
        text = ("Layanan tutup. / The service is closed." if isinstance(exc, errors.ServiceClosed)
                else "Kuota hari ini habis. / Today's quota is used up.")
        return _error(422, exc.code, text, **params)
    if isinstance(exc, errors.AlreadyHasTicket):
        return _error(409, exc.code, "Pasien sudah punya nomor untuk layanan ini pada hari itu. / "
                      "The patient already holds a ticket for this service on that day.", **params)
    if isinstance(exc, errors.RejoinExpired):
        return _error(409, exc.code, "Batas waktu kembali ke antrean sudah lewat. / Too late to rejoin the queue.",
                      **params)
    return _error(409, exc.code, "Tidak bisa diproses dalam status ini. / Not possible in this status.", **params)


async def _audit(request, action: str, info, target, **detail) -> None:
    await _services(request).staff.audit(None, action, target=target,
                                         detail={"token": info.name, "via": "api", **detail})


def _nik_taken(exc: NikTaken) -> web.Response:
    return _error(409, "nik_registered", "NIK sudah terdaftar. / This NIK is registered already.", id=exc.patient_id)


def _masked(record: dict) -> dict:
    return {k: mask_nik(v) if k == "nik" else v for k, v in record.items()}


# ---------------------------------------------------------------------- patients

async def post_patient(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_patient_create")
    if isinstance(info, web.Response):
        return info
    services = _services(request)
    try:
        fields = check.patient_new(await _body(request), services.clock().date())
    except check.BadFields as exc:
        return _bad(exc)
    try:
        record = await _patients(services).create(fields)
    except NikTaken as exc:
        await _audit(request, "api_patient_create", info, exc.patient_id, error="nik_registered",
                     nik=mask_nik(fields["nik"]))
        return _nik_taken(exc)
    await _audit(request, "api_patient_create", info, record.id, nik=mask_nik(record.nik))
    return web.json_response(record.as_json(), status=201)


async def get_patients(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_patient_search")
    if isinstance(info, web.Response):
        return info
    query = request.query.get("q", "")[:64]
    try:
        found = await _patients(_services(request)).search(query)
    except ValueError:
        return _bad(check.BadFields({"q": check.problem(
            "length", "Cari dengan NIK, nomor BPJS, nomor HP atau minimal 3 huruf nama.",
            "Search by NIK, BPJS number, phone, or at least 3 letters of the name.")}))
    shown = mask_nik(query) if query.strip().isdigit() else query
    await _audit(request, "api_patient_search", info, None, q=shown, found=len(found))
    return web.json_response({"patients": [r.as_json(masked=True) for r in found]})


def _patient_id(request: web.Request) -> int | None:
    raw = request.match_info["id"]
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


async def patch_patient(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_patient_update")
    if isinstance(info, web.Response):
        return info
    services = _services(request)
    store = _patients(services)
    pid = _patient_id(request)
    current = None if pid is None else await store.get(pid)
    if current is None:
        return _error(404, "patient_not_found", "Pasien tidak ditemukan. / No such patient.")
    try:
        changes = check.patient_changes(await _body(request), _record_fields(current), services.clock().date())
        result = await store.update(current.id, changes)
    except check.BadFields as exc:
        return _bad(exc)
    except NikTaken as exc:
        await _audit(request, "api_patient_update", info, current.id, error="nik_registered")
        return _nik_taken(exc)
    if result is None:
        return _error(404, "patient_not_found", "Pasien tidak ditemukan. / No such patient.")
    before, after = result
    old, new = _record_fields(before), _record_fields(after)
    changed = [k for k in new if old[k] != new[k]]
    await _audit(request, "api_patient_update", info, current.id, before=_masked({k: old[k] for k in changed}),
                 after=_masked({k: new[k] for k in changed}))
    return web.json_response(after.as_json())


def _record_fields(record: PatientRecord) -> dict:
    data = record.as_json()
    return {k: data[k] for k in check.FIELDS}


# ---------------------------------------------------------------------- tickets and queues

async def post_ticket(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_ticket_issue")
    if isinstance(info, web.Response):
        return info
    services = _services(request)
    s, today = services.settings, services.clock().date()
    try:
        wanted = check.ticket_request(await _body(request), s.services, s.conditions)
    except check.BadFields as exc:
        return _bad(exc)
    patient = await _patients(services).get(wanted["patient_id"])
    if patient is None:
        return _error(404, "patient_not_found", "Pasien tidak ditemukan. / No such patient.")
    age = age_on(patient.birth_date, today) if patient.birth_date else None
    try:
        view = await services.queue.issue(service=wanted["service"], user_id=patient.chat_id, patient_id=patient.id,
                                          conditions=wanted["conditions"], age=age, day=wanted.get("day"),
                                          doctor=wanted["doctor"])
    except (DayOutOfRange, DoctorNotAvailable) as exc:
        await _audit(request, "api_ticket_issue", info, patient.id, service=wanted["service"], error=exc.code)
        return _bad(_booking_field(exc))
    except errors.QueueError as exc:
        await _audit(request, "api_ticket_issue", info, patient.id, service=wanted["service"], error=exc.code)
        return _queue_error(exc)
    await _audit(request, "api_ticket_issue", info, view.number, patient_id=patient.id, service=view.service,
                 level=view.level, told=patient.chat_id is not None)
    return web.json_response(_ticket_json(view), status=201)


def _booking_field(exc: errors.QueueError) -> check.BadFields:
    """A day outside the booking window, or a doctor without a schedule that day: the field named."""
    p = exc.params
    if isinstance(exc, DayOutOfRange):
        return check.BadFields({"day": check.problem(
            exc.code, f"Hari harus antara {p['first']} dan {p['last']}.",
            f"day must be between {p['first']} and {p['last']}.", first=p["first"], last=p["last"])})
    return check.BadFields({"doctor": check.problem(
        exc.code, f"Dokter ini tidak praktik di layanan itu pada {p['day']}.",
        f"This doctor does not practise in that service on {p['day']}.", doctors=p.get("doctors", []))})


async def delete_ticket(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_ticket_cancel")
    if isinstance(info, web.Response):
        return info
    services = _services(request)
    number = request.match_info["number"][:16]
    try:
        note = check.reason(await _body(request))
        day = check.query_day(request.query.get("day"))
    except check.BadFields as exc:
        return _bad(exc)
    try:
        ticket = await services.queue.find(number, day)
        view = await services.queue.cancel(ticket.id, by="staff", reason="staff", note=note)
    except errors.QueueError as exc:
        await _audit(request, "api_ticket_cancel", info, number.upper(), reason=note, error=exc.code)
        return _queue_error(exc)
    await _audit(request, "api_ticket_cancel", info, view.number, reason=note, told=view.user_id is not None)
    return web.json_response(_ticket_json(view))


async def post_checkin(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_checkin")
    if isinstance(info, web.Response):
        return info
    services = _services(request)
    number = request.match_info["number"][:16]
    try:
        view, at = await services.queue.check_in(number)
    except errors.QueueError as exc:
        await _audit(request, "api_checkin", info, number.upper(), error=exc.code)
        return _queue_error(exc)
    await _audit(request, "api_checkin", info, view.number, status=view.status)
    return web.json_response({**_ticket_json(view), "checked_in_at": at.isoformat(timespec="seconds")})


async def post_clear(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_queue_clear", admin=True)
    if isinstance(info, web.Response):
        return info
    services = _services(request)
    service = request.match_info["service"].upper()[:16]
    if service not in services.settings.services:
        return _error(404, "unknown_service", "Layanan tidak dikenal. / Unknown service.",
                      known=sorted(services.settings.services))
    try:
        note = check.reason(await _body(request))
    except check.BadFields as exc:
        return _bad(exc)
    numbers = await services.queue.clear_service(service, note)
    await _audit(request, "api_queue_clear", info, service, reason=note, count=len(numbers), numbers=numbers[:200])
    return web.json_response({"service": service, "phases": services.queue.clear_phases(service),
                              "cancelled": numbers, "count": len(numbers)})


def add_routes(app: web.Application) -> None:
    app.router.add_post("/api/patients", post_patient)
    app.router.add_get("/api/patients", get_patients)
    app.router.add_patch("/api/patients/{id}", patch_patient)
    app.router.add_post("/api/tickets", post_ticket)
    app.router.add_delete("/api/tickets/{number}", delete_ticket)
    app.router.add_post("/api/tickets/{number}/checkin", post_checkin)
    app.router.add_post("/api/queues/{service}/clear", post_clear)

