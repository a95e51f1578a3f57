"""The waiting-room display: GET /board (page), GET /board/events (Server-Sent Events), GET /board/state.

One task per web server reads the board state (queue_core.staff_views.board_state: numbers only,
never names or NIK) every POLL seconds and pushes it to every connected screen when it changed,
so a call made from Telegram, the API, or another process shows within a second. A repeated
call (recall) changes the channel's call count, so it is announced again.
"""
from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

from aiohttp import web

from bot.services import services_of
from bot.web import APPLICATION, BOARD_CLIENTS_KEY
from queue_core.staff_views import board_state

log = logging.getLogger(__name__)
POLL = 0.25
KEEPALIVE = 15.0
PAGE = Path(__file__).resolve().parent / "static" / "board.html"


class BoardHub:
    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.clients: set[asyncio.Queue] = set()
        self.state: dict | None = None
        self.payload: str | None = None
        self._task: asyncio.Task | None = None

    async def read(self) -> dict | None:
        try:
            services = services_of(self.app[APPLICATION])
        except KeyError:
            return None
        if services.db is None:
            return None
        state = await board_state(services.db, services.settings)
        state["clinic"] = services.settings.clinic.name
        state["timezone"] = services.settings.clinic.timezone  # the board's clock is the clinic's
        return state

    async def run(self) -> None:
        while True:
            try:
                state = await self.read()
                if state is not None:
                    payload = json.dumps(state, ensure_ascii=False, sort_keys=True)
                    if payload != self.payload:
                        self.state, self.payload = state, payload
                        for q in list(self.clients):
                            q.put_nowait(payload)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the board must keep going
                log.exception("board state not read")
            await asyncio.sleep(POLL)

    async def start(self, app: web.Application) -> None:
        self._task = asyncio.create_task(self.run(), name="pusque-board")

    async def stop(self, app: web.Application) -> None:
        for q in list(self.clients):
            q.put_nowait(None)  # end the streams: shutdown does not wait for them
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass


HUB = web.AppKey("board_hub", BoardHub)


async def page(request: web.Request) -> web.Response:
    return web.Response(text=PAGE.read_text(encoding="utf-8"), content_type="text/html", charset="utf-8")


async def state(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    return web.json_response(hub.state or await hub.read() or {})


async def events(request: web.Request) -> web.StreamResponse:
    hub = request.app[HUB]
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                       "X-Accel-Buffering": "no"})
    await resp.prepare(request)
    queue: asyncio.Queue = asyncio.Queue()
    hub.clients.add(queue)
    try:
        first = json.dumps(await hub.read() or {}, ensure_ascii=False, sort_keys=True)  # fresh, not the last poll
        await resp.write(f"retry: 1000\ndata: {first}\n\n".encode())
        while True:
            try:
                payload = await asyncio.wait_for(queue.get(), KEEPALIVE)
                if payload is None:
                    break
                if payload == first:
                    continue
                first = payload
                await resp.write(f"data: {payload}\n\n".encode())
            except asyncio.TimeoutError:
                await resp.write(b": keepalive\n\n")
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        hub.clients.discard(queue)
    return resp


def add_routes(app: web.Application) -> None:
    hub = BoardHub(app)
    app[HUB] = hub
    app[BOARD_CLIENTS_KEY] = lambda: len(hub.clients)
    app.on_startup.append(hub.start)
    app.on_shutdown.append(hub.stop)
    app.router.add_get("/board", page)
    app.router.add_get("/display", page)
    app.router.add_get("/board/state", state)
    app.router.add_get("/board/events", events)

