"""Outbox rows owed by queue changes, written inside the transaction of the change itself."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from .config import Settings
from .models import Outbox, StaffMember, Ticket, Visit
from .queries import build_snapshot, scope_services, waiting_rows
from .snapshot import QueueSnapshot, RecentMeanEstimator, WaitEstimator

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
    comes first. Only the head of the queue can qualify, so only the head is read.
    """
    rules = settings.notifications
    head = max(rules.turn_near_position, 25)
    rows = await waiting_rows(session, phase, scope_services(settings, phase, service), head)
    pending = [(i, v, t) for i, (v, t) in enumerate(rows, start=1) if not v.turn_near_sent]
    if not pending:
        return 0
    snapshot = await build_snapshot(session, settings, phase, service, now, limit=pending[-1][0])
    minutes = safe_estimate(estimator, snapshot)
    sent = 0
    for position, visit, ticket in pending:
        wait = minutes[position - 1] if position - 1 < len(minutes) else None
        if position <= rules.turn_near_position or (wait is not None and wait <= rules.turn_near_minutes):
            visit.turn_near_sent = True
            add_notice(
                session,
                ticket.user_id,
                "turn_near",
                now,
                ticket_payload(ticket, phase=phase, position=position, minutes=None if wait is None else round(wait)),
                ticket.id,
            )
            sent += 1
    return sent


async def staff_recipients(session: AsyncSession, settings: Settings) -> list[int]:
    ids = set(settings.staff_ids) | set(settings.admin_ids)
    ids |= set(await session.scalars(select(StaffMember.telegram_id)))
    return sorted(ids)


async def alert_staff(session: AsyncSession, settings: Settings, kind: str, now: dt.datetime, payload: dict, ticket_id: int | None) -> Sequence[int]:
    recipients = await staff_recipients(session, settings)
    for chat_id in recipients:
        add_notice(session, chat_id, kind, now, payload, ticket_id)
    return recipients


def visit_payload(visit: Visit) -> dict:
    return {"phase": visit.phase, "channel": visit.channel}
