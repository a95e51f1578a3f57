"""The command menu per role, published with setMyCommands.

Patients see the default-scope menu (Indonesian); a patient who chose English, and each staff
member and admin, gets a chat-scoped menu (BotCommandScopeChat) in their own language. Telegram refuses a chat scope for a user who never opened the chat, so
menus are published at start for those it can reach and again at /start (`publish_for_user`).
Each handler module declares its commands in a COMMANDS list of MenuCommand.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from .roles import ALL_ROLES, Role

log = logging.getLogger(__name__)
COMMANDS_KEY = "menu_commands"


@dataclass(frozen=True)
class MenuCommand:
    command: str
    description: str  # "Indonesian / English": the part before " / " is Indonesian, at most 256 characters
    roles: frozenset[Role] = ALL_ROLES
    order: int = 50  # lower first in the menu

    def text(self, lang: str) -> str:
        """The description in one language."""
        id_text, _, en_text = self.description.partition(" / ")
        return en_text if lang == "en" and en_text else id_text


def menu_for(role: Role, commands: Iterable[MenuCommand], lang: str = "id") -> list[BotCommand]:
    chosen = sorted((c for c in commands if role in c.roles), key=lambda c: (c.order, c.command))
    return [BotCommand(c.command, c.text(lang)) for c in chosen]


async def publish_default(bot: Bot, commands: Iterable[MenuCommand]) -> None:
    await bot.set_my_commands(menu_for(Role.PATIENT, commands), scope=BotCommandScopeDefault())


async def publish_for_user(bot: Bot, user_id: int, role: Role, commands: Iterable[MenuCommand], lang: str) -> bool:
    """Give one user their role's menu in their language (chat scope); Indonesian patients use the
    default menu."""
    try:
        if role is Role.PATIENT and lang != "en":
            await bot.delete_my_commands(scope=BotCommandScopeChat(user_id))
        else:
            await bot.set_my_commands(menu_for(role, commands, lang), scope=BotCommandScopeChat(user_id))
        return True
    except TelegramError as exc:  # the user never opened the chat, or blocked the bot
        log.debug("menu for user %s not published: %s", user_id, exc)
        return False


async def publish_all(bot: Bot, privileged: dict[int, Role], commands: list[MenuCommand],
                      langs: dict[int, str]) -> None:
    await publish_default(bot, commands)
    for user_id, role in privileged.items():
        await publish_for_user(bot, user_id, role, commands, langs.get(user_id, "id"))


def commands_of(context) -> list[MenuCommand]:
    """Every feature's menu commands (set on the Application when it is built)."""
    app = getattr(context, "application", context)
    return app.bot_data[COMMANDS_KEY]
