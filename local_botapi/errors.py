"""The error shape of the Bot API: {"ok": false, "error_code": N, "description": "..."}."""
from __future__ import annotations


class ApiError(Exception):
    """A Bot API error, rendered as Telegram renders it (HTTP status = error_code)."""

    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict:
        body = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(why: str) -> ApiError:
    return ApiError(400, f"Bad Request: {why}")
