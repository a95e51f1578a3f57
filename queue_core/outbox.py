"""The outbox: the rows queue changes write in their own transaction (`add_notice`), and the
drain that claims due rows in order, then records how sending went.

A row is claimed (status 'sending') in one short transaction and settled in another after the
Bot API answered. Rows left in 'sending' by a crash are returned to 'pending' at start-up, so a
notice that was due is delivered even across a restart; see docs/notifications.md for the one
narrow window (killed between Telegram's answer and our commit) where that means twice.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from .clock import Store, transaction
from .models import Outbox, User
from .rows import TicketRow
from .tx import Tx

MAX_ATTEMPTS = 8
INSERT_NOTICE = insert(cast(Table, Outbox.__table__))  # built once, the values as parameters


async def add_notice(
    tx: Tx,
    chat_id: int | None,
    kind: str,
    now: dt.datetime,
    payload: dict,
    ticket_id: int | None = None,
    lane: str = "urgent",
) -> None:
    if chat_id is None:
        return  # an anonymised ticket or a walk-in without Telegram
    tx.later(INSERT_NOTICE, dict(created_at=now, next_attempt_at=now, chat_id=chat_id, kind=kind, lane=lane,
                                 payload=payload, status="pending", attempts=0, ticket_id=ticket_id))


def ticket_payload(ticket: TicketRow, **extra) -> dict:
    return {"number": ticket.number, "service": ticket.service, **extra}


@dataclass(frozen=True)
class Notice:
    id: int
    chat_id: int
    kind: str
    lane: str
    payload: dict[str, Any]
    attempts: int
    broadcast_id: int | None


class OutboxRepository(Store):
    @transaction
    async def recover(self, session: AsyncSession, now: dt.datetime) -> int:
        """After a restart: rows a dead process had claimed become pending again."""
        result = await session.execute(
            update(Outbox).where(Outbox.status == "sending").values(status="pending", next_attempt_at=now)
        )
        return cast(CursorResult, result).rowcount or 0

    @transaction
    async def claim(self, session: AsyncSession, now: dt.datetime, lane: str, limit: int) -> list[Notice]:
        """Take up to `limit` due rows of a lane, oldest first, marking them 'sending'."""
        rows = list(
            await session.scalars(
                select(Outbox)
                .where(Outbox.status == "pending", Outbox.lane == lane, Outbox.next_attempt_at <= now)
                .order_by(Outbox.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        for row in rows:
            row.status = "sending"
            row.attempts += 1
        return [Notice(r.id, r.chat_id, r.kind, r.lane, dict(r.payload), r.attempts, r.broadcast_id) for r in rows]

    async def mark_sent(self, notice_id: int) -> None:
        """Ahead of the process's other transactions: until it commits, a SIGKILL sends the notice
        again (docs/notifications.md)."""
        now = self.clock.now()
        await self.db.run(lambda session: session.execute(
            update(Outbox).where(Outbox.id == notice_id).values(status="sent", sent_at=now, error=None)), first=True)

    @transaction
    async def mark_retry(self, session: AsyncSession, now: dt.datetime,
                         notice_id: int, error: str, attempts: int, retry_after: float | None = None) -> bool:
        """Back off and try later; after MAX_ATTEMPTS the row is 'failed'. Returns True if it will be retried."""
        if attempts >= MAX_ATTEMPTS:
            await session.execute(update(Outbox).where(Outbox.id == notice_id).values(status="failed", error=error[:500]))
            return False
        delay = retry_after if retry_after is not None else min(2 ** attempts, 300)
        await session.execute(
            update(Outbox)
            .where(Outbox.id == notice_id)
            .values(status="pending", error=error[:500], next_attempt_at=now + dt.timedelta(seconds=delay))
        )
        return True

    @transaction
    async def mark_failed(self, session: AsyncSession, now: dt.datetime, notice_id: int, error: str) -> None:
        """Give up on a notice that can never be sent (refused by the Bot API, no renderer)."""
        await session.execute(update(Outbox).where(Outbox.id == notice_id).values(status="failed", error=error[:500]))

    @transaction
    async def mark_blocked(self, session: AsyncSession, now: dt.datetime, notice_id: int, chat_id: int) -> None:
        """The user blocked the bot: stop writing to them until they talk to us again."""
        await session.execute(update(Outbox).where(Outbox.id == notice_id).values(status="blocked"))
        await session.execute(update(User).where(User.chat_id == chat_id).values(active=False))

    @transaction
    async def counts(self, session: AsyncSession, now: dt.datetime) -> dict[tuple[str, str], int]:
        """Rows per (lane, status), for /metrics."""
        rows = await session.execute(select(Outbox.lane, Outbox.status, func.count()).group_by(Outbox.lane, Outbox.status))
        return {(lane, status): n for lane, status, n in rows}
