"""The counters and rooms as an admin edits them: the queue's channels, the database's (seeded from
config.yaml once, queue_core/counter_catalog.py). A change is served at once by /call, the staff
keyboard, the counter page and the board.

    GET    /api/counters           every counter, the inactive ones too
    POST   /api/counters           {"name", "phase", "services": ["A", ...] or "*", "active"?}: 201
    PATCH  /api/counters/{id}      some of those fields, and "move_to" when needed (below)
    DELETE /api/counters/{id}      body {"move_to": "Loket 2"} (or ?move_to=) when needed

An admin token is needed (401 without, 403 with a staff token); 400 names each bad field; 409
`counter_in_use` with the counts when the counter leaves its phase (deleted, deactivated, another
phase) while a patient is called there, or while it alone serves a service of its phase (with the
patients waiting for those), and no `move_to` names another active counter of that phase to take
them over. Every change is audited with before and after; shapes in docs/api.md.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from aiohttp import web

from queue_core.clinic_checks import BadFields, problem
from queue_core.clinic_data import NameTaken, NotFound
from queue_core.counter_catalog import CounterCatalog, CounterInUse

from .admin_api import By, Refused, Route, admin_route, body_of, error

Handler = Callable[[web.Request, CounterCatalog, By], Awaitable[web.Response]]


def in_use_response(exc: CounterInUse) -> web.Response:
    services = ", ".join(exc.services) or "-"
    return error(409, "counter_in_use",
                  f"{exc.name}: {exc.called} pasien sedang dipanggil di sini; {exc.waiting} pasien menunggu layanan yang "
                  f"hanya dilayani loket ini di tahapnya ({services}). Pilih loket lain yang mengambil alih "
                  f"(\"move_to\"). / {exc.name}: {exc.called} patients are called here; {exc.waiting} patients wait "
                  f"for services only this counter serves in its phase ({services}). Name another counter to take "
                  "them over (\"move_to\").",
                  called=exc.called, waiting=exc.waiting, services=exc.services, counter=exc.name)


REFUSALS = {
    NotFound: Refused(lambda exc, request: error(
        404, "not_found", f"Loket {exc.id} tidak ada. / No counter {exc.id}.", kind="counter", id=exc.id)),
    NameTaken: Refused(lambda exc, request: error(
        409, "name_taken", f"Nama \"{exc.name}\" sudah dipakai. / The name is taken.", id=exc.id)),
    CounterInUse: Refused(lambda exc, request: in_use_response(exc), lambda exc, request: (
        request.match_info.get("id", "")[:9],
        {"error": "counter_in_use", "called": exc.called, "waiting": exc.waiting, "services": exc.services})),
}


def counter_route(action: str, handler: Handler) -> Route:
    return admin_route(action, lambda services: services.counters, handler, REFUSALS)


def _id(request: web.Request) -> int:
    raw = request.match_info["id"]
    if not (raw.isdigit() and len(raw) <= 9):
        raise NotFound("counter", 0)
    return int(raw)


async def _body_and_move_to(request: web.Request, *, optional: bool) -> tuple[Any, str | None]:
    """The body without its "move_to", and the counter named there (or in ?move_to=)."""
    body: Any = {} if optional and not request.can_read_body else await body_of(request)
    move_to = request.query.get("move_to")
    if isinstance(body, dict) and "move_to" in body:
        body = dict(body)
        move_to = body.pop("move_to")
        if not isinstance(move_to, str) or not move_to.strip():
            raise BadFields({"move_to": problem("type", "move_to harus nama loket.", "move_to must be a counter's name.")})
    return body, move_to


async def list_counters(request: web.Request, catalog: CounterCatalog, by: By) -> web.Response:
    return web.json_response({"counters": await catalog.counters()})


async def create_counter(request: web.Request, catalog: CounterCatalog, by: By) -> web.Response:
    return web.json_response(await catalog.create(await body_of(request), by), status=201)


async def update_counter(request: web.Request, catalog: CounterCatalog, by: By) -> web.Response:
    counter_id = _id(request)
    body, move_to = await _body_and_move_to(request, optional=False)
    return web.json_response(await catalog.update(counter_id, body, by, move_to))


async def delete_counter(request: web.Request, catalog: CounterCatalog, by: By) -> web.Response:
    counter_id = _id(request)
    body, move_to = await _body_and_move_to(request, optional=True)
    if body not in ({}, None):
        raise BadFields({"body": problem("unknown_field", "Hanya move_to yang dikenal.", "Only move_to is known.")})
    return web.json_response(await catalog.delete(counter_id, by, move_to))


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/api/counters", counter_route("clinic_counter_list", list_counters))
    r.add_post("/api/counters", counter_route("clinic_counter_create", create_counter))
    r.add_patch("/api/counters/{id}", counter_route("clinic_counter_update", update_counter))
    r.add_delete("/api/counters/{id}", counter_route("clinic_counter_delete", delete_counter))
