"""Run modes: one object that starts and stops everything a running PusQue needs.

    local        no token: the project's local Bot API server + the bot polling it + web server
    telegram     a token: the bot polls api.telegram.org
    self-hosted  --base-url: the bot polls that Bot API server (with the token, or the local
                 server's token when none is set)
    + webhook    --webhook URL: no polling; the bot sets the webhook and the web server receives
                 updates at the URL's path, checking Telegram's secret-token header

run_bot.py is a thin command line over `PusQue`; the e2e harness (tests/e2e/harness.py) starts
the same object on free ports.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
import signal
from typing import Callable, Mapping
from urllib.parse import urlparse

from telegram.ext import Application

from bot.notifier import Renderer
from bot.services import ServicesFactory
from bot.web import WebServer
from local_botapi import LocalBotApi
from local_botapi.guard import installation_token, is_loopback, new_passcode
from routes import ROUTES
from settings import Settings

from .application import build_application

log = logging.getLogger(__name__)
AUTO_WEBHOOK_PATH = "/telegram/webhook"


class PusQue:
    """A running PusQue: `await start()`, `await stop()` (or `async with`)."""

    def __init__(self, settings: Settings, *, base_url: str | None = None, webhook_url: str | None = None,
                 services_factory: ServicesFactory | None = None,
                 configure: Callable[[Application], None] | None = None,
                 botapi_options: dict | None = None, renderers: Mapping[str, Renderer] | None = None) -> None:
        """`webhook_url="auto"` serves the webhook at this web server's own address (local use)."""
        self.settings = settings
        self.token = settings.telegram_token
        self.base_url = base_url or settings.telegram_base_url
        self.mode = "local" if not self.token and not self.base_url else ("self-hosted" if self.base_url else "telegram")
        self.webhook_url = webhook_url
        self.webhook_secret = secrets.token_urlsafe(32) if webhook_url else None
        self.services_factory, self.configure, self.renderers = services_factory, configure, renderers
        self.botapi_options = botapi_options or {}
        self.passcode: str | None = None  # local mode off loopback: the chat page's passcode
        self.botapi: LocalBotApi | None = None
        self.application: Application | None = None
        self.web: WebServer | None = None
        self._started: list[Callable] = []

    @property
    def page_url(self) -> str | None:
        """The chat page's address; with a passcode in it when one is needed (it sets a cookie)."""
        if self.botapi is None:
            return None
        return self.botapi.page_url + (f"?passcode={self.passcode}" if self.passcode else "")

    def local_token(self) -> str:
        """This installation's local Bot API token (random, made once, kept in local_mode.token_file)."""
        return installation_token(self.settings.resolve(self.settings.local_token_file))

    async def start(self) -> "PusQue":
        s = self.settings
        try:
            if self.mode == "local":
                s = self.settings = s.with_local_demo_roles()
                options = dict(max_messages_per_second=s.max_messages_per_second,
                               max_messages_per_chat_per_second=s.max_messages_per_chat_per_second)
                options.update(self.botapi_options)
                if not is_loopback(s.web_host):
                    self.passcode = s.local_passcode or new_passcode()
                self.botapi = LocalBotApi(self.local_token(), passcode=self.passcode, **options)
                self.botapi.state.role_ids = {"admin": sorted(s.admin_ids), "staff": sorted(s.staff_ids - s.admin_ids)}
                await self.botapi.start(s.web_host, s.botapi_port)
                self._started.append(self.botapi.stop)
                self.base_url = self.botapi.base_url
            app = self.application = build_application(
                s, self.token or (self.botapi.state.token if self.botapi else self.local_token()), base_url=self.base_url, webhook=bool(self.webhook_url),
                services_factory=self.services_factory, configure=self.configure, renderers=self.renderers)
            await app.initialize()

            async def shutdown() -> None:
                await app.shutdown()
                await app.post_shutdown(app)

            self._started.append(shutdown)
            await app.post_init(app)
            path = AUTO_WEBHOOK_PATH if self.webhook_url == "auto" else (
                urlparse(self.webhook_url).path or "/" if self.webhook_url else None)
            self.web = WebServer(app, s.web_host, s.web_port, mode=self.mode + ("+webhook" if self.webhook_url else ""), routes=ROUTES,
                                 webhook_path=path, webhook_secret=self.webhook_secret)
            await app.start()
            self._started.append(app.stop)
            await self.web.start()
            self._started.append(self.web.stop)
            if self.webhook_url:
                url = self.web.root_url + AUTO_WEBHOOK_PATH if self.webhook_url == "auto" else self.webhook_url
                await app.bot.set_webhook(url, secret_token=self.webhook_secret)
                log.info("webhook set to %s", url)
            else:
                await app.updater.start_polling(error_callback=self._polling_error)
                self._started.append(app.updater.stop)
        except BaseException:
            await self.stop()
            raise
        return self

    @staticmethod
    def _polling_error(exc: Exception) -> None:
        log.warning("getUpdates failed (will retry): %s", exc)

    async def stop(self) -> None:
        """Stop in reverse order of start; safe to call twice or after a failed start."""
        while self._started:
            step = self._started.pop()
            try:
                await step()
            except Exception:  # noqa: BLE001
                log.exception("stopping %s failed", getattr(step, "__qualname__", step))

    async def __aenter__(self) -> "PusQue":
        return await self.start()

    async def __aexit__(self, *exc) -> None:
        await self.stop()


async def serve(pusque: PusQue, announce: Callable[[str], None] = print) -> None:
    """Start, announce the addresses, run until SIGINT/SIGTERM, stop cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await pusque.start()
    try:
        if pusque.page_url:
            announce(f"PusQue local mode: open the chat page at {pusque.page_url}")
        else:
            announce(f"PusQue running ({pusque.mode}{', webhook' if pusque.webhook_url else ', long polling'})")
        announce(f"Health: {pusque.web.root_url}/health")
        for line in reach_lines(pusque):
            announce(line)
        await stop.wait()
        log.info("stopping")
    finally:
        await pusque.stop()


def reach_lines(pusque: PusQue) -> list[str]:
    """Who can reach what, said at start-up (docs/security.md); off-loopback lines also go to the log."""
    s, lines = pusque.settings, []
    where = "this machine only" if is_loopback(s.web_host) else f"anyone who can reach {s.web_host or '*'} (the network)"
    lines.append(f"Web server (board, public API, /metrics; staff API needs a pq_ token): {where}")
    if pusque.webhook_url:
        lines.append("Webhook: only calls with Telegram's secret token header are accepted")
    if pusque.botapi is not None:
        if pusque.passcode:
            lines.append(f"Chat page and /local/* API: {where}, with the passcode {pusque.passcode} "
                         "(whoever has it can act as any user, staff or admin of the page)")
            lines.append("Phones on the same network: this machine's LAN address, same port, then the passcode.")
            log.warning("local mode listens on %s, not loopback: the chat page needs the passcode", s.web_host or "*")
        else:
            lines.append("Chat page and /local/* API: this machine only, no passcode")
        lines.append("Local Bot API token: random for this installation, kept in "
                     f"{s.resolve(s.local_token_file)}")
    return lines
