"""Composition root: the Application is built here once, from settings.

`build_application(settings, ...)` gives the texts to bot.i18n (app/tables.py), wires the rate
limiter (Telegram's limits, with retries: bot/ratelimit.py), the per-chat update processor, the
job queue, every feature's handlers (handlers/__init__.py) and the error handler; post_init
creates the services container, the notifier (with the renderers of app/tables.py) and the
repeating jobs, and publishes the menus; post_shutdown closes the services.
"""
from __future__ import annotations

import asyncio
import functools
import logging
from typing import Callable, Mapping

from telegram.ext import Application, ApplicationBuilder

import handlers
from bot import maintenance
from bot.context import CONTEXT_TYPES
from bot.leave_watch import INTERVAL_SECONDS, LeaveWatch
from bot.menu import COMMANDS_KEY, publish_all
from bot.notifier import Notifier, Renderer, schedule_poll
from bot.persistence import DbPersistence, flush_update
from bot.ratelimit import TelegramRateLimiter
from bot.services import SERVICES_KEY, Services, ServicesFactory
from bot.updates import PerChatUpdateProcessor
from handlers.patient_common import warm_up
from queue_core.patients import PatientRepository
from settings import Settings

from . import tables

log = logging.getLogger(__name__)
RATE_LIMIT_RETRIES = 3


async def _langs(services, user_ids) -> dict[int, str]:
    """The chosen language of each staff member and admin (their menus are published in it)."""
    if services.db is None:
        return {}
    repo = PatientRepository(services.db, services.clock)
    rows = [await repo.get_user(uid) for uid in user_ids]
    return {row.telegram_id: row.lang for row in rows if row is not None}


def build_application(
    settings: Settings,
    token: str,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    webhook: bool = False,
    services_factory: ServicesFactory | None = None,
    configure: Callable[[Application], None] | None = None,
    renderers: Mapping[str, Renderer] | None = None,
) -> Application:
    """Build (not start) the bot. `webhook=True` builds it without an Updater: updates then
    come from the web server's webhook route. `renderers`: the notifier's, app/tables.py's by default."""
    factory = services_factory or Services.create
    tables.use_texts()

    async def post_init(app: Application) -> None:
        services = await factory(settings)
        app.bot_data[SERVICES_KEY] = services
        persistence = app.persistence
        if isinstance(persistence, DbPersistence) and services.db is not None and services.db.url == persistence.database_url:
            own = persistence.share(services.db)  # one Database per process (bot/persistence.py)
            if own is not None:
                await own.dispose()
        if services.db is not None and services.outbox is not None:
            services.notifier = Notifier(app.bot, services.db, services.outbox, services.settings,
                                         tables.RENDERERS if renderers is None else renderers)
            services.db.on_insert_commit("outbox", services.notifier.wake)  # a notice goes out at its commit, not at a poll
            await services.notifier.start()
            services.on_close(services.notifier.stop)  # closers run in reverse: stops before the database
            if app.job_queue is not None:
                schedule_poll(app.job_queue, services.notifier)
            else:
                log.error("no job queue: notices that fall due later or come from a web worker wait for the next commit")
        if services.queue is not None:
            maintenance.schedule(app, services)
            services.leave_watch = LeaveWatch(services, services.extras.get("leave_watch_seconds", INTERVAL_SECONDS))
            if app.job_queue is not None:
                services.leave_watch.schedule(app.job_queue)
        warming = asyncio.create_task(warm_up(app), name="pusque-warm-up")

        async def stop_warming() -> None:
            warming.cancel()

        services.on_close(stop_warming)
        try:
            privileged = await services.roles.privileged()
            await publish_all(app.bot, privileged, app.bot_data[COMMANDS_KEY], await _langs(services, privileged))
        except Exception:  # noqa: BLE001 - a menu is not worth refusing to start over
            log.exception("publishing the command menus failed")

    async def post_shutdown(app: Application) -> None:
        services = app.bot_data.pop(SERVICES_KEY, None)
        if services is not None:
            await services.close()

    builder: ApplicationBuilder = (
        Application.builder()
        .token(token)
        .context_types(CONTEXT_TYPES)
        .rate_limiter(TelegramRateLimiter.from_settings(settings, max_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(PerChatUpdateProcessor(256))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .persistence(DbPersistence(settings.database_url))
        .connection_pool_size(64)
        .get_updates_connection_pool_size(2)
    )
    if base_url:
        builder = builder.base_url(base_url).base_file_url(base_file_url or base_url.replace("/bot", "/file/bot", 1))
    if webhook:
        builder = builder.updater(None)
    app = builder.build()
    if isinstance(app.update_processor, PerChatUpdateProcessor):
        app.update_processor.flush = functools.partial(flush_update, app)  # each step saved before the next
    app.bot_data[COMMANDS_KEY] = handlers.all_commands()
    handlers.register_all(app)
    if configure is not None:
        configure(app)
    return app
