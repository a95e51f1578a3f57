"""The clinic's data as an admin edits it (issue 21): doctors, weekly schedules, closures (the
counters: routes/counters_api.py, the services: routes/services_api.py).

Every route needs an admin token (`Authorization: Bearer pq_...`, made with `/token NAME admin`):
401 without a valid token, 403 with a staff token. JSON in and out; shapes, errors and audit rows
in docs/api.md ("Clinic data"). The rules and storage are in queue_core/clinic_data.py.
    GET    /api/doctors            POST /api/doctors          PATCH/DELETE /api/doctors/{id}  (move_to)
    GET    /api/schedules          POST /api/schedules        DELETE       /api/schedules/{id}  (move_to)
    GET    /api/closures           POST /api/closures         DELETE       /api/closures/{id}
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from aiohttp import web

from queue_core.clinic_checks import BadFields, problem
from queue_core.clinic_data import ClinicStore, DoctorHasSchedules, NotFound
from queue_core.clinic_waiting import HasWaiting
from queue_core.clock import CallableClock
from queue_core.doctor_moves import DoctorHasTickets, MoveTo, TargetQuotaFull, move_to_of

from .admin_api import By, Refused, Route, admin_route, body_of, error

Handler = Callable[[web.Request, ClinicStore, By], Awaitable[web.Response]]


def _doctor_has_tickets(exc: DoctorHasTickets, request: web.Request) -> web.Response:
    return error(409, "doctor_has_patients",
                 f"{exc.count} pasien (hari ini atau yang sudah memesan) memilih dokter ini. Pindahkan "
                 "mereka dengan \"move_to\": nomor dokter lain di layanan itu, atau \"any\" (dokter siapa "
                 f"saja). / {exc.count} patients (today or booked later) chose this doctor: move them with "
                 "\"move_to\": another doctor of that service, or \"any\" (any doctor).",
                 waiting=exc.count, doctor=exc.doctor_id,
                 **({"schedule": exc.schedule_id} if exc.schedule_id is not None else {}))


def _target_quota_full(exc: TargetQuotaFull, request: web.Request) -> web.Response:
    return error(409, "doctor_quota_full",
                 f"Kuota {exc.name} pada {exc.day.isoformat()} adalah {exc.quota}: sudah terpakai {exc.taken}, "
                 f"ditambah {exc.count} pasien yang dipindah menjadi {exc.taken + exc.count}. Tidak ada yang "
                 "diubah. Pilih dokter lain, atau \"any\" (dokter siapa saja). / "
                 f"{exc.name}'s quota on {exc.day.isoformat()} is {exc.quota}: {exc.taken} taken, plus the "
                 f"{exc.count} patients to move makes {exc.taken + exc.count}. Nothing changed. Choose another "
                 "doctor, or \"any\" (any doctor).",
                 doctor=exc.target, day=exc.day.isoformat(), quota=exc.quota, taken=exc.taken, moving=exc.count)


def _has_waiting(exc: HasWaiting, request: web.Request) -> web.Response:
    return error(409, "has_waiting",
                 f"{exc.count} pasien hari ini masih menunggu layanan {', '.join(exc.services)} yang hanya "
                 f"dilayani oleh {exc.kind} ini; tunggu sampai selesai, atau tambahkan dulu penggantinya. / "
                 f"{exc.count} patients of today still wait for {', '.join(exc.services)}, served only by "
                 f"this {exc.kind}: wait until they are done, or add a replacement first.",
                 waiting=exc.count, services=exc.services, kind=exc.kind, id=exc.id)


def _doctor_has_schedules(exc: DoctorHasSchedules, request: web.Request) -> web.Response:
    return error(409, "doctor_has_schedules",
                 f"Dokter ini masih punya {exc.count} jadwal. Nonaktifkan dokter (PATCH {{\"active\": false}}), "
                 f"atau hapus jadwalnya dulu (DELETE /api/schedules/ID). / The doctor still has {exc.count} "
                 "schedules: deactivate the doctor, or delete the schedules first.",
                 schedules=exc.count, doctor=int(request.match_info["id"]))


REFUSALS = {
    NotFound: Refused(lambda exc, request: error(
        404, "not_found", f"Data {exc.kind} {exc.id} tidak ada. / No {exc.kind} {exc.id}.", kind=exc.kind, id=exc.id)),
    HasWaiting: Refused(_has_waiting, lambda exc, request: (str(exc.id), {
        "error": "has_waiting", "waiting": exc.count, "services": exc.services})),
    DoctorHasTickets: Refused(_doctor_has_tickets, lambda exc, request: (str(exc.schedule_id or exc.doctor_id), {
        "error": "doctor_has_patients", "waiting": exc.count})),
    TargetQuotaFull: Refused(_target_quota_full, lambda exc, request: (str(exc.target), {
        "error": "doctor_quota_full", "day": exc.day.isoformat(), "quota": exc.quota, "taken": exc.taken,
        "count": exc.count})),
    DoctorHasSchedules: Refused(_doctor_has_schedules, lambda exc, request: (request.match_info["id"], {
        "error": "doctor_has_schedules", "schedules": exc.count})),
}


def _id(request: web.Request) -> int | None:
    raw = request.match_info["id"]
    return int(raw) if raw.isdigit() and len(raw) <= 9 else None


def clinic_route(action: str, handler: Handler) -> Route:
    return admin_route(action, lambda services: ClinicStore(services.db, CallableClock(services.clock),
                                                            services.settings), handler, REFUSALS)


async def _move_to(request: web.Request, body: Any = None) -> MoveTo | None:
    """`move_to` of a PATCH or DELETE: in the JSON body (taken out of it), else in the query."""
    if body is None and request.can_read_body:
        body = await body_of(request)
    found = body.pop("move_to", None) if isinstance(body, dict) else None
    return move_to_of(found if found is not None else request.query.get("move_to"))


def _target(request: web.Request) -> int:
    found = _id(request)
    if found is None:
        raise NotFound(request.path.split("/")[2].rstrip("s"), 0)
    return found


# ---------------------------------------------------------------------- doctors

async def list_doctors(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    return web.json_response({"doctors": await store.doctors()})


async def create_doctor(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    return web.json_response(await store.create_doctor(await body_of(request), by), status=201)


async def update_doctor(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    body = await body_of(request)
    move_to = await _move_to(request, body)
    return web.json_response(await store.update_doctor(_target(request), body, by, move_to))


async def delete_doctor(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    doctor_id = _target(request)
    return web.json_response({"deleted": await store.delete_doctor(doctor_id, by, await _move_to(request))})


# ---------------------------------------------------------------------- schedules

async def list_schedules(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    raw = request.query.get("doctor")
    if raw is not None and not (raw.isdigit() and len(raw) <= 9):
        raise BadFields({"doctor": problem("type", "doctor harus nomor dokter.", "doctor must be a doctor's id.")})
    return web.json_response({"schedules": await store.schedules(None if raw is None else int(raw))})


async def create_schedule(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    return web.json_response(await store.create_schedule(await body_of(request), by), status=201)


async def delete_schedule(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    schedule_id = _target(request)
    return web.json_response({"deleted": await store.delete_schedule(schedule_id, by, await _move_to(request))})


# ---------------------------------------------------------------------- closures

async def list_closures(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    """From today on; `?all=1` also the past ones."""
    since = None if request.query.get("all") == "1" else store.clock.now().date()
    return web.json_response({"closures": await store.closures(since)})


async def create_closure(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    return web.json_response(await store.create_closure(await body_of(request), by), status=201)


async def delete_closure(request: web.Request, store: ClinicStore, by: By) -> web.Response:
    return web.json_response({"deleted": await store.delete_closure(_target(request), by)})


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/api/doctors", clinic_route("clinic_doctor_list", list_doctors))
    r.add_post("/api/doctors", clinic_route("clinic_doctor_create", create_doctor))
    r.add_patch("/api/doctors/{id}", clinic_route("clinic_doctor_update", update_doctor))
    r.add_delete("/api/doctors/{id}", clinic_route("clinic_doctor_delete", delete_doctor))
    r.add_get("/api/schedules", clinic_route("clinic_schedule_list", list_schedules))
    r.add_post("/api/schedules", clinic_route("clinic_schedule_create", create_schedule))
    r.add_delete("/api/schedules/{id}", clinic_route("clinic_schedule_delete", delete_schedule))
    r.add_get("/api/closures", clinic_route("clinic_closure_list", list_closures))
    r.add_post("/api/closures", clinic_route("clinic_closure_create", create_closure))
    r.add_delete("/api/closures/{id}", clinic_route("clinic_closure_delete", delete_closure))

