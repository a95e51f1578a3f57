"""Personal commands in a group chat: a pointer to the private chat, nothing personal, and the
command's own handler never runs there."""
import datetime as dt

import pytest
from telegram import Bot, Chat, Message, MessageEntity, Update, User
from telegram.ext import ApplicationHandlerStop, CommandHandler

from handlers import private_only


def _bot() -> Bot:
    bot = Bot("1:x")
    bot._bot_user = User(1, "PusQue", True, username="pusque_bot")  # what initialize() would fetch
    return bot


def _update(bot: Bot, chat_type: str, text: str = "/data") -> Update:
    user = User(7, "Siti", False)
    chat = Chat(-100 if chat_type != "private" else 7, chat_type)
    message = Message(1, dt.datetime.now(dt.timezone.utc), chat, from_user=user, text=text,
                      entities=[MessageEntity("bot_command", 0, len(text.split()[0]))])
    message.set_bot(bot)
    return Update(1, message=message)


def _handler() -> CommandHandler:
    return CommandHandler(private_only.PERSONAL, private_only.private_only,
                          filters=private_only.filters.ChatType.PRIVATE.__invert__())


@pytest.mark.parametrize("command", ["/data", "/daftar", "/status", "/batal", "/antre"])
def test_personal_commands_are_caught_in_groups_only(command):
    bot = _bot()
    handler = _handler()
    assert handler.check_update(_update(bot, "group", command))
    assert handler.check_update(_update(bot, "supergroup", command))
    assert not handler.check_update(_update(bot, "private", command))
    assert not handler.check_update(_update(bot, "group", "/help"))


async def test_the_group_gets_a_pointer_and_nothing_else(monkeypatch, texts):
    bot = _bot()
    update = _update(bot, "group")
    sent = []

    async def reply_text(self, text, **kw):
        sent.append((text, kw.get("reply_markup")))

    monkeypatch.setattr(Message, "reply_text", reply_text)

    class Context:
        pass

    context = Context()
    context.user_data = {"lang": "id"}  # the sender chose Indonesian: the pointer is in Indonesian only
    context.bot = type("B", (), {"username": "pusque_bot"})()
    with pytest.raises(ApplicationHandlerStop):  # no other handler (the command's own) runs after it
        await private_only.private_only(update, context)
    (text, markup), = sent
    assert "chat pribadi" in text and "@pusque_bot" in text
    assert markup.inline_keyboard[0][0].url == "https://t.me/pusque_bot"
