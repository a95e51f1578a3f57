"""Who may use the chat page and the user API (/local/*) of the local server.

No passcode (the server listens on loopback only): anyone on this machine, as before.
With a passcode (any other address, e.g. 0.0.0.0 for phones on the clinic network): the page
and /local/* need it, given as the `X-PusQue-Passcode` header, the `pq_local` cookie (set by
the login form, or by opening `/?passcode=...`) or `?passcode=` on any /local/ address.
Wrong passcodes are rate limited per client address (429). The Bot API routes
(/bot<token>/..., /file/bot<token>/...) need the bot's token instead; /static/ is public.
"""
from __future__ import annotations

import hmac
import logging

from aiohttp import web

from .guard import ClientLimiter, client_of

log = logging.getLogger(__name__)
HEADER, COOKIE, QUERY = "X-PusQue-Passcode", "pq_local", "passcode"
_LOGIN = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>PusQue — kode akses</title></head>
<body style="font-family:sans-serif;max-width:22em;margin:3em auto">
<h2>PusQue</h2><p>Masukkan kode akses yang tercetak saat PusQue dijalankan.<br>
<small>Enter the passcode printed when PusQue started.</small></p>{error}
<form method="post" action="/login"><input name="passcode" autocomplete="off" autofocus required>
<button type="submit">Masuk / Enter</button></form></body></html>"""


def _to_page() -> web.Response:
    return web.Response(status=302, headers={"Location": "/"})


def _given(request: web.Request) -> str:
    return (request.headers.get(HEADER) or request.cookies.get(COOKIE) or request.query.get(QUERY) or "").strip()


def add_passcode_check(app: web.Application, passcode: str | None) -> None:
    """Install the check (a no-op without a passcode) and the login routes."""
    if not passcode:
        return
    wrong = ClientLimiter(rate=10 / 60, burst=10)

    def matches(given: str) -> bool:
        return hmac.compare_digest(given.upper().encode(), passcode.upper().encode())

    def refuse(request: web.Request, given: str) -> web.Response:
        wait = wrong.take(client_of(request)) if given else 0  # only guesses count
        if wait:
            return web.json_response({"ok": False, "error_code": 429, "description": "Too Many Requests",
                                      "parameters": {"retry_after": int(wait) + 1}},
                                     status=429, headers={"Retry-After": str(int(wait) + 1)})
        return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized: passcode required"},
                                 status=401)

    def cookie(response: web.StreamResponse, given: str) -> web.StreamResponse:
        response.set_cookie(COOKIE, given, httponly=True, samesite="Strict", max_age=7 * 24 * 3600)
        return response

    @web.middleware
    async def check(request: web.Request, handler):
        path = request.path
        if path == "/login" or path.startswith(("/static/", "/bot", "/file/bot")) or path == "/favicon.ico":
            return await handler(request)
        given = _given(request)
        if given and matches(given):
            if path == "/" and request.query.get(QUERY):  # the printed address: set the cookie, drop the code
                return cookie(_to_page(), given)
            return await handler(request)
        if path == "/":
            if given and wrong.take(client_of(request)):
                return web.Response(status=429, text="Terlalu banyak percobaan / Too many attempts")
            error = '<p style="color:#b00">Kode salah / Wrong passcode</p>' if given else ""
            return web.Response(text=_LOGIN.format(error=error), content_type="text/html", status=401)
        return refuse(request, given)

    async def login(request: web.Request) -> web.StreamResponse:
        form = await request.post()
        given = str(form.get(QUERY) or "").strip()[:64]
        if matches(given):
            return cookie(_to_page(), given)
        if wrong.take(client_of(request)):
            return web.Response(status=429, text="Terlalu banyak percobaan / Too many attempts")
        return web.Response(text=_LOGIN.format(error='<p style="color:#b00">Kode salah / Wrong passcode</p>'),
                            content_type="text/html", status=401)

    app.middlewares.insert(0, check)
    app.router.add_post("/login", login)
