"""The counter's web API (issue 22, docs/api.md) on the running system: walk-in patients, tickets
for them in the same queue as the chat's, cancel, check-in and clearing a queue; tokens, roles,
field errors and the audit log."""
from __future__ import annotations

import datetime as dt
import json

import aiohttp
import pytest

from queue_core.models import Patient
from tests.queue_core.helpers import quota_used
from tests.staff.conftest import ADMIN_ID, add_patient_user, audit_rows

RINA = {"nik": "3573056501951004", "name": "Rina Wulandari", "birth_date": "1995-01-25", "sex": "P",
        "address": "Jl. Merpati 3, Malang", "phone": "0812-3456-7890", "bpjs": "0001234567890"}


@pytest.fixture
async def api(clinic):
    staff_token = await clinic.services.staff.create_token("loket-pc", "staff", ADMIN_ID)
    admin_token = await clinic.services.staff.create_token("kepala", "admin", ADMIN_ID)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        http.staff = {"Authorization": f"Bearer {staff_token}"}
        http.admin = {"Authorization": f"Bearer {admin_token}"}
        yield http


async def call(http, method: str, path: str, headers=None, **kw) -> tuple[int, dict]:
    async with http.request(method, path, headers=headers, **kw) as resp:
        return resp.status, await resp.json()


async def chat_patient(clinic, user, name="BUDI SANTOSO", nik="3507011203850001") -> int:
    q = clinic.services
    await add_patient_user(q, user.id)

    async def add(session):
        p = Patient(owner_id=user.id, name=name, nik=nik, birth_date=dt.date(1985, 3, 12), sex="L",
                    created_at=q.clock())
        session.add(p)
        await session.flush()
        return p.id

    return await q.db.run(add)


async def test_patients_are_registered_found_and_corrected_with_a_token(clinic, api):
    status, body = await call(api, "POST", "/api/patients", json=RINA)
    assert status == 401 and body["error"] == "unauthorized"
    status, rina = await call(api, "POST", "/api/patients", api.staff, json=RINA)
    assert status == 201 and isinstance(rina["id"], int)
    shown = (rina["name"], rina["phone"], rina["sex"], rina["telegram"])
    assert shown == ("RINA WULANDARI", "081234567890", "P", False)
    status, body = await call(api, "POST", "/api/patients", api.staff, json={**RINA, "name": "RINA W"})
    assert status == 409 and body == {**body, "error": "nik_registered", "id": rina["id"]}
    for query in ("3573056501951004", "0001234567890", "wulan"):
        status, found = await call(api, "GET", "/api/patients", api.staff, params={"q": query})
        assert status == 200 and [p["id"] for p in found["patients"]] == [rina["id"]]
        assert found["patients"][0]["nik"] == "3573**********04" and RINA["nik"] not in json.dumps(found)
    assert (await call(api, "GET", "/api/patients", params={"q": "wulan"}))[0] == 401
    status, body = await call(api, "GET", "/api/patients", api.staff, params={"q": "ri"})
    assert status == 400 and list(body["fields"]) == ["q"]
    status, after = await call(api, "PATCH", f"/api/patients/{rina['id']}", api.staff,
                               json={"address": "Jl. Mawar 1, Malang", "bpjs": None})
    assert status == 200
    assert (after["address"], after["bpjs"], after["name"]) == ("JL. MAWAR 1, MALANG", None, "RINA WULANDARI")
    assert (await call(api, "PATCH", f"/api/patients/{rina['id']}", json={"bpjs": None}))[0] == 401
    assert (await call(api, "PATCH", "/api/patients/99999", api.staff, json={"bpjs": None}))[0] == 404
    created = await audit_rows(clinic.services, "api_patient_create")
    assert [(r.target, r.detail["token"], r.detail.get("error")) for r in created] == [
        (str(rina["id"]), "loket-pc", None), (str(rina["id"]), "loket-pc", "nik_registered")]
    [patched] = await audit_rows(clinic.services, "api_patient_update")
    assert patched.detail["before"] == {"address": "JL. MERPATI 3, MALANG", "bpjs": "0001234567890"}
    assert patched.detail["after"] == {"address": "JL. MAWAR 1, MALANG", "bpjs": None}
    searches = await audit_rows(clinic.services, "api_patient_search")
    assert searches[0].detail["q"] == "3573**********04" and len(searches) == 3


@pytest.mark.parametrize("body, fields", [
    ({**RINA, "nik": "35730565019510"}, {"nik": "bad.nik_length"}),
    ({**RINA, "nik": "3573056501950000"}, {"nik": "bad.nik_serial"}),
    ({**RINA, "birth_date": "1995-01-26"}, {"birth_date": "bad.nik_birth"}),
    ({**RINA, "sex": "L"}, {"sex": "bad.nik_sex"}),
    ({**RINA, "sex": "X", "phone": 812, "birth_date": "25-01-1995"}, {"sex": "bad.sex", "phone": "type",
                                                                       "birth_date": "bad.date"}),
    ({k: v for k, v in RINA.items() if k != "address"} | {"nama": "x"},
     {"address": "missing", "nama": "unknown_field"}),
    ([RINA], {"body": "type"}),
])
async def test_a_bad_patient_is_a_400_naming_each_field(clinic, api, body, fields):
    status, answer = await call(api, "POST", "/api/patients", api.staff, json=body)
    assert status == 400 and {k: v["code"] for k, v in answer["fields"].items()} == fields
    assert all(v["message"] and v["message_en"] for v in answer["fields"].values())
    assert await audit_rows(clinic.services, "api_patient_create") == []


async def test_malformed_json_and_a_bad_patch_name_the_field(clinic, api):
    status, answer = await call(api, "POST", "/api/patients", {**api.staff, "Content-Type": "application/json"},
                                data=b'{"nik": "35')
    assert status == 400 and list(answer["fields"]) == ["body"]
    status, rina = await call(api, "POST", "/api/patients", api.staff, json=RINA)
    status, answer = await call(api, "PATCH", f"/api/patients/{rina['id']}", api.staff, json={"name": None, "sex": "L"})
    assert status == 400
    assert {k: v["code"] for k, v in answer["fields"].items()} == {"name": "missing", "sex": "bad.nik_sex"}


async def test_a_walk_in_ticket_stands_in_the_chat_queue_and_follows_the_chat_rules(clinic, api):
    q = clinic.services
    first = await q.queue.issue(service="A", user_id=None)
    _, rina = await call(api, "POST", "/api/patients", api.staff, json=RINA)
    ticket = {"patient_id": rina["id"], "service": "a", "conditions": ["hamil"], "day": "2026-11-23"}
    assert (await call(api, "POST", "/api/tickets", json=ticket))[0] == 401
    status, mine = await call(api, "POST", "/api/tickets", api.staff, json=ticket)
    assert status == 201 and mine["number"] == "A-002" and mine["level"] == 1 and mine["position"] == 1
    status, shown = await call(api, "GET", f"/api/tickets/{mine['number']}")
    assert shown == mine
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={**ticket, "service": "A"})
    assert status == 409 and body["error"] == "already_has_ticket" and body["number"] == mine["number"]
    assert (await q.queue.call_next("Loket 1")).number == mine["number"]  # priority, as in the chat
    assert (await q.queue.call_next("Loket 2")).number == first.number
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={**ticket, "service": "B", "doctor": 3})
    assert status == 400 and body["fields"]["doctor"]["code"] == "doctor_not_available"  # no such doctor that day
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={**ticket, "service": "B", "day": "2026-12-24"})
    assert status == 400 and body["fields"]["day"]["last"] == "2026-11-30"  # beyond the booking window
    status, booked = await call(api, "POST", "/api/tickets", api.staff,
                                json={**ticket, "service": "B", "day": "2026-11-24"})  # booking ahead (tests/staff/test_booking_api.py)
    assert status == 201 and booked["status"] == "booked" and booked["day"] == "2026-11-24"
    status, body = await call(api, "POST", "/api/tickets", api.staff,
                              json={"patient_id": "1", "service": "Z", "conditions": "hamil", "day": "besok"})
    assert status == 400 and set(body["fields"]) == {"patient_id", "service", "conditions", "day"}
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={"service": "B", "conditions": ["pusing"]})
    assert status == 400 and set(body["fields"]) == {"patient_id", "conditions"}
    assert body["fields"]["conditions"]["unknown"] == ["pusing"]
    assert (await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": 99999, "service": "B"}))[0] == 404
    for _ in range(q.settings.services["B"].daily_quota):
        await q.queue.issue(service="B", user_id=None)
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": rina["id"], "service": "B"})
    assert status == 422 and body["error"] == "quota_full"
    clinic.services.clock.now = dt.datetime(2026, 11, 23, 12, 30)
    status, body = await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": rina["id"], "service": "C"})
    assert status == 422 and body["error"] == "service_closed"
    issued = [(r.target, r.detail.get("error")) for r in await audit_rows(q, "api_ticket_issue")]
    assert issued == [("A-002", None), (str(rina["id"]), "already_has_ticket"), (str(rina["id"]), "doctor_not_available"),
                      (str(rina["id"]), "day_out_of_range"), ("B-001", None), (str(rina["id"]), "quota_full"),
                      (str(rina["id"]), "service_closed")]


async def test_cancel_tells_a_chat_patient_why_and_returns_the_place(clinic, api):
    q = clinic.services
    joko = await clinic.user(first_name="Pak Joko")
    pid = await chat_patient(clinic, joko)
    status, ticket = await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": pid, "service": "B"})
    assert status == 201
    await joko.next_message(contains=ticket["number"])  # the ticket message reaches his chat
    path = f"/api/tickets/{ticket['number']}"
    assert (await call(api, "DELETE", path, json={"reason": "dokter gigi cuti"}))[0] == 401
    status, body = await call(api, "DELETE", path, api.staff, json={"reason": "  "})
    assert status == 400 and list(body["fields"]) == ["reason"]
    status, body = await call(api, "DELETE", path, api.staff, json={})
    assert status == 400 and body["fields"]["reason"]["code"] == "missing"
    status, cancelled = await call(api, "DELETE", path, api.staff, json={"reason": "dokter gigi cuti"})
    assert status == 200 and cancelled["status"] == "cancelled"
    assert (await call(api, "GET", path))[1]["status"] == "cancelled"
    told = (await joko.next_message(contains="dibatalkan"))["text"]
    assert f"Nomor {ticket['number']} (Poli Gigi) dibatalkan oleh petugas." in told
    assert "Alasan: dokter gigi cuti" in told
    status, body = await call(api, "DELETE", path, api.staff, json={"reason": "lagi"})
    assert status == 409 and body["error"] == "invalid_transition"
    assert (await call(api, "DELETE", "/api/tickets/B-999", api.staff, json={"reason": "x"}))[0] == 404
    assert await quota_used(q.db, dt.date(2026, 11, 23), "B") == 0  # back in the quota
    rows = [(r.target, r.detail.get("reason"), r.detail.get("told"), r.detail.get("error"))
            for r in await audit_rows(q, "api_ticket_cancel")]
    assert rows == [(ticket["number"], "dokter gigi cuti", True, None),
                    (ticket["number"], "lagi", None, "invalid_transition"),
                    ("B-999", "x", None, "ticket_not_found")]


async def test_check_in_records_the_arrival_and_brings_a_skipped_walk_in_back(clinic, api):
    q = clinic.services
    _, rina = await call(api, "POST", "/api/patients", api.staff, json=RINA)
    _, ticket = await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": rina["id"], "service": "A"})
    path = f"/api/tickets/{ticket['number']}/checkin"
    assert (await call(api, "POST", path))[0] == 401
    await q.queue.call_next("Loket 1")
    await q.queue.skip("Loket 1")
    status, body = await call(api, "POST", path, api.staff)
    assert status == 200 and body["status"] == "waiting" and body["checked_in_at"] == "2026-11-23T08:00:00"
    await q.queue.call_next("Loket 1")
    await q.queue.finish("Loket 1")
    await call(api, "DELETE", f"/api/tickets/{ticket['number']}", api.staff, json={"reason": "pulang"})
    status, body = await call(api, "POST", path, api.staff)
    assert status == 409 and body["error"] == "invalid_transition"
    rows = [(r.target, r.detail.get("status"), r.detail.get("error")) for r in await audit_rows(q, "api_checkin")]
    assert rows == [(ticket["number"], "waiting", None), (ticket["number"], None, "invalid_transition")]


async def test_clearing_a_queue_needs_an_admin_token_and_tells_everyone_waiting(clinic, api):
    q = clinic.services
    joko = await clinic.user(first_name="Pak Joko")
    pid = await chat_patient(clinic, joko)
    _, rina = await call(api, "POST", "/api/patients", api.staff, json=RINA)
    _, his = await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": pid, "service": "A"})
    await joko.next_message(contains=his["number"])
    _, hers = await call(api, "POST", "/api/tickets", api.staff, json={"patient_id": rina["id"], "service": "A"})
    dental = await q.queue.issue(service="B", user_id=None)
    reason = {"reason": "Dokter umum dipanggil ke rapat dinas"}
    assert (await call(api, "POST", "/api/queues/A/clear", json=reason))[0] == 401
    status, body = await call(api, "POST", "/api/queues/A/clear", api.staff, json=reason)
    assert status == 403 and body["error"] == "forbidden"
    assert (await call(api, "GET", f"/api/tickets/{his['number']}"))[1]["status"] == "waiting"
    status, body = await call(api, "POST", "/api/queues/A/clear", api.admin, json={"reason": 5})
    assert status == 400 and body["fields"]["reason"]["code"] == "type"
    assert (await call(api, "POST", "/api/queues/Z/clear", api.admin, json=reason))[0] == 404
    status, body = await call(api, "POST", "/api/queues/a/clear", api.admin, json=reason)
    assert status == 200 and body["cancelled"] == [his["number"], hers["number"]]
    assert body["phases"] == ["loket", "poli"] and body["count"] == 2
    told = (await joko.next_message(contains="dibatalkan"))["text"]
    assert "Alasan: Dokter umum dipanggil ke rapat dinas" in told
    assert (await call(api, "GET", f"/api/tickets/{hers['number']}"))[1]["status"] == "cancelled"
    assert (await q.queue.view(dental.id)).status == "waiting"
    refused = [r for r in await audit_rows(q, "api_queue_clear") if not r.allowed]
    assert [(r.detail["token"], r.detail["role"]) for r in refused] == [("loket-pc", "staff")]
    [done] = [r for r in await audit_rows(q, "api_queue_clear") if r.allowed]
    assert (done.target, done.detail["count"], done.detail["token"]) == ("A", 2, "kepala")
