"""Discrete-event simulation of puskesmas days, written as history rows (docs/history.md).

What it models: a ticket-taking wave before the counters open (patients take numbers from the bot
at home) and a 07:00 rush, then a thinner stream until the service closes; each service's route
(loket -> poli -> apotek) from config.yaml; the channels of each phase from config, each starting
late by a random delay, some taking one break, each with its own speed on the day; lognormal
service times whose true means differ from the configured ones (config values are guesses);
no-shows when called (skipped) and cancellations while waiting; the priority mix of domain.md
with ages, levels derived by queue_core.policy. Every queue is ordered by queue_core.policy's
`order` with the given OrderingPolicy: the real policy code, not a copy.

Deterministic: day i of seed S is the same whatever the number of days simulated.
"""
from __future__ import annotations

import datetime as dt
import heapq
import math
import random
from dataclasses import dataclass, field
from typing import overload

from queue_core.policy import OrderingPolicy, derive_conditions, level_for, order
from queue_core.rules import Rules

from .history import HistoryRow

DEFAULT_START = dt.date(2026, 1, 5)  # a Monday
HARD_STOP = 17 * 3600                 # clinic staff go home; whoever still waits is sent home

# Patients per day per service at load 1.0 on a full (4.5 h) day: about 85 % of the rooms' capacity.
BASE_ARRIVALS = {"A": 40, "B": 9, "C": 13, "D": 12}
# True mean service time / configured mean: the configured means are guesses.
TRUE_BIAS = {"loket": 1.15, "apotek": 0.8, "A": 0.9, "B": 1.2, "C": 1.0, "D": 1.1}
SERVICE_CV = {"loket": 0.4, "apotek": 0.45, "poli": 0.5}
SKIP_PROB = {"loket": 0.02, "poli": 0.05, "apotek": 0.03}
NO_SHOW_WAIT_S = 120      # a channel waits this long for a called patient who does not come
CANCEL_PROB = 0.03
# Declared conditions (besides the age-derived ones) per service: key -> probability.
CONDITION_MIX = {
    "A": {"darurat": 0.01, "hamil": 0.03, "disabilitas": 0.03, "alergi": 0.05, "tbc": 0.03, "flu": 0.2},
    "B": {"darurat": 0.003, "hamil": 0.04, "disabilitas": 0.02, "alergi": 0.01},
    "C": {"darurat": 0.01, "disabilitas": 0.02, "alergi": 0.04, "tbc": 0.01, "flu": 0.25},
    "D": {"darurat": 0.01, "hamil": 0.55, "disabilitas": 0.02, "alergi": 0.02},
}


def _age(rng: random.Random, service: str) -> int | None:
    if rng.random() < 0.05:
        return None
    if service == "A":
        return rng.randint(60, 88) if rng.random() < 0.3 else rng.randint(15, 59)
    if service == "B":
        return rng.randint(6, 70)
    if service == "C":
        return rng.randint(0, 5) if rng.random() < 0.7 else rng.randint(6, 14)
    if service == "D":
        return rng.randint(0, 2) if rng.random() < 0.3 else rng.randint(17, 42)
    return rng.randint(1, 80)


@dataclass
class _Visit:
    id: int
    patient: "_Patient"
    phase: str
    entered_at: int
    called_at: int | None = None
    started_at: int | None = None
    finished_at: int | None = None
    channel: str = ""
    outcome: str = ""

    @property
    def level(self) -> int:
        return self.patient.level

    @property
    def service(self) -> str:
        return self.patient.service


@dataclass
class _Patient:
    ticket: str
    service: str
    level: int
    conditions: tuple[str, ...]
    age: int | None
    route: tuple[str, ...]
    arrival: int
    cancel_at: int | None = None
    draws: dict = field(default_factory=dict)   # phase -> (no_show, walk_s, duration factor)
    step: int = 0
    visit: _Visit | None = None


@dataclass
class _Channel:
    name: str
    phase: str
    services: frozenset[str]
    opens_at: int
    speed: float
    break_at: int | None
    break_len: int
    busy: bool = False
    waking: bool = False


@dataclass
class SimParams:
    load: float = 1.0
    policy: OrderingPolicy | None = None   # None: the one in config
    start: dt.date = DEFAULT_START


@dataclass
class _Day:
    settings: Rules
    params: SimParams
    policy: OrderingPolicy
    day: dt.date
    rng: random.Random
    events: list = field(default_factory=list)
    seq: int = 0
    waiting: dict[str, list[_Visit]] = field(default_factory=dict)
    visits: list[_Visit] = field(default_factory=list)
    channels: list[_Channel] = field(default_factory=list)

    # ------------------------------------------------------------------ event plumbing
    def push(self, t: int, kind: str, *args) -> None:
        self.seq += 1
        heapq.heappush(self.events, (t, self.seq, kind, args))

    def run(self) -> list[HistoryRow]:
        self.setup()
        while self.events:
            t, _, kind, args = heapq.heappop(self.events)
            if t > HARD_STOP:
                break
            getattr(self, "on_" + kind)(t, *args)
        for visits in self.waiting.values():
            for v in visits:
                v.outcome, v.finished_at = "cancelled", HARD_STOP
        for v in self.visits:   # services still running at the hard stop are finished then
            if v.started_at is not None and not v.outcome:
                v.finished_at, v.outcome = max(HARD_STOP, v.started_at), "done"
        return [self.row(v) for v in self.visits]

    # ------------------------------------------------------------------ set-up
    def setup(self) -> None:
        s, rng = self.settings, self.rng
        clinic = s.clinic.hours.window(self.day)
        for phase in s.phases:
            self.waiting[phase] = []
        opens: dict[str, int] = {}
        for code, svc in s.services.items():
            w = svc.hours.window(self.day)
            if w:
                opens[code] = w[0].hour * 3600 + w[0].minute * 60
        if clinic is None:
            raise ValueError(f"the clinic is closed on {self.day}: nothing to simulate")
        clinic_open = clinic[0].hour * 3600 + clinic[0].minute * 60
        first_poli = min(opens.values(), default=clinic_open)
        for ch in s.channels:
            if ch.phase == "loket" or ch.phase == s.services[next(iter(ch.services))].route[0]:
                base, delay = clinic_open, rng.expovariate(1 / 240)
            elif ch.phase == "poli":
                code = next(iter(ch.services))
                if code not in opens:
                    continue
                base, delay = opens[code], min(rng.expovariate(1 / 600), 3600)
            else:
                base, delay = first_poli + 15 * 60, rng.expovariate(1 / 300)
            brk = base + rng.randint(90, 180) * 60 if rng.random() < 0.3 else None
            c = _Channel(ch.name, ch.phase, ch.services, int(base + delay), rng.lognormvariate(0, 0.15),
                         brk, rng.randint(10, 25) * 60)
            self.channels.append(c)
            self.push(c.opens_at, "wake", c)
        for code, svc in s.services.items():
            w = svc.hours.window(self.day)
            if not w:
                continue
            close = w[1].hour * 3600 + w[1].minute * 60
            hours = (close - opens[code]) / 3600
            n = self._poisson(BASE_ARRIVALS.get(code, 15) * self.params.load * hours / 4.5)
            n = min(n, svc.daily_quota)
            times = sorted(self._arrival_time(clinic_open, close) for _ in range(n))
            for i, t in enumerate(times, start=1):
                p = self._patient(code, i, t, close)
                self.push(p.arrival, "arrive", p)

    def _poisson(self, lam: float) -> int:
        if lam > 50:
            return max(0, round(self.rng.gauss(lam, math.sqrt(lam))))
        k, p, limit = 0, 1.0, math.exp(-lam)
        while True:
            p *= self.rng.random()
            if p <= limit:
                return k
            k += 1

    def _arrival_time(self, clinic_open: int, close: int) -> int:
        rng = self.rng
        if rng.random() < 0.55:  # the wave: numbers taken from home before opening, the 07:00 rush
            t = rng.gauss(clinic_open + 10 * 60, 25 * 60)
        else:
            t = rng.uniform(clinic_open, close - 20 * 60)
        return int(min(max(t, clinic_open - 90 * 60), close - 10 * 60))

    def _patient(self, code: str, i: int, t: int, close: int) -> _Patient:
        s, rng = self.settings, self.rng
        age = _age(rng, code)
        chosen = [k for k, p in CONDITION_MIX.get(code, {}).items() if k in s.conditions and rng.random() < p]
        if "hamil" in chosen and (age is None or not 15 <= age <= 50):
            chosen.remove("hamil")
        if "darurat" in chosen:  # emergencies do not come in the morning wave
            t = rng.randint(t, max(t, close - 600))
        conds = tuple(derive_conditions(chosen, age, s.conditions))
        level = level_for(conds, s.conditions, s.default_level)
        svc = s.services[code]
        p = _Patient(f"{svc.prefix}-{i:03d}", code, level, conds, age, svc.route, t)
        # Drawn now, not when called, so that every policy sees the very same patients
        # (common random numbers: bench/policies.py compares orderings, not luck).
        for phase in svc.route:
            cv = SERVICE_CV.get(phase, 0.5)
            sigma = math.sqrt(math.log(1 + cv * cv))
            p.draws[phase] = (level != 0 and rng.random() < SKIP_PROB.get(phase, 0.03), rng.randint(15, 90),
                              rng.lognormvariate(-sigma * sigma / 2, sigma))
        if level != 0 and rng.random() < CANCEL_PROB:
            p.cancel_at = t + rng.randint(5, 90) * 60
        return p

    # ------------------------------------------------------------------ events
    def on_arrive(self, t: int, p: _Patient) -> None:
        self.enter(t, p)
        if p.cancel_at is not None:
            self.push(p.cancel_at, "cancel", p)

    def enter(self, t: int, p: _Patient) -> None:
        self.seq += 1
        v = _Visit(self.seq, p, p.route[p.step], t)
        p.visit = v
        self.visits.append(v)
        self.waiting[v.phase].append(v)
        self.dispatch(t, v.phase)

    def on_cancel(self, t: int, p: _Patient) -> None:
        v = p.visit
        if v is not None and v.called_at is None and v in self.waiting[v.phase]:
            self.waiting[v.phase].remove(v)
            v.outcome, v.finished_at = "cancelled", t

    def on_wake(self, t: int, c: _Channel) -> None:
        c.waking = False
        self.dispatch(t, c.phase)

    def on_finish(self, t: int, c: _Channel, v: _Visit) -> None:
        v.finished_at, v.outcome = t, "done"
        c.busy = False
        p = v.patient
        p.step += 1
        if p.step < len(p.route):
            self.enter(t, p)
        self.dispatch(t, c.phase)

    def on_skip(self, t: int, c: _Channel, v: _Visit) -> None:
        v.outcome = "skipped"
        c.busy = False
        self.dispatch(t, c.phase)

    def dispatch(self, t: int, phase: str) -> None:
        for c in self.channels:
            if c.phase != phase or c.busy or c.waking:
                continue
            if t < c.opens_at:
                continue
            if c.break_at is not None and t >= c.break_at:
                c.break_at, c.waking = None, True
                self.push(t + c.break_len, "wake", c)
                continue
            queue = [v for v in self.waiting[phase] if v.service in c.services]
            if not queue:
                continue
            v = order(queue, self.policy, entered=lambda x: self.at(x.entered_at))[0]
            self.waiting[phase].remove(v)
            self.call(t, c, v)

    def call(self, t: int, c: _Channel, v: _Visit) -> None:
        v.called_at = t
        c.busy = True
        no_show, walk, factor = v.patient.draws[v.phase]
        if no_show:
            self.push(t + NO_SHOW_WAIT_S, "skip", c, v)
            return
        v.started_at = t + walk
        v.channel = c.name
        key = v.phase if v.phase != "poli" else v.service
        cfg = self.settings.phase_mean_minutes(v.phase, v.service)
        mean = cfg * TRUE_BIAS.get(key, 1.0) * c.speed * (1.5 if v.level == 0 else 1.0) * 60
        dur = max(45, int(mean * factor))
        self.push(v.started_at + dur, "finish", c, v)

    # ------------------------------------------------------------------ output
    @overload
    def at(self, t: int) -> dt.datetime: ...
    @overload
    def at(self, t: None) -> None: ...
    @overload
    def at(self, t: int | None) -> dt.datetime | None: ...

    def at(self, t: int | None) -> dt.datetime | None:
        if t is None:
            return None
        return dt.datetime.combine(self.day, dt.time()) + dt.timedelta(seconds=t)

    def row(self, v: _Visit) -> HistoryRow:
        p = v.patient
        return HistoryRow(
            date=self.day, ticket=p.ticket, service=p.service, level=p.level, conditions=p.conditions,
            age=p.age, phase=v.phase, channel=v.channel, entered_at=self.at(v.entered_at),
            called_at=self.at(v.called_at), started_at=self.at(v.started_at),
            finished_at=self.at(v.finished_at), outcome=v.outcome,
        )


def clinic_days(settings: Rules, start: dt.date, n: int) -> list[dt.date]:
    """The next n days (from start) the clinic is open."""
    days: list[dt.date] = []
    d = start
    while len(days) < n:
        if settings.clinic.hours.window(d) and d not in settings.clinic.holidays:
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def simulate(settings: Rules, days: int, seed: int, params: SimParams | None = None) -> list[HistoryRow]:
    """History rows of `days` simulated clinic days."""
    params = params or SimParams()
    policy = params.policy or OrderingPolicy.from_config(settings.policy)
    rows: list[HistoryRow] = []
    for day in clinic_days(settings, params.start, days):
        rng = random.Random(f"pusque-sim/{seed}/{day.isoformat()}/{params.load}")
        rows.extend(_Day(settings, params, policy, day, rng).run())
    return rows


def parse_policy(text: str | None, settings: Rules) -> OrderingPolicy:
    """`fcfs`, `strict`, `head_start` (config minutes) or `head_start:45,20,0` (levels 1,2,3)."""
    if not text:
        return OrderingPolicy.from_config(settings.policy)
    name, _, minutes = text.partition(":")
    if name == "head_start" and minutes:
        values = [float(x) for x in minutes.split(",")]
        return OrderingPolicy("head_start", {lvl: m for lvl, m in zip((1, 2, 3), values)})
    if name == "head_start":
        return OrderingPolicy("head_start", dict(settings.policy.head_start_minutes))
    return OrderingPolicy(name)
