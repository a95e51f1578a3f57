"""StaffStore and BroadcastStore on the real storage (SQLite, and PostgreSQL when it answers)."""
from __future__ import annotations

import datetime as dt

import pytest

from queue_core.broadcasts import BroadcastStore
from queue_core.models import User
from queue_core.service import QueueService
from queue_core.staff import InviteError, StaffStore


async def test_invite_codes_are_single_use_and_expire(db, clock):
    store = StaffStore(db, clock)
    code = await store.create_invite("admin", created_by=1)
    assert await store.role_of(42) is None
    assert await store.claim_invite(code, 42, "Dr. Sari") == "admin"
    assert await store.role_of(42) == "admin" and await store.roles() == {42: "admin"}
    with pytest.raises(InviteError, match="used"):
        await store.claim_invite(code, 43, "x")
    late = await store.create_invite("staff", created_by=1)
    clock.advance(hours=49)
    with pytest.raises(InviteError, match="expired"):
        await store.claim_invite(late, 44, "y")
    with pytest.raises(InviteError, match="unknown"):
        await store.claim_invite("ZZZZZZZZ", 44, "y")


async def test_the_channel_is_remembered_for_config_staff_too(db, clock):
    store = StaffStore(db, clock)
    await store.remember_channel(7, "Loket 2", "staff", "Rina")
    assert await store.channel_of(7) == "Loket 2"
    assert await store.role_of(7) is None  # a config member's row does not grant a role by itself
    await store.remember_channel(7, "Apotek", "staff")
    assert await store.channel_of(7) == "Apotek"


async def test_tokens_are_hashed_and_revocable(db, clock):
    store = StaffStore(db, clock)
    token = await store.create_token("board", "staff", 1)
    assert (await store.check_token(token)).role == "staff"
    assert await store.check_token(token + "x") is None and await store.check_token("") is None
    assert await store.revoke_tokens("board") == 1
    assert await store.check_token(token) is None


async def test_broadcast_audiences_and_one_row_per_recipient(db, settings, clock):
    qs = QueueService(db, settings, clock)
    await qs.ensure_channels()

    async def users(session):
        for i in range(1, 6):
            session.add(User(telegram_id=i, chat_id=i, first_name="u", active=i != 5, created_at=clock.now()))

    await db.run(users)
    await qs.issue(service="A", user_id=1)
    await qs.issue(service="B", user_id=2)
    await qs.issue(service="B", user_id=5)  # inactive: blocked the bot
    store = BroadcastStore(db, clock)
    assert await store.audience_size("all") == 4
    assert await store.audience_size("today") == 2
    assert await store.audience_size("service:B") == 1
    draft = await store.draft(99, "Halo", "today")
    view = await store.confirm(draft.id, 99, 10)
    assert view.total == 2 and view.status == "queued"
    assert await store.confirm(draft.id, 99, 10) is None  # twice: nothing more
    progress = await store.progress(draft.id)
    assert (progress.total, progress.pending) == (2, 2)
    assert [b.id for b in await store.active()] == [draft.id]
    assert await store.cancel(draft.id)
    assert (await store.progress(draft.id)).pending == 0
    assert await store.active() == []
    clock.advance(days=1)
    assert await store.audience_size("today") == 0
    assert isinstance(clock.now(), dt.datetime)


async def test_finishing_a_broadcast_writes_its_report_and_audit_line_once(db, settings, clock):
    from sqlalchemy import select, update

    from queue_core.models import AuditLog, Outbox

    async def users(session):
        for i in range(1, 4):
            session.add(User(telegram_id=i, chat_id=i, first_name="u", active=True, created_at=clock.now()))

    await db.run(users)
    store = BroadcastStore(db, clock)
    draft = await store.draft(99, "Halo", "all")
    await store.confirm(draft.id, 99, 10)
    assert await store.finish(draft.id) is None  # still sending
    await db.run(lambda s: s.execute(update(Outbox).where(Outbox.broadcast_id == draft.id).values(status="sent")))
    done = await store.finish(draft.id)
    assert (done.total, done.sent, done.pending) == (3, 3, 0)
    assert await store.finish(draft.id) is None  # once: a second progress round adds nothing

    async def written(session):
        reports = list(await session.execute(select(Outbox.chat_id, Outbox.lane, Outbox.payload)
                                             .where(Outbox.kind == "broadcast_report")))
        audits = list(await session.scalars(select(AuditLog.action).where(AuditLog.actor_id == 99)))
        return reports, audits

    reports, audits = await db.run(written)
    assert [(c, lane, p["sent"], p["total"]) for c, lane, p in reports] == [(99, "urgent", 3, 3)]
    assert audits == ["broadcast_done"]
