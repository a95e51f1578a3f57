"""Outbox rows owed by queue changes, written inside the transaction of the change itself."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from sqlalchemy import bindparam, select, update

from .advice import safe_windows
from .doctor_rooms import RoomQueue, rooms_now
from .leave import leave_before_near, near_minutes
from .outbox import add_notice
from .queries import queue_context, room_context, scope_services, snapshot_from, waiting_list
from .rules import Rules
from .snapshot import QueueSnapshot, WaitEstimator, needs_full_queue, needs_history, needs_queue_ahead
from .tx import Tx, staff, visits

# Mark visits told "turn near", returning the ids it marked. On PostgreSQL a row another
# transaction holds is skipped rather than waited for (no deadlock between two counters).
CLAIM_NEAR = update(visits).where(visits.c.id.in_(
    select(visits.c.id).where(visits.c.id.in_(bindparam("ids", expanding=True)), visits.c.turn_near_sent.is_(False),
                              visits.c.status == "waiting").with_for_update(skip_locked=True))
).values(turn_near_sent=True).returning(visits.c.id)


def medians(estimator: WaitEstimator, snapshot: QueueSnapshot, settings: Rules) -> list[float]:
    """Minutes until each ticket is called: the medians of the windows its advice is made of
    (advice.safe_windows: the configured durations' when the estimator fails)."""
    return [w.median for w in safe_windows(estimator, snapshot, settings.notifications.advice_margin_minutes)]


async def check_turn_near(
    tx: Tx,
    settings: Rules,
    estimator: WaitEstimator,
    phase: str,
    service: str,
    now: dt.datetime,
    entered: int | None = None,
) -> bool:
    """Send the one-time 'your turn is near' notice to tickets that just came within reach;
    returns whether `entered` (the ticket whose entry this transaction is writing) is near.

    Near means position <= turn_near_position or estimated wait <= turn_near_minutes, whichever
    comes first; for a patient who may still be at home (the first queue of the route, not checked
    in) the minutes grow by what their trip is longer than the default (15 + 30 - 15 = 30 minutes
    ahead for a 30-minute trip, by default). Such a patient who was never told "time to leave now"
    gets it first, in this transaction (it comes before the turn-near: one chat's notices go out in
    order). A long trip can make a ticket near beyond the head read here: the leave-now look
    (QueueService.send_leave_notices) tells those, so queue changes keep reading the head only.
    A ticket that is near the moment it enters the queue (a short queue) gets no notice
    here: its caller says so in the entry notice (the ticket itself, or "next phase"), not in a
    second message a second later: under Telegram's 30 messages/s that second message is what a
    busy morning cannot afford (docs/notifications.md). Rows another transaction holds
    (CLAIM_NEAR) are left to the next change to this queue.
    """
    rules = settings.notifications
    # Each patient's place and minutes: in the part of the queue their doctor's room calls when
    # the doctor practises in a room now, else in the whole queue (queue_core/doctor_rooms.py).
    rooms = await rooms_now(tx, settings, phase, service, now)
    found: dict[int, tuple[Sequence, int, float | None]] = {}  # visit id -> (row, position, wait)
    for room in [None, *dict.fromkeys(rooms.values())]:
        found.update(await _unsent_heads(tx, settings, estimator, phase, service, now, room,
                                         lambda row, room=room: rooms.get(row[13]) == room))
    if not found:
        return False

    def away(row) -> bool:
        return row[11] is None and settings.services[row[5]].route[0] == phase if row[5] in settings.services else False

    def due(row, position: int, wait: float | None) -> bool:
        return position <= rules.turn_near_position or (
            wait is not None and wait <= near_minutes(settings, row[12] if away(row) else None))

    candidates = [vid for vid, (row, position, wait) in found.items() if due(row, position, wait)]
    if not candidates:
        return False
    candidates = [r[0] for r in await tx.all(CLAIM_NEAR, {"ids": candidates})]
    entered_near = False
    for vid in sorted(candidates, key=lambda v: found[v][1]):
        row, position, wait = found[vid]
        _, _, ticket_id, user_id, number, svc, *_ = row
        if ticket_id == entered:
            entered_near = True
            continue
        if away(row) and not row[10]:
            await leave_before_near(tx, settings, row, now, wait, estimator)
        await add_turn_near(tx, user_id, ticket_id, number, svc, phase, position, wait, now)
    return entered_near


async def _unsent_heads(tx: Tx, settings: Rules, estimator: WaitEstimator, phase: str, service: str,
                        now: dt.datetime, room: RoomQueue | None, own) -> dict[int, tuple[Sequence, int, float | None]]:
    """visit id -> (row, position, estimated wait) of the tickets of the head of the queue (of the
    part `room` calls) not told yet whose place is counted there (`own(row)`)."""
    reach = max(settings.notifications.turn_near_position, 25)
    full = needs_full_queue(estimator)
    rows = await waiting_list(tx, settings, phase, scope_services(settings, phase, service), None if full else reach, room)
    pending = {row[0]: position for position, row in enumerate(rows[:reach], start=1) if not row[1] and own(row)}
    if not pending:
        return {}
    context = room_context(await queue_context(tx, settings, phase, service, now, needs_history(estimator)), room)
    if needs_queue_ahead(estimator):
        snapshot = snapshot_from(settings, phase, service, now, context, rows if full else rows[: max(pending.values())])
        minutes = medians(estimator, snapshot, settings)
        wait_at = {p: minutes[p - 1] for p in pending.values() if p - 1 < len(minutes)}
    else:
        by_position = sorted(pending.values())
        snapshot = snapshot_from(settings, phase, service, now, context, [rows[p - 1] for p in by_position], by_position)
        wait_at = dict(zip(by_position, medians(estimator, snapshot, settings)))
    return {vid: (rows[p - 1], p, wait_at.get(p)) for vid, p in pending.items()}


async def add_turn_near(tx: Tx, user_id: int | None, ticket_id: int, number: str, service: str, phase: str,
                        position: int, wait: float | None, now: dt.datetime) -> None:
    await add_notice(tx, user_id, "turn_near", now,
                     {"number": number, "service": service, "phase": phase, "position": position,
                      "minutes": None if wait is None else round(wait)}, ticket_id)


async def staff_recipients(tx: Tx, settings: Rules) -> list[int]:
    """The first recipients of an emergency alert (queue_core.alerts.first_recipients): the staff
    group chat, else every staff member, else the admins."""
    if settings.staff_alerts.chat_id is not None:
        return [settings.staff_alerts.chat_id]
    rows = await tx.all(select(staff.c.telegram_id, staff.c.role).where(staff.c.source == "invite"))
    ids = (set(settings.staff_ids) | {int(i) for i, r in rows if r == "staff"}) - set(settings.admin_ids)
    return sorted(ids or set(settings.admin_ids) | {int(i) for i, r in rows if r == "admin"})


async def alert_staff(tx: Tx, settings: Rules, kind: str, now: dt.datetime, payload: dict, ticket_id: int | None) -> Sequence[int]:
    recipients = await staff_recipients(tx, settings)
    for chat_id in recipients:
        await add_notice(tx, chat_id, kind, now, payload, ticket_id)
    return recipients
