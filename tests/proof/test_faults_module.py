"""The local server's fault injection (local_botapi/faults.py) and the bot's retries on 5xx."""
import asyncio

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter

from bot.ratelimit import TelegramRateLimiter
from local_botapi import LOCAL_TOKEN, LocalBotApi
from local_botapi.faults import Faults
from tests.deadlines import local_telegram


async def test_faults_answer_429_500_and_stall_as_configured():
    async with LocalBotApi(faults=Faults(seed=1)) as api:
        async with local_telegram(api.root_url) as tg:
            user = await tg.user(first_name="Ani")
            await user.send("/start")
            bot = Bot(LOCAL_TOKEN, base_url=api.base_url)
            async with bot:
                await tg.faults(rate_429=1.0, retry_after=3)
                with pytest.raises(RetryAfter):
                    await bot.send_message(user.id, "x")
                await tg.faults(rate_429=0.0, rate_500=1.0)
                with pytest.raises(NetworkError):
                    await bot.send_message(user.id, "x")
                await tg.faults(rate_500=0.0, rate_stall=1.0, stall_seconds=0.5)
                with pytest.raises(NetworkError):  # 504 after the stall (or the client's timeout)
                    await bot.send_message(user.id, "x")
                info = await tg.faults(rate_stall=0.0)
                assert info["stats"] == {"requests": 3, "429": 1, "500": 1, "stall": 1}
                await bot.send_message(user.id, "ok")
                assert (await user.next_message())["text"] == "ok"  # no faulted request was executed
                # ...not even late: a probe sent now arrives with nothing before it
                await user.nothing_before(bot.send_message(user.id, "probe"), "probe")


async def test_forged_press_reaches_the_bot_with_any_data():
    async with LocalBotApi() as api:
        async with local_telegram(api.root_url) as tg:
            user = await tg.user(first_name="Ani")
            await user.press_forged(999, "tk:forged")
            update = api.state.updates[-1]["callback_query"]
            assert update["data"] == "tk:forged" and update["message"]["date"] == 0


async def test_the_bot_retries_server_errors_with_backoff_and_counts_them():
    async with LocalBotApi(faults=Faults(rate_500=0.5, seed=3), max_messages_per_second=None,
                           max_messages_per_chat_per_second=None) as api:
        async with local_telegram(api.root_url) as tg:
            user = await tg.user(first_name="Ani")
            await user.send("/start")
            # no pacing: at Telegram's ~1 message/s a chat, each of the ~40 attempts (20 sends, half
            # of them failing) waited its chat's turn (35 s); pacing is tested in tests/e2e/test_bot_loop.py
            limiter = TelegramRateLimiter(overall_max_rate=0, per_chat_rate=1000, base_delay=0.01,
                                          server_error_retries=10)
            from telegram.ext import ExtBot

            bot = ExtBot(LOCAL_TOKEN, base_url=api.base_url, rate_limiter=limiter)
            async with bot:
                await asyncio.gather(*(bot.send_message(user.id, f"m{i}") for i in range(20)))
            texts = [m["text"] for m in await user.next_messages(20)]
            assert sorted(texts) == sorted(f"m{i}" for i in range(20))  # each exactly once
            assert limiter.stats["5xx"] == api.faults.stats["500"] > 0
