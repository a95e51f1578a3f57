"""The baselines of history.md and the feature vectors."""
import datetime as dt

import numpy as np

from predictor.estimator import FallbackEstimator
from predictor.features import (
    N_WAITING,
    FeatureSpec,
    channel_free_estimates,
    overtake_window,
    serving_features,
    waiting_features,
)
from predictor.model import ensemble_layers
from queue_core.policy import OrderingPolicy
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


def test_overtake_window_by_level():
    hs = OrderingPolicy("head_start", {1: 45, 2: 20, 3: 0})
    assert overtake_window(hs, 3, 2, waited=5) == 15.0     # a level-2 arrival still goes ahead for 15 min
    assert overtake_window(hs, 3, 1, waited=5) == 40.0
    assert overtake_window(hs, 3, 2, waited=25) == 0.0
    assert overtake_window(hs, 2, 1, waited=5) == 20.0
    assert overtake_window(hs, 2, 2, waited=0) == overtake_window(hs, 1, 3, waited=0) == 0.0
    assert overtake_window(hs, 3, 0, waited=500) == 60.0    # emergencies always go first
    assert overtake_window(OrderingPolicy("fcfs"), 3, 0, waited=0) == 0.0
    assert overtake_window(OrderingPolicy("strict"), 3, 1, waited=90) == 60.0


def test_calendar_features(settings):
    spec = FeatureSpec.from_settings(settings)
    close_col, weekday_cols = N_WAITING + 17, slice(N_WAITING + 18, N_WAITING + 24)
    mon = waiting_features(spec, _snap())[0]                       # Monday 09:00, Poli Umum closes 12:00
    assert mon[close_col] == 180.0 and list(mon[weekday_cols]) == [1, 0, 0, 0, 0, 0]
    fri = QueueSnapshot(**{**_snap().__dict__, "at": T + dt.timedelta(days=4)})
    row = waiting_features(spec, fri)[0]                           # Friday: closes 10:30
    assert row[close_col] == 90.0 and list(row[weekday_cols]) == [0, 0, 0, 0, 1, 0]
    loket = QueueSnapshot(**{**_snap().__dict__, "phase": "loket"})
    assert waiting_features(spec, loket)[0][close_col] == 180.0   # the latest closing service
    sunday = QueueSnapshot(**{**_snap().__dict__, "at": T + dt.timedelta(days=6)})
    assert waiting_features(spec, sunday)[0][close_col] == 0.0


def test_ensemble_layers_compute_the_members_mean():
    rng = np.random.default_rng(1)
    members = [[(rng.normal(size=(5, 4)), rng.normal(size=4)), (rng.normal(size=(4, 3)), rng.normal(size=3)),
                (rng.normal(size=(3, 2)), rng.normal(size=2))] for _ in range(3)]
    x = rng.normal(size=(6, 5))

    def forward(layers):
        h = x
        for j, (k, b) in enumerate(layers):
            h = h @ k + b
            h = np.maximum(h, 0) if j < len(layers) - 1 else h
        return h

    h = x
    for k, b, act in ensemble_layers(members):
        h = h @ k + b
        h = np.maximum(h, 0) if act == "relu" else h
    np.testing.assert_allclose(h, np.mean([forward(m) for m in members], axis=0), rtol=1e-4, atol=1e-4)
