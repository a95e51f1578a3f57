"""Figures for the admin's /stats over a period: tickets per service and day, waits, and the share
of patients called into the poli within 60 minutes of taking a number (Kepmenkes 129/2008)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from .models import Ticket, Visit

MAX_DAYS = 92  # a quarter: what one chart can still show


@dataclass
class ServiceDay:
    tickets: int = 0
    to_poli_minutes: list[float] = field(default_factory=list)  # ticket taken -> called into the poli
    poli_waiting_still: int = 0  # not (yet) called into the poli, not cancelled

    @property
    def within_60(self) -> int:
        return sum(1 for m in self.to_poli_minutes if m <= 60)


@dataclass(frozen=True)
class PeriodStats:
    start: dt.date
    end: dt.date
    cells: dict[tuple[dt.date, str], ServiceDay]  # (day, service) -> figures
    waits_minutes: list[float]  # every phase: entered -> called

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def tickets(self) -> int:
        return sum(c.tickets for c in self.cells.values())

    def tickets_per_service(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for (_, service), c in self.cells.items():
            out[service] += c.tickets
        return dict(out)

    def tickets_per_day(self) -> dict[dt.date, int]:
        out = {self.start + dt.timedelta(days=i): 0 for i in range(self.days)}
        for (day, _), c in self.cells.items():
            out[day] += c.tickets
        return out

    @property
    def share_within_60(self) -> float | None:
        """Of the patients who reached (or still wait for) the poli, the share called within 60 min."""
        n = sum(len(c.to_poli_minutes) + c.poli_waiting_still for c in self.cells.values())
        if n == 0:
            return None
        return sum(c.within_60 for c in self.cells.values()) / n

    def csv(self) -> str:
        """One row per day and service: what a spreadsheet or the district report needs."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["tanggal", "layanan", "nomor", "dipanggil_ke_poli", "dalam_60_menit",
                         "masih_menunggu", "median_menit_ke_poli"])
        for (day, service), c in sorted(self.cells.items()):
            median = round(statistics.median(c.to_poli_minutes), 1) if c.to_poli_minutes else ""
            writer.writerow([day.isoformat(), service, c.tickets, len(c.to_poli_minutes), c.within_60,
                             c.poli_waiting_still, median])
        return out.getvalue()


async def period_stats(db: Database, start: dt.date, end: dt.date) -> PeriodStats:
    if end < start:
        raise ValueError("end before start")

    async def fn(session: AsyncSession) -> PeriodStats:
        cells: dict[tuple[dt.date, str], ServiceDay] = defaultdict(ServiceDay)
        for day, service, n in (await session.execute(
                select(Ticket.day, Ticket.service, func.count()).where(Ticket.day.between(start, end))
                .group_by(Ticket.day, Ticket.service))).all():
            cells[(day, service)].tickets = n
        rows = (await session.execute(
            select(Ticket.day, Ticket.service, Ticket.created_at, Ticket.status, Visit.phase, Visit.entered_at,
                   Visit.called_at)
            .join(Visit, Visit.ticket_id == Ticket.id).where(Ticket.day.between(start, end)))).all()
        waits = []
        for day, service, created, status, phase, entered, called in rows:
            cell = cells[(day, service)]
            if called is not None:
                waits.append((called - entered).total_seconds() / 60)
                if phase == "poli":
                    cell.to_poli_minutes.append((called - created).total_seconds() / 60)
            elif phase == "poli" and status != "cancelled":
                cell.poli_waiting_still += 1
        return PeriodStats(start, end, dict(cells), waits)

    return await db.run(fn)
