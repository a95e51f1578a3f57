"""SIGKILL while issuing leaves no half-issued ticket, no duplicate and no gap in the numbering."""
import asyncio
import random
import signal
import sys

import pytest
from sqlalchemy import func, select

from queue_core.models import DailyCounter, Outbox, Ticket, Visit
from tests.deadlines import scaled
from tests.queue_core.drain import rush_config

pytestmark = pytest.mark.slow
KILLS = 6


async def run_and_kill(url: str, config, rng: random.Random) -> list[str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.queue_core.crash_worker", url, str(config),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    printed = [(await asyncio.wait_for(proc.stdout.readline(), scaled(60))).decode().strip()]  # it is issuing now
    await asyncio.sleep(rng.uniform(0.05, 0.8))
    if proc.returncode is not None:  # it died by itself: say why
        _, err = await proc.communicate()
        pytest.fail(f"the worker exited with {proc.returncode} before the kill: {err.decode()[-2000:]}")
    proc.send_signal(signal.SIGKILL)
    rest, _ = await proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    return printed + rest.decode().split()


async def test_sigkill_while_issuing(db_url, db, tmp_path):
    config = rush_config(tmp_path, channels=2, staff_ids=[999], quota=1_000_000)  # ~1,000 issues/s: 5,000 is reached
    rng = random.Random(5)
    printed: list[str] = []
    for _ in range(KILLS):
        printed += await run_and_kill(db_url, config, rng)

    async def facts(session):
        numbers = list(await session.scalars(select(Ticket.number).order_by(Ticket.seq)))
        seqs = list(await session.scalars(select(Ticket.seq).order_by(Ticket.seq)))
        counter = await session.scalar(select(DailyCounter.last_seq))
        visitless = await session.scalar(
            select(func.count()).select_from(Ticket).where(~select(Visit.id).where(Visit.ticket_id == Ticket.id).exists())
        )
        emergencies = await session.scalar(select(func.count()).select_from(Ticket).where(Ticket.level == 0))
        alerts = await session.scalar(select(func.count()).select_from(Outbox).where(Outbox.kind == "staff_emergency"))
        return numbers, seqs, counter, visitless, emergencies, alerts

    numbers, seqs, counter, visitless, emergencies, alerts = await db.run(facts)
    assert len(numbers) == len(set(numbers)), "duplicate ticket number"
    assert seqs == list(range(1, len(seqs) + 1)), "a gap in the numbering"
    assert counter == len(seqs), "the counter moved without a ticket"
    assert visitless == 0, "a half-issued ticket (no queue entry)"
    assert set(printed) <= set(numbers), "a number the patient saw is missing"
    assert len(numbers) - len(printed) <= KILLS, "more unconfirmed tickets than kills"
    assert emergencies > 0 and alerts == emergencies, "an emergency without its staff alert, or the reverse"
