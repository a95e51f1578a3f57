"""The look that writes the "time to leave now" notices when they fall due (queue_core/leave_ops.py).

One task in the bot process, next to the notifier: every `interval` seconds it asks the queue to
write the notices due at that moment (one short transaction; the notifier then sends them like any
other). A notice is due at a moment (the advised time minus the patient's trip), not at a queue
change, so something has to look; the state lives in the database, so a restart loses nothing.
"""
from __future__ import annotations

import asyncio
import logging

from .services import Services

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 20.0  # a "time to leave" at most this late: small beside a 5-60 minute trip


class LeaveWatch:
    def __init__(self, services: Services, interval: float = INTERVAL_SECONDS) -> None:
        self.services, self.interval = services, interval
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="pusque-leave-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def look(self) -> int:
        queue = self.services.queue
        written = await queue.send_leave_notices() if queue is not None else 0
        if written:
            log.info("time to leave now: %d notice(s) written", written)
            if self.services.notifier is not None:
                self.services.notifier.wake()
        return written

    async def _run(self) -> None:
        while True:
            try:
                await self.look()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the look must outlive a bad moment (database busy...)
                log.exception("leave-now look failed; trying again")
            await asyncio.sleep(self.interval)
