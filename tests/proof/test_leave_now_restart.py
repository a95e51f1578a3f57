"""The "time to leave now" message survives a SIGKILL of the bot (issue 20).

Two registered patients take a number behind 20 walk-ins, so their "Saatnya berangkat" is not
yet due; then each says the trip takes 60 minutes, which makes it due at the bot's next look
(bot/leave_watch.py). The real bot process is killed at that message: Siti's reaches her and the bot dies before hearing so
("after"); Budi's is never sent ("before"). After the restart each has it, Budi exactly once,
Siti at most once more than the kills that found her notice in its send window
(docs/notifications.md), and neither gets a third: what was told is kept on the ticket.
"""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from queue_core.clock import SystemClock
from queue_core.models import Ticket
from queue_core.service import QueueService
from settings.loader import load_settings
from tests.proof.killswitch import Rule
from tests.proof.test_restart_anywhere import Rig, finish, in_chat, take_a_number

pytestmark = pytest.mark.slow
LEAVE = "Saatnya berangkat ke puskesmas"


async def register(user) -> None:
    """/daftar, then what the chat asks (typed data) until the bot says the data is saved."""
    await user.send("/daftar")
    await user.next_message(contains="foto KTP")
    await finish(user, most=12)


async def test_a_leave_now_message_killed_in_flight_comes_once_after_the_restart(tmp_path):
    rig = Rig(tmp_path)
    try:
        await rig.start()
        siti = await rig.tg.user(first_name="Siti")
        budi = await rig.tg.user(first_name="Budi")
        await asyncio.gather(register(siti), register(budi))
        settings = load_settings(rig.bot.config)
        walk_ins = QueueService(rig.db, settings, SystemClock(settings.clinic.timezone))
        for _ in range(20):  # 30 minutes of loket work ahead (two counters, 3 minutes a patient)
            await walk_ins.issue(service="A", user_id=None)
        tickets = {}
        for user in (siti, budi):
            checklist = await take_a_number(user)
            await user.press("🎫 Ambil nomor", message=checklist)
            tickets[user.id] = await user.next_message(contains="Nomor antrean Anda")
        await rig.outbox_settled()
        for user in (siti, budi):  # nothing due yet with the default trip of 15 minutes
            await user.nothing_before(user.send("/status"), "Poli Umum", unwanted=LEAVE)
        # one kill each (a held request stalls the notifier's batch, so two held at once never meet)
        for user, when in ((siti, "after"), (budi, "before")):
            rig.switch.arm(Rule(user.id, LEAVE, when))
            await user.press("🚶 60 mnt", message=tickets[user.id])
            await rig.killed_and_restarted()  # the look wrote it; the kill came at its sending
        await budi.next_message(contains=LEAVE)  # from the outbox, after the restart
        await rig.outbox_settled()
        # a probe answered after the restarted bot's looks so far: no further leave-now came
        for user in (siti, budi):
            await user.nothing_before(user.send("/status"), "Poli Umum", unwanted=LEAVE)
        sends = await rig.db.run(lambda s: s.execute(
            select(Ticket.user_id, Ticket.leave_sends).where(Ticket.user_id.is_not(None))))
        assert dict(sends.all()) == {siti.id: 1, budi.id: 1}  # one told each, kept on the ticket
        assert in_chat(rig, budi, LEAVE) == 1  # never sent before the kill: sent once after it
        assert 1 <= in_chat(rig, siti, LEAVE) <= 1 + rig.in_window[(siti.id, "leave_now")]
        assert (budi.id, "leave_now") in rig.in_window  # the kill found Budi's notice claimed, unsent
    finally:
        await rig.close()
