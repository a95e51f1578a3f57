"""Priority levels and the ordering policies of domain.md."""
import datetime as dt
from dataclasses import dataclass

import pytest

from queue_core.policy import OrderingPolicy, age_on, derive_conditions, level_for, order
from settings import load_settings

RULES = load_settings(env={}).conditions
T0 = dt.datetime(2026, 11, 23, 8, 0)


@dataclass
class T:
    id: int
    level: int
    entered_at: dt.datetime


def test_age_on_birthday_edges():
    assert age_on(dt.date(1966, 11, 23), dt.date(2026, 11, 23)) == 60
    assert age_on(dt.date(1966, 11, 24), dt.date(2026, 11, 23)) == 59


@pytest.mark.parametrize(
    "chosen, age, conditions, level",
    [
        ([], 30, [], 3),
        (["flu"], 30, ["flu"], 3),
        (["alergi", "flu"], 30, ["alergi", "flu"], 2),
        (["hamil", "tbc"], 30, ["hamil", "tbc"], 1),
        (["darurat", "hamil"], 30, ["darurat", "hamil"], 0),
        ([], 60, ["lansia"], 1),
        ([], 59, [], 3),
        ([], 5, ["balita"], 3),
        ([], 6, [], 3),
        (["lansia"], 40, [], 3),  # age-based conditions come from the birth date, not the patient
        (["tbc"], None, ["tbc"], 2),
    ],
)
def test_level_is_highest_among_conditions(chosen, age, conditions, level):
    derived = derive_conditions(chosen, age, RULES)
    assert derived == conditions
    assert level_for(derived, RULES) == level


def test_unknown_condition_is_refused():
    with pytest.raises(ValueError, match="unknown condition"):
        derive_conditions(["pusing"], 30, RULES)


def test_strict_orders_by_level_then_arrival():
    p = OrderingPolicy("strict")
    q = [T(1, 3, T0), T(2, 2, T0 + dt.timedelta(minutes=90)), T(3, 1, T0 + dt.timedelta(minutes=120))]
    assert [t.id for t in order(q, p)] == [3, 2, 1]


def test_head_start_bounds_how_long_a_low_level_can_be_overtaken():
    p = OrderingPolicy("head_start", {1: 45, 2: 20, 3: 0})
    early_low = T(1, 3, T0)
    close_high = T(2, 1, T0 + dt.timedelta(minutes=30))   # within 45 min: overtakes
    late_high = T(3, 1, T0 + dt.timedelta(minutes=50))    # beyond 45 min: does not
    emergency = T(4, 0, T0 + dt.timedelta(hours=5))       # always first
    assert [t.id for t in order([early_low, close_high, late_high, emergency], p)] == [4, 2, 1, 3]
    assert p.max_overtake_minutes(3) == 45


def test_fifo_within_a_level():
    p = OrderingPolicy("head_start", {1: 45})
    q = [T(i, 1, T0 + dt.timedelta(minutes=10 - i)) for i in range(5)]
    assert [t.id for t in order(q, p)] == [4, 3, 2, 1, 0]
