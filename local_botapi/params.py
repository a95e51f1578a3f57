"""Request parameters of a Bot API call, whatever the body type, typed on read."""
from __future__ import annotations

import json
from typing import Any

from .errors import bad_request


class Params:
    """Request parameters from a query string, a form, a multipart body or JSON, typed on read."""

    def __init__(self, values: dict[str, Any], files: dict[str, tuple[bytes, str, str]] | None = None) -> None:
        self.values = values
        self.files = files or {}

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "") or name in self.files

    def str(self, name: str, default: str | None = None) -> str | None:
        v = self.values.get(name)
        return default if v is None else str(v)

    def int(self, name: str, default: int | None = None) -> int | None:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        try:
            return int(v)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def bool(self, name: str, default: bool = False) -> bool:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        if isinstance(v, bool):
            return v
        return str(v).lower() in ("true", "1")

    def json(self, name: str, default: Any = None) -> Any:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        if isinstance(v, str):
            try:
                return json.loads(v)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return v

    def require(self, name: str) -> Any:
        if not self.has(name):
            raise bad_request(f"{name} is empty")
        return self.values.get(name)
