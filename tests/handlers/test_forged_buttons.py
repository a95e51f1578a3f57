"""Forged or stale inline-button data always gets "button no longer valid" (issue 23, finding 3):
ids out of the database's range, malformed numbers, another flow's step, and a forged
"md:erase" without the confirmation step."""
from __future__ import annotations

import pytest

from handlers.buttondata import button_int

from .helpers import register_typed, start_system

HUGE = "99999999999999999999"  # > 2**63: OverflowError in SQLite before issue 23
STALE = "sudah tidak berlaku"


def test_button_int_takes_plain_digits_in_the_id_range_only():
    assert button_int("42") == 42 and button_int("0", minimum=0) == 0 and button_int(str(2**63 - 1)) == 2**63 - 1
    for bad in (HUGE, str(2**63), "-1", "0", " 7", "1_0", "٣", "", None, "1e3", "+5"):
        assert button_int(bad) is None, bad


@pytest.mark.parametrize("data", [
    f"vw:{HUGE}", f"bt:yes:{HUGE}", f"bt:ask:{HUGE}", f"rj:{HUGE}", f"tk:s:{HUGE}",
    f"tk:c:{HUGE}:A:0", "tk:go:1:A:" + HUGE, "vw:1_0", "bt:yes:-3", "rj:", "tk:x:1", "bt:yes:0",
    f"tr:{HUGE}:30", "tr:1:7", "tr:1:30",  # trip buttons: bad id, not a choice, nobody's ticket
])
async def test_a_forged_press_with_a_bad_id_gets_the_stale_answer_not_an_error(start_pusque, data):
    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await siti.send("/start")
    welcome = await siti.next_message()
    await siti.press_forged(welcome["message_id"], data)
    reply = await siti.next_message(contains=STALE, timeout=10)
    assert "kesalahan" not in reply["text"]
    # no "terjadi kesalahan" after it either: proved by a probe whose reply comes after anything the press made
    await siti.nothing_before(siti.send("/start"), welcome["text"][:20], unwanted="kesalahan")


async def test_a_forged_erase_is_refused_and_only_the_confirmation_erases(start_pusque):
    system = await start_system(start_pusque)
    services = system.application.bot_data["services"]
    siti = await system.user(first_name="Siti")
    saved = await register_typed(siti)
    await siti.press_forged(saved["message_id"], "md:erase")  # no /data, no "delete" step
    await siti.next_message(contains=STALE)
    repo = services.extras["patients"]
    assert len(await repo.patients_of(siti.id)) == 1  # nothing erased
    await siti.send("/data")
    shown = await siti.next_message(contains="SITI AMINAH")
    await siti.press("🗑 Hapus semua data saya", message=shown)
    confirm = await siti.next_message(contains="Yakin hapus")
    await siti.press_forged(shown["message_id"], "md:erase")  # the right data on the wrong message
    await siti.next_message(contains=STALE)
    assert len(await repo.patients_of(siti.id)) == 1
    await siti.send("/data")
    shown = await siti.next_message(contains="SITI AMINAH")
    await siti.press("🗑 Hapus semua data saya", message=shown)
    confirm = await siti.next_message(contains="Yakin hapus")
    await siti.press("Ya, hapus", message=confirm)
    await siti.next_message(contains="dihapus")
    assert await repo.patients_of(siti.id) == []
    await siti.press_forged(confirm["message_id"], "md:erase")  # pressed again: stale
    await siti.next_message(contains=STALE)
