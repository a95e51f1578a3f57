"""What every admin route of the clinic's data shares (doctors, schedules and closures in
clinic_api.py, services in services_api.py, counters in counters_api.py): the admin token, the JSON
body, 400 naming each bad field, and a table of refusals (an exception of the store -> the answer,
audited when the store refused a change)."""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Mapping

from aiohttp import web

from bot.services import Services, services_of
from bot.web import APPLICATION
from local_botapi.guard import BadJson, read_json
from queue_core.clinic_checks import BadFields, problem

from .api import _token

MAX_BODY = 8 * 1024
By = dict[str, Any]
Route = Callable[[web.Request], Awaitable[web.Response]]


class Refused:
    """The answer to one refusal: `audit` (None: nothing to audit, e.g. a 404) gives the audit row's
    target and detail; `answer` gives the JSON response."""

    def __init__(self, answer: Callable[[Any, web.Request], web.Response],
                 audit: Callable[[Any, web.Request], tuple[str, dict[str, Any]]] | None = None) -> None:
        self.answer, self.audit = answer, audit


def error(status: int, code: str, message: str, /, **extra: Any) -> web.Response:
    return web.json_response({**extra, "error": code, "message": message}, status=status)


def bad(problems: dict[str, dict[str, Any]]) -> web.Response:
    return web.json_response({"error": "bad_request", "fields": problems}, status=400)


async def body_of(request: web.Request) -> Any:
    try:
        return await read_json(request, max_bytes=MAX_BODY)
    except BadJson as exc:
        if exc.status != 400:
            raise  # 413: answered by the web guard
        raise BadFields({"body": problem("json", "Isi permintaan bukan JSON yang sah.",
                                         f"The body is not valid JSON: {exc.message}.")}) from None


async def admin_token(request: web.Request, services: Services, action: str):
    """The request's token if it is an admin's; else the answer to send (401, or 403 audited)."""
    info = await _token(request, action)
    if isinstance(info, web.Response):
        return info
    if info.role != "admin":
        assert services.staff is not None
        await services.staff.audit(None, action, allowed=False, detail={"token": info.name, "role": info.role})
        return error(403, "forbidden", "Perlu token admin. / An admin token is required.")
    return info


def admin_route(action: str, store_of: Callable[[Services], Any],
                handler: Callable[[web.Request, Any, By], Awaitable[web.Response]],
                refusals: Mapping[type[Exception], Refused]) -> Route:
    """A route that checks the admin token, gives `handler` the store and who acts (`by`), and
    answers the store's refusals from `refusals` (the first class in the exception's MRO found)."""
    caught = tuple(refusals)

    async def route(request: web.Request) -> web.Response:
        services = services_of(request.app[APPLICATION])
        assert services.staff is not None  # made in Services.create
        info = await admin_token(request, services, action)
        if isinstance(info, web.Response):
            return info
        by = {"token": info.name, "via": "api"}
        try:
            return await handler(request, store_of(services), by)
        except BadFields as exc:
            return bad(exc.problems)
        except caught as exc:
            refused = next(refusals[k] for k in type(exc).__mro__ if k in refusals)
            if refused.audit is not None:
                target, detail = refused.audit(exc, request)
                await services.staff.audit(None, action, allowed=False, target=target, detail={**by, **detail})
            return refused.answer(exc, request)

    return route
