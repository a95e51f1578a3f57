"""When to come: the advice of a ticket, the trip, and the "time to leave now" notices."""
import datetime as dt

import pytest

from queue_core.advice import Advice, ConfiguredEstimator, advice_at, window_around
from queue_core.patients import PatientRepository
from queue_core.service import QueueService
from queue_core.snapshot import QueueSnapshot, WaitingTicket
from tests.queue_core.helpers import outbox


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


async def patient_of(db, clock, owner: int, name: str = "SITI") -> int:
    repo = PatientRepository(db, clock.now)
    await repo.touch_user(owner, owner, "u")
    return (await repo.add(owner, relation="self", name=name)).id


def test_the_configured_estimator_counts_position_channels_and_configured_minutes():
    at = dt.datetime(2026, 11, 23, 8, 0)
    waiting = tuple(WaitingTicket(f"A-{i:03d}", "A", 3, (), 40, at, i) for i in (1, 10, 40))
    snap = QueueSnapshot(at, "loket", "A", 2, (), waiting, 3.0)
    windows = ConfiguredEstimator(10).windows(snap)
    assert [w.median for w in windows] == [1.5, 15.0, 60.0]  # position x 3 min / 2 counters
    for w in windows:
        assert 0 <= w.come_in <= w.low <= w.median <= w.high
        assert w.come_in <= max(0.0, w.median - 10)  # at least the margin before the expected call
    assert windows[2].high - windows[2].median > windows[2].median - windows[2].low  # later is likelier than earlier


def test_advice_times_never_promise_later_than_the_estimator_said():
    now = dt.datetime(2026, 11, 23, 8, 0, 30)
    advice = advice_at(now, window_around(40.0, 20, 2, 3.0, 10.0), "config")
    assert advice.come_at <= now + dt.timedelta(minutes=30) and advice.come_at.second == 0
    assert advice.come_at <= advice.called_from <= advice.expected_at <= advice.called_to
    assert Advice.from_payload(advice.as_payload()) == advice


async def test_a_new_clinic_advises_from_the_configured_durations(qs, clock):
    for i in range(20):
        await qs.issue(service="A", user_id=100 + i)
    view = await qs.view((await qs.issue(service="A", user_id=7)).id)
    assert view.position == 21 and view.estimate_minutes == pytest.approx(21 * 3 / 2)
    advice = await qs.advice(view.id)
    assert advice == view.advice and advice.source == "config"
    assert advice.come_at == clock.now().replace(second=0, microsecond=0) + dt.timedelta(minutes=21)  # 31.5 - 10, floored
    assert advice.called_from <= clock.now() + dt.timedelta(minutes=31.5) <= advice.called_to


async def serve(qs, n: int) -> None:
    """n patients through the loket, the two counters in turn (both count as open)."""
    for i in range(n):
        counter = ("Loket 1", "Loket 2")[i % 2]
        await qs.call_next(counter)
        await qs.finish(counter)


async def test_leave_now_is_sent_at_the_advised_time_minus_the_trip_once_then_once_more_when_faster(
        qs, db, clock, sessionmaker, settings):
    walk_ins = [await qs.issue(service="A", user_id=None) for _ in range(30)]  # ahead, no Telegram
    patient = await patient_of(db, clock, 56)
    ticket = await qs.issue(service="A", user_id=56, patient_id=patient)  # position 31: 46.5 min
    assert await qs.set_trip(ticket.id, 30) == 0
    assert await qs.trip_of_ticket(ticket.id) == 30
    assert await qs.send_leave_notices() == 0  # come in ~36 min, minus a 30-minute trip: not yet
    clock.advance(minutes=6)
    await serve(qs, 3)  # position 28: 42 min, come in 32, leave in 2
    advice = await qs.advice(ticket.id)
    assert advice.come_at - dt.timedelta(minutes=30) > clock.now()
    assert await qs.send_leave_notices() == 0
    await serve(qs, 2)  # position 26: 39 min, come in 29: leave now
    advice = await qs.advice(ticket.id)
    assert advice.come_at - dt.timedelta(minutes=30) <= clock.now()
    assert await qs.send_leave_notices() == 1
    assert await qs.send_leave_notices() == 0  # never twice for the same time
    restarted = QueueService(db, settings, clock)  # what was told is in the database: a restart repeats nothing
    assert await restarted.send_leave_notices() == 0
    sent = await outbox(sessionmaker, "leave_now", 56)
    assert len(sent) == 1 and sent[0].payload["trip"] == 30 and sent[0].payload["again"] is False
    told = Advice.from_payload(sent[0].payload["advice"])
    assert told == advice
    # the queue speeds up: ten walk-ins ahead leave -> the advice moves 15 minutes earlier: told again, once
    for view in walk_ins[5:15]:
        await qs.cancel(view.id, by="patient")
    assert await qs.send_leave_notices() == 1
    again = (await outbox(sessionmaker, "leave_now", 56))[1]
    assert again.payload["again"] is True
    assert Advice.from_payload(again.payload["advice"]).come_at <= told.come_at - dt.timedelta(minutes=10)
    for view in walk_ins[15:25]:
        await qs.cancel(view.id, by="patient")
    assert await qs.send_leave_notices() == 0  # at most two
    assert len(await outbox(sessionmaker, "leave_now", 56)) == 2


async def test_leave_now_is_said_in_the_ticket_when_it_is_due_already_and_not_sent_again(qs, db, clock, sessionmaker):
    patient = await patient_of(db, clock, 57)
    ticket = await qs.issue(service="A", user_id=57, patient_id=patient)  # first in the queue
    issued = (await outbox(sessionmaker, "issued", 57))[0].payload
    assert issued["leave_now"] is True and issued["trip"] == 15 and issued["advice"]["source"] == "config"
    assert await qs.send_leave_notices() == 0
    assert (await qs.advice(ticket.id)) is not None


async def test_a_checked_in_patient_is_not_told_to_leave(qs, db, clock, sessionmaker):
    for _ in range(30):
        await qs.issue(service="A", user_id=None)
    patient = await patient_of(db, clock, 58)
    ticket = await qs.issue(service="A", user_id=58, patient_id=patient)
    await qs.check_in(ticket.number)
    clock.advance(minutes=60)
    assert await qs.send_leave_notices() == 0


async def test_turn_near_counts_the_trip_and_comes_after_leave_now(qs, db, clock, sessionmaker):
    for _ in range(24):
        await qs.issue(service="A", user_id=None)
    far = await qs.issue(service="A", user_id=60, patient_id=await patient_of(db, clock, 60, "FAR"))
    await qs.issue(service="A", user_id=61, patient_id=await patient_of(db, clock, 61, "NEAR"))
    await qs.set_trip(far.id, 60)
    # positions 25 and 26: 37.5 and 39 minutes, beyond 15: no turn-near for anyone yet
    await qs.call_next("Loket 1")
    await qs.call_next("Loket 2")
    # 22 ahead of `far` now: 34.5 minutes <= its 60-minute trip: near; `near` (15-minute trip) is not
    kinds = [(o.chat_id, o.kind) for o in await outbox(sessionmaker, chat_id=60)] + \
        [(o.chat_id, o.kind) for o in await outbox(sessionmaker, chat_id=61)]
    assert (60, "turn_near") in kinds and (61, "turn_near") not in kinds
    order = [o.kind for o in await outbox(sessionmaker, chat_id=60)]
    assert order.index("leave_now") < order.index("turn_near")  # never told to leave: told first, in order


async def test_a_long_trip_beyond_the_head_of_the_queue_is_told_by_the_leave_now_look(qs, db, clock, sessionmaker):
    for _ in range(40):
        await qs.issue(service="A", user_id=None)
    deep = await qs.issue(service="A", user_id=62, patient_id=await patient_of(db, clock, 62, "DEEP"))
    await qs.set_trip(deep.id, 60)
    await qs.call_next("Loket 1")
    await qs.call_next("Loket 2")
    # position 39: 58.5 min <= 60, but beyond the 25 tickets a queue change reads for turn-near
    assert [o.kind for o in await outbox(sessionmaker, chat_id=62)] == ["issued"]
    assert await qs.send_leave_notices() == 2
    assert [o.kind for o in await outbox(sessionmaker, chat_id=62)] == ["issued", "leave_now", "turn_near"]
    assert (await outbox(sessionmaker, "turn_near", 62))[0].payload["position"] == 39
    assert await qs.send_leave_notices() == 0  # once
