"""The baselines of history.md and the feature vectors."""
import datetime as dt

import numpy as np

from predictor.estimator import FallbackEstimator
from predictor.features import FeatureSpec, channel_free_estimates, serving_features, waiting_features
from queue_core.snapshot import BusyChannel, ConfigMeanEstimator, QueueSnapshot, RecentMeanEstimator, WaitingTicket

T = dt.datetime(2026, 1, 5, 9, 0)


def _snap(n=4, channels=2, recent=(10.0, 14.0), busy=1):
    return QueueSnapshot(
        at=T, phase="poli", service="A", channels_open=channels,
        busy=tuple(BusyChannel(f"Ruang {i + 1}", "A", T - dt.timedelta(minutes=4)) for i in range(busy)),
        waiting=tuple(WaitingTicket(f"A-{i:03d}", "A", 3, (), 30, T - dt.timedelta(minutes=i), i) for i in range(1, n + 1)),
        config_mean_minutes=12.0, recent_service_minutes=recent, served_last_hour=3, upstream_levels=(1, 3),
    )


def test_config_mean_is_position_times_mean_over_channels():
    assert ConfigMeanEstimator().estimate(_snap()) == [6.0, 12.0, 18.0, 24.0]


def test_recent_mean_uses_recent_services_else_config():
    assert RecentMeanEstimator().estimate(_snap()) == [6.0, 12.0, 18.0, 24.0]
    assert RecentMeanEstimator().estimate(_snap(recent=(20.0,))) == [10.0, 20.0, 30.0, 40.0]
    assert RecentMeanEstimator().estimate(_snap(recent=())) == [6.0, 12.0, 18.0, 24.0]
    assert ConfigMeanEstimator().estimate(_snap(channels=0)) == [12.0, 24.0, 36.0, 48.0]


def test_channel_free_estimate():
    # one channel busy for 4 of 12 minutes, one idle: next at 0, then 8, then 12, then 20
    assert channel_free_estimates(_snap(), 12.0) == [0.0, 8.0, 12.0, 20.0]


def test_feature_shapes_and_fallback_extras(settings):
    spec = FeatureSpec.from_settings(settings)
    snap = _snap()
    assert waiting_features(spec, snap).shape == (4, spec.n_features)
    assert serving_features(spec, snap).shape == (1, spec.n_features)
    assert np.isfinite(waiting_features(spec, snap)).all()
    fb = FallbackEstimator("test", margin_minutes=10)
    assert fb.advise(snap) == [0.0, 2.0, 8.0, 14.0]
    assert fb.remaining_service(snap) == [8.0]
