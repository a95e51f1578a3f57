"""The queue history CSV of docs/history.md: one row per ticket per phase visit.

The queue store exports the same format; the simulator writes it; train/evaluate read it.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, TextIO

COLUMNS = (
    "date", "ticket", "service", "level", "conditions", "age", "phase", "channel",
    "entered_at", "called_at", "started_at", "finished_at", "outcome",
)
OUTCOMES = ("done", "skipped", "cancelled")
TIME_FIELDS = ("entered_at", "called_at", "started_at", "finished_at")


class HistoryError(ValueError):
    """A history row is malformed; the message names the line and column."""


@dataclass(frozen=True)
class HistoryRow:
    date: dt.date
    ticket: str
    service: str
    level: int
    conditions: tuple[str, ...]
    age: int | None
    phase: str
    channel: str                   # "" if never served
    entered_at: dt.datetime
    called_at: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None  # for `cancelled`: when it was cancelled, if known
    outcome: str                   # done | skipped | cancelled ("" = not known yet)

    def as_of(self, t: dt.datetime) -> "HistoryRow":
        """The row as it looked at `t`: every field recorded after `t` blanked.

        Used by the no-leakage tests; the replay itself never needs it because it reads only
        times <= t.
        """
        called = self.called_at if self.called_at and self.called_at <= t else None
        started = self.started_at if self.started_at and self.started_at <= t else None
        finished = self.finished_at if self.finished_at and self.finished_at <= t else None
        return replace(
            self,
            called_at=called,
            started_at=started,
            finished_at=finished,
            channel=self.channel if started is not None else "",
            outcome=self.outcome if finished is not None else "",
        )


def _time(text: str, line: int, col: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise HistoryError(f"line {line}: {col}: not an ISO 8601 time: {text!r}") from None


def parse_row(rec: dict[str, str], line: int = 0) -> HistoryRow:
    try:
        day = dt.date.fromisoformat(rec["date"].strip())
    except ValueError:
        raise HistoryError(f"line {line}: date: not YYYY-MM-DD: {rec['date']!r}") from None
    try:
        level = int(rec["level"])
    except ValueError:
        raise HistoryError(f"line {line}: level: not a number: {rec['level']!r}") from None
    age_text = rec["age"].strip()
    try:
        age = int(age_text) if age_text else None
    except ValueError:
        raise HistoryError(f"line {line}: age: not a number: {age_text!r}") from None
    outcome = rec["outcome"].strip()
    if outcome and outcome not in OUTCOMES:
        raise HistoryError(f"line {line}: outcome: must be one of {', '.join(OUTCOMES)}, got {outcome!r}")
    entered = _time(rec["entered_at"], line, "entered_at")
    if entered is None:
        raise HistoryError(f"line {line}: entered_at: is empty")
    conds = rec["conditions"].strip()
    return HistoryRow(
        date=day,
        ticket=rec["ticket"].strip(),
        service=rec["service"].strip(),
        level=level,
        conditions=tuple(conds.split("+")) if conds else (),
        age=age,
        phase=rec["phase"].strip(),
        channel=rec["channel"].strip(),
        entered_at=entered,
        called_at=_time(rec["called_at"], line, "called_at"),
        started_at=_time(rec["started_at"], line, "started_at"),
        finished_at=_time(rec["finished_at"], line, "finished_at"),
        outcome=outcome,
    )


def read_history(source: str | Path | TextIO) -> list[HistoryRow]:
    """Read a history CSV (path or open text file). Raises HistoryError naming the bad line."""
    if isinstance(source, (str, Path)):
        with open(source, newline="", encoding="utf-8") as fh:
            return read_history(fh)
    reader = csv.DictReader(source)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise HistoryError(f"header: missing column(s) {', '.join(missing)}")
    return [parse_row(rec, i) for i, rec in enumerate(reader, start=2)]


def _fmt(t: dt.datetime | None) -> str:
    return t.isoformat(timespec="seconds") if t else ""


def format_row(r: HistoryRow) -> dict[str, str]:
    return {
        "date": r.date.isoformat(),
        "ticket": r.ticket,
        "service": r.service,
        "level": str(r.level),
        "conditions": "+".join(r.conditions),
        "age": "" if r.age is None else str(r.age),
        "phase": r.phase,
        "channel": r.channel,
        "entered_at": _fmt(r.entered_at),
        "called_at": _fmt(r.called_at),
        "started_at": _fmt(r.started_at),
        "finished_at": _fmt(r.finished_at),
        "outcome": r.outcome,
    }


def write_history(rows: Iterable[HistoryRow], target: str | Path | TextIO) -> None:
    """Write rows as a history CSV with the spec's header, in the spec's column order."""
    if isinstance(target, (str, Path)):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", newline="", encoding="utf-8") as fh:
            write_history(rows, fh)
            return
    writer = csv.DictWriter(target, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow(format_row(r))


def days_of(rows: Iterable[HistoryRow]) -> dict[dt.date, list[HistoryRow]]:
    out: dict[dt.date, list[HistoryRow]] = {}
    for r in rows:
        out.setdefault(r.date, []).append(r)
    return dict(sorted(out.items()))
