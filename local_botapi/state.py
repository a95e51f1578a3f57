"""The local Bot API server's world: one bot, its users, their private chats, the update queue
and the files. Everything is in memory; a restart starts a fresh world (as a new test does).

Bot-side methods (methods.py) and the user side (the chat page and the test client, userapi.py)
both act on this state; it never does I/O itself.
"""
from __future__ import annotations

import asyncio
import hashlib
import itertools
import secrets
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError, bad_request
from .formatting import auto_entities

LOCAL_TOKEN = "1000001:PUSQUE-local-token"
UPDATE_TYPES = (
    "message", "edited_message", "callback_query", "my_chat_member", "chat_member",
    "message_reaction", "message_reaction_count", "inline_query", "chosen_inline_result",
    "channel_post", "edited_channel_post", "shipping_query", "pre_checkout_query", "poll",
    "poll_answer", "chat_join_request", "chat_boost", "removed_chat_boost",
)
DEFAULT_ALLOWED = frozenset(UPDATE_TYPES) - {"chat_member", "message_reaction", "message_reaction_count"}


class Notifier:
    """Wake every waiter when something changes (long polls of the bot and of users)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> bool:
        event = self._event
        try:
            await asyncio.wait_for(event.wait(), timeout)
            return True
        except asyncio.TimeoutError:
            return False


@dataclass
class User:
    id: int
    first_name: str
    last_name: str = ""
    username: str = ""
    language_code: str = "id"
    role_hint: str = "patient"
    phone_number: str = ""
    blocked: bool = False

    def to_api(self) -> dict:
        d: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            d["last_name"] = self.last_name
        if self.username:
            d["username"] = self.username
        if self.language_code:
            d["language_code"] = self.language_code
        return d

    def to_page(self) -> dict:
        return {**self.to_api(), "role_hint": self.role_hint, "phone_number": self.phone_number,
                "blocked": self.blocked}

    def chat_api(self) -> dict:
        d = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            d["last_name"] = self.last_name
        if self.username:
            d["username"] = self.username
        return d


@dataclass
class Chat:
    """A private chat between the bot and one user; message ids are per chat, as on Telegram."""

    user: User
    next_message_id: int = 1
    messages: dict[int, dict] = field(default_factory=dict)
    events: list[dict] = field(default_factory=list)
    reply_keyboard: dict | None = None
    changed: Notifier = field(default_factory=Notifier)

    def new_message_id(self) -> int:
        mid = self.next_message_id
        self.next_message_id += 1
        return mid

    def emit(self, kind: str, **data: Any) -> dict:
        event = {"seq": len(self.events) + 1, "kind": kind, "time": time.time(), **data}
        self.events.append(event)
        self.changed.notify()
        return event


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    mime_type: str = ""
    file_name: str = ""
    width: int = 0
    height: int = 0

    def api(self, kind: str) -> dict:
        d: dict[str, Any] = {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                             "file_size": len(self.data)}
        if kind == "photo":
            d.update(width=self.width, height=self.height)
        else:
            if self.file_name:
                d["file_name"] = self.file_name
            if self.mime_type:
                d["mime_type"] = self.mime_type
        return d


def image_size(data: bytes) -> tuple[int, int]:
    try:
        import io

        from PIL import Image  # cheap: reads the header only

        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except Exception:  # noqa: BLE001 - not an image Pillow knows: Telegram would refuse, we report 0
        return (0, 0)


@dataclass
class Webhook:
    url: str = ""
    secret_token: str = ""
    max_connections: int = 40
    last_error_date: int = 0
    last_error_message: str = ""


class BotState:
    """One bot (identified by its token) and the world it talks to."""

    def __init__(self, token: str = LOCAL_TOKEN, first_name: str = "PusQue", username: str = "pusque_bot") -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.me = {"id": self.bot_id, "is_bot": True, "first_name": first_name, "username": username,
                   "can_join_groups": False, "can_read_all_group_messages": False,
                   "supports_inline_queries": False, "can_connect_to_business": False,
                   "has_main_web_app": False}
        self.me_short = {k: self.me[k] for k in ("id", "is_bot", "first_name", "username")}
        self.role_ids: dict[str, list[int]] = {}  # hints for the chat page: ids the bot treats as staff/admin
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.updates: list[dict] = []
        self.next_update_id = 1
        self.updates_changed = Notifier()
        self.users_changed = Notifier()
        self.closing = False  # set by the server's stop: open long polls answer at once
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED
        self.webhook = Webhook()
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[dict]] = {}
        self.callback_queries: dict[str, tuple[int, int]] = {}
        self._ids = itertools.count(1)
        self._user_ids = itertools.count(700_000_001)
        self.stats = {"updates": 0, "sent": 0, "429": 0, "403": 0, "400": 0}
        self.recent_errors: deque[str] = deque(maxlen=50)  # the last 400 answers (method: description)
        self.calls: Counter = Counter()  # bot-side method calls by name, whatever their answer

    # ------------------------------------------------------------------ users and chats
    def create_user(self, first_name: str, user_id: int | None = None, **kw: Any) -> User:
        if user_id is None:
            user_id = next(self._user_ids)
            while user_id in self.users:
                user_id = next(self._user_ids)
        if user_id in self.users:
            user = self.users[user_id]
            for k, v in kw.items():
                if v is not None:
                    setattr(user, k, v)
            return user
        user = User(id=user_id, first_name=first_name, **{k: v for k, v in kw.items() if v is not None})
        self.users[user_id] = user
        self.users_changed.notify()
        return user

    def user(self, user_id: int) -> User:
        try:
            return self.users[user_id]
        except KeyError:
            raise ApiError(404, f"user {user_id} does not exist") from None

    def chat_for_user(self, user: User) -> Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = self.chats[user.id] = Chat(user)
        return chat

    def bot_chat(self, chat_id: Any) -> Chat:
        """The chat the bot addresses, with Telegram's errors for unknown and blocked users."""
        try:
            cid = int(chat_id)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None
        chat = self.chats.get(cid)
        if chat is None:
            if cid in self.users:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise bad_request("chat not found")
        if chat.user.blocked:
            self.stats["403"] += 1
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    # ------------------------------------------------------------------ updates
    def push_update(self, kind: str, payload: dict) -> dict:
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        self.updates.append(update)
        self.stats["updates"] += 1
        self.updates_changed.notify()
        return update

    def confirm(self, offset: int) -> None:
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]

    def deliverable(self, limit: int = 100) -> list[dict]:
        allowed = self.allowed_updates
        kept = [u for u in self.updates if next(k for k in u if k != "update_id") in allowed]
        self.updates = kept
        return kept[:limit]

    # ------------------------------------------------------------------ user actions
    def user_message(self, user: User, **content: Any) -> dict:
        """A message from a user to the bot (text, photo, contact...), queued as an update."""
        chat = self.chat_for_user(user)
        if user.blocked:
            raise ApiError(409, "you blocked the bot; unblock it first")
        message = {"message_id": chat.new_message_id(), "from": user.to_api(), "chat": user.chat_api(),
                   "date": int(time.time()), **content}
        if "text" in message and "entities" not in message:
            entities = auto_entities(message["text"])
            if entities:
                message["entities"] = entities
        if "caption" in message and "caption_entities" not in message:
            entities = auto_entities(message["caption"])
            if entities:
                message["caption_entities"] = entities
        chat.messages[message["message_id"]] = message
        chat.emit("message", message=message, outgoing=True)
        self.push_update("message", message)
        return message

    def press_inline(self, user: User, message_id: int, data: str, forge: bool = False) -> str:
        """A button press; `forge=True` is a modified client: any data, any message id."""
        chat = self.chat_for_user(user)
        message = chat.messages.get(message_id)
        if forge:
            if message is None:  # Telegram sends an inaccessible message (date 0)
                message = {"chat": user.chat_api(), "message_id": message_id, "date": 0}
        elif message is None or message.get("from", {}).get("id") != self.bot_id:
            raise ApiError(404, "no such bot message")
        else:
            buttons = [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
            if not any(b.get("callback_data") == data for b in buttons):
                raise ApiError(404, "the message has no button with this callback_data")
        query_id = str(next(self._ids) * 1000 + secrets.randbelow(1000))
        self.callback_queries[query_id] = (user.id, message_id)
        instance = hashlib.sha1(f"{self.bot_id}:{user.id}".encode()).hexdigest()[:16]
        self.push_update("callback_query", {"id": query_id, "from": user.to_api(), "message": message,
                                            "chat_instance": instance, "data": data})
        return query_id

    def set_blocked(self, user: User, blocked: bool) -> None:
        if user.blocked == blocked:
            return
        user.blocked = blocked
        chat = self.chat_for_user(user)
        member = {"user": self.me_short, "status": "member"}
        kicked = {"user": self.me_short, "status": "kicked", "until_date": 0}
        old, new = (member, kicked) if blocked else (kicked, member)
        chat.emit("blocked", blocked=blocked)
        self.push_update("my_chat_member", {"chat": user.chat_api(), "from": user.to_api(),
                                            "date": int(time.time()), "old_chat_member": old,
                                            "new_chat_member": new})
        self.users_changed.notify()

    # ------------------------------------------------------------------ files
    def store_file(self, data: bytes, kind: str, file_name: str = "", mime_type: str = "") -> StoredFile:
        unique = hashlib.sha256(data).hexdigest()[:16]
        n = next(self._ids)
        folder = {"photo": "photos", "document": "documents"}.get(kind, kind + "s")
        ext = "jpg" if kind == "photo" else (file_name.rsplit(".", 1)[-1] if "." in file_name else "bin")
        stored = StoredFile(file_id=f"{kind[:2].upper()}{n}-{unique}-{secrets.token_hex(4)}",
                            file_unique_id=unique, data=data, file_path=f"{folder}/file_{n}.{ext}",
                            mime_type=mime_type, file_name=file_name)
        if kind == "photo":
            stored.width, stored.height = image_size(data)
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)

    # ------------------------------------------------------------------ commands
    def commands_for_user(self, user: User) -> list[dict]:
        """The menu a user sees: Telegram's scope resolution order for a private chat."""
        lang = user.language_code or ""
        for scope in (f"chat:{user.id}", "all_private_chats", "default"):
            for code in (lang, ""):
                if (scope, code) in self.commands:
                    return self.commands[(scope, code)]
        return []
