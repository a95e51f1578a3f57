"""The counter's queue_core side (issue 22): walk-in patients, cancel with a reason, the quota,
check-in and clearing a service's queue, on SQLite and PostgreSQL."""
import datetime as dt

import pytest

from queue_core import errors
from queue_core.counter import WALK_IN_OWNER, CounterPatients, NikTaken
from queue_core.patients import PatientRepository
from queue_core.service import QueueService
from tests.queue_core.helpers import add_user, outbox, quota_used

RINA = {"nik": "3573056501951004", "name": "RINA WULANDARI", "birth_date": "1995-01-25", "sex": "P",
        "address": "JL. MERPATI 3, MALANG", "phone": "081234567890", "bpjs": "0001234567890"}


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


@pytest.fixture
def walk_ins(db, clock):
    return CounterPatients(db, clock.now)


async def test_walk_in_records_are_unique_by_nik_and_found_by_nik_bpjs_phone_or_name(walk_ins, sessionmaker, clock):
    rina = await walk_ins.create(RINA)
    assert rina.owner_id == WALK_IN_OWNER and rina.chat_id is None and rina.birth_date == dt.date(1995, 1, 25)
    with pytest.raises(NikTaken) as taken:
        await walk_ins.create({**RINA, "name": "RINA W"})
    assert taken.value.patient_id == rina.id
    # a NIK registered in the chat is "registered" too: the counter uses that record
    await add_user(sessionmaker, 555, clock.now())
    chat = await PatientRepository(walk_ins.db, clock.now).add(
        555, relation="self", name="BUDI SANTOSO", nik="3507011203850001")
    with pytest.raises(NikTaken) as taken:
        await walk_ins.create({**RINA, "nik": "3507011203850001"})
    assert taken.value.patient_id == chat.id
    for query in ("3573056501951004", "0001234567890", "+62 812-3456-7890", "wulan", "Rina W"):
        assert [p.id for p in await walk_ins.search(query)] == [rina.id], query
    assert [p.id for p in await walk_ins.search("santoso")] == [chat.id]
    assert await walk_ins.search("100%") == []  # LIKE wildcards are plain characters
    with pytest.raises(ValueError):
        await walk_ins.search("ri")


async def test_update_gives_before_and_after_and_refuses_a_registered_nik(walk_ins):
    rina = await walk_ins.create(RINA)
    other = await walk_ins.create({**RINA, "nik": "3573050101900003", "name": "ADI", "sex": "L",
                                   "birth_date": "1990-01-01"})
    before, after = await walk_ins.update(rina.id, {"phone": None, "address": "JL. MAWAR 1"})
    assert (before.phone, after.phone, after.address, after.name) == ("081234567890", None, "JL. MAWAR 1", RINA["name"])
    with pytest.raises(NikTaken) as taken:
        await walk_ins.update(rina.id, {"nik": other.nik})
    assert taken.value.patient_id == other.id
    assert await walk_ins.update(99999, {"name": "X"}) is None


async def test_a_walk_in_stands_in_the_same_queue_and_gets_no_notice(qs, walk_ins, sessionmaker):
    rina = await walk_ins.create(RINA)
    first = await qs.issue(service="A", user_id=1)
    mine = await qs.issue(service="A", user_id=rina.chat_id, patient_id=rina.id)
    assert mine.position == 2 and mine.number == "A-002"
    with pytest.raises(errors.AlreadyHasTicket):
        await qs.issue(service="A", user_id=None, patient_id=rina.id)
    assert [n.chat_id for n in await outbox(sessionmaker)] == [1]  # the chat patient's ticket only
    assert (await qs.call_next("Loket 1")).number == first.number
    assert (await qs.call_next("Loket 2")).number == mine.number


async def test_a_cancelled_place_goes_back_to_the_quota_and_the_holder_is_told_why(qs, settings, db, clock,
                                                                                   sessionmaker):
    quota = settings.services["B"].daily_quota
    views = [await qs.issue(service="B", user_id=100 + i) for i in range(quota)]
    with pytest.raises(errors.QuotaFull):
        await qs.issue(service="B", user_id=999)
    cancelled = await qs.cancel(views[3].id, by="staff", reason="staff", note="dokter gigi berhalangan")
    assert cancelled.status == "cancelled"
    told = await outbox(sessionmaker, "cancelled")
    assert [(n.chat_id, n.payload["note"]) for n in told] == [(103, "dokter gigi berhalangan")]
    assert await quota_used(db, clock.now().date(), "B") == quota - 1
    extra = await qs.issue(service="B", user_id=999)
    assert extra.number == f"B-{quota + 1:03d}"  # numbers are never reused
    with pytest.raises(errors.QuotaFull):
        await qs.issue(service="B", user_id=1000)


async def test_check_in_keeps_the_first_time_and_brings_a_skipped_ticket_back(qs, clock):
    a1 = await qs.issue(service="A", user_id=1)
    a2 = await qs.issue(service="A", user_id=2)
    view, first = await qs.check_in("a-002")
    assert view.status == "waiting" and first == clock.now()
    clock.advance(minutes=3)
    assert (await qs.check_in("A-002"))[1] == first
    await qs.call_next("Loket 1")
    await qs.skip("Loket 1")
    view, at = await qs.check_in(a1.number)
    assert view.status == "waiting" and view.position == 2 and at == clock.now()
    await qs.call_next("Loket 1")
    await qs.finish("Loket 1")
    await qs.call_next("Loket 1")
    await qs.skip("Loket 1")
    clock.advance(minutes=60)
    with pytest.raises(errors.RejoinExpired):
        await qs.check_in(a1.number)
    await qs.cancel(a2.id)
    with pytest.raises(errors.InvalidTransition):
        await qs.check_in(a2.number)
    with pytest.raises(errors.TicketNotFound):
        await qs.check_in("A-099")


async def test_clearing_a_service_cancels_its_waiting_tickets_up_to_the_poli_and_tells_each(qs, sessionmaker, clock):
    at_apotek = await qs.issue(service="A", user_id=1)
    for channel in ("Loket 1", "Ruang 1"):  # on to the apotek queue
        await qs.call_next(channel)
        await qs.finish(channel)
    at_poli = await qs.issue(service="A", user_id=2)
    await qs.call_next("Loket 1")
    await qs.finish("Loket 1")
    at_counter = await qs.issue(service="A", user_id=3)
    await qs.call_next("Loket 1")
    waiting = await qs.issue(service="A", user_id=None)
    skipped = await qs.issue(service="A", user_id=5)
    await qs.call_next("Loket 2")
    await qs.skip("Loket 2")
    other = await qs.issue(service="B", user_id=6)
    numbers = await qs.clear_service("A", "dokter umum berhalangan")
    assert numbers == [at_poli.number, waiting.number, skipped.number]
    for view, status in ((at_apotek, "waiting"), (at_poli, "cancelled"), (at_counter, "called"),
                         (waiting, "cancelled"), (skipped, "cancelled"), (other, "waiting")):
        assert (await qs.view(view.id)).status == status, view.number
    told = await outbox(sessionmaker, "cancelled")
    assert sorted(n.chat_id for n in told) == [2, 5]
    assert {n.payload["note"] for n in told} == {"dokter umum berhalangan"}
    assert (await qs.view(other.id)).position == 1  # the shared loket queue moved up
    assert await qs.clear_service("A", "x") == []
    with pytest.raises(errors.UnknownService):
        await qs.clear_service("Z", "x")
