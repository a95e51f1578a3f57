"""What the bot calls: the Predictor it holds, and the nightly / admin retrain.

    predictor = Predictor.load(settings)            # in an executor: imports TensorFlow if a model exists
    minutes = predictor.estimator.estimate(snapshot)  # one batch call per queue
    report = predictor.retrain(history_csv, now=now)  # in an executor; swaps the model only if better

Retrain: the last `recent_days` clinic days of the history are held out; a candidate is trained on
the days before them; candidate and current estimator (the current model, or the configured
durations when there is none) are both scored with `evaluate` on the held-out days; the candidate replaces the
current model (atomic directory swap) only when its MAE is lower. Caveat: the current model may
have been trained on some of the held-out days, which favours it: the swap is conservative.
"""
from __future__ import annotations

import datetime as dt
import logging
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from queue_core.rules import Rules

from .estimator import FallbackEstimator, ModelEstimator, default_model_dir, load_estimator
from .evaluate import evaluate_rows
from .history import HistoryRow, days_of, read_history
from .model import HIDDEN
from .train import TrainingError, train_from_rows

log = logging.getLogger(__name__)
SOURCES = {"config": "the configured durations", "model": "the model"}


@dataclass
class RetrainReport:
    replaced: bool
    reason: str
    candidate_mae: float | None = None
    current_mae: float | None = None
    current_name: str = ""
    holdout_days: list[str] = field(default_factory=list)
    seconds: float = 0.0
    candidate_metrics: dict | None = None
    current_metrics: dict | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def retrain(history: str | Path | list[HistoryRow], model_dir: str | Path, settings: Rules, *,
            now: dt.datetime | None = None, recent_days: int = 5, epochs: int = 60,
            current: ModelEstimator | FallbackEstimator | None = None,
            hidden: tuple[int, ...] | None = None) -> RetrainReport:
    """Train a candidate on a history; replace the model in `model_dir` only if better on recent days."""
    started = time.perf_counter()
    model_dir = Path(model_dir)
    rows = read_history(history) if isinstance(history, (str, Path)) else list(history)
    days = list(days_of(rows))
    if len(days) < recent_days + 3:
        return RetrainReport(False, f"need at least {recent_days + 3} days of history, have {len(days)}",
                             seconds=round(time.perf_counter() - started, 1))
    holdout = set(days[-recent_days:])
    train_rows = [r for r in rows if r.date not in holdout]
    test_rows = [r for r in rows if r.date in holdout]
    tmp = model_dir.with_name(model_dir.name + f".new-{int(time.time() * 1000)}")
    try:
        train_from_rows(train_rows, settings, tmp, now=now, epochs=epochs, hidden=hidden or HIDDEN)
    except TrainingError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        return RetrainReport(False, str(exc), seconds=round(time.perf_counter() - started, 1))
    candidate = load_estimator(tmp, settings)
    current = current or load_estimator(model_dir, settings)
    report = RetrainReport(False, "", holdout_days=[d.isoformat() for d in sorted(holdout)],
                           current_name=current.name)
    if not isinstance(candidate, ModelEstimator):
        report.reason = f"candidate not usable: {candidate.reason}"
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        cand_m = evaluate_rows(test_rows, settings, candidate)
        cur_m = evaluate_rows(test_rows, settings, current)
        report.candidate_metrics, report.current_metrics = cand_m, cur_m
        report.candidate_mae = cand_m["mae_minutes"]["model"]
        report.current_mae = cur_m["mae_minutes"]["model"]
        if report.candidate_mae < report.current_mae:
            _swap(tmp, model_dir)
            report.replaced = True
            report.reason = (f"candidate MAE {report.candidate_mae:.2f} < current ({current.name}) "
                             f"{report.current_mae:.2f} on the last {recent_days} days")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            report.reason = (f"kept current ({current.name}): candidate MAE {report.candidate_mae:.2f} "
                             f">= {report.current_mae:.2f} on the last {recent_days} days")
    report.seconds = round(time.perf_counter() - started, 1)
    log.info("retrain: %s", report.reason)
    return report


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new`; the old model is kept as `<target>.old` until the swap is done."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


class Predictor:
    """The one object the bot holds (created in post_init, closed in post_shutdown)."""

    def __init__(self, settings: Rules, model_dir: str | Path | None = None) -> None:
        self.settings = settings
        self.model_dir = Path(model_dir) if model_dir else default_model_dir(settings)
        self.estimator: ModelEstimator | FallbackEstimator = FallbackEstimator("not loaded yet",
                                                                               settings.notifications.advice_margin_minutes)
        self._lock = threading.Lock()

    @classmethod
    def load(cls, settings: Rules, model_dir: str | Path | None = None) -> "Predictor":
        p = cls(settings, model_dir)
        p.reload()
        return p

    def reload(self, why: str = "") -> None:
        """Load the model directory again; a change of source (configured durations <-> model) is
        logged in one line with its reason: estimates and advice change with it."""
        before = self.estimator
        self.estimator = load_estimator(self.model_dir, self.settings)
        if before.name != self.estimator.name:
            reason = "; ".join(r for r in (why, self.estimator.reason) if r)
            log.info("wait-time estimates switch from %s to %s: %s", SOURCES.get(before.name, before.name),
                     SOURCES.get(self.estimator.name, self.estimator.name), reason)

    def retrain(self, history: str | Path | list[HistoryRow], *, now: dt.datetime | None = None,
                recent_days: int = 5) -> RetrainReport:
        """Blocking (tens of seconds): run it in an executor. One retrain at a time."""
        if not self._lock.acquire(blocking=False):
            return RetrainReport(False, "a retrain is already running")
        try:
            report = retrain(history, self.model_dir, self.settings, now=now, recent_days=recent_days,
                             current=self.estimator)
            if report.replaced:
                self.reload(report.reason)
            return report
        finally:
            self._lock.release()

    def close(self) -> None:
        pass
