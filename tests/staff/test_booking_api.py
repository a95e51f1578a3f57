"""Booking ahead through the counter's API: `POST /api/tickets` with `day` and `doctor` follows the
chat's rules (a doctor's schedule quota, one ticket per patient per service per day), a cancelled
booking gives its place back to that day, and the holder checks in on the day."""
from __future__ import annotations

import datetime as dt

from queue_core.clinic_data import ClinicStore
from queue_core.clock import CallableClock
from tests.staff.test_counter_api import RINA, api, call  # noqa: F401 - the `api` fixture

WEDNESDAY = "2026-11-25"


async def test_a_booking_with_a_doctor_is_cancelled_and_its_place_taken_again(clinic, api):  # noqa: F811
    q = clinic.services
    store = ClinicStore(q.db, CallableClock(q.clock), q.settings)
    ayu = await store.create_doctor({"name": "drg. Ayu", "services": ["B"]}, {"via": "test"})
    await store.create_schedule({"doctor": ayu["id"], "service": "B", "weekday": 3, "start": "08:00", "end": "12:00",
                                 "quota": 1}, {"via": "test"})
    _, rina = await call(api, "POST", "/api/patients", api.staff, json=RINA)
    _, budi = await call(api, "POST", "/api/patients", api.staff,
                         json={**RINA, "nik": "3507011203850001", "name": "Budi Santoso", "sex": "L",
                               "birth_date": "1985-03-12", "bpjs": None, "phone": None})
    booking = {"patient_id": rina["id"], "service": "B", "day": WEDNESDAY, "doctor": ayu["id"]}
    status, booked = await call(api, "POST", "/api/tickets", api.staff, json=booking)
    assert status == 201 and (booked["number"], booked["status"], booked["day"]) == ("B-001", "booked", WEDNESDAY)
    assert booked["position"] is None
    status, body = await call(api, "POST", "/api/tickets", api.staff, json=booking)
    assert status == 409 and body["error"] == "already_has_ticket" and body["day"] == WEDNESDAY
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={**booking, "patient_id": budi["id"]})
    assert status == 422 and body["error"] == "quota_full" and body["doctor"] == ayu["id"]
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={**booking, "day": "2026-11-26"})
    assert status == 422 and body["error"] == "service_closed" and body["reason"] == "schedule"  # none on Thursday
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={**booking, "doctor": ayu["id"] + 1})
    assert status == 400 and body["fields"]["doctor"]["doctors"] == [ayu["id"]]
    status, body = await call(api, "DELETE", "/api/tickets/B-001", api.staff, params={"day": "besok"},
                              json={"reason": "pasien minta"})
    assert status == 400 and list(body["fields"]) == ["day"]
    status, cancelled = await call(api, "DELETE", "/api/tickets/B-001", api.staff, params={"day": WEDNESDAY},
                                   json={"reason": "pasien minta"})
    assert status == 200 and cancelled["status"] == "cancelled"
    status, again = await call(api, "POST", "/api/tickets", api.staff, json={**booking, "patient_id": budi["id"]})
    assert status == 201 and again["number"] == "B-002"  # the doctor's place is free again
    clinic.services.clock.now = dt.datetime(2026, 11, 25, 8, 15)  # Wednesday: Budi arrives
    status, checked = await call(api, "POST", "/api/tickets/B-002/checkin", api.staff)
    assert status == 200 and checked["status"] == "waiting" and checked["position"] == 1
