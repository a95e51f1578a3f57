"""Priority rules and queue ordering policies (domain.md), as plain functions.

The database orders a phase queue by the (rank, effective_at) pair these functions compute when
a ticket enters the queue, then by entered_at and id. The simulator and the tests order their
in-memory queues with the very same functions, so there is one definition of "who is next".
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from .rules import Condition, PolicyConfig

EMERGENCY_LEVEL = 0


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on `day`."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def derive_conditions(chosen: Iterable[str], age: int | None, rules: Mapping[str, Condition]) -> list[str]:
    """The patient's declared conditions plus those implied by age, in config order.

    Age-based conditions (lansia, balita) are derived from the birth date, never asked, so a
    declared one is dropped unless the age supports it.
    """
    chosen = set(chosen)
    unknown = chosen - set(rules)
    if unknown:
        raise ValueError(f"unknown condition(s): {', '.join(sorted(unknown))}")

    def age_fits(rule: Condition) -> bool:
        return age is not None and (rule.min_age is None or age >= rule.min_age) and (
            rule.max_age is None or age <= rule.max_age)

    return [key for key, rule in rules.items() if (age_fits(rule) if rule.age_based else key in chosen)]


def level_for(conditions: Iterable[str], rules: Mapping[str, Condition], default_level: int = 3) -> int:
    """Highest priority (lowest number) among the conditions, else the default level."""
    return min((rules[c].level for c in conditions), default=default_level)


@dataclass(frozen=True)
class OrderingPolicy:
    """How a phase queue is ordered: `head_start` (default), `strict` or `fcfs`.

    head_start: a level-L ticket counts as if it entered head_start_minutes[L] earlier, so it
    overtakes lower levels that arrived close to it, but a low-level ticket is overtaken only by
    tickets that arrived at most that many minutes after it: its wait is bounded.
    Emergencies (level 0) go first under every policy but fcfs, which exists as a baseline.
    """

    name: str = "head_start"
    head_start_minutes: Mapping[int, float] | None = None

    def __post_init__(self) -> None:
        if self.name not in ("head_start", "strict", "fcfs"):
            raise ValueError(f"unknown policy {self.name!r}")

    def sort_key(self, level: int, entered_at: dt.datetime) -> tuple[int, dt.datetime]:
        """(rank, effective_at): smaller sorts first; ties broken by entered_at, then id."""
        if self.name == "fcfs":
            return 0, entered_at
        if self.name == "strict":
            return level, entered_at
        if level == EMERGENCY_LEVEL:
            return 0, entered_at
        minutes = (self.head_start_minutes or {}).get(level, 0.0)
        return 1, entered_at - dt.timedelta(minutes=minutes)

    def max_overtake_minutes(self, level: int) -> float:
        """How long after a ticket's arrival a non-emergency can still overtake it (head_start)."""
        starts = self.head_start_minutes or {}
        return max(starts.values(), default=0.0) - starts.get(level, 0.0)

    @classmethod
    def from_config(cls, cfg: PolicyConfig) -> OrderingPolicy:
        return cls(cfg.name, dict(cfg.head_start_minutes))


def order(items: Iterable, policy: OrderingPolicy, level=lambda x: x.level, entered=lambda x: x.entered_at, ident=lambda x: x.id) -> list:
    """Sort in-memory queue items the way the database orders them."""
    def key(x):
        rank, eff = policy.sort_key(level(x), entered(x))
        return rank, eff, entered(x), ident(x)

    return sorted(items, key=key)
