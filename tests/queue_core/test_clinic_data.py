"""Clinic data (issue 21) in the core: the store's checks and audit rows, and a closure of today
refusing numbers at once, on SQLite and PostgreSQL."""
import datetime as dt

import pytest
from sqlalchemy import select

from queue_core import errors
from queue_core.clinic_checks import BadFields
from queue_core.clinic_data import ClinicStore, DoctorHasSchedules, NameTaken
from queue_core.counter_catalog import CounterCatalog
from queue_core.models import AuditLog
from queue_core.service import QueueService

BY = {"token": "admin-pc", "via": "api"}


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


@pytest.fixture
def store(db, settings, clock):
    return ClinicStore(db, clock, settings)


@pytest.fixture
def counters(db, settings, clock):
    return CounterCatalog(db, clock, lambda: settings)


async def audit(db) -> list[AuditLog]:
    async def fn(session):
        return list(await session.scalars(select(AuditLog).order_by(AuditLog.id)))

    return await db.run(fn)


async def test_a_closure_of_today_refuses_numbers_at_once_and_its_removal_allows_them(qs, store, clock):
    today = clock.now().date()
    assert (await qs.issue(service="B", user_id=1)).number == "B-001"
    closure = await store.create_closure({"date": today.isoformat(), "service": "b", "reason": "dokter gigi pelatihan"}, BY)
    assert closure["service"] == "B"
    with pytest.raises(errors.ServiceClosed) as refused:
        await qs.issue(service="B", user_id=2)
    assert refused.value.code == "service_closed"
    assert refused.value.params["closure"] == "dokter gigi pelatihan" and refused.value.params["holiday"] is False
    assert (await qs.issue(service="A", user_id=2)).number == "A-001"  # other services stay open
    assert await qs.closures_today() == {"B": "dokter gigi pelatihan"}
    await store.delete_closure(closure["id"], BY)
    assert await qs.closures_today() == {}
    assert (await qs.issue(service="B", user_id=2)).number == "B-002"


async def test_a_whole_clinic_closure_shuts_every_service_and_only_on_its_day(qs, store, clock, settings):
    tomorrow = clock.now().date() + dt.timedelta(days=1)
    await store.create_closure({"date": tomorrow.isoformat(), "reason": "kerja bakti"}, BY)
    assert await qs.closures_today() == {}
    assert (await qs.issue(service="C", user_id=1)).number == "C-001"
    clock.advance(days=1)
    assert await qs.closures_today() == {code: "kerja bakti" for code in settings.services}
    for code in settings.services:
        with pytest.raises(errors.ServiceClosed):
            await qs.issue(service=code, user_id=2)


async def test_bad_fields_are_each_named_and_nothing_is_written(store, counters, clock, db):
    with pytest.raises(BadFields) as bad:
        await store.create_closure({"date": "2026-13-01", "service": "E", "reason": "", "extra": 1}, BY)
    assert set(bad.value.problems) == {"date", "service", "reason", "extra"}
    assert bad.value.problems["service"]["code"] == "unknown_service"
    with pytest.raises(BadFields) as bad:
        yesterday = clock.now().date() - dt.timedelta(days=1)
        await store.create_closure({"date": yesterday.isoformat(), "reason": "x"}, BY)
    assert bad.value.problems["date"]["code"] == "date_past"
    with pytest.raises(BadFields) as bad:
        await store.create_doctor({"name": "dr. Sari", "services": ["B", "Z"], "active": "ya"}, BY)
    assert set(bad.value.problems) == {"services", "active"}
    doctor = await store.create_doctor({"name": " dr.  Sari ", "services": ["b"]}, BY)
    assert doctor == {"id": doctor["id"], "name": "dr. Sari", "services": ["B"], "active": True}
    with pytest.raises(BadFields) as bad:
        await store.create_schedule({"doctor": doctor["id"], "service": "B", "weekday": 8, "start": "8:00",
                                     "end": "07:00", "quota": 0}, BY)
    assert set(bad.value.problems) == {"weekday", "start", "quota"}
    with pytest.raises(BadFields) as bad:
        await store.create_schedule({"doctor": doctor["id"], "service": "B", "weekday": 3, "start": "12:00",
                                     "end": "08:00"}, BY)
    assert set(bad.value.problems) == {"end"}
    with pytest.raises(BadFields) as bad:  # the doctor does not serve Poli Umum
        await store.create_schedule({"doctor": doctor["id"], "service": "A", "weekday": 3, "start": "08:00",
                                     "end": "12:00"}, BY)
    assert bad.value.problems["service"]["code"] == "not_doctors_service"
    with pytest.raises(BadFields) as bad:
        await store.create_schedule({"doctor": 999, "service": "B", "weekday": 3, "start": "08:00", "end": "12:00"}, BY)
    assert set(bad.value.problems) == {"doctor"}
    with pytest.raises(BadFields) as bad:
        await counters.create({"name": "Loket 3", "phase": "kasir", "services": []}, BY)
    assert set(bad.value.problems) == {"phase", "services"}
    assert await store.closures() == [] and await store.schedules() == [] and await counters.counters() == []
    assert [r.action for r in await audit(db)] == ["clinic_doctor_create"]


async def test_each_change_is_audited_with_before_and_after(store, counters, db):
    doctor = await store.create_doctor({"name": "dr. Sari", "services": ["B"]}, BY)
    schedule = await store.create_schedule({"doctor": doctor["id"], "service": "B", "weekday": 3,
                                            "start": "08:00", "end": "12:00", "quota": 20}, BY)
    assert schedule == {"id": schedule["id"], "doctor": doctor["id"], "service": "B", "weekday": 3,
                        "start": "08:00", "end": "12:00", "quota": 20, "room": "Ruang Gigi"}
    with pytest.raises(DoctorHasSchedules) as busy:
        await store.delete_doctor(doctor["id"], BY)
    assert busy.value.count == 1
    changed = await store.update_doctor(doctor["id"], {"active": False}, BY)
    assert changed["active"] is False and changed["name"] == "dr. Sari"
    await store.delete_schedule(schedule["id"], BY)
    await store.delete_doctor(doctor["id"], BY)
    assert await store.doctors() == []
    counter = await counters.create({"name": "Loket 3", "phase": "loket", "services": ["A", "B"]}, BY)
    with pytest.raises(NameTaken):
        await counters.create({"name": "loket 3", "phase": "loket", "services": ["A"]}, BY)
    with pytest.raises(NameTaken):  # a service's room
        await counters.create({"name": "Ruang 1", "phase": "poli", "services": ["A"]}, BY)
    await counters.update(counter["id"], {"services": ["A"]}, BY)
    rows = await audit(db)
    assert [r.action for r in rows] == [
        "clinic_doctor_create", "clinic_schedule_create", "clinic_doctor_update", "clinic_schedule_delete",
        "clinic_doctor_delete", "clinic_counter_create", "clinic_counter_update"]
    update = rows[2]
    assert update.target == str(doctor["id"]) and update.detail["token"] == "admin-pc"
    assert update.detail["before"]["active"] is True and update.detail["after"]["active"] is False
    assert rows[4].detail["before"]["name"] == "dr. Sari" and rows[4].detail["after"] is None
    assert rows[6].detail["before"]["services"] == ["A", "B"] and rows[6].detail["after"]["services"] == ["A"]
