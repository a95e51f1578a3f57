"""The database busy or briefly unreachable, under the real bot (issue 9): patients take tickets
and staff call while (SQLite) another process holds the write lock, or (PostgreSQL) every
connection is killed with pg_terminate_backend. Everything completes afterwards, nothing is lost
or doubled, and the trouble shows in the log and in /metrics.

Behaviour only, through the bot and QueueService: not how storage/db.py waits or retries.
"""
from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import sys

import aiohttp
import pytest
from sqlalchemy import select

from queue_core.clock import ManualClock
from queue_core.models import Outbox, Ticket
from queue_core.patients import PatientRepository
from tests.deadlines import until
from tests.e2e.harness import *  # noqa: F401,F403
from tests.handlers.helpers import FAST, MONDAY_8AM, factory

PATIENTS = 6
WALK_INS = 2
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")  # the write lock, as a backup or another worker would hold it
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


async def metrics(system) -> dict[str, float]:
    async with aiohttp.ClientSession() as http, http.get(f"{system.web_url}/metrics") as resp:
        text = await resp.text()
    out: dict[str, float] = {}
    for line in text.splitlines():
        m = re.match(r"^(pusque_db_\w+)(\{[^}]*\})? (\S+)$", line)
        if m:
            out[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return out


async def at_the_checklist(system, services) -> list:
    """Registered patients (stored directly: registration is tested elsewhere) who have chosen
    Poli Umum and look at the conditions checklist, one tap from a ticket."""
    repo = PatientRepository(services.db, services.clock)
    users = []
    for i in range(PATIENTS):
        user = await system.user(first_name=f"Pasien {i}")
        await repo.touch_user(user.id, user.id, user.first_name)
        await repo.add(user.id, relation="self", name=f"PASIEN {i}", nik=f"35071245099{i:05d}")
        await user.send("🎫 Ambil antrean")
        await user.next_message(contains="Pilih poli")
        await user.press("Poli Umum")
        await user.wait_for(lambda e: e["kind"] == "edit" and "Centang" in (e["message"].get("text") or ""))
        users.append(user)
    return users


async def tickets_and_notices(services):
    async def fn(session):
        tickets = list(await session.execute(select(Ticket.user_id, Ticket.number)))
        notices = list(await session.execute(select(Outbox.chat_id, Outbox.kind, Outbox.status)))
        return tickets, notices

    return await services.db.run(fn)


async def check_nothing_lost(services, users, walk_ins, called):
    """Every patient got one ticket message, every ticket is in the database once, every call
    was of a walk-in in order, and every notice owed was sent."""
    for user in users:
        ticket = await user.next_message(contains="Nomor antrean Anda")
        assert ticket.get("photo")
    tickets, _ = await tickets_and_notices(services)
    numbers = [n for _, n in tickets]
    assert len(numbers) == len(set(numbers)) == PATIENTS + WALK_INS
    assert sorted(uid for uid, _ in tickets if uid is not None) == sorted(u.id for u in users)
    assert [v.number for v in called] == [w.number for w in walk_ins]

    async def all_sent():
        _, notices = await tickets_and_notices(services)
        return notices and all(status == "sent" for _, _, status in notices)

    await until(all_sent, what="every notice sent")
    _, notices = await tickets_and_notices(services)
    issued = sorted(chat for chat, kind, _ in notices if kind == "issued")
    assert issued == sorted(u.id for u in users)  # one ticket message each, none doubled
    for user in users:
        shown = [m for m in user.messages.values() if "Nomor antrean Anda" in (m.get("caption") or "")]
        assert len(shown) == 1
        assert not [m for m in user.messages.values() if "terjadi kesalahan" in (m.get("text") or "")]


async def start(start_pusque, **overrides):
    system = await start_pusque(services_factory=factory(ManualClock(MONDAY_8AM)), botapi_options=FAST, **overrides)
    services = system.application.bot_data["services"]
    walk_ins = [await services.queue.issue(service="A", user_id=None) for _ in range(WALK_INS)]
    return system, services, walk_ins


async def test_sqlite_write_lock_held_by_another_process(start_pusque, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    system, services, walk_ins = await start(start_pusque)
    users = await at_the_checklist(system, services)
    path = system.pusque.settings.database_url.split("///", 1)[1]
    # the holder is read without blocking the event loop: the bot may be inside a transaction
    # that must finish before the holder can take the lock
    holder = await asyncio.create_subprocess_exec(sys.executable, "-c", HOLDER, path,
                                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert (await holder.stdout.readline()).strip() == b"locked"
        for user in users:  # every patient taps "Ambil nomor" while the lock is held
            await user.press("🎫 Ambil nomor")
        calls = [asyncio.create_task(services.queue.call_next(f"Loket {i + 1}")) for i in range(WALK_INS)]
        # the outage: a few seconds, and at least until the bot has met the lock (not a guess
        # of how long the presses take to get there on this machine)
        outage = asyncio.get_running_loop().time() + 3
        await until(lambda: services.db.retries >= 1, what="the bot meeting the lock")
        await asyncio.sleep(max(0.0, outage - asyncio.get_running_loop().time()))
        assert not any(c.done() for c in calls)  # nothing could commit meanwhile
        holder.stdin.write(b"\n")
        await holder.stdin.drain()
        assert (await holder.stdout.readline()).strip() == b"released"
        called = sorted(await asyncio.gather(*calls), key=lambda v: v.number)
    finally:
        if holder.returncode is None:
            holder.kill()
        await holder.wait()
    await check_nothing_lost(services, users, walk_ins, called)
    seen = await metrics(system)
    # SQLite waits only 20 ms for a lock, then the transaction is retried without blocking the bot
    assert seen["pusque_db_retries_total"] >= 1
    assert any("database busy" in r.getMessage() for r in caplog.records)
    assert not system.application.bot_data.get("unhandled_errors")


@pytest.mark.postgres
async def test_postgres_connections_killed_during_operations(start_pusque, pg_database, caplog):
    import asyncpg

    from tests.conftest import _truncate_pg

    caplog.set_level(logging.WARNING)
    await _truncate_pg(pg_database)
    system, services, walk_ins = await start(start_pusque, database_url=pg_database)
    users = await at_the_checklist(system, services)
    dsn = pg_database.replace("postgresql+asyncpg", "postgresql")
    admin, locker = await asyncpg.connect(dsn), await asyncpg.connect(dsn)
    try:
        # hold Loket 1's row so the staff call is inside a transaction when its connection dies
        lock = locker.transaction()
        await lock.start()
        await locker.execute("SELECT name FROM channel_states WHERE name = 'Loket 1' FOR UPDATE")
        call = asyncio.create_task(services.queue.call_next("Loket 1"))

        async def blocked():
            return await admin.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                        "AND wait_event_type = 'Lock'")

        await until(blocked, what="the staff call waiting on the row lock")
        presses = [asyncio.create_task(user.press("🎫 Ambil nomor")) for user in users]
        killed = 0
        for _ in range(3):  # kill every other connection, three times, while patients take tickets
            killed += await admin.fetchval(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), $1)", locker.get_server_pid())
            await asyncio.sleep(0.3)
        await asyncio.gather(*presses)
        await until(blocked, what="the staff call retried and waiting again")
        await lock.commit()
        first = await call
        second = await services.queue.call_next("Loket 2")
    finally:
        await admin.close()
        await locker.close()
    assert killed >= 1
    await check_nothing_lost(services, users, walk_ins, [first, second])
    seen = await metrics(system)
    assert seen["pusque_db_retries_total"] >= 1  # the killed call, retried
    assert sum(v for k, v in seen.items() if k.startswith("pusque_db_errors_total")) >= 1
    assert any("database error" in r.getMessage() for r in caplog.records)
    assert not system.application.bot_data.get("unhandled_errors")
