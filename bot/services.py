"""The services container: one instance per running bot, created in post_init, closed in
post_shutdown, reached from handlers with `services_of(context)`.

To add a service (QueueService, FaqMatcher, KtpReader, WaitEstimator...): add a field, create it
in `Services.create` (register its close with `self.on_close`), and use it from a handler as
`services_of(context).queue`. Tests pass their own factory (harness `services_factory=`).
"""
from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from queue_core.clock import CallableClock
from queue_core.counter_catalog import CounterCatalog, counter_seed, with_counters
from queue_core.outbox import OutboxRepository
from queue_core.rules import Channel, Service
from queue_core.service import QueueService
from queue_core.service_catalog import ServiceCatalog, with_services
from queue_core.staff import StaffStore
from settings import Settings
from storage.db import Database

from .dbwatch import DbWatch
from .roles import RoleResolver

log = logging.getLogger(__name__)
SERVICES_KEY = "services"
# How often a process reads the services again, for changes made in another process (a web worker
# beside the bot, docs/scaling.md); the process that makes a change applies it at once.
SERVICES_POLL_SECONDS = 5.0


def clinic_clock(settings: Settings) -> Callable[[], dt.datetime]:
    """Naive local clinic time (docs/conventions.md: time is injected)."""
    tz = settings.clinic.tz
    return lambda: dt.datetime.now(tz).replace(tzinfo=None)


@dataclass
class Services:
    settings: Settings
    roles: RoleResolver
    clock: Callable[[], dt.datetime]
    db: Database | None = None
    queue: QueueService | None = None
    outbox: OutboxRepository | None = None
    staff: StaffStore | None = None  # invite-claimed roles, remembered channels, audit log, API tokens
    catalog: ServiceCatalog | None = None  # the services (poli), kept in the database
    counters: CounterCatalog | None = None  # the counters and rooms (the queue's channels), in the database
    predictor: Any = None  # predictor.Predictor once loaded in the background
    notifier: Any = None   # bot.notifier.Notifier, started in post_init once the bot exists
    db_watch: Any = None   # bot.dbwatch.DbWatch: slow statements and database errors, for /metrics
    leave_watch: Any = None  # bot.leave_watch.LeaveWatch: writes the "time to leave now" notices when due
    extras: dict[str, Any] = field(default_factory=dict)  # for tests and experiments
    _closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list, repr=False)

    @classmethod
    async def create(cls, settings: Settings, *, clock: Callable[[], dt.datetime] | None = None,
                     primary: bool = True) -> "Services":
        """The bot's services. `primary=False` (a web worker beside the bot) skips what only the one
        bot process may do: applying migrations, recovering the outbox (which would resend the bot's
        in-flight notices) and loading the wait-time model."""
        services = cls(settings=settings, roles=RoleResolver.from_settings(settings),
                       clock=clock or clinic_clock(settings))
        services.db = Database(settings.database_url)
        services.db_watch = DbWatch(services.db.engine)
        services.on_close(services.db.dispose)
        if primary:
            await services.db.upgrade()
        queue_clock = CallableClock(services.clock)
        services.catalog = ServiceCatalog(services.db, queue_clock, lambda: services.settings, services.apply_services)
        loaded, seeded = await services.catalog.load(settings.services if primary else None)
        if loaded is not None:
            services.settings = settings = with_services(settings, loaded)
        if seeded:
            log.info("services: the database had none; %d written from %s (from now on the database wins)",
                     seeded, settings.path.name)
        elif loaded is not None:
            log.info("services: %d active from the database (config.yaml's services only seed an empty database)",
                     len(loaded))
        services.counters = CounterCatalog(services.db, queue_clock, lambda: services.settings, services.apply_counters)
        counters, written = await services.counters.load(counter_seed(settings) if primary else None)
        if counters is not None:
            services.settings = settings = with_counters(settings, counters)
        if written:
            log.info("counters: %d written from %s, which had never seeded them (from now on the database wins)",
                     written, settings.path.name)
        elif counters is not None:
            log.info("counters: %d active from the database (config.yaml's channels only seed it once)", len(counters))
        services.queue = QueueService(services.db, settings, queue_clock)
        await services.queue.ensure_channels()
        services._follow_services_in_background()
        services.outbox = OutboxRepository(services.db, queue_clock)
        services.staff = StaffStore(services.db, queue_clock)
        services.roles.attach(services.staff)
        if primary:
            recovered = await services.outbox.recover()
            if recovered:
                log.warning("%d notices claimed by a previous run were not confirmed; sending them again", recovered)
            services._load_predictor_in_background()
        return services

    async def apply_services(self, active: dict[str, Service]) -> None:
        """The catalog changed: every holder of the rules sees the new services at once."""
        self.apply_settings(with_services(self.settings, active))
        assert self.queue is not None
        await self.queue.ensure_channels()  # a new service's rooms

    async def apply_counters(self, active: tuple[Channel, ...]) -> None:
        """The counters changed: /call, the staff keyboard, the counter page and the board serve
        the new channels at once."""
        self.apply_settings(with_counters(self.settings, active))
        assert self.queue is not None
        await self.queue.ensure_channels()  # a new counter's state row

    def apply_settings(self, fresh: Settings) -> None:
        """Every holder of the settings sees the new ones (queue policy, roles, notifier texts,
        FAQ answers, which read `services.settings` on each answer)."""
        from queue_core.policy import OrderingPolicy

        self.settings = fresh
        self.roles.reload(fresh)
        if self.queue is not None:
            self.queue.settings = fresh
            self.queue.policy = OrderingPolicy.from_config(fresh.policy)
        if self.notifier is not None:
            self.notifier.settings = fresh

    def _follow_services_in_background(self) -> None:
        async def follow() -> None:
            assert self.catalog is not None
            while True:
                await asyncio.sleep(SERVICES_POLL_SECONDS)
                try:
                    loaded, _ = await self.catalog.load(None)
                    if loaded is not None and loaded != self.settings.services:
                        log.info("services changed in another process: %d active now", len(loaded))
                        await self.apply_services(loaded)
                    counters = await self.counters.load(None) if self.counters is not None else (None, 0)
                    if counters[0] is not None and with_counters(self.settings, counters[0]).channels != self.settings.channels:
                        log.info("counters changed in another process: %d active now", len(counters[0]))
                        await self.apply_counters(counters[0])
                except Exception:  # noqa: BLE001 - a database hiccup: the next round tries again
                    log.exception("reading the services again failed")

        task = asyncio.get_running_loop().create_task(follow())
        self.on_close(lambda: cancel_and_wait(task))

    def _load_predictor_in_background(self) -> None:
        """The wait-time model loads off the event loop (TensorFlow takes seconds to import);
        until it is ready, and whenever it is absent or not good enough, the queue uses the configured
        durations (queue_core.advice.ConfiguredEstimator)."""
        loop = asyncio.get_running_loop()

        def load():
            from predictor import Predictor

            return Predictor.load(self.settings, self.settings.resolve(self.settings.model_dir))

        def done(future: asyncio.Future) -> None:
            if future.cancelled() or future.exception() is not None:
                log.error("wait-time model not loaded: %s", None if future.cancelled() else future.exception())
                return
            self.predictor = future.result()
            if self.queue is not None:
                self.queue.estimator = self.predictor.estimator
            log.info("wait-time estimator: %s", getattr(self.predictor.estimator, "name", "?"))

        task = loop.run_in_executor(None, load)
        task.add_done_callback(done)

        async def cancel() -> None:
            task.cancel()

        self.on_close(cancel)

    def on_close(self, closer: Callable[[], Awaitable[None]]) -> None:
        self._closers.append(closer)

    async def close(self) -> None:
        """Close in reverse order of creation; one failing close does not stop the others."""
        while self._closers:
            closer = self._closers.pop()
            try:
                await closer()
            except Exception:  # noqa: BLE001
                log.exception("closing a service failed")


ServicesFactory = Callable[[Settings], Awaitable[Services]]


async def cancel_and_wait(task: asyncio.Future | None) -> None:
    """Stop a background task and wait until it has stopped."""
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def services_of(context: Any) -> Services:
    """The container from a handler's context (or an Application)."""
    app = getattr(context, "application", context)
    return app.bot_data[SERVICES_KEY]
