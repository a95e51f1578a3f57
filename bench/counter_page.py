"""Counter page and kiosk benchmark: what a morning at the registration counter asks of the server.

    python -m bench.counter_page [--patients 200] [--quick]      (--quick: 40 patients)

PusQue runs in this process (SQLite, clinic clock Monday 08:00 plus real time). For each patient,
as the counter page does: register a walk-in (POST /api/patients), search it by NIK, issue a
number (POST /api/tickets) and fetch its print data with the QR code (GET .../print); then for
each, as the kiosk does: look the patient up and take a number in another poli (the kiosk's
per-client limit is lifted for the run). Prints p50/p99/max per route in ms, and the bytes the
browser loads for each page (HTML, CSS, JS; nothing else is fetched).
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import platform
import tempfile
import time
from pathlib import Path

import aiohttp

from app.runner import PusQue
from bot.services import Services, services_of
from ocr.nik import is_valid_nik
from routes import kiosk_api
from settings import load_settings

STATIC = Path(__file__).resolve().parents[1] / "routes" / "static"
MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)
PAGES = {"counter": ["counter.html", "counter.css", "ticket.css", "ticket-view.js", "counter-api.js",
                     "counter-patients.js", "counter-tickets.js", "counter.js"],
         "kiosk": ["kiosk.html", "kiosk.css", "ticket.css", "ticket-view.js", "kiosk.js"]}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def patient(i: int) -> dict:
    """A walk-in with a valid NIK (Malang, 3573; born 1950-1999; women have the day + 40)."""
    born = dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
    female = i % 2 == 1
    nik = f"357305{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}{1 + i // 50:04d}"
    assert is_valid_nik(nik), nik
    name = f"Pasien Loket {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}"
    return {"nik": nik, "name": name, "sex": "P" if female else "L",
            "birth_date": born.isoformat(), "address": f"Jl. Mawar {i}, Malang", "bpjs": f"{i:013d}"}


async def timed(http, times: dict, name: str, method: str, path: str, **kw) -> dict:
    start = time.perf_counter()
    async with http.request(method, path, **kw) as resp:
        body = await resp.json()
        assert resp.status in (200, 201), (name, resp.status, body)
    times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return body


async def run(n: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pusque-bench-"))
    settings = dataclasses.replace(
        load_settings(env={}), web_port=0, botapi_port=0, web_host="127.0.0.1", telegram_token=None,
        telegram_base_url=None, database_url=f"sqlite+aiosqlite:///{folder / 'bench.db'}", ocr_preload=False,
        model_dir=folder / "model", local_token_file=folder / "token")
    services = {code: dataclasses.replace(svc, daily_quota=max(svc.daily_quota, 2 * n))
                for code, svc in settings.services.items()}
    settings = dataclasses.replace(settings, services=services)
    start = time.monotonic()

    async def factory(s):
        return await Services.create(s, clock=lambda: MONDAY_8AM + dt.timedelta(seconds=time.monotonic() - start))

    pusque = PusQue(settings, services_factory=factory)
    await pusque.start()
    try:
        limiter = pusque.web.app[kiosk_api.LIMITER]
        limiter.rate = limiter.burst = 1e6
        services = services_of(pusque.application)
        token = await services.staff.create_token("bench", "staff", 1)
        staff = {"Authorization": f"Bearer {token}"}
        times: dict[str, list[float]] = {}
        async with aiohttp.ClientSession(pusque.web.root_url) as http:
            for i in range(n):
                p = patient(i)
                made = await timed(http, times, "POST /api/patients", "POST", "/api/patients", headers=staff, json=p)
                await timed(http, times, "GET /api/patients?q=NIK", "GET", "/api/patients", headers=staff,
                            params={"q": p["nik"]})
                ticket = await timed(http, times, "POST /api/tickets", "POST", "/api/tickets", headers=staff,
                                     json={"patient_id": made["id"], "service": "A"})
                await timed(http, times, "GET /api/tickets/{n}/print", "GET", f"/api/tickets/{ticket['number']}/print",
                            headers=staff)
            for i in range(n):
                p = patient(i)
                await timed(http, times, "POST /api/kiosk/lookup", "POST", "/api/kiosk/lookup", json={"id": p["nik"]})
                await timed(http, times, "POST /api/kiosk/tickets", "POST", "/api/kiosk/tickets",
                            json={"id": p["bpjs"], "service": "C"})
    finally:
        await pusque.stop()
    print(f"machine: {platform.machine()}, {platform.python_version()}, SQLite; {n} patients")
    for name, values in times.items():
        print(f"{name:30s} p50 {pct(values, 50):6.1f} ms  p99 {pct(values, 99):6.1f} ms  max {max(values):6.1f} ms")
    for page, files in PAGES.items():
        size = sum((STATIC / f).stat().st_size for f in files)
        print(f"/{page}: {len(files)} files, {size / 1024:.1f} KB (uncompressed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(40 if args.quick else args.patients))


if __name__ == "__main__":
    main()
