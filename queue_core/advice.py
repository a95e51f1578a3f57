"""When to come: the call window of a waiting ticket and the time the patient is advised to be here.

Every estimator answers minutes until each ticket of a snapshot is called (`estimate`). The advice
needs more: a range and a low point. An estimator that knows its own spread (the model's quantiles)
offers `windows(snapshot)`; for the others the spread is the configured one below. docs/prediction.md
"When to come" says how each figure is made and why.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass
from typing import Any

from .snapshot import QueueSnapshot, positional_estimate

log = logging.getLogger(__name__)

SERVICE_CV = 0.5      # a service lasts its mean +- half of it (sd): the poli's spread, the widest phase
PACE_CV = 0.5         # the clinic's real pace is unknown to the configured means: +- half (sd) on the late side
Z_20, Z_90 = 0.84, 1.28  # the range shown: from the 20 % point to the 90 % point of a normal spread
MIN_SPREAD = 1.0      # minutes: walks to the room and no-shows move even the first call a little


@dataclass(frozen=True)
class CallWindow:
    """Minutes from the snapshot's moment: come in `come_in`; called around `median`, most likely
    between `low` and `high`."""

    come_in: float
    low: float
    median: float
    high: float


@dataclass(frozen=True)
class Advice:
    """What a patient is told about one ticket: be here at `come_at`; expected to be called between
    `called_from` and `called_to` (around `expected_at`). `source` names the estimator ("config":
    the configured durations, "model": the trained model)."""

    come_at: dt.datetime
    called_from: dt.datetime
    called_to: dt.datetime
    expected_at: dt.datetime
    source: str

    def as_payload(self) -> dict[str, str]:
        return {"come_at": _iso(self.come_at), "from": _iso(self.called_from), "to": _iso(self.called_to),
                "expected": _iso(self.expected_at), "source": self.source}

    @classmethod
    def from_payload(cls, payload: dict[str, Any] | None) -> Advice | None:
        if not payload:
            return None
        return cls(dt.datetime.fromisoformat(payload["come_at"]), dt.datetime.fromisoformat(payload["from"]),
                   dt.datetime.fromisoformat(payload["to"]), dt.datetime.fromisoformat(payload["expected"]),
                   str(payload.get("source", "?")))


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _floor_minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def _ceil_minute(moment: dt.datetime) -> dt.datetime:
    floor = _floor_minute(moment)
    return floor if floor == moment else floor + dt.timedelta(minutes=1)


def advice_at(now: dt.datetime, window: CallWindow, source: str) -> Advice:
    """The window as clock times: "come at" and the range's start rounded down to the minute (never
    later than the estimator said), its end rounded up; the range never starts before "come at"."""
    come = _floor_minute(now + dt.timedelta(minutes=window.come_in))
    start = max(_floor_minute(now + dt.timedelta(minutes=window.low)), come)
    end = max(_ceil_minute(now + dt.timedelta(minutes=window.high)), start)
    return Advice(come, start, end, now + dt.timedelta(minutes=window.median), source)


def spread_minutes(position: int, channels: int, mean: float) -> float:
    """sd of the time until the ticket at `position` is called when `channels` serve the queue:
    the p services ahead, shared by the channels, each +- SERVICE_CV of its mean."""
    return max(MIN_SPREAD, SERVICE_CV * mean * math.sqrt(max(position, 1)) / max(channels, 1))


def window_around(median: float, position: int, channels: int, mean: float, margin: float) -> CallWindow:
    """A window from a median and the configured spread. Early side: the services ahead running
    short (20 % point). Late side (90 % point): also the pace itself, which the configured means
    only guess (PACE_CV of the median), and patients of a higher level who join and go ahead.
    Come `margin` minutes before the median, or at the range's low end when that is earlier."""
    spread = spread_minutes(position, channels, mean)
    low = max(0.0, median - Z_20 * spread)
    high = median + Z_90 * math.hypot(spread, PACE_CV * median)
    return CallWindow(max(0.0, min(median - margin, low)), low, median, high)


class ConfiguredEstimator:
    """Estimates from config.yaml alone, for a clinic with no history (and whenever the model is not
    usable): the ticket's position under the queue's real ordering policy x the configured mean
    service time of the phase (the poli's per service) / the channels open for the queue (the
    configured ones until a channel has worked). Needs no ticket but the one asked about (its
    position says how many are ahead). Counting the services in progress as partly done ("channel
    free" slots) was tried and is worse: MAE 10.1 vs 9.3 min (docs/benchmarks.md "When to come")."""

    name = "config"
    needs_full_queue = False
    needs_queue_ahead = False
    needs_history = False

    def __init__(self, margin_minutes: float = 10.0) -> None:
        self.margin = margin_minutes

    def estimate(self, snapshot: QueueSnapshot) -> list[float]:
        return positional_estimate(snapshot, snapshot.config_mean_minutes)

    def windows(self, snapshot: QueueSnapshot) -> list[CallWindow]:
        mean, channels = snapshot.config_mean_minutes, snapshot.channels_open
        return [window_around(m, w.position, channels, mean, self.margin)
                for m, w in zip(positional_estimate(snapshot, mean), snapshot.waiting)]


def safe_windows(estimator: Any, snapshot: QueueSnapshot, margin: float) -> list[CallWindow]:
    """The estimator's windows (its own when it has `windows`, else its estimates with the configured
    spread); the configured estimator's when it fails (logged, never fatal)."""
    if not snapshot.waiting:
        return []
    try:
        if hasattr(estimator, "windows"):
            out = list(estimator.windows(snapshot))
        else:
            out = [window_around(float(m), w.position, snapshot.channels_open, snapshot.config_mean_minutes, margin)
                   for m, w in zip(estimator.estimate(snapshot), snapshot.waiting)]
        if len(out) == len(snapshot.waiting) and all(w.median >= 0 and w.come_in >= 0 for w in out):
            return out
        log.warning("estimator %s returned %d windows for %d tickets", getattr(estimator, "name", "?"), len(out),
                    len(snapshot.waiting))
    except Exception:  # noqa: BLE001 - a model failure must not stop the queue
        log.exception("estimator %s failed; using the configured durations", getattr(estimator, "name", "?"))
    return ConfiguredEstimator(margin).windows(snapshot)
