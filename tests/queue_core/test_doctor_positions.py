"""A patient who chose a doctor is placed in that doctor's queue (the part of the poli queue the
room where the doctor practises calls), on SQLite and PostgreSQL: /status, the ticket and the
turn-near notice count only what that room calls before them, and the minutes use that one room;
an "any doctor" patient keeps the place in the whole poli queue."""
import dataclasses
import datetime as dt

import pytest

from queue_core.advice import Advice
from queue_core.service import QueueService

from .helpers import outbox
from .test_doctor_queues import MONDAY_8AM, drain_room, rules, store, take, two_doctors  # noqa: F401 - fixtures

__all__ = ["rules", "store"]


@pytest.mark.parametrize("room", ["Ruang 1", "Ruang 2"])
async def test_a_doctors_patient_is_placed_where_their_room_will_call_them(db, rules, store, clock, room):  # noqa: F811
    qs = QueueService(db, rules, clock)
    await qs.ensure_channels()
    sari, budi = await two_doctors(store)
    chosen = [budi, budi, sari, None, budi, budi, sari, None, budi, sari]
    numbers = [await take(qs, clock, i, doctor) for i, doctor in enumerate(chosen)]
    clock.set(MONDAY_8AM + dt.timedelta(minutes=30))
    views = {n: await qs.find(n) for n in numbers}
    mean = rules.phase_mean_minutes("poli", "A")
    for i, (number, doctor) in enumerate(zip(numbers, chosen)):
        if doctor is None:
            assert views[number].position == i + 1, "any room may call them: the whole poli's place"
            assert views[number].estimate_minutes == (i + 1) * mean / 2, "both rooms serve them"
    doctor_here = sari if room == "Ruang 1" else budi
    calls = await drain_room(qs, room)  # the room alone: it calls its doctor's and every "any doctor" patient
    for number, doctor in zip(numbers, chosen):
        if doctor == doctor_here:
            assert views[number].position == calls.index(number) + 1, number
            assert views[number].estimate_minutes == views[number].position * mean, "their one room serves them"
    if room == "Ruang 1":
        assert calls == ["A-003", "A-004", "A-007", "A-008", "A-010"]


async def test_the_turn_near_notice_counts_the_doctors_queue(db, rules, store, clock, sessionmaker):  # noqa: F811
    by_position = dataclasses.replace(rules, notifications=dataclasses.replace(rules.notifications, turn_near_minutes=0))
    qs = QueueService(db, by_position, clock)
    await qs.ensure_channels()
    sari, budi = await two_doctors(store)
    chosen = [budi, budi, budi, budi, sari, sari, sari, sari]
    numbers = [await take(qs, clock, i, doctor) for i, doctor in enumerate(chosen)]
    target, chat = numbers[-1], 1000 + len(numbers) - 1
    clock.set(MONDAY_8AM + dt.timedelta(minutes=30))
    assert (await qs.find(target)).position == 4, "8th in the poli, 4th for dr. Sari's room"
    for _ in range(2):  # dr. Budi's room calls its own: dr. Sari's queue does not move
        await qs.call_next("Ruang 2")
        await qs.finish("Ruang 2")
    assert await outbox(sessionmaker, "turn_near", chat_id=chat) == []
    await qs.call_next("Ruang 1")
    [near] = await outbox(sessionmaker, "turn_near", chat_id=chat)
    assert (near.payload["number"], near.payload["position"]) == (target, 3)
    assert (await qs.find(target)).position == 3


async def test_the_leave_now_notice_counts_the_doctors_queue(db, rules, store, clock, sessionmaker):  # noqa: F811
    """12 minutes a patient: 3rd for dr. Sari's room means come in ~26 minutes, 2nd in ~14, within a
    15-minute trip; in the whole poli (8 of dr. Budi's ahead) she would still be far."""
    quiet = dataclasses.replace(rules, notifications=dataclasses.replace(
        rules.notifications, turn_near_minutes=0, turn_near_position=1))
    qs = QueueService(db, quiet, clock)
    await qs.ensure_channels()
    sari, budi = await two_doctors(store)
    chosen = [budi] * 8 + [sari] * 3
    numbers = [await take(qs, clock, i, doctor) for i, doctor in enumerate(chosen)]
    target, chat = await qs.find(numbers[-1]), 1000 + len(numbers) - 1
    assert target.position == 3
    assert await outbox(sessionmaker, "leave_now", chat_id=chat) == []
    await qs.call_next("Ruang 1")
    await qs.send_leave_notices()
    [leave] = await outbox(sessionmaker, "leave_now", chat_id=chat)
    assert Advice.from_payload(leave.payload["advice"]) == await qs.advice(target.id), "the ticket's own advice"
