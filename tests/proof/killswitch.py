"""SIGKILL of the real bot process at a chosen request to the local Bot API (issue 19).

The local Bot API server runs in the test's process, the bot in a subprocess (bench/proofkit.py
BotProcess). `KillSwitch.arm(contains, when)` kills the bot the moment it asks the server to
send or edit a message whose text or caption contains `contains`:

- when="after":  the server has executed the request (the patient sees the message) and the bot
  is killed before it reads the answer: Telegram accepted it, the bot never knew. The bot's own
  work after the send (storing the conversation step, marking a notice sent) is lost.
- when="before": the bot is killed with the request unexecuted: the patient sees nothing.

Kills are synchronous (os.kill inside the server's handler), so the bot never gets the answer.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any

from local_botapi import methods as botapi_methods

WATCHED = ("sendmessage", "sendphoto", "editmessagetext", "editmessagecaption")


def _text(params) -> str:
    return (params.str("text") or params.str("caption") or "")


class KillSwitch:
    def __init__(self, bot) -> None:
        self.bot = bot  # bench.proofkit.BotProcess
        self.contains: str | None = None
        self.when = "after"
        self.fired = asyncio.Event()
        self.kills: list[tuple[str, str]] = []  # (contains, when) of each kill, in order
        self._originals: dict[str, Any] = {}
        self.accepted: dict[str, float] = {}  # text watched -> when the server last executed it (monotonic)
        self.watch: str | None = None

    def install(self) -> "KillSwitch":
        for name in WATCHED:
            original = self._originals[name] = botapi_methods.METHODS[name]
            botapi_methods.METHODS[name] = self._wrap(original)
        return self

    def remove(self) -> None:
        botapi_methods.METHODS.update(self._originals)
        self._originals.clear()

    def arm(self, contains: str, when: str = "after") -> None:
        assert when in ("after", "before")
        self.contains, self.when = contains, when
        self.fired.clear()

    def _hit(self, params) -> bool:
        return self.contains is not None and self.contains in _text(params)

    def _kill(self) -> None:
        self.kills.append((self.contains, self.when))
        self.contains = None
        self.bot.kill()
        self.fired.set()

    def _wrap(self, original):
        async def method(api, params):
            if self._hit(params) and self.when == "before":
                self._kill()
                return {}  # nobody reads it: the bot is dead, the message never existed
            result = await original(api, params)
            if self.watch is not None and self.watch in _text(params):
                self.accepted[self.watch] = time.monotonic()
            if self._hit(params):
                self._kill()
            return result

        return method
