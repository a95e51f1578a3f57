"""The Keras model: training set from a history, training, saving and loading.

Two outputs per row, in minutes: the median (the estimate shown, and what MAE rewards) and a low
quantile (the "come back at" advice: it adapts the safety margin to how uncertain the estimate
is). Both are learnt with the pinball (quantile) loss. Rows are waiting tickets (target: minutes
until called) and busy channels (target: minutes until the service ends), flagged by a feature.

Files in the model directory: `model.keras`, `preprocess.joblib` (the StandardScaler),
`metadata.json` (version, trained_at, data range, sizes, metrics, feature fingerprint).
TensorFlow is imported only inside `train_network` and `load_bundle`; predictions run as a numpy
forward pass over the loaded weights (a batch of 100 in well under a millisecond).
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from queue_core.config import Settings

from .features import FeatureSpec, serving_features, waiting_features
from .history import HistoryRow, days_of
from .replay import DayReplay, queries

MODEL_VERSION = 1
TARGET_SCALE = 30.0          # minutes per network unit
QUANTILES = (0.5, 0.2)       # estimate, advice
MODEL_FILE, PREPROCESS_FILE, META_FILE = "model.keras", "preprocess.joblib", "metadata.json"


@dataclass
class Dataset:
    x: np.ndarray
    y: np.ndarray
    day: np.ndarray          # day index of each row (for a split by day)
    serving: np.ndarray      # bool: row is a busy channel
    first: np.ndarray        # bool: the advice moment (entry to the first queue)
    days: list[dt.date]


def build_dataset(rows: list[HistoryRow], settings: Settings, spec: FeatureSpec | None = None) -> Dataset:
    """Replay every day: one row per evaluation query, plus the busy channels seen at those moments."""
    spec = spec or FeatureSpec.from_settings(settings)
    xs, ys, ds, ss, fs = [], [], [], [], []
    days = days_of(rows)
    for di, (day, day_rows) in enumerate(days.items()):
        replay = DayReplay(settings, day_rows, spec.policy)
        by_moment: dict = {}
        for q in queries(replay):
            by_moment.setdefault((q.key, q.t), []).append(q)
        for (key, t), qs in by_moment.items():
            snap = replay.snapshot(key, t)
            pos = {w.ticket: i for i, w in enumerate(snap.waiting)}
            feats = waiting_features(spec, snap)
            for q in qs:
                i = pos.get(q.row.ticket)
                if i is None:
                    continue
                xs.append(feats[i]); ys.append(q.actual_minutes); ds.append(di); ss.append(False); fs.append(q.first)
            if snap.busy and qs[0].t == qs[0].row.entered_at:
                sf = serving_features(spec, snap)
                for j, b in enumerate(snap.busy):
                    r = replay.served.get((b.channel, b.since))
                    if r is not None and r.finished_at:
                        xs.append(sf[j]); ys.append((r.finished_at - t).total_seconds() / 60)
                        ds.append(di); ss.append(True); fs.append(False)
    n = spec.n_features
    return Dataset(
        np.asarray(xs, dtype=np.float32).reshape(-1, n), np.asarray(ys, dtype=np.float32),
        np.asarray(ds, dtype=np.int32), np.asarray(ss, dtype=bool), np.asarray(fs, dtype=bool), list(days),
    )


def train_network(x: np.ndarray, y: np.ndarray, x_val: np.ndarray | None = None, y_val: np.ndarray | None = None,
                  epochs: int = 60, hidden: tuple[int, ...] = (128, 64), seed: int = 0, verbose: int = 0):
    """Fit scaler + MLP with the pinball loss. Returns (keras_model, scaler, epochs_run)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras  # lazy: ~8 s
    from sklearn.preprocessing import StandardScaler

    keras.utils.set_random_seed(seed)
    scaler = StandardScaler().fit(x)
    taus = np.asarray(QUANTILES, dtype=np.float32)

    def pinball(y_true, y_pred):
        err = y_true - y_pred   # y_true (batch, 1) broadcast over quantiles
        return keras.ops.mean(keras.ops.maximum(taus * err, (taus - 1.0) * err))

    layers = [keras.Input((x.shape[1],))]
    layers += [keras.layers.Dense(h, activation="relu") for h in hidden]
    layers += [keras.layers.Dense(len(QUANTILES))]
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss=pinball)
    callbacks, val = [], None
    if x_val is not None and len(x_val):
        val = (scaler.transform(x_val), (y_val / TARGET_SCALE).reshape(-1, 1))
        callbacks.append(keras.callbacks.EarlyStopping(patience=8, restore_best_weights=True))
        callbacks.append(keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=3))
    hist = model.fit(scaler.transform(x), (y / TARGET_SCALE).reshape(-1, 1), epochs=epochs, batch_size=512,
                     validation_data=val, callbacks=callbacks, verbose=verbose, shuffle=True)
    return model, scaler, len(hist.history["loss"])


class NumpyMLP:
    """The trained network's forward pass in numpy: no TensorFlow call per prediction."""

    def __init__(self, weights: list[tuple[np.ndarray, np.ndarray, str]], mean: np.ndarray, scale: np.ndarray):
        self.weights, self.mean, self.scale = weights, mean.astype(np.float32), scale.astype(np.float32)

    @classmethod
    def from_keras(cls, model, scaler) -> "NumpyMLP":
        weights = []
        for layer in model.layers:
            k, b = layer.get_weights()
            weights.append((k.astype(np.float32), b.astype(np.float32), layer.get_config()["activation"]))
        scale = np.where(scaler.scale_ == 0, 1.0, scaler.scale_)
        return cls(weights, scaler.mean_, scale)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """(n, features) -> (n, len(QUANTILES)) minutes, >= 0."""
        h = (x - self.mean) / self.scale
        for k, b, act in self.weights:
            # einsum, not @: a single-threaded C loop. BLAS matmul wakes its thread pool, which on a
            # busy 2-core machine cost up to 35 ms per call (p99); this stays < 1 ms for 100 rows.
            h = np.einsum("ij,jk->ik", h, k) + b
            if act == "relu":
                h = np.maximum(h, 0.0)
        return np.maximum(h * TARGET_SCALE, 0.0)


def save_bundle(model_dir: Path, model, scaler, meta: dict) -> None:
    import joblib

    model_dir.mkdir(parents=True, exist_ok=True)
    model.save(model_dir / MODEL_FILE)
    joblib.dump(scaler, model_dir / PREPROCESS_FILE)
    (model_dir / META_FILE).write_text(json.dumps(meta, indent=2, default=str), encoding="utf-8")


def read_metadata(model_dir: Path) -> dict:
    return json.loads((Path(model_dir) / META_FILE).read_text(encoding="utf-8"))


def load_bundle(model_dir: Path) -> tuple[NumpyMLP, dict]:
    """Load model + scaler + metadata; raises on any missing or unreadable file."""
    import joblib

    model_dir = Path(model_dir)
    meta = read_metadata(model_dir)
    scaler = joblib.load(model_dir / PREPROCESS_FILE)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras  # lazy

    model = keras.models.load_model(model_dir / MODEL_FILE, compile=False)
    return NumpyMLP.from_keras(model, scaler), meta
