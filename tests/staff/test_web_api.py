"""The JSON API, /metrics and the board's event stream on the bot's own web server."""
from __future__ import annotations

import asyncio
import json
from collections import Counter

import aiohttp

from tests.deadlines import REPLY, scaled
from tests.staff.conftest import ADMIN_ID, add_patient_user, audit_rows


async def issue(services, service="A", **kw):
    return await services.queue.issue(service=service, user_id=None, **kw)


async def test_public_endpoints_show_numbers_and_no_personal_data(clinic):
    q = clinic.services
    a1 = await issue(q, "A")
    await issue(q, "A", conditions=["hamil"])
    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.get("/api/services") as resp:
            body = await resp.json()
        assert resp.status == 200
        umum = next(s for s in body["services"] if s["code"] == "A")
        assert umum["name"] == "Poli Umum" and umum["open_now"] is True and umum["waiting"] == {"loket": 2}
        async with http.get("/api/queues") as resp:
            queues = await resp.json()
        loket = next(x for x in queues["queues"] if x["phase"] == "loket")
        assert loket["next"] == ["A-002", "A-001"] and loket["waiting"] == 2
        async with http.get(f"/api/tickets/{a1.number.lower()}") as resp:
            ticket = await resp.json()
        assert ticket["number"] == "A-001" and ticket["status"] == "waiting" and ticket["position"] == 2
        assert ticket["estimate_minutes"] is not None and "name" not in ticket and "nik" not in ticket
        assert ticket["advice"] == (await q.queue.advice(a1.id)).as_payload()  # what the chat says, from the same function
        async with http.get("/api/tickets/Z-999") as resp:
            assert resp.status == 404
        async with http.post("/api/predict", json={"service": "A", "conditions": ["hamil"]}) as resp:
            pred = await resp.json()
        assert pred["level"] == 1 and pred["position"] == 2 and pred["estimate_minutes"] > 0
        async with http.post("/api/predict", json={"service": "A"}) as resp:
            assert (await resp.json())["position"] == 3
        async with http.post("/api/predict", json={"servis": "A"}) as resp:
            assert resp.status == 400


async def test_state_changes_and_personal_data_need_a_staff_token(clinic):
    q = clinic.services
    await add_patient_user(q, 777)
    from queue_core.models import Patient

    async def add_patient(session):
        p = Patient(owner_id=777, name="BUDI SANTOSO", nik="3507011203850001", created_at=q.clock())
        session.add(p)
        await session.flush()
        return p.id

    pid = await q.db.run(add_patient)
    a1 = await q.queue.issue(service="A", user_id=777, patient_id=pid)
    token = await q.staff.create_token("loket-pc", "staff", ADMIN_ID)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        for headers in ({}, {"Authorization": "Bearer pq_wrong"}):
            async with http.post("/api/channels/Loket 1/call", headers=headers) as resp:
                assert resp.status == 401
            async with http.get("/api/queues", params={"channel": "Loket 1"}, headers=headers) as resp:
                assert resp.status == 401
        assert (await q.queue.current("Loket 1")) is None
        auth = {"Authorization": f"Bearer {token}"}
        async with http.get("/api/queues", params={"channel": "loket 1"}, headers=auth) as resp:
            body = await resp.json()
        line = body["channel"]["lines"][0]
        assert line["name"] == "BUDI SANTOSO" and line["nik_masked"] == "3507**********01"
        assert "3507011203850001" not in json.dumps(body)
        async with http.post("/api/channels/Loket 1/call", headers=auth) as resp:
            assert resp.status == 200 and (await resp.json())["ticket"]["number"] == a1.number
        async with http.post("/api/channels/Loket 1/call", headers=auth) as resp:
            assert resp.status == 409 and (await resp.json())["error"] == "channel_busy"
        async with http.post("/api/channels/Loket 1/done", headers=auth) as resp:
            assert (await resp.json())["ticket"]["phase"] == "poli"
        async with http.post("/api/channels/Ruang 2/call", headers=auth, json={"number": "A-999"}) as resp:
            assert resp.status == 409 and (await resp.json())["error"] == "not_waiting_here"
        async with http.post("/api/channels/Ruang 2/call", headers=auth, json={"number": a1.number}) as resp:
            assert resp.status == 200 and (await resp.json())["ticket"]["number"] == a1.number, "a given number"
    await q.staff.revoke_tokens("loket-pc")
    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.post("/api/channels/Loket 1/pause", headers=auth) as resp:
            assert resp.status == 401
    await clinic.pusque.web.refusals.flush(q.staff, everything=True)  # refusals: one row per client per minute
    rows = await audit_rows(q)
    refused = [r for r in rows if not r.allowed]
    assert 1 <= len(refused) <= 2 and {r.action for r in refused} == {"api_refused"}  # 2 if a minute ended meanwhile
    assert sum(r.detail["count"] for r in refused) == 5 and all(r.target == "127.0.0.1" for r in refused)
    reasons = Counter()
    for r in refused:
        reasons.update(r.detail["reasons"])
    assert reasons == {"no token": 2, "bad token": 3}
    allowed = [(r.action, r.detail.get("token"), r.detail.get("number")) for r in rows if r.allowed]
    assert ("call", "loket-pc", a1.number) in allowed and ("done", "loket-pc", a1.number) in allowed


async def test_metrics_are_prometheus_text(clinic):
    q = clinic.services
    await issue(q, "A")
    await issue(q, "B")
    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.get("/metrics") as resp:
            text = await resp.text()
    assert resp.headers["Content-Type"].startswith("text/plain")
    assert 'pusque_queue_waiting{phase="loket",service="A"} 1' in text
    assert 'pusque_queue_waiting{phase="poli",service="B"} 0' in text
    assert "# TYPE pusque_db_retries_total counter" in text and "pusque_db_retries_total 0" in text
    assert "pusque_up 1" in text and 'pusque_channel_paused{channel="Loket 1",phase="loket"} 0' in text
    sent = next(int(line.split()[-1]) for line in text.splitlines()
                if line.startswith('pusque_telegram_requests_total{outcome="sent"}'))
    assert sent >= 1, "the bot's start-up requests (getMe, the command menus) went through the one limiter"
    assert 'pusque_telegram_requests_total{outcome="429"} 0' in text
    for line in text.splitlines():
        assert line.startswith("#") or line.split()[-1].replace(".", "").isdigit(), line


async def test_the_board_stream_pushes_each_call(clinic):
    q = clinic.services
    a1 = await issue(q, "A")
    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.get("/board") as resp:
            page = await resp.text()
        assert "Nomor berikutnya" in page and 'lang="id"' in page
        async with http.get("/board/events") as resp:
            assert resp.headers["Content-Type"] == "text/event-stream"

            async def next_state():
                while True:
                    line = (await resp.content.readline()).decode()
                    if line.startswith("data: "):
                        return json.loads(line[6:])

            first = await asyncio.wait_for(next_state(), scaled(REPLY))
            assert first["queues"][0]["next"] == [a1.number]
            await q.queue.call_next("Loket 2")
            state = await asyncio.wait_for(next_state(), scaled(REPLY))
            loket2 = next(c for c in state["channels"] if c["name"] == "Loket 2")
            assert loket2["number"] == a1.number and loket2["calls"] == 1
            await q.queue.recall("Loket 2")
            state = await asyncio.wait_for(next_state(), scaled(REPLY))
            assert next(c for c in state["channels"] if c["name"] == "Loket 2")["calls"] == 2
            assert "name" not in json.dumps(state).replace('"name": "', "")  # numbers and channel names only
