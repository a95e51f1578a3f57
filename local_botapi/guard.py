"""Defences shared by the local Bot API server and the bot's web server (docs/security.md).

- `read_json(request)`: a JSON body with a size limit (413), a nesting limit and finite numbers
  only (400), without ever raising RecursionError or OverflowError into a handler.
- `ClientLimiter`: a token bucket per client address (refused requests, wrong passcodes).
- `quiet_bad_http()`: malformed HTTP (an 8 KB request line, a negative Content-Length, ...) is
  logged as one WARNING line instead of an ERROR with a traceback.
- `is_loopback(host)`, `installation_token(path)`, `new_passcode()`: local mode's safety.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import math
import os
import secrets
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

MAX_JSON_BYTES = 64 * 1024
MAX_JSON_DEPTH = 32
_PASS_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # read aloud or typed on a phone


class BadJson(ValueError):
    """A body refused before use: status 400 (malformed) or 413 (too large)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BadJson(400, "number out of range")
    return value


def _no_constant(name: str) -> Any:
    raise BadJson(400, f"{name} is not a number JSON allows")


def _depth(raw: str) -> int:
    """Deepest nesting of [ and { outside strings (a scan, so deep input cannot recurse)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def loads_limited(raw: bytes | str, *, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH) -> Any:
    if len(raw) > max_bytes:
        raise BadJson(413, f"body larger than {max_bytes} bytes")
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise BadJson(400, "body is not UTF-8") from None
    if _depth(text) > max_depth:
        raise BadJson(400, f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
    except BadJson:
        raise
    except (ValueError, RecursionError, OverflowError):
        raise BadJson(400, "body is not valid JSON") from None


async def read_json(request: web.Request, *, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The request's JSON body within the limits, or BadJson. Reads at most max_bytes + 1 bytes."""
    if request.content_length is not None and request.content_length > max_bytes:
        raise BadJson(413, f"body larger than {max_bytes} bytes")
    raw = bytearray()
    while len(raw) <= max_bytes:
        chunk = await request.content.read(max_bytes + 1 - len(raw))
        if not chunk:
            break
        raw += chunk
    return loads_limited(bytes(raw), max_bytes=max_bytes, max_depth=max_depth)


class ClientLimiter:
    """A token bucket per client: `rate` per second, `burst` at once; at most `max_clients` kept."""

    def __init__(self, rate: float, burst: float, *, max_clients: int = 10_000, clock=time.monotonic) -> None:
        self.rate, self.burst, self.max_clients, self.clock = rate, burst, max_clients, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> float:
        """0 when allowed (a token is used), else the seconds until the next token."""
        now = self.clock()
        tokens, last = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait

    def limited(self, client: str) -> bool:
        """True when the client has no token left (nothing is used)."""
        now = self.clock()
        tokens, last = self._buckets.get(client, (self.burst, now))
        return min(self.burst, tokens + (now - last) * self.rate) < 1


class _BadHttpFilter(logging.Filter):
    """aiohttp.server logs a malformed request as ERROR with a traceback: make it one WARNING line."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            remote = record.args[0] if isinstance(record.args, tuple) and record.args else "?"
            message = str(getattr(exc, "message", "") or exc.__class__.__name__).splitlines()[0][:120]
            record.msg, record.args = "malformed HTTP request from %s: %s %s", (remote, exc.__class__.__name__, message)
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


_FILTER = _BadHttpFilter()


def quiet_bad_http() -> None:
    logger = logging.getLogger("aiohttp.server")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


def client_of(request: web.Request) -> str:
    return request.remote or "?"


def is_loopback(host: str | None) -> bool:
    """Only this machine can connect: 127.x, ::1 or localhost (0.0.0.0, "" and LAN addresses are not)."""
    if host in (None, ""):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_passcode(length: int = 8) -> str:
    return "".join(secrets.choice(_PASS_ALPHABET) for _ in range(length))


def installation_token(path: Path) -> str:
    """The local Bot API token of this installation: read from `path`, or made random and saved
    there (mode 0600) on first use. A Bot API token's shape: <digits>:<secret>."""
    try:
        token = path.read_text(encoding="utf-8").strip()
        if ":" in token and token.split(":", 1)[0].isdigit() and len(token) >= 20:
            return token
    except FileNotFoundError:
        pass
    token = f"{secrets.randbelow(9 * 10**9) + 10**9}:{secrets.token_urlsafe(30)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")
    return token
