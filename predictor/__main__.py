"""python -m predictor train|evaluate|simulate (docs/history.md)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from settings import load_settings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m predictor", description="PusQue wait-time predictor")
    ap.add_argument("--config", help="config.yaml (default: the project's)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train a model on a history CSV")
    t.add_argument("--history", required=True)
    t.add_argument("--model-dir", required=True)
    t.add_argument("--epochs", type=int, default=60)
    e = sub.add_parser("evaluate", help="replay a history CSV; print one JSON object")
    e.add_argument("--history", required=True)
    e.add_argument("--model-dir", required=True)
    s = sub.add_parser("simulate", help="write a simulated history CSV")
    s.add_argument("--days", type=int, required=True)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--load", type=float, default=1.0, help="arrivals x this factor (default 1.0)")
    s.add_argument("--policy", help="fcfs | strict | head_start | head_start:45,20,0 (default: config)")
    s.add_argument("--start", help="first day YYYY-MM-DD (default 2026-01-05)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings(args.config)

    if args.cmd == "simulate":
        import datetime as dt

        from .history import write_history
        from .simulate import DEFAULT_START, SimParams, parse_policy, simulate

        params = SimParams(load=args.load, policy=parse_policy(args.policy, settings),
                           start=dt.date.fromisoformat(args.start) if args.start else DEFAULT_START)
        rows = simulate(settings, args.days, args.seed, params)
        write_history(rows, args.out)
        print(json.dumps({"rows": len(rows), "days": args.days, "out": args.out}), file=sys.stderr)
        return 0

    from .history import read_history

    rows = read_history(args.history)
    if args.cmd == "train":
        from .train import train_from_rows

        meta = train_from_rows(rows, settings, Path(args.model_dir), epochs=args.epochs)
        print(json.dumps(meta))
        return 0

    from .estimator import load_estimator
    from .evaluate import evaluate_rows

    estimator = load_estimator(args.model_dir, settings)
    if estimator.name != "model":
        print(f"no usable model ({estimator.reason}); 'model' below is the configured durations (queue_core.advice)", file=sys.stderr)
    print(json.dumps(evaluate_rows(rows, settings, estimator)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
