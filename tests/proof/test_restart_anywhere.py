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
import collections
import time

import pytest
import yaml
from sqlalchemy import func, select

from bench.proofkit import NO_LIMITS, BotProcess, unhandled_in_log, write_config
from local_botapi import LocalBotApi
from queue_core.models import Outbox, Patient, Ticket
from storage.db import Database
from tests.deadlines import REPLY, local_telegram, scaled, until
from tests.proof.killswitch import KillSwitch, Rule

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
        self.kill_seconds: list[float] = []
        self.in_window: collections.Counter[tuple[int, str]] = collections.Counter()  # kills that found it sending

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
        self.kill_seconds.append(time.monotonic())
        # notices in their send window at the kill: claimed, maybe accepted by Telegram, not `sent`
        stmt = select(Outbox.chat_id, Outbox.kind).where(Outbox.status == "sending")
        self.in_window.update(set((await self.db.run(lambda s: s.execute(stmt))).all()))
        began = time.monotonic()
        await self.bot.start(timeout=scaled(120))
        self.restart_seconds.append(time.monotonic() - began)

    async def outbox_settled(self) -> None:
        """Every notice sent, the repeats of a send window included."""
        async def settled() -> bool:
            return await self.count(Outbox, status="pending") + await self.count(Outbox, status="sending") == 0

        await until(settled, what="the outbox settled")

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


def in_chat(rig: "Rig", user, contains: str) -> int:
    """Copies in the user's chat as the Bot API server holds it (what the phone shows)."""
    return sum(contains in (m.get("text") or m.get("caption") or "")
               for m in rig.api.state.chats[user.id].messages.values())


async def act_until(rule: Rule, user) -> int:
    """The patient does what they see until the bot's request meets `rule`; returns the actions.
    A reply that is not it (the bot a step ahead after a kill before a send) is read and acted on."""
    for actions in range(1, 5):
        seen = newest_id(user)
        await do_what_is_seen(user)
        hit = asyncio.ensure_future(rule.hit.wait())
        message = asyncio.ensure_future(new_message(user, seen))
        done, pending = await asyncio.wait({hit, message}, timeout=scaled(REPLY), return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        assert done, f"user {user.id}: neither a reply nor {rule.contains!r}"
        no_stale(user)
        if rule.hit.is_set():
            return actions
    raise AssertionError(f"the bot never sent {rule.contains!r}:\n" + "\n".join(chat(user)))


async def finish(user, most: int = 6) -> int:
    """Does what is seen until the chat says "tersimpan" (at most `most` actions); returns the actions."""
    for actions in range(most):
        no_stale(user)
        if bot_texts(user, "tersimpan"):
            return actions
        seen = newest_id(user)
        await do_what_is_seen(user)
        await new_message(user, seen)
    raise AssertionError(f"user {user.id} not registered:\n" + "\n".join(chat(user)))


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


async def take_a_number(user) -> dict:
    await user.send("🎫 Ambil antrean")
    await user.next_message(contains="Pilih poli")
    await user.press("Poli Umum")
    edit = await user.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
    return edit["message"]


async def test_a_patient_never_notices_a_sigkill(tmp_path):
    """Two patients register side by side, the bot killed at each of their steps: Siti's reply
    reaches her and the bot dies before hearing so ("after"), Budi's is never sent ("before").
    Then both take a number (one kill) and a nurse calls and calls again (two kills)."""
    rig = Rig(tmp_path)
    try:
        await rig.start()
        siti = await rig.tg.user(first_name="Siti")
        budi = await rig.tg.user(first_name="Budi")
        nurse = await rig.tg.user(NURSE, "Ners Ani")
        actions = {siti.id: 0, budi.id: 0}
        for user in (siti, budi):
            await user.send("/daftar")
            await user.next_message(contains="foto KTP")
        for reply in REGISTRATION_KILLS:
            rules = {siti.id: Rule(siti.id, reply, "after"), budi.id: Rule(budi.id, reply, "before")}
            rig.switch.arm(*rules.values())
            done = await asyncio.gather(act_until(rules[siti.id], siti), act_until(rules[budi.id], budi))
            actions[siti.id] += done[0]
            actions[budi.id] += done[1]
            await rig.killed_and_restarted()
            for user in (siti, budi):
                await user._fetch(0)  # what the patient has in the chat now
        for user in (siti, budi):
            actions[user.id] += await finish(user)
        # the kills at "tersimpan": Siti read it, Budi typed his BPJS number again after the restart
        assert in_chat(rig, siti, "tersimpan") == 1 and in_chat(rig, budi, "tersimpan") == 1
        assert await rig.count(Patient) == 2

        siti_list, budi_list = await take_a_number(siti), await take_a_number(budi)
        rig.switch.arm(Rule(siti.id, "sudah dicatat", "before"), Rule(budi.id, "Nomor antrean Anda", "after"))
        await asyncio.gather(siti.press("🎫 Ambil nomor", message=siti_list), budi.press("🎫 Ambil nomor", message=budi_list))
        await rig.killed_and_restarted()
        ticket = await siti.next_message(contains="Nomor antrean Anda")  # from the outbox, after the restart
        # the kill came before the checklist was closed (one edit, after the number is taken): pressed
        # again, it tells her the number she holds and takes no second one
        checklist = siti.messages[siti_list["message_id"]]
        assert checklist.get("reply_markup")
        await siti.press("🎫 Ambil nomor", message=checklist)
        await siti.wait_for(lambda e: e["kind"] in ("message", "edit") and any(
            s in (e["message"].get("text") or "") for s in ("sudah punya nomor aktif A-", "sudah diambil dari daftar")))
        for user in (siti, budi):
            await user.nothing_before(user.send("/status"), "Poli Umum", unwanted=STALE)
        assert await rig.count(Ticket) == 2

        reply = asyncio.ensure_future(nurse.next_message(contains="Memanggil"))
        rig.switch.arm(Rule(NURSE, "Memanggil", "after"))  # the "right after /call"
        await nurse.send("/call Loket 1")
        await rig.killed_and_restarted()
        number = (await reply)["text"].split()[1]
        called = siti if number in ticket["caption"] else budi
        await called.next_message(contains=f"📢 Nomor {number}")
        rig.switch.arm(Rule(called.id, "Panggilan ulang", "after"))  # in the notice's send window
        await nurse.send("/recall")
        await rig.killed_and_restarted()
        await called.next_message(contains="Panggilan ulang")
        await rig.outbox_settled()
        figures = {
            "kills": rig.switch.kills, "actions": actions,
            "ticket photos": (in_chat(rig, siti, "Nomor antrean Anda"), in_chat(rig, budi, "Nomor antrean Anda")),
            "called": in_chat(rig, called, f"📢 Nomor {number}"), "recalled": in_chat(rig, called, "Panggilan ulang"),
            "in window at a kill": sorted(rig.in_window.items()), "restart s": round(sum(rig.restart_seconds), 1)}
        print(f"\n{figures}")
        # registration: Siti, whose every reply arrived, acted once a step (9: the count without
        # kills); Budi repeated what he saw once a kill (before each send): 9 + 8
        assert actions[siti.id] == 9 and actions[budi.id] <= 9 + 8, actions
        for prompt in ANSWERS:  # Siti saw every question once: no second confirm form, nothing asked again
            assert in_chat(rig, siti, prompt) == 1, (prompt, chat(siti))
        # a notice twice only if its row was `sending` at a kill (docs/notifications.md), never 3 times
        for user, kind, text in ((siti, "issued", "Nomor antrean Anda"), (budi, "issued", "Nomor antrean Anda"),
                                 (called, "called", f"📢 Nomor {number}"), (called, "called", "Panggilan ulang")):
            # each kill that found the notice between "claimed" and "sent" may add one copy, no more
            assert 1 <= in_chat(rig, user, text) <= 1 + rig.in_window[(user.id, kind)], (user.id, text)
        # the kills placed in a send window were in it; the one at the nurse's reply repeated nothing
        assert {(budi.id, "issued"), (called.id, "called")} <= set(rig.in_window)
        assert in_chat(rig, called, f"📢 Nomor {number}") == 1
        assert in_chat(rig, siti, STALE) == 0 and in_chat(rig, budi, STALE) == 0
        assert await rig.count(Ticket) == 2 and await rig.count(Patient) == 2
        assert await rig.count(Outbox, status="sending") == 0
        windows = await send_windows(rig, called, nurse, 8)
        print(f"send window (Bot API answered -> outbox row 'sent' seen), ms: {windows}")
        assert unhandled_in_log(rig.bot.log_text()) == 0
    finally:
        await rig.close()
