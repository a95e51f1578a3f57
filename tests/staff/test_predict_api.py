"""/api/predict answers with the queue's own ordering: the position it gives is the one the
queue then gives the number taken, at every level (head start included)."""
from __future__ import annotations

import datetime as dt

import aiohttp

from tests.staff.conftest import MONDAY_8AM

LEVEL_CONDITIONS = {0: ["darurat"], 1: ["hamil"], 2: ["alergi"], 3: []}
WAITING = [(0, "A", [], 30), (5, "B", ["alergi"], 30), (10, "A", ["hamil"], 30), (15, "A", [], 70),
           (30, "B", [], 30), (40, "A", ["tbc"], 30), (50, "A", ["darurat"], 30), (60, "A", [], 30)]


async def test_predict_position_is_the_position_of_the_number_then_taken(clinic, clinic_clock):
    queue = clinic.services.queue
    for minutes, service, conditions, age in WAITING:
        clinic_clock.now = MONDAY_8AM + dt.timedelta(minutes=minutes)
        await queue.issue(service=service, user_id=None, conditions=conditions, age=age)
    clinic_clock.now = MONDAY_8AM + dt.timedelta(minutes=70)
    positions = {}
    async with aiohttp.ClientSession(clinic.web_url) as http:
        for level, conditions in LEVEL_CONDITIONS.items():
            async with http.post("/api/predict", json={"service": "A", "conditions": conditions, "age": 30}) as resp:
                assert resp.status == 200
                pred = await resp.json()
            view = await queue.issue(service="A", user_id=None, conditions=conditions, age=30)
            assert (pred["level"], pred["phase"], pred["open_now"]) == (view.level, "loket", True)
            assert pred["position"] == view.position, f"level {level}"
            assert pred["estimate_minutes"] == round(view.estimate_minutes, 1)
            positions[level] = view.position
            await queue.cancel(view.id)
    # a level-1 number taken at 09:10 counts as 08:25: behind the level-3 ticket of 08:00 and
    # the level-2 ones of 08:05 and 08:40, which a strict order by level would put it ahead of
    assert positions == {0: 2, 1: 7, 2: 8, 3: 9}
