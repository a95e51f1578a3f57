import aiohttp
import pytest
from telegram import Bot

from local_botapi import LOCAL_TOKEN, LocalBotApi
from tests.deadlines import local_telegram


@pytest.fixture
async def api():
    server = LocalBotApi(max_messages_per_second=None, max_messages_per_chat_per_second=None)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(api):
    async with Bot(LOCAL_TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as b:
        yield b


@pytest.fixture
async def tg(api):
    async with local_telegram(api.root_url) as client:
        yield client


@pytest.fixture
async def raw(api):
    """POST a Bot API method with a JSON body; returns (HTTP status, body)."""
    async with aiohttp.ClientSession() as session:
        async def call(method, token=LOCAL_TOKEN, **params):
            async with session.post(f"{api.base_url}{token}/{method}", json=params) as resp:
                return resp.status, await resp.json()
        yield call
