"""The notifier delivers outbox notices through the Bot API: in order, once, and settles each."""

import pytest
from sqlalchemy import select

from app.tables import RENDERERS
from bot.notifier import Message, Notifier
from bot.ratelimit import TelegramRateLimiter
from bot.services import services_of
from queue_core.models import Outbox, User
from queue_core.outbox import OutboxRepository
from tests.deadlines import until
from tests.e2e.harness import *  # noqa: F401,F403


def note(notice, lang, settings):
    return Message(f"[{lang}] note {notice.payload['i']}")


TEST_RENDERERS = {"test_note": note}


@pytest.fixture
async def pusque(start_pusque):
    """The bot with the app's renderers and this test's kind (renderers are handed in: app/tables.py)."""
    return await start_pusque(renderers={**RENDERERS, **TEST_RENDERERS})


async def add_notices(services, chat_id: int, count: int, lane: str = "urgent", kind: str = "test_note"):
    async def fn(session):
        now = services.clock()
        for i in range(count):
            session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=chat_id, kind=kind, lane=lane, payload={"i": i}))

    await services.db.run(fn)
    services.notifier.wake()


async def statuses(services) -> list[str]:
    async def fn(session):
        return list(await session.scalars(select(Outbox.status).order_by(Outbox.id)))

    return await services.db.run(fn)


async def test_notices_arrive_in_order_and_are_marked_sent(pusque):
    user = await pusque.user(first_name="Siti")
    await user.command("start")
    await user.next_message()
    services = services_of(pusque.application)
    await add_notices(services, user.id, 3)
    texts = [m["text"] for m in await user.next_messages(3)]
    assert texts == ["[id] note 0", "[id] note 1", "[id] note 2"]
    await until(lambda: _all(services, "sent"))


async def _all(services, status):
    return set(await statuses(services)) == {status}


async def test_blocked_user_is_marked_inactive(pusque):
    user = await pusque.user(first_name="Budi")
    await user.command("start")
    await user.next_message()
    await user.block()
    services = services_of(pusque.application)

    async def register(session):
        # /start already created the account row; make sure it is there either way
        await session.merge(User(telegram_id=user.id, chat_id=user.id, first_name="Budi", created_at=services.clock()))

    await services.db.run(register)
    await add_notices(services, user.id, 1)
    await until(lambda: _all(services, "blocked"))

    async def active(session):
        return await session.scalar(select(User.active).where(User.telegram_id == user.id))

    assert await services.db.run(active) is False


async def test_unknown_kind_fails_without_stopping_the_rest(pusque):
    user = await pusque.user(first_name="Ani")
    await user.command("start")
    await user.next_message()
    services = services_of(pusque.application)
    await add_notices(services, user.id, 1, kind="no_such_kind")
    await add_notices(services, user.id, 1)
    assert (await user.next_message())["text"] == "[id] note 0"
    await until(lambda: _statuses_are(services, ["failed", "sent"]))


async def _statuses_are(services, expected):
    return await statuses(services) == expected


class RecordingBot:
    """A bot that records what it is asked to send; with a limiter, through it as PTB's ExtBot does."""

    def __init__(self, limiter: TelegramRateLimiter | None = None):
        self.limiter = limiter
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id, text, rate_limit_args=None, **kw):
        async def send():
            self.sent.append((chat_id, text))

        if self.limiter is None:
            return await send()
        await self.limiter.process_request(send, (), {}, "sendMessage", {"chat_id": chat_id, "text": text},
                                           rate_limit_args)


async def fill(db, clock, rows):
    """rows: (chat_id, lane, i) each."""
    async def fn(session):
        now = clock.now()
        for chat, lane, i in rows:
            session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=chat, kind="test_note", lane=lane, payload={"i": i}))

    await db.run(fn)


async def test_urgent_lane_goes_before_bulk_written_earlier(db, settings, clock):
    bot = RecordingBot()
    notifier = Notifier(bot, db, OutboxRepository(db, clock), settings, TEST_RENDERERS)
    bulk_room = notifier.room["bulk"]
    await fill(db, clock, [(chat, "bulk", chat) for chat in range(100, 100 + bulk_room + 10)] + [(7, "urgent", "urgent")])
    first_round = await notifier.drain_once()
    assert first_round == 1 + bulk_room  # a broadcast is claimed a little at a time
    assert bot.sent[0] == (7, "[id] note urgent")
    while await notifier.drain_once():
        pass
    assert sorted(c for c, _ in bot.sent) == [7] + list(range(100, 100 + bulk_room + 10))


async def test_an_urgent_notice_overtakes_the_broadcast_waiting_in_the_rate_limiter(db, settings, clock):
    """The broadcast's claimed rows wait for the overall rate in the bot's rate limiter; a queue
    notice written after them is sent at the next free moment, not after them."""
    import dataclasses

    slow = dataclasses.replace(settings, max_messages_per_second=4.0)
    bot = RecordingBot(TelegramRateLimiter.from_settings(slow))
    notifier = Notifier(bot, db, OutboxRepository(db, clock), slow, TEST_RENDERERS)
    await fill(db, clock, [(chat, "bulk", chat) for chat in range(100, 140)])
    await notifier.start()
    try:
        await until(lambda: _sent_at_least(bot, 6))  # past the limiter's first burst
        sent_then, waiting_then = len(bot.sent), len(notifier._inflight["bulk"])
        assert waiting_then >= 2  # claimed broadcast rows wait in the limiter
        await fill(db, clock, [(7, "urgent", "urgent")])
        notifier.wake()
        await until(lambda: _sent_at_least(bot, 1, chat=7))
        assert [c for c, _ in bot.sent].index(7) < sent_then + waiting_then - 1  # it went ahead of them
    finally:
        await notifier.stop()


async def _sent_at_least(bot, n, chat=None):
    return len([c for c, _ in bot.sent if chat is None or c == chat]) >= n


async def test_a_chat_waiting_its_turn_does_not_hold_up_the_other_chats(db, settings, clock):
    """One patient with many notices (1 message/s per chat) must not hold up the others: the
    500-patient rush drained at 2-8 notices/s when they filled what the notifier had claimed. Here
    chat 7's twenty notices come first in the outbox; every other chat is served before chat 7's
    third one."""
    import dataclasses

    slow_chats = dataclasses.replace(settings, max_messages_per_chat_per_second=0.2)  # ~5 s between two to one chat
    limiter = TelegramRateLimiter.from_settings(slow_chats)
    bot = RecordingBot(limiter)
    notifier = Notifier(bot, db, OutboxRepository(db, clock), slow_chats, TEST_RENDERERS)
    await fill(db, clock, [(7, "urgent", i) for i in range(20)] + [(chat, "urgent", chat) for chat in range(100, 120)])
    await notifier.start()
    try:
        async def others_sent():
            return len([c for c, _ in bot.sent if c >= 100]) == 20

        await until(others_sent)
        to_seven = [text for chat, text in bot.sent if chat == 7]
        assert to_seven == [f"[id] note {i}" for i in range(len(to_seven))]  # in order
        assert 1 <= len(to_seven) <= limiter.per_chat_burst  # the rest wait their turn
    finally:
        await notifier.stop()
