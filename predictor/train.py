"""`train`: history -> training set -> Keras model + scaler + metadata in a model directory."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import numpy as np

from queue_core.rules import Rules

from .evaluate import score
from .features import FeatureSpec
from .history import HistoryRow
from .model import HIDDEN, MEMBERS, MODEL_VERSION, QUANTILES, NumpyMLP, build_dataset, save_bundle, train_network

BASELINE_COLUMNS = {"config_mean": 2, "recent_mean": 3}   # waiting_features: p*cfg/c, p*recent/c


class TrainingError(ValueError):
    pass


def train_from_rows(rows: list[HistoryRow], settings: Rules, model_dir: str | Path, *,
                    now: dt.datetime | None = None, epochs: int = 60, hidden: tuple[int, ...] = HIDDEN,
                    members: int = MEMBERS, val_share: float = 0.15, seed: int = 0) -> dict:
    """Train on all but the last ~15 % of days, validate on those, save; return the metadata."""
    started = time.perf_counter()
    spec = FeatureSpec.from_settings(settings)
    data = build_dataset(rows, settings, spec)
    n_days = len(data.days)
    if n_days < 2 or int((~data.serving).sum()) < 50:
        raise TrainingError(f"not enough history to train: {n_days} day(s), {len(data.y)} examples")
    n_val = max(1, round(n_days * val_share))
    val = data.day >= n_days - n_val
    build_s = time.perf_counter() - started
    model, scaler, epochs_run = train_network(data.x[~val], data.y[~val], data.x[val], data.y[val],
                                              epochs=epochs, hidden=hidden, seed=seed, members=members)
    net = NumpyMLP.from_keras(model, scaler)
    metrics = validation_metrics(net, data.x[val], data.y[val], data.serving[val], data.first[val],
                                 settings.notifications.advice_margin_minutes)
    now = now or dt.datetime.now()
    meta = {
        "version": MODEL_VERSION,
        "trained_at": now.isoformat(timespec="seconds"),
        "data_range": {"first_day": data.days[0].isoformat(), "last_day": data.days[-1].isoformat(),
                       "days": n_days, "validation_days": n_val,
                       "validation_from": data.days[n_days - n_val].isoformat()},
        "examples": {"train": int((~val).sum()), "validation": int(val.sum())},
        "epochs": epochs_run,
        "hidden": list(hidden),
        "members": members,
        "quantiles": list(QUANTILES),
        "policy": {"name": spec.policy.name, "head_start_minutes": dict(spec.policy.head_start_minutes or {})},
        "features": spec.fingerprint(),
        "metrics": metrics,
        "seconds": {"dataset": round(build_s, 1), "total": round(time.perf_counter() - started, 1)},
    }
    save_bundle(Path(model_dir), model, scaler, meta)
    return meta


def validation_metrics(net: NumpyMLP, x: np.ndarray, y: np.ndarray, serving: np.ndarray, first: np.ndarray,
                       margin: float) -> dict:
    wait = ~serving
    pred = net(x)
    preds = {"model": pred[wait, 0]}
    preds.update({k: x[wait, col] for k, col in BASELINE_COLUMNS.items()})
    adv = np.maximum(0.0, np.minimum(pred[first, 0] - margin, pred[first, 1]))
    out = score(y[wait], preds, adv, y[first], margin)
    if serving.any():
        out["serving_mae_minutes"] = {"model": round(float(np.abs(pred[serving, 0] - y[serving]).mean()), 2),
                                      "recent_mean": round(float(np.abs(x[serving, 4] - y[serving]).mean()), 2)}
    return out
