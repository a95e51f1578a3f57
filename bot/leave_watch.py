"""The look that writes the "time to leave now" notices when they fall due (queue_core/leave_ops.py).

A repeating job of PTB's JobQueue in the bot process: every `interval` seconds it asks the queue to
write the notices due at that moment (one short transaction; the notifier then sends them like any
other). A notice is due at a moment (the advised time minus the patient's trip), not at a queue
change, so something has to look; the state lives in the database, so a restart loses nothing.
"""
from __future__ import annotations

import logging
from typing import Any

from .services import Services

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 20.0  # a "time to leave" at most this late: small beside a 5-60 minute trip


class LeaveWatch:
    def __init__(self, services: Services, interval: float = INTERVAL_SECONDS) -> None:
        self.services, self.interval = services, interval

    def schedule(self, job_queue: Any) -> None:
        """Look at once when the job queue starts, then every `interval` seconds."""
        job_queue.run_repeating(self._job, interval=self.interval, first=0.0, name="leave-watch",
                                job_kwargs={"misfire_grace_time": None, "coalesce": True})

    async def look(self) -> int:
        queue = self.services.queue
        written = await queue.send_leave_notices() if queue is not None else 0
        if written:
            log.info("time to leave now: %d notice(s) written", written)
            if self.services.notifier is not None:
                self.services.notifier.wake()
        return written

    async def _job(self, context: Any) -> None:
        try:
            await self.look()
        except Exception:  # noqa: BLE001 - the look must outlive a bad moment (database busy...)
            log.exception("leave-now look failed; trying again at the next interval")
