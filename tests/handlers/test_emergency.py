"""Emergency first, everywhere (issue 20), over the local Bot API: an emergency typed in any
state is answered at once and alerts the staff with the patient's words; the conversation the
patient was in goes on; one staff member takes the alert and the others see who; nobody takes
it and the admins are told, also after a restart."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from app.runner import PusQue
from local_botapi import LOCAL_TOKEN, LocalBotApi
from queue_core.alert_rules import StaffAlerts
from queue_core.alerts import EmergencyAlert
from queue_core.clock import ManualClock
from tests.deadlines import local_telegram, scaled, until
from tests.e2e.harness import make_test_settings

from .helpers import FAST, MONDAY_8AM, factory, register_typed

NURSE, NURSE2, ADMIN = 7001, 7002, 7003
SUNDAY_8AM = dt.datetime(2026, 11, 29, 8, 0)  # every poli closed
HELP = "tolong bapak saya tiba2 pingsan di rumah ga sadar"
LONG = StaffAlerts(escalate_minutes=30)  # escalation out of the way of tests that are not about it


def _short(seconds: float) -> StaffAlerts:
    return StaffAlerts(escalate_minutes=scaled(seconds) / 60)


async def _system(start_pusque, clock=None, alerts=LONG, staff=(NURSE,)):
    system = await start_pusque(services_factory=factory(clock or ManualClock(MONDAY_8AM)), botapi_options=FAST,
                                staff_ids=list(staff), admin_ids=[ADMIN], staff_alerts=alerts)
    system.services = system.application.bot_data["services"]
    return system


async def _alerts(services) -> list[EmergencyAlert]:
    return list(await services.db.run(lambda s: s.scalars(select(EmergencyAlert).order_by(EmergencyAlert.id))))


async def _staff(system_or_tg, user_id: int, name: str, role: str = "staff"):
    """A staff member who has started the bot (Telegram lets a bot write only to those)."""
    user = await system_or_tg.user(user_id, name, role_hint=role)
    await user.send("/start")
    await user.next_message(contains="Selamat datang")
    return user


def _edited(contains: str):
    return lambda e: e["kind"] == "edit" and contains in (e["message"].get("text") or "")


@pytest.mark.parametrize("now", [MONDAY_8AM, SUNDAY_8AM], ids=["poli-open", "poli-closed"])
async def test_an_emergency_at_the_nik_step_is_answered_alerted_and_the_registration_goes_on(start_pusque, now):
    system = await _system(start_pusque, ManualClock(now))
    nurse = await _staff(system, NURSE, "Perawat Rina", "staff")
    budi = await system.user(first_name="Budi")
    await budi.send("/daftar")
    await budi.next_message(contains="foto KTP")
    await budi.press("⌨️ Ketik data")
    await budi.next_message(contains="Ketik NIK")
    await budi.send(HELP)
    answer = await budi.next_message()
    assert "GAWAT DARURAT" in answer["text"] and "119" in answer["text"]
    assert "UGD Puskesmas Sumbersari" in answer["text"] and "(0341) 555-0123" in answer["text"]
    alert = await nurse.next_message(contains="GAWAT DARURAT")
    assert HELP in alert["text"] and "Budi" in alert["text"] and "belum terdaftar" in alert["text"]
    assert alert["reply_markup"]["inline_keyboard"][0][0]["text"] == "✋ Saya tangani"
    assert "dalam 30 menit, admin ikut diberi tahu" in alert["text"]
    status = await budi.next_message()
    assert "Petugas puskesmas sudah diberi tahu" in status["text"] and "tetap tersimpan" in status["text"]
    # the conversation never saw the emergency: the next answer is taken at the NIK step
    await budi.send("3507124509900003")
    await budi.next_message(contains="nama lengkap")
    [row] = await _alerts(system.services)
    assert (row.user_id, row.source, row.kind, row.text) == (budi.id, "text", "unconscious", HELP)


async def test_a_registered_patient_in_the_menu_alerts_with_name_and_phone_and_admins_wait(start_pusque):
    system = await _system(start_pusque)
    nurse = await _staff(system, NURSE, "Perawat Rina", "staff")
    admin = await _staff(system, ADMIN, "Dr. Sari", "admin")
    dewi = await system.user(first_name="Dewi")
    await register_typed(dewi, nik="3507125509900004", name="Dewi Lestari", born="15-09-1990", phone="081298765432")
    await dewi.send("anak saya kejang2 panas tinggi gimana ini")
    await dewi.next_message(contains="GAWAT DARURAT")
    alert = await nurse.next_message(contains="GAWAT DARURAT")
    assert "DEWI LESTARI" in alert["text"] and "081298765432" in alert["text"] and "kejang" in alert["text"]
    await dewi.next_message(contains="sudah diberi tahu")
    # a second message within minutes joins the first alert instead of raising a new one
    await dewi.send("tolong cepat anaknya masih kejang!!")
    await dewi.next_message(contains="GAWAT DARURAT")
    more = await nurse.next_message(contains="menulis lagi")
    assert "masih kejang" in more["text"]
    assert len(await _alerts(system.services)) == 1
    # the admins are not told before the escalation: the admin's own /start is answered first
    await admin.nothing_before(admin.send("/start"), "Selamat datang", unwanted="DARURAT")


async def test_one_staff_member_takes_the_alert_and_the_others_see_who(start_pusque):
    system = await _system(start_pusque, alerts=_short(20), staff=(NURSE, NURSE2))
    rina = await _staff(system, NURSE, "Rina", "staff")
    tono = await _staff(system, NURSE2, "Tono", "staff")
    ani = await system.user(first_name="Ani")
    await ani.send("suami saya kecelakaan motor kepalanya berdarah banyak")
    await ani.next_message(contains="sudah diberi tahu")
    mine = await rina.next_message(contains="GAWAT DARURAT")
    theirs = await tono.next_message(contains="GAWAT DARURAT")
    await rina.press("✋ Saya tangani", message=mine)
    seen = (await tono.wait_for(_edited("Ditangani oleh Rina")))["message"]
    assert seen["message_id"] == theirs["message_id"] and not seen.get("reply_markup")
    await rina.wait_for(_edited("Ditangani oleh Rina"))
    await ani.next_message(contains="sedang menangani laporan darurat Anda")
    # a late press by the other one is told who has it and takes nothing
    await tono.press_forged(theirs["message_id"], theirs["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    await tono.wait_for(lambda e: e["kind"] == "callback_answer" and "Sudah ditangani oleh Rina" in e.get("text", ""))
    [row] = await _alerts(system.services)
    assert (row.acked_by, row.acked_name, row.escalated_at) == (NURSE, "Rina", None)
    jobs = system.application.job_queue
    await until(lambda: not jobs.get_jobs_by_name(f"em-escalate-{row.id}"), what="the escalation cancelled")


async def test_an_alert_nobody_takes_goes_to_the_admins_who_can_take_it(start_pusque):
    system = await _system(start_pusque, alerts=_short(2))
    nurse = await _staff(system, NURSE, "Rina", "staff")
    admin = await _staff(system, ADMIN, "Sari", "admin")
    ani = await system.user(first_name="Ani")
    await ani.send("ibu saya dada kiri sakit banget sesak")
    first = await nurse.next_message(contains="GAWAT DARURAT")
    escalated = await admin.next_message(contains="Belum ada petugas yang menangani")
    assert "dada kiri sakit banget" in escalated["text"] and "Ani" in escalated["text"]
    await admin.press("✋ Saya tangani", message=escalated)
    taken = (await nurse.wait_for(_edited("Ditangani oleh Sari")))["message"]
    assert taken["message_id"] == first["message_id"]
    [row] = await _alerts(system.services)
    assert row.escalated_at is not None and row.acked_by == ADMIN


async def test_ticking_emergency_alerts_at_once_without_a_number(start_pusque):
    system = await _system(start_pusque)
    nurse = await _staff(system, NURSE, "Rina", "staff")
    dewi = await system.user(first_name="Dewi")
    await register_typed(dewi, nik="3507125509900004", name="Dewi Lestari", born="15-09-1990", phone="081298765432")
    await dewi.send("🎫 Ambil antrean")
    await dewi.next_message(contains="Pilih poli")
    await dewi.press("Poli Umum")
    await dewi.wait_for(_edited("Centang"))
    await dewi.press("⬜ Gawat darurat")
    told = await dewi.next_message(contains="GAWAT DARURAT")
    assert "119" in told["text"] and "sudah diberi tahu" in told["text"]
    alert = await nurse.next_message(contains="GAWAT DARURAT")
    assert "DEWI LESTARI" in alert["text"] and "081298765432" in alert["text"]
    assert "mengambil nomor Poli Umum (DEWI LESTARI)" in alert["text"]
    [row] = await _alerts(system.services)
    assert (row.source, row.kind) == ("ticket", "ticket")


async def test_without_any_staff_the_patient_is_not_told_staff_were_alerted(start_pusque):
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM)), botapi_options=FAST)
    ani = await system.user(first_name="Ani")
    await ani.send("tolong anak saya keracunan minum baygon")
    await ani.next_message(contains="GAWAT DARURAT")
    status = await ani.next_message()
    assert "belum bisa diberi tahu" in status["text"] and "sudah diberi tahu" not in status["text"]


async def test_a_pending_escalation_survives_a_restart(tmp_path):
    botapi = LocalBotApi(LOCAL_TOKEN, **FAST)
    await botapi.start("127.0.0.1", 0)
    settings = dataclasses.replace(make_test_settings(tmp_path), telegram_token=LOCAL_TOKEN,
                                   staff_ids=frozenset({NURSE}), admin_ids=frozenset({ADMIN}),
                                   staff_alerts=_short(3))
    clock = ManualClock(MONDAY_8AM)
    tg = local_telegram(botapi.root_url)
    try:
        first = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await first.start()
        nurse = await _staff(tg, NURSE, "Rina")
        admin = await _staff(tg, ADMIN, "Sari", "admin")
        ani = await tg.user(first_name="Ani")
        await ani.send("tolong ada yg digigit ular di sawah")
        await nurse.next_message(contains="GAWAT DARURAT")
        first.application.job_queue.scheduler.remove_all_jobs()  # the process dies before the escalation
        await first.stop()
        second = PusQue(settings, base_url=botapi.base_url, services_factory=factory(clock))
        await second.start()
        try:
            escalated = await admin.next_message(contains="Belum ada petugas yang menangani")
            assert "digigit ular" in escalated["text"]
        finally:
            await second.stop()
    finally:
        await tg.close()
        await botapi.stop()


async def test_a_patient_who_chose_english_is_answered_in_english(start_pusque):
    system = await _system(start_pusque)
    nurse = await _staff(system, NURSE, "Rina")
    tom = await system.user(first_name="Tom")
    await tom.send("/bahasa")
    await tom.next_message(contains="Choose your language")
    await tom.press("🇬🇧 English")
    await tom.next_message(contains="Language set to English")
    await tom.send("my dad collapsed and is not breathing")
    answer = await tom.next_message()
    assert "This sounds like an EMERGENCY" in answer["text"] and "call 119" in answer["text"]
    assert "staff have been alerted" in (await tom.next_message())["text"]
    assert "my dad collapsed" in (await nurse.next_message(contains="GAWAT DARURAT"))["text"]


async def test_a_plea_for_help_the_faq_does_not_understand_still_gets_the_emergency_answer(start_pusque, monkeypatch):
    """A message that names no emergency (no alert) and that the FAQ is not sure of, but finds
    nearest to `darurat` (below DARURAT_MIN): the patient still reads what to do in an emergency,
    not "I don't know" alone. The matcher's scores are fixed here so the test does not depend on
    what the fitted model makes of one phrase."""
    from nlp.matcher import FittedModel

    plea = "butuh pertolongan"
    real_ranked = FittedModel.ranked

    def ranked(self, analysis):
        if analysis.surface and " ".join(analysis.surface) == plea:
            return None, 0.3, "darurat"
        return real_ranked(self, analysis)

    monkeypatch.setattr(FittedModel, "ranked", ranked)
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM)), botapi_options=FAST)
    ani = await system.user(first_name="Ani")
    await ani.send(plea)
    answer = (await ani.next_message())["text"]
    assert "belum bisa menjawab" in answer and "119" in answer and "UGD" in answer
    await ani.send("kapan bayar pajak motor")
    answer = (await ani.next_message())["text"]
    assert "belum bisa menjawab" in answer and "119" not in answer
