"""Every rule of domain.md on the real storage, on SQLite and PostgreSQL."""
import dataclasses
import datetime as dt

import pytest

from queue_core import errors
from queue_core.alert_rules import StaffAlerts
from queue_core.service import QueueService
from tests.queue_core.helpers import outbox


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


async def test_numbers_are_prefix_and_daily_sequence_restarting_each_day(qs, clock):
    a1 = await qs.issue(service="A", user_id=1)
    a2 = await qs.issue(service="A", user_id=2)
    b1 = await qs.issue(service="B", user_id=3)
    assert (a1.number, a2.number, b1.number) == ("A-001", "A-002", "B-001")
    clock.advance(days=1)
    assert (await qs.issue(service="A", user_id=1)).number == "A-001"


async def test_closed_hours_holidays_and_quota(qs, clock, settings):
    clock.set(dt.datetime(2026, 11, 23, 6, 30))
    with pytest.raises(errors.ServiceClosed):
        await qs.issue(service="A", user_id=1)
    clock.set(dt.datetime(2026, 11, 28, 8, 0))  # Saturday: Poli Gigi closed, Poli Umum open
    with pytest.raises(errors.ServiceClosed):
        await qs.issue(service="B", user_id=1)
    assert (await qs.issue(service="A", user_id=1)).number == "A-001"
    clock.set(dt.datetime(2026, 12, 25, 8, 0))  # a configured holiday
    with pytest.raises(errors.ServiceClosed) as closed:
        await qs.issue(service="A", user_id=1)
    assert closed.value.params["holiday"] is True
    clock.set(dt.datetime(2026, 11, 24, 8, 0))
    for i in range(settings.services["B"].daily_quota):
        await qs.issue(service="B", user_id=100 + i)
    with pytest.raises(errors.QuotaFull):
        await qs.issue(service="B", user_id=999)
    # the refused ticket left no gap: tomorrow starts at 001 and today's last is the quota
    assert (await qs.find(f"B-{settings.services['B'].daily_quota:03d}")).number.endswith("040")


async def test_unknown_service(qs):
    with pytest.raises(errors.UnknownService):
        await qs.issue(service="Z", user_id=1)


async def test_level_from_conditions_and_age(qs):
    assert (await qs.issue(service="A", user_id=1, conditions=["flu"], age=30)).level == 3
    assert (await qs.issue(service="A", user_id=2, conditions=["hamil", "flu"], age=28)).level == 1
    assert (await qs.issue(service="A", user_id=3, age=72)).conditions == ("lansia",)
    assert (await qs.issue(service="A", user_id=4, conditions=["tbc"])).level == 2


async def test_call_order_follows_priority_then_arrival(qs, clock):
    low1 = await qs.issue(service="A", user_id=1)
    clock.advance(minutes=1)
    low2 = await qs.issue(service="A", user_id=2)
    clock.advance(minutes=1)
    allergy = await qs.issue(service="A", user_id=3, conditions=["alergi"])
    clock.advance(minutes=1)
    pregnant = await qs.issue(service="A", user_id=4, conditions=["hamil"])
    clock.advance(minutes=1)
    emergency = await qs.issue(service="A", user_id=5, conditions=["darurat"])
    order = []
    for _ in range(5):
        called = await qs.call_next("Loket 1")
        order.append(called.number)
        await qs.finish("Loket 1")
    assert order == [emergency.number, pregnant.number, allergy.number, low1.number, low2.number]
    assert await qs.call_next("Loket 1") is None


async def test_position_and_estimate_while_waiting(qs, clock):
    tickets = [await qs.issue(service="A", user_id=i) for i in range(1, 5)]
    assert [t.position for t in tickets] == [1, 2, 3, 4]
    late_pregnant = await qs.issue(service="A", user_id=9, conditions=["hamil"])
    assert late_pregnant.position == 1
    view = await qs.view(tickets[3].id)
    assert view.position == 5
    # no history yet: config mean 3 min at the loket, 2 counters -> 5 * 3 / 2
    assert view.estimate_minutes == pytest.approx(7.5)


async def test_one_active_ticket_per_patient_per_service(qs, db, sessionmaker, clock):
    from queue_core.models import Patient
    from tests.queue_core.helpers import add_user

    await add_user(sessionmaker, 1, clock.now())
    async with sessionmaker() as s, s.begin():
        p = Patient(owner_id=1, name="SITI", created_at=clock.now())
        s.add(p)
    first = await qs.issue(service="A", user_id=1, patient_id=p.id)
    with pytest.raises(errors.AlreadyHasTicket) as again:
        await qs.issue(service="A", user_id=1, patient_id=p.id)
    assert again.value.params["number"] == first.number
    assert (await qs.issue(service="B", user_id=1, patient_id=p.id)).number == "B-001"
    await qs.cancel(first.id)
    assert (await qs.issue(service="A", user_id=1, patient_id=p.id)).number == "A-002"


async def test_full_route_keeps_number_and_level(qs, clock, sessionmaker):
    t = await qs.issue(service="A", user_id=7, conditions=["hamil"])
    assert (await qs.call_next("Loket 2")).number == t.number
    clock.advance(minutes=3)
    moved = await qs.finish("Loket 2")
    assert (moved.phase, moved.status, moved.level, moved.number) == ("poli", "waiting", 1, t.number)
    called = await qs.call_next("Ruang 2")
    assert called.channel == "Ruang 2"
    await qs.start("Ruang 2")
    clock.advance(minutes=12)
    assert (await qs.finish("Ruang 2")).phase == "apotek"
    await qs.call_next("Apotek")
    done = await qs.finish("Apotek")
    assert done.status == "done"
    kinds = [o.kind for o in await outbox(sessionmaker, chat_id=7)]
    # alone in every queue: each entry notice says the turn is near itself, no separate turn-near
    assert kinds == ["issued", "called", "next_phase", "called", "next_phase", "called", "finished"]
    entries = [o for o in await outbox(sessionmaker, chat_id=7) if o.kind in ("issued", "next_phase")]
    assert [(o.payload["phase"], o.payload.get("near")) for o in entries] == [
        ("loket", True), ("poli", True), ("apotek", True)]
    issued = (await outbox(sessionmaker, "issued"))[0]  # the ticket message: written in the issuing transaction
    assert issued.ticket_id == t.id and issued.lane == "urgent"
    assert {k: issued.payload[k] for k in ("number", "service", "ticket_id", "phase", "position", "day")} == {
        "number": t.number, "service": "A", "ticket_id": t.id, "phase": "loket", "position": 1, "day": "2026-11-23"}


async def test_poli_queue_is_per_service_and_loket_is_shared(qs, clock):
    a = await qs.issue(service="A", user_id=1)
    b = await qs.issue(service="B", user_id=2)
    assert (await qs.call_next("Loket 1")).number == a.number
    assert (await qs.call_next("Loket 2")).number == b.number
    await qs.finish("Loket 1")
    await qs.finish("Loket 2")
    assert (await qs.call_next("Ruang Gigi")).number == b.number
    assert (await qs.call_next("Ruang 1")).number == a.number
    assert await qs.call_next("Ruang MTBS") is None


async def test_skip_then_rejoin_within_grace_and_not_after(qs, clock, sessionmaker):
    t = await qs.issue(service="A", user_id=5)
    await qs.issue(service="A", user_id=6)
    await qs.call_next("Loket 1")
    skipped = await qs.skip("Loket 1")
    assert skipped.status == "skipped"
    notice = (await outbox(sessionmaker, "skipped"))[0]
    assert notice.payload["ticket_id"] == t.id and notice.payload["grace_minutes"] == 30
    clock.advance(minutes=10)
    back = await qs.rejoin(t.id)
    assert back.status == "waiting" and back.position == 2  # behind the one already waiting
    assert (await qs.call_next("Loket 1")).number == "A-002"
    await qs.finish("Loket 1")
    assert (await qs.call_next("Loket 1")).number == t.number
    await qs.skip("Loket 1")
    clock.advance(minutes=31)
    with pytest.raises(errors.RejoinExpired):
        await qs.rejoin(t.id)


async def test_channel_busy_paused_unknown(qs):
    await qs.issue(service="A", user_id=1)
    await qs.issue(service="A", user_id=2)
    first = await qs.call_next("Loket 1")
    with pytest.raises(errors.ChannelBusy) as busy:
        await qs.call_next("Loket 1")
    assert busy.value.params["number"] == first.number
    await qs.set_paused("Loket 2", True)
    with pytest.raises(errors.ChannelPaused):
        await qs.call_next("Loket 2")
    await qs.set_paused("Loket 2", False)
    assert (await qs.call_next("loket 2")).number == "A-002"  # names are case-insensitive
    with pytest.raises(errors.UnknownChannel):
        await qs.call_next("Loket 9")
    with pytest.raises(errors.NoCurrentTicket):
        await qs.finish("Apotek")


async def test_paused_channel_counts_in_estimates(qs):
    for i in range(4):
        await qs.issue(service="A", user_id=i)
    both = await qs.view(4)
    await qs.set_paused("Loket 2", True)
    one = await qs.view(4)
    assert one.estimate_minutes == pytest.approx(2 * both.estimate_minutes)


async def test_cancel_by_staff_notifies_and_patient_cancel_does_not(qs, sessionmaker):
    a = await qs.issue(service="A", user_id=1)
    b = await qs.issue(service="A", user_id=2)
    await qs.cancel(a.id)
    await qs.cancel(b.id, by="staff", reason="staff")
    assert [o.chat_id for o in await outbox(sessionmaker, "cancelled")] == [2]
    with pytest.raises(errors.InvalidTransition):
        await qs.cancel(a.id)


async def test_transfer_keeps_number_and_level(qs, clock):
    t = await qs.issue(service="A", user_id=1, conditions=["alergi"])
    await qs.call_next("Loket 1")
    await qs.finish("Loket 1")
    await qs.call_next("Ruang 1")
    moved = await qs.transfer(t.id, "B")
    assert (moved.number, moved.service, moved.phase, moved.level) == ("A-001", "B", "poli", 2)
    assert (await qs.call_next("Ruang Gigi")).number == "A-001"
    assert await qs.current("Ruang 1") is None


async def near_told(sessionmaker) -> list[tuple[int, str]]:
    """(chat, phase) of every "your turn is near": its own notice, or an entry notice saying it."""
    return [(o.chat_id, o.payload["phase"]) for o in await outbox(sessionmaker)
            if o.kind == "turn_near" or (o.kind in ("issued", "next_phase") and o.payload.get("near"))]


async def test_turn_near_is_sent_once_per_phase(qs, sessionmaker, settings):
    for i in range(12):
        await qs.issue(service="A", user_id=100 + i)
    # positions 1..3 by rule; 2 counters x 3-minute services put positions up to 10 within 15
    # minutes: all ten were near when they took the ticket, so the ticket says it
    assert await near_told(sessionmaker) == [(100 + i, "loket") for i in range(10)]
    assert await outbox(sessionmaker, "turn_near") == []
    # one counter working: with the configured 3 minutes a patient (the estimates' source without
    # history), the last two are within 15 minutes once eight are through
    for _ in range(8):
        await qs.call_next("Loket 1")
        await qs.finish("Loket 1")
    told = await near_told(sessionmaker)
    assert {(100 + i, "loket") for i in range(12)} <= set(told)  # the last two came within reach later...
    assert [o.chat_id for o in await outbox(sessionmaker, "turn_near")] == [110, 111]  # ...and got their own
    # the eight moved on to the poli (12-minute services): the first three are near there too
    assert [c for c, phase in told if phase == "poli"] == [100, 101, 102]
    assert len(told) == len(set(told))  # once per ticket and phase


async def test_turn_near_waits_until_position_or_time(db, sessionmaker, settings, clock):
    slow = dataclasses.replace(settings, notifications=dataclasses.replace(settings.notifications, turn_near_minutes=0))
    qs = QueueService(db, slow, clock)
    await qs.ensure_channels()
    for i in range(6):
        await qs.issue(service="A", user_id=200 + i)
    assert await near_told(sessionmaker) == [(200, "loket"), (201, "loket"), (202, "loket")]  # in their tickets
    await qs.call_next("Loket 1")
    assert [o.chat_id for o in await outbox(sessionmaker, "turn_near")] == [203]


async def test_emergency_alerts_staff(db, sessionmaker, settings, clock):
    staffed = dataclasses.replace(settings, staff_ids=frozenset({501}), admin_ids=frozenset({502}))
    qs = QueueService(db, staffed, clock)
    await qs.ensure_channels()
    t = await qs.issue(service="A", user_id=1, conditions=["darurat"])
    alerts = await outbox(sessionmaker, "staff_emergency")
    assert [o.chat_id for o in alerts] == [501]  # the staff; the admins only when nobody takes the alert
    assert alerts[0].payload["number"] == t.number
    grouped = dataclasses.replace(staffed, staff_alerts=StaffAlerts(chat_id=-1001))
    qs = QueueService(db, grouped, clock)
    await qs.issue(service="B", user_id=2, conditions=["darurat"])
    assert [o.chat_id for o in await outbox(sessionmaker, "staff_emergency")] == [501, -1001]


async def test_close_day_cancels_unfinished(qs, db, sessionmaker, clock):
    await qs.issue(service="A", user_id=1)
    await qs.issue(service="A", user_id=2)
    await qs.call_next("Loket 1")
    assert await qs.close_day() == 2
    assert await qs.call_next("Loket 2") is None
    assert len(await outbox(sessionmaker, "cancelled")) == 2


async def test_snapshot_matches_what_the_predictor_replays(qs, clock):
    """Live snapshots count channels and upstream patients the way predictor/replay.py does."""
    for i in range(3):
        await qs.issue(service="A", user_id=i)
    await qs.call_next("Loket 1")
    clock.advance(minutes=4)
    await qs.finish("Loket 1")
    poli = await qs.snapshot("poli", "A")
    assert [w.ticket for w in poli.waiting] == ["A-001"]
    assert poli.upstream_levels == (3, 3)          # two still at the loket
    assert poli.channels_open == 2                 # nobody served yet: the configured rooms
    loket = await qs.snapshot("loket", "A")
    assert loket.recent_service_minutes == (4.0,)
    assert loket.channels_open == 1                # only Loket 1 has been active in the last 45 min
    assert loket.upstream_levels == ()


class RecordingEstimator:
    """Positional minutes, remembering how much of the queue each call saw."""

    name = "recording"

    def __init__(self, needs_full_queue: bool) -> None:
        self.needs_full_queue = needs_full_queue
        self.seen: list[int] = []

    def estimate(self, snapshot):
        self.seen.append(len(snapshot.waiting))
        return [w.position * 1.0 for w in snapshot.waiting]


@pytest.mark.parametrize("full", [True, False])
async def test_a_model_sees_the_whole_queue_a_formula_only_the_head(db, settings, clock, full):
    estimator = RecordingEstimator(full)
    qs = QueueService(db, settings, clock, estimator)
    await qs.ensure_channels()
    tickets = [await qs.issue(service="A", user_id=i) for i in range(40)]
    estimator.seen.clear()
    view = await qs.view(tickets[4].id)
    assert view.position == 5 and view.estimate_minutes == 5.0
    assert estimator.seen == [40 if full else 5]
