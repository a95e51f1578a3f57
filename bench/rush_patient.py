"""A simulated patient for bench/rush_hour.py: answers whatever the bot last asked."""
from __future__ import annotations

import random
import re
import time
from collections import defaultdict

from local_botapi import UserError

FAQ = ["jam brp buka?", "poli gigi buka hari sabtu ga", "bayar berapa kalau pake bpjs", "alamat puskesmas dmn",
       "bisa bawa anak demam?", "makasih ya", "ktp hilang bisa daftar?", "antrian masih lama gak"]
NOTICE_PATTERNS = {"issued": re.compile(r"^🎫 Nomor antrean Anda"), "turn_near": re.compile(r"^⏰ Giliran Anda sudah dekat"), "called": re.compile(r"^📢 Nomor "),
                   "next_phase": re.compile(r"^➡️ Nomor "), "finished": re.compile(r"^✅ Layanan untuk nomor")}
PROMPTS = ("🎫 Nomor antrean Anda", "✅ Data ", "Anda belum terdaftar", "Periksa data", "Pilih poli", "Centang",
           "Kirim foto KTP", "Pilih jenis kelamin", "Ketik tanggal lahir", "Ketik nama lengkap", "Ketik alamat",
           "Nomor HP yang", "Nomor kartu BPJS", "Ketik NIK", "Sebagian data")
BOOKED = re.compile(r"^✅ Nomor ([A-Z]-\d+) untuk .+ sudah dicatat")
STAFF_CHANNELS = ["Loket 1", "Loket 2", "Ruang 1", "Ruang 2", "Ruang Gigi", "Apotek"]
# the services whose rooms the 6 staff serve (Poli Anak and KIA rooms have no staff in this run:
# their tickets would stay waiting and hold the settle phase to its limit)
SERVICES = ["Poli Umum"] * 6 + ["Poli Gigi"] * 2


def name_for(i: int) -> str:
    letters = ""
    n = i + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return f"{random.Random(i).choice(['Siti', 'Budi', 'Wati', 'Agus', 'Dewi', 'Joko'])} {letters.title()}"


def prompt_part(text: str) -> str:
    """The question in a reply: the whole text, or its last paragraph when the bot answered
    something first (a FAQ question or a wrong value, then the field asked again)."""
    return text if text.startswith(PROMPTS) else text.rpartition("\n\n")[2]


def is_prompt(event: dict) -> bool:
    """A new message, or the edit that turns the service choice into the conditions checklist
    (other edits only take the buttons off an answered question: the checklist losing its buttons
    after "Ambil nomor" is not asking anything again)."""
    if event["kind"] == "message":
        return True
    message = event.get("message") or {}
    return (event["kind"] == "edit" and "Centang" in (message.get("text") or "")
            and bool((message.get("reply_markup") or {}).get("inline_keyboard")))


class Patient:
    """Answers whatever the bot last asked, until it holds a ticket."""

    def __init__(self, user, i: int, rng: random.Random, photo: bytes | None, faq_share: float) -> None:
        self.user, self.i, self.rng, self.photo, self.faq_share = user, i, rng, photo, faq_share
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.ticket: str | None = None
        self.retries = 0
        self.stalls: list[str] = []  # the question we were at each time no answer came
        self.restarts = 0
        self.registered = False
        self.sent_photo = False
        self.began = self.ended = 0.0

    async def _step(self, kind: str, action, *, timeout: float) -> dict | None:
        t0 = time.monotonic()
        try:
            await action()
        except UserError:  # a button no longer there (edited away): ask again
            return None
        try:
            event = await self.user.wait_for(is_prompt, timeout=timeout, what="reply")
        except TimeoutError:
            return None
        self.latency[kind].append(time.monotonic() - t0)
        return event

    async def run(self, deadline: float, timeout: float) -> None:
        i = self.i
        nik = f"3507124509{90 if i < 9000 else 91}{i + 1:04d}"[:16]
        self.began = time.monotonic()
        try:
            await self._run(deadline, timeout, nik)
        finally:
            self.ended = time.monotonic()

    async def _run(self, deadline: float, timeout: float, nik: str) -> None:
        u = self.user
        event = await self._step("command", lambda: u.send("/daftar"), timeout=timeout)
        misses = 0
        while self.ticket is None and time.monotonic() < deadline:
            if self.seen_ticket():
                break
            text = ((event or {}).get("message") or {}).get("text") or ((event or {}).get("message") or {}).get("caption") or ""
            if self.rng.random() < self.faq_share and event is not None:
                await self._step("faq", lambda: u.send(self.rng.choice(FAQ)), timeout=timeout)
            if event is None:
                misses += 1
                self.retries += 1
                self.stalls.append(prompt_part(self.last_prompt().get("text") or "")[:30])
                if misses >= 2:  # the bot lost track (or we did): start again from the right command
                    self.restarts += 1
                    misses = 0
                    cmd = "🎫 Ambil antrean" if self.registered else "/daftar"
                    if not self.registered:  # leave whatever conversation the bot thinks we are in
                        await self._step("command", lambda: u.send("/batal"), timeout=timeout)
                    event = await self._step("command", lambda cmd=cmd: u.send(cmd), timeout=timeout)
                else:  # repeat the question we are waiting on: the bot's last message
                    event = {"kind": "message", "message": self.last_prompt(), "synthetic": True}
                continue
            act = self.answer(text, nik)
            if act is None:
                if self.ticket is not None:
                    break
                # not a question (a FAQ answer, a notice, the reply to text the bot did not expect):
                # no progress. Before, any real message reset `misses`, so a patient whose answer
                # got a non-question reply repeated that answer forever and never restarted.
                event = await self._next(timeout)
                continue
            if not event.get("synthetic"):
                misses = 0
            kind, action = act
            event = await self._step(kind, action, timeout=180 if kind == "photo" else timeout)

    async def press(self, label: str) -> None:
        """Press the newest inline button whose text contains `label`."""
        for msg in sorted(self.user.messages.values(), key=lambda m: -m["message_id"]):
            for row in (msg.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if label in button["text"]:
                        await self.user.press(data=button["callback_data"], message=msg)
                        return
        for row in await self.user.keyboard() or []:  # a reply keyboard
            for button in row:
                if label in button["text"]:
                    await self.user.press_reply(button["text"])
                    return
        raise UserError(f"no button like {label!r}")

    def seen_ticket(self) -> bool:
        """A ticket anywhere in the chat counts, whichever reply we were waiting on when it came
        (it can arrive while we wait on a FAQ answer or a repeated step): never take a second one.
        So does the checklist turned into "✅ Nomor A-007 untuk ... sudah dicatat" (the handler's
        answer to the tap; the ticket photo follows from the outbox): a patient who read their
        number does not ask for another because the photo is late."""
        for m in self.user.messages.values():
            text = m.get("text") or m.get("caption") or ""
            found = re.search(r"Nomor antrean Anda: ([A-Z]-\d+)", text) or re.search(BOOKED, text)
            if found:
                self.ticket = found.group(1)
                return True
        return False

    def last_prompt(self) -> dict:
        """The newest bot message that asks something (FAQ answers and notices do not)."""
        for m in sorted(self.user.messages.values(), key=lambda m: -m["message_id"]):
            text = m.get("text") or m.get("caption") or ""
            if prompt_part(text).startswith(PROMPTS):
                return m
        return {"text": ""}

    async def _next(self, timeout: float) -> dict | None:
        try:
            return await self.user.wait_for(is_prompt, timeout=timeout)
        except TimeoutError:
            return None

    def answer(self, text: str, nik: str):
        u = self.user
        text = prompt_part(text)
        if not text.startswith(PROMPTS) and not any(s in text for s in ("sudah punya nomor", "masih punya nomor",
                                                                        "sudah diambil dari daftar")):
            return None
        m = re.search(r"Nomor antrean Anda: ([A-Z]-\d+)", text)
        if m:
            self.ticket = m.group(1)
            return None
        if "tersimpan" in text or "sudah terdaftar" in text:
            self.registered = True
            return "button", lambda: u.send("🎫 Ambil antrean")
        if "sudah punya nomor" in text or "masih punya nomor" in text or "sudah diambil dari daftar" in text:
            self.ticket = "existing"
            return None
        if "belum terdaftar" in text:
            return "command", lambda: u.send("/daftar")
        if "Periksa data" in text:
            return "button", lambda: self.press("✅ Data benar")
        if "Pilih poli" in text:
            return "button", lambda: self.press(self.rng.choice(SERVICES))
        if "Centang" in text:
            return "ticket", lambda: self.press("🎫 Ambil nomor")
        if "foto KTP" in text:
            if self.photo is not None and not self.sent_photo:
                self.sent_photo = True
                return "photo", lambda: u.send_photo(self.photo)
            return "button", lambda: self.press("⌨️ Ketik data")
        if "Sedang membaca" in text:
            return None
        if "jenis kelamin" in text:
            return "button", lambda: self.press("Perempuan")
        if "tanggal lahir" in text:
            return "text", lambda: u.send("05-09-1990")
        if "nama lengkap" in text:
            return "text", lambda: u.send(name_for(self.i))
        if "alamat" in text.lower() and "?" not in text[:3]:
            return "text", lambda: u.send(f"Jl. Mawar No. {self.i % 200 + 1} RT 3 RW 5")
        if "Nomor HP" in text:
            return "text", lambda: u.send(f"0812{self.i:08d}")
        if "BPJS" in text:
            return "text", lambda: u.send(f"000{self.i:010d}")
        if "NIK" in text:
            return "text", lambda: u.send(nik)
        return None  # an answer to something else (FAQ, a notice): wait for the next prompt
