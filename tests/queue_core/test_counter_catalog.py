"""The counters catalog on SQLite and PostgreSQL: config.yaml's channels seed the table once (then
the database wins, a deleted one stays deleted), a change reaches the queue through `on_change`, a
counter serving "*" serves a service added later, an inactive one serves nobody, a renamed one keeps
its called patient, and one with a called patient leaves only by handing them over."""
from __future__ import annotations

import pytest

from queue_core import errors
from queue_core.clinic_checks import BadFields
from queue_core.counter_catalog import CounterCatalog, CounterInUse, counter_seed, with_counters
from queue_core.service import QueueService

from .helpers import outbox

BY = {"actor_id": 1, "via": "test"}


@pytest.fixture
async def live(db, settings, clock):
    queue = QueueService(db, settings, clock)

    async def apply(active):
        queue.settings = with_counters(queue.settings, active)
        await queue.ensure_channels()

    catalog = CounterCatalog(db, clock, lambda: queue.settings, apply)
    loaded, seeded = await catalog.load(counter_seed(settings))
    assert seeded == 3 and [c.name for c in loaded] == ["Loket 1", "Loket 2", "Apotek"]
    await apply(loaded)
    return queue, catalog


def names(queue) -> list[str]:
    return [c.name for c in queue.settings.channels if c.room_of is None]


async def test_seeded_once_then_the_database_wins(live, settings):
    queue, catalog = live
    loket2 = next(c for c in await catalog.counters() if c["name"] == "Loket 2")
    await catalog.delete(loket2["id"], BY)
    loaded, seeded = await catalog.load(counter_seed(settings))
    assert seeded == 0 and [c.name for c in loaded] == ["Loket 1", "Apotek"], "not seeded again"
    assert names(queue) == ["Loket 1", "Apotek"]
    with pytest.raises(errors.UnknownChannel):
        await queue.call_next("Loket 2")


async def test_every_service_counters_serve_a_new_service_and_inactive_ones_nobody(live):
    queue, catalog = live
    made = await catalog.create({"name": "Loket Lansia", "phase": "loket", "services": ["C"]}, BY)
    assert queue.settings.channel("Loket Lansia").services == frozenset({"C"})
    assert queue.settings.channel("Loket 1").services == frozenset(queue.settings.services)
    c1 = await queue.issue(service="C", user_id=None)
    await catalog.update(made["id"], {"active": False}, BY)  # Loket 1 and 2 serve C too: nothing left behind
    assert "Loket Lansia" not in names(queue)
    assert (await queue.call_next("Loket 1")).number == c1.number
    await catalog.update(made["id"], {"active": True}, BY)
    assert "Loket Lansia" in names(queue)


async def test_a_renamed_counter_keeps_its_called_patient(live):
    queue, catalog = live
    a1 = await queue.issue(service="A", user_id=None)
    await queue.call_next("Loket 1")
    loket1 = next(c for c in await catalog.counters() if c["name"] == "Loket 1")
    await catalog.update(loket1["id"], {"name": "Loket Utama"}, BY)
    assert (await queue.current("Loket Utama")).number == a1.number
    await queue.finish("Loket Utama")
    assert (await queue.view(a1.id)).phase == "poli"


async def test_a_called_patient_is_handed_to_a_free_counter_and_told(live, sessionmaker):
    queue, catalog = live
    a1 = await queue.issue(service="A", user_id=71)
    a2 = await queue.issue(service="A", user_id=72)
    await queue.call_next("Loket 1")
    await queue.call_next("Loket 2")
    counters = {c["name"]: c["id"] for c in await catalog.counters()}
    with pytest.raises(CounterInUse) as refused:
        await catalog.delete(counters["Loket 1"], BY)
    assert (refused.value.called, refused.value.waiting, refused.value.services) == (1, 0, [])
    with pytest.raises(BadFields) as busy:
        await catalog.delete(counters["Loket 1"], BY, move_to="Loket 2")
    assert busy.value.problems["move_to"]["code"] == "busy" and busy.value.problems["move_to"]["number"] == a2.number
    await queue.finish("Loket 2")
    gone = await catalog.delete(counters["Loket 1"], BY, move_to="loket 2")
    assert gone["moved"] == [a1.number] and gone["moved_to"] == "Loket 2"
    assert (await queue.current("Loket 2")).number == a1.number
    told = [n.payload for n in await outbox(sessionmaker, "called", chat_id=71)]
    assert told[-1]["channel"] == "Loket 2" and told[-1]["moved_from"] == "Loket 1"
