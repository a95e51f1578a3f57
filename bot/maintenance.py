"""End of the clinic day: close the day, export its history, retrain the wait-time model.

Runs nightly from the job queue and on an admin's /retrain. The retrain runs in an executor
(TensorFlow is slow and blocking) and swaps the model only if it is better on recent days
(predictor.runtime.retrain); the queue then uses the new estimator without a restart.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

from queue_core.history import history_rows, write_csv

from .services import Services

log = logging.getLogger(__name__)
HISTORY_DAYS = 90
NIGHTLY_AT = dt.time(21, 0)


@dataclass
class MaintenanceReport:
    closed: int
    history_rows: int
    retrain: dict | None


async def end_of_day(services: Services, *, close: bool = True) -> MaintenanceReport:
    today = services.clock().date()
    closed = await services.queue.close_day(today) if close else 0
    rows = await history_rows(services.db, today - dt.timedelta(days=HISTORY_DAYS), today)
    path = services.settings.resolve(services.settings.model_dir).parent / "history.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_csv(rows, fh)
    report = None
    if services.predictor is not None:
        result = await asyncio.get_running_loop().run_in_executor(
            None, lambda: services.predictor.retrain(path, now=services.clock()))
        report = result.as_dict()
        if result.replaced and services.queue is not None:
            services.queue.estimator = services.predictor.estimator
        log.info("nightly retrain: %s", report.get("reason"))
    else:
        log.warning("no predictor loaded; history exported but no retrain")
    return MaintenanceReport(closed, len(rows), report)


def schedule(app, services: Services) -> None:
    """Every evening at NIGHTLY_AT clinic time."""
    if app.job_queue is None:
        log.warning("no job queue: the nightly close/export/retrain is not scheduled")
        return

    async def job(context) -> None:
        await end_of_day(services)

    app.job_queue.run_daily(job, NIGHTLY_AT.replace(tzinfo=services.settings.clinic.tz), name="end-of-day")
