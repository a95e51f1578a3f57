"""A web/API-only PusQue process on the shared database: no Telegram, no notifier.

    python -m app.web_worker [--config PATH] [--host HOST] [--port N]

Serves exactly the routes of the bot's own web server (bot/web.py and routes/: /health, the JSON API with
staff tokens, /metrics, the display board) from the same services: Database, QueueService,
StaffStore, OutboxRepository. Run as many as you like next to ONE bot process, all with the same
`database.url` (or PUSQUE_DATABASE_URL) pointing at PostgreSQL; see docs/scaling.md.

What it deliberately does not do:
- poll Telegram or send anything: a call made here writes its "called"/"turn near" notices to the
  outbox in the same transaction, and the bot's notifier (the only one that should run) sends them
  within its poll interval. Outbox claims use FOR UPDATE SKIP LOCKED, so a second notifier would
  not double-send, but it would split Telegram's per-token rate budget.
- run migrations or `outbox.recover()`: recover() turns every 'sending' row back to 'pending',
  which is right after the bot itself restarts but would make the bot's notifier send its
  in-flight notices twice if a worker did it. Start the bot first: it migrates the database.
- load the wait-time model (TensorFlow): estimates use the queue's default estimator.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from types import SimpleNamespace

from bot.services import SERVICES_KEY, Services
from bot.web import WebServer
from routes import ROUTES
from settings import ConfigError, Settings, load_settings

from . import tables

log = logging.getLogger(__name__)


class WorkerApplication:
    """The few attributes of a PTB Application that the web routes read."""

    def __init__(self, services: Services) -> None:
        self.bot_data = {SERVICES_KEY: services}
        self.update_queue: asyncio.Queue = asyncio.Queue()
        self.running = True
        self.bot = SimpleNamespace(username=None, _bot_user=None)


async def create_services(settings: Settings) -> Services:
    return await Services.create(settings, primary=False)


class WebWorker:
    def __init__(self, settings: Settings, host: str | None = None, port: int | None = None) -> None:
        self.settings = settings
        self.host = host or settings.web_host
        self.port = settings.web_port if port is None else port
        self.services: Services | None = None
        self.web: WebServer | None = None

    async def start(self) -> "WebWorker":
        tables.use_texts()  # the counter API's words for a field it refuses (routes/counter_input.py)
        self.services = await create_services(self.settings)
        try:
            self.web = WebServer(WorkerApplication(self.services), self.host, self.port, mode="web-worker", routes=ROUTES)  # type: ignore[arg-type]
            await self.web.start()
        except BaseException:
            await self.services.close()
            raise
        return self

    async def stop(self) -> None:
        if self.web is not None:
            await self.web.stop()
            self.web = None
        if self.services is not None:
            await self.services.close()
            self.services = None


async def serve(worker: WebWorker) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await worker.start()
    try:
        print(f"PusQue web worker: {worker.web.root_url}/health", flush=True)
        await stop.wait()
    finally:
        await worker.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="config file (default: config.yaml of the project)")
    parser.add_argument("--host", help="listen address (default: web.host of the config)")
    parser.add_argument("--port", type=int, help="listen port, 0 = any free one (default: web.port of the config)")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(serve(WebWorker(settings, args.host, args.port)))
    except OSError as exc:
        print(f"Could not start: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
