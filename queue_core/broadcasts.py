"""Broadcasts: a draft, confirmed into one bulk-lane outbox row per recipient, then counted.

The rows are written in one transaction with the broadcast's status change, so a restart
neither loses nor doubles recipients; the notifier drains the bulk lane with whatever budget
the urgent lane leaves, so a broadcast never delays a queue notice. Finishing writes the admin's
report as an outbox notice (and the audit line) in the transaction that marks it done, so a
restart between the two neither loses nor repeats the report.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from .clock import Store, transaction
from .models import AuditLog, Broadcast, Outbox, Ticket, User

KIND = "broadcast"
REPORT_KIND = "broadcast_report"  # to the admin who sent it: sent / blocked / failed of total


@dataclass(frozen=True)
class BroadcastView:
    id: int
    created_by: int
    text: str
    photo_file_id: str | None
    audience: str
    status: str
    total: int
    progress_chat_id: int | None
    progress_message_id: int | None


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    blocked: int
    failed: int
    pending: int

    @property
    def finished(self) -> bool:
        return self.pending == 0


def _view(b: Broadcast) -> BroadcastView:
    return BroadcastView(b.id, b.created_by, b.text, b.photo_file_id, b.audience, b.status, b.total,
                         b.progress_chat_id, b.progress_message_id)


STAFF_TOO = "+staff"  # an audience with this suffix includes staff and admins; without it, patients only


class BroadcastStore(Store):
    @staticmethod
    def _recipients(audience: str, day: dt.date, staff_ids: Collection[int]):
        """Active users of the audience; staff and admins (`staff_ids`) only when it says STAFF_TOO."""
        active = select(User.chat_id).where(User.active.is_(True))
        if audience.endswith(STAFF_TOO):
            audience = audience.removesuffix(STAFF_TOO)
        elif staff_ids:
            active = active.where(User.telegram_id.not_in(sorted(staff_ids)))
        if audience == "all":
            return active
        stmt = select(Ticket.user_id).where(Ticket.day == day, Ticket.user_id.is_not(None))
        if audience.startswith("service:"):
            stmt = stmt.where(Ticket.service == audience.split(":", 1)[1])
        return active.where(User.telegram_id.in_(stmt))

    @transaction
    async def audience_size(self, session: AsyncSession, now: dt.datetime,
                            audience: str, staff_ids: Collection[int] = ()) -> int:
        sub = self._recipients(audience, now.date(), staff_ids).distinct().subquery()
        return int(await session.scalar(select(func.count()).select_from(sub)) or 0)

    @transaction
    async def draft(self, session: AsyncSession, now: dt.datetime,
                    created_by: int, text: str, audience: str, photo_file_id: str | None = None) -> BroadcastView:
        b = Broadcast(created_by=created_by, created_at=now, text=text, photo_file_id=photo_file_id,
                      audience=audience, status="draft")
        session.add(b)
        await session.flush()
        return _view(b)

    @transaction
    async def get(self, session: AsyncSession, now: dt.datetime, broadcast_id: int) -> BroadcastView | None:
        b = await session.get(Broadcast, broadcast_id)
        return None if b is None else _view(b)

    @transaction
    async def set_audience(self, session: AsyncSession, now: dt.datetime,
                           broadcast_id: int, audience: str) -> BroadcastView | None:
        """A draft's audience changed before it is sent (e.g. staff included); None if not a draft."""
        b = await session.scalar(select(Broadcast).where(Broadcast.id == broadcast_id).with_for_update())
        if b is None or b.status != "draft":
            return None
        b.audience = audience
        return _view(b)

    @transaction
    async def confirm(self, session: AsyncSession, now: dt.datetime, broadcast_id: int, progress_chat_id: int | None,
                      progress_message_id: int | None, staff_ids: Collection[int] = ()) -> BroadcastView | None:
        """Draft -> queued: one bulk outbox row per recipient, same transaction. None if not a draft."""
        b = await session.scalar(select(Broadcast).where(Broadcast.id == broadcast_id).with_for_update())
        if b is None or b.status != "draft":
            return None
        chat_ids = sorted(set(await session.scalars(self._recipients(b.audience, now.date(), staff_ids))))
        payload = {"broadcast_id": b.id, "text": b.text, "photo": b.photo_file_id}
        rows = [dict(created_at=now, next_attempt_at=now, chat_id=c, kind=KIND, lane="bulk", payload=payload,
                     status="pending", attempts=0, broadcast_id=b.id) for c in chat_ids]
        for i in range(0, len(rows), 2000):
            await session.execute(insert(Outbox), rows[i:i + 2000])
        b.status, b.total = "queued", len(rows)
        b.progress_chat_id, b.progress_message_id = progress_chat_id, progress_message_id
        if not rows:
            b.status, b.finished_at = "done", now
        return _view(b)

    @transaction
    async def cancel(self, session: AsyncSession, now: dt.datetime, broadcast_id: int) -> bool:
        """A draft is dropped; a queued broadcast stops: its unsent rows become 'cancelled'."""
        b = await session.get(Broadcast, broadcast_id)
        if b is None or b.status in ("done", "cancelled"):
            return False
        await session.execute(update(Outbox).where(Outbox.broadcast_id == b.id, Outbox.status == "pending")
                              .values(status="cancelled"))
        b.status, b.finished_at = "cancelled", now
        return True

    @transaction
    async def active(self, session: AsyncSession, now: dt.datetime) -> list[BroadcastView]:
        return [_view(b) for b in await session.scalars(select(Broadcast).where(Broadcast.status == "queued"))]

    async def progress(self, broadcast_id: int) -> Progress:
        return await self._tx(lambda session, now: self._progress(session, broadcast_id))

    @staticmethod
    async def _progress(session: AsyncSession, broadcast_id: int) -> Progress:
        counts = {s: n for s, n in await session.execute(
            select(Outbox.status, func.count()).where(Outbox.broadcast_id == broadcast_id).group_by(Outbox.status))}
        total = sum(counts.values())
        sent, blocked, failed = counts.get("sent", 0), counts.get("blocked", 0), counts.get("failed", 0)
        return Progress(total, sent, blocked, failed, counts.get("pending", 0) + counts.get("sending", 0))

    @transaction
    async def finish(self, session: AsyncSession, now: dt.datetime, broadcast_id: int) -> Progress | None:
        """Queued -> done (once), with the report notice to the progress chat and the audit line;
        the final counts if this call finished it, else None."""
        b = await session.scalar(select(Broadcast).where(Broadcast.id == broadcast_id).with_for_update())
        if b is None or b.status != "queued":
            return None
        p = await self._progress(session, b.id)
        if not p.finished:
            return None
        b.status, b.finished_at = "done", now
        counts = {"sent": p.sent, "blocked": p.blocked, "failed": p.failed, "total": p.total}
        if b.progress_chat_id is not None:
            session.add(Outbox(created_at=now, next_attempt_at=now, chat_id=b.progress_chat_id, kind=REPORT_KIND,
                               lane="urgent", payload={"broadcast_id": b.id, **counts}, status="pending",
                               attempts=0))
        session.add(AuditLog(at=now, actor_id=b.created_by, action="broadcast_done", allowed=True,
                             target=str(b.id), detail=counts))
        return p
