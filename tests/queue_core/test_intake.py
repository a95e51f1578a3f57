"""The rules a patient meets before a number is taken, asked of the queue itself: which services
give out numbers now, and where a number taken now would stand (the real ordering policy)."""
import datetime as dt

import pytest

from queue_core import errors
from queue_core.service import QueueService

LEVEL_CONDITIONS = {0: ["darurat"], 1: ["hamil"], 2: ["alergi"], 3: []}
# (minutes after 08:00, service, conditions, age): the shared loket queue, every level, various ages
WAITING = [(0, "A", [], 30), (5, "B", ["alergi"], 30), (10, "A", ["hamil"], 30), (15, "A", [], 70),
           (30, "B", [], 30), (40, "A", ["tbc"], 30), (50, "A", ["darurat"], 30), (60, "A", [], 30)]


@pytest.fixture
async def qs(db, settings, clock):
    service = QueueService(db, settings, clock)
    await service.ensure_channels()
    return service


async def fill(qs, clock, start: dt.datetime) -> list:
    views = []
    for i, (minutes, service, conditions, age) in enumerate(WAITING):
        clock.set(start + dt.timedelta(minutes=minutes))
        views.append(await qs.issue(service=service, user_id=100 + i, conditions=conditions, age=age))
    return views


async def test_preview_gives_the_position_the_queue_then_gives_for_every_level(qs, clock):
    start = clock.now()
    await fill(qs, clock, start)
    clock.set(start + dt.timedelta(minutes=70))
    strict_ahead = {level: sum(1 for _, _, c, a in WAITING if _level(qs, c, a) <= level) for level in (1, 2)}
    for level, conditions in LEVEL_CONDITIONS.items():
        preview = await qs.preview("A", conditions, age=30)
        view = await qs.issue(service="A", user_id=level, conditions=conditions, age=30)
        assert (preview.level, preview.phase) == (view.level, view.phase) == (level, "loket")
        assert preview.position == view.position, f"level {level}"
        assert preview.estimate_minutes == pytest.approx(view.estimate_minutes)
        if level in strict_ahead:  # the head start puts them behind tickets a strict order would not
            assert preview.position > strict_ahead[level] + 1
        await qs.cancel(view.id)
    # later, with the head of the queue called and the numbers taken one after another
    clock.advance(minutes=25)
    await qs.call_next("Loket 1")
    for level, conditions in sorted(LEVEL_CONDITIONS.items(), reverse=True):
        preview = await qs.preview("A", conditions, age=None)
        view = await qs.issue(service="A", user_id=10 + level, conditions=conditions)
        assert preview.position == view.position, f"level {level}"


def _level(qs, conditions, age):
    from queue_core.policy import derive_conditions, level_for

    return level_for(derive_conditions(conditions, age, qs.settings.conditions), qs.settings.conditions)


async def test_preview_of_an_empty_queue_and_of_a_later_phase_service(qs):
    preview = await qs.preview("B", [], age=72)
    assert (preview.position, preview.level, preview.conditions) == (1, 1, ("lansia",))
    assert preview.availability.open and preview.estimate_minutes is not None
    with pytest.raises(errors.UnknownService):
        await qs.preview("Z")
    with pytest.raises(ValueError, match="unknown condition"):
        await qs.preview("A", ["pusing"])


async def test_availability_says_what_issue_then_does(qs, clock, settings):
    async def agree(moment: dt.datetime) -> dict:
        clock.set(moment)
        states = await qs.availability()
        assert list(states) == list(settings.services)
        for code, state in states.items():
            try:
                view = await qs.issue(service=code, user_id=1)
            except (errors.ServiceClosed, errors.QuotaFull) as exc:
                assert not state.open, code
                assert exc.code == ("quota_full" if state.reason == "full" else "service_closed")
            else:
                assert state.open, code
                await qs.cancel(view.id)
        return states

    early = await agree(dt.datetime(2026, 11, 23, 6, 30))
    assert {s.reason for s in early.values()} == {"hours"} and early["A"].hours_today != "-"
    saturday = await agree(dt.datetime(2026, 11, 28, 8, 0))
    assert saturday["A"].open and saturday["B"].reason == "hours" and saturday["B"].hours_today == "-"
    holiday = await agree(dt.datetime(2026, 12, 25, 8, 0))
    assert {s.reason for s in holiday.values()} == {"holiday"}
    clock.set(dt.datetime(2026, 11, 24, 8, 0))
    quota = settings.services["B"].daily_quota
    for i in range(quota - 1):
        await qs.issue(service="B", user_id=100 + i)
    for _ in range(2):  # each agree() takes and cancels one more B: the cancelled number's place comes back
        tuesday = await agree(dt.datetime(2026, 11, 24, 8, 0))
        assert tuesday["B"].open and tuesday["B"].issued == quota - 1
    await qs.issue(service="B", user_id=999)
    full = await agree(dt.datetime(2026, 11, 24, 8, 5))
    assert full["B"].reason == "full" and full["B"].issued == quota and full["A"].open


async def test_recall_count_and_tickets_of_user(qs):
    a1 = await qs.issue(service="A", user_id=7)
    await qs.call_next("Loket 1")
    assert (await qs.recall("Loket 1")).recalls == 1
    assert (await qs.recall("Loket 1")).recalls == 2
    assert (await qs.current("Loket 1")).recalls == 2
    assert [v.number for v in await qs.tickets_of_user(7)] == [a1.number]
