"""The admin's counters are the queue's channels (issue 21): a counter added in /klinik can /call at
once and the patient's call names it; the API lists it; removing it while a patient is called
there is refused with the count, or hands them to another counter (the patient told where to go);
a counter alone serving a phase keeps its waiting patients in order when handed over; and a
restart keeps the database's counters, not config.yaml's."""
from __future__ import annotations

import dataclasses

import aiohttp

from app.runner import PusQue
from local_botapi import LOCAL_TOKEN, LocalBotApi
from queue_core.clock import ManualClock
from tests.deadlines import local_telegram
from tests.e2e.harness import make_test_settings
from tests.handlers.helpers import FAST, factory
from tests.staff.conftest import ADMIN_ID, MONDAY_8AM, add_patient_user, audit_rows
from tests.staff.test_admin_clinic_chat import pressed


async def call(http, method: str, path: str, headers: dict, body=None) -> tuple[int, dict]:
    async with http.request(method, path, headers=headers, json=body) as resp:
        return resp.status, await resp.json()


async def admin_header(services) -> dict:
    return {"Authorization": f"Bearer {await services.staff.create_token('admin-pc', 'admin', ADMIN_ID)}"}


def buttons(message: dict) -> list[str]:
    return [b["text"] for row in message["reply_markup"]["inline_keyboard"] for b in row]


async def counters_list(admin) -> dict:
    await admin.send("/klinik")
    home = await admin.next_message(contains="Kelola klinik")
    return await pressed(admin, "🪟 Loket & ruang", home)


async def test_a_counter_added_in_chat_calls_at_once_and_leaves_only_by_handing_over(clinic, admin, nurse):
    q = clinic.services
    listing = await counters_list(admin)
    assert "Loket 1 — Loket Pendaftaran: semua layanan" in listing["text"]
    assert "Ruang 1 (Poli Umum)" in listing["text"], "the services' rooms are shown too"
    await pressed(admin, "➕ Tambah loket/ruang", listing, contains="Nama loket/ruang")
    await admin.send("Loket 3")
    phase = await admin.next_message(contains="Melayani tahap apa")
    pick = await pressed(admin, "Loket Pendaftaran", phase, contains="Layanan yang dilayani")
    await admin.press("semua layanan", message=pick)
    await admin.wait_for(lambda e: e["kind"] == "edit" and "reply_markup" in e["message"], what="marks")
    confirm = await pressed(admin, "Lanjut ➡️", contains="Periksa perubahan")
    assert "Loket 3 — Loket Pendaftaran: semua layanan" in confirm["text"]
    done = await pressed(admin, "Ya, simpan", confirm)
    assert "✅ Loket 3 ditambahkan" in done["text"] and "/call Loket 3" in done["text"]

    await add_patient_user(q, 7100, "Bu Tini")
    patient = await clinic.user(7100, "Bu Tini")
    ticket = await q.queue.issue(service="A", user_id=7100)
    await nurse.send("/call Loket 3")  # straight away: no restart, no config.yaml
    assert f"Memanggil {ticket.number} (Poli Umum) ke Loket 3" in (await nurse.next_message(contains="Memanggil"))["text"]
    assert f"📢 Nomor {ticket.number}, silakan ke Loket 3." in (await patient.next_message(contains="📢"))["text"]

    admin_api = await admin_header(q)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, board = await call(http, "GET", "/api/queues", {})  # what the board and the counter page read
        shown = next(c for c in board["channels"] if c["name"] == "Loket 3")
        assert status == 200 and shown["number"] == ticket.number
        status, body = await call(http, "GET", "/api/counters", admin_api)
        loket3 = next(c for c in body["counters"] if c["name"] == "Loket 3")
        assert status == 200 and loket3["services"] == "*" and loket3["phase"] == "loket" and loket3["active"]
        status, refused = await call(http, "DELETE", f"/api/counters/{loket3['id']}", admin_api)
        assert status == 409 and refused["error"] == "counter_in_use" and refused["called"] == 1
        assert "1 pasien sedang dipanggil" in refused["message"]
    assert "Loket 3" in [c.name for c in q.settings.channels], "refused: nothing changed"

    listing = await counters_list(admin)
    move = await pressed(admin, "🗑 Hapus Loket 3", listing)
    assert "Belum bisa begitu saja: 1 pasien sedang dipanggil di Loket 3" in move["text"]
    assert {"Serahkan ke Loket 1", "Serahkan ke Loket 2"} <= set(buttons(move))
    assert "Serahkan ke Apotek" not in buttons(move), "only counters of the same phase"
    confirm = await pressed(admin, "Serahkan ke Loket 2", move, contains="Periksa perubahan")
    assert "1 pasien yang dipanggil pindah ke Loket 2" in confirm["text"]
    done = await pressed(admin, "Ya, simpan", confirm)
    assert "✅ Loket 3 dihapus" in done["text"] and "1 pasien yang dipanggil diminta ke Loket 2" in done["text"]
    told = await patient.next_message(contains="ditutup")
    assert f"📢 Nomor {ticket.number}: Loket 3 ditutup. Silakan ke Loket 2 sekarang" in told["text"]
    assert "Loket 3" not in [c.name for c in q.settings.channels]
    view = await q.queue.current("Loket 2")
    assert view is not None and view.number == ticket.number, "Loket 2 has the patient now"

    await nurse.send("/call Loket 3")
    assert "Loket 3" in (await nurse.next_message())["text"]
    assert (await q.queue.view(ticket.id)).status == "called"
    rows = [r for r in await audit_rows(q) if r.action == "clinic_counter_delete"]
    assert [(r.allowed, r.detail.get("called"), r.detail.get("moved")) for r in rows] == [
        (False, 1, None), (True, None, [ticket.number])]
    assert rows[1].detail["moved_to"] == "Loket 2" and rows[1].detail["via"] == "chat"


async def finish_loket_and_poli(q, count: int) -> list:
    """`count` tickets of Poli Umum through the loket and the poli: waiting at the apotek, in order."""
    tickets = [await q.queue.issue(service="A", user_id=None) for _ in range(count)]
    for _ in tickets:
        await q.queue.call_next("Loket 1")
        await q.queue.finish("Loket 1")
        await q.queue.call_next("Ruang 1")
        await q.queue.finish("Ruang 1")
    return tickets


async def test_the_only_counter_of_a_phase_hands_its_waiting_patients_over_in_order(clinic):
    q = clinic.services
    headers = await admin_header(q)
    first, second = await finish_loket_and_poli(q, 2)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        _, body = await call(http, "GET", "/api/counters", headers)
        apotek = next(c for c in body["counters"] if c["name"] == "Apotek")
        for method, change in (("DELETE", None), ("PATCH", {"active": False})):
            status, refused = await call(http, method, f"/api/counters/{apotek['id']}", headers, change)
            assert status == 409 and refused["error"] == "counter_in_use", method
            assert refused["waiting"] == 2 and refused["called"] == 0 and "A" in refused["services"]
        status, kasir = await call(http, "POST", "/api/counters", headers,
                                   {"name": "Apotek 2", "phase": "apotek", "services": ["B"]})
        assert status == 201
        status, body = await call(http, "DELETE", f"/api/counters/{apotek['id']}", headers, {"move_to": "Loket 1"})
        assert status == 400 and body["fields"]["move_to"]["known"] == ["Apotek 2"], "only a counter of its phase"
        status, body = await call(http, "PATCH", f"/api/counters/{apotek['id']}", headers,
                                  {"active": False, "move_to": "apotek 2"})
        assert status == 200 and body["active"] is False and body["moved_to"] == "Apotek 2"
        others = sorted(set(q.settings.services) - {"B"})
        assert body["handed_over"] == others and body["waiting"] == 2, "Apotek 2 served only B"
        _, listed = await call(http, "GET", "/api/counters", headers)
        taken_over = next(c for c in listed["counters"] if c["id"] == kasir["id"])
        assert taken_over["services"] == sorted(q.settings.services)
    assert "Apotek" not in [c.name for c in q.settings.channels]
    assert (await q.queue.call_next("Apotek 2")).number == first.number
    await q.queue.finish("Apotek 2")
    assert (await q.queue.call_next("Apotek 2")).number == second.number, "their order is kept"


async def test_a_restart_keeps_the_databases_counters(tmp_path):
    botapi = LocalBotApi(LOCAL_TOKEN, **FAST)
    await botapi.start("127.0.0.1", 0)
    settings = dataclasses.replace(make_test_settings(tmp_path), telegram_token=LOCAL_TOKEN,
                                   admin_ids=frozenset({ADMIN_ID}))
    clock = ManualClock(MONDAY_8AM)
    tg = local_telegram(botapi.root_url)
    try:
        first = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await first.start()
        services = first.application.bot_data["services"]
        by = {"actor_id": ADMIN_ID, "via": "test"}
        await services.counters.create({"name": "Loket 3", "phase": "loket", "services": ["B"]}, by)
        loket2 = next(c for c in await services.counters.counters() if c["name"] == "Loket 2")
        await services.counters.delete(loket2["id"], by)
        await first.stop()
        second = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await second.start()
        try:
            services = second.application.bot_data["services"]
            names = [c.name for c in services.settings.channels if c.room_of is None]
            assert names == ["Loket 1", "Apotek", "Loket 3"], "config.yaml's Loket 2 stays deleted"
            assert services.settings.channel("Loket 3").services == frozenset({"B"})
            ticket = await services.queue.issue(service="B", user_id=None)
            assert (await services.queue.call_next("Loket 3")).number == ticket.number
        finally:
            await second.stop()
    finally:
        await tg.close()
        await botapi.stop()
