"""python -m app.export --from 2026-10-01 --to 2026-11-23 --out history.csv [--config PATH]

Writes the queue's history in the CSV format `python -m predictor train` reads (docs/prediction.md),
from the database of config.yaml or PUSQUE_DATABASE_URL.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from pathlib import Path

from queue_core.history import history_rows, write_csv
from settings import load_settings
from storage.db import Database


async def export(database_url: str, start: dt.date, end: dt.date, out: Path) -> int:
    """The history of days start..end into `out`; returns the number of rows."""
    db = Database(database_url)
    try:
        rows = await history_rows(db, start, end)
    finally:
        await db.dispose()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        write_csv(rows, fh)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m app.export", description=__doc__.splitlines()[2])
    ap.add_argument("--config")
    ap.add_argument("--from", dest="start", type=dt.date.fromisoformat, required=True)
    ap.add_argument("--to", dest="end", type=dt.date.fromisoformat, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    settings = load_settings(args.config)
    n = asyncio.run(export(settings.database_url, args.start, args.end, args.out))
    print(f"{n} rows written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
