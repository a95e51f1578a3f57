"""Random operations on the real core, checked step by step against a small model of domain.md."""
from __future__ import annotations

import asyncio
import copy
import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from queue_core import errors
from queue_core.clock import ManualClock
from queue_core.policy import OrderingPolicy, derive_conditions, level_for
from queue_core.service import QueueService
from settings import DEFAULT_CONFIG_PATH, load_settings
from storage.db import Database

pytestmark = pytest.mark.slow
CONDITIONS = ["darurat", "hamil", "disabilitas", "alergi", "tbc", "flu"]


def all_day_config(tmp: Path) -> Path:
    raw = copy.deepcopy(yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")))
    for svc in raw["services"]:
        svc["hours"] = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
        svc["daily_quota"] = 30
    raw["services"][3]["route"] = ["loket", "poli"]  # a route that skips the pharmacy
    raw["clinic"]["holidays"] = []
    path = tmp / "all_day.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


@dataclass
class ModelTicket:
    id: int
    number: str
    service: str
    level: int
    route: list[str]
    phase: str
    status: str = "waiting"
    channel: str | None = None
    entered_at: dt.datetime | None = None
    skipped_at: dt.datetime | None = None
    queued: int = 0  # the order it joined its current queue: the last tie-break (the core's visit id)


class QueueMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.settings = load_settings(all_day_config(Path(self.tmp.name)), env={})
        self.policy = OrderingPolicy.from_config(self.settings.policy)
        self.loop = asyncio.new_event_loop()
        self.clock = ManualClock(dt.datetime(2026, 11, 23, 7, 0))
        self.db = Database(f"sqlite+aiosqlite:///{self.tmp.name}/q.db")
        self.run(self.db.upgrade())
        self.qs = QueueService(self.db, self.settings, self.clock)
        self.run(self.qs.ensure_channels())
        self.tickets: dict[int, ModelTicket] = {}
        self.issued: dict[str, int] = {}
        self.paused: set[str] = set()
        self.joins = 0

    def join(self, t: "ModelTicket") -> None:
        """`t` joins a queue now (issued, moved on to its next phase, back after a skip): after every
        ticket that joined before it at the same moment (ties in time go by arrival)."""
        self.joins += 1
        t.status, t.entered_at, t.queued = "waiting", self.clock.now(), self.joins

    def run(self, coro):
        return self.loop.run_until_complete(coro)

    def teardown(self) -> None:
        self.run(self.db.dispose())
        self.loop.close()
        self.tmp.cleanup()

    # ------------------------------------------------------------ model helpers

    def current(self, channel: str) -> ModelTicket | None:
        return next((t for t in self.tickets.values() if t.channel == channel and t.status == "called"), None)

    def expected_next(self, channel: str) -> ModelTicket | None:
        ch = self.settings.channel(channel)
        waiting = [t for t in self.tickets.values() if t.status == "waiting" and t.phase == ch.phase and t.service in ch.services]
        key = lambda t: (*self.policy.sort_key(t.level, t.entered_at), t.entered_at, t.queued)  # noqa: E731
        return min(waiting, key=key, default=None)

    # ------------------------------------------------------------ rules

    @rule(service=st.sampled_from("ABCD"), conds=st.lists(st.sampled_from(CONDITIONS), max_size=2, unique=True),
          age=st.one_of(st.none(), st.integers(0, 90)))
    def issue(self, service, conds, age):
        svc = self.settings.services[service]
        if self.issued.get(service, 0) >= svc.daily_quota:
            with pytest.raises(errors.QuotaFull):
                self.run(self.qs.issue(service=service, user_id=1, conditions=conds, age=age))
            return
        view = self.run(self.qs.issue(service=service, user_id=1, conditions=conds, age=age))
        self.issued[service] = self.issued.get(service, 0) + 1
        assert view.number == f"{svc.prefix}-{self.issued[service]:03d}"
        level = level_for(derive_conditions(conds, age, self.settings.conditions), self.settings.conditions)
        assert view.level == level
        self.tickets[view.id] = ModelTicket(view.id, view.number, service, level, list(svc.route), svc.route[0])
        self.join(self.tickets[view.id])

    @rule(channel=st.sampled_from(["Loket 1", "Loket 2", "Ruang 1", "Ruang Gigi", "Ruang KIA", "Apotek"]))
    def call_next(self, channel):
        if channel in self.paused:
            with pytest.raises(errors.ChannelPaused):
                self.run(self.qs.call_next(channel))
            return
        busy = self.current(channel)
        if busy is not None:
            with pytest.raises(errors.ChannelBusy):
                self.run(self.qs.call_next(channel))
            return
        expected = self.expected_next(channel)
        view = self.run(self.qs.call_next(channel))
        if expected is None:
            assert view is None
            return
        assert view is not None and view.number == expected.number, (view, expected)
        expected.status, expected.channel = "called", channel

    @rule(channel=st.sampled_from(["Loket 1", "Loket 2", "Ruang 1", "Ruang Gigi", "Ruang KIA", "Apotek"]),
          action=st.sampled_from(["finish", "skip"]))
    def settle(self, channel, action):
        t = self.current(channel)
        if t is None:
            with pytest.raises(errors.NoCurrentTicket):
                self.run(getattr(self.qs, action)(channel))
            return
        view = self.run(getattr(self.qs, action)(channel))
        t.channel = None
        if action == "skip":
            t.status, t.skipped_at = "skipped", self.clock.now()
        else:
            following = t.route[t.route.index(t.phase) + 1:]
            if following:
                t.phase = following[0]
                self.join(t)
            else:
                t.status = "done"
        assert (view.status, view.phase) == (t.status, t.phase)

    @precondition(lambda self: any(t.status == "skipped" for t in self.tickets.values()))
    @rule(data=st.data())
    def rejoin(self, data):
        t = data.draw(st.sampled_from(sorted((t for t in self.tickets.values() if t.status == "skipped"), key=lambda t: t.id)))
        grace = dt.timedelta(minutes=self.settings.notifications.skip_grace_minutes)
        if self.clock.now() - t.skipped_at > grace:
            with pytest.raises(errors.RejoinExpired):
                self.run(self.qs.rejoin(t.id))
            return
        self.run(self.qs.rejoin(t.id))
        self.join(t)  # at the back of its level: after those who joined before it, even at the same minute

    @precondition(lambda self: bool(self.tickets))
    @rule(data=st.data())
    def cancel(self, data):
        t = self.tickets[data.draw(st.sampled_from(sorted(self.tickets)))]
        if t.status in ("done", "cancelled"):
            with pytest.raises(errors.InvalidTransition):
                self.run(self.qs.cancel(t.id))
            return
        self.run(self.qs.cancel(t.id))
        t.status, t.channel = "cancelled", None

    @rule(channel=st.sampled_from(["Loket 2", "Ruang 1"]), paused=st.booleans())
    def pause(self, channel, paused):
        self.run(self.qs.set_paused(channel, paused))
        (self.paused.add if paused else self.paused.discard)(channel)

    @rule(minutes=st.integers(1, 40))
    def advance(self, minutes):
        self.clock.advance(minutes=minutes)

    @invariant()
    def positions_match_the_model(self):
        for t in self.tickets.values():
            if t.status != "waiting":
                continue
            view = self.run(self.qs.view(t.id))
            assert view.status == "waiting" and view.phase == t.phase
            scope = {s for c in self.settings.channels_for(t.phase, t.service) for s in c.services}
            ahead = [o for o in self.tickets.values() if o.status == "waiting" and o.phase == t.phase and o.service in scope
                     and (*self.policy.sort_key(o.level, o.entered_at), o.entered_at, o.queued)
                     < (*self.policy.sort_key(t.level, t.entered_at), t.entered_at, t.queued)]
            assert view.position == len(ahead) + 1


QueueMachine.TestCase.settings = hyp_settings(
    max_examples=25, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_queue_core_matches_model = QueueMachine.TestCase
