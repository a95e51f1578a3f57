"""What stands in the way of removing a service, and moving its waiting patients to another one.

A service is not deactivated or deleted while it holds an unfinished ticket of today or later:
the admin is told how many, or chooses another service to move them to. The move keeps each
ticket's number, level and place in time (its visit keeps its rank and arrival), so the moved
patients keep their order among themselves and meet the other service's patients by arrival;
each is told by an outbox notice ("transferred", with the new position).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select, update

from .outbox import add_notice, ticket_payload
from .queries import QUEUE_ORDER, scope_services, waiting_in_scope
from .rows import TICKET_COLUMNS, TicketRow
from .rules import Rules
from .tx import Tx, tickets, visits

FINAL = ("done", "cancelled")
MOVABLE = ("waiting", "skipped")  # tickets in a queue, not at a counter


class ServiceInUse(Exception):
    """`count` unfinished tickets hold the service. `reason`: "waiting" (nothing chosen to move
    them to), "in_service" (being called or served now: they finish first), "holds_both" (their
    holders already hold a number of the target service)."""

    def __init__(self, code: str, count: int, reason: str = "waiting") -> None:
        super().__init__(f"service {code}: {count} unfinished tickets ({reason})")
        self.code, self.count, self.reason = code, count, reason


class BadTarget(Exception):
    """The service chosen to move the patients to cannot take them (`why`: a problem code)."""

    def __init__(self, why: str, phase: str | None = None) -> None:
        super().__init__(why)
        self.why, self.phase = why, phase


def unfinished(day: dt.date, code: str):
    return and_(tickets.c.service == code, tickets.c.day >= day, tickets.c.status.not_in(FINAL))


async def count_unfinished(tx: Tx, day: dt.date, code: str) -> int:
    return int(await tx.scalar(select(func.count()).select_from(tickets).where(unfinished(day, code))) or 0)


async def move_waiting(tx: Tx, rules: Rules, code: str, target: str, now: dt.datetime) -> list[str]:
    """Move every unfinished ticket of `code` to `target`'s queue (same phase), each told its new
    place; returns the numbers moved, in the order they were taken. Refuses (nothing changed) when one is at a counter now, when a
    holder already has a number of `target`, or when `target`'s route lacks a ticket's phase."""
    svc = rules.services.get(target)
    if svc is None or target == code:
        raise BadTarget("unknown_service")
    rows = [TicketRow.of(r) for r in await tx.all(tx.locked(
        select(*TICKET_COLUMNS).where(unfinished(now.date(), code)).order_by(tickets.c.id)))]
    busy = [t for t in rows if t.status not in MOVABLE]
    if busy:
        raise ServiceInUse(code, len(busy), "in_service")
    missing = next((t.phase for t in rows if t.phase not in svc.route), None)
    if missing is not None:
        raise BadTarget("route_lacks_phase", missing)
    holders = [t.patient_id for t in rows if t.patient_id is not None]
    if holders:
        both = await tx.scalar(select(func.count()).select_from(tickets).where(
            tickets.c.service == target, tickets.c.patient_id.in_(holders), tickets.c.status.not_in(FINAL)))
        if both:
            raise ServiceInUse(code, int(both), "holds_both")
    ids = [t.id for t in rows]
    # each number stays; its sequence leaves the target's range, where (day, service, seq) is unique
    await tx.run(update(tickets).where(tickets.c.id.in_(ids)).values(
        service=target, route=",".join(svc.route), seq=-tickets.c.id, updated_at=now))
    await tx.run(update(visits).where(visits.c.ticket_id.in_(ids), visits.c.status.in_(MOVABLE)).values(service=target))
    places: dict[int, int] = {}  # ticket id -> its place in the target's queue of its phase, now
    for phase in sorted({t.phase for t in rows}):
        order = await tx.all(select(visits.c.ticket_id).where(
            waiting_in_scope(rules, phase, scope_services(rules, phase, target))).order_by(*QUEUE_ORDER))
        places.update({r[0]: i for i, r in enumerate(order, start=1)})
    for t in sorted(rows, key=lambda t: places.get(t.id, len(places) + t.id)):
        t.service = target
        where = {"position": places[t.id]} if t.id in places else {}  # a skipped one has no place
        await add_notice(tx, t.user_id, "transferred", now, ticket_payload(t, phase=t.phase, moved_from=code, **where),
                         t.id)
    return [t.number for t in rows]
