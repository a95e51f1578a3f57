"""config.yaml's services only fill an empty database; after that the database wins, at every
start-up (the log says which), for a web worker too, and after /reload."""
from __future__ import annotations

import dataclasses
import logging

from bot.services import Services
from tests.deadlines import until
from tests.e2e.harness import make_test_settings
from tests.staff.conftest import MONDAY_8AM

LANSIA = {"code": "E", "name": "Poli Lansia", "route": ["loket", "poli", "apotek"], "daily_quota": 30}
BY = {"actor_id": 1, "via": "test"}


async def test_config_seeds_an_empty_database_then_the_database_wins(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="bot.services")
    settings = make_test_settings(tmp_path)
    first = await Services.create(settings, clock=lambda: MONDAY_8AM)
    try:
        assert "services: the database had none; 4 written from config.yaml" in caplog.text
        assert first.catalog is not None
        await first.catalog.update("B", {"daily_quota": 5}, BY)
        await first.catalog.create(LANSIA, BY)
        assert first.queue is not None and first.queue.settings is first.settings
        assert first.settings.services["B"].daily_quota == 5 and "E" in first.queue.settings.services
    finally:
        await first.close()

    caplog.clear()
    without_a = dataclasses.replace(settings, services={c: s for c, s in settings.services.items() if c != "A"})
    for primary in (True, False):  # the bot, then a web worker beside it
        again = await Services.create(without_a, clock=lambda: MONDAY_8AM, primary=primary)
        try:
            assert list(again.settings.services) == ["A", "B", "C", "D", "E"], "the database's, not the file's"
            assert again.settings.services["B"].daily_quota == 5
            assert {"Ruang 1", "Poli Lansia"} <= {c.name for c in again.settings.channels}
            assert again.queue is not None and again.queue.settings is again.settings
        finally:
            await again.close()
    assert caplog.text.count("services: 5 active from the database") == 2
    assert "written from" not in caplog.text


async def test_a_change_made_in_another_process_is_followed(tmp_path):
    settings = make_test_settings(tmp_path)
    bot = await Services.create(settings, clock=lambda: MONDAY_8AM)
    worker = await Services.create(settings, clock=lambda: MONDAY_8AM, primary=False)
    try:
        assert worker.catalog is not None and bot.catalog is not None
        await worker.catalog.create(LANSIA, BY)  # e.g. POST /api/services answered by a web worker
        assert "E" in worker.settings.services, "the process that made the change: at once"
        await until(lambda: "E" in bot.settings.services, what="the bot follows the worker's change")
        assert bot.queue is not None and (await bot.queue.issue(service="E", user_id=None)).number == "E-001"
    finally:
        await worker.close()
        await bot.close()


async def test_reload_keeps_the_database_services(clinic, admin):
    q = clinic.services
    await q.catalog.create(LANSIA, BY)
    await admin.send("/reload")
    assert "Konfigurasi dimuat ulang: 5 layanan" in (await admin.next_message(contains="dimuat ulang"))["text"]
    assert list(q.settings.services) == ["A", "B", "C", "D", "E"] and q.queue.settings is q.settings
