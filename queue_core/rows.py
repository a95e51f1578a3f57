"""Tickets and visits as the queue operations read and write them (plain rows, not ORM objects)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from . import errors
from .models import TicketLists
from .sql import Sql, day_of, ts

TICKET_COLUMNS = ("t.id, t.day, t.service, t.number, t.patient_id, t.user_id, t.level, t.conditions, t.age, "
                  "t.route, t.status, t.phase")
VISIT_COLUMNS = ("v.id, v.ticket_id, v.phase, v.service, v.status, v.channel, v.rank, v.effective_at, v.entered_at, "
                 "v.called_at, v.started_at, v.skipped_at, v.recalls")


@dataclass(slots=True)
class TicketRow(TicketLists):
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
        return cls(r[0], day_of(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11])


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
        return cls(r[0], r[1], r[2], r[3], r[4], r[5], r[6], ts(r[7]), ts(r[8]), ts(r[9]), ts(r[10]), ts(r[11]), r[12])


async def ticket_by_id(sql: Sql, ticket_id: int, lock: bool = False) -> TicketRow:
    row = await sql.one(f"SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.id = :id" + (sql.lock() if lock else ""),
                        {"id": ticket_id})
    if row is None:
        raise errors.TicketNotFound(ticket_id=ticket_id)
    return TicketRow.of(row)


async def latest_visit(sql: Sql, ticket_id: int, lock: bool = False) -> VisitRow | None:
    row = await sql.one(
        f"SELECT {VISIT_COLUMNS} FROM visits v WHERE v.ticket_id = :id ORDER BY v.id DESC LIMIT 1"
        + (sql.lock() if lock else ""),
        {"id": ticket_id},
    )
    return None if row is None else VisitRow.of(row)


async def current_at_channel(sql: Sql, channel: str) -> tuple[VisitRow, TicketRow] | None:
    """The visit being called or served at a channel, with its ticket."""
    # No ORDER BY: SQLite would then walk the (channel, called_at) index through the whole day.
    rows = await sql.all(
        f"SELECT {VISIT_COLUMNS}, {TICKET_COLUMNS} FROM visits v JOIN tickets t ON t.id = v.ticket_id "
        "WHERE v.channel = :channel AND v.status IN ('called', 'serving')",
        {"channel": channel},
    )
    if not rows:
        return None
    pairs = [(VisitRow.of(r[:13]), TicketRow.of(r[13:])) for r in rows]
    return max(pairs, key=lambda pair: pair[0].called_at or dt.datetime.min)


async def insert_visit(sql: Sql, ticket: TicketRow, phase: str, service: str, rank: int,
                       effective_at: dt.datetime, now: dt.datetime) -> VisitRow:
    visit_id = await sql.scalar(
        "INSERT INTO visits (ticket_id, phase, service, status, rank, effective_at, entered_at, recalls, turn_near_sent) "
        "VALUES (:ticket_id, :phase, :service, 'waiting', :rank, :effective_at, :now, 0, :false) RETURNING id",
        {"ticket_id": ticket.id, "phase": phase, "service": service, "rank": rank, "effective_at": effective_at,
         "now": now, "false": False},
    )
    return VisitRow(visit_id, ticket.id, phase, service, "waiting", None, rank, effective_at, now, None, None, None, 0)


async def update_ticket(sql: Sql, ticket: TicketRow, now: dt.datetime, **changes: Any) -> None:
    """Set columns of a ticket (and the same attributes of the row in hand)."""
    for key, value in changes.items():
        if hasattr(ticket, key):
            setattr(ticket, key, value)
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    await sql.run(f"UPDATE tickets SET {sets}, updated_at = :now WHERE id = :id", {**changes, "now": now, "id": ticket.id})


async def update_visit(sql: Sql, visit: VisitRow, **changes: Any) -> None:
    for key, value in changes.items():
        if hasattr(visit, key):
            setattr(visit, key, value)
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    await sql.run(f"UPDATE visits SET {sets} WHERE id = :id", {**changes, "id": visit.id})
