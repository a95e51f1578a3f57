"""Per-doctor queues within a poli (queue_core/doctor_rooms.py, doctor_moves.py), on SQLite and
PostgreSQL: each room calls its own doctor's patients and the "any doctor" ones, by the one policy
order; a doctor in no room now does not strand their patients; a number called by name is called;
a doctor or schedule that patients chose goes only with them moved (in order, each told); the
board and a room's /queue list name the doctor."""
import dataclasses
import datetime as dt

import pytest

from queue_core.clinic_checks import BadFields
from queue_core.clinic_data import ClinicStore
from queue_core.doctor_moves import ANY_DOCTOR, DoctorHasTickets
from queue_core.doctor_rooms import NotWaitingHere
from queue_core.policy import OrderingPolicy, order
from queue_core.service import QueueService
from queue_core.service_catalog import with_services
from queue_core.staff_views import board_state, staff_queue

from .helpers import outbox

BY = {"token": "admin-pc", "via": "api"}
MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)
WEDNESDAY = dt.date(2026, 11, 25)


@pytest.fixture
def rules(settings):
    """Poli Umum (two rooms) straight into the poli queue: the tickets wait for a room at once."""
    umum = dataclasses.replace(settings.services["A"], route=("poli",))
    return with_services(settings, {**settings.services, "A": umum})


@pytest.fixture
async def qs(db, rules, clock):
    service = QueueService(db, rules, clock)
    await service.ensure_channels()
    return service


@pytest.fixture
def store(db, rules, clock):
    return ClinicStore(db, clock, rules)


async def two_doctors(store, end: str = "12:00", sari_end: str | None = None) -> tuple[int, int]:
    """dr. Sari in Ruang 1 and dr. Budi in Ruang 2, Mondays and Wednesdays from 07:30."""
    ids = []
    for name, room, until in (("dr. Sari", "Ruang 1", sari_end or end), ("dr. Budi", "Ruang 2", end)):
        doctor = await store.create_doctor({"name": name, "services": ["A"]}, BY)
        for weekday in (1, 3):
            await store.create_schedule({"doctor": doctor["id"], "service": "A", "weekday": weekday, "start": "07:30",
                                         "end": until, "room": room}, BY)
        ids.append(doctor["id"])
    return ids[0], ids[1]


async def take(qs, clock, minutes: float, doctor: int | None, conditions=()) -> str:
    clock.set(MONDAY_8AM + dt.timedelta(minutes=minutes))
    return (await qs.issue(service="A", user_id=1000 + int(minutes), doctor=doctor, conditions=conditions)).number


async def drain_room(qs, room: str) -> list[str]:
    called = []
    while (view := await qs.call_next(room)) is not None:
        called.append(view.number)
        await qs.finish(room)
    return called


async def test_two_rooms_each_call_their_own_doctors_patients_and_share_the_any_doctor_ones(qs, store, clock):
    sari, budi = await two_doctors(store)
    chosen = [sari, budi, None, sari, budi, None, None, sari]
    numbers = [await take(qs, clock, i, doctor) for i, doctor in enumerate(chosen)]
    clock.set(MONDAY_8AM + dt.timedelta(minutes=30))
    first, second = [], []
    while True:  # the two rooms take turns, as two nurses pressing "call" one after the other
        one, two = await qs.call_next("Ruang 1"), await qs.call_next("Ruang 2")
        for room, view, calls in (("Ruang 1", one, first), ("Ruang 2", two, second)):
            if view is not None:
                calls.append(view.number)
                await qs.finish(room)
        if one is None and two is None:
            break
    of = dict(zip(numbers, chosen))
    assert sorted(first + second) == numbers, "each patient called exactly once"
    assert {of[n] for n in first} <= {sari, None} and {of[n] for n in second} <= {budi, None}
    assert first == ["A-001", "A-003", "A-004", "A-007", "A-008"]
    assert second == ["A-002", "A-005", "A-006"]


async def test_a_doctors_queue_keeps_the_priority_levels_and_the_head_start(qs, store, clock, rules):
    sari, budi = await two_doctors(store)
    plain = await take(qs, clock, 0, sari)                             # level 3 at 08:00
    budi_pregnant = await take(qs, clock, 2, budi, ["hamil"])          # another room's patient
    allergy = await take(qs, clock, 5, sari, ["alergi"])               # level 2: as if at 07:45
    pregnant_late = await take(qs, clock, 50, sari, ["hamil"])         # level 1: as if at 08:05
    emergency = await take(qs, clock, 60, sari, ["darurat"])           # first, whenever it comes
    clock.set(MONDAY_8AM + dt.timedelta(minutes=61))
    sari_calls = await drain_room(qs, "Ruang 1")
    assert sari_calls == [emergency, allergy, plain, pregnant_late]
    assert await drain_room(qs, "Ruang 2") == [budi_pregnant]

    # the same order as the policy's own definition, over Sari's patients alone
    @dataclasses.dataclass
    class Item:
        id: str
        level: int
        entered_at: dt.datetime

    at = {plain: (3, 0), allergy: (2, 5), pregnant_late: (1, 50), emergency: (0, 60)}
    items = [Item(n, level, MONDAY_8AM + dt.timedelta(minutes=m)) for n, (level, m) in at.items()]
    assert [i.id for i in order(items, OrderingPolicy.from_config(rules.policy))] == sari_calls


async def test_a_doctor_in_no_room_now_strands_nobody_and_a_number_can_be_called_by_name(qs, store, clock):
    sari, budi = await two_doctors(store, sari_end="09:00")
    sari_patient = await take(qs, clock, 0, sari)
    budi_patient = await take(qs, clock, 1, budi)
    clock.set(dt.datetime(2026, 11, 23, 10, 0))  # dr. Sari went home at 09:00; dr. Budi is in Ruang 2
    assert (await qs.call_next("Ruang 2")).number == sari_patient, "any room takes a patient whose doctor is in none"
    await qs.finish("Ruang 2")
    assert await qs.call_next("Ruang 1") is None, "dr. Budi's patient waits for Ruang 2"
    with pytest.raises(NotWaitingHere):
        await qs.call_next("Ruang 1", "A-099")
    called = await qs.call_next("Ruang 1", budi_patient.lower())
    assert (called.number, called.channel, called.status) == (budi_patient, "Ruang 1", "called")


async def test_deactivating_a_doctor_patients_chose_is_refused_or_moves_them_in_order(qs, store, clock, sessionmaker):
    sari, budi = await two_doctors(store)
    other = await store.create_doctor({"name": "drg. Ayu", "services": ["B"]}, BY)
    today = [await take(qs, clock, i, sari) for i in range(2)]
    booked = await qs.issue(service="A", user_id=77, day=WEDNESDAY, doctor=sari)
    with pytest.raises(DoctorHasTickets) as refused:
        await store.update_doctor(sari, {"active": False}, BY)
    assert refused.value.count == 3
    assert (await store.doctors())[0]["active"] is True, "nothing changed"
    with pytest.raises(BadFields) as bad:
        await store.update_doctor(sari, {"active": False}, BY, move_to=other["id"])
    assert bad.value.problems["move_to"]["code"] == "not_doctors_service"

    done = await store.update_doctor(sari, {"active": False}, BY, move_to=budi)
    assert done["active"] is False and done["moved"] == [*today, booked.number] and done["moved_to"] == budi
    assert all([await qs.doctor_of(v.id) == budi for v in await qs.tickets_of_user(77)])
    told = await outbox(sessionmaker, "doctor_changed")
    assert [(n.payload["number"], n.payload["doctor"], n.payload["room"]) for n in told] == [
        (number, "dr. Budi", "Ruang 2") for number in (*today, booked.number)], "each told, in order"
    assert [n.chat_id for n in told] == [1000, 1001, 77]
    clock.set(MONDAY_8AM + dt.timedelta(minutes=5))
    assert await drain_room(qs, "Ruang 2") == today, "dr. Budi's room calls them, in their order"
    assert await qs.call_next("Ruang 1") is None


async def test_deleting_a_schedule_with_bookings_is_refused_with_the_count_or_moves_them_to_any_doctor(
        qs, store, clock, sessionmaker):
    sari, _ = await two_doctors(store)
    booked = await qs.issue(service="A", user_id=42, day=WEDNESDAY, doctor=sari)
    wednesday = next(s for s in await store.schedules(sari) if s["weekday"] == 3)
    monday = next(s for s in await store.schedules(sari) if s["weekday"] == 1)
    assert (await store.delete_schedule(monday["id"], BY))["id"] == monday["id"], "nobody booked her Mondays"
    assert await store.waiting_for_doctor(sari, wednesday["id"]) == 1
    with pytest.raises(DoctorHasTickets) as refused:
        await store.delete_schedule(wednesday["id"], BY)
    assert (refused.value.count, refused.value.schedule_id) == (1, wednesday["id"])
    with pytest.raises(BadFields):
        await store.delete_schedule(wednesday["id"], BY, move_to=sari)
    gone = await store.delete_schedule(wednesday["id"], BY, move_to=ANY_DOCTOR)
    assert gone["moved"] == [booked.number] and await qs.doctor_of(booked.id) is None
    [notice] = await outbox(sessionmaker, "doctor_changed", chat_id=42)
    assert notice.payload["doctor"] is None and notice.payload["day"] == WEDNESDAY.isoformat()
    # with no schedule and no patient left, the doctor can go
    assert await store.schedules(sari) == []
    assert (await store.delete_doctor(sari, BY))["name"] == "dr. Sari"


async def test_the_board_and_a_rooms_queue_list_name_the_doctor(qs, store, clock, db, rules):
    sari, budi = await two_doctors(store)
    hers, his, anyone = await take(qs, clock, 0, sari), await take(qs, clock, 1, budi), await take(qs, clock, 2, None)
    state = await board_state(db, rules)
    umum = next(q for q in state["queues"] if q["phase"] == "poli" and q["services"] == ["A"])
    assert umum["next"] == [hers, his, anyone]
    assert umum["doctors"] == {hers: {"doctor": "dr. Sari", "room": "Ruang 1"},
                               his: {"doctor": "dr. Budi", "room": "Ruang 2"}}
    total, lines = await staff_queue(db, rules, "Ruang 1", clock.now())
    assert (total, [line.number for line in lines]) == (2, [hers, anyone]), "what /call may call there"


async def test_taking_a_service_from_a_doctor_moves_that_services_patients_only(qs, store, clock):
    sari, budi = await two_doctors(store)
    await store.update_doctor(sari, {"services": ["A", "B"]}, BY)
    mine = await take(qs, clock, 0, sari)
    with pytest.raises(DoctorHasTickets) as refused:
        await store.update_doctor(sari, {"services": ["B"]}, BY)
    assert refused.value.count == 1
    assert (await store.update_doctor(sari, {"services": ["A"]}, BY)).get("moved") is None, "B: nobody chose her"
    done = await store.update_doctor(sari, {"services": ["B"]}, BY, move_to=budi)
    assert done["services"] == ["B"] and done["moved"] == [mine]

