"""The waiting-room display in a real browser (Playwright driving Debian's Chromium): when staff
call a number from Telegram, the page shows it without a reload."""
from __future__ import annotations

from tests.browser import chromium_page, needs_chromium

pytestmark = needs_chromium


async def test_the_board_shows_a_call_made_by_staff(clinic, nurse):
    from playwright.async_api import expect

    q = clinic.services
    a1 = await q.queue.issue(service="A", user_id=None)
    a2 = await q.queue.issue(service="A", user_id=None)
    async with chromium_page() as page:
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
