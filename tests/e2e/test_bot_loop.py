"""The real bot against the local Bot API server, driven by users over HTTP."""
from __future__ import annotations

import aiohttp
from telegram.ext import CommandHandler


async def test_start_greets_the_patient_in_indonesian_only_with_the_menu(pusque):
    ani = await pusque.user(first_name="Ani")
    await ani.send("/start")
    reply = await ani.next_message()
    assert "Selamat datang di Puskesmas Sumbersari, Ani" in reply["text"] and "Welcome" not in reply["text"]
    assert "/bahasa" in reply["text"]  # the language is named, with how to change it
    assert "🎫 Ambil antrean" in str(await ani.keyboard())  # the menu comes with the welcome


async def test_help_lists_the_patient_commands_and_the_clinic_phone(pusque):
    budi = await pusque.user(first_name="Budi")
    await budi.send("/help")
    text = (await budi.next_message())["text"]
    assert "/start" in text and "/help" in text
    assert "(0341) 555-0123" in text


async def test_each_role_gets_its_own_menu_after_start(start_pusque):
    system = await start_pusque(admin_ids=[9001], staff_ids=[9002])
    admin = await system.user(9001, "Dr. Sari", role_hint="admin")
    staff = await system.user(9002, "Perawat Rina", role_hint="staff")
    patient = await system.user(first_name="Pak Joko")
    for user in (admin, staff, patient):
        await user.send("/start")
    assert "admin" in (await admin.next_message())["text"]
    assert "petugas" in (await staff.next_message())["text"]
    assert "petugas" not in (await patient.next_message())["text"]
    assert (await patient.menu())[:2] == ["start", "help"]
    # staff/admin menus are chat-scoped and published by /start (the chat exists only now)
    scopes = system.botapi.state.commands
    assert ("chat:9001", "") in scopes and ("chat:9002", "") in scopes
    admin_menu = await admin.menu()
    assert admin_menu[:2] == ["start", "help"] and "call" in admin_menu and "broadcast" in admin_menu
    staff_menu = await staff.menu()
    assert "call" in staff_menu and "broadcast" not in staff_menu


async def test_a_failing_handler_is_logged_and_the_user_is_told(start_pusque, caplog):
    async def boom(update, context):
        raise RuntimeError("kaboom")

    # group -1: ahead of the catch-all that answers unknown commands (handlers/chat.py)
    system = await start_pusque(configure=lambda app: app.add_handler(CommandHandler("boom", boom), group=-1))
    user = await system.user(first_name="Citra")
    await user.send("/boom")
    reply = await user.next_message()
    assert reply["text"].startswith("Maaf, terjadi kesalahan")
    assert "Sorry" not in reply["text"]  # Indonesian only: the user did not choose English
    assert any("kaboom" in r.getMessage() or (r.exc_info and "kaboom" in str(r.exc_info[1]))
               for r in caplog.records)


async def test_webhook_mode_answers_and_refuses_a_wrong_secret(start_pusque):
    system = await start_pusque(webhook=True)
    hook = system.botapi.state.webhook
    assert hook.url.endswith("/telegram/webhook") and hook.secret_token
    user = await system.user(first_name="Dewi")
    await user.send("/help")
    assert "/start" in (await user.next_message())["text"]
    update = {"update_id": 999, "message": {"message_id": 1, "date": 0, "text": "/help",
                                            "chat": {"id": user.id, "type": "private"}}}
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            async with session.post(hook.url, json=update, headers=headers) as resp:
                assert resp.status == 403


async def test_a_flooding_user_gets_every_reply_through_429_and_retries(start_pusque):
    system = await start_pusque(botapi_options={"chat_burst": 1})
    user = await system.user(first_name="Eko")
    for _ in range(3):
        await user.send("/help")
    replies = await user.next_messages(3)
    assert all("/help" in r["text"] for r in replies)
    assert (await system.tg.stats())["429"] >= 1


async def test_a_flooding_user_is_paced_by_the_bot_not_refused_by_telegram(start_pusque):
    """Per-chat pacing (bot/ratelimit.py): no 429, so no global retry pause for other patients."""
    system = await start_pusque()
    user = await system.user(first_name="Gita")
    for _ in range(6):
        await user.send("/help")
    replies = await user.next_messages(6)
    assert all("/help" in r["text"] for r in replies)
    assert (await system.tg.stats())["429"] == 0


async def test_after_a_user_blocks_the_bot_sends_get_403(pusque):
    user = await pusque.user(first_name="Fajar")
    await user.send("/start")
    await user.next_message()
    await user.block()
    bot = pusque.application.bot
    import pytest
    from telegram.error import Forbidden

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(user.id, "Nomor A-007 dipanggil")
    await user.unblock()
    await bot.send_message(user.id, "Nomor A-007 dipanggil")
    assert (await user.next_message(contains="A-007"))["text"] == "Nomor A-007 dipanggil"


async def test_health_reports_the_running_bot(pusque):
    async with aiohttp.ClientSession() as session:
        async with session.get(pusque.web_url + "/health") as resp:
            body = await resp.json()
    assert body["status"] == "ok" and body["mode"] == "local" and body["bot"] == "pusque_bot"
