"""The counter page and the kiosk page (issue 23): their files, and signing in on the counter page.

    GET  /counter, /kiosk                 the pages (routes/static/counter.html, kiosk.html)
    GET  /static/{file}                   their CSS and JS (only the files in routes/static/, by name)
    POST /api/counter/login               {"code": "123456"} from /kode in the chat -> a session token
    GET  /api/counter/session             staff token: who is signed in (the page's first question)
    POST /api/counter/logout              staff token: the page's session ends

The pages use the JSON API with `Authorization: Bearer <token>` (docs/api.md). A wrong, used or
expired code is a refusal like a bad token: 401, counted per client, 429 once rate limited.
"""
from __future__ import annotations

import re
from pathlib import Path

from aiohttp import web

from bot.services import services_of
from bot.web import APPLICATION, REFUSALS
from bot.webguard import refused
from local_botapi.guard import client_of
from queue_core.counter_login import CODE_DIGITS, CounterLogin, LoginRefused

from . import counter_input as check
from .counter_api import _allowed, _bad, _body

STATIC = Path(__file__).resolve().parent / "static"
_FILE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}\.(css|js)$")
TYPES = {"css": "text/css", "js": "application/javascript"}
HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache", "Referrer-Policy": "no-referrer"}


def _page(name: str):
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=(STATIC / name).read_text(encoding="utf-8"), content_type="text/html",
                            charset="utf-8", headers={**HEADERS, "X-Frame-Options": "DENY"})

    return handler


async def static_file(request: web.Request) -> web.Response:
    name = request.match_info["file"]
    path = STATIC / name
    if not _FILE.match(name) or not path.is_file():
        raise web.HTTPNotFound()
    return web.Response(text=path.read_text(encoding="utf-8"), content_type=TYPES[name.rsplit(".", 1)[1]],
                        charset="utf-8", headers=HEADERS)


def _login(request: web.Request) -> CounterLogin:
    services = services_of(request.app[APPLICATION])
    return CounterLogin(services.db, services.staff.clock)


def _bearer(request: web.Request) -> str:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else ""


async def login(request: web.Request) -> web.Response:
    services = services_of(request.app[APPLICATION])
    try:
        body = await _body(request)
        if not isinstance(body, dict):
            raise check.BadFields({"body": check.problem("type", "Isi permintaan harus objek JSON.",
                                                         "The body must be a JSON object.")})
        code = body.get("code")
        if not isinstance(code, str) or not re.fullmatch(rf"\d{{{CODE_DIGITS}}}", code.replace(" ", "")):
            raise check.BadFields({"code": check.problem(
                "code", f"Kode masuk berisi {CODE_DIGITS} angka (ketik /kode di chat bot).",
                f"The sign-in code has {CODE_DIGITS} digits (type /kode in the bot's chat).")})
    except check.BadFields as exc:
        return _bad(exc)

    async def role_of(user_id: int) -> str:
        return (await services.roles.role_of(user_id)).value

    refusals, client = request.app[REFUSALS], client_of(request)
    try:
        if refusals.limited(client):  # no more guesses: the code is not even looked at
            raise LoginRefused("rate_limited")
        session = await _login(request).redeem(code.replace(" ", ""), role_of)
    except LoginRefused as exc:
        wait = refusals.note(client, "counter_login", f"code {exc.reason}")
        return refused(401, wait, {"error": "unauthorized", "reason": exc.reason,
                                   "message": "Kode salah, sudah dipakai, atau sudah lewat waktunya. Minta kode "
                                              "baru dengan /kode. / Wrong, used or expired code: ask for a new one "
                                              "with /kode."})
    await services.staff.audit(session.telegram_id, "counter_login", target=session.name,
                               detail={"role": session.role, "via": "counter_page", "client": client_of(request)})
    return web.json_response({"token": session.token, "name": session.name, "role": session.role,
                              "expires_at": session.expires_at.isoformat(timespec="seconds")})


async def whoami(request: web.Request) -> web.Response:
    info = await _allowed(request, "counter_session")
    if isinstance(info, web.Response):
        return info
    return web.json_response({"name": info.name, "role": info.role})


async def logout(request: web.Request) -> web.Response:
    info = await _allowed(request, "counter_logout")
    if isinstance(info, web.Response):
        return info
    ended = await _login(request).sign_out(_bearer(request))
    await services_of(request.app[APPLICATION]).staff.audit(None, "counter_logout", target=info.name,
                                                             detail={"ended": ended})
    return web.json_response({"signed_out": ended})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/counter", _page("counter.html"))
    app.router.add_get("/kiosk", _page("kiosk.html"))
    app.router.add_get("/static/{file}", static_file)
    app.router.add_post("/api/counter/login", login)
    app.router.add_get("/api/counter/session", whoami)
    app.router.add_post("/api/counter/logout", logout)
