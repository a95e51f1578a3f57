"""The bot's one rate limiter (bot/ratelimit.py): priorities, per-chat order, 429 and 5xx retries.

Against the local Bot API: tests/e2e/test_bot_loop.py (a flooding user is paced, no 429),
tests/proof/test_faults_module.py (5xx retried, each message once), bench/broadcast.py."""
from __future__ import annotations

import asyncio

import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.ratelimit import BULK, URGENT, TelegramRateLimiter


def recorder(log: list, name: str):
    async def call():
        log.append(name)
        return name

    return call


async def send(limiter, call, chat=1, priority=None, endpoint="sendMessage"):
    return await limiter.process_request(call, (), {}, endpoint, {"chat_id": chat, "text": "x"}, priority)


async def test_waiting_requests_go_by_priority_then_in_arrival_order():
    limiter = TelegramRateLimiter(overall_max_rate=20)
    log: list[str] = []
    for i in range(20):  # the second's tokens are used up
        await send(limiter, recorder(log, f"first{i}"), chat=1000 + i)
    await asyncio.gather(
        send(limiter, recorder(log, "bulk1"), chat=1, priority=BULK),
        send(limiter, recorder(log, "bulk2"), chat=2, priority=BULK),
        send(limiter, recorder(log, "reply"), chat=3),  # a chat reply: no rate_limit_args
        send(limiter, recorder(log, "urgent"), chat=4, priority=URGENT),
    )
    assert log[20:] == ["reply", "urgent", "bulk1", "bulk2"]


async def test_one_chat_keeps_its_order_while_it_waits_its_turn():
    limiter = TelegramRateLimiter(overall_max_rate=0, per_chat_rate=20, per_chat_burst=1)
    log: list[str] = []
    await asyncio.gather(*(send(limiter, recorder(log, f"m{i}"), chat=5) for i in range(5)))
    assert log == [f"m{i}" for i in range(5)]


def failing(errors: list[Exception], log: list):
    async def call():
        log.append("try")
        if errors:
            raise errors.pop(0)
        return "ok"

    return call


async def test_a_429_is_waited_out_and_tried_again_up_to_max_retries():
    limiter = TelegramRateLimiter(max_retries=2, per_chat_rate=1000)  # each try waits its chat turn: not here
    log: list[str] = []
    assert await send(limiter, failing([RetryAfter(0), RetryAfter(0)], log)) == "ok"
    assert len(log) == 3 and limiter.stats["429"] == 2
    with pytest.raises(RetryAfter):
        await send(limiter, failing([RetryAfter(0)] * 3, log))
    assert limiter.stats["gave_up"] == 1


async def test_server_errors_are_retried_but_a_timeout_or_a_refusal_is_not():
    limiter = TelegramRateLimiter(base_delay=0.001, server_error_retries=3, per_chat_rate=1000)
    log: list[str] = []
    assert await send(limiter, failing([NetworkError("502 Bad Gateway"), NetworkError("Connection refused")], log)) == "ok"
    assert len(log) == 3 and limiter.stats["5xx"] == 2
    for error in (TimedOut(), BadRequest("message text is empty")):  # a timeout may have been executed: no duplicate
        log.clear()
        with pytest.raises(type(error)):
            await send(limiter, failing([error], log))
        assert log == ["try"]
    log.clear()
    with pytest.raises(NetworkError):
        await send(limiter, failing([NetworkError("502")] * 5, log))
    assert len(log) == 4 and limiter.stats["gave_up"] == 1


async def test_a_message_over_telegrams_length_is_cut_to_fit():
    limiter = TelegramRateLimiter()
    data = {"chat_id": 1, "text": "x" * 5000}

    async def call():
        return len(data["text"])

    assert await limiter.process_request(call, (), {}, "sendMessage", data, None) == 4096
