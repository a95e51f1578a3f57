"""Pieces of the bot skeleton: roles, menus, texts, per-chat update ordering."""
from __future__ import annotations

import asyncio

import pytest
from telegram import Chat, Message, Update, User

from bot.i18n import merge_texts, t
from bot.menu import MenuCommand, menu_for
from bot.roles import STAFF_ROLES, Role, RoleResolver
from bot.updates import PerChatUpdateProcessor
from tests.deadlines import REPLY, scaled


async def test_admin_wins_over_staff_and_everyone_else_is_a_patient():
    roles = RoleResolver(admin_ids=frozenset({1}), staff_ids=frozenset({1, 2}))
    assert [await roles.role_of(i) for i in (1, 2, 3)] == [Role.ADMIN, Role.STAFF, Role.PATIENT]
    assert await roles.privileged() == {1: Role.ADMIN, 2: Role.STAFF}


def test_menus_follow_roles_and_order():
    commands = [MenuCommand("call", "Panggil / Call", STAFF_ROLES, order=10),
                MenuCommand("help", "Bantuan / Help", order=1),
                MenuCommand("broadcast", "Siaran / Broadcast", frozenset({Role.ADMIN}), order=20)]
    assert [c.command for c in menu_for(Role.PATIENT, commands)] == ["help"]
    assert [c.command for c in menu_for(Role.STAFF, commands)] == ["help", "call"]
    assert [c.command for c in menu_for(Role.ADMIN, commands)] == ["help", "call", "broadcast"]


def test_every_text_is_in_both_languages_and_shown_in_one(texts):
    assert all(set(entry) == {"id", "en"} and all(entry.values()) for entry in texts.values())
    indonesian, english = t("error.generic", "id", emergency="119"), t("error.generic", "en", emergency="119")
    assert indonesian.startswith("Maaf") and "Sorry" not in indonesian
    assert english.startswith("Sorry") and "Maaf" not in english
    with pytest.raises(TypeError):
        t("error.generic", emergency="119")  # no language: a caller must say whose message it is


def test_a_text_defined_twice_or_in_one_language_stops_the_merge():
    with pytest.raises(ValueError, match="defined twice"):
        merge_texts({"a.b": {"id": "x", "en": "y"}}, {"a.b": {"id": "x", "en": "y"}})
    with pytest.raises(ValueError, match="both languages"):
        merge_texts({"a.c": {"id": "x"}})


def test_a_text_not_in_the_tables_says_where_texts_come_from(texts):
    with pytest.raises(KeyError, match="app/tables.py"):
        t("no.such.text", "id")


def test_menu_descriptions_follow_the_language():
    command = MenuCommand("help", "Bantuan / Help")
    assert command.text("id") == "Bantuan" and command.text("en") == "Help"
    assert [c.description for c in menu_for(Role.PATIENT, [command], "en")] == ["Help"]


def _update(update_id: int, chat_id: int) -> Update:
    user = User(chat_id, "U", False)
    chat = Chat(chat_id, "private")
    return Update(update_id, message=Message(update_id, None, chat, from_user=user, text="x"))


async def test_one_chat_in_order_other_chats_in_parallel():
    processor = PerChatUpdateProcessor(16)
    log: list[tuple[int, int]] = []
    release = asyncio.Event()

    async def work(chat_id: int, n: int, wait: bool) -> None:
        if wait:
            await release.wait()
        log.append((chat_id, n))

    tasks = [asyncio.create_task(processor.process_update(_update(1, 1), work(1, 1, True))),
             asyncio.create_task(processor.process_update(_update(2, 1), work(1, 2, False))),
             asyncio.create_task(processor.process_update(_update(3, 2), work(2, 1, False)))]
    await asyncio.wait_for(tasks[2], scaled(REPLY))  # chat 2 is not held up by chat 1
    assert log == [(2, 1)]
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), scaled(REPLY))
    assert log == [(2, 1), (1, 1), (1, 2)]
