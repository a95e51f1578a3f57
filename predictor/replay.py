"""Rebuild QueueSnapshot objects from a history at any moment t, using only what was known at t.

A row's fields are read only when their time is <= t: a ticket is waiting at t if it entered by t
and was neither called nor cancelled by t; a channel is busy if its service started by t and had
not finished by t. `outcome` is never read (it is recorded at the end). So a snapshot at t is the
same whether or not the rows' later fields exist (tests/predictor/test_replay.py checks it).

Known approximations, shared by every estimator compared: channels_open is the number of this
queue's channels that started a service in the last 45 minutes or are busy (the configured number
when none has yet); a called patient walking to the room is neither waiting nor busy for that
minute; a skipped patient's channel looks free while staff wait for them.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from queue_core.policy import OrderingPolicy, order
from queue_core.rules import Rules
from queue_core.snapshot import BusyChannel, QueueSnapshot, WaitingTicket

from .history import HistoryRow

ACTIVE_WINDOW = dt.timedelta(minutes=45)
RECENT_KEEP = 20


@dataclass(frozen=True)
class QueueKey:
    phase: str
    services: frozenset[str]
    channels: frozenset[str]

    @property
    def service(self) -> str:
        return min(self.services)


def queue_keys(settings: Rules) -> list[QueueKey]:
    """The phase queues: services of a phase served by the same channels share one queue."""
    keys: list[QueueKey] = []
    for phase in settings.phases:
        groups: dict[frozenset[str], set[str]] = {}
        for code, svc in settings.services.items():
            if phase in svc.route:
                chans = frozenset(c.name for c in settings.channels_for(phase, code))
                groups.setdefault(chans, set()).add(code)
        for chans, services in groups.items():
            keys.append(QueueKey(phase, frozenset(services), chans))
    return keys


def key_for(keys: list[QueueKey], phase: str, service: str) -> QueueKey:
    for k in keys:
        if k.phase == phase and service in k.services:
            return k
    raise KeyError((phase, service))


@dataclass
class DayReplay:
    """One clinic day's rows, indexed by queue, ready for snapshots at any t."""

    settings: Rules
    rows: list[HistoryRow]
    policy: OrderingPolicy | None = None
    keys: list[QueueKey] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.policy = self.policy or OrderingPolicy.from_config(self.settings.policy)
        self.keys = self.keys or queue_keys(self.settings)
        self.by_queue: dict[QueueKey, list[HistoryRow]] = {k: [] for k in self.keys}
        for r in self.rows:
            try:
                self.by_queue[key_for(self.keys, r.phase, r.service)].append(r)
            except KeyError:
                continue  # a phase or service no longer in config
        # queue -> (finished_at, minutes of service) of its served rows, in finishing order
        self._finished: dict[QueueKey, tuple[list[dt.datetime], list[float]]] = {}
        for k, rows in self.by_queue.items():
            done = sorted(((r.finished_at, (r.finished_at - r.started_at).total_seconds() / 60)
                           for r in rows if r.finished_at and r.started_at and r.called_at),
                          key=lambda d: d[0])
            self._finished[k] = ([f for f, _ in done], [m for _, m in done])
        self._upstream: dict[QueueKey, list[HistoryRow]] = {}
        for k in self.keys:
            self._upstream[k] = [r for r in self.rows if r.service in k.services and self._before(r, k.phase)]
        # (channel, started_at) -> the row served: the serving targets of training
        self.served: dict[tuple[str, dt.datetime], HistoryRow] = {
            (r.channel, r.started_at): r for r in self.rows if r.started_at and r.channel
        }

    def _before(self, r: HistoryRow, phase: str) -> bool:
        route = self.settings.services[r.service].route
        return r.phase in route and phase in route and route.index(r.phase) < route.index(phase)

    def snapshot(self, key: QueueKey, t: dt.datetime) -> QueueSnapshot:
        rows = self.by_queue[key]
        waiting = [
            r for r in rows
            if r.entered_at <= t
            and not (r.called_at and r.called_at <= t)
            and not (r.finished_at and r.finished_at <= t)
        ]
        assert self.policy is not None  # set in __post_init__
        waiting = order(waiting, self.policy, ident=lambda r: r.ticket)
        busy, active = [], set()
        for r in rows:
            if r.started_at and r.started_at <= t and r.channel in key.channels:
                if not (r.finished_at and r.finished_at <= t):
                    busy.append(BusyChannel(r.channel, r.service, r.started_at))
                    active.add(r.channel)
                elif t - r.started_at <= ACTIVE_WINDOW:
                    active.add(r.channel)
        busy.sort(key=lambda b: b.channel)
        times, minutes = self._finished[key]
        hi = bisect.bisect_right(times, t)
        recent = tuple(minutes[max(0, hi - RECENT_KEEP):hi])
        lo_hour = bisect.bisect_right(times, t - dt.timedelta(hours=1))
        upstream = tuple(sorted(
            r.level for r in self._upstream[key]
            if r.entered_at <= t
            and not (r.finished_at and r.finished_at <= t)
            and not (r.called_at and r.called_at <= t and not (r.started_at and r.started_at <= t))
        ))
        return QueueSnapshot(
            at=t,
            phase=key.phase,
            service=key.service,
            channels_open=len(active) if active else len(key.channels),
            busy=tuple(busy),
            waiting=tuple(
                WaitingTicket(r.ticket, r.service, r.level, r.conditions, r.age, r.entered_at, i)
                for i, r in enumerate(waiting, start=1)
            ),
            config_mean_minutes=self.settings.phase_mean_minutes(key.phase, key.service),
            recent_service_minutes=recent,
            served_last_hour=hi - lo_hour,
            upstream_levels=upstream,
        )


QUERY_EVERY = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Query:
    """One prediction the evaluation asks for: ticket `row` waiting in `key` at `t`."""

    key: QueueKey
    t: dt.datetime
    row: HistoryRow
    first: bool            # at entry to the ticket's first queue (the advice moment)

    @property
    def actual_minutes(self) -> float:
        if self.row.called_at is None:
            raise ValueError(f"ticket {self.row.ticket} was never called: no actual wait")
        return (self.row.called_at - self.t).total_seconds() / 60


def queries(replay: DayReplay) -> list[Query]:
    """At entry to each phase queue and every 10 minutes while waiting, for tickets later called."""
    out: list[Query] = []
    for key, rows in replay.by_queue.items():
        for r in rows:
            if r.called_at is None or r.called_at < r.entered_at:
                continue
            first = r.phase == replay.settings.services[r.service].route[0]
            t = r.entered_at
            while t < r.called_at or t == r.entered_at:
                out.append(Query(key, t, r, first and t == r.entered_at))
                t += QUERY_EVERY
    return out
