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

from queue_core.export import export
from settings import load_settings


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
