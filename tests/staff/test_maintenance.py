"""End of day: close the day, export the history, retrain; /retrain for admins only."""
from __future__ import annotations

import csv

from bot.maintenance import end_of_day
from tests.deadlines import STEP, until
from tests.staff.conftest import audit_rows


async def wait_for_predictor(services, timeout: float = STEP) -> None:
    await until(lambda: services.predictor is not None, timeout, what="the predictor loaded")


async def test_end_of_day_closes_open_tickets_and_exports_history(clinic):
    services = clinic.services
    moved_on = await services.queue.issue(service="A", user_id=None)
    open_ticket = await services.queue.issue(service="A", user_id=None)
    await services.queue.call_next("Loket 1")
    await services.queue.finish("Loket 1")  # now waiting for the poli
    report = await end_of_day(services)
    assert report.closed == 2
    assert (await services.queue.view(open_ticket.id)).status == "cancelled"
    assert (await services.queue.view(moved_on.id)).status == "cancelled"
    path = services.settings.resolve(services.settings.model_dir).parent / "history.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {(r["ticket"], r["phase"], r["outcome"]) for r in rows} == {
        (moved_on.number, "loket", "done"), (moved_on.number, "poli", "cancelled"),
        (open_ticket.number, "loket", "cancelled")}


async def test_retrain_is_for_admins_and_reports_its_verdict(clinic, admin, nurse):
    await wait_for_predictor(clinic.services)
    await nurse.send("/retrain")
    assert "hanya untuk" in (await nurse.next_message())["text"]
    await admin.send("/retrain")
    assert "Melatih ulang" in (await admin.next_message())["text"]
    verdict = (await admin.next_message(timeout=60))["text"]
    assert "Model tetap" in verdict and "need at least" in verdict  # one day of history is not enough
    actions = [(a.action, a.allowed) for a in await audit_rows(clinic.services, "retrain")]
    assert actions == [("retrain", False), ("retrain", True)]
