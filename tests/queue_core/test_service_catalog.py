"""The services catalog on SQLite and PostgreSQL: config seeds an empty table once, a change reaches
the queue through `on_change`, a service holding numbers is refused with the count, and a move
keeps every number, its order and place, with a notice to each holder."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from queue_core import errors
from queue_core.models import Outbox
from queue_core.service import QueueService
from queue_core.service_catalog import ServiceCatalog, with_services
from queue_core.service_moves import ServiceInUse

BY = {"actor_id": 1, "via": "test"}
LANSIA = {"code": "E", "name": "Poli Lansia", "route": ["loket", "poli", "apotek"], "daily_quota": 30}


@pytest.fixture
async def live(db, settings, clock):
    queue = QueueService(db, settings, clock)

    async def apply(active):
        queue.settings = with_services(queue.settings, active)
        await queue.ensure_channels()

    catalog = ServiceCatalog(db, clock, lambda: queue.settings, apply)
    loaded, seeded = await catalog.load(settings.services)
    assert seeded == 4 and list(loaded) == ["A", "B", "C", "D"]
    assert await catalog.load(settings.services) == (loaded, 0), "seeded once"
    await apply(loaded)
    return queue, catalog


async def test_a_move_keeps_every_number_in_order(db, clock, live):
    queue, catalog = live
    await catalog.create(LANSIA, BY)
    taken = []
    for user in (501, 502, 503):
        taken.append(await queue.issue(service="E", user_id=user))
        clock.advance(minutes=1)
    later = await queue.issue(service="A", user_id=504)
    for _ in range(4):  # through the loket: E's three reach their poli before A's one
        clock.advance(minutes=1)
        await queue.call_next("Loket 1")
        await queue.finish("Loket 1")
    with pytest.raises(ServiceInUse) as refused:
        await catalog.delete("E", BY)
    assert refused.value.count == 3 and "E" in queue.settings.services
    gone = await catalog.delete("E", BY, move_to="A")
    assert gone["moved"] == ["E-001", "E-002", "E-003"] and "E" not in queue.settings.services
    views = [await queue.view(t.id) for t in (*taken, later)]
    assert [(v.number, v.service, v.phase, v.position) for v in views] == [
        ("E-001", "A", "poli", 1), ("E-002", "A", "poli", 2), ("E-003", "A", "poli", 3), ("A-001", "A", "poli", 4)]

    async def notices(session):
        rows = await session.scalars(select(Outbox).where(Outbox.kind == "transferred").order_by(Outbox.id))
        return [(n.chat_id, n.payload["number"], n.payload["position"]) for n in rows]

    assert await db.run(notices) == [(501, "E-001", 1), (502, "E-002", 2), (503, "E-003", 3)]
    assert (await queue.issue(service="A", user_id=None)).number == "A-002", "A's numbers go on unharmed"


async def test_a_smaller_quota_keeps_the_numbers_given(live):
    queue, catalog = live
    given = [await queue.issue(service="B", user_id=None) for _ in range(3)]
    await catalog.update("B", {"daily_quota": 1}, BY)
    assert [(await queue.view(t.id)).status for t in given] == ["waiting"] * 3
    with pytest.raises(errors.QuotaFull):
        await queue.issue(service="B", user_id=None)
