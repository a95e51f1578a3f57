"""Small helpers for queue_core tests."""
from __future__ import annotations

from sqlalchemy import select

from queue_core.models import DailyCounter, Outbox, User


async def outbox(sessionmaker, kind: str | None = None, chat_id: int | None = None) -> list[Outbox]:
    async with sessionmaker() as s:
        stmt = select(Outbox).order_by(Outbox.id)
        if kind:
            stmt = stmt.where(Outbox.kind == kind)
        if chat_id is not None:
            stmt = stmt.where(Outbox.chat_id == chat_id)
        return list(await s.scalars(stmt))


async def add_user(sessionmaker, telegram_id: int, now) -> None:
    async with sessionmaker() as s, s.begin():
        s.add(User(telegram_id=telegram_id, chat_id=telegram_id, first_name="u", created_at=now))


async def quota_used(db, day, service: str) -> int:
    """Places of a clinic day's quota a service used: numbers issued minus those cancelled."""
    async with db.sessionmaker() as s:
        row = await s.get(DailyCounter, (day, service))
    return row.last_seq - row.returned
