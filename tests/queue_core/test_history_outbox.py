"""History export (history.md) and the outbox drain."""
import csv
import io

import pytest

from queue_core.history import COLUMNS, history_rows, write_csv
from queue_core.outbox import MAX_ATTEMPTS, OutboxRepository
from queue_core.service import QueueService
from tests.queue_core.helpers import add_user


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


async def test_history_export_has_one_row_per_finished_visit(qs, db, sessionmaker, clock):
    t = await qs.issue(service="A", user_id=1, conditions=["hamil", "flu"], age=31)
    other = await qs.issue(service="A", user_id=2)
    clock.advance(minutes=2)
    await qs.call_next("Loket 1")
    clock.advance(minutes=3)
    await qs.finish("Loket 1")
    await qs.call_next("Loket 1")
    await qs.skip("Loket 1")
    clock.advance(minutes=5)
    await qs.call_next("Ruang 1")
    clock.advance(minutes=10)
    await qs.finish("Ruang 1")
    rows = await history_rows(db, clock.now().date(), clock.now().date())
    buf = io.StringIO()
    write_csv(rows, buf)
    parsed = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(parsed[0]) == COLUMNS
    by_key = {(r["ticket"], r["phase"]): r for r in parsed}
    assert set(by_key) == {(t.number, "loket"), (other.number, "loket"), (t.number, "poli")}
    loket = by_key[(t.number, "loket")]
    assert loket == {
        "date": "2026-11-23", "ticket": "A-001", "service": "A", "level": "1", "conditions": "hamil+flu",
        "age": "31", "phase": "loket", "channel": "Loket 1", "entered_at": "2026-11-23T08:00:00",
        "called_at": "2026-11-23T08:02:00", "started_at": "2026-11-23T08:02:00",
        "finished_at": "2026-11-23T08:05:00", "outcome": "done",
    }
    skipped = by_key[(other.number, "loket")]
    assert (skipped["outcome"], skipped["called_at"]) == ("skipped", "2026-11-23T08:05:00")
    assert (skipped["channel"], skipped["started_at"], skipped["finished_at"]) == ("", "", "")
    assert by_key[(t.number, "poli")]["entered_at"] == "2026-11-23T08:05:00"


async def test_a_cancelled_visit_records_when_it_left_the_queue(qs, db, clock):
    t = await qs.issue(service="A", user_id=1)
    clock.advance(minutes=7)
    await qs.cancel(t.id)
    [row] = await history_rows(db, clock.now().date(), clock.now().date())
    assert (row["outcome"], row["called_at"], row["finished_at"]) == ("cancelled", "", "2026-11-23T08:07:00")


async def test_outbox_claims_in_order_and_settles(qs, db, sessionmaker, clock):
    repo = OutboxRepository(db, clock)
    await add_user(sessionmaker, 44, clock.now())
    for i in range(5):
        await qs.issue(service="A", user_id=40 + i)
    # each ticket writes its ticket message ("issued"; near the head, it says so itself)
    first = await repo.claim("urgent", 2)
    assert [(n.chat_id, n.kind) for n in first] == [(40, "issued"), (41, "issued")]
    second = await repo.claim("urgent", 10)
    assert [n.chat_id for n in second] == [42, 43, 44]  # claimed rows are not handed out twice
    for n in second[:2]:
        await repo.mark_sent(n.id)
    await repo.mark_sent(first[0].id)
    assert await repo.mark_retry(first[1].id, "timeout", first[1].attempts) is True
    assert await repo.claim("urgent", 10) == []  # backing off
    clock.advance(seconds=5)
    again = await repo.claim("urgent", 10)
    assert [n.id for n in again] == [first[1].id] and again[0].attempts == 2
    await repo.mark_blocked(second[2].id, 44)
    assert await repo.mark_retry(again[0].id, "500", MAX_ATTEMPTS) is False
    counts = await repo.counts()
    assert counts == {("urgent", "sent"): 3, ("urgent", "blocked"): 1, ("urgent", "failed"): 1}


async def test_rows_claimed_by_a_dead_process_are_recovered(qs, db, sessionmaker, clock):
    repo = OutboxRepository(db, clock)
    await qs.issue(service="A", user_id=7)
    claimed = await repo.claim("urgent", 10)
    assert [n.kind for n in claimed] == ["issued"]
    assert await repo.recover() == 1
    assert [n.id for n in await repo.claim("urgent", 10)] == [n.id for n in claimed]
