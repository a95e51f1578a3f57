"""The notifier delivers outbox notices through the Bot API: in order, once, and settles each."""

import pytest
from sqlalchemy import select

from bot.notifier import Message, register_renderer
from bot.services import services_of
from queue_core.models import Outbox, User
from tests.deadlines import until
from tests.e2e.harness import *  # noqa: F401,F403


@pytest.fixture(autouse=True)
def test_renderers():
    register_renderer("test_note", lambda n, lang, s: Message(f"[{lang}] note {n.payload['i']}"))


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
    def __init__(self):
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id, text, **kw):
        self.sent.append((chat_id, text))


async def test_urgent_lane_goes_before_bulk_written_earlier(db, settings, clock):
    from bot.notifier import Notifier
    from queue_core.outbox import OutboxRepository

    outbox = OutboxRepository(db, clock)
    bot = RecordingBot()
    notifier = Notifier(bot, db, outbox, settings)

    async def fill(session):
        now = clock.now()
        for chat in range(100, 120):
            session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=chat, kind="test_note", lane="bulk", payload={"i": chat}))
        session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=7, kind="test_note", lane="urgent", payload={"i": "urgent"}))

    await db.run(fill)
    first_round = await notifier.drain_once()
    budget = int(notifier.rate / 2)
    assert first_round == budget < 21
    assert bot.sent[0] == (7, "[id] note urgent")
    while await notifier.drain_once():
        pass
    assert sorted(c for c, _ in bot.sent) == [7] + list(range(100, 120))


async def test_a_chat_waiting_its_turn_does_not_hold_up_the_other_chats(db, settings, clock):
    """One patient with many notices (1 message/s per chat) must not fill the send budget while
    they wait: the 500-patient rush drained at 2-8 notices/s that way. Here chat 7's twenty
    notices come first in the outbox; every other chat is served before chat 7's second one."""
    import dataclasses

    from bot.notifier import Notifier
    from queue_core.outbox import OutboxRepository

    slow_chats = dataclasses.replace(settings, max_messages_per_chat_per_second=0.2)  # 5 s between two to one chat
    bot = RecordingBot()
    notifier = Notifier(bot, db, OutboxRepository(db, clock), slow_chats, idle_poll=0.05)
    assert notifier.budget < 20

    async def fill(session):
        now = clock.now()
        for i in range(20):
            session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=7, kind="test_note", lane="urgent", payload={"i": i}))
        for chat in range(100, 120):
            session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=chat, kind="test_note", lane="urgent", payload={"i": chat}))

    await db.run(fill)
    await notifier.start()
    try:
        async def others_sent():
            return len([c for c, _ in bot.sent if c >= 100]) == 20

        await until(others_sent)
        assert [text for chat, text in bot.sent if chat == 7] == ["[id] note 0"]  # the rest wait their turn
    finally:
        await notifier.stop()
