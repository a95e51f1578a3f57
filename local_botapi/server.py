"""The local Bot API server: Telegram's wire format over aiohttp, plus the chat page.

Routes:
  /bot<token>/<method>          Bot API methods (GET query, form, multipart or JSON bodies)
  /file/bot<token>/<file_path>  file downloads (what getFile's file_path points to)
  /local/...                    the user side, for the chat page and the test client (userapi.py)
  /                             the browser chat page
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

import aiohttp
from aiohttp import web

from .access import add_passcode_check
from .errors import ApiError
from .faults import Faults
from .guard import BadJson, quiet_bad_http, read_json
from .methods import METHODS
from .params import Params
from .ratelimit import FloodLimits
from .state import LOCAL_TOKEN, BotState
from .userapi import add_user_routes

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
_dumps = lambda obj: json.dumps(obj, ensure_ascii=False, separators=(",", ":"))  # noqa: E731


def reply(payload: dict, status: int = 200) -> web.Response:
    return web.Response(text=_dumps(payload), status=status, content_type="application/json")


async def read_params(request: web.Request) -> Params:
    values: dict = dict(request.query)
    files: dict[str, tuple[bytes, str, str]] = {}
    if request.method == "POST" and request.can_read_body:
        ctype = request.content_type
        if ctype == "application/json":
            try:
                body = await read_json(request, max_bytes=4 * 1024 * 1024, max_depth=64)
            except BadJson as exc:
                raise ApiError(exc.status, f"Bad Request: can't parse JSON ({exc.message})") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: request body must be a JSON object")
            values.update(body)
        elif ctype.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.filename is not None:
                    files[part.name] = (bytes(await part.read()), part.filename,
                                        part.headers.get("Content-Type", ""))
                else:
                    values[part.name] = await part.text()
        else:
            values.update(await request.post())
    return Params(values, files)


class LocalBotApi:
    """One bot's Bot API server. `await start()`, then point the bot at `base_url`."""

    def __init__(self, token: str = LOCAL_TOKEN, *, max_messages_per_second: float | None = 30,
                 max_messages_per_chat_per_second: float | None = 1, chat_burst: float = 3,
                 faults: Faults | None = None, passcode: str | None = None) -> None:
        """`passcode`: the chat page and /local/* need it (access.py); None: open, for loopback only."""
        self.state = BotState(token)
        self.passcode = passcode
        self.faults = faults or Faults()
        self.limits = FloodLimits(max_messages_per_second, max_messages_per_chat_per_second,
                                  chat_burst=chat_burst)
        self.poll_ticket = 0
        self._hook_task: asyncio.Task | None = None
        self._runner: web.AppRunner | None = None
        self.host = "127.0.0.1"
        self.port = 0
        self.app = self._make_app()

    # ------------------------------------------------------------------ addresses
    @property
    def root_url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """python-telegram-bot's base_url (the token is appended to it)."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.root_url}/file/bot"

    @property
    def page_url(self) -> str:
        return f"{self.root_url}/"

    # ------------------------------------------------------------------ lifecycle
    def _make_app(self) -> web.Application:
        quiet_bad_http()
        app = web.Application(client_max_size=50 * 1024 * 1024)
        add_passcode_check(app, self.passcode)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_get("/", self._page)
        app.router.add_static("/static/", STATIC)
        add_user_routes(app, self.state, self.faults)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> "LocalBotApi":
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host = host
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        log.info("local Bot API server at %s", self.root_url)
        return self

    async def stop(self) -> None:
        self.set_webhook("", "", 40)
        self.poll_ticket += 1
        self.state.updates_changed.notify()
        self.state.closing = True  # a chat page's long poll must not hold the shutdown for its 25 s
        for chat in self.state.chats.values():
            chat.changed.notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "LocalBotApi":
        return await self.start()

    async def __aexit__(self, *exc) -> None:
        await self.stop()

    # ------------------------------------------------------------------ bot side
    def new_poll_ticket(self) -> int:
        """A new getUpdates call ends any older one waiting (409 Conflict, as on Telegram)."""
        self.poll_ticket += 1
        self.state.updates_changed.notify()
        return self.poll_ticket

    async def _handle_method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.state.token:
            return reply({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        name = request.match_info["method"].lower()
        fn = METHODS.get(name)
        if fn is None:
            return reply({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        self.state.calls[name] += 1
        fault = self.faults.pick(name)
        if fault == "429":
            retry = self.faults.retry_after
            return reply({"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {retry}",
                          "parameters": {"retry_after": retry}}, 429)
        if fault == "500":
            return reply({"ok": False, "error_code": 500, "description": "Internal Server Error"}, 500)
        if fault == "stall":
            await asyncio.sleep(self.faults.stall_seconds)
            return reply({"ok": False, "error_code": 504, "description": "Gateway Timeout"}, 504)
        try:
            params = await read_params(request)
        except ConnectionResetError:  # the bot went away mid-request (killed): nothing was executed
            return reply({"ok": False, "error_code": 400, "description": "Bad Request: request body lost"}, 400)
        try:
            result = await fn(self, params)
        except ApiError as exc:
            if exc.code == 400:
                self.state.stats["400"] += 1
                self.state.recent_errors.append(f"{name}: {exc.description}")
            return reply(exc.payload(), exc.code)
        return reply({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.state.token:
            return reply({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        stored = self.state.file_by_path(request.match_info["path"])
        if stored is None:
            return reply({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")

    async def _page(self, request: web.Request) -> web.Response:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    # ------------------------------------------------------------------ webhook delivery
    def set_webhook(self, url: str, secret: str, max_connections: int) -> None:
        hook = self.state.webhook
        hook.url, hook.secret_token, hook.max_connections = url, secret, max_connections
        hook.last_error_date, hook.last_error_message = 0, ""
        if self._hook_task is not None:
            self._hook_task.cancel()
            self._hook_task = None
        if url:
            self._hook_task = asyncio.get_running_loop().create_task(self._deliver(url, secret))
        self.poll_ticket += 1  # a waiting getUpdates ends
        self.state.updates_changed.notify()

    async def _deliver(self, url: str, secret: str) -> None:
        """POST pending updates to the webhook in order; retry with backoff while it fails."""
        state, backoff = self.state, 0.2
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
            while True:
                updates = state.deliverable(1)
                if not updates:
                    await state.updates_changed.wait(30)
                    continue
                update = updates[0]
                try:
                    async with session.post(url, data=_dumps(update), headers={
                            **headers, "Content-Type": "application/json"}) as resp:
                        ok, why = 200 <= resp.status < 300, f"Wrong response from the webhook: {resp.status} {resp.reason}"
                except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
                    ok, why = False, f"Connection failed: {exc.__class__.__name__}"
                if ok:
                    state.confirm(update["update_id"] + 1)
                    backoff = 0.2
                    continue
                state.webhook.last_error_date, state.webhook.last_error_message = int(time.time()), why
                await asyncio.sleep(backoff)
                backoff = min(5.0, backoff * 2)
