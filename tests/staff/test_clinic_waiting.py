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
