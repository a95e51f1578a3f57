"""Python client of the local server's user side, for tests and benchmarks.

    async with LocalTelegram(server.root_url) as tg:
        ani = await tg.user(first_name="Ani")            # or tg.user(42, role_hint="staff")
        await ani.send("/start")
        reply = await ani.next_message()                  # the bot's next message (a dict)
        await ani.press("Poli Umum")                      # inline button by its text
        edit = await ani.next_event("edit")
        await ani.nothing_before(ani.send("/help"), "Perintah")  # nothing else came: a probe proves it

Waiting is polling with a deadline (long polls on the server), never a fixed sleep. Events not
yet asked for are kept, so awaiting an edit after a message loses nothing. A deadline only
bounds a failure: `reply_timeout` (default 30 s) when a wait names none, and every deadline is
multiplied by `timeout_scale` (the tests pass PUSQUE_TEST_TIMEOUT_SCALE: tests/deadlines.py).
"""
from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import aiohttp

Event = dict[str, Any]


class UserError(RuntimeError):
    """The local server refused a user action (HTTP status and description)."""


class LocalTelegram:
    def __init__(self, root_url: str, session: aiohttp.ClientSession | None = None, *,
                 passcode: str | None = None, reply_timeout: float = 30.0, timeout_scale: float = 1.0) -> None:
        """`root_url` may be the printed page address; a `?passcode=` in it is used as `passcode`
        (needed when the server is not on loopback, local_botapi/access.py)."""
        url = urlsplit(root_url)
        passcode = passcode or dict(parse_qsl(url.query)).get("passcode")
        self.root_url = urlunsplit((url.scheme, url.netloc, url.path, "", "")).rstrip("/")
        self.headers = {"X-PusQue-Passcode": passcode} if passcode else {}
        self.reply_timeout = reply_timeout  # a wait's deadline when it names none (seconds)
        self.timeout_scale = timeout_scale  # multiplies every deadline: a slower machine waits longer
        self._own_session = session is None
        self.session = session or aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=90))

    async def __aenter__(self) -> "LocalTelegram":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_session:
            await self.session.close()

    async def call(self, method: str, path: str, **kw: Any) -> Any:
        if self.headers:
            kw["headers"] = {**self.headers, **kw.get("headers", {})}
        async with self.session.request(method, self.root_url + path, **kw) as resp:
            body = await resp.json()
        if not body.get("ok"):
            raise UserError(f"{resp.status}: {body.get('description')}")
        return body["result"]

    async def user(self, user_id: int | None = None, first_name: str | None = None, *,
                   role_hint: str = "patient", **fields: Any) -> "UserClient":
        """Create (or reuse) a user; give `user_id` to make a known staff/admin id."""
        data = {"id": user_id, "first_name": first_name, "role_hint": role_hint, **fields}
        info = await self.call("POST", "/local/users", json=data)
        return UserClient(self, info)

    async def stats(self) -> dict:
        return await self.call("GET", "/local/stats")

    async def faults(self, **changes) -> dict:
        """Read (no arguments) or change the server's fault injection (local_botapi/faults.py)."""
        if changes:
            return await self.call("POST", "/local/faults", json=changes)
        return await self.call("GET", "/local/faults")


class UserClient:
    """One simulated Telegram user in a private chat with the bot."""

    def __init__(self, tg: LocalTelegram, info: dict) -> None:
        self.tg = tg
        self.id: int = info["id"]
        self.first_name: str = info["first_name"]
        self._path = f"/local/users/{self.id}"
        self._cursor = info.get("last_seq", 0)
        self._pending: list[Event] = []
        self.messages: dict[int, dict] = {}  # the bot's messages as last seen (edits applied)

    # ------------------------------------------------------------------ actions
    async def send(self, text: str) -> dict:
        return await self.tg.call("POST", f"{self._path}/text", json={"text": text})

    async def command(self, name: str, args: str = "") -> dict:
        return await self.send(f"/{name.lstrip('/')}" + (f" {args}" if args else ""))

    async def send_photo(self, data: bytes, caption: str = "", filename: str = "photo.jpg") -> dict:
        form = aiohttp.FormData()
        form.add_field("photo", data, filename=filename, content_type="image/jpeg")
        if caption:
            form.add_field("caption", caption)
        return await self.tg.call("POST", f"{self._path}/photo", data=form)

    async def send_document(self, data: bytes, filename: str, caption: str = "",
                            content_type: str = "application/octet-stream") -> dict:
        form = aiohttp.FormData()
        form.add_field("document", data, filename=filename, content_type=content_type)
        if caption:
            form.add_field("caption", caption)
        return await self.tg.call("POST", f"{self._path}/document", data=form)

    async def share_contact(self, phone_number: str | None = None) -> dict:
        return await self.tg.call("POST", f"{self._path}/contact", json={"phone_number": phone_number})

    async def press(self, text: str | None = None, *, data: str | None = None,
                    message: dict | None = None) -> str:
        """Press an inline button (by its text or callback_data) on `message` or the latest
        bot message that has one; returns the callback_query id."""
        candidates = [message] if message else sorted(self.messages.values(), key=lambda m: -m["message_id"])
        for msg in candidates:
            for row in (msg.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if (text is not None and button["text"] == text) or (data is not None and button.get("callback_data") == data):
                        result = await self.tg.call("POST", f"{self._path}/callback", json={
                            "message_id": msg["message_id"], "data": button.get("callback_data")})
                        return result["callback_query_id"]
        raise UserError(f"no inline button {text or data!r} in the bot's messages")

    async def press_forged(self, message_id: int, data: str) -> str:
        """A press no honest client could make: any callback data, any message id."""
        result = await self.tg.call("POST", f"{self._path}/callback",
                                    json={"message_id": message_id, "data": data, "forge": True})
        return result["callback_query_id"]

    async def faults(self, **changes) -> dict:
        return await self.tg.faults(**changes)

    async def keyboard(self) -> list[list[dict]] | None:
        info = await self.tg.call("GET", self._path)
        return (info["keyboard"] or {}).get("keyboard")

    async def press_reply(self, text: str) -> dict:
        """Press a reply-keyboard button: sends its text, or the contact for request_contact."""
        for row in await self.keyboard() or []:
            for button in row:
                if button["text"] == text:
                    if button.get("request_contact"):
                        return await self.share_contact()
                    return await self.send(text)
        raise UserError(f"no reply keyboard button {text!r}")

    async def menu(self) -> list[str]:
        """The command menu this user sees (command names)."""
        info = await self.tg.call("GET", self._path)
        return [c["command"] for c in info["commands"]]

    async def block(self, blocked: bool = True) -> None:
        await self.tg.call("POST", f"{self._path}/block", json={"blocked": blocked})

    async def unblock(self) -> None:
        await self.block(False)

    # ------------------------------------------------------------------ waiting
    async def _fetch(self, timeout: float) -> None:
        result = await self.tg.call("GET", f"{self._path}/events",
                                    params={"after": self._cursor, "timeout": f"{timeout:.2f}"})
        for event in result["events"]:
            self._cursor = max(self._cursor, event["seq"])
            if event["kind"] in ("message", "edit") and not event.get("outgoing"):
                self.messages[event["message"]["message_id"]] = event["message"]
            elif event["kind"] == "delete":
                self.messages.pop(event["message_id"], None)
            if not event.get("outgoing"):
                self._pending.append(event)

    def _seconds(self, timeout: float | None) -> float:
        return (self.tg.reply_timeout if timeout is None else timeout) * self.tg.timeout_scale

    async def _wait(self, predicate: Callable[[Event], bool], seconds: float, what: str) -> Event:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            for i, event in enumerate(self._pending):
                if predicate(event):
                    return self._pending.pop(i)
            left = deadline - loop.time()
            if left <= 0:
                seen = [(e["kind"], (e.get("message") or {}).get("text")) for e in self._pending]
                raise TimeoutError(f"user {self.id}: no {what} within {seconds:g}s; unread: {seen}")
            await self._fetch(min(left, 10.0))

    async def wait_for(self, predicate: Callable[[Event], bool], timeout: float | None = None,
                       what: str = "event") -> Event:
        """The first unread event that satisfies `predicate` (others stay unread)."""
        return await self._wait(predicate, self._seconds(timeout), what)

    async def next_event(self, kind: str, timeout: float | None = None) -> Event:
        return await self.wait_for(lambda e: e["kind"] == kind, timeout, what=kind)

    @staticmethod
    def _is_message(contains: str | None) -> Callable[[Event], bool]:
        def match(e: Event) -> bool:
            if e["kind"] != "message":
                return False
            m = e["message"]
            return contains is None or contains in (m.get("text") or m.get("caption") or "")
        return match

    async def next_message(self, timeout: float | None = None, contains: str | None = None) -> dict:
        """The bot's next message (optionally the next one whose text/caption contains `contains`)."""
        event = await self.wait_for(self._is_message(contains), timeout,
                                    what=f"message{' with ' + repr(contains) if contains else ''}")
        return event["message"]

    async def next_messages(self, n: int, timeout: float | None = None) -> list[dict]:
        """The bot's next `n` messages, all within one deadline."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._seconds(timeout)
        return [(await self._wait(self._is_message(None), max(0.01, deadline - loop.time()), "message"))["message"]
                for _ in range(n)]

    async def nothing_before(self, probe: Awaitable[Any] | None, reply: str, *, unwanted: str | None = None,
                             timeout: float | None = None) -> dict:
        """Prove that the bot sent this user nothing (or nothing containing `unwanted`) since the
        test last read: await `probe`, an action that surely makes the bot send this user a
        message containing `reply` *after* anything the action under test could have sent (the
        same chat's next update, handled in order; or a notice after the outbox is settled), then
        assert that this message arrives and that no unread message came before it. Returns the
        probe's reply. A short silence proves nothing on a slow machine; this does.
        `probe=None` when the test has already triggered it."""
        if probe is not None:
            await probe
        marker = await self.wait_for(self._is_message(reply), timeout, what=f"probe reply with {reply!r}")
        wanted = self._is_message(unwanted)
        before = [e for e in self._pending if e["seq"] < marker["seq"] and wanted(e)]
        if before:
            texts = [(e["message"].get("text") or e["message"].get("caption") or e["message"]) for e in before]
            raise AssertionError(f"user {self.id}: unexpected bot message(s) before the probe's reply "
                                 f"{reply!r}: {texts}")
        return marker["message"]

    async def download(self, file_id: str) -> bytes:
        async with self.tg.session.get(f"{self.tg.root_url}/local/files/{file_id}", headers=self.tg.headers) as resp:
            if resp.status != 200:
                raise UserError(f"{resp.status}: file {file_id}")
            return await resp.read()
