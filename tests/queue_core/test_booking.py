"""Booking ahead in the core, on SQLite and PostgreSQL: the next open day (Sunday, a holiday, a
closure, doctor schedules), a day's quota (the service's and a doctor's), cancelling gives the
place back, the check-in window and the no-show rule, reminders written once, a closure of a
booked day cancels its bookings and tells their holders."""
import asyncio
import dataclasses
import datetime as dt

import pytest

from queue_core import errors
from queue_core.advice import Advice
from queue_core.booking import DayOutOfRange, DoctorNotAvailable, next_open
from queue_core.clinic_data import ClinicStore
from queue_core.counter import CounterPatients
from queue_core.service import QueueService

from .helpers import outbox

BY = {"token": "admin-pc", "via": "api"}
MONDAY = dt.date(2026, 11, 23)
TUESDAY, WEDNESDAY, THURSDAY = (MONDAY + dt.timedelta(days=i) for i in (1, 2, 3))


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


@pytest.fixture
def store(db, settings, clock):
    return ClinicStore(db, clock, settings)


async def gigi_doctors(store, quota: int | None = None) -> tuple[int, int]:
    """Two dentists practising in Poli Gigi on Wednesdays only, from 08:00."""
    first = await store.create_doctor({"name": "drg. Ayu", "services": ["B"]}, BY)
    second = await store.create_doctor({"name": "drg. Budi", "services": ["B"]}, BY)
    for doctor in (first, second):
        await store.create_schedule({"doctor": doctor["id"], "service": "B", "weekday": 3, "start": "08:00",
                                     "end": "12:00", "quota": quota}, BY)
    return first["id"], second["id"]


async def walk_in(db, clock) -> int:
    """A patient record to hold tickets (the counter's walk-in)."""
    record = await CounterPatients(db, clock.now).create({"nik": "3573056501951004", "name": "RINA WULANDARI",
                                                         "birth_date": "1995-01-25", "sex": "P"})
    return record.id


async def opens(qs, clock, at: dt.datetime, service: str) -> tuple[dt.date, dt.time | None] | None:
    clock.set(at)
    found = next_open(await qs.booking_calendar([service]), at)
    return None if found is None else (found[0], found[1][0].start)


async def test_the_next_open_day_skips_sunday_holidays_closures_and_days_without_a_schedule(qs, store, clock):
    assert await opens(qs, clock, dt.datetime(2026, 11, 23, 21, 47), "A") == (TUESDAY, dt.time(7, 30))
    assert await opens(qs, clock, dt.datetime(2026, 11, 28, 21, 47), "A") == (dt.date(2026, 11, 30), dt.time(7, 30))
    assert await opens(qs, clock, dt.datetime(2026, 11, 30, 6, 0), "A") == (dt.date(2026, 11, 30), dt.time(7, 30))
    # 25 December is a holiday in config.yaml: Thursday evening's next day is Saturday
    assert await opens(qs, clock, dt.datetime(2026, 12, 24, 21, 47), "A") == (dt.date(2026, 12, 26), dt.time(7, 30))
    clock.set(dt.datetime(2026, 11, 23, 9, 0))
    await store.create_closure({"date": TUESDAY.isoformat(), "reason": "kerja bakti"}, BY)
    assert await opens(qs, clock, dt.datetime(2026, 11, 23, 21, 47), "A") == (WEDNESDAY, dt.time(7, 30))
    await gigi_doctors(store)
    assert await opens(qs, clock, dt.datetime(2026, 11, 23, 21, 47), "B") == (WEDNESDAY, dt.time(8, 0))


async def test_a_booking_holds_a_place_of_its_days_quota_and_cancelling_gives_it_back(qs, store, clock, settings):
    small = dataclasses.replace(settings.services["B"], daily_quota=2)
    qs.settings = dataclasses.replace(settings, services={**settings.services, "B": small})
    ayu, budi = await gigi_doctors(store, quota=1)
    clock.set(dt.datetime(2026, 11, 23, 21, 47))
    first = await qs.issue(service="B", user_id=1, patient_id=None, day=WEDNESDAY, doctor=ayu)
    assert (first.number, first.status, first.day, first.position) == ("B-001", "booked", WEDNESDAY, None)
    assert await qs.doctor_of(first.id) == ayu
    with pytest.raises(errors.QuotaFull) as doctor_full:  # drg. Ayu's schedule quota is 1
        await qs.issue(service="B", user_id=2, day=WEDNESDAY, doctor=ayu)
    assert doctor_full.value.params["doctor"] == ayu
    assert (await qs.issue(service="B", user_id=3, day=WEDNESDAY)).number == "B-002"  # any doctor; no gap
    with pytest.raises(errors.QuotaFull):  # the service's daily quota (2) is used
        await qs.issue(service="B", user_id=4, day=WEDNESDAY, doctor=budi)
    await qs.cancel(first.id)
    again = await qs.issue(service="B", user_id=5, day=WEDNESDAY, doctor=ayu)
    assert again.status == "booked" and await qs.doctor_of(again.id) == ayu
    with pytest.raises(DoctorNotAvailable):  # not a doctor of Wednesday's schedule
        await qs.issue(service="B", user_id=6, day=WEDNESDAY, doctor=ayu + budi)
    with pytest.raises(errors.ServiceClosed):  # Poli Gigi has schedules, none on Thursday
        await qs.issue(service="B", user_id=6, day=THURSDAY)
    with pytest.raises(DayOutOfRange):
        await qs.issue(service="A", user_id=6, day=MONDAY + dt.timedelta(days=settings.booking.days_ahead + 1))


async def test_one_ticket_per_patient_per_service_per_day(qs, clock, db):
    patient = await walk_in(db, clock)
    clock.set(dt.datetime(2026, 11, 23, 21, 47))
    await qs.issue(service="A", user_id=None, patient_id=patient, day=TUESDAY)
    await qs.issue(service="A", user_id=None, patient_id=patient, day=WEDNESDAY)
    with pytest.raises(errors.AlreadyHasTicket) as twice:
        await qs.issue(service="A", user_id=None, patient_id=patient, day=TUESDAY)
    assert twice.value.params["number"] == "A-001" and twice.value.params["day"] == TUESDAY.isoformat()


async def test_checking_in_within_the_window_keeps_the_booked_place(qs, clock):
    clock.set(dt.datetime(2026, 11, 23, 21, 47))
    booked = await qs.issue(service="A", user_id=1, day=TUESDAY)
    clock.set(dt.datetime(2026, 11, 24, 7, 40))
    walk = await qs.issue(service="A", user_id=2)  # a walk-in of the same level, after the opening
    clock.set(dt.datetime(2026, 11, 24, 8, 10))
    view, _at = await qs.check_in(booked.number)
    assert view.status == "waiting" and view.position == 1  # keyed at 07:30, ahead of the 07:40 walk-in
    assert (await qs.view(walk.id)).position == 2


async def test_a_first_missed_check_in_joins_the_end_of_the_level_a_second_is_a_no_show(qs, clock, sessionmaker, db):
    patient = await walk_in(db, clock)
    clock.set(dt.datetime(2026, 11, 23, 21, 47))
    booked = await qs.issue(service="A", user_id=1, patient_id=patient, day=TUESDAY)
    clock.set(dt.datetime(2026, 11, 24, 8, 29))
    assert (await qs.booking_duties())["moved"] == 0  # the window (07:30 + 60 min) is still open
    walk = await qs.issue(service="A", user_id=2)
    clock.set(dt.datetime(2026, 11, 24, 8, 31))
    assert await qs.booking_duties() == {"reminders": 0, "moved": 1, "no_show": 0}
    assert await qs.booking_duties() == {"reminders": 0, "moved": 0, "no_show": 0}  # once
    assert [n.payload["number"] for n in await outbox(sessionmaker, "checkin_missed")] == [booked.number]
    clock.set(dt.datetime(2026, 11, 24, 8, 45))
    view, _at = await qs.check_in(booked.number)
    assert view.position == 2 and (await qs.view(walk.id)).position == 1  # behind the 08:29 walk-in
    # a second miss within 90 days: the booking is cancelled as a no-show, its place returned
    clock.set(dt.datetime(2026, 11, 24, 21, 0))
    again = await qs.issue(service="A", user_id=1, patient_id=patient, day=THURSDAY)
    clock.set(dt.datetime(2026, 11, 26, 8, 31))
    assert (await qs.booking_duties())["no_show"] == 1
    gone = await qs.view(again.id)
    assert gone.status == "cancelled"
    availability = (await qs.availability())["A"]
    assert availability.issued == 0  # Thursday's place is back in the quota
    assert [n.payload["number"] for n in await outbox(sessionmaker, "no_show")] == [again.number]


async def test_reminders_the_evening_before_and_the_morning_itself_once_each(qs, clock, sessionmaker, store):
    ayu, _budi = await gigi_doctors(store)
    clock.set(dt.datetime(2026, 11, 23, 10, 0))
    booked = await qs.issue(service="B", user_id=7, day=WEDNESDAY, doctor=ayu)
    clock.set(dt.datetime(2026, 11, 24, 17, 59))
    assert (await qs.booking_duties())["reminders"] == 0
    clock.set(dt.datetime(2026, 11, 24, 18, 0))
    assert (await qs.booking_duties())["reminders"] == 1
    assert (await qs.booking_duties())["reminders"] == 0
    clock.set(dt.datetime(2026, 11, 25, 6, 0))
    assert (await qs.booking_duties())["reminders"] == 1
    notes = await outbox(sessionmaker, "booking_reminder", chat_id=7)
    assert [(n.payload["which"], n.payload["number"]) for n in notes] == [("evening", booked.number),
                                                                        ("morning", booked.number)]
    assert notes[0].payload["doctor"] == "drg. Ayu" and notes[0].payload["day"] == WEDNESDAY.isoformat()
    assert (notes[0].payload["start"], notes[0].payload["checkin_by"]) == ("08:00", "09:00")


async def test_reminders_advise_each_booked_patient_when_to_come_in_their_order(qs, clock, sessionmaker, store):
    """Three bookings of Poli Umum for Wednesday (opens 07:30, 12 min a patient, two rooms), one of
    Poli Gigi with drg. Ayu: each reminder says when to come, later for a later booking, from the
    same advice as the ticket's (QueueService.advice), never after the check-in deadline."""
    ayu, _budi = await gigi_doctors(store)
    clock.set(dt.datetime(2026, 11, 23, 10, 0))
    umum = [await qs.issue(service="A", user_id=40 + i, day=WEDNESDAY) for i in range(3)]
    gigi = await qs.issue(service="B", user_id=50, day=WEDNESDAY, doctor=ayu)
    clock.set(dt.datetime(2026, 11, 24, 18, 0))
    assert (await qs.booking_duties())["reminders"] == 4
    notes = {n.chat_id: n.payload for n in await outbox(sessionmaker, "booking_reminder")}
    come = [Advice.from_payload(notes[40 + i]["advice"]).come_at for i in range(3)]
    assert come[0] < come[1] < come[2], come
    assert come[0] == dt.datetime(2026, 11, 25, 7, 30), "the first booking: at the opening"
    assert all(c <= dt.datetime(2026, 11, 25, 8, 30) for c in come)  # the check-in deadline
    assert notes[40]["start"] == "07:30"  # the opening time stays in the reminder
    for ticket in umum:
        assert await qs.advice(ticket.id) == Advice.from_payload(notes[ticket.user_id]["advice"])
    dentist = Advice.from_payload(notes[50]["advice"])
    # one doctor, 20 min a patient: called around 08:20, come the configured margin (10 min) before
    assert (dentist.come_at, dentist.expected_at) == (dt.datetime(2026, 11, 25, 8, 10), dt.datetime(2026, 11, 25, 8, 20))
    assert notes[50]["start"] == "08:00"
    assert await qs.advice(gigi.id) == dentist


async def test_a_closure_of_a_booked_day_cancels_its_bookings_and_tells_the_holders(qs, store, clock, sessionmaker):
    clock.set(dt.datetime(2026, 11, 23, 21, 0))
    gigi = await qs.issue(service="B", user_id=8, day=WEDNESDAY)
    umum = await qs.issue(service="A", user_id=9, day=WEDNESDAY)
    closure = await store.create_closure({"date": WEDNESDAY.isoformat(), "service": "B", "reason": "alat rusak"}, BY)
    assert closure["bookings_cancelled"] == 1
    assert (await qs.view(gigi.id)).status == "cancelled" and (await qs.view(umum.id)).status == "booked"
    told = await outbox(sessionmaker, "booking_closed")
    assert [(n.chat_id, n.payload["reason"]) for n in told] == [(8, "alat rusak")]
    plans = (await qs.booking_calendar(["B"]))[2]
    assert plans["B"].issued == 0 and plans["B"].reason == "closure"


async def test_two_scans_at_once_write_each_reminder_once(qs, db, settings, clock, sessionmaker):
    """Two processes' scans (or a restarted bot's and a late one) racing: one reminder per booking."""
    other = QueueService(db, settings, clock)
    clock.set(dt.datetime(2026, 11, 23, 10, 0))
    for user in range(20):
        await qs.issue(service="A", user_id=100 + user, day=WEDNESDAY)
    clock.set(dt.datetime(2026, 11, 24, 18, 5))
    first, second = await asyncio.gather(qs.booking_duties(), other.booking_duties())
    assert first["reminders"] + second["reminders"] == 20
    notes = await outbox(sessionmaker, "booking_reminder")
    assert sorted(n.chat_id for n in notes) == list(range(100, 120))


async def test_the_booked_ticket_says_when_to_come_from_the_same_advice_as_the_reminders(qs, clock, sessionmaker, store):
    ayu, _budi = await gigi_doctors(store)
    clock.set(dt.datetime(2026, 11, 23, 10, 0))
    booked = [await qs.issue(service="A", user_id=40 + i, day=WEDNESDAY) for i in range(2)]
    booked.append(await qs.issue(service="B", user_id=50, day=WEDNESDAY, doctor=ayu))
    issued = {n.chat_id: n.payload for n in await outbox(sessionmaker, "issued")}
    for ticket in booked:
        payload = issued[ticket.user_id]
        assert Advice.from_payload(payload["advice"]) == await qs.advice(ticket.id), ticket.number
        assert payload["start"] and payload["checkin_by"], "the opening and the check-in deadline stay"
    dentist = Advice.from_payload(issued[50]["advice"])
    assert (dentist.come_at, dentist.expected_at) == (dt.datetime(2026, 11, 25, 8, 10), dt.datetime(2026, 11, 25, 8, 20))
    clock.set(dt.datetime(2026, 11, 24, 18, 0))
    assert (await qs.booking_duties())["reminders"] == 3
    reminded = {n.chat_id: n.payload["advice"] for n in await outbox(sessionmaker, "booking_reminder")}
    assert reminded == {chat: payload["advice"] for chat, payload in issued.items()}, "nobody booked since: the same"
