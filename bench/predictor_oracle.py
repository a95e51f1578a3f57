"""How good can any wait-time estimate be on the simulator? A Monte-Carlo oracle bound.

    python -m bench.predictor_oracle [--days 20] [--runs 21] [--every 10] [--model-dir DIR]

The oracle knows far more than a QueueSnapshot: the whole day's scenario (every future arrival
with its level and time, cancellations, when each channel opens, its speed on the day, its break).
It does not know the per-patient draws made by the simulator: service-time factor, walking time
and no-show of every service not started yet, nor how much longer a service in progress will
last. At each moment T of a grid it re-runs the day `--runs` times with those draws resampled
(services in progress: the lognormal conditioned on lasting longer than they already have; every
service started before T keeps its realised duration, so the day up to T is replayed exactly)
and predicts the median of the simulated call times. That median is the best MAE estimate given
the scenario, so its MAE is a lower bound (up to Monte-Carlo error, which only makes the oracle
worse) for every estimator that sees less, i.e. any estimator working from snapshots.

Queries: every ticket waiting in a phase queue at a grid moment T (every `--every` minutes) and
called later; config_mean / recent_mean (and the model, with --model-dir) are scored on the same
queries from the replay's snapshots at T.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from predictor.replay import DayReplay, key_for
from predictor.simulate import SERVICE_CV, SKIP_PROB, TRUE_BIAS, SimParams, _Day, clinic_days
from queue_core.policy import OrderingPolicy
from queue_core.snapshot import ConfigMeanEstimator, RecentMeanEstimator
from settings import load_settings

NORMAL = statistics.NormalDist()


def _day(settings, params, policy, day, seed) -> _Day:
    rng = random.Random(f"pusque-sim/{seed}/{day.isoformat()}/{params.load}")
    return _Day(settings, params, policy, day, rng)


def _patients(d: _Day) -> list:
    return [args[0] for _, _, kind, args in d.events if kind == "arrive"]


def _resample(d: _Day, real: dict, T: int, rng: random.Random) -> None:
    """Replace the draws of every service not started by T (see the module docstring)."""
    speed = {c.name: c.speed for c in d.channels}
    for p in _patients(d):
        for phase, (no_show, walk, _factor) in list(p.draws.items()):
            cv = SERVICE_CV.get(phase, 0.5)
            sigma = math.sqrt(math.log(1 + cv * cv))
            mu = -sigma * sigma / 2
            v = real.get((p.ticket, phase))
            if v is not None and v.called_at is not None and v.called_at <= T:
                if v.started_at is None or v.started_at > T or (v.finished_at or 0) <= T:
                    continue  # done, skipped, or walking to the room (keeps its draw: the oracle knows more)
                # in progress at T: duration conditioned on exceeding what has elapsed
                key = phase if phase != "poli" else p.service
                cfg = d.settings.phase_mean_minutes(phase, p.service)
                mean = cfg * TRUE_BIAS.get(key, 1.0) * speed[v.channel] * (1.5 if p.level == 0 else 1.0) * 60
                lo = (T - v.started_at) / mean
                u = NORMAL.cdf((math.log(max(lo, 1e-9)) - mu) / sigma)
                u = u + (1 - u) * rng.random()
                new = math.exp(mu + sigma * NORMAL.inv_cdf(min(max(u, 1e-12), 1 - 1e-12)))
                p.draws[phase] = (no_show, walk, max(new, lo))
                continue
            p.draws[phase] = (p.level != 0 and rng.random() < SKIP_PROB.get(phase, 0.03), rng.randint(15, 90),
                              rng.lognormvariate(mu, sigma))


def _calls(d: _Day) -> dict:
    d.run()
    return {(v.patient.ticket, v.phase): v.called_at for v in d.visits}


def oracle_day(settings, params, policy, day, seed, runs: int, every: int, rng: random.Random):
    """[(phase, ticket, T seconds, actual minutes, oracle minutes)] for one day."""
    base = _day(settings, params, policy, day, seed)
    base.run()
    real = {(v.patient.ticket, v.phase): v for v in base.visits}
    out = []
    first = min(v.entered_at for v in base.visits)
    for T in range(first - first % (every * 60) + every * 60, 17 * 3600, every * 60):
        waiting = [v for v in base.visits if v.entered_at <= T and v.called_at is not None and v.called_at > T]
        if not waiting:
            if T > max(v.entered_at for v in base.visits):
                break
            continue
        sims = []
        for _ in range(runs):
            d = _day(settings, params, policy, day, seed)
            d.setup()
            d.setup = lambda: None   # scenario already built; run() must not build it again
            _resample(d, real, T, rng)
            sims.append(_calls(d))
        for v in waiting:
            k = (v.patient.ticket, v.phase)
            guess = statistics.median(((s.get(k) or 17 * 3600) - T) / 60 for s in sims)
            out.append((v.phase, v.patient.ticket, T, (v.called_at - T) / 60, guess))
    return base, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--start", default="2026-06-01")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--every", type=int, default=10, help="grid step, minutes")
    ap.add_argument("--model-dir")
    ap.add_argument("--cache", help="JSON of the oracle's answers: written after simulating, read instead when present")
    args = ap.parse_args()
    settings = load_settings(env={})
    params = SimParams(start=dt.date.fromisoformat(args.start))
    policy = OrderingPolicy.from_config(settings.policy)
    ests = {"config_mean": ConfigMeanEstimator(), "recent_mean": RecentMeanEstimator()}
    if args.model_dir:
        from predictor.estimator import load_estimator
        ests["model"] = load_estimator(Path(args.model_dir), settings)
    rng = random.Random(12345)
    cache = json.loads(Path(args.cache).read_text()) if args.cache and Path(args.cache).exists() else None
    fresh: dict = {}
    rows, t0 = [], time.perf_counter()
    for day in clinic_days(settings, params.start, args.days):
        if cache is not None:
            base = _day(settings, params, policy, day, args.seed)
            base.run()
            out = [tuple(r) for r in cache[day.isoformat()]]
        else:
            base, out = oracle_day(settings, params, policy, day, args.seed, args.runs, args.every, rng)
            fresh[day.isoformat()] = out
        replay = DayReplay(settings, [base.row(v) for v in base.visits], policy)
        preds: dict = {}
        for phase, ticket, T, actual, guess in out:
            svc = next(v.service for v in base.visits if v.patient.ticket == ticket)
            key = key_for(replay.keys, phase, svc)
            if (key, T) not in preds:
                snap = replay.snapshot(key, base.at(T))
                preds[(key, T)] = ({w.ticket: i for i, w in enumerate(snap.waiting)},
                                   {k: e.estimate(snap) for k, e in ests.items()})
            pos, est = preds[(key, T)]
            i = pos[ticket]
            rows.append((phase, actual, guess, *(est[k][i] for k in ests)))
        print(f"{day}: {len(out)} queries, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.cache and cache is None:
        Path(args.cache).write_text(json.dumps(fresh))
    names = ["oracle", *ests]
    phases = np.array([r[0] for r in rows])
    actual = np.array([r[1] for r in rows])
    err = {k: np.abs(np.array([r[2 + j] for r in rows]) - actual) for j, k in enumerate(names)}
    result = {"n": len(rows), "runs": args.runs, "days": args.days,
              "mae_minutes": {k: round(float(e.mean()), 2) for k, e in err.items()},
              "by_phase": {p: {k: round(float(e[phases == p].mean()), 2) for k, e in err.items()}
                           for p in dict.fromkeys(phases)}}
    result["oracle_over_config_mean"] = round(result["mae_minutes"]["oracle"] / result["mae_minutes"]["config_mean"], 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
