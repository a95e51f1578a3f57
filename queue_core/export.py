"""The queue's history as the CSV that `python -m predictor train` reads (docs/prediction.md).
The command line is app/export.py."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from storage.db import Database

from .history import history_rows, write_csv


async def export(database_url: str, start: dt.date, end: dt.date, out: Path) -> int:
    db = Database(database_url)
    try:
        rows = await history_rows(db, start, end)
    finally:
        await db.dispose()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        write_csv(rows, fh)
    return len(rows)
