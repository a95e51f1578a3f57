"""A move to another doctor respects that doctor's schedule quota of the moved tickets' days, on
SQLite and PostgreSQL: refused with the quota and the counts when it would pass it (nothing
changed), made when it fits, and "any doctor" (no quota of its own) is always a way out."""
import asyncio

import pytest
from sqlalchemy import text

from queue_core.doctor_moves import ANY_DOCTOR, TargetQuotaFull
from tests.deadlines import until

from .test_doctor_queues import BY, WEDNESDAY, qs, rules, store, take  # noqa: F401 - fixtures

__all__ = ["qs", "rules", "store"]


async def doctors_with_a_quota(store, quota: int) -> tuple[int, int]:  # noqa: F811 - the fixture's name
    """dr. Sari (no quota) in Ruang 1 and dr. Budi (`quota` a day) in Ruang 2, Mondays and Wednesdays."""
    ids = []
    for name, room, limit in (("dr. Sari", "Ruang 1", None), ("dr. Budi", "Ruang 2", quota)):
        doctor = await store.create_doctor({"name": name, "services": ["A"]}, BY)
        for weekday in (1, 3):
            await store.create_schedule({"doctor": doctor["id"], "service": "A", "weekday": weekday, "start": "07:30",
                                         "end": "12:00", "room": room, "quota": limit}, BY)
        ids.append(doctor["id"])
    return ids[0], ids[1]


async def test_a_move_past_the_target_doctors_quota_is_refused_with_the_counts(qs, store, clock):  # noqa: F811
    sari, budi = await doctors_with_a_quota(store, quota=2)
    await take(qs, clock, 0, budi)
    hers = [await take(qs, clock, 1 + i, sari) for i in range(2)]
    with pytest.raises(TargetQuotaFull) as full:
        await store.update_doctor(sari, {"active": False}, BY, move_to=budi)
    refused = full.value
    assert (refused.name, refused.day, refused.quota, refused.taken, refused.count) == (
        "dr. Budi", clock.now().date(), 2, 1, 2)
    assert (await store.doctors())[0]["active"] is True, "nothing changed"
    assert [await qs.doctor_of((await qs.find(n)).id) for n in hers] == [sari, sari]
    done = await store.update_doctor(sari, {"active": False}, BY, move_to=ANY_DOCTOR)
    assert done["moved"] == hers, "any doctor has no quota of its own"


async def test_a_move_that_fits_each_days_quota_is_made(qs, store, clock):  # noqa: F811
    sari, budi = await doctors_with_a_quota(store, quota=2)
    today = await take(qs, clock, 0, sari)
    booked = await qs.issue(service="A", user_id=77, day=WEDNESDAY, doctor=sari)
    await qs.issue(service="A", user_id=78, day=WEDNESDAY, doctor=budi)
    done = await store.update_doctor(sari, {"active": False}, BY, move_to=budi)
    assert done["moved"] == [today, booked.number], "one of two places used today, two of two on Wednesday"


async def test_a_booking_in_flight_is_counted_by_a_move_at_the_same_moment(db, qs, store, clock):  # noqa: F811
    """PostgreSQL (SQLite runs one writer at a time): a booking for dr. Budi is half done (its
    transaction has bumped Wednesday's number counter and written the ticket, not committed) when
    the admin moves dr. Sari's Wednesday patient to him. The move waits for that counter's lock, then
    counts the booking: 1 + 1 booked + 1 moved would pass his quota of 2, so it is refused."""
    if db.is_sqlite:
        pytest.skip("SQLite: one writer at a time, nothing runs beside the move")
    sari, budi = await doctors_with_a_quota(store, quota=2)
    await qs.issue(service="A", user_id=77, day=WEDNESDAY, doctor=budi)
    await qs.issue(service="A", user_id=78, day=WEDNESDAY, doctor=sari)
    async with db.engine.connect() as booking:
        await booking.execute(text("UPDATE daily_counters SET last_seq = last_seq + 1 WHERE day = :d AND service = 'A'"),
                              {"d": WEDNESDAY})
        await booking.execute(text(
            "INSERT INTO tickets (day, service, seq, number, user_id, level, conditions, route, status, phase, "
            "created_at, updated_at, doctor_id) SELECT day, service, 3, 'A-003', 79, level, conditions, route, status, "
            "phase, created_at, updated_at, :budi FROM tickets WHERE number = 'A-001' AND day = :d"),
            {"budi": budi, "d": WEDNESDAY})
        move = asyncio.ensure_future(store.update_doctor(sari, {"active": False}, BY, move_to=budi))

        async def move_waits_for_a_lock() -> bool:
            assert not move.done(), f"the move did not wait for the booking: {move.result()}"
            return await _waiting_on_a_lock(db)

        await until(move_waits_for_a_lock, what="the move waiting for the day's counter")
        await booking.commit()
    with pytest.raises(TargetQuotaFull) as full:
        await move
    assert (full.value.taken, full.value.count, full.value.quota) == (2, 1, 2)


async def _waiting_on_a_lock(db) -> bool:
    async with db.engine.connect() as conn:
        return bool(await conn.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")))
