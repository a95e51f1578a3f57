"""Hostile input: thousands of random and malformed updates pushed into the real bot through the
local Bot API, from many users at once.

    python -m bench.hostile [--updates 10000] [--users 60] [--seed 1] [--postgres URL] [--quick]

Kinds: random text and unicode (emoji, RTL, zero-width, control characters), 4,096-character
messages, unknown commands, known commands with junk arguments, staff/admin commands from
patients, forged callback data (any data, any message id, inaccessible messages), stale buttons
pressed again, files that are not images (as photo and as document), contacts with odd numbers.
Each user sends one update, waits for the bot's answer (a message, an edit or a callback answer)
and goes on. Checks: no unhandled exception (the error handler's counter), every update
answered, no "something went wrong" reply, every privileged command refused and written to the
audit log as refused (when the staff feature is present). Exit status 1 when a check fails.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import string
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from app.runner import PusQue
from bench.proofkit import NO_LIMITS, machine, pct, settings_for
from local_botapi import LocalTelegram, UserError

STAFF_COMMANDS = ["call", "recall", "skip", "done", "transfer", "queue", "pause", "resume", "invite", "token",
                  "broadcast", "stats", "reload", "unanswered", "retrain", "panel", "close", "export", "roles", "ban"]
PATIENT_COMMANDS = ["start", "help", "daftar", "antre", "status", "batal", "bahasa", "data", "menu"]
BUTTON_TEXTS = ["🎫 Ambil antrean", "📝 Daftar / Data saya", "ℹ️ Bantuan", "📍 Status antrean"]
UNICODE = ("😀🙏🏥💉🩺🇮🇩👩‍⚕️🧕🏽", "مرحبا بالعالم", "שלום", "ẞ̴̡̛̩̭͕ẞ", "\u200b\u200d\u2060\ufeff", "\u202e‮gnirts",
           "ｆｕｌｌｗｉｄｔｈ", "𝕄𝕒𝕥𝕙", "ꦲꦤꦕꦫꦏ", "ᮃᮊ᮪ᮞᮛ", "中文字符", "ÅÄÖ ñ ç ß", "\t\r\n", "\x01\x07\x1b")
WORDS = ("jam", "buka", "brp", "antri", "poli", "gigi", "bpjs", "dokter", "besok", "minggu", "gratis", "ktp",
         "hilang", "anak", "demam", "bayar", "dmn", "alamat", "obat", "SELECT * FROM users;--", "<b>x</b>",
         "*bold*", "_x_", "[link](http://x)", "${jndi:ldap://x}", "{{7*7}}", "%s%s%n", "../../etc/passwd")
KINDS = ["text", "unicode", "long", "unknown_cmd", "patient_cmd", "staff_cmd", "forged_cb", "stale_cb",
         "bad_photo", "bad_document", "contact", "button_text"]
GENERIC_ERROR = "terjadi kesalahan di sistem kami"


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 12)):
        r = rng.random()
        if r < 0.5:
            parts.append(rng.choice(WORDS))
        elif r < 0.75:
            parts.append(rng.choice(UNICODE))
        else:
            parts.append("".join(rng.choice(string.printable) for _ in range(rng.randint(1, 20))))
    text = " ".join(parts)
    return text if text.strip() else "?"


def long_text(rng: random.Random) -> str:
    alphabet = rng.choice([string.ascii_letters + " ", "antri poli gigi jam buka ", "é中😀 "])
    text = "".join(rng.choice(alphabet) for _ in range(4096))
    # 4,096 UTF-16 code units at most, as Telegram allows: emoji count twice
    out, units = [], 0
    for ch in text:
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > 4096:
            break
        out.append(ch)
    return "x" + "".join(out)[1:]


def junk_bytes(rng: random.Random) -> tuple[bytes, str, str]:
    choice = rng.randrange(5)
    if choice == 0:
        return b"%PDF-1.4\n" + rng.randbytes(rng.randint(10, 3000)), "ktp.pdf", "application/pdf"
    if choice == 1:
        return b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(10, 3000)), "ktp.jpg", "image/jpeg"  # JPEG header, junk body
    if choice == 2:
        return rng.randbytes(rng.randint(1, 5000)), "foto.png", "image/png"
    if choice == 3:
        return "nama: budi\nnik: 123".encode(), "data.txt", "text/plain"
    return b"PK\x03\x04" + rng.randbytes(200), "ktp.zip", "application/zip"


def forged_data(rng: random.Random, seen: list[str]) -> str:
    r = rng.random()
    if r < 0.3 and seen:
        data = list(rng.choice(seen))
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.choice(string.printable[:94])
        return "".join(data)[:64]
    if r < 0.6:
        prefix = rng.choice(["lang:", "tk:", "reg:", "bt:", "rj:", "md:", "st:", "call:", "adm:", "bc:"])
        return (prefix + "".join(rng.choice(string.ascii_letters + string.digits + ":|-") for _ in range(rng.randint(0, 40))))[:64]
    if r < 0.8:
        return "".join(rng.choice(string.printable) for _ in range(rng.randint(1, 64)))
    return rng.choice(["lang:xx", "tk:A:999999:x:1", "reg:confirm", "tk:take:-1", "md:del", "x" * 64, "😀" * 16])


class Fuzzer:
    def __init__(self, tg: LocalTelegram, total: int, users: int, seed: int, reply_timeout: float = 30) -> None:
        self.tg, self.total, self.n_users, self.seed = tg, total, users, seed
        self.reply_timeout = reply_timeout
        self.sent = 0
        self.by_kind: Counter = Counter()
        self.unanswered: Counter = Counter()
        self.generic: Counter = Counter()
        self.refused_client: Counter = Counter()
        self.staff_sent: Counter = Counter()
        self.latency: list[float] = []
        self.examples: list[str] = []

    async def run(self) -> None:
        users = [await self.tg.user(first_name=f"Iseng {i}") for i in range(self.n_users)]
        await asyncio.gather(*(self._user(u, random.Random(self.seed * 1000 + i)) for i, u in enumerate(users)))

    async def _drain(self, user) -> None:
        try:
            await user._fetch(0)
        except Exception:  # noqa: BLE001
            pass
        user._pending.clear()

    async def _user(self, user, rng: random.Random) -> None:
        seen_data: list[str] = []
        while self.sent < self.total:
            self.sent += 1
            kind = rng.choice(KINDS)
            await self._drain(user)
            for m in user.messages.values():
                for row in (m.get("reply_markup") or {}).get("inline_keyboard", []):
                    seen_data += [b["callback_data"] for b in row if b.get("callback_data")]
            seen_data = seen_data[-50:]
            t0 = time.monotonic()
            try:
                await self._act(user, kind, rng, seen_data)
            except UserError as exc:  # the server refused what a real client could not send either
                self.refused_client[kind] += 1
                if len(self.examples) < 5:
                    self.examples.append(f"{kind}: {exc}")
                continue
            self.by_kind[kind] += 1
            try:
                event = await user.wait_for(lambda e: e["kind"] in ("message", "edit", "callback_answer"),
                                            timeout=self.reply_timeout, what="answer")
            except TimeoutError:
                self.unanswered[kind] += 1
                continue
            self.latency.append(time.monotonic() - t0)
            text = (event.get("message") or {}).get("text") or event.get("text") or ""
            if GENERIC_ERROR in text:
                self.generic[kind] += 1

    async def _act(self, user, kind: str, rng: random.Random, seen: list[str]) -> None:
        if kind == "text":
            await user.send(random_text(rng))
        elif kind == "unicode":
            await user.send("".join(rng.choice(UNICODE) for _ in range(rng.randint(1, 6))).strip() or "😀")
        elif kind == "long":
            await user.send(long_text(rng))
        elif kind == "unknown_cmd":
            name = "".join(rng.choice(string.ascii_lowercase + "_0123456789") for _ in range(rng.randint(1, 32)))
            await user.send(f"/{name}" + (f" {random_text(rng)}" if rng.random() < 0.5 else ""))
        elif kind == "patient_cmd":
            args = rng.choice(["", "", " " + random_text(rng), " A-001", " 99999999999", "@pusque_bot"])
            await user.send(f"/{rng.choice(PATIENT_COMMANDS)}{args}")
        elif kind == "staff_cmd":
            name = rng.choice(STAFF_COMMANDS)
            self.staff_sent[name] += 1
            await user.send(f"/{name}" + rng.choice(["", " Loket 1", " A-001", " GIGI", " semua " + random_text(rng)]))
        elif kind in ("forged_cb", "stale_cb"):
            ids = sorted(user.messages) or [1]
            mid = rng.choice(ids) if rng.random() < 0.8 else rng.randint(1, 10_000)
            data = rng.choice(seen) if kind == "stale_cb" and seen else forged_data(rng, seen)
            await user.press_forged(mid, data)
        elif kind == "bad_photo":
            data, name, _ = junk_bytes(rng)
            await user.send_photo(data, caption=rng.choice(["", "ktp saya", random_text(rng)[:200]]), filename=name)
        elif kind == "bad_document":
            data, name, ctype = junk_bytes(rng)
            await user.send_document(data, name, content_type=ctype)
        elif kind == "contact":
            await user.share_contact(rng.choice(["+6281234567890", "0", "+1" + "9" * 30, "abc", "٠٨١٢٣"]))
        elif kind == "button_text":
            await user.send(rng.choice(BUTTON_TEXTS))

    def report(self) -> dict:
        answered = sum(self.by_kind.values()) - sum(self.unanswered.values())
        return {"updates": sum(self.by_kind.values()), "answered": answered,
                "unanswered": dict(self.unanswered), "generic_error_replies": dict(self.generic),
                "refused_by_server": dict(self.refused_client), "by_kind": dict(self.by_kind),
                "staff_commands_sent": sum(self.staff_sent.values()),
                "p50": pct(self.latency, 50), "p99": pct(self.latency, 99)}


async def audit_counts(services) -> tuple[dict[str, int], int] | None:
    """(refused rows per action, rows of actions a person was allowed) of the audit log, or None when the staff feature is absent."""
    try:
        from queue_core.models import AuditLog  # staff branch
    except ImportError:
        return None
    from sqlalchemy import func, select

    async def fn(session):
        refused = dict((await session.execute(select(AuditLog.action, func.count()).where(AuditLog.allowed.is_(False))
                                              .group_by(AuditLog.action))).all())
        # a person's allowed action (the system's own rows, such as the counters' seeding, have no actor)
        allowed = await session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.allowed.is_(True), AuditLog.actor_id.is_not(None)))
        return refused, allowed

    return await services.db.run(fn)


def refused_for(command: str, refused: dict[str, int]) -> int:
    """Refusals audited under the command's action ("broadcast" is audited as "broadcast_draft")."""
    return sum(n for action, n in refused.items() if action == command or action.startswith(command + "_"))


def privileged_commands(app) -> set[str]:
    """Staff/admin commands the running bot registers (a patient must be refused each of them)."""
    from telegram.ext import CommandHandler

    names = {c for group in app.handlers.values() for h in group if isinstance(h, CommandHandler) for c in h.commands}
    return names & set(STAFF_COMMANDS)


async def check(pusque: PusQue, fuzzer: Fuzzer) -> tuple[dict, list[str]]:
    """The run's figures and the list of failed checks (empty: all good)."""
    from handlers.error import ERRORS_KEY

    app = pusque.application
    services = app.bot_data["services"]
    errors = dict(app.bot_data.get(ERRORS_KEY, {}))
    report = fuzzer.report()
    stats = dict(pusque.botapi.state.stats)
    report.update(unhandled_errors=errors, bot_api_400=stats.get("400", 0),
                  bot_api_400_examples=sorted(set(pusque.botapi.state.recent_errors))[:8])
    problems = []
    if errors:
        problems.append(f"unhandled exceptions: {errors}")
    if report["unanswered"]:
        problems.append(f"updates without an answer: {report['unanswered']}")
    if report["generic_error_replies"]:
        problems.append(f"'something went wrong' replies: {report['generic_error_replies']}")
    privileged = privileged_commands(app)
    audit = await audit_counts(services)
    report["privileged_registered"] = sorted(privileged)
    if audit is not None and privileged:
        refused, allowed = audit
        expected = sum(n for name, n in fuzzer.staff_sent.items() if name in privileged)
        report.update(audit_refused=sum(refused.values()), audit_refused_by_action=refused, audit_allowed=allowed,
                      privileged_sent=expected)
        if allowed:
            problems.append(f"{allowed} privileged actions by patients were allowed")
        short = {name: (refused_for(name, refused), n) for name, n in fuzzer.staff_sent.items()
                 if name in privileged and refused_for(name, refused) < n}
        if short:
            problems.append(f"privileged commands not all audited as refused (audited, sent): {short}")
    return report, problems


async def settle(pusque: PusQue, timeout: float = 120.0) -> None:
    """Wait until the bot has handled every update it was sent. A user's "answer" is any event
    after its update, so the last update of a user can still be in the bot when the run ends (a late
    answer to the previous one counted for it): checking the audit log then would miss its row."""
    app, state = pusque.application, pusque.botapi.state
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        idle = not state.updates and app.update_queue.qsize() == 0 and app.update_processor.current_concurrent_updates == 0
        quiet = quiet + 1 if idle else 0
        await asyncio.sleep(0.2)


async def run(updates: int, users: int, seed: int, database_url: str | None, folder: Path, *,
              reply_timeout: float = 30.0, settle_timeout: float = 120.0) -> tuple[dict, list[str]]:
    """`reply_timeout`: how long a user waits for the answer to each update before counting it
    unanswered; `settle_timeout`: for the bot to finish the last updates (tests scale both)."""
    settings = settings_for(folder, database_url, max_messages_per_second=10_000,
                            max_messages_per_chat_per_second=10_000)
    pusque = PusQue(settings, botapi_options=NO_LIMITS)
    await pusque.start()
    try:
        async with LocalTelegram(pusque.botapi.root_url) as tg:
            fuzzer = Fuzzer(tg, updates, users, seed, reply_timeout=reply_timeout)
            start = time.monotonic()
            await fuzzer.run()
            elapsed = time.monotonic() - start
        await settle(pusque, settle_timeout)
        report, problems = await check(pusque, fuzzer)
        report["seconds"] = elapsed
        report["per_second"] = report["updates"] / elapsed
        return report, problems
    finally:
        await pusque.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", metavar="URL", help="a migrated PostgreSQL database instead of SQLite")
    parser.add_argument("--quick", action="store_true", help="500 updates, 20 users")
    a = parser.parse_args()
    if a.quick:
        a.updates, a.users = 500, 20
    print(f"Machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        report, problems = asyncio.run(run(a.updates, a.users, a.seed, a.postgres, Path(tmp)))
    print(f"hostile input: {report['updates']} updates from {a.users} users in {report['seconds']:.0f} s "
          f"({report['per_second']:.1f}/s), answered {report['answered']}, answer p50 {report['p50'] * 1000:.0f} ms "
          f"p99 {report['p99'] * 1000:.0f} ms")
    for key in ("by_kind", "unanswered", "generic_error_replies", "unhandled_errors", "refused_by_server",
                "privileged_registered", "privileged_sent", "audit_refused", "audit_refused_by_action", "audit_allowed",
                "bot_api_400", "bot_api_400_examples"):
        if key in report:
            print(f"  {key}: {report[key]}")
    print("OK: every check passed" if not problems else "FAILED:\n  " + "\n  ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
