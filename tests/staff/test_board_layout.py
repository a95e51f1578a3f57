"""The waiting-room display as people see it all day, in headless Chromium: it fits the screens
clinics use (every phase's counters and queues inside the screen, nothing covering anything),
its clock is the clinic's (not the browser's time zone), and a board opened after a call shows
the called number at once. Screenshots stay in the test's tmp folder."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.browser import chromium_page, layout, needs_chromium, outside, overlaps, screenshot

pytestmark = needs_chromium
PHASES = {"loket", "poli", "apotek"}


async def busy_morning(q) -> dict[str, str]:
    """Tickets of every service, some through the registration counter and the poli, one at the
    pharmacy; returns the number each channel has called."""
    for code in "ABCDABCDAABCDAABCDAA":
        await q.queue.issue(service=code, user_id=None)
    for _ in range(8):  # eight patients registered, now waiting for their poli
        await q.queue.call_next("Loket 1")
        await q.queue.finish("Loket 1")
    first = await q.queue.call_next("Ruang 1")
    await q.queue.finish("Ruang 1")  # on to the pharmacy
    called = {"Apotek": (await q.queue.call_next("Apotek")).number}
    assert called["Apotek"] == first.number
    for channel in ("Loket 1", "Loket 2", "Ruang 1", "Ruang Gigi", "Ruang KIA"):
        view = await q.queue.call_next(channel)
        called[channel] = view.number
    await q.queue.set_paused("Ruang 2", True)  # a card with its "Sedang istirahat" line
    return called


async def open_board(page, clinic, called: dict[str, str]) -> None:
    from playwright.async_api import expect

    await page.goto(clinic.web_url + "/board")
    await expect(page.locator("#status")).to_have_text("Tersambung")
    for channel, number in called.items():
        await expect(page.locator(f'.channel[data-channel="{channel}"] .number')).to_have_text(number)


@pytest.mark.parametrize("width,height", [(1280, 720), (1366, 768), (1920, 1080)])
async def test_the_board_fits_the_screen(clinic, tmp_path, width, height):
    from playwright.async_api import expect

    called = await busy_morning(clinic.services)
    async with chromium_page(viewport=(width, height)) as page:
        await open_board(page, clinic, called)
        shot = await screenshot(page, tmp_path, f"board-{width}x{height}")
        parts = await layout(page, "#clinic, #clock, #date, #status, #sound, #last, #queues h2, .channel, .queue")
        assert not outside(parts, width, height), f"off the screen ({shot}): {outside(parts, width, height)}"
        assert not overlaps(parts, parts), f"covering each other ({shot}): {overlaps(parts, parts)}"
        scroll = await page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        assert scroll == [width, height], f"the page scrolls ({shot}): {scroll}"
        clipped = await page.eval_on_selector_all(
            ".channel .name, .channel .number, .channel .note, .queue .label, .queue .next, #last",
            "els => els.filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)"
            ".map(e => [e.textContent, e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight])")
        assert not clipped, f"text cut off ({shot}): {clipped}"
        shown = await page.eval_on_selector_all(".channel", "els => els.map(e => e.dataset.phase)")
        queued = await page.eval_on_selector_all(".queue", "els => els.map(e => e.dataset.phase)")
        assert set(shown) == PHASES and set(queued) == PHASES, (shown, queued)
        await expect(page.locator('.channel[data-channel="Ruang 2"] .note')).to_have_text("Sedang istirahat")
        five = await page.locator(".queue .next").first.text_content()
        assert len(five.split()) == 5, f"the next five numbers of the registration queue: {five!r}"


async def test_the_clock_is_the_clinics_not_the_browsers(clinic, tmp_path):
    from playwright.async_api import expect

    assert clinic.services.settings.clinic.timezone == "Asia/Jakarta"
    async with chromium_page(viewport=(1280, 720), timezone_id="America/New_York") as page:
        # 01:00 UTC: Monday 08:00 in Jakarta, still Sunday 20:00 in New York
        await page.clock.set_fixed_time(dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.timezone.utc))
        await page.goto(clinic.web_url + "/board")
        await expect(page.locator("#status")).to_have_text("Tersambung")
        await expect(page.locator("#clock")).to_have_text(re.compile(r"^08[.:]00$"))
        await expect(page.locator("#date")).to_have_text(re.compile(r"Senin.*23"))
        await screenshot(page, tmp_path, "board-clock")
        browser_hour = await page.evaluate("new Date().getHours()")
        assert browser_hour == 20  # the browser's own zone really is another one


async def test_a_board_opened_after_a_call_shows_the_called_number(clinic, tmp_path):
    from playwright.async_api import expect

    q = clinic.services
    a1 = await q.queue.issue(service="A", user_id=None)
    await q.queue.issue(service="A", user_id=None)
    await q.queue.call_next("Loket 1")
    async with chromium_page(viewport=(1280, 720)) as page:
        await page.goto(clinic.web_url + "/board")
        await expect(page.locator('.channel[data-channel="Loket 1"] .number')).to_have_text(a1.number)
        await expect(page.locator("#last")).to_have_text(f"Nomor {a1.number}, silakan ke Loket 1")
        await expect(page.locator("#last")).not_to_have_class(re.compile("idle"))
        await expect(page.locator('.channel[data-channel="Loket 1"]')).to_have_class("channel")  # no flash on load
        await screenshot(page, tmp_path, "board-opened-after-a-call")


def bigger_clinic() -> dict:
    """A board state (routes/board.py's shape) for a clinic with three counters, ten poli rooms,
    two pharmacy windows and ten queues, a long name and another time zone."""
    def channel(name, phase, label, number, paused=False):
        return {"name": name, "phase": phase, "phase_label": label, "number": number, "calls": 1 if number else 0,
                "called_at": "2026-11-23T08:00:00" if number else None, "paused": paused}

    channels = [channel(f"Loket {i}", "loket", "Loket Pendaftaran", f"A-{i:03d}") for i in range(1, 4)]
    channels += [channel(f"Ruang Poli {i}", "poli", "Poli", f"B-{i:03d}" if i % 3 else None, paused=i == 4)
                 for i in range(1, 11)]
    channels += [channel(f"Apotek {i}", "apotek", "Apotek", f"C-12{i}") for i in range(1, 3)]
    queues = [{"phase": "loket", "services": ["A"], "label": "Loket Pendaftaran", "waiting": 42,
               "next": ["A-101", "B-102", "C-103", "D-104", "E-105"]}]
    queues += [{"phase": "poli", "services": [c], "label": f"Poli Layanan Panjang Sekali {c}", "waiting": 5,
                "next": [f"{c}-00{i}" for i in range(1, 6)]} for c in "ABCDEFGH"]
    queues += [{"phase": "apotek", "services": ["A"], "label": "Apotek", "waiting": 1, "next": ["A-001"]}]
    return {"clinic": "Puskesmas Kecamatan Sumbersari Kota Malang", "timezone": "Asia/Makassar",
            "channels": channels, "queues": queues}


async def test_a_bigger_clinic_still_fits_on_one_screen(tmp_path):
    """The page alone (served by the browser's router): more channels than columns and more
    queues than fit at full size still leave every card and every queue on the screen."""
    import json
    from pathlib import Path

    from playwright.async_api import expect

    import routes.board

    html = Path(routes.board.PAGE).read_text(encoding="utf-8")
    state = bigger_clinic()
    stream = "retry: 600000\ndata: " + json.dumps(state) + "\n\n"
    async with chromium_page(viewport=(1280, 720)) as page:
        await page.route("http://board.test/board", lambda r: r.fulfill(body=html, content_type="text/html"))
        await page.route("http://board.test/board/events", lambda r: r.fulfill(body=stream, content_type="text/event-stream"))
        await page.goto("http://board.test/board")
        await expect(page.locator(".channel")).to_have_count(15)
        await expect(page.locator(".queue")).to_have_count(10)
        shot = await screenshot(page, tmp_path, "board-bigger-clinic")
        parts = await layout(page, "#clinic, #clock, #date, #sound, #last, #queues h2, .channel, .queue")
        assert not outside(parts, 1280, 720), f"off the screen ({shot}): {outside(parts, 1280, 720)}"
        assert not overlaps(parts, parts), f"covering each other ({shot}): {overlaps(parts, parts)}"
        await expect(page.locator(".queue").last).to_be_in_viewport(ratio=1)
