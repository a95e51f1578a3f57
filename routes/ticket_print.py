"""What the counter and the kiosk print on a ticket, and the counter's KTP photo reader (issue 23).

    GET  /api/tickets/{number}/print   staff token: today's ticket as the print view shows it
    POST /api/ktp                      staff token: a KTP photo (the body, image bytes) read into the
                                       counter form's fields, for staff to confirm

A printed ticket has numbers only: number, poli, the doctors on duty now, date, position, the
estimated time and a QR code (made here, an SVG) holding what the chat's ticket image holds.
"""
from __future__ import annotations

import asyncio
import datetime as dt

import segno
from aiohttp import web

from bot.services import services_of
from bot.web import APPLICATION
from ocr.prefill import form_draft
from queue_core import errors
from queue_core.clinic_data import ClinicStore
from queue_core.counter_ops import ticket_qr_payload

from .api import _ticket_json
from .counter_api import _allowed, _audit, _queue_error

MAX_PHOTO = 10 * 1024 * 1024
_READER_LOCK = asyncio.Lock()


async def doctors_on_duty(services, service: str, now: dt.datetime) -> list[str]:
    """Active doctors with a schedule for `service` covering this moment (doctor ids and schedules
    are an admin's clinic data, docs/api.md)."""
    store = ClinicStore(services.db, services.staff.clock, services.settings)
    hhmm = now.strftime("%H:%M")
    active = {d["id"]: d["name"] for d in await store.doctors() if d["active"]}
    names = [active[s["doctor"]] for s in await store.schedules()
             if s["service"] == service and s["weekday"] == now.isoweekday() and s["start"] <= hhmm < s["end"]
             and s["doctor"] in active]
    return list(dict.fromkeys(names))


async def print_data(services, view) -> dict:
    """The ticket as the print view shows it: the public ticket fields plus the names, the time
    to expect the call and the QR code."""
    settings, now = services.settings, services.clock()
    svc = settings.services[view.service]
    estimate = view.estimate_minutes
    expected = None
    if estimate is not None and view.status == "waiting":
        expected = (now + dt.timedelta(minutes=estimate)).strftime("%H:%M")
    qr = segno.make(ticket_qr_payload(view.id, view.number, view.day), error="m")
    return {**_ticket_json(view), "clinic": settings.clinic.name, "service_name": svc.name,
            "service_name_en": svc.name_en, "phase_name": settings.phases[view.phase].label
            if view.phase in settings.phases else view.phase,
            "doctors": await doctors_on_duty(services, view.service, now), "expected_at": expected,
            "issued_at": now.strftime("%H:%M"), "qr": ticket_qr_payload(view.id, view.number, view.day),
            "qr_svg": qr.svg_data_uri(scale=4, border=2)}


async def get_print(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_ticket_print")
    if isinstance(info, web.Response):
        return info
    services = services_of(request.app[APPLICATION])
    try:
        view = await services.queue.find(request.match_info["number"][:16])
    except errors.QueueError as exc:
        return _queue_error(exc)
    return web.json_response(await print_data(services, view))


async def _reader(services):
    reader = services.extras.get("ktp_reader")
    if reader is not None or "ktp_reader" in services.extras:
        return reader
    async with _READER_LOCK:  # the chat creates the same one under this key (handlers/patient_common.py)
        if "ktp_reader" not in services.extras:
            from ocr.reader import KtpReader

            reader = KtpReader.from_settings(services.settings)
            services.on_close(reader.close)
            services.extras["ktp_reader"] = reader
    return services.extras["ktp_reader"]


def form_fields(result: dict, min_confidence: float) -> tuple[dict, list[str]]:
    """The counter form's fields from a KTP reading, as the chat's registration takes them
    (ocr.prefill.form_draft), and notes such as "birth_date_from_nik"."""
    form, derived = form_draft(result, min_confidence)
    return form, [f"{field}_from_nik" for field in derived]


async def post_ktp(request: web.Request) -> web.Response:
    info = await _allowed(request, "api_ktp_read")
    if isinstance(info, web.Response):
        return info
    services = services_of(request.app[APPLICATION])
    image = await request.read()
    if not image or len(image) > MAX_PHOTO:
        code = "missing" if not image else "too_large"
        return web.json_response({"error": "bad_request", "fields": {"photo": {
            "code": code, "message": "Kirim foto KTP (JPEG/PNG, paling besar 10 MB).",
            "message_en": "Send a KTP photo (JPEG/PNG, at most 10 MB)."}}}, status=400)
    reader = await _reader(services)
    if reader is None:
        return web.json_response({"error": "reader_unavailable", "message": "Pembaca KTP tidak tersedia; ketik "
                                  "datanya. / The KTP reader is not available; type the data."}, status=503)
    result = await reader.read(image, "ktp.jpg", today=services.clock().date())
    form, notes = form_fields(result, services.settings.ocr_min_confidence)
    await _audit(request, "api_ktp_read", info, None, read=sorted(form), error=result.get("error"))
    return web.json_response({"fields": form, "notes": notes, "problems": result.get("problems") or [],
                              "error": result.get("error"), "seconds": result.get("seconds")})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/tickets/{number}/print", get_print)
    app.router.add_post("/api/ktp", post_ktp)
