"""Feature vectors from a QueueSnapshot: one per waiting ticket, one per busy channel.

Only the snapshot is read (plus the config's channel counts and the ordering policy), so the live
queue and the replay give the model the same inputs. The strongest single feature is a
"channel-free" estimate: each busy channel frees up after the recent mean service time minus what
it has already spent, then every channel serves the queue in order at that mean; the ticket at
position p is called at the p-th free slot. The network learns the corrections: overtaking by
higher levels (including those still upstream), late channels, breaks, no-shows, time of day.
"""
from __future__ import annotations

import datetime as dt
import heapq
import math
from dataclasses import dataclass, field

import numpy as np

from queue_core.policy import OrderingPolicy
from queue_core.rules import Rules
from queue_core.snapshot import QueueSnapshot

FEATURE_VERSION = 2
RECENT_N = 10
N_WAITING = 19           # ticket-specific columns, incl. the level one-hot (busy-channel rows share them)
N_COMMON = 24            # queue-wide columns before the phase / service one-hots


@dataclass(frozen=True)
class FeatureSpec:
    phases: tuple[str, ...]
    services: tuple[str, ...]
    configured_channels: dict[tuple[str, str], int]
    policy: OrderingPolicy
    hours: dict = field(default_factory=dict)       # service -> OpeningHours (config)

    @classmethod
    def from_settings(cls, settings: Rules, policy: OrderingPolicy | None = None) -> "FeatureSpec":
        chans = {(p, s): len(settings.channels_for(p, s)) for p in settings.phases for s in settings.services}
        return cls(tuple(settings.phases), tuple(settings.services), chans,
                   policy or OrderingPolicy.from_config(settings.policy),
                   {code: svc.hours for code, svc in settings.services.items()})

    def minutes_to_close(self, snap: QueueSnapshot) -> float:
        """Minutes from snap.at until the queue's service stops taking patients today (the latest
        closing service for a shared loket/apotek queue); 0 when unknown or closed."""
        codes = [snap.service] if snap.phase == "poli" else list(self.hours)
        closes = []
        for code in codes:
            hours = self.hours.get(code)
            window = hours.window(snap.at.date()) if hours is not None else None
            if window:
                closes.append(dt.datetime.combine(snap.at.date(), window[1]))
        return max((c - snap.at).total_seconds() / 60 for c in closes) if closes else 0.0

    def fingerprint(self) -> dict:
        """What a saved model depends on; a model is not used when this changed."""
        return {"version": FEATURE_VERSION, "phases": list(self.phases), "services": list(self.services),
                "n_features": self.n_features}

    @property
    def n_features(self) -> int:
        return N_WAITING + N_COMMON + len(self.phases) + len(self.services)


def recent_mean(snapshot: QueueSnapshot, last_n: int = RECENT_N) -> float:
    recent = snapshot.recent_service_minutes[-last_n:]
    return sum(recent) / len(recent) if recent else snapshot.config_mean_minutes


def channel_free_estimates(snapshot: QueueSnapshot, mean: float) -> list[float]:
    """Minutes until positions 1..n are called if every channel serves at `mean` from now on."""
    at = snapshot.at
    c = max(snapshot.channels_open, 1)
    free = []
    for b in snapshot.busy[:c]:
        elapsed = (at - b.since).total_seconds() / 60
        free.append(max(mean - elapsed, 0.15 * mean))
    free.extend([0.0] * (c - len(free)))
    heapq.heapify(free)
    out = []
    for _ in snapshot.waiting:
        t = heapq.heappop(free)
        out.append(t)
        heapq.heappush(free, t + mean)
    return out


def overtake_window(policy: OrderingPolicy, own: int, by: int, waited: float) -> float:
    """Minutes during which a ticket of level `by` that joins the queue will still be placed ahead
    of a level-`own` ticket that has waited `waited` minutes (strict: capped at 60; fcfs: 0)."""
    if by >= own or policy.name == "fcfs":
        return 0.0
    if policy.name == "strict":
        return 60.0
    starts = policy.head_start_minutes or {}
    if by == 0:
        return 60.0
    return max(starts.get(by, 0.0) - starts.get(own, 0.0) - waited, 0.0)


def _common(spec: FeatureSpec, snap: QueueSnapshot) -> list[float]:
    mean_cfg = snap.config_mean_minutes
    recent = snap.recent_service_minutes[-RECENT_N:]
    mean_rec = recent_mean(snap)
    std = float(np.std(recent)) if len(recent) > 1 else 0.5 * mean_cfg
    hour = snap.at.hour + snap.at.minute / 60
    phase = [1.0 if snap.phase == p else 0.0 for p in spec.phases]
    shared = spec.configured_channels.get((snap.phase, snap.service), 1)
    svc_specific = sum(1 for s in spec.services if spec.configured_channels.get((snap.phase, s))) > 0 and snap.phase == "poli"
    service = [1.0 if svc_specific and snap.service == s else 0.0 for s in spec.services]
    return [
        mean_cfg, mean_rec, std, min(len(snap.recent_service_minutes), 20) / 20,
        float(snap.channels_open), float(shared), float(len(snap.busy)),
        float(max(snap.channels_open - len(snap.busy), 0)),
        float(snap.served_last_hour), hour - 9.0, float(snap.at.weekday() == 4 or snap.at.weekday() == 5),
        float(len(snap.waiting)), float(len(snap.upstream_levels)),
    ] + [float(sum(1 for u in snap.upstream_levels if u == k)) for k in range(4)] + [
        spec.minutes_to_close(snap),
    ] + [1.0 if snap.at.weekday() == k else 0.0 for k in range(6)] + phase + service


def waiting_features(spec: FeatureSpec, snap: QueueSnapshot) -> np.ndarray:
    """(len(snap.waiting), n_features) float32."""
    n = len(snap.waiting)
    if n == 0:
        return np.zeros((0, spec.n_features), dtype=np.float32)
    common = _common(spec, snap)
    rows = []
    max_overtake = {lvl: spec.policy.max_overtake_minutes(lvl) for lvl in range(4)}
    mean_rec = recent_mean(snap)
    c = max(snap.channels_open, 1)
    smart = channel_free_estimates(snap, mean_rec)
    up_by_level = [sum(1 for u in snap.upstream_levels if u == k) for k in range(4)]
    ahead = [0, 0, 0, 0]
    n_total_by_level = [0, 0, 0, 0]
    for w in snap.waiting:
        n_total_by_level[min(max(w.level, 0), 3)] += 1
    for i, w in enumerate(snap.waiting):
        lvl = min(max(w.level, 0), 3)
        waited = (snap.at - w.entered_at).total_seconds() / 60
        window = max(max_overtake[lvl] - waited, 0.0) if spec.policy.name == "head_start" else (
            60.0 if spec.policy.name == "strict" and lvl > 0 else 0.0)
        up_higher = sum(up_by_level[:lvl])
        behind_higher = sum(n_total_by_level[:lvl]) - sum(ahead[:lvl])
        p = w.position
        own = [1.0 if lvl == k else 0.0 for k in range(4)]
        row = [
            float(p), p / c, p * snap.config_mean_minutes / c, p * mean_rec / c, smart[i],
            math.log1p(smart[i]), waited, window, float(up_higher), float(behind_higher),
            float(ahead[0] + ahead[1]), float(ahead[2] + ahead[3]), 0.0, 0.0,
            overtake_window(spec.policy, lvl, 2, waited),
        ] + own + common
        rows.append(row)
        ahead[lvl] += 1
    return np.asarray(rows, dtype=np.float32)


def serving_features(spec: FeatureSpec, snap: QueueSnapshot) -> np.ndarray:
    """(len(snap.busy), n_features): the remaining service time of each busy channel."""
    n = len(snap.busy)
    out = np.zeros((n, spec.n_features), dtype=np.float32)
    if n == 0:
        return out
    common = _common(spec, snap)
    mean_rec = recent_mean(snap)
    for i, b in enumerate(snap.busy):
        elapsed = (snap.at - b.since).total_seconds() / 60
        rem = max(mean_rec - elapsed, 0.15 * mean_rec)
        row = [0.0, 0.0, 0.0, 0.0, rem, math.log1p(rem), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, elapsed, 0.0,
               0.0, 0.0, 0.0, 0.0] + common
        out[i, :] = row
    return out
