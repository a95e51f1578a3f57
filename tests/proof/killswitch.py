"""SIGKILL of the real bot process at chosen requests to the local Bot API (issue 19).

The local Bot API server runs in the test's process, the bot in a subprocess (bench/proofkit.py
BotProcess). `KillSwitch.arm(Rule(chat, contains, when), ...)` kills the bot once every rule has
met its request: the bot asking the server to send or edit, in chat `chat`, a message whose text
or caption contains `contains`:

- when="after":  the server executes the request (the user sees the message) and the bot is
  killed before it reads the answer: Telegram accepted it, the bot never knew. The bot's work
  after the send (storing the conversation step, marking a notice sent) is lost.
- when="before": the request is not executed: the user sees nothing.

A request that met its rule is held until the last rule is met, so one kill serves several
users, each at their own step (the bot handles chats concurrently). The kill is os.kill inside
the server's handler: the bot never gets the answer.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from local_botapi import methods as botapi_methods

WATCHED = ("sendmessage", "sendphoto", "editmessagetext", "editmessagecaption")


def _text(params) -> str:
    return params.str("text") or params.str("caption") or ""


@dataclass
class Rule:
    chat: int
    contains: str
    when: str = "after"
    hit: asyncio.Event = field(default_factory=asyncio.Event)

    def matches(self, params) -> bool:
        return not self.hit.is_set() and params.str("chat_id") == str(self.chat) and self.contains in _text(params)


class KillSwitch:
    def __init__(self, bot) -> None:
        self.bot = bot  # bench.proofkit.BotProcess
        self.rules: list[Rule] = []
        self.fired = asyncio.Event()
        self.kills = 0
        self.accepted: dict[str, float] = {}  # text watched -> when the server last executed it (monotonic)
        self.watch: str | None = None
        self._originals: dict[str, Any] = {}

    def install(self) -> "KillSwitch":
        for name in WATCHED:
            original = self._originals[name] = botapi_methods.METHODS[name]
            botapi_methods.METHODS[name] = self._wrap(original)
        return self

    def remove(self) -> None:
        botapi_methods.METHODS.update(self._originals)
        self._originals.clear()

    def arm(self, *rules: Rule) -> None:
        assert all(r.when in ("after", "before") for r in rules)
        self.rules = list(rules)
        self.fired.clear()

    def _met(self, rule: Rule) -> None:
        rule.hit.set()
        if all(r.hit.is_set() for r in self.rules):
            self.rules = []
            self.kills += 1
            self.bot.kill()
            self.fired.set()

    def _wrap(self, original):
        async def method(api, params):
            rule = next((r for r in self.rules if r.matches(params)), None)
            if rule is not None and rule.when == "before":
                self._met(rule)
                await self.fired.wait()
                return {}  # nobody reads it: the bot is dead, the message never existed
            result = await original(api, params)
            if self.watch is not None and self.watch in _text(params):
                self.accepted[self.watch] = time.monotonic()
            if rule is not None:
                self._met(rule)
                await self.fired.wait()
            return result

        return method
