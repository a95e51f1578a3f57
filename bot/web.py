"""The bot's own web server (settings.web_host/web_port), started and stopped with the bot.

Its own routes: GET /health, and POST <webhook path> in webhook mode (Telegram's secret-token
check). The feature routes (display board, JSON API, /metrics: the `routes` package) are given to
it by the app that assembles the process, as `add_routes(app: web.Application)` callables; inside a
route, `request.app[APPLICATION]` is the PTB Application and `services_of(request.app[APPLICATION])`
the services container.
"""
from __future__ import annotations

import hmac
import logging
import time
from typing import Callable, Sequence

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from local_botapi.guard import BadJson, client_of, quiet_bad_http, read_json

from .webguard import Refusals, guard_middleware, refused

log = logging.getLogger(__name__)
APPLICATION = web.AppKey("application", Application)
REFUSALS = web.AppKey("refusals", Refusals)
BOARD_CLIENTS_KEY = web.AppKey("board_clients", object)  # set by routes/board.py: callable -> SSE clients
AddRoutes = Callable[[web.Application], None]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebServer:
    def __init__(self, application: Application, host: str, port: int, *, mode: str, routes: Sequence[AddRoutes] = (),
                 webhook_path: str | None = None, webhook_secret: str | None = None) -> None:
        self.application = application
        self.host, self.port, self.mode = host, port, mode
        self.webhook_path, self.webhook_secret = webhook_path, webhook_secret
        self.started_at = time.time()
        quiet_bad_http()
        self.app = web.Application(client_max_size=20 * 1024 * 1024, middlewares=[guard_middleware])
        self.app[APPLICATION] = application
        self.refusals = self.app[REFUSALS] = Refusals()
        self.app.router.add_get("/health", self._health)
        if webhook_path:
            self.app.router.add_post(webhook_path, self._webhook)
        for add_routes in routes:
            add_routes(self.app)
        self._runner: web.AppRunner | None = None

    @property
    def root_url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        log.info("web server at %s", self.root_url)
        self.refusals.start(self._staff)

    def _staff(self):
        from .services import services_of

        return services_of(self.application).staff

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            await self.refusals.stop(self._staff)

    async def _health(self, request: web.Request) -> web.Response:
        bot = self.application.bot
        return web.json_response({
            "status": "ok" if self.application.running else "starting",
            "mode": self.mode,
            "bot": bot.username if bot._bot_user else None,  # noqa: SLF001
            "uptime_seconds": round(time.time() - self.started_at, 1),
            "pending_updates": self.application.update_queue.qsize(),
        })

    async def _webhook(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not self.webhook_secret or not hmac.compare_digest(given.encode(), self.webhook_secret.encode()):
            wait = self.refusals.note(client_of(request), "webhook", "wrong secret token")
            return refused(403, wait, {"error": "wrong secret token"})
        try:
            data = await read_json(request, max_bytes=1024 * 1024, max_depth=64)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            update = Update.de_json(data, self.application.bot)
        except (BadJson, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            log.warning("webhook: a body that is not an update (%d bytes announced)", request.content_length or 0)
            return web.Response(status=400, text="not an update")
        await self.application.update_queue.put(update)
        return web.Response(status=200)
