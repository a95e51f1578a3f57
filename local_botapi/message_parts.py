"""What the send and edit methods share: checking text, captions, markup and files, the flood
limits, and building or changing a message in a chat's history."""
from __future__ import annotations

import time
from typing import Any

from . import formatting
from .errors import ApiError, bad_request
from .params import Params
from .state import Chat

MAX_TEXT = 4096
MAX_CAPTION = 1024


def check_markup(markup: Any) -> dict | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        for row in markup["inline_keyboard"]:
            for b in row:
                if not isinstance(b, dict) or not b.get("text"):
                    raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
                data = b.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    raise bad_request("BUTTON_DATA_INVALID")
                if not any(k in b for k in ("callback_data", "url", "switch_inline_query", "web_app",
                                            "login_url", "copy_text", "callback_game", "pay",
                                            "switch_inline_query_current_chat")):
                    raise bad_request("can't parse inline keyboard button: InlineKeyboardButton must have exactly one optional field")
    elif "keyboard" in markup:
        markup = {**markup, "keyboard": [[b if isinstance(b, dict) else {"text": str(b)} for b in row]
                                         for row in markup["keyboard"]]}
        if not any(markup["keyboard"]):
            raise bad_request("keyboard must be non-empty")
    elif not (markup.get("remove_keyboard") or markup.get("force_reply")):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def rate_check(api, chat: Chat) -> None:
    retry = api.limits.check(chat.user.id)
    if retry:
        api.state.stats["429"] += 1
        raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})


def reply_target(p: Params, chat: Chat) -> dict | None:
    params = p.json("reply_parameters") or {}
    mid = params.get("message_id") or p.int("reply_to_message_id")
    if not mid:
        return None
    target = chat.messages.get(int(mid))
    if target is None:
        if params.get("allow_sending_without_reply") or p.bool("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")
    return {k: v for k, v in target.items() if k != "reply_to_message"}


def send_message(api, p: Params, content: dict) -> dict:
    """Common path of every send* method: chat checks, flood limits, markup, storing, events."""
    state = api.state
    chat = state.bot_chat(p.require("chat_id"))
    markup = check_markup(p.json("reply_markup"))
    reply_to = reply_target(p, chat)
    rate_check(api, chat)
    message = {"message_id": chat.new_message_id(), "from": state.me_short, "chat": chat.user.chat_api(),
               "date": int(time.time()), **content}
    if reply_to:
        message["reply_to_message"] = reply_to
    if markup and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    chat.messages[message["message_id"]] = message
    state.stats["sent"] += 1
    chat.emit("message", message=message, outgoing=False)
    if markup and "keyboard" in markup:
        chat.reply_keyboard = markup
        chat.emit("keyboard", keyboard=markup)
    elif markup and markup.get("remove_keyboard"):
        chat.reply_keyboard = None
        chat.emit("keyboard", keyboard=None)
    return message


def text_with_entities(p: Params, field: str, limit: int, required: bool) -> tuple[str, list[dict]]:
    raw = p.str(field, "") or ""
    if required and not raw.strip():
        raise bad_request("message text is empty")
    text, entities = formatting.parse(raw, p.str("parse_mode"), p.json("entities" if field == "text" else "caption_entities"))
    if required and not text.strip():
        raise bad_request("message text is empty")
    if formatting.u16len(text) > limit:
        raise bad_request("message is too long" if field == "text" else "message caption is too long")
    return text, entities


def caption_of(p: Params) -> dict:
    text, entities = text_with_entities(p, "caption", MAX_CAPTION, required=False)
    out: dict[str, Any] = {}
    if text:
        out["caption"] = text
        if entities:
            out["caption_entities"] = entities
    return out


def input_file(api, p: Params, field: str, kind: str):
    if field in p.files:
        data, name, ctype = p.files[field]
    else:
        ref = p.str(field)
        if not ref:
            raise bad_request(f"there is no {kind} in the request")
        if ref.startswith("attach://"):
            if ref[9:] not in p.files:
                raise bad_request(f"file attach://{ref[9:]} not found")
            data, name, ctype = p.files[ref[9:]]
        elif ref.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        else:
            stored = api.state.files.get(ref)
            if stored is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            return stored
    if not data:
        raise bad_request("file must be non-empty")
    return api.state.store_file(data, kind, file_name=name or "", mime_type=ctype or "")


def edit_target(api, p: Params) -> tuple[Chat, dict]:
    if p.has("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = api.state.bot_chat(p.require("chat_id"))
    message = chat.messages.get(p.int("message_id") or 0)
    if message is None:
        raise bad_request("message to edit not found")
    if message["from"].get("id") != api.state.bot_id:
        raise bad_request("message can't be edited")
    return chat, message


def apply_edit(chat: Chat, message: dict, changes: dict, markup: dict | None) -> dict:
    before = {k: message.get(k) for k in (*changes, "reply_markup")}
    after = {**changes, "reply_markup": markup if markup and "inline_keyboard" in markup else None}
    if before == after:
        raise bad_request("message is not modified: specified new message content and reply markup "
                          "are exactly the same as a current content and reply markup of the message")
    for k, v in after.items():
        if v is None or v == []:
            message.pop(k, None)
        else:
            message[k] = v
    message["edit_date"] = int(time.time())
    chat.emit("edit", message=message)
    return message


# ---------------------------------------------------------------------------- methods
