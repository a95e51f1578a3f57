"""End-to-end harness: the local Bot API server + the real bot + its web server, on free ports,
in the test's event loop; users talk to it over HTTP with local_botapi.client.

Fixtures (pull them into another test folder's conftest.py with
`from tests.e2e.harness import *  # noqa: F401,F403`):

    test_settings   config.yaml with free ports and a temporary SQLite database
    start_pusque    async factory: await start_pusque(admin_ids=..., staff_ids=..., webhook=False,
                    configure=fn(app), services_factory=..., botapi_options=...,
                    renderers=...) -> System  (renderers: the notifier's, app/tables.py's if None)
                    (botapi_options' max_messages_per_chat_per_second, when given, is also the
                    bot's own per-chat pacing unless the settings override names one)
                    (every system it starts is stopped at teardown)
    pusque          a started System with default settings (long polling)
    tg              the LocalTelegram client of `pusque` (tg.user(...) makes users)

System has .pusque (app.runner.PusQue), .botapi (LocalBotApi), .tg, .web_url, and
`await system.user(user_id=None, first_name=None, role_hint="patient")`.

Waiting: users' waits for the bot have the suite's deadlines (tests/deadlines.py: 30 s by
default, times PUSQUE_TEST_TIMEOUT_SCALE). "Nothing arrives" is proved by a positive marker:

    await user.nothing_before(user.send("/status"), "orang di depan")        # a reply in the same chat
    await outbox_settled(services); await user.nothing_before(probe, reply)  # a notice via the outbox

`user.nothing_before(probe, reply, unwanted=None)` awaits the probe, waits for its known reply and
fails if any unread message (or one containing `unwanted`) came before it. A chat's updates are
handled in order, so a probe sent in the same chat comes after anything the action before it
sends; notices go through the outbox, so `outbox_settled` first waits until every notice written
so far has been sent.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from app.runner import PusQue
from local_botapi import LocalBotApi, LocalTelegram, UserClient
from settings import Settings, load_settings
from tests.conftest import fresh_sqlite
from tests.deadlines import REPLY, local_telegram, until

__all__ = ["System", "make_test_settings", "outbox_settled", "pusque", "start_pusque", "test_settings", "tg"]


def make_test_settings(tmp_path: Path, **overrides: Any) -> Settings:
    settings = load_settings(env={})
    base = dict(web_port=0, botapi_port=0, web_host="127.0.0.1", telegram_token=None, telegram_base_url=None,
                database_url=f"sqlite+aiosqlite:///{tmp_path / 'pusque.db'}",
                model_dir=tmp_path / "model",  # never a developer's trained model in data/
                local_token_file=tmp_path / "local_botapi_token",  # the installation's token: per test
                ocr_preload=False)  # no torch process per test; tests/handlers/test_ktp_ocr.py turns it on
    base.update(overrides)
    if "admin_ids" in base:
        base["admin_ids"] = frozenset(base["admin_ids"])
    if "staff_ids" in base:
        base["staff_ids"] = frozenset(base["staff_ids"])
    return dataclasses.replace(settings, **base)


class System:
    def __init__(self, pusque: PusQue) -> None:
        self.pusque = pusque
        self.botapi: LocalBotApi = pusque.botapi
        self.tg = local_telegram(self.botapi.root_url, passcode=pusque.passcode)

    @property
    def web_url(self) -> str:
        return self.pusque.web.root_url

    @property
    def application(self):
        return self.pusque.application

    async def user(self, user_id: int | None = None, first_name: str | None = None, **kw: Any) -> UserClient:
        return await self.tg.user(user_id, first_name, **kw)

    async def close(self) -> None:
        await self.tg.close()
        await self.pusque.stop()


async def outbox_settled(services, timeout: float = REPLY) -> None:
    """Wait until no outbox row is pending or being sent: every notice written so far has been
    accepted by the Bot API (so it is in the user's chat before anything sent after this)."""
    async def settled() -> bool:
        counts = await services.outbox.counts()
        return not any(n for (_, status), n in counts.items() if status in ("pending", "sending"))

    await until(settled, timeout, what="every outbox notice sent")


@pytest.fixture
def test_settings(tmp_path) -> Settings:
    return make_test_settings(tmp_path)


@pytest.fixture
async def start_pusque(tmp_path, sqlite_template):
    systems: list[System] = []
    database = tmp_path / "pusque.db"
    if not database.exists():  # migrated already (tests/conftest.py); the bot's start-up checks it is at head
        fresh_sqlite(sqlite_template, database)

    async def start(*, webhook: bool = False, configure=None, services_factory=None,
                    botapi_options: dict | None = None, renderers=None, **overrides: Any) -> System:
        chat_rate = (botapi_options or {}).get("max_messages_per_chat_per_second")
        if chat_rate and "max_messages_per_chat_per_second" not in overrides:
            # the bot paces each chat at its Bot API server's limit, as in production (runner.py
            # gives the local server the settings' rate): tests that raise the server's limit
            # (tests/handlers/helpers.FAST) do not wait ~1 s a reply; pacing itself is tested at
            # the real limit in tests/e2e/test_bot_loop.py
            overrides["max_messages_per_chat_per_second"] = chat_rate
        settings = make_test_settings(tmp_path, **overrides)
        pusque = PusQue(settings, webhook_url="auto" if webhook else None, configure=configure,
                        services_factory=services_factory, botapi_options=botapi_options, renderers=renderers)
        await pusque.start()
        system = System(pusque)
        systems.append(system)
        return system

    yield start
    for system in reversed(systems):
        await system.close()


@pytest.fixture
async def pusque(start_pusque) -> System:
    return await start_pusque()


@pytest.fixture
async def tg(pusque) -> LocalTelegram:
    return pusque.tg
