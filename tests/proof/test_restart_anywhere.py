"""Restarts a patient never notices (issue 19): the real bot process is SIGKILLed at every step of
registration, at taking a number and at a nurse's /call, and restarted on the same database.

Each kill lands on a request to the local Bot API (tests/proof/killswitch.py):
- "after": the patient has the bot's message, the bot died before hearing Telegram's answer (its
  work after the send is lost: the conversation step, the outbox row's `sent`);
- "before": the message was never sent; the patient sees the previous one and does it again.
The patient only presses or types what they see in the chat. They must finish registration,
never be told a button is no longer valid, end with one patient row and one ticket, and get each
notice once, twice only for a kill in the send window (docs/notifications.md).
"""
from __future__ import annotations

import asyncio
import time

import pytest
import yaml
from sqlalchemy import func, select

from bench.proofkit import NO_LIMITS, BotProcess, unhandled_in_log, write_config
from local_botapi import LocalBotApi
from queue_core.db import Database
from queue_core.models import Outbox, Patient, Ticket
from tests.deadlines import REPLY, local_telegram, scaled
from tests.proof.killswitch import KillSwitch

pytestmark = pytest.mark.slow

NURSE = 900_777
STALE = "sudah tidak berlaku"
# The bot's replies at which it is killed, in the order of the typed registration: after each
# answer, at the confirm form, at the phone and BPJS steps, and at the saved message.
REGISTRATION_KILLS = ["Ketik nama lengkap", "Ketik tanggal lahir", "Pilih jenis kelamin", "Ketik alamat",
                      "Periksa data", "Nomor HP", "Nomor kartu BPJS", "tersimpan"]
ANSWERS = {  # what the patient does for the prompt they see (newest prompt first)
    "foto KTP": ("press", "⌨️ Ketik data"), "Ketik NIK": ("send", "3507124509900003"),
    "Ketik nama lengkap": ("send", "Siti Aminah"), "Ketik tanggal lahir": ("send", "05-09-1990"),
    "Pilih jenis kelamin": ("press", "Perempuan"), "Ketik alamat": ("send", "Jl. Mawar No. 12 RT 3 RW 5"),
    "Periksa data": ("press", "✅ Data benar"), "Nomor HP": ("send", "081234567890"),
    "Nomor kartu BPJS": ("send", "0001234567890"),
}


def seen_prompt(user) -> tuple[dict, str]:
    """The newest bot message in the chat that asks something, and what it asks."""
    for message in sorted(user.messages.values(), key=lambda m: -m["message_id"]):
        text = message.get("text") or ""
        for prompt in ANSWERS:
            if prompt in text.rpartition("\n\n")[2] or text.startswith(prompt) or (
                    prompt == "Periksa data" and text.startswith("Periksa data")):
                return message, prompt
    raise AssertionError(f"no prompt in the chat: {[m.get('text') for m in user.messages.values()]}")


def newest_id(user) -> int:
    return max(user.messages, default=0)


async def new_message(user, after: int) -> dict:
    """The bot's next message newer than message id `after` (what the patient reads next)."""
    event = await user.wait_for(lambda e: e["kind"] == "message" and e["message"]["message_id"] > after,
                                what=f"a message after {after}")
    return event["message"]


async def do_what_is_seen(user) -> str:
    message, prompt = seen_prompt(user)
    how, what = ANSWERS[prompt]
    if how == "send":
        await user.send(what)
    else:
        await user.press(what, message=message)
    return prompt


class Rig:
    def __init__(self, tmp_path) -> None:
        self.url = f"sqlite+aiosqlite:///{tmp_path / 'pusque.db'}"
        config = write_config(tmp_path, self.url, limits=False, staff_ids=[NURSE])
        raw = yaml.safe_load(config.read_text(encoding="utf-8"))
        for svc in raw["services"]:  # open whenever the test runs
            svc["hours"] = {d: "00:00-23:59" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
        config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
        self.api = LocalBotApi(**NO_LIMITS)
        self.bot = BotProcess(config, "", tmp_path / "bot.log")
        self.switch = KillSwitch(self.bot)
        self.restart_seconds: list[float] = []

    async def start(self) -> None:
        self.switch.install()
        await self.api.start()
        self.bot.base_url = self.api.base_url
        await self.bot.start(timeout=scaled(120))
        self.db = Database(self.url)
        self.tg = local_telegram(self.api.root_url)

    async def close(self) -> None:
        await self.bot.stop()
        self.switch.remove()
        if hasattr(self, "db"):
            await self.db.dispose()
            await self.tg.close()
        await self.api.stop()

    async def killed_and_restarted(self) -> None:
        await asyncio.wait_for(self.switch.fired.wait(), scaled(REPLY))
        await self.bot.wait()
        began = time.monotonic()
        await self.bot.start(timeout=scaled(120))
        self.restart_seconds.append(time.monotonic() - began)

    async def count(self, model, **where) -> int:
        stmt = select(func.count()).select_from(model).filter_by(**where)
        return await self.db.run(lambda s: s.scalar(stmt))


def chat(user) -> list[str]:
    return [(m.get("text") or m.get("caption") or "")[:60] for _, m in sorted(user.messages.items())]


def no_stale(user) -> None:
    if bot_texts(user, STALE):
        raise AssertionError("told the button is no longer valid:\n" + "\n".join(chat(user)))


def bot_texts(user, contains: str) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in user.messages.values()
            if contains in (m.get("text") or m.get("caption") or "")]


async def reply_or_kill(rig: Rig, user, after: int) -> bool:
    """Waits for the bot's next message (newer than `after`) or the kill; True for the kill."""
    killed = asyncio.ensure_future(rig.switch.fired.wait())
    message = asyncio.ensure_future(new_message(user, after))
    done, pending = await asyncio.wait({killed, message}, timeout=scaled(REPLY), return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    assert done, "neither a reply nor the kill"
    if message in done:
        message.result()
    return rig.switch.fired.is_set()


async def register_through_kills(rig: Rig, user, when: str) -> int:
    """Registration with a SIGKILL at every step, the patient doing what they see; returns how
    many actions the patient took."""
    await user.send("/daftar")
    await user.next_message(contains="foto KTP")
    actions = 0
    for reply in REGISTRATION_KILLS:
        rig.switch.arm(reply, when)
        for _ in range(4):
            seen = newest_id(user)
            await do_what_is_seen(user)
            actions += 1
            if await reply_or_kill(rig, user, seen):
                break
            no_stale(user)
        else:
            raise AssertionError(f"the bot never sent {reply!r}: {[m.get('text') for m in user.messages.values()]}")
        await rig.killed_and_restarted()
        await user._fetch(0)  # what the patient has in the chat now
    for _ in range(6):  # after the last kill: on until the chat says "tersimpan"
        no_stale(user)
        if bot_texts(user, "tersimpan"):
            return actions
        seen = newest_id(user)
        await do_what_is_seen(user)
        actions += 1
        await new_message(user, seen)
    raise AssertionError(f"not registered after {actions} actions: {[m.get('text') for m in user.messages.values()]}")


@pytest.mark.parametrize("when", ["after", "before"])
async def test_registration_survives_a_sigkill_at_every_step(tmp_path, when):
    rig = Rig(tmp_path)
    try:
        await rig.start()
        siti = await rig.tg.user(first_name="Siti")
        actions = await register_through_kills(rig, siti, when)
        print(f"\nregistration, kills {when} the send: {len(rig.switch.kills)} kills, {actions} actions, "
              f"restarts {sum(rig.restart_seconds):.1f} s")
        assert not bot_texts(siti, STALE)
        assert await rig.count(Patient) == 1
        assert unhandled_in_log(rig.bot.log_text()) == 0
    finally:
        await rig.close()


def copies(user, contains: str) -> int:
    return len(bot_texts(user, contains))


async def send_windows(rig: Rig, patient, nurse, n: int) -> list[float]:
    """Milliseconds from the Bot API executing a notice to its outbox row being seen `sent` (the
    database polled every millisecond): the window in which a SIGKILL repeats the notice."""
    rig.switch.watch = "Panggilan ulang"
    out = []
    for _ in range(n):
        before = await rig.count(Outbox, status="sent")
        await nurse.send("/recall")
        await patient.next_message(contains="Panggilan ulang")
        while await rig.count(Outbox, status="sent") <= before:
            await asyncio.sleep(0.001)
        out.append(round((time.monotonic() - rig.switch.accepted["Panggilan ulang"]) * 1000, 1))
    rig.switch.watch = None
    return out


async def test_taking_a_number_and_a_call_survive_a_sigkill(tmp_path):
    """A kill at the number being taken (the patient sees the checklist still) and two at a
    nurse's call: right after the nurse's reply, and in the called notice's send window."""
    rig = Rig(tmp_path)
    try:
        await rig.start()
        siti = await rig.tg.user(first_name="Siti")
        nurse = await rig.tg.user(NURSE, "Ners Ani")
        await siti.send("/daftar")
        await siti.next_message(contains="foto KTP")
        for _ in range(9):
            if bot_texts(siti, "tersimpan"):
                break
            seen = newest_id(siti)
            await do_what_is_seen(siti)
            await new_message(siti, seen)
        assert bot_texts(siti, "tersimpan")

        await siti.send("🎫 Ambil antrean")
        await siti.next_message(contains="Pilih poli")
        await siti.press("Poli Umum")
        checklist = await siti.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
        rig.switch.arm("sudah dicatat", "before")  # the ticket is committed; the patient is not told
        await siti.press("🎫 Ambil nomor", message=checklist["message"])
        await rig.killed_and_restarted()
        ticket = await siti.next_message(contains="Nomor antrean Anda")  # from the outbox, after the restart
        # the checklist lost its button before the number was taken: nothing there to press again
        assert not siti.messages[checklist["message"]["message_id"]].get("reply_markup")
        await siti.nothing_before(siti.send("/status"), "A-001", unwanted=STALE)
        assert await rig.count(Ticket) == 1
        number = ticket["caption"].split(": ", 1)[1].split("\n", 1)[0]

        rig.switch.arm("Memanggil", "after")  # the nurse has the reply; the bot died before hearing it
        await nurse.send("/call Loket 1")
        await rig.killed_and_restarted()
        await siti.next_message(contains=f"📢 Nomor {number}")
        rig.switch.arm("Panggilan ulang", "after")  # Telegram accepted the notice; `sent` never stored
        await nurse.send("/recall")
        await rig.killed_and_restarted()
        await siti.next_message(contains="Panggilan ulang")
        await siti.nothing_before(siti.send("/status"), number)
        called, recalled, tickets = (copies(siti, f"📢 Nomor {number}"), copies(siti, "Panggilan ulang"),
                                     copies(siti, "Nomor antrean Anda"))
        print(f"\nticket and call: {len(rig.switch.kills)} kills; copies: ticket {tickets}, called {called}, "
              f"recalled {recalled} (a kill in its send window)")
        assert tickets == 1 and called == 1  # neither kill was in their send window
        assert recalled in (1, 2)  # the window of docs/notifications.md: at most one duplicate
        assert await rig.count(Ticket) == 1 and await rig.count(Patient) == 1
        assert await rig.count(Outbox, status="sending") == 0
        windows = await send_windows(rig, siti, nurse, 8)
        print(f"send window (Bot API answered -> outbox row 'sent' seen): {windows}")
        assert unhandled_in_log(rig.bot.log_text()) == 0
    finally:
        await rig.close()
