"""The services (poli) as an admin edits them: the database's, seeded from config.yaml once.

    GET    /api/services                  no token: the public view (routes/api.py); an admin token:
                                          every service, the inactive ones too, as the admin edits them
    POST   /api/services                  201 with the service
    PATCH  /api/services/{code}[?move_to=A]   {"active": false} needs move_to while numbers are unfinished
    DELETE /api/services/{code}[?move_to=A]

An admin token is needed (401 without, 403 with a staff token); 400 names each bad field; 409 with
the count when unfinished numbers hold the service and no `move_to` was given. Every change is
audited with before and after (queue_core/service_catalog.py); shapes in docs/api.md.
"""
from __future__ import annotations

from typing import Awaitable, Callable

from aiohttp import web

from queue_core.clinic_data import NotFound
from queue_core.service_catalog import ServiceCatalog, ServiceHasSchedules
from queue_core.service_moves import ServiceInUse

from .admin_api import By, Refused, Route, admin_route, body_of, error
from .api import get_services

Handler = Callable[[web.Request, ServiceCatalog, By], Awaitable[web.Response]]
IN_USE = {
    "waiting": ("{n} nomor antrean layanan ini belum selesai. Pindahkan dulu ke layanan lain (?move_to=KODE), "
                "atau tunggu sampai selesai.",
                "{n} numbers of this service are not finished: move them to another service (?move_to=CODE) "
                "or wait until they are done."),
    "in_service": ("{n} pasien layanan ini sedang dipanggil atau dilayani; tunggu sampai selesai.",
                   "{n} patients of this service are being called or served; wait until they are done."),
    "holds_both": ("{n} pasien sudah memegang nomor di layanan tujuan; pilih layanan lain.",
                   "{n} patients already hold a number of the target service; choose another one."),
}


def in_use_response(exc: ServiceInUse) -> web.Response:
    text_id, text_en = IN_USE[exc.reason]
    return error(409, "service_in_use", f"{text_id.format(n=exc.count)} / {text_en.format(n=exc.count)}",
                  waiting=exc.count, reason=exc.reason, service=exc.code)


def _has_schedules(exc: ServiceHasSchedules, request: web.Request) -> web.Response:
    return error(409, "service_has_schedules",
                 f"Layanan ini masih punya {exc.count} jadwal dokter; hapus jadwalnya dulu, atau nonaktifkan "
                 f"layanan (PATCH {{\"active\": false}}). / The service still has {exc.count} doctor schedules: "
                 "delete them first, or deactivate the service.", schedules=exc.count, service=exc.code)


def _not_found(exc: NotFound, request: web.Request) -> web.Response:
    code = request.match_info.get("code", "")[:8]
    return error(404, "not_found", f"Layanan {code} tidak ada. / No service {code}.", kind="service", code=code)


REFUSALS = {
    NotFound: Refused(_not_found),
    ServiceInUse: Refused(lambda exc, request: in_use_response(exc), lambda exc, request: (exc.code, {
        "error": "service_in_use", "waiting": exc.count, "reason": exc.reason})),
    ServiceHasSchedules: Refused(_has_schedules, lambda exc, request: (exc.code, {
        "error": "service_has_schedules", "schedules": exc.count})),
}


def service_route(action: str, handler: Handler) -> Route:
    return admin_route(action, lambda services: services.catalog, handler, REFUSALS)


def _code(request: web.Request) -> str:
    return request.match_info["code"].strip().upper()[:8]


def _move_to(request: web.Request) -> str | None:
    raw = request.query.get("move_to")
    return raw.strip().upper()[:8] if raw else None


async def list_services(request: web.Request, catalog: ServiceCatalog, by: By) -> web.Response:
    return web.json_response({"services": await catalog.services()})


async def create_service(request: web.Request, catalog: ServiceCatalog, by: By) -> web.Response:
    return web.json_response(await catalog.create(await body_of(request), by), status=201)


async def update_service(request: web.Request, catalog: ServiceCatalog, by: By) -> web.Response:
    return web.json_response(await catalog.update(_code(request), await body_of(request), by, _move_to(request)))


async def delete_service(request: web.Request, catalog: ServiceCatalog, by: By) -> web.Response:
    return web.json_response(await catalog.delete(_code(request), by, _move_to(request)))


admin_list = service_route("clinic_service_list", list_services)


async def get_or_list(request: web.Request) -> web.Response:
    """Without a token the public view of routes/api.py (patients, the board); with one the admin's."""
    if "Authorization" not in request.headers:
        return await get_services(request)
    return await admin_list(request)


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/api/services", get_or_list)
    r.add_post("/api/services", service_route("clinic_service_create", create_service))
    r.add_patch("/api/services/{code}", service_route("clinic_service_update", update_service))
    r.add_delete("/api/services/{code}", service_route("clinic_service_delete", delete_service))
