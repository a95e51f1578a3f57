"""Emergency alerts kept in the database: who reported what, which staff messages carry the
"Saya tangani" button, who took it, and whether the admins were told (handlers/emergency.py).

Taking an alert and escalating it are single conditional UPDATEs, so two staff pressing at once,
or a press racing the escalation, have one winner.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, Text, select, update
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Database

from .models import Base, StaffMember
from .rules import Rules


class EmergencyAlert(Base):
    """An emergency a patient reported to the bot (free text or the "gawat darurat" tick), the
    staff messages that carry its "Saya tangani" button, and who took it. Kept so that an
    escalation to the admins survives a restart (handlers/emergency.py re-arms it)."""

    __tablename__ = "emergency_alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime]
    user_id: Mapped[int] = mapped_column(BigInteger)  # the patient's Telegram account
    source: Mapped[str] = mapped_column(String(8))  # text | ticket
    kind: Mapped[str] = mapped_column(String(64))  # nlp.emergency.KINDS found, joined by ","; "unknown" (the model alone); or "ticket"
    text: Mapped[str] = mapped_column(Text)  # what the patient wrote (or the service ticked for)
    name: Mapped[str] = mapped_column(String(160))
    phone: Mapped[str | None] = mapped_column(String(20))
    registered: Mapped[bool] = mapped_column(default=False)
    escalate_at: Mapped[dt.datetime]
    escalated_at: Mapped[dt.datetime | None]
    acked_by: Mapped[int | None] = mapped_column(BigInteger)
    acked_name: Mapped[str | None] = mapped_column(String(128))
    acked_at: Mapped[dt.datetime | None]
    # [[chat_id, message_id, "staff" | "admin"], ...]: the messages with the button
    messages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    __table_args__ = (Index("ix_emergency_user", "user_id", "created_at"),
                      Index("ix_emergency_open", "acked_at", "escalated_at"))


alerts = EmergencyAlert.__table__


@dataclass(frozen=True)
class AlertView:
    id: int
    created_at: dt.datetime
    user_id: int
    source: str
    kind: str
    text: str
    name: str
    phone: str | None
    registered: bool
    escalate_at: dt.datetime
    escalated_at: dt.datetime | None
    acked_by: int | None
    acked_name: str | None
    acked_at: dt.datetime | None
    messages: tuple[tuple[int, int, str], ...]

    @classmethod
    def of(cls, row) -> AlertView:
        m = row._mapping
        return cls(**{k: m[k] for k in cls.__dataclass_fields__ if k != "messages"},
                   messages=tuple((int(c), int(i), str(r)) for c, i, r in (m["messages"] or [])))


async def first_recipients(db: Database, settings: Rules) -> list[int]:
    """Who gets an alert first: the staff group chat if one is configured, else every staff member
    (config and invited; duty is not tracked), else the admins when there is no staff member."""
    if settings.staff_alerts.chat_id is not None:
        return [settings.staff_alerts.chat_id]
    roles = await _stored_roles(db)
    staff = (set(settings.staff_ids) | {i for i, r in roles.items() if r == "staff"}) - set(settings.admin_ids)
    return sorted(staff) if staff else await admins(db, settings, roles)


async def admins(db: Database, settings: Rules, roles: dict[int, str] | None = None) -> list[int]:
    roles = await _stored_roles(db) if roles is None else roles
    return sorted(set(settings.admin_ids) | {i for i, r in roles.items() if r == "admin"})


async def _stored_roles(db: Database) -> dict[int, str]:
    async def fn(session):
        rows = await session.execute(
            select(StaffMember.telegram_id, StaffMember.role).where(StaffMember.source == "invite"))
        return {int(i): r for i, r in rows}

    return await db.run(fn)


class AlertStore:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime]) -> None:
        self.db = db
        self.clock = clock

    async def _one(self, session, alert_id: int) -> AlertView | None:
        row = (await session.execute(select(alerts).where(alerts.c.id == alert_id))).first()
        return AlertView.of(row) if row is not None else None

    async def get(self, alert_id: int) -> AlertView | None:
        return await self.db.run(lambda s: self._one(s, alert_id))

    async def create(self, *, user_id: int, source: str, kind: str, text: str, name: str, phone: str | None,
                     registered: bool, escalate_after: dt.timedelta) -> AlertView:
        now = self.clock()

        async def fn(session):
            new_id = await session.scalar(alerts.insert().values(
                created_at=now, user_id=user_id, source=source, kind=kind[:64], text=text[:1000], name=name[:160],
                phone=phone, registered=registered, escalate_at=now + escalate_after, messages=[],
            ).returning(alerts.c.id))
            return await self._one(session, new_id)

        return await self.db.run(fn)

    async def recent_of(self, user_id: int, within: dt.timedelta) -> AlertView | None:
        """The user's latest alert of the last `within`, if any."""
        since = self.clock() - within

        async def fn(session):
            row = (await session.execute(select(alerts).where(alerts.c.user_id == user_id, alerts.c.created_at >= since)
                                         .order_by(alerts.c.id.desc()).limit(1))).first()
            return AlertView.of(row) if row is not None else None

        return await self.db.run(fn)

    async def add_messages(self, alert_id: int, sent: list[tuple[int, int, str]]) -> AlertView | None:
        async def fn(session):
            current = await self._one(session, alert_id)
            if current is None:
                return None
            messages = [list(m) for m in current.messages] + [list(m) for m in sent]
            await session.execute(update(alerts).where(alerts.c.id == alert_id).values(messages=messages))
            return await self._one(session, alert_id)

        return await self.db.run(fn)

    async def take(self, alert_id: int, staff_id: int, staff_name: str) -> tuple[bool, AlertView | None]:
        """(True, alert) if this press took it; (False, alert) if someone had already."""
        now = self.clock()

        async def fn(session):
            result = await session.execute(update(alerts).where(alerts.c.id == alert_id, alerts.c.acked_by.is_(None))
                                           .values(acked_by=staff_id, acked_name=staff_name[:128], acked_at=now))
            return result.rowcount == 1, await self._one(session, alert_id)

        return await self.db.run(fn)

    async def mark_escalated(self, alert_id: int) -> AlertView | None:
        """The alert if it is still untaken and was not escalated yet (it is marked now), else None."""
        now = self.clock()

        async def fn(session):
            result = await session.execute(update(alerts).where(
                alerts.c.id == alert_id, alerts.c.acked_by.is_(None), alerts.c.escalated_at.is_(None),
            ).values(escalated_at=now))
            return await self._one(session, alert_id) if result.rowcount == 1 else None

        return await self.db.run(fn)

    async def pending(self, within: dt.timedelta) -> list[AlertView]:
        """Untaken, unescalated alerts of the last `within` (their escalation is re-armed at start-up)."""
        since = self.clock() - within

        async def fn(session):
            rows = await session.execute(select(alerts).where(
                alerts.c.acked_by.is_(None), alerts.c.escalated_at.is_(None), alerts.c.created_at >= since,
            ).order_by(alerts.c.id))
            return [AlertView.of(r) for r in rows]

        return await self.db.run(fn)
