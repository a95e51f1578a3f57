"""The estimators the bot holds: the model, or the configured durations until it is usable.

Both satisfy queue_core.snapshot.WaitEstimator (`name`, `estimate(snapshot)`) and add:
`windows(snapshot)` (queue_core.advice.CallWindow: come in, called between), `advise(snapshot)`
(minutes from now to tell each waiting patient to be back) and `remaining_service(snapshot)`
(minutes until each busy channel's service ends).
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from queue_core.advice import CallWindow, ConfiguredEstimator
from queue_core.rules import Rules
from queue_core.snapshot import QueueSnapshot
from settings import Settings

from .features import FeatureSpec, recent_mean, serving_features, waiting_features
from .model import MODEL_VERSION, NumpyMLP, load_bundle, read_metadata

log = logging.getLogger(__name__)


class ModelEstimator:
    name = "model"
    needs_full_queue = True  # features look behind each ticket (queue length, higher levels behind)

    def __init__(self, net: NumpyMLP, spec: FeatureSpec, metadata: dict, margin_minutes: float) -> None:
        self.net, self.spec, self.metadata, self.margin = net, spec, metadata, margin_minutes
        self.reason = "model loaded"

    def predict(self, snapshot: QueueSnapshot) -> np.ndarray:
        """(len(waiting), 2): median and low-quantile minutes until called, one batch call."""
        if not snapshot.waiting:
            return np.zeros((0, 2), dtype=np.float32)
        return self.net(waiting_features(self.spec, snapshot))

    def estimate(self, snapshot: QueueSnapshot) -> list[float]:
        return [float(v) for v in self.predict(snapshot)[:, 0]]

    def advise(self, snapshot: QueueSnapshot) -> list[float]:
        """Come back in: the earlier of (estimate - margin) and the low quantile, never < 0."""
        return [w.come_in for w in self.windows(snapshot)]

    def windows(self, snapshot: QueueSnapshot) -> list[CallWindow]:
        """From the low quantile (0.2) to as far above the median as that is below it: the model
        learns no high quantile, and waits spread about as much late as early (measured:
        docs/benchmarks.md "When to come")."""
        out = []
        for m, lo in self.predict(snapshot):
            median, low = max(float(m), 0.0), max(min(float(lo), float(m)), 0.0)
            out.append(CallWindow(max(0.0, min(median - self.margin, low)), low, median, median + (median - low)))
        return out

    def remaining_service(self, snapshot: QueueSnapshot) -> list[float]:
        if not snapshot.busy:
            return []
        return [float(v) for v in self.net(serving_features(self.spec, snapshot))[:, 0]]


class FallbackEstimator(ConfiguredEstimator):
    """The configured durations (queue_core.advice.ConfiguredEstimator), with the same extra
    methods as the model; `reason` says why the model is not used. Before this, the fallback was
    recent_mean, which is worse than the configured durations on every measure (docs/benchmarks.md)."""

    def __init__(self, reason: str, margin_minutes: float = 10.0, last_n: int = 10) -> None:
        super().__init__(margin_minutes)
        self.reason, self.last_n = reason, last_n

    def advise(self, snapshot: QueueSnapshot) -> list[float]:
        return [w.come_in for w in self.windows(snapshot)]

    def remaining_service(self, snapshot: QueueSnapshot) -> list[float]:
        mean = recent_mean(snapshot, self.last_n)
        return [max(mean - (snapshot.at - b.since).total_seconds() / 60, 0.15 * mean) for b in snapshot.busy]


def check_metadata(meta: dict, spec: FeatureSpec) -> str | None:
    """Why a saved model must not be used, or None when it is fine."""
    if meta.get("version") != MODEL_VERSION:
        return f"model version {meta.get('version')!r} is not {MODEL_VERSION}"
    if meta.get("features") != spec.fingerprint():
        return "the model was trained for other phases/services/features than config.yaml now has"
    mae = (meta.get("metrics") or {}).get("mae_minutes") or {}
    if "model" not in mae or "recent_mean" not in mae:
        return "the model's metadata has no validation metrics"
    for baseline in ("recent_mean", "config_mean"):
        if baseline in mae and mae["model"] > mae[baseline]:
            return f"the model's validation MAE {mae['model']:.1f} min is worse than {baseline} {mae[baseline]:.1f}"
    return None


def default_model_dir(settings: Rules) -> Path:
    """settings.model_dir, relative to the config file's folder: only the application's Settings has one."""
    if not isinstance(settings, Settings):
        raise TypeError("no model directory given, and these rules carry none (pass model_dir or a settings.Settings)")
    return settings.resolve(settings.model_dir)


def load_estimator(model_dir: str | Path | None, settings: Rules) -> ModelEstimator | FallbackEstimator:
    """The model in `model_dir` (default settings.model_dir) when present and good, else the
    configured durations.

    Never raises: any problem becomes a FallbackEstimator whose `reason` is logged. Imports
    TensorFlow when a model is present (~8 s): call it from an executor in the bot.
    """
    margin = settings.notifications.advice_margin_minutes
    model_dir = Path(model_dir) if model_dir else default_model_dir(settings)
    spec = FeatureSpec.from_settings(settings)
    try:
        if not (model_dir / "metadata.json").exists():
            raise FileNotFoundError(f"no model in {model_dir}")
        why = check_metadata(read_metadata(model_dir), spec)   # before paying for TensorFlow
        if why:
            raise ValueError(why)
        net, meta = load_bundle(model_dir)
        est = ModelEstimator(net, spec, meta, margin)
        mae = meta["metrics"]["mae_minutes"]
        days = (meta.get("data_range") or {}).get("days", "?")
        est.reason = (f"model trained on {days} clinic days, validation MAE {mae['model']:.1f} min "
                      f"(configured durations {mae.get('config_mean', float('nan')):.1f})")
        log.info("wait-time model loaded from %s (trained %s, MAE %.1f min)", model_dir, meta.get("trained_at"),
                 meta["metrics"]["mae_minutes"]["model"])
        return est
    except Exception as exc:  # noqa: BLE001 - any failure means: use the fallback, say why
        reason = f"{type(exc).__name__}: {exc}" if not isinstance(exc, (FileNotFoundError, ValueError)) else str(exc)
        log.warning("wait-time model not used, falling back to the configured durations: %s", reason)
        return FallbackEstimator(reason, margin)
