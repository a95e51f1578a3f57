"""Bot API methods as Telegram answers them (result objects and error texts).

Each method is `async def name(api, p) -> result`; `api` is the LocalBotApi (state + limits),
`p` the request's parameters. Names are matched case-insensitively, as Telegram does.
"""
from __future__ import annotations

import asyncio
import re
from typing import Any, Awaitable, Callable

from .errors import ApiError, bad_request
from .message_parts import (
    MAX_TEXT,
    apply_edit,
    caption_of,
    check_markup,
    edit_target,
    input_file,
    send_message,
    text_with_entities,
)
from .params import Params
from .state import UPDATE_TYPES

MAX_DOWNLOAD = 20 * 1024 * 1024
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")


METHODS: dict[str, Callable[[Any, Params], Awaitable[Any]]] = {}


def method(fn):
    METHODS[fn.__name__.replace("_", "").lower()] = fn
    return fn


@method
async def getMe(api, p):
    return api.state.me


@method
async def logOut(api, p):
    return True


@method
async def close(api, p):
    return True


@method
async def getUpdates(api, p):
    state = api.state
    if state.webhook.url:
        raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
    offset, limit = p.int("offset", 0), max(1, min(100, p.int("limit", 100)))
    timeout = max(0, min(50, p.int("timeout", 0)))
    allowed = p.json("allowed_updates")
    if allowed is not None:
        state.allowed_updates = frozenset(allowed) if allowed else frozenset(UPDATE_TYPES) - {"chat_member", "message_reaction", "message_reaction_count"}
    state.confirm(offset)
    ticket = api.new_poll_ticket()
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        updates = state.deliverable(limit)
        if updates or timeout == 0:
            return updates
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return []
        await state.updates_changed.wait(left)
        if api.poll_ticket != ticket:
            raise ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")


@method
async def setWebhook(api, p):
    url = p.str("url", "") or ""
    secret = p.str("secret_token", "") or ""
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise bad_request("secret token contains unallowed characters")
    if url and not re.match(r"https?://", url):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if p.bool("drop_pending_updates"):
        api.state.updates.clear()
    allowed = p.json("allowed_updates")
    if allowed is not None:
        api.state.allowed_updates = frozenset(allowed) or api.state.allowed_updates
    api.set_webhook(url, secret, p.int("max_connections", 40))
    return True


@method
async def deleteWebhook(api, p):
    if p.bool("drop_pending_updates"):
        api.state.updates.clear()
    api.set_webhook("", "", 40)
    return True


@method
async def getWebhookInfo(api, p):
    hook = api.state.webhook
    info = {"url": hook.url, "has_custom_certificate": False,
            "pending_update_count": len(api.state.updates)}
    if hook.url:
        info["max_connections"] = hook.max_connections
        info["allowed_updates"] = sorted(api.state.allowed_updates)
    if hook.last_error_date:
        info.update(last_error_date=hook.last_error_date, last_error_message=hook.last_error_message)
    return info


@method
async def sendMessage(api, p):
    text, entities = text_with_entities(p, "text", MAX_TEXT, required=True)
    content: dict[str, Any] = {"text": text}
    if entities:
        content["entities"] = entities
    return send_message(api, p, content)


@method
async def sendPhoto(api, p):
    api.state.bot_chat(p.require("chat_id"))
    caption = caption_of(p)
    stored = input_file(api, p, "photo", "photo")
    return send_message(api, p, {"photo": [stored.api("photo")], **caption})


@method
async def sendDocument(api, p):
    api.state.bot_chat(p.require("chat_id"))
    caption = caption_of(p)
    stored = input_file(api, p, "document", "document")
    return send_message(api, p, {"document": stored.api("document"), **caption})


@method
async def sendChatAction(api, p):
    chat = api.state.bot_chat(p.require("chat_id"))
    action = p.str("action") or ""
    if action not in ("typing", "upload_photo", "record_video", "upload_video", "record_voice",
                      "upload_voice", "upload_document", "choose_sticker", "find_location",
                      "record_video_note", "upload_video_note"):
        raise bad_request("wrong parameter action in request")
    chat.emit("chat_action", action=action)
    return True


@method
async def editMessageText(api, p):
    chat, message = edit_target(api, p)
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    text, entities = text_with_entities(p, "text", MAX_TEXT, required=True)
    return apply_edit(chat, message, {"text": text, "entities": entities or None},
                       check_markup(p.json("reply_markup")))


@method
async def editMessageCaption(api, p):
    chat, message = edit_target(api, p)
    caption = caption_of(p)
    return apply_edit(chat, message, {"caption": caption.get("caption"),
                                       "caption_entities": caption.get("caption_entities")},
                       check_markup(p.json("reply_markup")))


@method
async def editMessageReplyMarkup(api, p):
    chat, message = edit_target(api, p)
    return apply_edit(chat, message, {}, check_markup(p.json("reply_markup")))


@method
async def deleteMessage(api, p):
    chat = api.state.bot_chat(p.require("chat_id"))
    mid = p.int("message_id") or 0
    if chat.messages.pop(mid, None) is None:
        raise bad_request("message to delete not found")
    chat.emit("delete", message_id=mid)
    return True


@method
async def answerCallbackQuery(api, p):
    where = api.state.callback_queries.pop(p.str("callback_query_id") or "", None)
    if where is None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    chat = api.state.chats[where[0]]
    chat.emit("callback_answer", message_id=where[1], text=p.str("text", ""),
              show_alert=p.bool("show_alert"))
    return True


@method
async def getFile(api, p):
    stored = api.state.files.get(p.str("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    if len(stored.data) > MAX_DOWNLOAD:
        raise bad_request("file is too big")
    return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data), "file_path": stored.file_path}


def _scope_key(p: Params) -> tuple[str, str]:
    scope = p.json("scope") or {"type": "default"}
    kind = scope.get("type", "default")
    if kind in ("chat", "chat_administrators", "chat_member"):
        try:
            kind = f"{kind}:{int(scope.get('chat_id'))}"
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None
    elif kind not in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
        raise bad_request("wrong scope type specified")
    return kind, p.str("language_code", "") or ""


@method
async def setMyCommands(api, p):
    commands = p.json("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("commands must be a list of at most 100 commands")
    for c in commands:
        if not isinstance(c, dict) or not _COMMAND_NAME.fullmatch(str(c.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(c.get("description", ""))) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    key = _scope_key(p)
    if key[0].startswith("chat:"):
        api.state.bot_chat(key[0].split(":", 1)[1])
    api.state.commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
    for chat in api.state.chats.values():
        chat.emit("commands")
    return True


@method
async def getMyCommands(api, p):
    return api.state.commands.get(_scope_key(p), [])


@method
async def deleteMyCommands(api, p):
    api.state.commands.pop(_scope_key(p), None)
    for chat in api.state.chats.values():
        chat.emit("commands")
    return True


@method
async def getChat(api, p):
    chat = api.state.chats.get(p.int("chat_id") or 0)
    if chat is None:
        raise bad_request("chat not found")
    return {**chat.user.chat_api(), "accent_color_id": 0, "max_reaction_count": 11,
            "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                    "unique_gifts": False, "premium_subscription": False}}


for _name in ("setMyDescription", "setMyShortDescription", "setMyName", "setChatMenuButton",
              "setMyDefaultAdministratorRights"):
    async def _accept(api, p):
        return True
    METHODS[_name.lower()] = _accept
