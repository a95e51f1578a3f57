"""The services container: one instance per running bot, created in post_init, closed in
post_shutdown, reached from handlers with `services_of(context)`.

To add a service (QueueService, FaqMatcher, KtpReader, WaitEstimator...): add a field, create it
in `Services.create` (register its close with `self.on_close`), and use it from a handler as
`services_of(context).queue`. Tests pass their own factory (harness `services_factory=`).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from queue_core.config import Settings

from .roles import RoleResolver

log = logging.getLogger(__name__)
SERVICES_KEY = "services"


def clinic_clock(settings: Settings) -> Callable[[], dt.datetime]:
    """Naive local clinic time (docs/conventions.md: time is injected)."""
    tz = settings.clinic.tz
    return lambda: dt.datetime.now(tz).replace(tzinfo=None)


@dataclass
class Services:
    settings: Settings
    roles: RoleResolver
    clock: Callable[[], dt.datetime]
    extras: dict[str, Any] = field(default_factory=dict)  # for tests and experiments
    _closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list, repr=False)

    @classmethod
    async def create(cls, settings: Settings, *, clock: Callable[[], dt.datetime] | None = None) -> "Services":
        services = cls(settings=settings, roles=RoleResolver.from_settings(settings),
                       clock=clock or clinic_clock(settings))
        # Later: services.queue = await QueueService.open(settings, clock); services.on_close(services.queue.close)
        return services

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


def services_of(context: Any) -> Services:
    """The container from a handler's context (or an Application)."""
    app = getattr(context, "application", context)
    return app.bot_data[SERVICES_KEY]
