"""Tiny train -> load -> evaluate round trip, the fallback rules and the retrain swap (imports TensorFlow)."""
import json
import logging
import re
import shutil

import numpy as np
import pytest

from predictor import FallbackEstimator, ModelEstimator, Predictor, load_estimator
from predictor.__main__ import main
from predictor.history import days_of, write_history
from predictor.model import META_FILE, MODEL_FILE, load_bundle
from predictor.replay import DayReplay, queries
from predictor.simulate import simulate
from predictor.train import train_from_rows

pytestmark = pytest.mark.slow
TINY = {"epochs": 3, "hidden": (8,)}


@pytest.fixture(scope="module")
def trained(tmp_path_factory, settings):
    rows = simulate(settings, 5, seed=11)
    d = tmp_path_factory.mktemp("model")
    meta = train_from_rows(rows, settings, d / "m", **TINY)
    return rows, d / "m", meta


def _force_metrics(model_dir, model_mae, recent_mae):
    meta = json.loads((model_dir / META_FILE).read_text())
    meta["metrics"]["mae_minutes"].update(model=model_mae, recent_mean=recent_mae)
    (model_dir / META_FILE).write_text(json.dumps(meta))


def _copy(src, tmp_path, good=True):
    dst = tmp_path / "copy"
    shutil.copytree(src, dst)
    _force_metrics(dst, 1.0 if good else 9.0, 5.0)
    return dst


def test_bundle_and_metadata(trained):
    _, model_dir, meta = trained
    assert {"version", "trained_at", "data_range", "metrics", "features"} <= set(meta)
    assert meta["data_range"]["days"] == 5
    assert set(meta["metrics"]["mae_minutes"]) == {"model", "config_mean", "recent_mean"}
    assert (model_dir / MODEL_FILE).exists() and (model_dir / "preprocess.joblib").exists()


def test_numpy_forward_matches_keras(trained):
    import joblib
    import keras

    _, model_dir, _ = trained
    net, _ = load_bundle(model_dir)
    scaler = joblib.load(model_dir / "preprocess.joblib")
    model = keras.models.load_model(model_dir / MODEL_FILE, compile=False)
    x = np.random.default_rng(0).normal(size=(7, scaler.mean_.shape[0])).astype(np.float32) * 5
    raw = model.predict(scaler.transform(x), verbose=0)          # (7, members x quantiles)
    ref = np.maximum(raw.reshape(7, -1, 2).mean(axis=1) * 30.0, 0)  # the prediction: the members' mean
    np.testing.assert_allclose(net(x), ref, rtol=1e-4, atol=1e-3)
    assert raw.shape[1] == 2 * 3                                    # MEMBERS


def test_good_model_is_used_and_predicts_a_whole_queue(trained, settings, tmp_path):
    rows, model_dir, _ = trained
    est = load_estimator(_copy(model_dir, tmp_path), settings)
    assert isinstance(est, ModelEstimator) and est.name == "model"
    replay = DayReplay(settings, next(iter(days_of(rows).values())))
    key = next(k for k in replay.keys if k.phase == "loket")
    snap = replay.snapshot(key, min(r.entered_at for r in rows) .replace(hour=7, minute=30))
    assert snap.waiting
    out = est.estimate(snap)
    assert len(out) == len(snap.waiting) and all(v >= 0 for v in out)
    assert len(est.advise(snap)) == len(out)
    assert len(est.remaining_service(snap)) == len(snap.busy)


def test_worse_model_falls_back_with_reason(trained, settings, tmp_path, caplog):
    est = load_estimator(_copy(trained[1], tmp_path, good=False), settings)
    assert isinstance(est, FallbackEstimator) and "worse than recent_mean" in est.reason
    assert "falling back" in caplog.text


def test_missing_or_broken_model_falls_back(trained, settings, tmp_path):
    assert "no model" in load_estimator(tmp_path / "nothing", settings).reason
    broken = _copy(trained[1], tmp_path)
    (broken / MODEL_FILE).write_bytes(b"not a model")
    est = load_estimator(broken, settings)
    assert isinstance(est, FallbackEstimator) and est.reason
    meta = json.loads((broken / META_FILE).read_text())
    meta["features"]["services"] = ["A"]
    (broken / META_FILE).write_text(json.dumps(meta))
    assert "other phases/services" in load_estimator(broken, settings).reason


def test_cli_simulate_train_evaluate_json(trained, settings, tmp_path, capsys):
    out = tmp_path / "test.csv"
    assert main(["simulate", "--days", "2", "--seed", "5", "--out", str(out), "--start", "2026-06-01"]) == 0
    capsys.readouterr()
    assert main(["evaluate", "--history", str(out), "--model-dir", str(_copy(trained[1], tmp_path))]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result) == {"n", "mae_minutes", "p90_abs_error_minutes", "advice"}
    assert set(result["mae_minutes"]) == set(result["p90_abs_error_minutes"]) == {"model", "config_mean", "recent_mean"}
    assert set(result["advice"]) == {"margin_minutes", "missed_share", "median_room_wait_minutes"}
    assert result["n"] > 100 and result["advice"]["margin_minutes"] == settings.notifications.advice_margin_minutes


def test_retrain_replaces_only_when_better(settings, tmp_path):
    rows = simulate(settings, 6, seed=12)
    history = tmp_path / "h.csv"
    write_history(rows, history)
    model_dir = tmp_path / "model"
    p = Predictor.load(settings, model_dir)
    assert isinstance(p.estimator, FallbackEstimator)
    report = p.retrain(history, recent_days=2)
    assert report.holdout_days == sorted({r.date.isoformat() for r in rows})[-2:]
    assert report.candidate_mae is not None and report.current_name == "config"  # no model yet: the configured durations
    assert report.replaced == (report.candidate_mae < report.current_mae)
    assert model_dir.exists() == report.replaced
    assert not list(tmp_path.glob("model.new-*"))
    short = Predictor(settings, tmp_path / "m2").retrain(rows[:50], recent_days=2)
    assert not short.replaced and "at least" in short.reason


def test_the_switch_to_the_model_is_one_log_line_with_its_reason(trained, settings, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="predictor.runtime")
    p = Predictor(settings, _copy(trained[1], tmp_path))
    assert p.estimator.name == "config"  # until a model is loaded: the configured durations
    p.reload("nightly retrain")
    switches = [r.getMessage() for r in caplog.records if "switch" in r.getMessage()]
    assert len(switches) == 1
    assert "from the configured durations to the model" in switches[0] and "nightly retrain" in switches[0]
    assert re.search(r"trained on \d+ clinic days, validation MAE", switches[0])
    p.reload()  # the same source again: no line
    assert len([r for r in caplog.records if "switch" in r.getMessage()]) == 1


def test_model_windows_hold_the_advice_and_a_range(trained, settings, tmp_path):
    est = load_estimator(_copy(trained[1], tmp_path), settings)
    rows = trained[0]
    day = [r for r in rows if r.date == rows[0].date]
    replay = DayReplay(settings, day)
    q = next(q for q in queries(replay) if q.first)
    snap = replay.snapshot(q.key, q.t)
    for w, median in zip(est.windows(snap), est.estimate(snap)):
        assert w.come_in <= w.low <= w.median <= w.high and w.median == pytest.approx(max(median, 0.0))
        assert w.come_in <= max(0.0, w.median - est.margin)
