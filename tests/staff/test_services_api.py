"""Services (poli) in the database, edited through the web API with an admin token: a change is
seen at once by the queue and the public API (no restart), every change is audited, and no waiting
patient is lost: a service holding numbers is only removed by moving them, in order, each told."""
from __future__ import annotations

import datetime as dt

import aiohttp
import pytest
from sqlalchemy import select

from queue_core import errors
from queue_core.models import Outbox
from queue_core.service_catalog import ClinicService
from tests.staff.conftest import ADMIN_ID, add_patient_user, audit_rows

LANSIA = {"code": "E", "name": "Poli Lansia", "prefix": "E", "route": ["loket", "poli", "apotek"], "daily_quota": 30}


@pytest.fixture
async def tokens(clinic):
    staff = clinic.services.staff
    admin = await staff.create_token("admin-pc", "admin", ADMIN_ID)
    nurse = await staff.create_token("loket-pc", "staff", ADMIN_ID)
    return {"Authorization": f"Bearer {admin}"}, {"Authorization": f"Bearer {nurse}"}


async def call(http, method: str, path: str, headers: dict, body=None) -> tuple[int, dict]:
    async with http.request(method, path, headers=headers, json=body) as resp:
        return resp.status, await resp.json()


async def public_codes(http) -> list[str]:
    async with http.get("/api/services") as resp:
        assert resp.status == 200
        return [s["code"] for s in (await resp.json())["services"]]


async def test_every_services_route_needs_an_admin_token(clinic, tokens):
    _, nurse = tokens
    routes = [("GET", "/api/services"), ("POST", "/api/services"), ("PATCH", "/api/services/A"),
              ("DELETE", "/api/services/A")]
    async with aiohttp.ClientSession(clinic.web_url) as http:
        for method, path in routes:
            if method != "GET":  # GET without a token is the public view, answered below
                status, body = await call(http, method, path, {}, LANSIA)
                assert (status, body["error"]) == (401, "unauthorized"), (method, path)
            status, body = await call(http, method, path, {"Authorization": "Bearer pq_wrong"}, LANSIA)
            assert status == 401, (method, path)
            status, body = await call(http, method, path, nurse, LANSIA)
            assert (status, body["error"]) == (403, "forbidden"), (method, path)
        assert await public_codes(http) == ["A", "B", "C", "D"], "nothing changed"
    refused = [r for r in await audit_rows(clinic.services) if r.action.startswith("clinic_service")]
    assert [r.allowed for r in refused] == [False] * 4 and {r.detail["token"] for r in refused} == {"loket-pc"}


async def test_an_admin_adds_a_service_and_patients_take_its_numbers_at_once(clinic, tokens):
    admin, _ = tokens
    q = clinic.services
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, body = await call(http, "POST", "/api/services", admin,
                                  {**LANSIA, "code": "e1x", "route": ["loket", "kasir"], "daily_quota": 0, "colour": 1})
        assert status == 400 and set(body["fields"]) == {"code", "route", "daily_quota", "colour"}
        assert body["fields"]["route"]["known"] == ["loket", "poli", "apotek"]
        status, body = await call(http, "POST", "/api/services", admin, {**LANSIA, "prefix": "A"})
        assert status == 400 and set(body["fields"]) == {"prefix"} and body["fields"]["prefix"]["service"] == "A"
        status, body = await call(http, "POST", "/api/services", admin, {**LANSIA, "rooms": ["Ruang Gigi"]})
        assert status == 400 and set(body["fields"]) == {"rooms"}
        with pytest.raises(errors.UnknownService):
            await q.queue.issue(service="E", user_id=None)

        status, made = await call(http, "POST", "/api/services", admin, LANSIA)
        assert status == 201 and {k: made[k] for k in LANSIA} == LANSIA
        assert made["name_en"] == "Poli Lansia" and made["rooms"] == ["Poli Lansia"] and made["active"] is True
        assert await public_codes(http) == ["A", "B", "C", "D", "E"]
        status, listed = await call(http, "GET", "/api/services", admin)
        assert status == 200 and listed["services"][-1] == made
        status, body = await call(http, "POST", "/api/services", admin, LANSIA)
        assert status == 400 and set(body["fields"]) == {"code"}

    ticket = await q.queue.issue(service="E", user_id=None)
    assert ticket.number == "E-001" and ticket.phase == "loket", "the queue core sees the new service at once"
    assert "Poli Lansia" in [c.name for c in q.settings.channels], "its room is a channel at once"
    rows = await audit_rows(q, "clinic_service_create")
    assert len(rows) == 1 and rows[0].target == "E" and rows[0].detail["before"] is None
    assert rows[0].detail["after"]["name"] == "Poli Lansia" and rows[0].detail["token"] == "admin-pc"


async def test_a_smaller_quota_cancels_no_number_already_given(clinic, tokens):
    admin, _ = tokens
    q = clinic.services
    given = [await q.queue.issue(service="B", user_id=None) for _ in range(3)]
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, body = await call(http, "PATCH", "/api/services/B", admin, {"daily_quota": "dua"})
        assert status == 400 and set(body["fields"]) == {"daily_quota"}
        status, body = await call(http, "PATCH", "/api/services/B", admin, {"daily_quota": 2, "name": "Poli Gigi & Mulut"})
        assert status == 200 and body["daily_quota"] == 2 and body["name"] == "Poli Gigi & Mulut"
        status, body = await call(http, "PATCH", "/api/services/Q", admin, {"daily_quota": 2})
        assert status == 404 and body["error"] == "not_found"
        async with http.get("/api/services") as resp:
            gigi = next(s for s in (await resp.json())["services"] if s["code"] == "B")
        assert gigi["name"] == "Poli Gigi & Mulut" and gigi["daily_quota"] == 2
    for ticket in given:
        assert (await q.queue.view(ticket.id)).status == "waiting"
    with pytest.raises(errors.QuotaFull):
        await q.queue.issue(service="B", user_id=None)
    update = (await audit_rows(q, "clinic_service_update"))[-1]
    assert (update.detail["before"]["daily_quota"], update.detail["after"]["daily_quota"]) == (40, 2)


async def test_a_service_with_waiting_patients_is_removed_only_by_moving_them_in_order(clinic, clinic_clock, tokens):
    admin, _ = tokens
    q = clinic.services
    patient = await clinic.user(7001, "Mbah Sumi")
    await add_patient_user(q, 7001)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        assert (await call(http, "POST", "/api/services", admin, LANSIA))[0] == 201
        first = await q.queue.issue(service="E", user_id=7001)
        await patient.next_message(contains="E-001")
        second = await q.queue.issue(service="E", user_id=None)
        umum = await q.queue.issue(service="A", user_id=None)
        for _ in range(3):  # through the loket one a minute: E-001, E-002 reach their poli before A-001
            clinic_clock.now += dt.timedelta(minutes=1)
            await q.queue.call_next("Loket 1")
            await q.queue.finish("Loket 1")
        clinic_clock.now += dt.timedelta(minutes=10)
        assert (await q.queue.view(umum.id)).phase == "poli"
        for method, path, body in (("DELETE", "/api/services/E", None), ("PATCH", "/api/services/E", {"active": False})):
            status, refused = await call(http, method, path, admin, body)
            assert status == 409 and refused["error"] == "service_in_use" and refused["waiting"] == 2, method
            assert "2 nomor antrean" in refused["message"]
        assert await public_codes(http) == ["A", "B", "C", "D", "E"], "refused: nothing changed"
        status, body = await call(http, "DELETE", "/api/services/E?move_to=Z", admin)
        assert status == 400 and set(body["fields"]) == {"move_to"} and "A" in body["fields"]["move_to"]["known"]

        status, body = await call(http, "DELETE", "/api/services/E?move_to=A", admin)
        assert status == 200 and body["moved"] == ["E-001", "E-002"] and body["deleted"]["code"] == "E"
        assert await public_codes(http) == ["A", "B", "C", "D"]
    moved = [await q.queue.view(t.id) for t in (first, second)]
    assert [(v.number, v.service, v.status, v.phase) for v in moved] == [("E-001", "A", "waiting", "poli"),
                                                                          ("E-002", "A", "waiting", "poli")]
    assert [v.position for v in moved] == [1, 2] and (await q.queue.view(umum.id)).position == 3, \
        "they keep their order and their place in time, ahead of the later A-001"
    told = await patient.next_message(contains="dipindahkan")
    assert "E-001" in told["text"] and "Poli Umum" in told["text"]

    async def notices(session):
        return list(await session.scalars(select(Outbox).where(Outbox.kind == "transferred")))

    assert [n.payload["number"] for n in await q.db.run(notices)] == ["E-001"], "the walk-in has no chat to tell"
    assert await q.db.run(lambda s: s.get(ClinicService, "E")) is None
    rows = [r for r in await audit_rows(q) if r.action == "clinic_service_delete"]
    assert [r.allowed for r in rows] == [False, True]
    assert rows[0].detail["waiting"] == 2 and rows[1].detail["moved"] == ["E-001", "E-002"]
    assert rows[1].detail["before"]["name"] == "Poli Lansia" and rows[1].detail["after"] is None
    with pytest.raises(errors.UnknownService):
        await q.queue.issue(service="E", user_id=None)


async def test_a_service_at_a_counter_now_is_not_moved(clinic, tokens):
    admin, _ = tokens
    q = clinic.services
    await q.queue.issue(service="D", user_id=None)
    await q.queue.call_next("Loket 1")
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, body = await call(http, "PATCH", "/api/services/D?move_to=A", admin, {"active": False})
        assert status == 409 and body["reason"] == "in_service" and body["waiting"] == 1
        await q.queue.finish("Loket 1")
        await q.queue.call_next("Ruang KIA")
        await q.queue.finish("Ruang KIA")
        await q.queue.call_next("Apotek")
        await q.queue.finish("Apotek")
        status, body = await call(http, "PATCH", "/api/services/D", admin, {"active": False})
        assert status == 200 and body["active"] is False
        assert await public_codes(http) == ["A", "B", "C"]
        status, body = await call(http, "PATCH", "/api/services/D", admin, {"active": True})
        assert status == 200 and await public_codes(http) == ["A", "B", "C", "D"]


async def test_a_service_with_doctor_schedules_is_not_deleted(clinic, tokens):
    admin, _ = tokens
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, doctor = await call(http, "POST", "/api/doctors", admin, {"name": "dr. Sari", "services": ["B"]})
        assert status == 201
        schedule = {"doctor": doctor["id"], "service": "B", "weekday": 3, "start": "08:00", "end": "12:00"}
        status, _ = await call(http, "POST", "/api/schedules", admin, schedule)
        assert status == 201
        status, body = await call(http, "DELETE", "/api/services/B", admin)
        assert status == 409 and body["error"] == "service_has_schedules" and body["schedules"] == 1
        assert body["service"] == "B" and "hapus jadwalnya" in body["message"]
        status, body = await call(http, "DELETE", "/api/services/ZZ", admin)
        assert (status, body["error"], body["code"]) == (404, "not_found", "ZZ")
        assert "B" in await public_codes(http), "nothing was deleted"
    refused = [r for r in await audit_rows(clinic.services, "clinic_service_delete") if not r.allowed]
    assert [(r.target, r.detail["error"], r.detail["schedules"], r.detail["token"]) for r in refused] == [
        ("B", "service_has_schedules", 1, "admin-pc")], "the refused change is audited; the 404 is not"
