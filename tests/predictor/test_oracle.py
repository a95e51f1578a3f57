"""The Monte-Carlo oracle of bench/predictor_oracle.py: resampling keeps the past, changes the future."""
import datetime as dt
import random

from bench.predictor_oracle import _calls, _day, _resample, oracle_day
from predictor.simulate import SimParams
from queue_core.policy import OrderingPolicy

DAY = dt.date(2026, 6, 2)


def _base(settings):
    params, policy = SimParams(start=dt.date(2026, 6, 1)), OrderingPolicy.from_config(settings.policy)
    base = _day(settings, params, policy, DAY, 2)
    base.run()
    return params, policy, {(v.patient.ticket, v.phase): v for v in base.visits}


def _rerun(settings, params, policy, real, T, rng):
    d = _day(settings, params, policy, DAY, 2)
    d.setup()
    d.setup = lambda: None
    if T is not None:
        _resample(d, real, T, rng)
    return _calls(d)


def test_rerun_without_resampling_is_the_same_day(settings):
    params, policy, real = _base(settings)
    calls = _rerun(settings, params, policy, real, None, None)
    assert calls == {k: v.called_at for k, v in real.items()}


def test_resampling_at_T_keeps_every_call_before_T(settings):
    params, policy, real = _base(settings)
    rng = random.Random(1)
    for T in (8 * 3600, 9 * 3600 + 1234):
        calls = _rerun(settings, params, policy, real, T, rng)
        before = {k for k, v in real.items() if v.called_at is not None and v.called_at <= T}
        assert before == {k for k, c in calls.items() if c is not None and c <= T}
        assert all(calls[k] == real[k].called_at for k in before)
        later = [k for k, v in real.items() if v.called_at and v.called_at > T and k in calls]
        assert sum(calls[k] != real[k].called_at for k in later) > len(later) // 4   # the future is redrawn


def test_oracle_answers_every_waiting_ticket(settings):
    params, policy = SimParams(start=dt.date(2026, 6, 1)), OrderingPolicy.from_config(settings.policy)
    base, out = oracle_day(settings, params, policy, DAY, 2, runs=3, every=60, rng=random.Random(0))
    assert out
    for phase, ticket, T, actual, guess in out:
        v = next(v for v in base.visits if v.patient.ticket == ticket and v.phase == phase)
        assert v.entered_at <= T < v.called_at and actual == (v.called_at - T) / 60 and guess >= 0
