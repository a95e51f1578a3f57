"""Issues tickets as fast as it can, printing each committed number; killed by test_crash.py."""
import asyncio
import itertools
import sys
from pathlib import Path

from queue_core.clock import SystemClock
from queue_core.service import QueueService
from settings import load_settings
from storage.db import Database

CONDITIONS = [[], ["flu"], ["hamil"], ["darurat"], ["tbc"], []]


async def main(url: str, config: Path) -> None:
    settings = load_settings(config, env={})
    db = Database(url)
    qs = QueueService(db, settings, SystemClock(settings.clinic.timezone))
    await qs.ensure_channels()
    for i in itertools.count():
        view = await qs.issue(service="A", user_id=i, conditions=CONDITIONS[i % len(CONDITIONS)])
        print(view.number, flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2])))
