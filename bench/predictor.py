"""Wait-time model: training time, accuracy on unseen simulated days, batch-100 latency.

    python -m bench.predictor [--quick]

Simulates TRAIN (60 days, seed 1) and TEST (20 days from 2026-06-01, seed 2) histories, trains
with `python -m predictor train`'s code path, evaluates like `python -m predictor evaluate`, then
times `estimate()` on one snapshot with 100 waiting tickets (features + forward pass, one call).
"When to come": the advice given at entry to the first queue, by the configured durations (a new
clinic, no history) and by the model: share called before the advised time, median minutes in the
waiting room, share called inside the "dipanggil A-B" range. `--cold-only`: no training, the
configured durations alone (seconds instead of minutes).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from predictor.estimator import FallbackEstimator, load_estimator
from predictor.evaluate import evaluate_rows
from predictor.simulate import SimParams, simulate
from predictor.train import train_from_rows
from queue_core.snapshot import BusyChannel, QueueSnapshot, RecentMeanEstimator, WaitingTicket
from settings import load_settings


def snapshot_100() -> QueueSnapshot:
    t = dt.datetime(2026, 6, 1, 8, 30)
    return QueueSnapshot(
        at=t, phase="poli", service="A", channels_open=2,
        busy=(BusyChannel("Ruang 1", "A", t - dt.timedelta(minutes=5)), BusyChannel("Ruang 2", "A", t)),
        waiting=tuple(WaitingTicket(f"A-{i:03d}", "A", (1, 3, 3, 2)[i % 4], (), 40, t - dt.timedelta(minutes=100 - i), i)
                      for i in range(1, 101)),
        config_mean_minutes=12.0, recent_service_minutes=tuple(10.0 + (i % 5) for i in range(20)),
        served_last_hour=9, upstream_levels=(1, 3, 3, 3),
    )


def latency_ms(est, snap, runs=300) -> tuple[float, float]:
    for _ in range(20):
        est.estimate(snap)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        est.estimate(snap)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * len(times))]


def print_advice(name: str, result: dict) -> None:
    a = result["advice"]
    print(f"when to come, {name}: MAE {result['mae_minutes']['model']:.2f} min; called before the advised time "
          f"{100 * a['missed_share']:.1f} %; median in the waiting room {a['median_room_wait_minutes']:.1f} min; "
          f"called inside the range {100 * a.get('in_range_share', float('nan')):.0f} %, after it "
          f"{100 * a.get('called_after_range_share', float('nan')):.0f} % (median width "
          f"{a.get('median_range_width_minutes', float('nan')):.0f} min)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10 train / 5 test days, 5 epochs")
    ap.add_argument("--cold-only", action="store_true", help="the configured durations' advice only, no training")
    args = ap.parse_args()
    settings = load_settings(env={})
    n_train, n_test, epochs = (10, 5, 5) if args.quick else (60, 20, 60)
    train = simulate(settings, n_train, seed=1)
    test = simulate(settings, n_test, seed=2, params=SimParams(start=dt.date(2026, 6, 1)))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"train: {n_train} days, {len(train)} rows; test: {n_test} unseen days, {len(test)} rows")
    cold = evaluate_rows(test, settings, FallbackEstimator("no history", settings.notifications.advice_margin_minutes),
                         ranges=True)
    print("configured durations (cold start) on unseen days:", json.dumps(cold))
    print_advice("configured durations", cold)
    if args.cold_only:
        return
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        meta = train_from_rows(train, settings, Path(d) / "model", epochs=epochs)
        print(f"training: {time.perf_counter() - t0:.1f} s wall (dataset {meta['seconds']['dataset']} s, "
              f"{meta['epochs']} epochs, {meta['examples']['train']} examples; includes the TensorFlow import)")
        t0 = time.perf_counter()
        est = load_estimator(Path(d) / "model", settings)
        print(f"load_estimator: {time.perf_counter() - t0:.1f} s ({est.name}; {est.reason})")
        print("validation (last training days):", json.dumps(meta["metrics"]))
        result = evaluate_rows(test, settings, est, ranges=True)
        print("evaluate on unseen days:", json.dumps(result))
        print_advice("model", result)
        mae = result["mae_minutes"]
        print(f"model / recent_mean = {mae['model'] / mae['recent_mean']:.2f} (target <= 0.8); "
              f"model / config_mean = {mae['model'] / mae['config_mean']:.2f} (target <= 0.5)")
        snap = snapshot_100()
        med, p99 = latency_ms(est, snap)
        print(f"estimate() batch of 100, model: median {med:.2f} ms, p99 {p99:.2f} ms (target <= 20 ms)")
        med, p99 = latency_ms(RecentMeanEstimator(), snap)
        print(f"estimate() batch of 100, recent_mean: median {med:.3f} ms, p99 {p99:.3f} ms")


if __name__ == "__main__":
    main()
