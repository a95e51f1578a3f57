"""The notifier: one task draining the outbox to the Bot API, urgent lane before bulk.

Queue notices (turn near, called, skipped...) are the urgent lane; broadcasts are the bulk lane
and only get the send budget the urgent lane leaves. Sends are paced under Telegram's limits
(overall messages/s and 1/s per chat), one chat's notices go out in order, and every send is
settled in the outbox: sent, retried with backoff, failed, or blocked (the user is marked
inactive). Feature modules register how each notice kind is rendered.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import select
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from queue_core.models import Patient, User
from queue_core.outbox import Notice, OutboxRepository
from settings import Settings
from storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """What one notice becomes in the chat."""

    text: str
    reply_markup: Any = None
    photo: str | bytes | None = None  # file_id or bytes: sent as a photo with `text` as caption
    parse_mode: str | None = None


Renderer = Callable[[Notice, str, Settings], "Message | tuple[str, Any]"]
_RENDERERS: dict[str, Renderer] = {}


def register_renderer(kind: str, renderer: Renderer) -> None:
    """Say how notices of `kind` are shown; `renderer(notice, lang, settings)` returns a Message
    or (text, reply_markup)."""
    _RENDERERS[kind] = renderer


def render(notice: Notice, lang: str, settings: Settings) -> Message:
    renderer = _RENDERERS.get(notice.kind)
    if renderer is None:
        raise LookupError(f"no renderer registered for notice kind {notice.kind!r}")
    out = renderer(notice, lang, settings)
    return out if isinstance(out, Message) else Message(*out)


class TokenBucket:
    """At most `rate` acquisitions per second on average, bursts up to `burst`."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, time.monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
                self.stamp = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)


class Notifier:
    def __init__(
        self,
        bot: Bot,
        db: Database,
        outbox: OutboxRepository,
        settings: Settings,
        *,
        idle_poll: float = 0.2,
        headroom: float = 0.95,
    ) -> None:
        self.bot, self.db, self.outbox, self.settings = bot, db, outbox, settings
        self.rate = settings.max_messages_per_second * headroom  # leave room for chat replies
        self.chat_gap = 1.0 / settings.max_messages_per_chat_per_second
        self.bucket = TokenBucket(self.rate, burst=max(1.0, self.rate / 4))
        self.idle_poll = idle_poll
        self._last_to_chat: dict[int, float] = {}
        self._chat_tail: dict[int, asyncio.Task] = {}  # last send task per chat: keeps a chat in order
        self._inflight: set[asyncio.Task] = set()
        self._sending = 0  # in-flight notices past their chat's turn: waiting for the bucket or sending
        self._room = asyncio.Event()
        self._room.set()
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()
        self.stats: dict[str, int] = defaultdict(int)

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="pusque-notifier")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        for task in list(self._inflight):  # unsent claimed rows go back to pending at the next start
            task.cancel()
        await asyncio.gather(*self._inflight, return_exceptions=True)

    def wake(self) -> None:
        """Something was just written to the outbox: look now rather than at the next poll."""
        self._wake.set()

    @property
    def budget(self) -> int:
        """Notices sending at most: half a second of sending, so urgent ones never queue long."""
        return max(1, int(self.rate / 2))

    @property
    def window(self) -> int:
        """Urgent notices claimed at most, counting those that wait for an earlier notice of their
        chat (1 message/s per chat). Only the sending ones count against `budget`: when they all
        did, a few patients with several notices each filled it while they waited their turn, and
        the 500-patient rush drained its backlog at 2-8 notices/s instead of ~28."""
        return max(self.budget, int(self.rate * 10))

    def _update_room(self) -> None:
        if self._sending < self.budget and len(self._inflight) < self.window:
            self._room.set()
        else:
            self._room.clear()

    async def _run(self) -> None:
        while True:
            await self._room.wait()
            ready = max(0, self.budget - self._sending)
            deep = max(0, self.window - len(self._inflight))
            try:
                claimed = await self._claim_and_dispatch(deep if ready else 0, min(ready, deep))
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the notifier must outlive a bad moment
                log.exception("notifier round failed; retrying")
                self.stats["round_errors"] += 1
                claimed = 0
            if claimed == 0:
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), self.idle_poll)
                except asyncio.TimeoutError:
                    pass

    async def drain_once(self) -> int:
        """Claim one round (urgent first) and wait until it is settled; returns how many."""
        claimed = await self._claim_and_dispatch(self.budget, self.budget)
        await asyncio.gather(*list(self._inflight))
        return claimed

    async def _claim_and_dispatch(self, urgent_room: int, bulk_room: int) -> int:
        """Claim up to `urgent_room` due urgent notices, then bulk ones with what is left of
        `bulk_room`, and start sending them."""
        notices = await self.outbox.claim("urgent", urgent_room) if urgent_room > 0 else []
        if len(notices) < bulk_room:
            notices += await self.outbox.claim("bulk", bulk_room - len(notices))
        if len(self._last_to_chat) > 5000:
            horizon = time.monotonic() - 2 * self.chat_gap
            self._last_to_chat = {c: t for c, t in self._last_to_chat.items() if t > horizon}
        if notices:
            langs, names = await self._recipients(notices)
            for notice in notices:
                patient = notice.payload.get("patient_id")
                if patient is not None and "name" not in notice.payload:
                    notice.payload["name"] = names.get(patient)
                self._dispatch(notice, langs.get(notice.chat_id, "id"))
        return len(notices)

    def _dispatch(self, notice: Notice, lang: str) -> None:
        previous = self._chat_tail.get(notice.chat_id)
        task = asyncio.create_task(self._send_after(previous, notice, lang))
        self._chat_tail[notice.chat_id] = task
        self._inflight.add(task)
        self._update_room()

        def done(t: asyncio.Task) -> None:
            if not t.cancelled() and t.exception() is not None:
                self.stats["send_errors"] += 1
                log.error("notice %s left unsettled (sent again after a restart): %r", notice.id, t.exception())
            self._inflight.discard(t)
            if self._chat_tail.get(notice.chat_id) is t:
                del self._chat_tail[notice.chat_id]
            self._update_room()

        task.add_done_callback(done)

    async def _send_after(self, previous: asyncio.Task | None, notice: Notice, lang: str) -> None:
        if previous is not None:  # in order: "turn near" must not arrive after "called"
            await asyncio.wait([previous])
        wait = self._last_to_chat.get(notice.chat_id, 0.0) + self.chat_gap - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        self._sending += 1
        self._update_room()
        try:
            await self.bucket.acquire()
            self._last_to_chat[notice.chat_id] = time.monotonic()
            await self._send(notice, lang)
        finally:
            self._sending -= 1
            self._update_room()

    async def _recipients(self, notices: list[Notice]) -> tuple[dict[int, str], dict[int, str]]:
        """Each chat's language, and the name of each patient a payload names by `patient_id`:
        personal data is read at send time, never copied into the outbox."""
        chat_ids = sorted({n.chat_id for n in notices})
        patient_ids = sorted({n.payload["patient_id"] for n in notices if n.payload.get("patient_id") is not None})

        async def fn(session):
            rows = await session.execute(select(User.chat_id, User.lang).where(User.chat_id.in_(chat_ids)))
            names = {}
            if patient_ids:
                names = dict((await session.execute(select(Patient.id, Patient.name).where(Patient.id.in_(patient_ids)))).all())
            return {chat: lang for chat, lang in rows}, names

        return await self.db.run(fn)

    async def _send(self, notice: Notice, lang: str) -> None:
        try:
            # off the event loop: the ticket picture (PNG + QR) takes ~60 ms to draw here
            message = await asyncio.to_thread(render, notice, lang, self.settings)
            if message.photo is not None:
                await self.bot.send_photo(notice.chat_id, message.photo, caption=message.text,
                                          reply_markup=message.reply_markup, parse_mode=message.parse_mode)
            else:
                await self.bot.send_message(notice.chat_id, message.text,
                                            reply_markup=message.reply_markup, parse_mode=message.parse_mode)
        except Forbidden:
            self.stats["blocked"] += 1
            await self.outbox.mark_blocked(notice.id, notice.chat_id)
        except RetryAfter as exc:
            self.stats["rate_limited"] += 1
            retry = exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") else float(exc.retry_after)
            await self.outbox.mark_retry(notice.id, f"429 retry after {retry}", notice.attempts, retry_after=retry)
        except BadRequest as exc:  # retrying the same request cannot help
            self.stats["failed"] += 1
            log.error("notice %s (%s) refused by the Bot API: %s", notice.id, notice.kind, exc)
            await self.outbox.mark_failed(notice.id, str(exc))
        except (TimedOut, NetworkError) as exc:
            self.stats["retried"] += 1
            log.warning("notice %s (%s) not sent: %s; will retry", notice.id, notice.kind, exc)
            await self.outbox.mark_retry(notice.id, str(exc), notice.attempts)
        except LookupError as exc:
            self.stats["failed"] += 1
            log.error("%s", exc)
            await self.outbox.mark_failed(notice.id, str(exc))
        else:
            self.stats["sent"] += 1
            await self.outbox.mark_sent(notice.id)
