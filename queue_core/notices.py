"""Outbox rows owed by queue changes, written inside the transaction of the change itself."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from .config import Settings
from .models import Outbox, StaffMember, Ticket, Visit
from .queries import queue_context, scope_services, snapshot_from, waiting_list
from .snapshot import QueueSnapshot, RecentMeanEstimator, WaitEstimator, needs_full_queue

log = logging.getLogger(__name__)
_FALLBACK = RecentMeanEstimator()


def add_notice(
    session: AsyncSession,
    chat_id: int | None,
    kind: str,
    now: dt.datetime,
    payload: dict,
    ticket_id: int | None = None,
    lane: str = "urgent",
) -> None:
    if chat_id is None:
        return  # an anonymised ticket or a walk-in without Telegram
    session.add(
        Outbox(
            created_at=now,
            next_attempt_at=now,
            chat_id=chat_id,
            kind=kind,
            lane=lane,
            payload=payload,
            ticket_id=ticket_id,
        )
    )


def ticket_payload(ticket: Ticket, **extra) -> dict:
    return {"number": ticket.number, "service": ticket.service, **extra}


def safe_estimate(estimator: WaitEstimator, snapshot: QueueSnapshot) -> list[float]:
    """The estimator's minutes, or recent_mean's when the estimator fails (logged, never fatal)."""
    if not snapshot.waiting:
        return []
    try:
        minutes = [float(m) for m in estimator.estimate(snapshot)]
        if len(minutes) == len(snapshot.waiting) and all(m >= 0 for m in minutes):
            return minutes
        log.warning("estimator %s returned %d values for %d tickets", estimator.name, len(minutes), len(snapshot.waiting))
    except Exception:  # noqa: BLE001 - a model failure must not stop the queue
        log.exception("estimator %s failed; using recent_mean", getattr(estimator, "name", "?"))
    return list(_FALLBACK.estimate(snapshot))


async def check_turn_near(
    session: AsyncSession,
    settings: Settings,
    estimator: WaitEstimator,
    phase: str,
    service: str,
    now: dt.datetime,
) -> int:
    """Send the one-time 'your turn is near' notice to tickets that just came within reach.

    Near means position <= turn_near_position or estimated wait <= turn_near_minutes, whichever
    comes first. Only the head of the queue can qualify, so only the head is read. Rows another
    transaction holds are skipped rather than waited for (no deadlock between two counters);
    the next change to this queue looks at them again.
    """
    rules = settings.notifications
    services = scope_services(settings, phase, service)
    reach = max(rules.turn_near_position, 25)
    full = needs_full_queue(estimator)
    rows = await waiting_list(session, phase, services, None if full else reach)
    pending = {row[0]: position for position, row in enumerate(rows[:reach], start=1) if not row[1]}
    if not pending:
        return 0
    context = await queue_context(session, settings, phase, service, now)
    snapshot = snapshot_from(settings, phase, service, now, context, rows if full else rows[: max(pending.values())])
    minutes = safe_estimate(estimator, snapshot)

    def due(position: int) -> bool:
        wait = minutes[position - 1] if position - 1 < len(minutes) else None
        return position <= rules.turn_near_position or (wait is not None and wait <= rules.turn_near_minutes)

    candidates = [vid for vid, position in pending.items() if due(position)]
    if not candidates:
        return 0
    locked = (
        await session.execute(
            select(Visit.id, Ticket.id, Ticket.user_id, Ticket.number, Ticket.service)
            .join(Ticket, Visit.ticket_id == Ticket.id)
            .where(Visit.id.in_(candidates), Visit.turn_near_sent.is_(False), Visit.status == "waiting")
            .with_for_update(skip_locked=True, of=Visit)
        )
    ).all()
    if not locked:
        return 0
    await session.execute(update(Visit).where(Visit.id.in_([row[0] for row in locked])).values(turn_near_sent=True))
    for vid, ticket_id, user_id, number, svc in sorted(locked, key=lambda r: pending[r[0]]):
        position = pending[vid]
        wait = minutes[position - 1] if position - 1 < len(minutes) else None
        add_notice(
            session, user_id, "turn_near", now,
            {"number": number, "service": svc, "phase": phase, "position": position,
             "minutes": None if wait is None else round(wait)},
            ticket_id,
        )
    return len(locked)


async def staff_recipients(session: AsyncSession, settings: Settings) -> list[int]:
    ids = set(settings.staff_ids) | set(settings.admin_ids)
    ids |= set(await session.scalars(select(StaffMember.telegram_id)))
    return sorted(ids)


async def alert_staff(session: AsyncSession, settings: Settings, kind: str, now: dt.datetime, payload: dict, ticket_id: int | None) -> Sequence[int]:
    recipients = await staff_recipients(session, settings)
    for chat_id in recipients:
        add_notice(session, chat_id, kind, now, payload, ticket_id)
    return recipients
