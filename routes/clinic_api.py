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

from bot.services import services_of
from bot.web import APPLICATION
from local_botapi.guard import BadJson, read_json
from queue_core.clinic_checks import BadFields, problem
from queue_core.clinic_data import ClinicStore, DoctorHasSchedules, NotFound
from queue_core.clinic_waiting import HasWaiting
from queue_core.clock import CallableClock
from queue_core.doctor_moves import DoctorHasTickets, MoveTo, TargetQuotaFull, move_to_of

from .api import _token

MAX_BODY = 8 * 1024
Handler = Callable[[web.Request, ClinicStore, dict[str, Any]], Awaitable[web.Response]]


def _error(status: int, code: str, message: str, /, **extra: Any) -> web.Response:
    return web.json_response({**extra, "error": code, "message": message}, status=status)


def _bad(problems: dict[str, dict[str, Any]]) -> web.Response:
    return web.json_response({"error": "bad_request", "fields": problems}, status=400)


async def _body(request: web.Request) -> Any:
    try:
        return await read_json(request, max_bytes=MAX_BODY)
    except BadJson as exc:
        if exc.status != 400:
            raise  # 413: answered by the web guard
        raise BadFields({"body": problem("json", "Isi permintaan bukan JSON yang sah.",
                                         f"The body is not valid JSON: {exc.message}.")}) from None


def _id(request: web.Request) -> int | None:
    raw = request.match_info["id"]
    return int(raw) if raw.isdigit() and len(raw) <= 9 else None


async def admin_token(request: web.Request, services, action: str):
    """The request's token if it is an admin's; else the answer to send (401, or 403 audited)."""
    info = await _token(request, action)
    if isinstance(info, web.Response):
        return info
    if info.role != "admin":
        await services.staff.audit(None, action, allowed=False, detail={"token": info.name, "role": info.role})
        return _error(403, "forbidden", "Perlu token admin. / An admin token is required.")
    return info


def admin_route(action: str, handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The admin check, the store and the answers every route shares: 400 naming the bad fields,
    404 for an unknown id."""
    async def route(request: web.Request) -> web.Response:
        services = services_of(request.app[APPLICATION])
        assert services.db is not None and services.staff is not None  # made in Services.create
        info = await admin_token(request, services, action)
        if isinstance(info, web.Response):
            return info
        store = ClinicStore(services.db, CallableClock(services.clock), services.settings)
        try:
            return await handler(request, store, {"token": info.name, "via": "api"})
        except BadFields as exc:
            return _bad(exc.problems)
        except NotFound as exc:
            return _error(404, "not_found", f"Data {exc.kind} {exc.id} tidak ada. / No {exc.kind} {exc.id}.",
                          kind=exc.kind, id=exc.id)
        except HasWaiting as exc:
            await services.staff.audit(None, action, allowed=False, target=str(exc.id),
                                       detail={"token": info.name, "via": "api", "error": "has_waiting",
                                               "waiting": exc.count, "services": exc.services})
            return _error(409, "has_waiting",
                          f"{exc.count} pasien hari ini masih menunggu layanan {', '.join(exc.services)} yang hanya "
                          f"dilayani oleh {exc.kind} ini; tunggu sampai selesai, atau tambahkan dulu penggantinya. / "
                          f"{exc.count} patients of today still wait for {', '.join(exc.services)}, served only by "
                          f"this {exc.kind}: wait until they are done, or add a replacement first.",
                          waiting=exc.count, services=exc.services, kind=exc.kind, id=exc.id)
        except DoctorHasTickets as exc:
            await services.staff.audit(None, action, allowed=False, target=str(exc.schedule_id or exc.doctor_id),
                                       detail={"token": info.name, "via": "api", "error": "doctor_has_patients",
                                               "waiting": exc.count})
            return _error(409, "doctor_has_patients",
                          f"{exc.count} pasien (hari ini atau yang sudah memesan) memilih dokter ini. Pindahkan "
                          "mereka dengan \"move_to\": nomor dokter lain di layanan itu, atau \"any\" (dokter siapa "
                          f"saja). / {exc.count} patients (today or booked later) chose this doctor: move them with "
                          "\"move_to\": another doctor of that service, or \"any\" (any doctor).",
                          waiting=exc.count, doctor=exc.doctor_id,
                          **({"schedule": exc.schedule_id} if exc.schedule_id is not None else {}))
        except TargetQuotaFull as exc:
            await services.staff.audit(None, action, allowed=False, target=str(exc.target),
                                       detail={"token": info.name, "via": "api", "error": "doctor_quota_full",
                                               "day": exc.day.isoformat(), "quota": exc.quota, "taken": exc.taken,
                                               "count": exc.count})
            return _error(409, "doctor_quota_full",
                          f"Kuota {exc.name} pada {exc.day.isoformat()} adalah {exc.quota}: sudah terpakai {exc.taken}, "
                          f"ditambah {exc.count} pasien yang dipindah menjadi {exc.taken + exc.count}. Tidak ada yang "
                          "diubah. Pilih dokter lain, atau \"any\" (dokter siapa saja). / "
                          f"{exc.name}'s quota on {exc.day.isoformat()} is {exc.quota}: {exc.taken} taken, plus the "
                          f"{exc.count} patients to move makes {exc.taken + exc.count}. Nothing changed. Choose another "
                          "doctor, or \"any\" (any doctor).",
                          doctor=exc.target, day=exc.day.isoformat(), quota=exc.quota, taken=exc.taken, moving=exc.count)

    return route


async def _move_to(request: web.Request, body: Any = None) -> MoveTo | None:
    """`move_to` of a PATCH or DELETE: in the JSON body (taken out of it), else in the query."""
    if body is None and request.can_read_body:
        body = await _body(request)
    found = body.pop("move_to", None) if isinstance(body, dict) else None
    return move_to_of(found if found is not None else request.query.get("move_to"))


def _target(request: web.Request) -> int:
    found = _id(request)
    if found is None:
        raise NotFound(request.path.split("/")[2].rstrip("s"), 0)
    return found


# ---------------------------------------------------------------------- doctors

async def list_doctors(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    return web.json_response({"doctors": await store.doctors()})


async def create_doctor(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    return web.json_response(await store.create_doctor(await _body(request), by), status=201)


async def update_doctor(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    body = await _body(request)
    move_to = await _move_to(request, body)
    return web.json_response(await store.update_doctor(_target(request), body, by, move_to))


async def delete_doctor(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    doctor_id = _target(request)
    move_to = await _move_to(request)
    try:
        return web.json_response({"deleted": await store.delete_doctor(doctor_id, by, move_to)})
    except DoctorHasSchedules as exc:
        staff = services_of(request.app[APPLICATION]).staff
        assert staff is not None
        await staff.audit(None, "clinic_doctor_delete", allowed=False, target=str(doctor_id),
                                   detail={**by, "error": "doctor_has_schedules", "schedules": exc.count})
        return _error(409, "doctor_has_schedules",
                      f"Dokter ini masih punya {exc.count} jadwal. Nonaktifkan dokter (PATCH {{\"active\": false}}), "
                      f"atau hapus jadwalnya dulu (DELETE /api/schedules/ID). / The doctor still has {exc.count} "
                      "schedules: deactivate the doctor, or delete the schedules first.",
                      schedules=exc.count, doctor=doctor_id)


# ---------------------------------------------------------------------- schedules

async def list_schedules(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    raw = request.query.get("doctor")
    if raw is not None and not (raw.isdigit() and len(raw) <= 9):
        raise BadFields({"doctor": problem("type", "doctor harus nomor dokter.", "doctor must be a doctor's id.")})
    return web.json_response({"schedules": await store.schedules(None if raw is None else int(raw))})


async def create_schedule(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    return web.json_response(await store.create_schedule(await _body(request), by), status=201)


async def delete_schedule(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    schedule_id = _target(request)
    return web.json_response({"deleted": await store.delete_schedule(schedule_id, by, await _move_to(request))})


# ---------------------------------------------------------------------- closures

async def list_closures(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    """From today on; `?all=1` also the past ones."""
    since = None if request.query.get("all") == "1" else store.clock.now().date()
    return web.json_response({"closures": await store.closures(since)})


async def create_closure(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    return web.json_response(await store.create_closure(await _body(request), by), status=201)


async def delete_closure(request: web.Request, store: ClinicStore, by: dict[str, Any]) -> web.Response:
    return web.json_response({"deleted": await store.delete_closure(_target(request), by)})


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/api/doctors", admin_route("clinic_doctor_list", list_doctors))
    r.add_post("/api/doctors", admin_route("clinic_doctor_create", create_doctor))
    r.add_patch("/api/doctors/{id}", admin_route("clinic_doctor_update", update_doctor))
    r.add_delete("/api/doctors/{id}", admin_route("clinic_doctor_delete", delete_doctor))
    r.add_get("/api/schedules", admin_route("clinic_schedule_list", list_schedules))
    r.add_post("/api/schedules", admin_route("clinic_schedule_create", create_schedule))
    r.add_delete("/api/schedules/{id}", admin_route("clinic_schedule_delete", delete_schedule))
    r.add_get("/api/closures", admin_route("clinic_closure_list", list_closures))
    r.add_post("/api/closures", admin_route("clinic_closure_create", create_closure))
    r.add_delete("/api/closures/{id}", admin_route("clinic_closure_delete", delete_closure))

