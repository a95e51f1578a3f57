"""The local chat page (local_botapi/static/index.html) with the real bot, in headless Chromium
at phone width: the reply keyboard's rows stay above the input bar, and the conditions
checklist reads ticked and unticked without an emoji font (this machine has none).
Screenshots stay in the test's tmp folder."""
from __future__ import annotations

import re

from tests.browser import chromium_page, layout, needs_chromium, outside, overlaps, screenshot
from tests.handlers.helpers import register_typed, start_system

pytestmark = needs_chromium
PHONE = (400, 800)


async def open_chat(page, system, user) -> None:
    from playwright.async_api import expect

    await page.goto(f"{system.botapi.root_url}/#user={user.id}")
    await expect(page.locator("#who")).to_have_value(str(user.id))


async def test_at_phone_width_both_keyboard_rows_stay_above_the_input(start_pusque, tmp_path):
    from playwright.async_api import expect

    system = await start_system(start_pusque)
    ani = await system.user(first_name="Ani")
    async with chromium_page(viewport=PHONE) as page:
        await open_chat(page, system, ani)
        await page.fill("#text", "/start")
        await page.click("#send")
        rows = page.locator("#kb .row")  # the menu keyboard comes with the welcome
        await expect(rows).to_have_count(2)
        await expect(page.locator("#kb button")).to_have_count(4)
        await expect(page.locator("#log .msg").last).to_contain_text("Selamat datang")
        shot = await screenshot(page, tmp_path, "chat-keyboard-400x800")
        keys = await layout(page, "#kb button")
        bar = await layout(page, "#bar, #log")
        assert not outside(keys + bar, *PHONE), f"off the screen ({shot}): {outside(keys + bar, *PHONE)}"
        assert not overlaps(keys, bar), f"keyboard under the input bar or the log ({shot}): {overlaps(keys, bar)}"
        assert len({round(k["y"]) for k in keys}) == 2  # two rows, both laid out
        await page.get_by_role("button", name=re.compile("Bantuan")).click()  # a key of the second row works
        await expect(page.locator("#log .msg.me").last).to_contain_text("Bantuan")


async def test_the_conditions_checklist_reads_without_an_emoji_font(start_pusque, tmp_path):
    from playwright.async_api import expect

    system = await start_system(start_pusque)
    siti = await system.user(first_name="Siti")
    await register_typed(siti)
    async with chromium_page(viewport=PHONE) as page:
        await open_chat(page, system, siti)
        await page.locator("#kb button", has_text="Ambil antrean").click()
        await page.get_by_role("button", name="Poli Umum").click()
        unticked = page.locator(".msg .ik button", has_text="Ibu hamil")
        await expect(unticked).to_have_text("[ ] Ibu hamil")
        await expect(unticked).to_have_attribute("title", re.compile("^\u2b1c"))  # the bot's own label, kept
        await unticked.click()
        await expect(unticked).to_have_text("[x] Ibu hamil")
        marks = await page.locator(".msg").last.locator(".ik button").all_text_contents()
        conditions = [m for m in marks if "Ambil nomor" not in m]
        assert conditions and all(re.match(r"^\[[x ]\] \w", m) for m in conditions), marks
        assert sum(m.startswith("[x] ") for m in conditions) == 1, marks
        await screenshot(page, tmp_path, "chat-checklist-400x800")
