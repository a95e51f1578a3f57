"""Wire-format details python-telegram-bot relies on, checked with PTB itself where possible."""
from __future__ import annotations

import asyncio

import aiohttp
import pytest
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter

from local_botapi import LOCAL_TOKEN, LocalBotApi
from tests.deadlines import REPLY, local_telegram, scaled, until


async def test_envelopes_ok_and_error(raw):
    status, body = await raw("getMe")
    assert status == 200 and body["ok"] is True and body["result"]["is_bot"] is True
    status, body = await raw("sendMessage", chat_id=1, text="x")
    assert status == 400 and body == {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}


async def test_unknown_token_is_401_and_unknown_method_404(raw):
    status, body = await raw("getMe", token="1:wrong")
    assert status == 401 and body["description"] == "Unauthorized"
    status, _ = await raw("noSuchMethod")
    assert status == 404


async def test_method_names_are_case_insensitive_and_form_bodies_work(api):
    async with aiohttp.ClientSession() as s:
        async with s.post(f"{api.base_url}{LOCAL_TOKEN}/getme", data={"x": "1"}) as resp:
            assert (await resp.json())["ok"]
        async with s.get(f"{api.base_url}{LOCAL_TOKEN}/getUpdates?timeout=0") as resp:
            assert (await resp.json())["result"] == []


async def test_user_command_arrives_with_a_bot_command_entity(bot, tg):
    user = await tg.user(first_name="Ani")
    await user.send("/start abc")
    [update] = await bot.get_updates(timeout=1)
    assert update.message.text == "/start abc"
    assert update.message.entities[0].type == "bot_command" and update.message.entities[0].length == 6
    assert update.message.chat.type == "private" and update.message.chat.id == user.id


async def test_offset_confirms_and_long_poll_wakes_on_a_new_update(bot, tg):
    user = await tg.user(first_name="Ani")
    await user.send("one")
    [first] = await bot.get_updates(timeout=0)
    poll = asyncio.create_task(bot.get_updates(offset=first.update_id + 1, timeout=int(scaled(REPLY))))
    await user.send("two")
    [second] = await asyncio.wait_for(poll, scaled(REPLY))
    assert second.message.text == "two" and second.update_id == first.update_id + 1
    assert await bot.get_updates(offset=second.update_id + 1, timeout=0) == ()


async def test_allowed_updates_filters_update_types(bot, tg):
    user = await tg.user(first_name="Ani")
    await user.send("hi")
    await user.block()
    updates = await bot.get_updates(timeout=0, allowed_updates=["my_chat_member"])
    assert [u.my_chat_member.new_chat_member.status for u in updates] == ["kicked"]


async def test_a_second_getupdates_ends_the_first_with_409(api, raw):
    first = asyncio.create_task(raw("getUpdates", timeout=int(scaled(REPLY))))
    await until(lambda: api.poll_ticket != 0, what="the first poll waiting")
    status, _ = await raw("getUpdates", timeout=0)
    assert status == 200
    status, body = await asyncio.wait_for(first, scaled(REPLY))
    assert status == 409 and body["description"].startswith("Conflict: terminated by other getUpdates")


async def test_html_and_markdown_v2_become_text_and_entities(bot, tg):
    user = await tg.user(first_name="Ani")
    await user.send("hi")
    m = await bot.send_message(user.id, "<b>A-007</b> ke <i>Poli Umum</i> &amp; apotek", parse_mode="HTML")
    assert m.text == "A-007 ke Poli Umum & apotek"
    assert [(e.type, e.offset, e.length) for e in m.entities] == [("bold", 0, 5), ("italic", 9, 9)]
    m = await bot.send_message(user.id, r"*Nomor* A\-007\.", parse_mode="MarkdownV2")
    assert m.text == "Nomor A-007." and m.entities[0].type == "bold"
    with pytest.raises(BadRequest, match="(?i)reserved"):
        await bot.send_message(user.id, "A-007.", parse_mode="MarkdownV2")
    with pytest.raises(BadRequest, match="(?i)unsupported start tag"):
        await bot.send_message(user.id, "a<br>b", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)text is empty"):
        await bot.send_message(user.id, "  ")


async def test_keyboards_replies_edits_and_deletes(bot, tg):
    user = await tg.user(first_name="Ani")
    sent = await user.send("hi")
    contact = ReplyKeyboardMarkup([[KeyboardButton("Bagikan nomor", request_contact=True)]], one_time_keyboard=True)
    m = await bot.send_message(user.id, "Nomor HP?", reply_markup=contact, reply_to_message_id=sent["message_id"])
    assert m.reply_to_message.text == "hi" and m.reply_markup is None
    await user.press_reply("Bagikan nomor")
    updates = await bot.get_updates(timeout=0)
    assert updates[-1].message.contact.user_id == user.id
    assert await user.keyboard() is None  # one_time_keyboard hides after use
    await bot.send_message(user.id, "ok", reply_markup=ReplyKeyboardRemove())
    kb = InlineKeyboardMarkup([[InlineKeyboardButton("Batal", callback_data="cancel")]])
    m = await bot.send_message(user.id, "Tiket A-001", reply_markup=kb)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text("Tiket A-001", user.id, m.message_id, reply_markup=kb)
    edited = await bot.edit_message_text("Tiket A-001 (dibatalkan)", user.id, m.message_id)
    assert edited.text.endswith("(dibatalkan)") and edited.reply_markup is None and edited.edit_date
    with pytest.raises(BadRequest, match="(?i)message can't be edited"):
        await bot.edit_message_text("x", user.id, sent["message_id"])
    await bot.edit_message_reply_markup(user.id, m.message_id, reply_markup=kb)
    assert await bot.delete_message(user.id, m.message_id)
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await bot.delete_message(user.id, m.message_id)
    kinds = [e["kind"] for e in (await tg.call("GET", f"/local/users/{user.id}/events"))["events"]]
    assert "edit" in kinds and "delete" in kinds and "keyboard" in kinds


async def test_callback_query_and_its_answer(bot, tg):
    user = await tg.user(first_name="Ani")
    await user.send("hi")
    kb = InlineKeyboardMarkup([[InlineKeyboardButton("Poli Umum", callback_data="svc:A")]])
    await bot.send_message(user.id, "Pilih poli", reply_markup=kb)
    await user.next_message()
    await user.press("Poli Umum")
    query = (await bot.get_updates(timeout=0))[-1].callback_query
    assert query.data == "svc:A" and query.message.text == "Pilih poli"
    assert await query.answer("Dipilih")
    assert (await user.next_event("callback_answer"))["text"] == "Dipilih"
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await query.answer()


async def test_photos_upload_reuse_getfile_and_download(bot, tg):
    user = await tg.user(first_name="Ani")
    await user.send_photo(b"\xff\xd8fake-ktp", caption="KTP saya")
    photo_msg = (await bot.get_updates(timeout=0))[-1].message
    assert photo_msg.caption == "KTP saya"
    file = await photo_msg.photo[-1].get_file()
    assert bytes(await file.download_as_bytearray()) == b"\xff\xd8fake-ktp"
    m = await bot.send_photo(user.id, b"qr-code-bytes", caption="<b>A-001</b>", parse_mode="HTML")
    assert m.caption == "A-001" and m.caption_entities[0].type == "bold"
    again = await bot.send_photo(user.id, m.photo[-1].file_id)
    assert again.photo[-1].file_unique_id == m.photo[-1].file_unique_id
    doc = await bot.send_document(user.id, b"a,b\n1,2\n", filename="laporan.csv")
    assert doc.document.file_name == "laporan.csv"
    assert await user.download(doc.document.file_id) == b"a,b\n1,2\n"
    with pytest.raises(BadRequest, match="(?i)wrong file identifier"):
        await bot.send_photo(user.id, "no-such-file-id")


async def test_commands_per_scope(bot, tg):
    user = await tg.user(first_name="Staf")
    await user.send("/start")
    await bot.set_my_commands([BotCommand("help", "Bantuan")])
    await bot.set_my_commands([BotCommand("call", "Panggil")], scope=BotCommandScopeChat(user.id))
    assert [c.command for c in await bot.get_my_commands()] == ["help"]
    assert [c.command for c in await bot.get_my_commands(scope=BotCommandScopeChat(user.id))] == ["call"]
    assert await user.menu() == ["call"]
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_blocked_user_403_and_never_started_403(bot, tg):
    user = await tg.user(first_name="Ani")
    stranger = await tg.user(first_name="Belum")
    await user.send("hi")
    await user.block()
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(user.id, "x")
    with pytest.raises(Forbidden, match="(?i)can't initiate conversation"):
        await bot.send_message(stranger.id, "x")


async def test_flood_limits_answer_429_with_retry_after():
    async with LocalBotApi(max_messages_per_second=30, max_messages_per_chat_per_second=1, chat_burst=2) as api:
        from telegram import Bot
        async with Bot(LOCAL_TOKEN, base_url=api.base_url) as bot, local_telegram(api.root_url) as tg:
            user = await tg.user(first_name="Ani")
            await user.send("hi")
            await bot.send_message(user.id, "1")
            await bot.send_message(user.id, "2")
            with pytest.raises(RetryAfter) as exc:
                await bot.send_message(user.id, "3")
            assert exc.value.retry_after in (1, __import__("datetime").timedelta(seconds=1))


async def test_webhook_receives_updates_with_the_secret_header(bot, tg):
    from aiohttp import web
    got: asyncio.Queue = asyncio.Queue()

    async def hook(request):
        await got.put((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json()))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(Conflict):
            await bot.get_updates(timeout=0)
        user = await tg.user(first_name="Ani")
        await user.send("/help")
        secret, update = await asyncio.wait_for(got.get(), scaled(REPLY))
        assert secret == "s3cret" and update["message"]["text"] == "/help"
        assert (await bot.get_webhook_info()).pending_update_count == 0
        await bot.delete_webhook()
        assert (await bot.get_webhook_info()).url == ""
    finally:
        await runner.cleanup()


def test_a_new_chat_bucket_starts_full_even_at_huge_rates():
    from local_botapi.ratelimit import FloodLimits

    limits = FloodLimits(1e9, 1e9, chat_burst=3)  # a token a nanosecond: no call is that fast
    assert [limits.check(7) for _ in range(20)] == [0] * 20
    strict = FloodLimits(None, 1, chat_burst=2)
    assert [strict.check(7) for _ in range(3)] == [0, 0, 1]


async def test_chat_page_and_user_side_info_are_served(api, tg):
    api.state.role_ids = {"staff": [9002], "admin": [9001]}
    async with aiohttp.ClientSession() as session:
        async with session.get(api.page_url) as resp:
            page = await resp.text()
    assert resp.status == 200 and 'id="who"' in page and "/local/users" in page
    info = await tg.call("GET", "/local/info")
    assert info["role_ids"]["staff"] == [9002]
    staff = await tg.user(9002, "Rina", role_hint="staff")
    assert staff.id == 9002
