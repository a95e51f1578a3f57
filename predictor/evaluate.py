"""`evaluate`: replay a history day by day and score an estimator against the two baselines.

Queries: every ticket at the moment it enters a phase queue and every 10 minutes while it waits
(replay.queries), each answered from the snapshot of its queue at that moment. Advice: for the
query at entry to the ticket's first queue, the estimator's `advise` (come back in N minutes);
missed = called before that time; room wait = minutes from that time to the call.
"""
from __future__ import annotations

import numpy as np

from queue_core.rules import Rules
from queue_core.snapshot import ConfigMeanEstimator, RecentMeanEstimator, WaitEstimator

from .history import HistoryRow, days_of
from .replay import DayReplay, queries


def _r(x: float) -> float:
    return round(float(x), 2)


def score(actual: np.ndarray, preds: dict[str, np.ndarray], advice: np.ndarray, advice_actual: np.ndarray,
          margin: float, ranges: np.ndarray | None = None) -> dict:
    """The JSON object of history.md from arrays of actual and predicted minutes; `ranges` (n, 2):
    the "called between" range given with each advice, when the estimator gives one."""
    err = {k: np.abs(np.asarray(v) - actual) for k, v in preds.items()}
    ok = advice_actual >= advice
    room = advice_actual[ok] - advice[ok]
    extra = {}
    if ranges is not None and len(ranges):
        inside = (advice_actual >= ranges[:, 0]) & (advice_actual <= ranges[:, 1])
        extra = {"in_range_share": _r(inside.mean()), "called_after_range_share": _r((advice_actual > ranges[:, 1]).mean()),
                 "median_range_width_minutes": _r(np.median(ranges[:, 1] - ranges[:, 0]))}
    return {
        "n": int(len(actual)),
        "mae_minutes": {k: _r(e.mean()) if len(e) else None for k, e in err.items()},
        "p90_abs_error_minutes": {k: _r(np.percentile(e, 90)) if len(e) else None for k, e in err.items()},
        "advice": {
            "margin_minutes": _r(margin),
            "missed_share": _r(1 - ok.mean()) if len(ok) else None,
            "median_room_wait_minutes": _r(np.median(room)) if len(room) else None,
            **extra,
        },
    }


def evaluate_rows(rows: list[HistoryRow], settings: Rules, estimator, ranges: bool = False) -> dict:
    """Score `estimator` (name "model" in the output) and the baselines on every day of `rows`.
    `ranges`: also score the "called between" range of the advice (estimators with `windows`;
    outside history.md's JSON object, for bench/predictor.py)."""
    baselines: dict[str, WaitEstimator] = {"config_mean": ConfigMeanEstimator(), "recent_mean": RecentMeanEstimator()}
    actual, adv, adv_actual, spans = [], [], [], []
    windows = ranges and hasattr(estimator, "windows")
    preds: dict[str, list[float]] = {"model": [], "config_mean": [], "recent_mean": []}
    for day_rows in days_of(rows).values():
        replay = DayReplay(settings, day_rows)
        moments: dict = {}
        for q in queries(replay):
            moments.setdefault((q.key, q.t), []).append(q)
        for (key, t), qs in moments.items():
            snap = replay.snapshot(key, t)
            pos = {w.ticket: i for i, w in enumerate(snap.waiting)}
            est = {"model": estimator.estimate(snap)}
            est.update({k: b.estimate(snap) for k, b in baselines.items()})
            first = any(q.first for q in qs)
            wins = estimator.windows(snap) if first and windows else None
            advice = ([w.come_in for w in wins] if wins is not None else estimator.advise(snap)) if first else None
            for q in qs:
                i = pos.get(q.row.ticket)
                if i is None:
                    continue
                actual.append(q.actual_minutes)
                for k in preds:
                    preds[k].append(est[k][i])
                if q.first:
                    assert advice is not None  # some q in qs is first, so advise() was asked above
                    adv.append(advice[i])
                    adv_actual.append(q.actual_minutes)
                    if wins is not None:
                        spans.append((wins[i].low, wins[i].high))
    return score(np.asarray(actual), {k: np.asarray(v) for k, v in preds.items()}, np.asarray(adv),
                 np.asarray(adv_actual), settings.notifications.advice_margin_minutes,
                 np.asarray(spans).reshape(-1, 2) if windows else None)
