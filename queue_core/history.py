"""Export the queue's history as history.md's CSV."""
from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Iterable

from sqlalchemy import select

from storage.db import Database

from .models import Ticket, Visit

COLUMNS = [
    "date", "ticket", "service", "level", "conditions", "age", "phase", "channel",
    "entered_at", "called_at", "started_at", "finished_at", "outcome",
]
FINISHED = ("done", "skipped", "cancelled")


def _iso(moment: dt.datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def visit_row(ticket: Ticket, visit: Visit) -> dict[str, str]:
    """One CSV row. A skipped visit was never served: no channel, no start. A cancelled one
    records when it left the queue in finished_at, so a replay knows it stopped waiting then."""
    served = visit.status != "skipped" and visit.called_at is not None
    ended = visit.cancelled_at if visit.status == "cancelled" and not visit.finished_at else visit.finished_at
    return {
        "date": ticket.day.isoformat(),
        "ticket": ticket.number,
        "service": visit.service,
        "level": str(ticket.level),
        "conditions": ticket.conditions,
        "age": "" if ticket.age is None else str(ticket.age),
        "phase": visit.phase,
        "channel": (visit.channel or "") if served else "",
        "entered_at": _iso(visit.entered_at),
        "called_at": _iso(visit.called_at),
        "started_at": _iso(visit.started_at or visit.called_at) if served else "",
        "finished_at": _iso(ended),
        "outcome": visit.status,
    }


async def history_rows(db: Database, start: dt.date, end: dt.date) -> list[dict[str, str]]:
    """One row per finished phase visit (done, skipped or cancelled) for days start..end inclusive."""
    async with db.sessionmaker() as session:
        result = await session.execute(
            select(Ticket, Visit)
            .join(Visit, Visit.ticket_id == Ticket.id)
            .where(Ticket.day >= start, Ticket.day <= end, Visit.status.in_(FINISHED))
            .order_by(Ticket.day, Visit.id)
        )
        return [visit_row(t, v) for t, v in result]


def write_csv(rows: Iterable[dict[str, str]], out: io.TextIOBase) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)

