"""/tutup: an admin closes a poli for a day from the chat and opens it again; the queue refuses
and then accepts numbers at once, and every change is audited."""
from __future__ import annotations

import datetime as dt

import pytest

from queue_core import errors
from tests.staff.conftest import audit_rows


async def test_an_admin_closes_a_poli_for_today_and_opens_it_again(clinic, admin, nurse):
    q = clinic.services
    await q.queue.issue(service="B", user_id=None)  # someone already holds a number today
    await nurse.send("/tutup hariini B pelatihan")
    assert "hanya untuk admin" in (await nurse.next_message())["text"]

    await admin.send("/tutup hariini B dokter gigi pelatihan")
    confirm = await admin.next_message(contains="Tutup Poli Gigi")
    assert "dokter gigi pelatihan" in confirm["text"]
    assert "1 pasien sudah memegang nomor" in confirm["text"], "the numbers already given are named, and kept"
    assert (await q.queue.issue(service="B", user_id=None)).service == "B", "nothing closes before the confirmation"
    await admin.press("Ya, tutup", message=confirm)
    done = (await admin.next_event("edit"))["message"]["text"]
    assert "Ditutup (#1)" in done
    with pytest.raises(errors.QueueError) as refused:
        await q.queue.issue(service="B", user_id=None)
    assert refused.value.code == "service_closed"
    assert (await q.queue.issue(service="A", user_id=None)).service == "A", "the other polis stay open"

    await admin.send("/tutup")
    listing = await admin.next_message(contains="Hari tutup yang akan datang")
    assert "Poli Gigi (dokter gigi pelatihan)" in listing["text"]
    await admin.press("Buka lagi #1", message=listing)
    assert "Dibuka lagi: Poli Gigi" in (await admin.next_event("edit"))["message"]["text"]
    assert (await q.queue.issue(service="B", user_id=None)).service == "B"
    rows = [r for r in await audit_rows(q) if r.action.startswith("clinic_closure")]
    assert [r.action for r in rows] == ["clinic_closure_create", "clinic_closure_delete"]
    assert rows[0].detail["after"]["reason"] == "dokter gigi pelatihan" and rows[0].detail["via"] == "chat"


@pytest.mark.parametrize("words", ["/tutup besok", "/tutup kemarin B cuti", "/tutup 2026-13-40 B cuti"])
async def test_a_closure_it_cannot_understand_gets_the_usage(clinic, admin, words):
    await admin.send(words)
    assert "Cara menutup: /tutup" in (await admin.next_message())["text"]


async def test_a_date_in_the_past_is_refused(clinic, admin):
    yesterday = clinic.services.clock().date() - dt.timedelta(days=1)
    await admin.send(f"/tutup {yesterday:%d-%m-%Y} pelatihan")
    assert "sudah lewat" in (await admin.next_message())["text"]
