"""Issue 23 against the running system's web server: malformed input gets 400/413 and no ERROR
line (finding 2, 5, 6), refused requests are rate limited and audited in aggregate (finding 4)."""
from __future__ import annotations

import asyncio
import logging

import aiohttp
import pytest
from sqlalchemy import select

from bot.services import services_of
from queue_core.models import AuditLog


def errors_in(caplog) -> list[str]:
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.ERROR]


async def raw_http(port: int, request: bytes) -> bytes:
    """Bytes no HTTP client library would send; returns the status line."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        return await asyncio.wait_for(reader.readline(), 10)
    finally:
        writer.close()


@pytest.mark.parametrize("body, status", [
    (b'{"service": "A", "age": 1e400}', 400),
    (b'{"service": "A", "age": Infinity}', 400),
    (b'{"service": "A", "age": NaN}', 400),
    (b'{"service": "A", "age": -Infinity}', 400),
    (b'{"service": "A", "age": 100000000000000000000000000000}', 400),
    (b'{"service": "A", "age": true}', 400),
    (b'{"service": "A", "conditions": "hamil"}', 400),
    (b"[" * 100_000 + b"]" * 100_000, 413),
    (b'{"service": "A", "x": ' + b"[" * 200 + b"]" * 200 + b"}", 400),
    (b'{"service": "A", "conditions": ["' + b"x" * 5_000_000 + b'"]}', 413),
    (b"\xff\xfe not utf-8", 400),
])
async def test_predict_refuses_bad_numbers_deep_and_huge_json_without_an_error_line(pusque, caplog, body, status):
    async with aiohttp.ClientSession(pusque.web_url) as http:
        async with http.post("/api/predict", data=body, headers={"Content-Type": "application/json"}) as resp:
            assert resp.status == status
            assert (await resp.json())["error"] in ("bad_request", "too_large")
        async with http.post("/api/predict", json={"service": "A", "age": 30}) as resp:
            assert resp.status == 200  # and the server is fine
    assert errors_in(caplog) == []


async def test_predict_echoes_unknown_conditions_bounded(pusque):
    unknown = ["z" * 10_000] * 3 + [f"c{i}" for i in range(20)]
    async with aiohttp.ClientSession(pusque.web_url) as http:
        async with http.post("/api/predict", json={"service": "A", "conditions": unknown[:30]}) as resp:
            assert resp.status == 413  # 30 KB of conditions: over the 8 KB limit
        async with http.post("/api/predict", json={"service": "A", "conditions": ["z" * 4000, *unknown[3:20]]}) as resp:
            body = await resp.json()
            assert resp.status == 400 and len(await resp.read()) < 1000
    assert body["unknown_count"] == 18 and len(body["unknown"]) == 5 and all(len(c) <= 40 for c in body["unknown"])


@pytest.mark.parametrize("request_bytes", [
    b"GET /" + b"a" * 8200 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    b"POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n",
])
async def test_malformed_http_is_a_400_and_one_warning_line_not_an_error_traceback(pusque, caplog, request_bytes):
    caplog.set_level(logging.WARNING)
    for port in (pusque.pusque.web.port, pusque.botapi.port):
        status_line = await raw_http(port, request_bytes)
        assert status_line.startswith(b"HTTP/1.") and b" 400 " in status_line, status_line
    assert errors_in(caplog) == []
    warnings = [r for r in caplog.records if r.name == "aiohttp.server"]
    assert len(warnings) == 2 and all(r.levelno == logging.WARNING and not r.exc_info for r in warnings)
    assert all("\n" not in r.getMessage() for r in warnings)


async def test_local_user_api_bad_query_and_deep_json_are_400(pusque, caplog):
    ani = await pusque.user(first_name="Ani")
    async with aiohttp.ClientSession(pusque.botapi.root_url) as http:
        for query in ("after=abc", "timeout=abc", "after=1&timeout=nan", "timeout=inf&after=-4"):
            async with http.get(f"/local/users/{ani.id}/events?{query}") as resp:
                assert resp.status in (200, 400), query
                if "abc" in query:
                    assert resp.status == 400
        async with http.post("/local/users", data=b"[" * 50_000, headers={"Content-Type": "application/json"}) as resp:
            assert resp.status == 400
        async with http.post("/local/users", data=b'{"a":' * 1000 + b"1" + b"}" * 1000,
                             headers={"Content-Type": "application/json"}) as resp:
            assert resp.status == 400
    assert errors_in(caplog) == []


async def audit_refusals(system) -> list[AuditLog]:
    services = services_of(system.application)
    return await services.db.run(lambda s: s.scalars(select(AuditLog).where(AuditLog.allowed.is_(False))))


async def test_300_refused_requests_are_rate_limited_and_add_a_handful_of_audit_rows(pusque):
    services = services_of(pusque.application)
    token = await services.staff.create_token("loket-pc", "staff", 1)
    statuses = []
    async with aiohttp.ClientSession(pusque.web_url) as http:
        for i in range(300):
            headers = {"Authorization": f"Bearer pq_wrong{i}"} if i % 2 else {}
            async with http.post("/api/channels/Loket 1/pause", headers=headers) as resp:
                statuses.append(resp.status)
                if resp.status == 429:
                    assert int(resp.headers["Retry-After"]) >= 1
        # a valid token from the same (rate-limited) address still works
        async with http.post("/api/channels/Loket 1/resume", headers={"Authorization": f"Bearer {token}"}) as resp:
            assert resp.status == 200
    assert statuses[:30] == [401] * 30 and statuses.count(429) >= 250
    await pusque.pusque.web.refusals.flush(services.staff, everything=True)
    rows = list(await audit_refusals(pusque))
    assert 1 <= len(rows) <= 2  # one per client per minute (two if the minute turned meanwhile)
    assert sum(r.detail["count"] for r in rows) == 300 and sum(r.detail["rate_limited"] for r in rows) >= 250
    assert {r.target for r in rows} == {"127.0.0.1"} and {r.action for r in rows} == {"api_refused"}


async def test_wrong_webhook_secrets_are_rate_limited_and_aggregated(start_pusque):
    system = await start_pusque(webhook=True)
    services = services_of(system.application)
    statuses = []
    async with aiohttp.ClientSession(system.web_url) as http:
        for _ in range(60):
            async with http.post("/telegram/webhook", json={"update_id": 1},
                                 headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}) as resp:
                statuses.append(resp.status)
    assert statuses[:30] == [403] * 30 and set(statuses[30:]) == {429}
    await system.pusque.web.refusals.flush(services.staff, everything=True)
    rows = list(await audit_refusals(system))
    assert 1 <= len(rows) <= 2 and sum(r.detail["count"] for r in rows) == 60


def test_replies_over_telegrams_limits_are_cut_to_fit():
    from bot.ratelimit import fit_to_limits

    data = {"chat_id": 1, "text": "😀" * 3000}  # 6000 UTF-16 code units
    fit_to_limits("sendMessage", data)
    assert len(data["text"].encode("utf-16-le")) // 2 <= 4096 and data["text"].endswith("…")
    data = {"chat_id": 1, "caption": "x" * 2000}
    fit_to_limits("sendPhoto", data)
    assert len(data["caption"]) == 1024
    html = {"chat_id": 1, "text": "<b>x</b>" * 1000, "parse_mode": "HTML"}
    fit_to_limits("sendMessage", html)
    assert len(html["text"]) == 8000  # marked-up text is never cut (it could break the markup)
