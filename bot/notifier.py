"""The notifier: drains the outbox to the Bot API, urgent notices before broadcasts.

It claims due rows (queue_core/outbox.py), renders each with the renderer of its kind, hands it to
the bot, and settles the row: sent, retried with backoff, failed, or blocked (the user is marked
inactive). The pacing is the bot's rate limiter's (bot/ratelimit.py: 30 messages/s overall, 1/s
per chat, 429 and 5xx retries); a broadcast is sent with the `BULK` priority, so urgent notices
and chat replies go first. The notifier only keeps one chat's notices in order and bounds what
it has claimed.

It looks at the outbox when woken (`wake()`: the database calls it after every commit that wrote
an outbox row, app/application.py) and when a repeating job of PTB's JobQueue wakes it, every
`POLL_SECONDS`: the safety net for rows that fall due later (a retry's backoff) or that another
process wrote (a web worker). The renderers are given to it (app/tables.py collects them).
"""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from sqlalchemy import select
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from queue_core.models import Patient, User
from queue_core.outbox import Notice, OutboxRepository
from settings import Settings
from storage.db import Database

from .ratelimit import BULK, URGENT
from .services import cancel_and_wait

log = logging.getLogger(__name__)
POLL_SECONDS = 0.2  # the JobQueue's safety-net wake
URGENT_AHEAD_SECONDS = 10.0  # urgent rows claimed at most: this long of sending at the overall rate
BULK_AHEAD_SECONDS = 1.0  # broadcast rows claimed at most: enough to keep the limiter busy
# Notices of a lane between "handed to the bot" and "settled" at most. The limiter sends at the
# overall rate whatever the database does; without this bound a slow commit of the "sent" marks
# could let them pile up, and a SIGKILL repeats each notice Telegram had accepted and the
# database not yet marked (docs/notifications.md "Exactly once").
SENDING_SECONDS = 0.5


@dataclass(frozen=True)
class Message:
    """What one notice becomes in the chat."""

    text: str
    reply_markup: Any = None
    photo: str | bytes | None = None  # file_id or bytes: sent as a photo with `text` as caption
    parse_mode: str | None = None


# renderer(notice, lang, settings) -> a Message, or (text, reply_markup)
Renderer = Callable[[Notice, str, Settings], "Message | tuple[str, Any]"]


class Notifier:
    def __init__(self, bot: Any, db: Database, outbox: OutboxRepository, settings: Settings,
                 renderers: Mapping[str, Renderer]) -> None:
        self.bot, self.db, self.outbox, self.settings = bot, db, outbox, settings
        self.renderers = dict(renderers)
        rate = settings.max_messages_per_second
        # urgent rows waiting for an earlier notice to their chat (1/s) count here: a few patients
        # with several notices each must not keep the rest of the clinic's notices unclaimed
        self.room = {"urgent": max(1, int(rate * URGENT_AHEAD_SECONDS)), "bulk": max(1, int(rate * BULK_AHEAD_SECONDS))}
        self._inflight: dict[str, set[asyncio.Task]] = {"urgent": set(), "bulk": set()}
        self.sending_at_most = max(1, int(rate * SENDING_SECONDS))
        self._sending = {lane: asyncio.Semaphore(self.sending_at_most) for lane in ("urgent", "bulk")}
        self._chat_tail: dict[int, asyncio.Task] = {}  # last send task per chat: keeps a chat in order
        self._more = {"urgent": False, "bulk": False}  # the last claim filled the lane's room
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self.stats: dict[str, int] = defaultdict(int)

    def render(self, notice: Notice, lang: str) -> Message:
        renderer = self.renderers.get(notice.kind)
        if renderer is None:
            raise LookupError(f"no renderer for notice kind {notice.kind!r} (app/tables.py)")
        out = renderer(notice, lang, self.settings)
        return out if isinstance(out, Message) else Message(*out)

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="pusque-notifier")
        self.wake()  # rows left from before the start

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None
        tasks = [t for lane in self._inflight.values() for t in lane]
        for task in tasks:  # unsent claimed rows go back to pending at the next start
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def wake(self) -> None:
        """Something was written to the outbox (or may have fallen due): look now."""
        self._wake.set()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                await self._claim_and_dispatch()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the notifier must outlive a bad moment
                log.exception("notifier round failed; the next wake tries again")
                self.stats["round_errors"] += 1

    async def drain_once(self) -> int:
        """Claim one round (urgent first) and wait until it is settled; returns how many."""
        claimed = await self._claim_and_dispatch()
        await asyncio.gather(*[t for lane in self._inflight.values() for t in lane])
        return claimed

    async def _claim_and_dispatch(self) -> int:
        """Claim due urgent rows up to their room, then broadcast rows if no urgent one is left."""
        urgent_room = self.room["urgent"] - len(self._inflight["urgent"])
        notices = await self.outbox.claim("urgent", urgent_room) if urgent_room > 0 else []
        self._more["urgent"] = len(notices) >= urgent_room  # the lane is full: rows may be left
        bulk_room = self.room["bulk"] - len(self._inflight["bulk"])
        if bulk_room <= 0:
            self._more["bulk"] = True
        elif not self._more["urgent"]:
            bulk = await self.outbox.claim("bulk", bulk_room)
            self._more["bulk"] = len(bulk) == bulk_room
            notices += bulk
        if notices:
            langs, names = await self._recipients(notices)
            for notice in notices:
                patient = notice.payload.get("patient_id")
                if patient is not None and "name" not in notice.payload:
                    notice.payload["name"] = names.get(patient)
                self._dispatch(notice, langs.get(notice.chat_id, "id"))
        return len(notices)

    def _dispatch(self, notice: Notice, lang: str) -> None:
        lane = "bulk" if notice.lane == "bulk" else "urgent"
        previous = self._chat_tail.get(notice.chat_id)
        task = asyncio.create_task(self._send_after(previous, notice, lang, self._sending[lane]))
        self._chat_tail[notice.chat_id] = task
        self._inflight[lane].add(task)

        def done(t: asyncio.Task) -> None:
            if not t.cancelled() and t.exception() is not None:
                self.stats["send_errors"] += 1
                log.error("notice %s left unsettled (sent again after a restart): %r", notice.id, t.exception())
            self._inflight[lane].discard(t)
            if self._chat_tail.get(notice.chat_id) is t:
                del self._chat_tail[notice.chat_id]
            if self._more[lane] and len(self._inflight[lane]) <= self.room[lane] // 2:
                self._more[lane] = False
                self.wake()  # half the lane's room is free and rows were left: claim more

        task.add_done_callback(done)

    async def _send_after(self, previous: asyncio.Task | None, notice: Notice, lang: str,
                          sending: asyncio.Semaphore) -> None:
        if previous is not None:  # in order: "turn near" must not arrive after "called"
            await asyncio.wait([previous])
        async with sending:
            await self._send(notice, lang)

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
        priority = {"rate_limit_args": BULK if notice.lane == "bulk" else URGENT}
        try:
            # off the event loop: the ticket picture (PNG + QR) takes ~60 ms to draw here
            message = await asyncio.to_thread(self.render, notice, lang)
            if message.photo is not None:
                await self.bot.send_photo(notice.chat_id, message.photo, caption=message.text,
                                          reply_markup=message.reply_markup, parse_mode=message.parse_mode, **priority)
            else:
                await self.bot.send_message(notice.chat_id, message.text,
                                            reply_markup=message.reply_markup, parse_mode=message.parse_mode, **priority)
        except Forbidden:
            self.stats["blocked"] += 1
            await self.outbox.mark_blocked(notice.id, notice.chat_id)
        except RetryAfter as exc:  # the limiter's own retries were not enough
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


def schedule_poll(job_queue: Any, notifier: Notifier, seconds: float = POLL_SECONDS) -> None:
    """The safety net: PTB's JobQueue wakes the notifier every `seconds`."""
    async def poll(context: Any) -> None:
        notifier.wake()

    job_queue.run_repeating(poll, interval=seconds, first=seconds, name="notifier-poll",
                            job_kwargs={"misfire_grace_time": None, "coalesce": True})
