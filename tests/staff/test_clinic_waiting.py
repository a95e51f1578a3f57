"""A doctor that today's waiting patients depend on is not deactivated or deleted through the API:
409 with the count, audited; with a second doctor scheduled today for the same service it is."""
from __future__ import annotations

import aiohttp

from tests.staff.conftest import ADMIN_ID, audit_rows


async def call(http, method: str, path: str, headers: dict, body=None) -> tuple[int, dict]:
    async with http.request(method, path, headers=headers, json=body) as resp:
        return resp.status, await resp.json()


async def test_the_only_doctor_of_today_is_kept_while_patients_wait(clinic):
    q = clinic.services
    admin = {"Authorization": f"Bearer {await q.staff.create_token('admin-pc', 'admin', ADMIN_ID)}"}
    monday = q.clock().isoweekday()
    async with aiohttp.ClientSession(clinic.web_url) as http:
        _, sari = await call(http, "POST", "/api/doctors", admin, {"name": "drg. Sari", "services": ["B"]})
        shift = {"doctor": sari["id"], "service": "B", "weekday": monday, "start": "07:30", "end": "12:00"}
        assert (await call(http, "POST", "/api/schedules", admin, shift))[0] == 201
        status, body = await call(http, "PATCH", f"/api/doctors/{sari['id']}", admin, {"active": False})
        assert status == 200, "nobody waits yet"
        assert (await call(http, "PATCH", f"/api/doctors/{sari['id']}", admin, {"active": True}))[0] == 200

        await q.queue.issue(service="B", user_id=None)
        await q.queue.issue(service="A", user_id=None)  # another service: not hers
        for method, body in (("PATCH", {"active": False}), ("DELETE", None)):
            status, refused = await call(http, method, f"/api/doctors/{sari['id']}", admin, body)
            assert status == 409 and refused["error"] == "has_waiting", method
            assert refused["waiting"] == 1 and refused["services"] == ["B"] and "1 pasien" in refused["message"]

        _, budi = await call(http, "POST", "/api/doctors", admin, {"name": "drg. Budi", "services": ["B"]})
        assert (await call(http, "POST", "/api/schedules", admin, {**shift, "doctor": budi["id"]}))[0] == 201
        status, body = await call(http, "PATCH", f"/api/doctors/{sari['id']}", admin, {"active": False})
        assert status == 200 and body["active"] is False, "drg. Budi serves today's patients"
    refused = [r for r in await audit_rows(q) if not r.allowed and r.action.startswith("clinic_doctor")]
    assert [(r.action, r.detail["waiting"]) for r in refused] == [("clinic_doctor_update", 1),
                                                                   ("clinic_doctor_delete", 1)]


async def test_a_doctor_patients_chose_goes_only_with_them_moved(clinic):
    """PATCH and DELETE of a doctor, DELETE of a schedule: 409 with the count while patients chose
    them, audited; with "move_to" the patients move (each told) and the change is made."""
    q = clinic.services
    admin = {"Authorization": f"Bearer {await q.staff.create_token('admin-pc', 'admin', ADMIN_ID)}"}
    monday = q.clock().isoweekday()
    async with aiohttp.ClientSession(clinic.web_url) as http:
        ids = []
        for name, room in (("dr. Sari", "Ruang 1"), ("dr. Budi", "ruang 2")):
            _, doctor = await call(http, "POST", "/api/doctors", admin, {"name": name, "services": ["A"]})
            status, shift = await call(http, "POST", "/api/schedules", admin, {
                "doctor": doctor["id"], "service": "A", "weekday": monday, "start": "07:30", "end": "12:00", "room": room})
            assert status == 201 and shift["room"] == room.capitalize()
            ids.append((doctor["id"], shift["id"]))
        (sari, sari_shift), (budi, _) = ids
        status, listed = await call(http, "GET", "/api/schedules", admin)
        assert [s["room"] for s in listed["schedules"]] == ["Ruang 1", "Ruang 2"]
        await q.queue.issue(service="A", user_id=None, doctor=sari)
        await q.queue.issue(service="A", user_id=None, doctor=sari)

        for method, path in (("PATCH", f"/api/doctors/{sari}"), ("DELETE", f"/api/doctors/{sari}"),
                             ("DELETE", f"/api/schedules/{sari_shift}")):
            status, refused = await call(http, method, path, admin, {"active": False} if method == "PATCH" else None)
            assert status == 409 and refused["error"] == "doctor_has_patients" and refused["waiting"] == 2, path
            assert "2 pasien" in refused["message"] and "move_to" in refused["message"]
        status, bad = await call(http, "PATCH", f"/api/doctors/{sari}", admin, {"active": False, "move_to": "x"})
        assert status == 400 and set(bad["fields"]) == {"move_to"}
        status, done = await call(http, "PATCH", f"/api/doctors/{sari}", admin, {"active": False, "move_to": budi})
        assert status == 200 and done["active"] is False and done["moved"] == ["A-001", "A-002"]
        assert done["moved_to"] == budi
        status, gone = await call(http, "DELETE", f"/api/schedules/{sari_shift}", admin)
        assert status == 200, "nobody waits for her any more"
    refused = [r for r in await audit_rows(q) if not r.allowed and r.detail.get("error") == "doctor_has_patients"]
    assert [(r.action, r.detail["waiting"]) for r in refused] == [
        ("clinic_doctor_update", 2), ("clinic_doctor_delete", 2), ("clinic_schedule_delete", 2)]
