"""The clinic data web API (issue 21): admin token only, JSON in and out, bad fields named, every
change audited; a closure made through it shuts a service for the chat's ticket menu and the public
API at once, without a restart."""
from __future__ import annotations

import aiohttp
import pytest

from queue_core import errors
from queue_core.models import Patient
from tests.staff.conftest import ADMIN_ID, add_patient_user, audit_rows

ROUTES = [
    ("GET", "/api/doctors"), ("POST", "/api/doctors"), ("PATCH", "/api/doctors/1"), ("DELETE", "/api/doctors/1"),
    ("GET", "/api/schedules"), ("POST", "/api/schedules"), ("DELETE", "/api/schedules/1"),
    ("GET", "/api/closures"), ("POST", "/api/closures"), ("DELETE", "/api/closures/1"),
    ("GET", "/api/counters"), ("POST", "/api/counters"), ("PATCH", "/api/counters/1"), ("DELETE", "/api/counters/1"),
]


@pytest.fixture
async def tokens(clinic):
    staff = clinic.services.staff
    admin = await staff.create_token("admin-pc", "admin", ADMIN_ID)
    nurse = await staff.create_token("loket-pc", "staff", ADMIN_ID)
    return {"Authorization": f"Bearer {admin}"}, {"Authorization": f"Bearer {nurse}"}


async def call(http, method: str, path: str, headers: dict, body=None) -> tuple[int, dict]:
    async with http.request(method, path, headers=headers, json=body) as resp:
        return resp.status, await resp.json()


async def test_every_route_needs_an_admin_token(clinic, tokens):
    _, nurse = tokens
    async with aiohttp.ClientSession(clinic.web_url) as http:
        for method, path in ROUTES:
            status, body = await call(http, method, path, {}, {})
            assert (status, body["error"]) == (401, "unauthorized"), (method, path)
            status, body = await call(http, method, path, {"Authorization": "Bearer pq_wrong"}, {})
            assert status == 401, (method, path)
            status, body = await call(http, method, path, nurse, {})
            assert (status, body["error"]) == (403, "forbidden"), (method, path)
    refused = [r for r in await audit_rows(clinic.services) if not r.allowed and r.action.startswith("clinic_")]
    assert len(refused) == len(ROUTES) and {r.detail["token"] for r in refused} == {"loket-pc"}
    assert not [r for r in await audit_rows(clinic.services) if r.allowed and r.action.startswith("clinic_")]


async def test_doctors_and_schedules(clinic, tokens):
    admin, _ = tokens
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, body = await call(http, "POST", "/api/doctors", admin, {"name": "", "services": ["B", "Q"]})
        assert status == 400 and set(body["fields"]) == {"name", "services"}
        assert body["fields"]["services"]["unknown"] == ["Q"]
        status, sari = await call(http, "POST", "/api/doctors", admin, {"name": "dr. Sari", "services": ["B"], "active": True})
        assert status == 201 and sari == {"id": sari["id"], "name": "dr. Sari", "services": ["B"], "active": True}
        status, body = await call(http, "PATCH", f"/api/doctors/{sari['id']}", admin, {"active": "no"})
        assert status == 400 and set(body["fields"]) == {"active"}
        status, body = await call(http, "PATCH", "/api/doctors/999", admin, {"active": False})
        assert status == 404 and body["error"] == "not_found"
        schedule_in = {"doctor": sari["id"], "service": "B", "weekday": 3, "start": "08:00", "end": "12:00", "quota": 20}
        status, body = await call(http, "POST", "/api/schedules", admin, {**schedule_in, "weekday": 0, "end": "25:00"})
        assert status == 400 and set(body["fields"]) == {"weekday", "end"}
        status, schedule = await call(http, "POST", "/api/schedules", admin, schedule_in)
        assert status == 201 and schedule == {"id": schedule["id"], **schedule_in, "room": "Ruang Gigi"}, \
            "a service with one room: the schedule is in it"
        status, body = await call(http, "POST", "/api/schedules", admin, {**schedule_in, "quota": None, "weekday": 5})
        assert status == 201 and body["quota"] is None
        status, body = await call(http, "POST", "/api/schedules", admin, {**schedule_in, "room": "Ruang 1"})
        assert status == 400 and set(body["fields"]) == {"room"} and body["fields"]["room"]["known"] == ["Ruang Gigi"]
        status, listed = await call(http, "GET", "/api/schedules", admin)
        assert status == 200 and [s["weekday"] for s in listed["schedules"]] == [3, 5]
        status, body = await call(http, "GET", "/api/schedules?doctor=dr.Sari", admin)
        assert status == 400 and set(body["fields"]) == {"doctor"}
        status, body = await call(http, "GET", f"/api/schedules?doctor={sari['id'] + 1}", admin)
        assert status == 200 and body == {"schedules": []}
        status, body = await call(http, "DELETE", f"/api/doctors/{sari['id']}", admin)
        assert status == 409 and body["error"] == "doctor_has_schedules" and body["schedules"] == 2
        assert "Nonaktifkan" in body["message"]
        status, body = await call(http, "PATCH", f"/api/doctors/{sari['id']}", admin, {"active": False})
        assert status == 200 and body["active"] is False
        for s in listed["schedules"]:
            status, body = await call(http, "DELETE", f"/api/schedules/{s['id']}", admin)
            assert status == 200 and body["deleted"]["id"] == s["id"]
        status, body = await call(http, "DELETE", f"/api/doctors/{sari['id']}", admin)
        assert status == 200 and body["deleted"]["name"] == "dr. Sari"
        status, body = await call(http, "GET", "/api/doctors", admin)
        assert status == 200 and body == {"doctors": []}
    rows = await audit_rows(clinic.services)
    actions = [r.action for r in rows if r.action.startswith("clinic_")]
    assert actions == ["clinic_doctor_create", "clinic_schedule_create", "clinic_schedule_create",
                       "clinic_doctor_delete", "clinic_doctor_update", "clinic_schedule_delete",
                       "clinic_schedule_delete", "clinic_doctor_delete"]
    refused = next(r for r in rows if r.action == "clinic_doctor_delete" and not r.allowed)
    assert refused.detail["schedules"] == 2 and refused.detail["token"] == "admin-pc"
    update = next(r for r in rows if r.action == "clinic_doctor_update")
    assert (update.detail["before"]["active"], update.detail["after"]["active"]) == (True, False)
    assert update.detail["token"] == "admin-pc" and update.target == str(sari["id"])


async def test_counters(clinic, tokens):
    admin, _ = tokens
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, seeded = await call(http, "GET", "/api/counters", admin)  # config.yaml's, written once
        assert status == 200 and [(c["name"], c["services"]) for c in seeded["counters"]] == [
            (c.name, "*") for c in clinic.services.settings.channels if c.room_of is None]
        status, body = await call(http, "POST", "/api/counters", admin, {"name": "Loket 3", "phase": "kasir"})
        assert status == 400 and set(body["fields"]) == {"phase", "services"}
        status, loket = await call(http, "POST", "/api/counters", admin,
                                   {"name": "Loket 3", "phase": "loket", "services": ["A", "B"]})
        assert status == 201 and loket == {"id": loket["id"], "name": "Loket 3", "phase": "loket", "services": ["A", "B"],
                                           "active": True}
        status, body = await call(http, "POST", "/api/counters", admin, {"name": "loket 3", "phase": "loket", "services": ["A"]})
        assert status == 409 and body["error"] == "name_taken"
        status, body = await call(http, "PATCH", f"/api/counters/{loket['id']}", admin, {"colour": "red"})
        assert status == 400 and set(body["fields"]) == {"colour", "body"}
        status, body = await call(http, "PATCH", f"/api/counters/{loket['id']}", admin, {"services": ["C"]})
        assert status == 200 and body["services"] == ["C"]
        status, body = await call(http, "GET", "/api/counters", admin)
        assert status == 200 and [c["services"] for c in body["counters"]][-1] == ["C"]
        status, body = await call(http, "DELETE", f"/api/counters/{loket['id']}", admin)
        assert status == 200
        async with http.post("/api/counters", headers=admin, data=b"{not json") as resp:
            assert resp.status == 400 and set((await resp.json())["fields"]) == {"body"}
    rows = [r for r in await audit_rows(clinic.services) if r.action.startswith("clinic_counter")]
    assert [r.action for r in rows] == ["clinic_counter_create", "clinic_counter_update", "clinic_counter_delete"]
    assert rows[1].detail["before"]["services"] == ["A", "B"] and rows[1].detail["after"]["services"] == ["C"]
    assert rows[2].detail["before"]["name"] == "Loket 3" and rows[2].detail["after"] is None


async def test_a_closure_shuts_a_service_at_once(clinic, tokens):
    admin, _ = tokens
    q = clinic.services
    today = q.clock().date().isoformat()
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, body = await call(http, "POST", "/api/closures", admin, {"date": "24-12-2026", "service": "E", "reason": "x"})
        assert status == 400 and set(body["fields"]) == {"date", "service"}
        status, closure = await call(http, "POST", "/api/closures", admin,
                                     {"date": today, "service": "B", "reason": "pelatihan"})
        assert status == 201 and closure == {"id": closure["id"], "date": today, "service": "B", "reason": "pelatihan",
                                             "bookings_cancelled": 0}  # no number was booked for today
        closure.pop("bookings_cancelled")
        async with http.get("/api/services") as resp:
            listed = {s["code"]: s for s in (await resp.json())["services"]}
        assert listed["B"]["open_now"] is False and listed["B"]["closed_today"] == "pelatihan"
        assert listed["A"]["open_now"] is True and listed["A"]["closed_today"] is None
        status, body = await call(http, "GET", "/api/closures", admin)
        assert body["closures"] == [closure]
        with pytest.raises(errors.ServiceClosed):
            await q.queue.issue(service="B", user_id=None)
        status, body = await call(http, "DELETE", f"/api/closures/{closure['id']}", admin)
        assert status == 200 and body["deleted"] == closure
        status, body = await call(http, "DELETE", f"/api/closures/{closure['id']}", admin)
        assert status == 404
        async with http.get("/api/services") as resp:
            assert next(s for s in (await resp.json())["services"] if s["code"] == "B")["open_now"] is True
    assert (await q.queue.issue(service="B", user_id=None)).number == "B-001"
    rows = [r for r in await audit_rows(q) if r.action.startswith("clinic_closure")]
    assert [r.action for r in rows] == ["clinic_closure_create", "clinic_closure_delete"]
    assert rows[0].detail["after"] == closure and rows[1].detail["before"] == closure


async def test_the_ticket_menu_shows_a_closed_service_and_refuses_it(clinic, tokens):
    """A checklist opened before the closure cannot take a number after it; the menu names the reason."""
    admin, _ = tokens
    q = clinic.services
    await add_patient_user(q, 4242, "Budi")

    async def add_patient(session):
        session.add(Patient(owner_id=4242, name="BUDI SANTOSO", nik="3507011203850001", created_at=q.clock()))

    await q.db.run(add_patient)
    budi = await clinic.user(4242, "Budi")
    await budi.send("/antre")
    await budi.next_message(contains="Pilih poli")
    await budi.press("Poli Gigi")
    checklist = await budi.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, _ = await call(http, "POST", "/api/closures", admin,
                               {"date": q.clock().date().isoformat(), "service": "B", "reason": "pelatihan"})
        assert status == 201
    await budi.press("🎫 Ambil nomor", message=checklist["message"])
    await budi.next_message(contains="Poli Gigi tutup hari ini: pelatihan.")
    assert await q.queue.tickets_of_user(4242) == []
    await budi.send("/antre")
    menu = await budi.next_message(contains="Pilih poli")
    assert "Poli Gigi: tutup hari ini (pelatihan)" in menu["text"]
    buttons = [b["text"] for row in menu["reply_markup"]["inline_keyboard"] for b in row]
    assert "Poli Umum" in buttons and "Poli Gigi" not in buttons
