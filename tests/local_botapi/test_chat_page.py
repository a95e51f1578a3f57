"""The chat page (static/index.html) against the local server alone, in headless Chromium: the
log follows a photo the bot sends (it grows when the image loads), and the page keeps its users
in the browser so a restarted server (users are in memory) gets them back, same ids."""
from __future__ import annotations

import io

from local_botapi import LocalBotApi
from tests.browser import chromium_page, needs_chromium, screenshot
from tests.deadlines import until

pytestmark = needs_chromium
AT_BOTTOM = "() => { const l = document.getElementById('log'); return l.scrollHeight - l.scrollTop - l.clientHeight < 2; }"


def tall_png(width: int = 300, height: int = 900) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (43, 122, 75)).save(out, "PNG")
    return out.getvalue()


async def test_the_log_scrolls_to_a_photo_the_bot_sends(api, bot, tg, tmp_path):
    from playwright.async_api import expect

    ani = await tg.user(first_name="Ani")
    await ani.send("halo")
    async with chromium_page(viewport=(400, 800)) as page:
        await page.goto(f"{api.root_url}/#user={ani.id}")
        for i in range(12):
            await bot.send_message(ani.id, f"Pesan {i}")
        await expect(page.locator("#log .msg.bot")).to_have_count(12)
        await page.wait_for_function(AT_BOTTOM)
        await bot.send_photo(ani.id, tall_png(), caption="Tiket")
        photo = page.locator("#log .msg.bot img")
        await expect(photo).to_have_count(1)
        await page.wait_for_function("() => { const i = document.querySelector('#log img'); return i.complete && i.naturalHeight > 0; }")
        await page.wait_for_function(AT_BOTTOM)  # the whole photo and its caption in view
        await expect(page.locator("#log .msg.bot").last).to_be_in_viewport()
        box = await photo.bounding_box()
        assert box["height"] > 400, box  # the image itself, not an empty box
        await screenshot(page, tmp_path, "chat-photo")


async def test_the_page_gives_a_restarted_server_its_users_again(tmp_path):
    from playwright.async_api import expect

    first = await LocalBotApi().start()
    port, servers = first.port, [first]
    try:
        async with chromium_page(viewport=(400, 800)) as page:
            await page.goto(first.root_url + "/")
            await expect(page.locator("#setup")).to_be_visible()  # no users yet: the form
            await page.fill("#fname", "Bu Rina")
            await page.select_option("#role", "staff")
            await page.fill("#uid", "5550001")
            await page.click("#create")
            await expect(page.locator("#who")).to_have_value("5550001")

            await first.stop()  # the page stays open: its next poll finds a server without its user
            second = await LocalBotApi().start(port=port)
            servers.append(second)
            rina = await until(lambda: second.state.users.get(5550001), what="the page restores its user")
            assert (rina.first_name, rina.role_hint) == ("Bu Rina", "staff")
            await expect(page.locator("#who")).to_have_value("5550001")

            await second.stop()  # and a page opened again after a restart
            third = await LocalBotApi().start(port=port)
            servers.append(third)
            assert not third.state.users
            await page.reload()
            await expect(page.locator("#who")).to_have_value("5550001")
            await expect(page.locator("#who option")).to_have_text(["Bu Rina (staff, 5550001)"])
            assert third.state.users[5550001].first_name == "Bu Rina"
            await page.fill("#text", "halo")  # the restored user chats as before
            await page.click("#send")
            await expect(page.locator("#log .msg.me").last).to_contain_text("halo")
            await screenshot(page, tmp_path, "chat-restored")
    finally:
        for server in servers:
            await server.stop()  # safe twice
