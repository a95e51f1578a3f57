"""Admin tools: invite codes and /staff, API tokens, /broadcast, /stats, /unanswered, /reload;
and staff/patients refused each of them (audited)."""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import pytest
import yaml
from sqlalchemy import select

from queue_core.models import FaqUnanswered, Outbox
from tests.deadlines import STEP, until
from tests.staff.conftest import ADMIN_ID, STAFF_ID, add_patient_user, audit_rows


async def test_an_invite_code_makes_a_staff_member_once(clinic, admin):
    q = clinic.services
    await admin.send("/invite staff")
    text = (await admin.next_message(contains="Kode undangan"))["text"]
    code = text.split("Kode undangan petugas: ")[1].split()[0]
    newbie = await clinic.user(first_name="Bidan Ayu")
    await newbie.send("/call Loket 1")
    assert "hanya untuk petugas" in (await newbie.next_message())["text"]
    await newbie.send(f"/staff {code.lower()}")
    assert "terdaftar sebagai petugas" in (await newbie.next_message())["text"]
    async def staff_menu() -> bool:  # the menu is published right after the reply
        return "call" in await newbie.menu()

    await until(staff_menu, what="the staff menu published")
    await newbie.send("/call Loket 1")
    assert "Tidak ada pasien yang menunggu" in (await newbie.next_message())["text"]
    other = await clinic.user(first_name="Pak Tono")
    await other.send(f"/staff {code}")
    assert "sudah dipakai" in (await other.next_message())["text"]
    await other.send("/staff NOPE1234")
    assert "tidak dikenal" in (await other.next_message())["text"]
    assert await q.roles.role_of(newbie.id) == "staff" and await q.roles.role_of(other.id) == "patient"
    claims = [(r.actor_id, r.allowed) for r in await audit_rows(q, "claim_invite")]
    assert claims == [(newbie.id, True), (other.id, False), (other.id, False)]
    assert all(code not in str(r.detail) for r in await audit_rows(q))  # the code is a secret


async def test_staff_and_patients_are_refused_admin_commands(clinic, nurse):
    q = clinic.services
    patient = await clinic.user(first_name="Pak Joko")
    commands = ["/invite staff", "/token pc", "/broadcast halo", "/stats", "/unanswered", "/reload"]
    for user, _role in ((nurse, "staff"), (patient, "patient")):
        for cmd in commands:
            await user.send(cmd)
            assert "hanya untuk admin" in (await user.next_message(contains="Maaf"))["text"]
    refused = [r for r in await audit_rows(q) if not r.allowed]
    assert len(refused) == 12
    assert {r.action for r in refused} == {"invite", "token", "broadcast_draft", "stats", "unanswered", "reload"}
    assert {r.actor_id for r in refused} == {STAFF_ID, patient.id}


async def test_token_is_shown_once_and_stored_hashed(clinic, admin):
    q = clinic.services
    await admin.send("/token layar-loket")
    text = (await admin.next_message(contains="Token API"))["text"]
    token = next(w for w in text.split() if w.startswith("pq_"))
    assert (await q.staff.check_token(token)).name == "layar-loket"
    from sqlalchemy import select

    from queue_core.models import ApiToken

    stored = await q.db.run(lambda s: s.scalar(select(ApiToken.token_hash)))
    assert token not in stored and len(stored) == 64
    await admin.send("/token revoke layar-loket")
    assert "1 token" in (await admin.next_message())["text"]
    assert await q.staff.check_token(token) is None


async def test_a_token_name_too_long_is_refused_and_replies_with_user_text_fit_telegram(clinic, admin):
    """Issue 23, finding 6: a 4000-character name stored a token whose reply was "too long"."""
    q = clinic.services
    long_name = "n" * 4000
    await admin.send(f"/token {long_name} admin")
    reply = (await admin.next_message(contains="terlalu panjang"))["text"]
    assert "pq_" not in reply and "64" in reply
    from sqlalchemy import func, select

    from queue_core.models import ApiToken

    assert await q.db.run(lambda s: s.scalar(select(func.count()).select_from(ApiToken))) == 0
    await admin.send("/token " + "k" * 64)  # the longest name: the token is shown
    text = (await admin.next_message(contains="Token API"))["text"]
    assert any(w.startswith("pq_") for w in text.split())
    await admin.send(f"/token revoke {long_name}")  # the name is quoted cut, the reply arrives
    revoked = (await admin.next_message(contains="dicabut"))["text"]
    assert len(revoked) < 500
    # nothing else (no "too long" failure) came: proved by a probe, not by a short silence
    await admin.nothing_before(admin.send("/token"), "/token")


async def _broadcast(admin, words: str) -> None:
    """A broadcast confirmed with "Kirim": the probe that proves no other announcement came."""
    await admin.send(f"/broadcast {words}")
    confirm = await admin.next_message(contains="Kirim pengumuman")
    await admin.press("Kirim", message=confirm)


async def test_broadcast_confirm_progress_and_report(clinic, admin, nurse):
    q = clinic.services
    patients = [await clinic.user(first_name=f"Pasien {i}") for i in range(3)]
    for p in patients:
        await p.send("/start")
        await p.next_message()
        await add_patient_user(q, p.id)
    await patients[2].block()
    await admin.send("/broadcast all Besok puskesmas tutup untuk vaksinasi massal.")
    confirm = await admin.next_message(contains="Kirim pengumuman")
    assert "semua pasien (3 pasien)" in confirm["text"]
    await admin.press("Kirim", message=confirm)
    report = await admin.next_message(contains="selesai:")
    assert "2 terkirim, 1 memblokir bot, 0 gagal (dari 3)" in report["text"]
    kept = admin.messages[confirm["message_id"]]["text"]  # the confirmation keeps the announcement in view
    assert "vaksinasi massal" in kept and "Sudah dikirim" in kept and "selesai" not in kept  # one report
    for p in patients[:2]:
        msg = await p.next_message(contains="Pengumuman")
        assert "vaksinasi massal" in msg["text"]
    # pressing "Kirim" again on the same confirmation sends nothing twice
    from local_botapi.client import UserError

    try:
        await admin.press("Kirim", message=confirm)
    except UserError:
        pass  # the button is gone with the edit
    # proved by a second broadcast: written after anything the press could have written (the
    # admin's chat is handled in order), sent after it (a chat's notices go out in order)
    await patients[0].nothing_before(_broadcast(admin, "all Penanda: pengumuman kedua."), "Penanda",
                                     unwanted="vaksinasi")
    actions = [r.action for r in await audit_rows(q) if r.actor_id == ADMIN_ID]
    assert actions[:3] == ["broadcast_draft", "broadcast", "broadcast_done"]


async def test_staff_get_patient_announcements_only_when_included(clinic, admin, nurse):
    q = clinic.services
    patient = await clinic.user(first_name="Pasien")
    for u in (patient, nurse):
        await u.send("/start")
        await u.next_message()
        await add_patient_user(q, u.id)
    await admin.send("/broadcast all Jadwal posyandu berubah.")
    confirm = await admin.next_message(contains="Kirim pengumuman")
    assert "semua pasien (1 pasien)" in confirm["text"], "the nurse is staff, not counted as a patient"
    await admin.press("Sertakan petugas & admin", message=confirm)
    edited = (await admin.next_event("edit"))["message"]
    assert "juga petugas dan admin (2 orang)" in edited["text"]
    await admin.press("Hanya pasien", message=edited)
    edited = (await admin.next_event("edit"))["message"]
    assert "semua pasien (1 pasien)" in edited["text"]
    await admin.press("Kirim", message=edited)
    await patient.next_message(contains="posyandu")
    await admin.next_message(contains="selesai:")
    rows = await q.db.run(lambda s: s.scalars(select(Outbox.chat_id).where(Outbox.kind == "broadcast")))
    assert list(rows) == [patient.id]


async def test_broadcast_to_one_service_and_cancel(clinic, admin):
    q = clinic.services
    a, b = await clinic.user(first_name="Ani"), await clinic.user(first_name="Beni")
    for u in (a, b):  # they opened the chat: the bot may write to them
        await u.send("/start")
        await u.next_message()
        await add_patient_user(q, u.id)
    await q.queue.issue(service="B", user_id=b.id)
    await admin.send("/broadcast B Dokter gigi datang jam 10.")
    confirm = await admin.next_message(contains="Kirim pengumuman")
    assert "pasien Poli Gigi hari ini (1 pasien)" in confirm["text"]
    await admin.press("Batal", message=confirm)
    edit = await admin.next_event("edit")
    assert "dibatalkan" in edit["message"]["text"]
    await b.nothing_before(_broadcast(admin, "B Penanda: pengumuman kedua."), "Penanda", unwanted="Dokter gigi")


async def test_stats_sends_a_chart(clinic, admin, clinic_clock):
    q = clinic.services
    for i in range(4):
        await q.queue.issue(service="A" if i % 2 else "C", user_id=None)
    view = await q.queue.call_next("Loket 1")
    await q.queue.finish("Loket 1")
    await q.queue.call_next("Ruang 1" if view.service == "A" else "Ruang MTBS")
    await admin.send("/stats")
    msg = await admin.next_message(contains="Statistik", timeout=STEP)
    assert msg.get("photo") and "4 nomor" in msg["caption"] and "100%" in msg["caption"]
    data = await admin.download(msg["photo"][-1]["file_id"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width >= 1280, "readable on a phone when zoomed: at least 1280 px wide"


async def test_stats_over_a_range_with_a_csv_table(clinic, admin, clinic_clock):
    q = clinic.services
    await q.queue.issue(service="A", user_id=None)
    await q.queue.issue(service="B", user_id=None)
    await admin.send("/stats 7 csv")
    chart = await admin.next_message(contains="Statistik", timeout=STEP)
    today = q.clock().date()
    week_ago = today - dt.timedelta(days=6)
    assert f"{week_ago:%d-%m-%Y} – {today:%d-%m-%Y}" in chart["caption"] and "2 nomor" in chart["caption"]
    table = await admin.next_message(contains="Tabel statistik", timeout=STEP)
    rows = (await admin.download(table["document"]["file_id"])).decode().splitlines()
    assert rows[0].startswith("tanggal,layanan,nomor")
    assert sorted(r.split(",")[1:3] for r in rows[1:]) == [["A", "1"], ["B", "1"]]


@pytest.mark.parametrize("args", ["/stats kemarin", "/stats 2026-13-01", "/stats 1000", "/stats 2099-01-01"])
async def test_stats_explains_a_period_it_cannot_show(clinic, admin, args):
    await admin.send(args)
    assert "Cara pakai: /stats" in (await admin.next_message(timeout=STEP))["text"]


async def test_unanswered_lists_and_clears_questions(clinic, admin):
    q = clinic.services

    async def add(session):
        session.add(FaqUnanswered(at=q.clock(), user_id=1, question="Apakah bisa bayar pakai QRIS?", score=0.21))

    await q.db.run(add)
    await admin.send("/unanswered")
    text = (await admin.next_message())["text"]
    assert "bayar pakai QRIS" in text and "(1)" in text
    await admin.send("/unanswered clear")
    assert "1 pertanyaan" in (await admin.next_message())["text"]
    await admin.send("/unanswered")
    assert "Tidak ada pertanyaan" in (await admin.next_message())["text"]


async def test_reload_reads_the_config_file_again(start_pusque, tmp_path):
    from bot.services import services_of
    from settings import DEFAULT_CONFIG_PATH

    raw = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    raw["roles"] = {"admins": [ADMIN_ID], "staff": []}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    system = await start_pusque(path=path, admin_ids=[ADMIN_ID])
    services = services_of(system.application)
    admin = await system.user(ADMIN_ID, "Dr. Sari")
    newcomer = await system.user(first_name="Perawat Baru")
    raw["roles"]["staff"] = [newcomer.id]
    raw["clinic"]["name"] = "Puskesmas Sumbersari Baru"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    await admin.send("/reload")
    assert "Konfigurasi dimuat ulang: 4 layanan, 8 loket/ruang, 1 admin, 1 petugas" in (await admin.next_message())["text"]
    assert services.settings.clinic.name == "Puskesmas Sumbersari Baru"
    assert services.settings.database_url == dataclasses.replace(services.settings).database_url
    assert await services.roles.role_of(newcomer.id) == "staff"
    raw["services"] = "broken"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    await admin.send("/reload")
    assert "TIDAK dimuat ulang" in (await admin.next_message())["text"]
    assert len(services.settings.services) == 4
    await asyncio.sleep(0)


async def test_an_admin_revokes_a_staff_member_after_confirming(clinic, admin, nurse):
    q = clinic.services
    await admin.send("/invite staff")
    code = (await admin.next_message(contains="Kode undangan"))["text"].split("Kode undangan petugas: ")[1].split()[0]
    newbie = await clinic.user(first_name="Bidan Ayu")
    await newbie.send(f"/staff {code}")
    await newbie.next_message(contains="terdaftar sebagai petugas")
    await nurse.send("/revoke")
    assert "hanya untuk admin" in (await nurse.next_message())["text"]

    await admin.send("/revoke")
    listing = await admin.next_message(contains="Pilih yang perannya dicabut")
    assert str(STAFF_ID) in listing["text"], "config-listed staff are named as changed in config.yaml"
    await admin.press("Cabut: Bidan Ayu", message=listing)
    confirm = await admin.next_event("edit")
    assert "Cabut peran Bidan Ayu (petugas" in confirm["message"]["text"]
    assert await q.roles.role_of(newbie.id) == "staff", "nothing happens before the confirmation"
    await admin.press("Ya, cabut", message=confirm["message"])
    done = await admin.next_event("edit")
    assert "sudah dicabut" in done["message"]["text"]
    assert "sudah dicabut oleh admin" in (await newbie.next_message())["text"]
    assert await q.roles.role_of(newbie.id) == "patient"
    await newbie.send("/call Loket 1")
    assert "hanya untuk petugas" in (await newbie.next_message())["text"]
    row = [r for r in await audit_rows(q, "revoke") if r.allowed and r.target == str(newbie.id)][-1]
    assert row.detail["before"] == "staff" and row.detail["after"] == "patient"
    await admin.press_forged(confirm["message"]["message_id"], f"rv:yes:{newbie.id}")  # a stale press
    answers = [(await admin.next_event("callback_answer")).get("text") or "" for _ in range(3)]
    assert answers[:2] == ["", ""] and "tidak berlaku" in answers[2]  # the two presses above, then this one
    assert await q.roles.role_of(newbie.id) == "patient"
