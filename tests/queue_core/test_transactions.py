"""The queue's transactions (Database.run_tx): same rows as the ORM, atomic, never blocking the loop."""
import asyncio
import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select, update

from queue_core.models import Outbox, Ticket, Visit
from queue_core.service import QueueService
from queue_core.tx import channel_states, tickets
from storage.db import Database
from tests.deadlines import REPLY, scaled, until


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


async def test_rows_written_by_the_queue_read_back_by_the_orm_exactly(qs, sessionmaker, clock):
    clock.set(dt.datetime(2026, 11, 23, 8, 15, 30))
    view = await qs.issue(service="A", user_id=7, conditions=["hamil"], age=30)
    clock.advance(minutes=3, microseconds=250)
    await qs.call_next("Loket 1")
    async with sessionmaker() as s:
        ticket = await s.scalar(select(Ticket).where(Ticket.id == view.id))
        visit = await s.scalar(select(Visit).where(Visit.ticket_id == view.id))
        called = await s.scalar(select(Outbox).where(Outbox.kind == "called"))
    assert ticket.created_at == dt.datetime(2026, 11, 23, 8, 15, 30)
    assert ticket.day == dt.date(2026, 11, 23) and ticket.conditions == "hamil" and ticket.status == "called"
    assert visit.entered_at == dt.datetime(2026, 11, 23, 8, 15, 30)
    assert visit.called_at == dt.datetime(2026, 11, 23, 8, 18, 30, 250)
    assert visit.turn_near_sent is True and visit.channel == "Loket 1"
    assert called.payload == {"number": view.number, "service": "A", "phase": "loket", "channel": "Loket 1"}


async def test_a_failed_operation_leaves_nothing_behind(qs, sessionmaker):
    await qs.issue(service="A", user_id=1, patient_id=None)

    async def half_then_fail(tx):
        await tx.run(update(tickets).values(status="cancelled"))
        raise RuntimeError("crash mid-transaction")

    with pytest.raises(RuntimeError):
        await qs.db.run_tx(half_then_fail)
    async with sessionmaker() as s:
        assert [t.status for t in await s.scalars(select(Ticket))] == ["waiting"]
    assert (await qs.issue(service="A", user_id=2)).number == "A-002"  # the connection is usable again


async def test_sqlite_locked_by_another_process_is_waited_for_without_blocking_the_loop(tmp_path, settings, clock):
    url = f"sqlite+aiosqlite:///{tmp_path}/locked.db"
    db = Database(url)
    await db.upgrade()
    qs = QueueService(db, settings, clock)
    await qs.ensure_channels()
    other = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    ticks = 0

    async def heartbeat():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    beat = asyncio.create_task(heartbeat())
    issuing = asyncio.create_task(qs.issue(service="A", user_id=1))
    # the loop keeps running other work (20 heartbeats) while the issue waits for the lock,
    # which it cannot get: an issue that blocked the loop would stop the heartbeat
    await until(lambda: ticks >= 20 and db.retries > 0, what="20 heartbeats while the issue waits and retries")
    assert not issuing.done()
    other.execute("ROLLBACK")
    view = await asyncio.wait_for(issuing, scaled(REPLY))
    beat.cancel()
    assert view.number == "A-001"
    assert db.retries > 0
    other.close()
    await db.dispose()


async def test_concurrent_operations_stay_atomic_and_each_gets_its_own_answer(tmp_path, settings, clock):
    db = Database(f"sqlite+aiosqlite:///{tmp_path}/concurrent.db")
    await db.upgrade()
    qs = QueueService(db, settings, clock)
    await qs.ensure_channels()

    async def doomed(tx):
        await tx.run(update(channel_states).values(paused=True))
        raise RuntimeError("this one fails after writing")

    results = await asyncio.gather(
        qs.issue(service="A", user_id=1), db.run_tx(doomed), qs.issue(service="A", user_id=2),
        qs.issue(service="B", user_id=3), return_exceptions=True,
    )
    assert [r.number for r in results if not isinstance(r, Exception)] == ["A-001", "A-002", "B-001"]
    assert isinstance(results[1], RuntimeError)
    assert (await qs.call_next("Loket 1")).number == "A-001"  # the failed one's pause was rolled back
    await db.dispose()


async def test_a_commit_that_wrote_notices_wakes_the_listeners_once(qs, clock):
    woken = []
    await qs.issue(service="A", user_id=7)
    qs.db.on_insert_commit("outbox", lambda: woken.append(clock.now()))

    async def no_notice(tx):
        await tx.run(update(tickets).values(updated_at=clock.now()))

    await qs.db.run_tx(no_notice)
    assert woken == []
    await qs.call_next("Loket 1")  # "called" for the patient: outbox rows in one commit, one wake
    assert len(woken) == 1

    async def notice_then_fail(tx):
        await tx.run(Outbox.__table__.insert().values(
            created_at=clock.now(), next_attempt_at=clock.now(), chat_id=7, kind="called", lane="urgent", payload={},
            status="pending", attempts=0))
        raise RuntimeError("crash mid-transaction")

    with pytest.raises(RuntimeError):
        await qs.db.run_tx(notice_then_fail)
    assert len(woken) == 1, "a rolled-back notice wakes nobody"

    async def orm_notice(session):
        session.add(Outbox(created_at=clock.now(), next_attempt_at=clock.now(), chat_id=8, kind="broadcast_report",
                           lane="urgent", payload={}, status="pending", attempts=0))

    await qs.db.run(orm_notice)
    assert len(woken) == 2
