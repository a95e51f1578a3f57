"""The user side of the local server: what a Telegram app would do, as a small JSON API.

Used by the chat page (static/index.html) and by the test client (client.py):

  GET  /local/users                         all users
  POST /local/users                         create (or update) a user: {id?, first_name, role_hint, ...}
  GET  /local/users/{id}                    the user, their reply keyboard and command menu
  POST /local/users/{id}/text               {text}: send a message (commands are marked as such)
  POST /local/users/{id}/photo              multipart photo (+caption): send a photo
  POST /local/users/{id}/document           multipart document (+caption)
  POST /local/users/{id}/contact            {phone_number?}: share the contact (request_contact)
  POST /local/users/{id}/callback           {message_id, data}: press an inline button
  POST /local/users/{id}/block              {blocked}: block or unblock the bot
  GET  /local/users/{id}/events?after=N&timeout=S   long poll of the chat's events
  GET  /local/files/{file_id}               a file's bytes (photos in the page)
  GET  /local/info                          the bot and the ids it treats as staff/admin (hints)
  GET  /local/stats                         counters (updates, sent, 429, 403, 400, calls by method)
  GET  /local/faults, POST /local/faults    fault injection settings and counters (faults.py)

A callback press with {"forge": true} skips the check that the message has that button (what a
modified client can do), and works on a message id that does not exist (inaccessible message).
"""
from __future__ import annotations

import asyncio
import json
import math

from aiohttp import web

from .errors import ApiError
from .faults import Faults
from .guard import BadJson, read_json
from .state import BotState

ROLE_HINTS = ("patient", "staff", "admin")


def _ok(result) -> web.Response:
    return web.json_response({"ok": True, "result": result}, dumps=lambda o: json.dumps(o, ensure_ascii=False))


def add_user_routes(app: web.Application, state: BotState, faults: Faults) -> None:

    @web.middleware
    async def errors(request, handler):
        try:
            return await handler(request)
        except ApiError as exc:
            return web.json_response(exc.payload(), status=exc.code)

    app.middlewares.append(errors)

    async def body(request: web.Request) -> dict:
        if not request.can_read_body:
            return {}
        try:
            data = await read_json(request)
        except BadJson as exc:
            raise ApiError(exc.status, f"body must be JSON ({exc.message})") from None
        if not isinstance(data, dict):
            raise ApiError(400, "body must be a JSON object")
        return data

    def user_of(request: web.Request):
        try:
            return state.user(int(request.match_info["uid"]))
        except ValueError:
            raise ApiError(404, "no such user") from None

    def view(user) -> dict:
        chat = state.chats.get(user.id)
        return {**user.to_page(), "keyboard": chat.reply_keyboard if chat else None,
                "commands": state.commands_for_user(user),
                "last_seq": len(chat.events) if chat else 0}

    async def list_users(request):
        return _ok([view(u) for u in state.users.values()])

    async def create_user(request):
        data = await body(request)
        role = data.get("role_hint") or "patient"
        if role not in ROLE_HINTS:
            raise ApiError(400, f"role_hint must be one of {', '.join(ROLE_HINTS)}")
        uid = data.get("id")
        try:
            uid = int(uid) if uid not in (None, "") else None
        except (TypeError, ValueError):
            raise ApiError(400, "id must be a number") from None
        if uid is not None and not 0 < uid < 2**52:
            raise ApiError(400, "id must be a positive number")
        name = str(data.get("first_name") or "").strip() or f"{role.title()} {uid or len(state.users) + 1}"
        user = state.create_user(name, uid, last_name=data.get("last_name"), username=data.get("username"),
                                 language_code=data.get("language_code"), role_hint=role,
                                 phone_number=data.get("phone_number"))
        if not user.phone_number:
            user.phone_number = f"+6281{user.id % 10**9:09d}"
        return _ok(view(user))

    async def get_user(request):
        return _ok(view(user_of(request)))

    async def send_text(request):
        user, data = user_of(request), await body(request)
        text = str(data.get("text") or "")
        if not text.strip():
            raise ApiError(400, "text is empty")
        content = {"text": text}
        chat = state.chat_for_user(user)
        keyboard = chat.reply_keyboard
        if keyboard and keyboard.get("one_time_keyboard") and any(
                b.get("text") == text for row in keyboard["keyboard"] for b in row):
            chat.reply_keyboard = None
            chat.emit("keyboard", keyboard=None)
        return _ok(state.user_message(user, **content))

    async def send_file(request, kind: str):
        user = user_of(request)
        caption, data, name, ctype = "", b"", "", ""
        reader = await request.multipart()
        async for part in reader:
            if part.name == "caption":
                caption = await part.text()
            elif part.filename is not None or part.name in ("photo", "document"):
                data, name = bytes(await part.read()), part.filename or ""
                ctype = part.headers.get("Content-Type", "")
        if not data:
            raise ApiError(400, f"no {kind} in the request")
        stored = state.store_file(data, kind, file_name=name, mime_type=ctype)
        content: dict = {"photo": [stored.api("photo")]} if kind == "photo" else {"document": stored.api("document")}
        if caption:
            content["caption"] = caption
        return _ok(state.user_message(user, **content))

    async def send_contact(request):
        user, data = user_of(request), await body(request)
        phone = str(data.get("phone_number") or user.phone_number)
        user.phone_number = phone
        contact = {"phone_number": phone, "first_name": user.first_name, "user_id": user.id}
        if user.last_name:
            contact["last_name"] = user.last_name
        chat = state.chat_for_user(user)
        if chat.reply_keyboard and chat.reply_keyboard.get("one_time_keyboard"):
            chat.reply_keyboard = None
            chat.emit("keyboard", keyboard=None)
        return _ok(state.user_message(user, contact=contact))

    async def press_callback(request):
        user, data = user_of(request), await body(request)
        try:
            message_id = int(data.get("message_id"))
        except (TypeError, ValueError):
            raise ApiError(400, "message_id must be a number") from None
        return _ok({"callback_query_id": state.press_inline(user, message_id, str(data.get("data") or ""),
                                                            forge=bool(data.get("forge")))})

    async def get_faults(request):
        f = faults
        return _ok({"rate_429": f.rate_429, "rate_500": f.rate_500, "rate_stall": f.rate_stall,
                    "retry_after": f.retry_after, "stall_seconds": f.stall_seconds,
                    "methods": sorted(f.methods), "stats": dict(f.stats)})

    async def set_faults(request):
        try:
            faults.configure(**await body(request))
        except (TypeError, ValueError) as exc:
            raise ApiError(400, str(exc)) from None
        return await get_faults(request)

    async def block(request):
        user, data = user_of(request), await body(request)
        state.set_blocked(user, bool(data.get("blocked", True)))
        return _ok(view(user))

    async def events(request):
        user = user_of(request)
        chat = state.chat_for_user(user)
        try:
            after = max(0, int(request.query.get("after", 0)))
            timeout = float(request.query.get("timeout", 0))
        except ValueError:
            raise ApiError(400, "after and timeout must be numbers") from None
        timeout = min(60.0, max(0.0, timeout)) if math.isfinite(timeout) else 0.0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(chat.events) <= after and not state.closing:
            left = deadline - loop.time()
            if left <= 0:
                break
            await chat.changed.wait(left)
        return _ok({"events": chat.events[after:], "last": len(chat.events)})

    async def file(request):
        stored = state.files.get(request.match_info["file_id"])
        if stored is None:
            raise ApiError(404, "no such file")
        return web.Response(body=stored.data, content_type=stored.mime_type or "image/jpeg",
                            headers={"Cache-Control": "max-age=3600"})

    async def info(request):
        return _ok({"bot": state.me_short, "role_ids": state.role_ids})

    async def stats(request):
        return _ok({**state.stats, "users": len(state.users), "pending_updates": len(state.updates),
                    "webhook": state.webhook.url, "recent_errors": list(state.recent_errors),
                    "calls": dict(state.calls)})

    r = app.router
    r.add_get("/local/users", list_users)
    r.add_post("/local/users", create_user)
    r.add_get("/local/users/{uid}", get_user)
    r.add_post("/local/users/{uid}/text", send_text)
    async def send_photo(request):
        return await send_file(request, "photo")

    async def send_document(request):
        return await send_file(request, "document")

    r.add_post("/local/users/{uid}/photo", send_photo)
    r.add_post("/local/users/{uid}/document", send_document)
    r.add_post("/local/users/{uid}/contact", send_contact)
    r.add_post("/local/users/{uid}/callback", press_callback)
    r.add_post("/local/users/{uid}/block", block)
    r.add_get("/local/users/{uid}/events", events)
    r.add_get("/local/files/{file_id}", file)
    r.add_get("/local/stats", stats)
    r.add_get("/local/info", info)
    r.add_get("/local/faults", get_faults)
    r.add_post("/local/faults", set_faults)
