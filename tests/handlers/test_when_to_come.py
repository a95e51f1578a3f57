"""When to come, over the local Bot API: the ticket's "Datang jam" is the queue's advice, a new
clinic advises from the configured durations, and a patient with a 30-minute trip is told to leave
before they are told their turn is near."""
from __future__ import annotations

import datetime as dt
import re

from tests.e2e.harness import outbox_settled

from .helpers import register_typed, start_system
from .test_journey import _take_ticket

ADVICE = re.compile(r"Datang jam (\d\d:\d\d) \(perkiraan dipanggil (\d\d:\d\d)-(\d\d:\d\d)\)")


def said(text: str) -> tuple[str, str, str]:
    found = ADVICE.search(text)
    assert found, text
    return found.groups()


def told(advice) -> tuple[str, str, str]:
    return f"{advice.come_at:%H:%M}", f"{advice.called_from:%H:%M}", f"{advice.called_to:%H:%M}"


async def serve(queue, n: int) -> None:
    for i in range(n):
        counter = ("Loket 1", "Loket 2")[i % 2]
        await queue.call_next(counter)
        await queue.finish(counter)


async def test_the_ticket_and_status_say_the_advice_of_the_public_function(start_pusque):
    system = await start_system(start_pusque)
    services = system.application.bot_data["services"]
    for _ in range(30):
        await services.queue.issue(service="A", user_id=None)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await _take_ticket(siti)
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-031")
    view = (await services.queue.tickets_of_user(siti.id))[0]
    advice = await services.queue.advice(view.id)  # the clock has not moved: the same queue, the same advice
    assert advice.source == "config"  # a new clinic: no model, the configured durations
    assert said(ticket["caption"]) == told(advice)
    assert advice.come_at > system.clock.now()
    await siti.send("/status")
    status = await siti.next_message(contains="orang di depan")
    assert said(status["text"]) == told(advice)
    assert "belum tersedia" not in ticket["caption"] + status["text"]  # never "no estimate" for a new clinic
    leave = advice.come_at - dt.timedelta(minutes=15)  # the default trip
    assert f"sekitar jam {leave:%H:%M}" in ticket["caption"]
    buttons = [b["text"] for row in ticket["reply_markup"]["inline_keyboard"] for b in row]
    assert ["🚶 5 mnt", "🚶 15 mnt", "🚶 30 mnt", "🚶 60 mnt"] == [b for b in buttons if b.startswith("🚶")]
    # someone else's press on Siti's ticket changes nothing
    budi = await system.user(first_name="Budi")
    await budi.send("/start")
    welcome = await budi.next_message()
    await budi.press_forged(welcome["message_id"], f"tr:{view.id}:60")
    await budi.next_message(contains="sudah tidak berlaku")
    assert await services.queue.trip_of_ticket(view.id) == 15


async def test_a_30_minute_trip_is_told_to_leave_before_the_turn_near(start_pusque):
    system = await start_system(start_pusque, leave_watch_seconds=0.2)
    services = system.application.bot_data["services"]
    queue = services.queue
    for _ in range(30):
        await queue.issue(service="A", user_id=None)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    await _take_ticket(siti)
    ticket = await siti.next_message(contains="Nomor antrean Anda: A-031")
    await siti.press("🚶 30 mnt", message=ticket)
    saved = await siti.next_message(contains="Lama perjalanan")
    assert "30 menit" in saved["text"]
    view = (await queue.tickets_of_user(siti.id))[0]
    leave_at = re.search(r"sekitar jam (\d\d:\d\d)", saved["text"]).group(1)
    advice = await queue.advice(view.id)
    assert leave_at == f"{advice.come_at - dt.timedelta(minutes=30):%H:%M}"
    # nothing yet: every notice written so far is sent, then a probe in the chat
    await outbox_settled(services)
    await siti.nothing_before(siti.send("/status"), "orang di depan", unwanted="Saatnya berangkat ke puskesmas")
    # the loket works at its configured pace (two counters, 3 minutes a patient)
    system.clock.advance(minutes=6)
    await serve(queue, 5)
    leave = await siti.next_message(contains="Saatnya berangkat ke puskesmas")
    assert "A-031" in leave["text"] and "Perjalanan Anda ±30 menit" in leave["text"]
    assert said(leave["text"])  # with the time to be here and the range
    system.clock.advance(minutes=9)
    await serve(queue, 6)
    near = await siti.next_message(contains="Giliran Anda sudah dekat")
    assert near["message_id"] > leave["message_id"]
    leaves = [m for m in siti.messages.values() if "Saatnya berangkat ke puskesmas" in (m.get("text") or "")]
    assert len(leaves) == 1
