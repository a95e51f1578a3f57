"""Replay builds snapshots from what was known at t only."""
import datetime as dt

from predictor.history import days_of
from predictor.replay import DayReplay, queries, queue_keys
from queue_core.policy import OrderingPolicy, order


def _moments(rows):
    start = min(r.entered_at for r in rows).replace(minute=0, second=0)
    return [start + dt.timedelta(minutes=7 * i) for i in range(0, 100)]


def test_snapshot_at_t_ignores_everything_recorded_after_t(settings, sim_rows):
    day_rows = next(iter(days_of(sim_rows).values()))
    full = DayReplay(settings, day_rows)
    compared = 0
    for t in _moments(day_rows):
        blanked = DayReplay(settings, [r.as_of(t) for r in day_rows if r.entered_at <= t])
        for key in full.keys:
            a, b = full.snapshot(key, t), blanked.snapshot(key, t)
            assert a == b, (key, t)
            compared += bool(a.waiting or a.busy)
    assert compared > 50


def test_waiting_is_in_policy_order_with_positions(settings, sim_rows):
    day_rows = next(iter(days_of(sim_rows).values()))
    replay = DayReplay(settings, day_rows)
    policy = OrderingPolicy.from_config(settings.policy)
    for t in _moments(day_rows)[::5]:
        for key in replay.keys:
            snap = replay.snapshot(key, t)
            assert [w.position for w in snap.waiting] == list(range(1, len(snap.waiting) + 1))
            assert list(snap.waiting) == order(snap.waiting, policy, ident=lambda w: w.ticket)
            assert all(w.entered_at <= t for w in snap.waiting)
            assert all(b.since <= t for b in snap.busy)
            assert len(snap.recent_service_minutes) <= 20


def test_queues_follow_the_config(settings):
    keys = queue_keys(settings)
    loket = [k for k in keys if k.phase == "loket"]
    assert len(loket) == 1 and loket[0].services == frozenset(settings.services)
    poli = {k.service: k for k in keys if k.phase == "poli"}
    assert poli["A"].channels == frozenset({"Ruang 1", "Ruang 2"})


def test_queries_at_entry_and_every_10_minutes(settings, sim_rows):
    day_rows = next(iter(days_of(sim_rows).values()))
    qs = queries(DayReplay(settings, day_rows))
    by_row = {}
    for q in qs:
        by_row.setdefault(id(q.row), []).append(q)
    for group in by_row.values():
        r = group[0].row
        assert [q.t for q in group] == [r.entered_at + dt.timedelta(minutes=10 * i) for i in range(len(group))]
        assert all(q.t < r.called_at or q.t == r.entered_at for q in group)
        assert all(q.actual_minutes >= 0 for q in group)
    firsts = [q for q in qs if q.first]
    assert firsts and all(q.row.phase == "loket" and q.t == q.row.entered_at for q in firsts)
