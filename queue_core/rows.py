"""Tickets and visits as the queue operations read and write them (plain rows, not ORM objects)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from sqlalchemy import bindparam, insert, select, update

from . import errors
from .tx import Tx, channel_states, tickets, visits

BOOKED = "booked"  # a ticket's status while booked for its day, before check-in (queue_core/booking.py)
TICKET_COLUMNS = tuple(tickets.c[name] for name in (
    "id", "day", "service", "number", "patient_id", "user_id", "level", "conditions", "age", "route", "status", "phase"))
VISIT_COLUMNS = tuple(visits.c[name] for name in (
    "id", "ticket_id", "phase", "service", "status", "channel", "rank", "effective_at", "entered_at",
    "called_at", "started_at", "skipped_at", "recalls"))


@dataclass(slots=True)
class TicketRow:
    id: int
    day: dt.date
    service: str
    number: str
    patient_id: int | None
    user_id: int | None
    level: int
    conditions: str
    age: int | None
    route: str
    status: str
    phase: str

    @classmethod
    def of(cls, r: Sequence[Any]) -> "TicketRow":
        return cls(*r[:12])

    @property
    def condition_list(self) -> list[str]:
        """The conditions, stored joined by "+"."""
        return [c for c in self.conditions.split("+") if c]


@dataclass(slots=True)
class VisitRow:
    id: int
    ticket_id: int
    phase: str
    service: str
    status: str
    channel: str | None
    rank: int
    effective_at: dt.datetime
    entered_at: dt.datetime
    called_at: dt.datetime | None
    started_at: dt.datetime | None
    skipped_at: dt.datetime | None
    recalls: int

    @classmethod
    def of(cls, r: Sequence[Any]) -> "VisitRow":
        return cls(*r[:13])


# Statements built once (building one costs more than running it); their values come as parameters.
TICKET_BY_ID = select(*TICKET_COLUMNS).where(tickets.c.id == bindparam("ticket_id"))
LATEST_VISIT = (select(*VISIT_COLUMNS).where(visits.c.ticket_id == bindparam("ticket_id"))
                .order_by(visits.c.id.desc()).limit(1))
UPDATE_TICKET = update(tickets).where(tickets.c.id == bindparam("ticket_id"))
UPDATE_VISIT = update(visits).where(visits.c.id == bindparam("visit_id"))
INSERT_VISIT = insert(visits).returning(visits.c.id)
# FOR UPDATE on PostgreSQL; SQLite's compiler leaves it out (BEGIN IMMEDIATE holds the whole file)
LOCKED = {s: s.with_for_update() for s in (TICKET_BY_ID, LATEST_VISIT)}


async def ticket_by_id(tx: Tx, ticket_id: int, lock: bool = False) -> TicketRow:
    row = await tx.one(LOCKED[TICKET_BY_ID] if lock else TICKET_BY_ID, {"ticket_id": ticket_id})
    if row is None:
        raise errors.TicketNotFound(ticket_id=ticket_id)
    return TicketRow.of(row)


async def latest_visit(tx: Tx, ticket_id: int, lock: bool = False) -> VisitRow | None:
    row = await tx.one(LOCKED[LATEST_VISIT] if lock else LATEST_VISIT, {"ticket_id": ticket_id})
    return None if row is None else VisitRow.of(row)


LOCK_CHANNEL = select(channel_states.c.paused).where(channel_states.c.name == bindparam("channel")).with_for_update()
# No ORDER BY: SQLite would then walk the (channel, called_at) index through the whole day.
AT_CHANNEL = (select(*VISIT_COLUMNS, *TICKET_COLUMNS).join_from(visits, tickets, tickets.c.id == visits.c.ticket_id)
              .where(visits.c.channel == bindparam("channel"), visits.c.status.in_(("called", "serving"))))
LOCKED[AT_CHANNEL] = AT_CHANNEL.with_for_update()


async def current_at_channel(tx: Tx, channel: str, lock: bool = False) -> tuple[VisitRow, TicketRow] | None:
    """The visit being called or served at a channel, with its ticket (`lock`: both rows locked)."""
    rows = await tx.all(LOCKED[AT_CHANNEL] if lock else AT_CHANNEL, {"channel": channel})
    pairs = [(VisitRow.of(r[:13]), TicketRow.of(r[13:])) for r in rows]
    return max(pairs, key=lambda pair: pair[0].called_at or dt.datetime.min, default=None)


async def insert_visit(tx: Tx, ticket: TicketRow, phase: str, service: str, rank: int,
                       effective_at: dt.datetime, now: dt.datetime) -> VisitRow:
    visit_id = await tx.scalar(INSERT_VISIT, dict(
        ticket_id=ticket.id, phase=phase, service=service, status="waiting", rank=rank, effective_at=effective_at,
        entered_at=now, recalls=0, turn_near_sent=False))
    return VisitRow(visit_id, ticket.id, phase, service, "waiting", None, rank, effective_at, now, None, None, None, 0)


async def update_ticket(tx: Tx, ticket: TicketRow, now: dt.datetime, **changes: Any) -> None:
    """Set columns of a ticket (and the same attributes of the row in hand)."""
    for key, value in changes.items():
        if hasattr(ticket, key):
            setattr(ticket, key, value)
    await tx.run(UPDATE_TICKET, {**changes, "updated_at": now, "ticket_id": ticket.id})


async def update_visit(tx: Tx, visit: VisitRow, **changes: Any) -> None:
    for key, value in changes.items():
        if hasattr(visit, key):
            setattr(visit, key, value)
    await tx.run(UPDATE_VISIT, {**changes, "visit_id": visit.id})
