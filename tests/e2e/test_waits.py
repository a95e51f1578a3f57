"""The suite's waiting tools (tests/deadlines.py, UserClient.nothing_before) and the PostgreSQL
rule of tests/conftest.py: they decide what every other test proves, so they are tested too."""
from __future__ import annotations

import pytest
from telegram import Bot

from local_botapi import LOCAL_TOKEN, LocalBotApi, UserClient
from tests.conftest import in_ci, pg_unreachable
from tests.deadlines import ENV, local_telegram, scale_from


def test_the_scale_defaults_to_one_and_refuses_nonsense():
    assert scale_from({}) == 1.0 and scale_from({ENV: " "}) == 1.0
    assert scale_from({ENV: "2.5"}) == 2.5
    for bad in ("0", "-1", "fast", "inf", "nan"):
        with pytest.raises(ValueError, match=ENV):
            scale_from({ENV: bad})


async def test_the_client_scales_every_deadline():
    async with local_telegram("http://127.0.0.1:1") as tg:
        tg.timeout_scale = 3.0
        user = UserClient(tg, {"id": 1, "first_name": "A"})
        assert user._seconds(None) == 3.0 * tg.reply_timeout and user._seconds(2) == 6.0


async def test_nothing_before_passes_on_the_probe_alone_and_fails_on_an_earlier_message():
    async with LocalBotApi(max_messages_per_second=None, max_messages_per_chat_per_second=None) as api, local_telegram(api.root_url) as tg:
        user = await tg.user(first_name="Ani")
        await user.send("/start")
        async with Bot(LOCAL_TOKEN, base_url=api.base_url) as bot:
            await bot.send_message(user.id, "seen")
            await user.next_message(contains="seen")  # read before: not part of the check
            assert (await user.nothing_before(bot.send_message(user.id, "probe 1"), "probe 1"))["text"] == "probe 1"

            await bot.send_message(user.id, "Nomor A-001 lagi")  # a message the test says must not come
            with pytest.raises(AssertionError, match="Nomor A-001 lagi"):
                await user.nothing_before(bot.send_message(user.id, "probe 2"), "probe 2")
            await user.next_message(contains="Nomor A-001 lagi")  # (left unread by the failed check)

            await bot.send_message(user.id, "something else")  # only `unwanted` counts when given
            await user.nothing_before(bot.send_message(user.id, "probe 3"), "probe 3", unwanted="Nomor")
            await bot.send_message(user.id, "Nomor A-002")
            with pytest.raises(AssertionError, match="A-002"):
                await user.nothing_before(bot.send_message(user.id, "probe 4"), "probe 4", unwanted="Nomor")


async def test_nothing_before_fails_when_the_probe_never_answers():
    async with LocalBotApi() as api, local_telegram(api.root_url) as tg:
        user = await tg.user(first_name="Ani")
        with pytest.raises(TimeoutError, match="probe reply"):
            await user.nothing_before(None, "never", timeout=0.2 / tg.timeout_scale)


def test_postgres_unreachable_fails_in_ci_and_skips_with_the_reason_elsewhere():
    assert in_ci({"CI": "true"}) and in_ci({"CI": "1"}) and not in_ci({"CI": "false"}) and not in_ci({})
    action, why = pg_unreachable("ConnectionRefusedError: nope", {"CI": "true"})
    assert action == "fail" and "required in CI" in why and "nope" in why
    action, why = pg_unreachable("ConnectionRefusedError: nope", {})
    assert action == "skip" and "PostgreSQL unreachable at" in why and "nope" in why
