"""The waiting-room display in a real browser (Playwright driving Debian's Chromium): when staff
call a number from Telegram, the page shows it without a reload."""
from __future__ import annotations

import os
import shutil

import pytest

from tests.deadlines import REPLY, scaled

CHROMIUM = os.environ.get("PUSQUE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _skip_reason() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (requirements-dev.txt)"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM}: run scripts/ci-system-deps.sh as root (apt install chromium)"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


async def test_the_board_shows_a_call_made_by_staff(clinic, nurse):
    from playwright.async_api import async_playwright, expect

    q = clinic.services
    a1 = await q.queue.issue(service="A", user_id=None)
    a2 = await q.queue.issue(service="A", user_id=None)
    expect.set_options(timeout=scaled(REPLY) * 1000)  # ms; a passing check returns at once
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = await browser.new_page()
            page.set_default_timeout(scaled(REPLY) * 1000)
            await page.goto(clinic.web_url + "/board")
            await expect(page.locator("#status")).to_have_text("Tersambung")
            card = page.locator('.channel[data-channel="Loket 1"] .number')
            await expect(card).to_have_text("—")
            await expect(page.locator(".queue .next").first).to_have_text(f"{a1.number}  {a2.number}")
            await page.click("#sound")  # the operator's one click that allows sound

            await nurse.send("/call Loket 1")
            await nurse.next_message(contains="Memanggil")
            await expect(card).to_have_text(a1.number)
            await expect(page.locator("#last")).to_have_text(f"Nomor {a1.number}, silakan ke Loket 1")
            await expect(page.locator('.channel[data-channel="Loket 1"]')).to_have_class("channel flash")
            await expect(page.locator(".queue .next").first).to_have_text(a2.number)
            content = await page.content()
            assert "BUDI" not in content and "3507" not in content
        finally:
            await browser.close()
