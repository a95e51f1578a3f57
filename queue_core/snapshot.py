"""What a wait-time estimator may see of one phase queue at one moment.

The live queue (queue_core.service), the history replay (predictor evaluate) and the simulator
all build these same objects, so an estimator never sees anything recorded after `at`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol, Sequence


@dataclass(frozen=True)
class WaitingTicket:
    ticket: str              # "A-007"
    service: str             # "A"
    level: int               # 0..3
    conditions: tuple[str, ...]
    age: int | None
    entered_at: dt.datetime  # entered this phase queue
    position: int            # 1 = next to be called


@dataclass(frozen=True)
class BusyChannel:
    channel: str
    service: str             # service of the ticket being served
    since: dt.datetime       # when that service started


@dataclass(frozen=True)
class QueueSnapshot:
    at: dt.datetime
    phase: str
    service: str             # the service whose queue this is (loket/apotek queues are shared)
    channels_open: int       # channels serving this queue now (not paused)
    busy: tuple[BusyChannel, ...]
    waiting: tuple[WaitingTicket, ...]   # in calling order
    config_mean_minutes: float           # configured mean service time for this phase/service
    recent_service_minutes: tuple[float, ...] = field(default=())  # last services finished before `at`, newest last
    served_last_hour: int = 0
    # levels of this queue's tickets still in an earlier phase of their route (waiting or served
    # there): they join soon and may overtake low levels (the predictor's). Empty when unknown.
    upstream_levels: tuple[int, ...] = field(default=())


class WaitEstimator(Protocol):
    """Minutes until each waiting ticket is called, in the snapshot's order.

    `needs_full_queue` (default True when absent): whether an estimate for position p needs the
    tickets behind p too. Positional formulas do not, so the live queue reads only the head.
    `needs_queue_ahead` (default True when absent): whether it needs the tickets ahead of p at
    all; when False, one ticket's estimate is asked with a snapshot holding that ticket alone
    (with its real position), so a ticket's view costs the same at any queue length.
    """

    name: str

    def estimate(self, snapshot: QueueSnapshot) -> Sequence[float]: ...


def positional_estimate(snapshot: QueueSnapshot, mean_minutes: float) -> list[float]:
    """position x mean service time / channels: the baseline formula of history.md."""
    channels = max(snapshot.channels_open, 1)
    return [w.position * mean_minutes / channels for w in snapshot.waiting]


def needs_full_queue(estimator: object) -> bool:
    return bool(getattr(estimator, "needs_full_queue", True))


def needs_queue_ahead(estimator: object) -> bool:
    return needs_full_queue(estimator) or bool(getattr(estimator, "needs_queue_ahead", True))


def needs_history(estimator: object) -> bool:
    """Whether it reads the recent services, the last hour's count and the upstream levels (default
    True when absent); when False the live queue leaves them empty and does not read them."""
    return bool(getattr(estimator, "needs_history", True))


class ConfigMeanEstimator:
    name = "config_mean"
    needs_full_queue = False
    needs_queue_ahead = False
    needs_history = False

    def estimate(self, snapshot: QueueSnapshot) -> list[float]:
        return positional_estimate(snapshot, snapshot.config_mean_minutes)


class RecentMeanEstimator:
    """The same formula with the mean of recent finished services (config mean until there are some)."""

    name = "recent_mean"
    needs_full_queue = False
    needs_queue_ahead = False

    def __init__(self, last_n: int = 10) -> None:
        self.last_n = last_n

    def estimate(self, snapshot: QueueSnapshot) -> list[float]:
        recent = snapshot.recent_service_minutes[-self.last_n:]
        mean = sum(recent) / len(recent) if recent else snapshot.config_mean_minutes
        return positional_estimate(snapshot, mean)
